#pragma once

#include <chrono>
#include <expected>
#include <optional>

#include <QByteArray>
#include <QFlags>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include "apijob.h"
#include "connection.h"
#include "error.h"
#include "identity.h"
#include "requestlog.h"
#include "txbuilder.h"

class QIODevice;
class QNetworkAccessManager;

namespace instant {

class AdminClient;

/** Selects a user by exactly one key (sign_out, users GET/DELETE). */
struct UserSelector {
    enum class Key {
        Email,
        Id,
        RefreshToken,
    };
    Key key = Key::Email;
    QString value;

    static UserSelector byEmail(const QString &email) { return {Key::Email, email}; }
    static UserSelector byId(const QString &id) { return {Key::Id, id}; }
    static UserSelector byRefreshToken(const QString &token) { return {Key::RefreshToken, token}; }
    /** The wire name: "email", "id" or "refresh_token". */
    QString wireKey() const;
};

struct QueryOptions {
    /** `inference?` (the SDK sends true iff it was given a schema). */
    bool inference = false;
    /** Merged into the query as `$$ruleParams`, as the SDK's ruleParams option does. */
    std::optional<QJsonObject> ruleParams;
};

struct TransactOptions {
    /** `throw-on-missing-attrs?` (the SDK sends true iff it was given a schema). */
    bool throwOnMissingAttrs = false;
};

/** SDK debugQuery options (`/admin/query_perms_check`). */
struct QueryPermsCheckOptions {
    /** `rules-override`: rules JSON used instead of the saved rules. */
    std::optional<QJsonObject> rules;
    std::optional<QJsonObject> ruleParams;
    bool inference = false;
    /** `ip-override` / `origin-override` (sent when non-empty). */
    QString ip;
    QString origin;
};

/** SDK debugTransact options (`/admin/transact_perms_check`). */
struct TransactPermsCheckOptions {
    std::optional<QJsonObject> rules;
    /** `dangerously-commit-tx`: commit when all checks pass (otherwise always rolled back). */
    std::optional<bool> dangerouslyCommit;
    QString ip;
    QString origin;
};

struct UploadOptions {
    /** Stored MIME type; empty sends none (server default application/octet-stream). */
    QString contentType;
    /** Stored Content-Disposition; empty sends none (server default inline). */
    QString contentDisposition;
};

/** A request ready to be sent with all auth, TLS and timeout settings, plus its body. */
struct PreparedRequest {
    QNetworkRequest request;
    QByteArray body;
};

/**
 * The per-identity view of a client, like the SDK's `db.asUser(…)`: the same calls, run as identity.
 * Cheap to copy; valid while its AdminClient lives. Only the routes that honour impersonation
 * (spec §1.3) are offered.
 */
class AdminView {
public:
    AdminView(AdminClient *client, Identity identity);

    AdminClient *client() const { return m_client; }
    Identity identity() const { return m_identity; }

    QueryJob *query(const QJsonObject &query, const QueryOptions &options = {}) const;
    ApiJob *transact(const TxBuilder &tx, const TransactOptions &options = {}) const;
    ApiJob *transact(const QJsonArray &steps, const TransactOptions &options = {}) const;
    QueryJob *queryPermsCheck(const QJsonObject &query, const QueryPermsCheckOptions &options = {}) const;
    ApiJob *transactPermsCheck(const TxBuilder &tx, const TransactPermsCheckOptions &options = {}) const;
    ApiJob *upload(const QString &path, const QString &localFile, const UploadOptions &options = {}) const;
    ApiJob *upload(
        const QString &path, QIODevice *device, const UploadOptions &options = {}, qint64 bytesTotal = -1) const;
    ApiJob *deleteFile(const QString &path) const;
    ApiJob *deleteFiles(const QStringList &paths) const;
    ApiJob *listFiles() const;
    std::expected<PreparedRequest, Error> prepareSubscribeQuery(
        const QJsonObject &query, const QueryOptions &options = {}) const;

private:
    AdminClient *m_client;
    Identity m_identity;
};

/**
 * Client for every route of the Instant Admin HTTP API (spec §3), sending what the official JS SDK
 * sends (spec §1.5). Owns its QNetworkAccessManager; lives on the thread that created it.
 *
 * Each call returns a job (ApiJob or QueryJob) that emits finished() exactly once. Calls that honour
 * impersonation take an Identity (default: admin); withIdentity() gives a view bound to one.
 *
 *     auto *job = client->query(QJsonObject{{u"goals"_s, QJsonObject{}}});
 *     connect(job, &instant::QueryJob::finished, this, &Pane::onGoals);
 */
class AdminClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminClient)
public:
    enum class RequestOption {
        None = 0x0,
        /** No `?app_id=` (subscribe-query sends only `local_connection_id`). */
        WithoutAppIdQuery = 0x1,
        /** No `authorization`/`app-id` even if configured (runtime verify_refresh_token). */
        WithoutAdminHeaders = 0x2,
        /** No `content-type: application/json` (uploads set their own). */
        WithoutJsonContentType = 0x4,
        /** No transfer timeout (long-lived streams manage their own silence detection). */
        WithoutTransferTimeout = 0x8,
    };
    Q_DECLARE_FLAGS(RequestOptions, RequestOption)

    static constexpr std::chrono::milliseconds kDefaultTransferTimeout {60'000};
    static constexpr qint64 kDefaultMaxReplySize = 64LL * 1024 * 1024;
    static constexpr qint64 kDefaultMaxQueryReplySize = 2LL * 1024 * 1024 * 1024;

    explicit AdminClient(const Connection &connection, QObject *parent = nullptr);
    ~AdminClient() override;

    const Connection &connection() const { return m_connection; }
    /** Applies to calls started afterwards. */
    void setConnection(const Connection &connection);

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    /** The log every call is recorded in (owned by the client unless replaced). */
    RequestLog *requestLog() const { return m_log.data(); }
    /** Uses log instead (not owned; nullptr switches logging off). */
    void setRequestLog(RequestLog *log);

    /** Inactivity timeout: the call fails with Kind::Timeout when no byte moves for this long. */
    std::chrono::milliseconds transferTimeout() const { return m_transferTimeout; }
    void setTransferTimeout(std::chrono::milliseconds timeout);
    /** Replies above this size fail with Kind::Protocol (query replies: maxQueryReplySize). */
    qint64 maxReplySize() const { return m_maxReplySize; }
    void setMaxReplySize(qint64 bytes);
    qint64 maxQueryReplySize() const { return m_maxQueryReplySize; }
    void setMaxQueryReplySize(qint64 bytes);

    /** The SDK's `db.asUser(…)`. */
    AdminView withIdentity(const Identity &identity) { return AdminView(this, identity); }

    /** `instant-console/<version>` */
    static QByteArray userAgent();

    /**
     * Builds a request for route ("/admin/…") with the SDK's headers: content-type, app-id,
     * authorization (when configured and needed), identity's impersonation header, our User-Agent,
     * TLS configuration with the extra CA, manual redirects, transfer timeout. Fails with Kind::Config
     * when identity needs an admin token and none is configured (the SDK refuses these calls too).
     */
    std::expected<QNetworkRequest, Error> buildRequest(QStringView route, const QUrlQuery &query = {},
        const Identity &identity = {}, RequestOptions options = RequestOption::None) const;

    /** Request and body of POST /admin/subscribe-query, for LiveQuery (spec §4.3). */
    std::expected<PreparedRequest, Error> prepareSubscribeQuery(
        const QJsonObject &query, const QueryOptions &options = {}, const Identity &identity = {}) const;
    /** `{"query":…,"inference?":…,"versions":{…}}` */
    static QByteArray subscribeQueryBody(const QJsonObject &query, const QueryOptions &options = {});

    // Data (spec §4.1, 4.2, 4.6, 4.7)
    QueryJob *query(const QJsonObject &query, const QueryOptions &options = {}, const Identity &identity = {});
    ApiJob *transact(const TxBuilder &tx, const TransactOptions &options = {}, const Identity &identity = {});
    ApiJob *transact(const QJsonArray &steps, const TransactOptions &options = {}, const Identity &identity = {});
    /** Needs an impersonating identity (server rule); the admin token is sent too. */
    QueryJob *queryPermsCheck(
        const QJsonObject &query, const QueryPermsCheckOptions &options, const Identity &identity);
    ApiJob *transactPermsCheck(const TxBuilder &tx, const TransactPermsCheckOptions &options, const Identity &identity);
    ApiJob *transactPermsCheck(
        const QJsonArray &steps, const TransactPermsCheckOptions &options, const Identity &identity);

    // Auth and users (spec §4.8–4.15, 4.25); always as admin
    /** SDK createToken: `{"email":…}` or `{"id":…}` (+ `extra-fields`, used only when creating). */
    ApiJob *refreshTokens(const UserSelector &user, const std::optional<QJsonObject> &extraFields = std::nullopt);
    ApiJob *signOut(const UserSelector &user);
    ApiJob *magicCode(const QString &email);
    ApiJob *sendMagicCode(const QString &email);
    /** SDK checkMagicCode; guestRefreshToken upgrades (or links) that guest user. */
    ApiJob *verifyMagicCode(const QString &email, const QString &code,
        const std::optional<QJsonObject> &extraFields = std::nullopt, const QString &guestRefreshToken = {});
    ApiJob *signInGuest(const std::optional<QJsonObject> &extraFields = std::nullopt);
    ApiJob *getUser(const UserSelector &user);
    ApiJob *deleteUser(const UserSelector &user);
    /** POST /runtime/auth/verify_refresh_token (no admin headers, like the SDK's verifyToken). */
    ApiJob *verifyRefreshToken(const QString &refreshToken);

    // Storage (spec §4.16–4.21)
    /** Streams localFile (flat memory for any size); uploadProgress reports the bytes sent. */
    ApiJob *upload(const QString &path, const QString &localFile, const UploadOptions &options = {},
        const Identity &identity = {});
    /**
     * Streams device from its current position to its end. A random-access device (QFile, QBuffer) is
     * read piecewise; a sequential one needs bytesTotal (Content-Length) and is read as data comes.
     * The device must stay alive until finished().
     */
    ApiJob *upload(const QString &path, QIODevice *device, const UploadOptions &options = {},
        const Identity &identity = {}, qint64 bytesTotal = -1);
    ApiJob *deleteFile(const QString &path, const Identity &identity = {});
    ApiJob *deleteFiles(const QStringList &paths, const Identity &identity = {});
    /** Legacy GET /admin/storage/files (its inner query honours impersonation server-side). */
    ApiJob *listFiles(const Identity &identity = {});
    ApiJob *signedUploadUrl(const QString &path);
    /**
     * Second step of the legacy flow: PUT localFile to the URL signedUploadUrl() returned, with only a
     * Content-Type (if given) and no credentials, as the SDK's deprecated storage.upload does.
     */
    ApiJob *uploadToSignedUrl(const QUrl &signedUrl, const QString &localFile, const QString &contentType = {});
    ApiJob *signedDownloadUrl(const QString &path);

    // Introspection (spec §4.22–4.24)
    ApiJob *presence(const QString &roomType, const QString &roomId);
    ApiJob *schema();
    ApiJob *softDeletedAttrs();

private:
    template<typename JobT>
    JobT *send(const QByteArray &method, QStringView route, const QUrlQuery &query, const QByteArray &body,
        const Identity &identity, RequestOptions options = RequestOption::None);
    template<typename JobT>
    JobT *failed(QStringView route, const Error &error);
    void start(Job *job, const QByteArray &method, const QNetworkRequest &request, const QByteArray &body,
        QIODevice *uploadDevice, const Identity &identity, const QString &uploadFilePath, qint64 maxReplySize);
    QUrlQuery appIdQuery() const;
    ApiJob *startUpload(
        QNetworkRequest request, QIODevice *device, qint64 bytesTotal, const QString &route, const Identity &identity);

    Connection m_connection;
    QNetworkAccessManager *m_nam;
    RequestLog *m_ownLog;
    QPointer<RequestLog> m_log;
    std::chrono::milliseconds m_transferTimeout = kDefaultTransferTimeout;
    qint64 m_maxReplySize = kDefaultMaxReplySize;
    qint64 m_maxQueryReplySize = kDefaultMaxQueryReplySize;
};

} // namespace instant

Q_DECLARE_OPERATORS_FOR_FLAGS(instant::AdminClient::RequestOptions)
