#include "storageroutes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <httplib.h>

#include <memory>

#include "authresolver.h"
#include "engine/store.h"
#include "requestcontext.h"
#include "router.h"
#include "sandbox_debug.h"
#include "services.h"
#include "storagearea.h"
#include "wire.h"

namespace sandbox {

namespace {

/** No permission rules exist in the sandbox; for storage that means what Instant does without rules: deny. */
ApiError storageDenied(const QString &action)
{
    ApiError error;
    error.type = QStringLiteral("permission-denied");
    error.message = QStringLiteral("Permission denied: not has-storage-permission?");
    error.hint = QJsonObject {{QStringLiteral("input"), QJsonArray {QStringLiteral("$files"), action}},
        {QStringLiteral("expected"), QStringLiteral("has-storage-permission?")}};
    return error;
}

/** Reads and drops a body nobody will use, so the connection stays in step. */
void drain(const httplib::ContentReader &reader)
{
    reader([](const char *, std::size_t) { return true; });
}

QString optionalHeader(const RequestContext &context, const char *name)
{
    const QString value = context.header(name).trimmed();
    if (value.isEmpty() || value == QLatin1String("null") || value == QLatin1String("undefined")) {
        return {};
    }
    return value;
}

std::expected<QString, ApiError> filenameParam(const RequestContext &context)
{
    const QString filename = context.queryParam("filename");
    if (!context.hasQueryParam("filename") || filename.trimmed().isEmpty()) {
        return std::unexpected(ApiError::paramMissing({QStringLiteral("params"), QStringLiteral("filename")}));
    }
    return filename;
}

} // namespace

StorageRoutes::StorageRoutes(Services &services)
    : m_services(services)
{ }

void StorageRoutes::install(Router &router)
{
    using M = Router::Method;
    router.streaming(
        M::Put, "/admin/storage/upload", [this](RequestContext &c, const httplib::ContentReader &r) { upload(c, r); });
    router.streaming(M::Put, R"(/storage/([0-9a-fA-F-]{36})/consume-upload-url)",
        [this](RequestContext &c, const httplib::ContentReader &r) { consumeUploadUrl(c, r); });
    router.raw(M::Get, R"(/sandbox/files/([0-9a-fA-F-]{36})/([0-9])/([0-9a-fA-F-]{36}))",
        [this](RequestContext &c) { download(c); });
    router.json(M::Post, "/admin/storage/signed-upload-url", [this](RequestContext &c) { return signedUploadUrl(c); });
    router.json(
        M::Get, "/admin/storage/signed-download-url", [this](RequestContext &c) { return signedDownloadUrl(c); });
    router.json(M::Get, "/admin/storage/files", [this](RequestContext &c) { return list(c); });
    router.json(M::Delete, "/admin/storage/files", [this](RequestContext &c) { return deleteOne(c); });
    router.json(M::Post, "/admin/storage/files/delete", [this](RequestContext &c) { return deleteMany(c); });
}

void StorageRoutes::upload(RequestContext &context, const httplib::ContentReader &reader)
{
    const auto auth = m_services.auth.resolve(context);
    if (!auth) {
        drain(reader);
        context.sendError(auth.error());
        return;
    }
    const QString path = context.header("Path").trimmed();
    if (path.isEmpty()) {
        drain(reader);
        context.sendError(ApiError::paramMissing({QStringLiteral("path")}));
        return;
    }
    if (auth->identity.kind != Identity::Kind::Admin) {
        drain(reader);
        context.sendError(storageDenied(QStringLiteral("create")));
        return;
    }
    receive(context, reader, auth->appId, path);
}

void StorageRoutes::consumeUploadUrl(RequestContext &context, const httplib::ContentReader &reader)
{
    const QUuid uploadId = QUuid::fromString(context.pathMatch(1));
    PendingUpload pending;
    {
        const QMutexLocker lock(&m_pendingMutex);
        if (!m_pendingUploads.contains(uploadId)) {
            drain(reader);
            context.sendError(ApiError::recordNotFound(
                QStringLiteral("upload-url"), QJsonObject {{QStringLiteral("id"), wire::uuidString(uploadId)}}));
            return;
        }
        pending = m_pendingUploads.take(uploadId);
    }
    receive(context, reader, pending.appId, pending.path);
}

void StorageRoutes::receive(
    RequestContext &context, const httplib::ContentReader &reader, const QUuid &appId, const QString &path)
{
    const QString incoming = m_services.storage.newIncomingPath();
    auto file = std::make_unique<QFile>(incoming);
    if (!file->open(QIODevice::WriteOnly)) {
        drain(reader);
        qCWarning(lcSandbox) << "cannot open" << incoming << file->errorString();
        context.sendError(Router::unknownError());
        return;
    }

    // Chunks go straight to disk, so memory stays flat whatever the size.
    qint64 size = 0;
    bool writeFailed = false;
    const bool complete = reader([&](const char *data, std::size_t length) {
        if (writeFailed) {
            return true;
        }
        if (file->write(data, qint64(length)) != qint64(length)) {
            writeFailed = true;
        }
        size += qint64(length);
        return true;
    });
    const bool flushed = file->flush();
    file->close();
    if (!complete || writeFailed || !flushed) {
        // An aborted or failed upload leaves neither bytes nor a record behind.
        QFile::remove(incoming);
        if (context.response().status == 413) {
            context.sendError(Router::payloadTooLarge(m_services.options.uploadLimit));
        } else if (writeFailed || !flushed) {
            context.sendError(Router::unknownError());
        } else {
            context.response().status = 400;
        }
        qCInfo(lcSandboxHttp) << context.logId() << "upload not stored";
        return;
    }

    const QString contentType = optionalHeader(context, "Content-Type");
    const QString disposition = optionalHeader(context, "Content-Disposition");
    const auto stored = m_services.storage.commit(appId, path, incoming, size,
        contentType.isEmpty() ? QStringLiteral("application/octet-stream") : contentType,
        disposition.isEmpty() ? QStringLiteral("inline") : disposition);
    if (!stored) {
        context.sendError(stored.error());
        return;
    }
    context.sendJson(QJsonObject {{QStringLiteral("data"), *stored}});
}

void StorageRoutes::download(RequestContext &context)
{
    const auto appId = wire::parseUuid(context.pathMatch(1));
    const QString locationId = context.pathMatch(3).toLower();
    const QString disk = appId ? m_services.storage.diskPath(*appId, locationId) : QString();
    const auto file = disk.isEmpty() || !m_services.store.appExists(*appId)
        ? std::expected<std::optional<QJsonObject>, ApiError> {}
        : m_services.storage.fileByLocation(*appId, locationId);
    // The bin is part of the key; a URL with the wrong one names no object.
    const QString expectedKey = appId ? StorageArea::objectKey(*appId, locationId) : QString();
    const QString key
        = context.pathMatch(1).toLower() + QLatin1Char('/') + context.pathMatch(2) + QLatin1Char('/') + locationId;
    auto handle = std::make_shared<QFile>(disk);
    if (!file || !file->has_value() || key != expectedKey || !handle->open(QIODevice::ReadOnly)) {
        context.response().status = 404; // the error handler writes the route-not-found body
        return;
    }

    const QJsonObject record = **file;
    const std::string contentType = record.value(QStringLiteral("content-type")).toString().toStdString();
    const QString disposition = record.value(QStringLiteral("content-disposition")).toString();
    if (!disposition.isEmpty()) {
        context.response().set_header("Content-Disposition", disposition.toStdString());
    }
    context.response().status = 200;
    context.response().set_content_provider(std::size_t(handle->size()),
        contentType.empty() ? "application/octet-stream" : contentType.c_str(),
        [handle](std::size_t offset, std::size_t length, httplib::DataSink &sink) {
            QByteArray chunk(qsizetype(std::min<std::size_t>(length, 256 * 1024)), Qt::Uninitialized);
            if (!handle->seek(qint64(offset))) {
                return false;
            }
            const qint64 read = handle->read(chunk.data(), chunk.size());
            return read > 0 && sink.write(chunk.constData(), std::size_t(read));
        });
}

std::expected<QJsonValue, ApiError> StorageRoutes::signedUploadUrl(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const QJsonValue filename = context.bodyValue(QStringLiteral("filename"));
    const QStringList path {QStringLiteral("body"), QStringLiteral("filename")};
    if (filename.isUndefined() || filename.isNull()
        || (filename.isString() && filename.toString().trimmed().isEmpty())) {
        return std::unexpected(ApiError::paramMissing(path));
    }
    if (!filename.isString()) {
        return std::unexpected(ApiError::paramMalformed(path, filename));
    }
    const QUuid uploadId = QUuid::createUuid();
    {
        const QMutexLocker lock(&m_pendingMutex);
        m_pendingUploads.insert(uploadId, PendingUpload {*appId, filename.toString().trimmed()});
    }
    const QString url = m_services.baseUrl + QStringLiteral("/storage/") + wire::uuidString(uploadId)
        + QStringLiteral("/consume-upload-url");
    return QJsonObject {{QStringLiteral("data"), url}};
}

std::expected<QJsonValue, ApiError> StorageRoutes::signedDownloadUrl(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const auto filename = filenameParam(context);
    if (!filename) {
        return std::unexpected(filename.error());
    }
    const auto file = m_services.storage.fileByPath(*appId, *filename);
    if (!file) {
        return std::unexpected(file.error());
    }
    if (!file->has_value()) {
        return QJsonObject {{QStringLiteral("data"), QJsonValue::Null}};
    }
    return QJsonObject {{QStringLiteral("data"),
        m_services.storage.url(*appId, (*file)->value(QStringLiteral("location-id")).toString())}};
}

std::expected<QJsonValue, ApiError> StorageRoutes::list(RequestContext &context)
{
    const auto admin = m_services.auth.requireAdmin(context);
    if (!admin) {
        return std::unexpected(admin.error());
    }
    const auto auth = m_services.auth.resolve(context);
    if (!auth) {
        return std::unexpected(auth.error());
    }
    const auto result = m_services.store.query(
        auth->appId, QJsonObject {{QStringLiteral("$files"), QJsonObject {}}}, QueryOptions {false, auth->identity});
    if (!result) {
        return std::unexpected(result.error());
    }
    QJsonArray data;
    for (const QJsonValue &value : result->tree.value(QStringLiteral("$files")).toArray()) {
        const QJsonObject file = value.toObject();
        data.append(QJsonObject {
            {QStringLiteral("key"),
                StorageArea::objectKey(auth->appId, file.value(QStringLiteral("location-id")).toString())},
            {QStringLiteral("name"), file.value(QStringLiteral("path"))},
            {QStringLiteral("size"), file.value(QStringLiteral("size"))},
            {QStringLiteral("etag"), QJsonValue::Null},
            {QStringLiteral("last_modified"), QJsonValue::Null},
        });
    }
    return QJsonObject {{QStringLiteral("data"), data}};
}

std::expected<QJsonValue, ApiError> StorageRoutes::deleteOne(RequestContext &context)
{
    const auto auth = m_services.auth.resolve(context);
    if (!auth) {
        return std::unexpected(auth.error());
    }
    const auto filename = filenameParam(context);
    if (!filename) {
        return std::unexpected(filename.error());
    }
    if (auth->identity.kind != Identity::Kind::Admin) {
        return std::unexpected(storageDenied(QStringLiteral("delete")));
    }
    const auto removed = m_services.storage.removeByPath(auth->appId, *filename);
    if (!removed) {
        return std::unexpected(removed.error());
    }
    return QJsonObject {{QStringLiteral("data"),
        QJsonObject {{QStringLiteral("id"), removed->has_value() ? QJsonValue(**removed) : QJsonValue()}}}};
}

std::expected<QJsonValue, ApiError> StorageRoutes::deleteMany(RequestContext &context)
{
    const auto auth = m_services.auth.resolve(context);
    if (!auth) {
        return std::unexpected(auth.error());
    }
    const QJsonValue filenames = context.bodyValue(QStringLiteral("filenames"));
    const QStringList path {QStringLiteral("body"), QStringLiteral("filenames")};
    if (filenames.isUndefined() || filenames.isNull()) {
        return std::unexpected(ApiError::paramMissing(path));
    }
    if (!filenames.isArray()) {
        return std::unexpected(ApiError::paramMalformed(path, filenames));
    }
    if (auth->identity.kind != Identity::Kind::Admin) {
        return std::unexpected(storageDenied(QStringLiteral("delete")));
    }
    QJsonArray ids;
    for (const QJsonValue &name : filenames.toArray()) {
        const auto removed = m_services.storage.removeByPath(auth->appId, name.toString());
        if (!removed) {
            return std::unexpected(removed.error());
        }
        if (removed->has_value()) {
            ids.append(**removed);
        }
    }
    return QJsonObject {{QStringLiteral("data"), QJsonObject {{QStringLiteral("ids"), ids}}}};
}

} // namespace sandbox
