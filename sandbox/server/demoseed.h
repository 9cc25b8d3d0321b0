#pragma once

#include <QString>
#include <QUuid>

#include <expected>

namespace sandbox {

class StorageArea;
class Store;
class UserDirectory;

/**
 * The demo app: goals, todos, tags and profiles with links of every cardinality, two users with
 * refresh tokens and a guest, and a few stored files. Fixed ids make it idempotent: applying it
 * again changes nothing.
 */
class DemoSeed {
public:
    DemoSeed(Store &store, UserDirectory &users, StorageArea &storage);

    std::expected<void, QString> apply(const QUuid &appId);

private:
    std::expected<void, QString> ensureAttrs(const QUuid &appId);
    std::expected<void, QString> ensureUsers(const QUuid &appId);
    std::expected<void, QString> ensureData(const QUuid &appId);
    std::expected<void, QString> ensureFiles(const QUuid &appId);

    Store &m_store;
    UserDirectory &m_users;
    StorageArea &m_storage;
};

} // namespace sandbox
