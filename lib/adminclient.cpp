#include "adminclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

#include "instant_debug.h"
#include "sdkjson.h"

using namespace Qt::StringLiterals;

namespace instant {

namespace {

// The SDK release whose wire format this client follows (spec §1.5). It appears only where the SDK
// puts it into a request body (`versions` of subscribe-query), so that bodies match byte for byte.
// The Instant-Admin-Version / Instant-Core-Version headers are deliberately not sent: they would claim
// a JS package we are not, the server only traces them, and our User-Agent identifies the console.
constexpr auto kSdkWireVersion = "v1.0.67";

const QString kQueryRoute = u"/admin/query"_s;
const QString kTransactRoute = u"/admin/transact"_s;
const QString kSubscribeRoute = u"/admin/subscribe-query"_s;
const QString kQueryPermsRoute = u"/admin/query_perms_check"_s;
const QString kTransactPermsRoute = u"/admin/transact_perms_check"_s;
const QString kRefreshTokensRoute = u"/admin/refresh_tokens"_s;
const QString kSignOutRoute = u"/admin/sign_out"_s;
const QString kMagicCodeRoute = u"/admin/magic_code"_s;
const QString kSendMagicCodeRoute = u"/admin/send_magic_code"_s;
const QString kVerifyMagicCodeRoute = u"/admin/verify_magic_code"_s;
const QString kSignInGuestRoute = u"/admin/sign_in_guest"_s;
const QString kUsersRoute = u"/admin/users"_s;
const QString kVerifyRefreshTokenRoute = u"/runtime/auth/verify_refresh_token"_s;
const QString kUploadRoute = u"/admin/storage/upload"_s;
const QString kFilesRoute = u"/admin/storage/files"_s;
const QString kFilesDeleteRoute = u"/admin/storage/files/delete"_s;
const QString kSignedUploadUrlRoute = u"/admin/storage/signed-upload-url"_s;
const QString kSignedDownloadUrlRoute = u"/admin/storage/signed-download-url"_s;
const QString kPresenceRoute = u"/admin/rooms/presence"_s;
const QString kSchemaRoute = u"/admin/schema"_s;
const QString kSoftDeletedAttrsRoute = u"/admin/soft_deleted_attrs"_s;

const QByteArray kGet = QByteArrayLiteral("GET");
const QByteArray kPost = QByteArrayLiteral("POST");
const QByteArray kPut = QByteArrayLiteral("PUT");
const QByteArray kDelete = QByteArrayLiteral("DELETE");

// JavaScript's encodeURIComponent.
QString encodeUriComponent(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, QByteArrayLiteral("!~*'()")));
}

// URLSearchParams' application/x-www-form-urlencoded serializer (spaces as '+').
QString encodeFormComponent(const QString &text)
{
    QByteArray encoded = QUrl::toPercentEncoding(text, QByteArrayLiteral("*"), QByteArrayLiteral("~"));
    encoded.replace("%20", "+");
    return QString::fromLatin1(encoded);
}

QString queryItem(const QString &name, const QString &encodedValue)
{
    return name + u'=' + encodedValue;
}

// {"query": q} with `$$ruleParams` first, as the SDK's `{ $$ruleParams: …, ...query }` spread builds it.
QByteArray queryWithRuleParams(const QJsonObject &query, const std::optional<QJsonObject> &ruleParams)
{
    if (!ruleParams) {
        return toSdkJson(query);
    }
    const QString key = u"$$ruleParams"_s;
    OrderedJsonObject merged;
    merged.insert(key, query.contains(key) ? query.value(key) : QJsonValue(*ruleParams));
    for (auto it = query.constBegin(); it != query.constEnd(); ++it) {
        if (it.key() != key) {
            merged.insert(it.key(), it.value());
        }
    }
    return merged.toJson();
}

} // namespace

QString UserSelector::wireKey() const
{
    switch (key) {
    case Key::Email:
        return u"email"_s;
    case Key::Id:
        return u"id"_s;
    case Key::RefreshToken:
        return u"refresh_token"_s;
    }
    return {};
}

AdminClient::AdminClient(const Connection &connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_nam(new QNetworkAccessManager(this))
    , m_ownLog(new RequestLog(RequestLog::kDefaultCapacity, this))
    , m_log(m_ownLog)
{ }

AdminClient::~AdminClient()
{
    // Jobs go before the network access manager, whose destruction would abort their replies and
    // make them report a failure to receivers that may be half gone themselves.
    qDeleteAll(findChildren<Job *>(Qt::FindDirectChildrenOnly));
}

void AdminClient::setConnection(const Connection &connection)
{
    m_connection = connection;
}

void AdminClient::setRequestLog(RequestLog *log)
{
    m_log = log;
}

void AdminClient::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_transferTimeout = timeout;
}

void AdminClient::setMaxReplySize(qint64 bytes)
{
    m_maxReplySize = bytes;
}

void AdminClient::setMaxQueryReplySize(qint64 bytes)
{
    m_maxQueryReplySize = bytes;
}

QByteArray AdminClient::userAgent()
{
    return QByteArrayLiteral("instant-console/" INSTANT_VERSION);
}

QUrlQuery AdminClient::appIdQuery() const
{
    QUrlQuery query;
    query.addQueryItem(u"app_id"_s, m_connection.appId());
    return query;
}

std::expected<QNetworkRequest, Error> AdminClient::buildRequest(
    QStringView route, const QUrlQuery &query, const Identity &identity, RequestOptions options) const
{
    QStringList items;
    if (!options.testFlag(RequestOption::WithoutAppIdQuery)) {
        items << queryItem(u"app_id"_s, encodeUriComponent(m_connection.appId()));
    }
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        items << queryItem(encodeUriComponent(name), encodeUriComponent(value));
    }

    const bool adminHeaders = !options.testFlag(RequestOption::WithoutAdminHeaders);
    if (adminHeaders && identity.requiresAdminToken() && !m_connection.hasAdminToken()) {
        // The SDK refuses these calls before sending anything; so do we, with its explanation.
        return std::unexpected(Error::make(Error::Kind::Config,
            identity.kind() == Identity::Kind::Email
                ? QCoreApplication::translate(
                    "instant::AdminClient", "An admin token is required to impersonate a user by email.")
                : QCoreApplication::translate("instant::AdminClient",
                    "An admin token is required for this request. Enter the app's admin token, or run the "
                    "request as a user by refresh token or as a guest.")));
    }

    QUrl url = m_connection.routeUrl(route);
    if (!items.isEmpty()) {
        url.setQuery(items.join(u'&'), QUrl::StrictMode);
    }
    QNetworkRequest request(url);

    // Header order and spelling as the SDK's authorizedHeaders().
    if (!options.testFlag(RequestOption::WithoutJsonContentType)) {
        request.setRawHeader("content-type", "application/json");
    }
    if (adminHeaders) {
        request.setRawHeader("app-id", m_connection.appId().toUtf8());
        if (m_connection.hasAdminToken()) {
            request.setRawHeader("authorization", "Bearer " + m_connection.adminToken().toUtf8());
        }
        for (const auto &[name, value] : identity.headers()) {
            request.setRawHeader(name, value);
        }
    }
    request.setRawHeader("User-Agent", userAgent());

    // Admin calls are never redirected legitimately; following one could carry the token elsewhere.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (!options.testFlag(RequestOption::WithoutTransferTimeout)) {
        request.setTransferTimeout(int(m_transferTimeout.count()));
    }
    if (url.scheme() == u"https"_s) {
        request.setSslConfiguration(m_connection.sslConfiguration());
    }
    return request;
}

QByteArray AdminClient::subscribeQueryBody(const QJsonObject &query, const QueryOptions &options)
{
    OrderedJsonObject versions;
    versions.insert(u"@instantdb/admin"_s, QString::fromLatin1(kSdkWireVersion));
    versions.insert(u"@instantdb/core"_s, QString::fromLatin1(kSdkWireVersion));
    OrderedJsonObject body;
    body.insertRaw(u"query"_s, queryWithRuleParams(query, options.ruleParams));
    body.insert(u"inference?"_s, options.inference);
    body.insertRaw(u"versions"_s, versions.toJson());
    return body.toJson();
}

std::expected<PreparedRequest, Error> AdminClient::prepareSubscribeQuery(
    const QJsonObject &query, const QueryOptions &options, const Identity &identity) const
{
    QUrlQuery urlQuery;
    urlQuery.addQueryItem(u"local_connection_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    auto request = buildRequest(kSubscribeRoute, urlQuery, identity,
        RequestOptions(RequestOption::WithoutAppIdQuery) | RequestOption::WithoutTransferTimeout);
    if (!request) {
        return std::unexpected(request.error());
    }
    return PreparedRequest {*request, subscribeQueryBody(query, options)};
}

template<typename JobT>
JobT *AdminClient::failed(QStringView route, const Error &error)
{
    auto *job = new JobT(route.toString(), this);
    qCInfo(lcInstantNet).noquote() << "request" << route << "refused before sending:" << error.detail();
    job->failLater(error);
    return job;
}

template<typename JobT>
JobT *AdminClient::send(const QByteArray &method, QStringView route, const QUrlQuery &query, const QByteArray &body,
    const Identity &identity, RequestOptions options)
{
    auto request = buildRequest(route, query, identity, options);
    if (!request) {
        return failed<JobT>(route, request.error());
    }
    auto *job = new JobT(route.toString(), this);
    const qint64 limit = std::is_same_v<JobT, QueryJob> ? m_maxQueryReplySize : m_maxReplySize;
    start(job, method, *request, body, nullptr, identity, {}, limit);
    return job;
}

void AdminClient::start(Job *job, const QByteArray &method, const QNetworkRequest &request, const QByteArray &body,
    QIODevice *uploadDevice, const Identity &identity, const QString &uploadFilePath, qint64 maxReplySize)
{
    const quint64 id
        = m_log ? m_log->recordStarted(method, job->route(), request, body, identity.logName(), uploadFilePath) : 0;
    qCInfo(lcInstantNet).noquote() << "request" << id << QString::fromLatin1(method) << job->route() << "as"
                                   << identity.logName();

    QNetworkReply *reply = nullptr;
    if (uploadDevice) {
        reply = m_nam->sendCustomRequest(request, method, uploadDevice);
    } else if (method == kGet) {
        reply = m_nam->get(request);
    } else if (method == kPost) {
        reply = m_nam->post(request, body);
    } else {
        reply = m_nam->sendCustomRequest(request, method, body);
    }
    const qint64 bytesToSend
        = uploadDevice ? request.header(QNetworkRequest::ContentLengthHeader).toLongLong() : body.size();
    job->attach(reply, m_log, id, maxReplySize, bytesToSend);
}

QueryJob *AdminClient::query(const QJsonObject &query, const QueryOptions &options, const Identity &identity)
{
    OrderedJsonObject body;
    body.insertRaw(u"query"_s, queryWithRuleParams(query, options.ruleParams));
    body.insert(u"inference?"_s, options.inference);
    return send<QueryJob>(kPost, kQueryRoute, {}, body.toJson(), identity);
}

ApiJob *AdminClient::transact(const TxBuilder &tx, const TransactOptions &options, const Identity &identity)
{
    return transact(tx.steps(), options, identity);
}

ApiJob *AdminClient::transact(const QJsonArray &steps, const TransactOptions &options, const Identity &identity)
{
    OrderedJsonObject body;
    body.insert(u"steps"_s, steps);
    body.insert(u"throw-on-missing-attrs?"_s, options.throwOnMissingAttrs);
    return send<ApiJob>(kPost, kTransactRoute, {}, body.toJson(), identity);
}

QueryJob *AdminClient::queryPermsCheck(
    const QJsonObject &query, const QueryPermsCheckOptions &options, const Identity &identity)
{
    OrderedJsonObject body;
    body.insertRaw(u"query"_s, queryWithRuleParams(query, options.ruleParams));
    if (options.rules) {
        body.insert(u"rules-override"_s, *options.rules);
    }
    body.insert(u"inference?"_s, options.inference);
    if (!options.ip.isEmpty()) {
        body.insert(u"ip-override"_s, options.ip);
    }
    if (!options.origin.isEmpty()) {
        body.insert(u"origin-override"_s, options.origin);
    }
    return send<QueryJob>(kPost, kQueryPermsRoute, {}, body.toJson(), identity);
}

ApiJob *AdminClient::transactPermsCheck(
    const TxBuilder &tx, const TransactPermsCheckOptions &options, const Identity &identity)
{
    return transactPermsCheck(tx.steps(), options, identity);
}

ApiJob *AdminClient::transactPermsCheck(
    const QJsonArray &steps, const TransactPermsCheckOptions &options, const Identity &identity)
{
    OrderedJsonObject body;
    body.insert(u"steps"_s, steps);
    if (options.rules) {
        body.insert(u"rules-override"_s, *options.rules);
    }
    if (options.dangerouslyCommit) {
        body.insert(u"dangerously-commit-tx"_s, *options.dangerouslyCommit);
    }
    if (!options.ip.isEmpty()) {
        body.insert(u"ip-override"_s, options.ip);
    }
    if (!options.origin.isEmpty()) {
        body.insert(u"origin-override"_s, options.origin);
    }
    return send<ApiJob>(kPost, kTransactPermsRoute, {}, body.toJson(), identity);
}

ApiJob *AdminClient::refreshTokens(const UserSelector &user, const std::optional<QJsonObject> &extraFields)
{
    if (user.key == UserSelector::Key::RefreshToken) {
        return failed<ApiJob>(kRefreshTokensRoute,
            Error::make(Error::Kind::Config,
                QCoreApplication::translate("instant::AdminClient", "A token can only be created by email or id.")));
    }
    OrderedJsonObject body;
    body.insert(user.wireKey(), user.value);
    if (extraFields) {
        body.insert(u"extra-fields"_s, *extraFields);
    }
    return send<ApiJob>(kPost, kRefreshTokensRoute, {}, body.toJson(), {});
}

ApiJob *AdminClient::signOut(const UserSelector &user)
{
    OrderedJsonObject body;
    body.insert(user.wireKey(), user.value);
    return send<ApiJob>(kPost, kSignOutRoute, {}, body.toJson(), {});
}

ApiJob *AdminClient::magicCode(const QString &email)
{
    OrderedJsonObject body;
    body.insert(u"email"_s, email);
    return send<ApiJob>(kPost, kMagicCodeRoute, {}, body.toJson(), {});
}

ApiJob *AdminClient::sendMagicCode(const QString &email)
{
    OrderedJsonObject body;
    body.insert(u"email"_s, email);
    return send<ApiJob>(kPost, kSendMagicCodeRoute, {}, body.toJson(), {});
}

ApiJob *AdminClient::verifyMagicCode(const QString &email, const QString &code,
    const std::optional<QJsonObject> &extraFields, const QString &guestRefreshToken)
{
    OrderedJsonObject body;
    body.insert(u"email"_s, email);
    body.insert(u"code"_s, code);
    if (extraFields) {
        body.insert(u"extra-fields"_s, *extraFields);
    }
    if (!guestRefreshToken.isEmpty()) {
        body.insert(u"refresh-token"_s, guestRefreshToken);
    }
    return send<ApiJob>(kPost, kVerifyMagicCodeRoute, {}, body.toJson(), {});
}

ApiJob *AdminClient::signInGuest(const std::optional<QJsonObject> &extraFields)
{
    OrderedJsonObject body;
    if (extraFields) {
        body.insert(u"extra-fields"_s, *extraFields);
    }
    return send<ApiJob>(kPost, kSignInGuestRoute, {}, body.toJson(), {});
}

ApiJob *AdminClient::getUser(const UserSelector &user)
{
    // The SDK appends `new URLSearchParams(params)`, which form-encodes (spaces as '+', '@' as %40).
    const QString tail = queryItem(user.wireKey(), encodeFormComponent(user.value));
    auto request = buildRequest(kUsersRoute, {}, {});
    if (!request) {
        return failed<ApiJob>(kUsersRoute, request.error());
    }
    QUrl url = request->url();
    url.setQuery(url.query(QUrl::FullyEncoded) + u'&' + tail, QUrl::StrictMode);
    request->setUrl(url);
    auto *job = new ApiJob(kUsersRoute, this);
    start(job, kGet, *request, {}, nullptr, {}, {}, m_maxReplySize);
    return job;
}

ApiJob *AdminClient::deleteUser(const UserSelector &user)
{
    const QString tail = queryItem(user.wireKey(), encodeFormComponent(user.value));
    auto request = buildRequest(kUsersRoute, {}, {});
    if (!request) {
        return failed<ApiJob>(kUsersRoute, request.error());
    }
    QUrl url = request->url();
    url.setQuery(url.query(QUrl::FullyEncoded) + u'&' + tail, QUrl::StrictMode);
    request->setUrl(url);
    auto *job = new ApiJob(kUsersRoute, this);
    start(job, kDelete, *request, {}, nullptr, {}, {}, m_maxReplySize);
    return job;
}

ApiJob *AdminClient::verifyRefreshToken(const QString &refreshToken)
{
    OrderedJsonObject body;
    body.insert(u"app-id"_s, m_connection.appId());
    body.insert(u"refresh-token"_s, refreshToken);
    return send<ApiJob>(kPost, kVerifyRefreshTokenRoute, {}, body.toJson(), {}, RequestOption::WithoutAdminHeaders);
}

ApiJob *AdminClient::upload(
    const QString &path, const QString &localFile, const UploadOptions &options, const Identity &identity)
{
    auto *file = new QFile(localFile);
    if (!file->open(QIODevice::ReadOnly)) {
        const QString reason = file->errorString();
        delete file;
        return failed<ApiJob>(kUploadRoute,
            Error::make(Error::Kind::Config,
                QCoreApplication::translate("instant::AdminClient", "Cannot read %1: %2").arg(localFile, reason)));
    }
    ApiJob *job = upload(path, file, options, identity, file->size());
    job->adoptDevice(file);
    return job;
}

ApiJob *AdminClient::upload(
    const QString &path, QIODevice *device, const UploadOptions &options, const Identity &identity, qint64 bytesTotal)
{
    if (!device || !device->isReadable()) {
        return failed<ApiJob>(kUploadRoute,
            Error::make(Error::Kind::Config,
                QCoreApplication::translate("instant::AdminClient", "The upload source is not readable.")));
    }
    if (bytesTotal < 0) {
        if (device->isSequential()) {
            return failed<ApiJob>(kUploadRoute,
                Error::make(Error::Kind::Config,
                    QCoreApplication::translate("instant::AdminClient",
                        "The size of a sequential upload source must be given (Content-Length).")));
        }
        bytesTotal = device->size() - device->pos();
    }

    auto request = buildRequest(kUploadRoute, {}, identity, RequestOption::WithoutJsonContentType);
    if (!request) {
        return failed<ApiJob>(kUploadRoute, request.error());
    }
    request->setRawHeader("path", path.toUtf8());
    if (!options.contentType.isEmpty()) {
        request->setRawHeader("content-type", options.contentType.toUtf8());
    }
    if (!options.contentDisposition.isEmpty()) {
        request->setRawHeader("content-disposition", options.contentDisposition.toUtf8());
    }
    return startUpload(*request, device, bytesTotal, kUploadRoute, identity);
}

ApiJob *AdminClient::startUpload(
    QNetworkRequest request, QIODevice *device, qint64 bytesTotal, const QString &route, const Identity &identity)
{
    // An explicit length plus DoNotBufferUploadData makes QNAM stream the device in small pieces
    // instead of copying it into memory first (flat memory for files of many gigabytes). QNAM reads a
    // non-QBuffer device on this thread, 16 KiB per round trip to its HTTP thread, which bounds the
    // throughput; a memory-mapped QBuffer would avoid that, but a file truncated during the upload
    // would then kill the process with SIGBUS, so files are read through QFile.
    request.setHeader(QNetworkRequest::ContentLengthHeader, bytesTotal);
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);

    auto *job = new ApiJob(route, this);
    const auto *file = qobject_cast<const QFile *>(device);
    const QString filePath = file ? QFileInfo(file->fileName()).absoluteFilePath() : QString();
    qCDebug(lcInstantUpload) << "upload of" << bytesTotal << "bytes, sequential:" << device->isSequential();
    start(job, kPut, request, {}, device, identity, filePath, m_maxReplySize);
    return job;
}

ApiJob *AdminClient::uploadToSignedUrl(const QUrl &signedUrl, const QString &localFile, const QString &contentType)
{
    const QString route = u"/storage/consume-upload-url"_s;
    auto *file = new QFile(localFile);
    if (!signedUrl.isValid() || (signedUrl.scheme() != u"https"_s && signedUrl.scheme() != u"http"_s)) {
        delete file;
        return failed<ApiJob>(route,
            Error::make(Error::Kind::Config,
                QCoreApplication::translate("instant::AdminClient", "The signed upload URL is not an http(s) URL.")));
    }
    if (!file->open(QIODevice::ReadOnly)) {
        const QString reason = file->errorString();
        delete file;
        return failed<ApiJob>(route,
            Error::make(Error::Kind::Config,
                QCoreApplication::translate("instant::AdminClient", "Cannot read %1: %2").arg(localFile, reason)));
    }

    // Same transport rules as every call, but none of the app's credentials: the URL is the credential.
    auto request = buildRequest(u"", {}, {},
        RequestOptions(RequestOption::WithoutAppIdQuery) | RequestOption::WithoutAdminHeaders
            | RequestOption::WithoutJsonContentType);
    if (!request) {
        delete file;
        return failed<ApiJob>(route, request.error());
    }
    request->setUrl(signedUrl);
    if (signedUrl.scheme() == u"https"_s) {
        request->setSslConfiguration(m_connection.sslConfiguration());
    }
    if (!contentType.isEmpty()) {
        request->setRawHeader("Content-Type", contentType.toUtf8());
    }
    ApiJob *job = startUpload(*request, file, file->size(), route, {});
    job->adoptDevice(file);
    return job;
}

ApiJob *AdminClient::deleteFile(const QString &path, const Identity &identity)
{
    QUrlQuery query;
    query.addQueryItem(u"filename"_s, path);
    return send<ApiJob>(kDelete, kFilesRoute, query, {}, identity);
}

ApiJob *AdminClient::deleteFiles(const QStringList &paths, const Identity &identity)
{
    OrderedJsonObject body;
    body.insert(u"filenames"_s, QJsonArray::fromStringList(paths));
    return send<ApiJob>(kPost, kFilesDeleteRoute, {}, body.toJson(), identity);
}

ApiJob *AdminClient::listFiles(const Identity &identity)
{
    return send<ApiJob>(kGet, kFilesRoute, {}, {}, identity);
}

ApiJob *AdminClient::signedUploadUrl(const QString &path)
{
    OrderedJsonObject body;
    body.insert(u"app_id"_s, m_connection.appId());
    body.insert(u"filename"_s, path);
    return send<ApiJob>(kPost, kSignedUploadUrlRoute, {}, body.toJson(), {});
}

ApiJob *AdminClient::signedDownloadUrl(const QString &path)
{
    QUrlQuery query;
    query.addQueryItem(u"filename"_s, path);
    return send<ApiJob>(kGet, kSignedDownloadUrlRoute, query, {}, {});
}

ApiJob *AdminClient::presence(const QString &roomType, const QString &roomId)
{
    // The SDK interpolates both values unencoded; encoding them is identical for ordinary ids and
    // keeps '&', '#' or spaces in a room id from breaking the URL.
    QUrlQuery query;
    query.addQueryItem(u"room-type"_s, roomType);
    query.addQueryItem(u"room-id"_s, roomId);
    return send<ApiJob>(kGet, kPresenceRoute, query, {}, {});
}

ApiJob *AdminClient::schema()
{
    return send<ApiJob>(kGet, kSchemaRoute, {}, {}, {});
}

ApiJob *AdminClient::softDeletedAttrs()
{
    return send<ApiJob>(kGet, kSoftDeletedAttrsRoute, {}, {}, {});
}

AdminView::AdminView(AdminClient *client, Identity identity)
    : m_client(client)
    , m_identity(std::move(identity))
{ }

QueryJob *AdminView::query(const QJsonObject &query, const QueryOptions &options) const
{
    return m_client->query(query, options, m_identity);
}

ApiJob *AdminView::transact(const TxBuilder &tx, const TransactOptions &options) const
{
    return m_client->transact(tx, options, m_identity);
}

ApiJob *AdminView::transact(const QJsonArray &steps, const TransactOptions &options) const
{
    return m_client->transact(steps, options, m_identity);
}

QueryJob *AdminView::queryPermsCheck(const QJsonObject &query, const QueryPermsCheckOptions &options) const
{
    return m_client->queryPermsCheck(query, options, m_identity);
}

ApiJob *AdminView::transactPermsCheck(const TxBuilder &tx, const TransactPermsCheckOptions &options) const
{
    return m_client->transactPermsCheck(tx, options, m_identity);
}

ApiJob *AdminView::upload(const QString &path, const QString &localFile, const UploadOptions &options) const
{
    return m_client->upload(path, localFile, options, m_identity);
}

ApiJob *AdminView::upload(const QString &path, QIODevice *device, const UploadOptions &options, qint64 bytesTotal) const
{
    return m_client->upload(path, device, options, m_identity, bytesTotal);
}

ApiJob *AdminView::deleteFile(const QString &path) const
{
    return m_client->deleteFile(path, m_identity);
}

ApiJob *AdminView::deleteFiles(const QStringList &paths) const
{
    return m_client->deleteFiles(paths, m_identity);
}

ApiJob *AdminView::listFiles() const
{
    return m_client->listFiles(m_identity);
}

std::expected<PreparedRequest, Error> AdminView::prepareSubscribeQuery(
    const QJsonObject &query, const QueryOptions &options) const
{
    return m_client->prepareSubscribeQuery(query, options, m_identity);
}

} // namespace instant
