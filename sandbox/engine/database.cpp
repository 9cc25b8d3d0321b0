#include "database.h"

#include "engine_debug.h"
#include "jsonutil.h"

#include <QDateTime>
#include <QJsonDocument>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace sandbox {

namespace {

const char *const kSchema = R"sql(
CREATE TABLE IF NOT EXISTS apps (
    id TEXT PRIMARY KEY,
    admin_token TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS attrs (
    app_id TEXT NOT NULL,
    id TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (app_id, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS triples (
    app_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    attr_id TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (app_id, entity_id, attr_id, value)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS triples_av ON triples (app_id, attr_id, value);
CREATE TABLE IF NOT EXISTS transactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
)sql";

// A prepared statement that finalises itself.
class Statement {
public:
    Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    void bind(int index, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    int step() { return sqlite3_step(m_stmt); }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    QString text(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace

std::expected<std::unique_ptr<Database>, QString> Database::open(const QString &path)
{
    std::unique_ptr<Database> db(new Database);
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db->m_db,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        return std::unexpected(u"Cannot open %1: %2"_s.arg(path, db->lastError()));
    }
    sqlite3_busy_timeout(db->m_db, 5000);
    // WAL keeps readers and the writer apart; FULL makes every commit survive power loss too.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=OFF"}) {
        if (auto result = db->exec(pragma); !result) {
            return std::unexpected(result.error());
        }
    }
    if (auto result = db->exec(kSchema); !result) {
        return std::unexpected(result.error());
    }
    return db;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

QList<AppInfo> Database::loadApps()
{
    QList<AppInfo> apps;
    Statement stmt(m_db, "SELECT id, admin_token, title FROM apps ORDER BY created_at, id");
    while (stmt.step() == SQLITE_ROW) {
        apps.append(AppInfo {QUuid::fromString(stmt.text(0)), QUuid::fromString(stmt.text(1)), stmt.text(2)});
    }
    return apps;
}

std::expected<AppData, QString> Database::loadApp(const QUuid &appId)
{
    AppData data;
    data.appId = appId;
    const QString id = jsonutil::uuidText(appId);

    Statement attrs(m_db, "SELECT json FROM attrs WHERE app_id = ?");
    attrs.bind(1, id);
    while (attrs.step() == SQLITE_ROW) {
        data.putAttr(Attr::fromJson(QJsonDocument::fromJson(attrs.text(0).toUtf8()).object()));
    }

    Statement triples(m_db, "SELECT entity_id, attr_id, value, created_at FROM triples WHERE app_id = ?");
    triples.bind(1, id);
    int rc = SQLITE_ROW;
    while ((rc = triples.step()) == SQLITE_ROW) {
        data.loadTriple(QUuid::fromString(triples.text(0)), QUuid::fromString(triples.text(1)),
            jsonutil::fromText(triples.text(2)), triples.integer(3));
    }
    if (rc != SQLITE_DONE) {
        return std::unexpected(lastError());
    }
    data.rebuildMembership();
    data.takeJournal();
    return data;
}

std::expected<qint64, QString> Database::commit(const QUuid &appId, const QList<Change> &journal, const AppInfo *newApp)
{
    if (auto result = exec("BEGIN IMMEDIATE"); !result) {
        return std::unexpected(result.error());
    }
    const QString id = jsonutil::uuidText(appId);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool ok = true;

    if (newApp) {
        Statement app(m_db, "INSERT INTO apps (id, admin_token, title, created_at) VALUES (?, ?, ?, ?)");
        app.bind(1, id);
        app.bind(2, jsonutil::uuidText(newApp->adminToken));
        app.bind(3, newApp->title);
        app.bind(4, now);
        ok = app.step() == SQLITE_DONE;
    }

    Statement insert(
        m_db, "INSERT OR REPLACE INTO triples (app_id, entity_id, attr_id, value, created_at) VALUES (?, ?, ?, ?, ?)");
    Statement remove(m_db, "DELETE FROM triples WHERE app_id = ? AND entity_id = ? AND attr_id = ? AND value = ?");
    Statement putAttr(m_db, "INSERT OR REPLACE INTO attrs (app_id, id, json) VALUES (?, ?, ?)");
    for (const Change &change : journal) {
        if (!ok) {
            break;
        }
        switch (change.kind) {
        case Change::Kind::InsertTriple:
            insert.bind(1, id);
            insert.bind(2, jsonutil::uuidText(change.entityId));
            insert.bind(3, jsonutil::uuidText(change.attrId));
            insert.bind(4, change.valueText);
            insert.bind(5, change.createdAt);
            ok = insert.step() == SQLITE_DONE;
            insert.reset();
            break;
        case Change::Kind::DeleteTriple:
            remove.bind(1, id);
            remove.bind(2, jsonutil::uuidText(change.entityId));
            remove.bind(3, jsonutil::uuidText(change.attrId));
            remove.bind(4, change.valueText);
            ok = remove.step() == SQLITE_DONE;
            remove.reset();
            break;
        case Change::Kind::PutAttr:
            putAttr.bind(1, id);
            putAttr.bind(2, jsonutil::uuidText(change.attrId));
            putAttr.bind(
                3, QString::fromUtf8(QJsonDocument(change.attr.toStorageJson()).toJson(QJsonDocument::Compact)));
            ok = putAttr.step() == SQLITE_DONE;
            putAttr.reset();
            break;
        }
    }

    qint64 txId = 0;
    if (ok) {
        Statement tx(m_db, "INSERT INTO transactions (app_id, created_at) VALUES (?, ?)");
        tx.bind(1, id);
        tx.bind(2, now);
        ok = tx.step() == SQLITE_DONE;
        txId = sqlite3_last_insert_rowid(m_db);
    }
    if (!ok) {
        const QString error = lastError();
        exec("ROLLBACK");
        qCWarning(lcSandboxEngine) << "transaction rolled back:" << error;
        return std::unexpected(error);
    }
    if (auto result = exec("COMMIT"); !result) {
        exec("ROLLBACK");
        return std::unexpected(result.error());
    }
    return txId;
}

std::expected<qint64, QString> Database::reserveTxId()
{
    // AUTOINCREMENT hands out max(sqlite_sequence.seq, largest id) + 1, so raising the sequence is enough for
    // the id never to be given to a committed transaction. The first row is made if no transaction exists yet.
    if (auto result = exec("BEGIN IMMEDIATE"); !result) {
        return std::unexpected(result.error());
    }
    bool ok = exec("INSERT INTO sqlite_sequence (name, seq) SELECT 'transactions', "
                   "(SELECT COALESCE(MAX(id), 0) FROM transactions) "
                   "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'transactions')")
                  .has_value()
        && exec("UPDATE sqlite_sequence SET seq = MAX(seq, (SELECT COALESCE(MAX(id), 0) FROM transactions)) + 1 "
                "WHERE name = 'transactions'")
               .has_value();
    qint64 txId = 0;
    if (ok) {
        Statement seq(m_db, "SELECT seq FROM sqlite_sequence WHERE name = 'transactions'");
        ok = seq.step() == SQLITE_ROW;
        txId = ok ? seq.integer(0) : 0;
    }
    if (!ok || !exec("COMMIT")) {
        const QString error = lastError();
        exec("ROLLBACK");
        return std::unexpected(error);
    }
    return txId;
}

QHash<QUuid, qint64> Database::latestTxIds()
{
    QHash<QUuid, qint64> latest;
    Statement stmt(m_db, "SELECT app_id, MAX(id) FROM transactions GROUP BY app_id");
    while (stmt.step() == SQLITE_ROW) {
        latest.insert(QUuid::fromString(stmt.text(0)), stmt.integer(1));
    }
    return latest;
}

std::expected<void, QString> Database::exec(const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : "unknown error");
        sqlite3_free(error);
        return std::unexpected(message);
    }
    return {};
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

} // namespace sandbox
