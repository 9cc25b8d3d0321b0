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
