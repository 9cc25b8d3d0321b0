#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <expected>
#include <functional>
#include <memory>

#include "apierror.h"

namespace sandbox {

/** Who runs a query or a transaction. The HTTP layer decides it from the headers. */
struct Identity {
    enum class Kind {
        Admin,
        User,
        Guest,
    };
    Kind kind = Kind::Admin;
    QUuid userId; // set for Kind::User
};

struct QueryOptions {
    bool inference = false;
    Identity identity;
};

/** A query's result tree plus the metadata that only the live-query stream carries. */
struct QueryResult {
    QJsonObject tree; // {"goals":[…], …}
    QJsonObject pageInfo; // result-meta.page-info, {} unless the top level paginates or orders
    QJsonObject aggregate; // result-meta.aggregate
};

struct TransactOptions {
    bool throwOnMissingAttrs = false;
    Identity identity;
    /** Lets the server itself write system columns such as $files.size, which no transact may change. */
    bool allowSystemColumns = false;
    /**
     * Runs every step against the data, reports the effects, then rolls the changes back: nothing is stored
     * and no change listener is called. The run still takes a transaction id, as a rolled-back transaction on
     * Instant does (its id sequence does not go back), so no committed transaction ever reuses the id.
     */
    bool dryRun = false;
};

/** What a transaction did to one entity (or attribute), in the terms of Instant's permission checks. */
struct TransactEffect {
    enum class Scope {
        Object,
        Attr,
    };
    Scope scope = Scope::Object;
    /** Object: create, update, delete, or view (the other end of a link); Attr: create or delete. */
    QString action;
    QString etype; // "attrs" for Scope::Attr
    QUuid entityId; // for Scope::Attr: the created attribute's id, null for deletes
    /** The entity's attributes of `etype` before the transaction (label → value, plus "id"); {} if it was new. */
    QJsonObject data;
};

struct TransactReport {
    qint64 txId = 0;
    bool committed = false;
    /** One entry per (scope, action, etype, entity), in the order the server checks them. */
    QList<TransactEffect> effects;
};

struct AppInfo {
    QUuid id;
    QUuid adminToken;
    QString title;
};

/**
 * The sandbox's database: apps, attributes and triples in one SQLite file (WAL mode), with
 * InstaQL queries and InstaML transactions evaluated over it. Every method is thread-safe.
 * System namespaces ($users, $files, $userRefreshTokens, $magicCodes) are ordinary triples whose
 * attributes exist from the moment an app is created.
 */
class Store {
public:
    using ChangeListener = std::function<void(const QUuid &appId, qint64 txId)>;
    /** Builds the `url` of a $files entity from its app id and location id. Runs under the store's read lock: it
     *  must not call back into the store. */
    using FileUrlBuilder = std::function<QString(const QUuid &appId, const QString &locationId)>;

    static std::expected<std::unique_ptr<Store>, QString> open(const QString &databasePath);
    ~Store();

    // Apps
    std::expected<void, QString> createApp(const AppInfo &app);
    QList<AppInfo> apps() const;
    bool appExists(const QUuid &appId) const;
    bool isAdminToken(const QUuid &appId, const QUuid &token) const;

    // Data
    std::expected<QueryResult, ApiError> query(
        const QUuid &appId, const QJsonObject &instaql, const QueryOptions &options = {}) const;
    /** Runs all steps in one SQLite transaction and returns the new, strictly increasing tx id. */
    std::expected<qint64, ApiError> transact(
        const QUuid &appId, const QJsonArray &steps, const TransactOptions &options = {});
    /**
     * transact() with the effects reported. `approve` (optional) sees the effects under the store's lock before
     * anything is stored, so it must not call back into the store; returning false rolls the run back exactly
     * like TransactOptions::dryRun. Listeners hear only of committed runs.
     */
    std::expected<TransactReport, ApiError> transactWithReport(const QUuid &appId, const QJsonArray &steps,
        const TransactOptions &options = {}, const std::function<bool(const QList<TransactEffect> &)> &approve = {});
    /** The newest committed transaction of the app, also across restarts; 0 when there is none. */
    qint64 latestTxId(const QUuid &appId) const;
    /** When the entity's first triple was written; invalid when it does not exist. */
    QDateTime entityCreatedAt(const QUuid &appId, const QUuid &entityId) const;

    // Attributes, in the JSON shapes of GET /admin/schema and GET /admin/soft_deleted_attrs
    QJsonArray attrs(const QUuid &appId) const;
    QJsonObject schema(const QUuid &appId) const;
    QJsonObject softDeletedAttrs(const QUuid &appId) const;

    /** Called after every committed transaction, outside any lock, on the committing thread. */
    int addChangeListener(ChangeListener listener);
    void removeChangeListener(int handle);
    void setFileUrlBuilder(FileUrlBuilder builder);

private:
    Store();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sandbox
