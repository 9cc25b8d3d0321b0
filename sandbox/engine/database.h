#pragma once

#include "appdata.h"
#include "store.h"

#include <QHash>
#include <QList>
#include <QString>

#include <expected>
#include <memory>

struct sqlite3;

namespace sandbox {

/**
 * The SQLite file behind the store: apps, attributes, triples and the transaction counter. Not
 * thread-safe by itself; the store serialises every call.
 */
class Database {
public:
    static std::expected<std::unique_ptr<Database>, QString> open(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QList<AppInfo> loadApps();
    std::expected<AppData, QString> loadApp(const QUuid &appId);
    /** Writes the journal (and the app row when `newApp` is set) in one transaction; returns the tx id. */
    std::expected<qint64, QString> commit(
        const QUuid &appId, const QList<Change> &journal, const AppInfo *newApp = nullptr);
    /** Takes the next transaction id without recording a transaction, for a run that is rolled back. */
    std::expected<qint64, QString> reserveTxId();
    /** The newest recorded transaction of every app that has one. */
    QHash<QUuid, qint64> latestTxIds();

private:
    Database() = default;
    std::expected<void, QString> exec(const char *sql);
    QString lastError() const;

    sqlite3 *m_db = nullptr;
};

} // namespace sandbox
