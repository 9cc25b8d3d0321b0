#include "storagearea.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

#include <cstdlib>

#include "engine/store.h"
#include "sandbox_debug.h"
#include "wire.h"

namespace sandbox {

namespace {

const QString kFiles = QStringLiteral("$files");
const QString kIncoming = QStringLiteral(".incoming");

} // namespace

StorageArea::StorageArea(Store &store, const QString &root)
    : m_store(store)
    , m_root(QDir::cleanPath(root))
{ }

std::expected<void, QString> StorageArea::prepare()
{
    QDir incoming(m_root + QLatin1Char('/') + kIncoming);
    if (!incoming.mkpath(QStringLiteral("."))) {
        return std::unexpected(QStringLiteral("cannot create %1").arg(incoming.path()));
    }
    for (const QString &name : incoming.entryList(QDir::Files | QDir::Hidden)) {
        incoming.remove(name);
    }
    return {};
}

void StorageArea::removeOrphans()
{
    const std::lock_guard lock(m_mutex);
    for (const AppInfo &app : m_store.apps()) {
        QDir dir(m_root + QLatin1Char('/') + wire::uuidString(app.id));
        if (!dir.exists()) {
            continue;
        }
        const auto result = m_store.query(app.id, QJsonObject {{kFiles, QJsonObject {}}});
        if (!result) {
            continue;
        }
        QSet<QString> referenced;
        for (const QJsonValue &file : result->tree.value(kFiles).toArray()) {
            referenced.insert(file.toObject().value(QStringLiteral("location-id")).toString());
        }
        for (const QString &name : dir.entryList(QDir::Files)) {
            if (!referenced.contains(name)) {
                dir.remove(name);
                qCInfo(lcSandbox) << "removed unreferenced stored file" << name;
            }
        }
    }
}

void StorageArea::setBaseUrl(const QString &baseUrl)
{
    m_baseUrl = baseUrl;
}

QString StorageArea::newIncomingPath() const
{
    return m_root + QLatin1Char('/') + kIncoming + QLatin1Char('/') + wire::uuidString(QUuid::createUuid())
        + QStringLiteral(".part");
}

QString StorageArea::diskPath(const QUuid &appId, const QString &locationId) const
{
    const auto location = wire::parseUuid(locationId);
    if (!location || appId.isNull()) {
        return {};
    }
    return m_root + QLatin1Char('/') + wire::uuidString(appId) + QLatin1Char('/') + wire::uuidString(*location);
}

QString StorageArea::url(const QUuid &appId, const QString &locationId) const
{
    return m_baseUrl + QStringLiteral("/sandbox/files/") + objectKey(appId, locationId);
}

QString StorageArea::objectKey(const QUuid &appId, const QString &locationId)
{
    const qint64 bin = std::llabs(qint64(wire::javaStringHash(locationId))) % 10;
    return wire::uuidString(appId) + QLatin1Char('/') + QString::number(bin) + QLatin1Char('/') + locationId;
}

std::expected<std::optional<QJsonObject>, ApiError> StorageArea::fileByPath(
    const QUuid &appId, const QString &path) const
{
    const auto result = m_store.query(appId,
        QJsonObject {{kFiles,
            QJsonObject {{QStringLiteral("$"),
                QJsonObject {{QStringLiteral("where"), QJsonObject {{QStringLiteral("path"), path}}}}}}}});
    if (!result) {
        return std::unexpected(result.error());
    }
    const QJsonArray rows = result->tree.value(kFiles).toArray();
    return rows.isEmpty() ? std::optional<QJsonObject> {} : std::optional<QJsonObject> {rows.first().toObject()};
}

std::expected<std::optional<QJsonObject>, ApiError> StorageArea::fileByLocation(
    const QUuid &appId, const QString &locationId) const
{
    const auto result = m_store.query(appId,
        QJsonObject {{kFiles,
            QJsonObject {{QStringLiteral("$"),
                QJsonObject {{QStringLiteral("where"), QJsonObject {{QStringLiteral("location-id"), locationId}}}}}}}});
    if (!result) {
        return std::unexpected(result.error());
    }
    const QJsonArray rows = result->tree.value(kFiles).toArray();
    return rows.isEmpty() ? std::optional<QJsonObject> {} : std::optional<QJsonObject> {rows.first().toObject()};
}

std::expected<QJsonObject, ApiError> StorageArea::commit(const QUuid &appId, const QString &path,
    const QString &incomingPath, qint64 size, const QString &contentType, const QString &contentDisposition)
{
    const std::lock_guard lock(m_mutex);
    const QString locationId = wire::uuidString(QUuid::createUuid());
    const QString target = diskPath(appId, locationId);
    if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::rename(incomingPath, target)) {
        QFile::remove(incomingPath);
        qCWarning(lcSandbox) << "cannot move an upload into" << target;
        ApiError error;
        error.status = 500;
        error.type = QStringLiteral("unknown");
        error.message = QStringLiteral("Something went wrong. Sorry about this!");
        error.hint = QJsonObject {{QStringLiteral("debug-uri"), QJsonValue::Null}};
        return std::unexpected(error);
    }

    const auto previous = fileByPath(appId, path);
    if (!previous) {
        QFile::remove(target);
        return std::unexpected(previous.error());
    }
    // The path lookup makes this an upsert: same entity when the path exists, a new one otherwise.
    const auto tx = m_store.transact(appId,
        QJsonArray {QJsonArray {QStringLiteral("update"), kFiles, QJsonArray {QStringLiteral("path"), path},
            QJsonObject {
                {QStringLiteral("size"), double(size)},
                {QStringLiteral("content-type"), contentType},
                {QStringLiteral("content-disposition"), contentDisposition},
                {QStringLiteral("location-id"), locationId},
                {QStringLiteral("key-version"), 1},
            }}},
        TransactOptions {false, Identity {}, true});
    if (!tx) {
        QFile::remove(target);
        return std::unexpected(tx.error());
    }
    if (previous->has_value()) {
        const QString old = diskPath(appId, (*previous)->value(QStringLiteral("location-id")).toString());
        if (!old.isEmpty()) {
            QFile::remove(old);
        }
    }
    const auto stored = fileByPath(appId, path);
    if (!stored) {
        return std::unexpected(stored.error());
    }
    return QJsonObject {
        {QStringLiteral("id"), stored->has_value() ? (*stored)->value(QStringLiteral("id")) : QJsonValue()},
        {QStringLiteral("location-id"), locationId},
        {QStringLiteral("size"), double(size)},
    };
}

std::expected<std::optional<QString>, ApiError> StorageArea::removeByPath(const QUuid &appId, const QString &path)
{
    const std::lock_guard lock(m_mutex);
    const auto file = fileByPath(appId, path);
    if (!file) {
        return std::unexpected(file.error());
    }
    if (!file->has_value()) {
        return std::optional<QString> {};
    }
    const QString id = (*file)->value(QStringLiteral("id")).toString();
    const auto tx = m_store.transact(appId, QJsonArray {QJsonArray {QStringLiteral("delete"), kFiles, id}});
    if (!tx) {
        return std::unexpected(tx.error());
    }
    const QString disk = diskPath(appId, (*file)->value(QStringLiteral("location-id")).toString());
    if (!disk.isEmpty()) {
        QFile::remove(disk);
    }
    return std::optional<QString> {id};
}

} // namespace sandbox
