#include "tst_store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcess>

#include <atomic>
#include <thread>

using namespace enginetest;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBatchSize = 20;

QString batchSteps(int batch)
{
    QStringList steps;
    for (int i = 0; i < kBatchSize; ++i) {
        steps.append(u"[\"update\",\"rows\",\"%1\",{\"batch\":%2,\"i\":%3,\"pad\":\"%4\"}]"_s.arg(
            QUuid::createUuid().toString(QUuid::WithoutBraces), QString::number(batch), QString::number(i),
            QString(200, u'x')));
    }
    return u'[' + steps.join(u',') + u']';
}

// Child mode: writes batches into the database until it is killed.
int runLoader(const QString &path, const QString &appId)
{
    auto store = sandbox::Store::open(path);
    if (!store) {
        return 2;
    }
    const QUuid app = QUuid::fromString(appId);
    for (int batch = 0;; ++batch) {
        if (!(*store)->transact(app, json(batchSteps(batch).toUtf8().constData()).toArray())) {
            return 3;
        }
        if (batch == 3) {
            fputs("ready\n", stdout);
            fflush(stdout);
        }
    }
}

} // namespace

void TestStore::init()
{
    m_fixture = std::make_unique<Fixture>();
    QVERIFY(m_fixture->init());
}

void TestStore::apps()
{
    QVERIFY(m_fixture->store->appExists(m_fixture->appId));
    QVERIFY(!m_fixture->store->appExists(QUuid::createUuid()));
    const QList<sandbox::AppInfo> apps = m_fixture->store->apps();
    QCOMPARE(apps.size(), 1);
    QVERIFY(m_fixture->store->isAdminToken(m_fixture->appId, apps.first().adminToken));
    QVERIFY(!m_fixture->store->isAdminToken(m_fixture->appId, QUuid::createUuid()));
    QVERIFY(!m_fixture->store->createApp(apps.first()));

    const sandbox::AppInfo second {QUuid::createUuid(), QUuid::createUuid(), u"second"_s};
    QVERIFY(m_fixture->store->createApp(second));
    QVERIFY(m_fixture->tx(R"([["update","goals","00000000-0000-0000-0000-000000000001",{"t":1}]])"));
    // Apps do not share data.
    const auto other = m_fixture->store->query(second.id, object(R"({"goals":{}})"));
    QVERIFY(other);
    QCOMPARE(other->tree.value(u"goals").toArray().size(), 0);
    const auto unknown = m_fixture->store->query(QUuid::createUuid(), object("{}"));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().type, u"record-not-found"_s);
}

void TestStore::dataSurvivesReopen()
{
    QVERIFY(m_fixture->tx(R"([["update","goals","00000000-0000-0000-0000-000000000001",{"title":"a","o":{"k":1}}],)"
                          R"(["update","todos","00000000-0000-0000-0000-000000000002",{"n":2}],)"
                          R"(["link","goals","00000000-0000-0000-0000-000000000001",)"
                          R"({"todos":"00000000-0000-0000-0000-000000000002"}],)"
                          R"(["update","gone","00000000-0000-0000-0000-000000000003",{"n":3}]])"));
    QVERIFY(m_fixture->tx(R"([["delete","gone","00000000-0000-0000-0000-000000000003"],)"
                          R"(["update","goals","00000000-0000-0000-0000-000000000001",{"title":"b"}]])"));
    const auto before = m_fixture->q(R"({"goals":{"todos":{}},"gone":{}})");
    QVERIFY(before);
    const QJsonArray attrsBefore = m_fixture->store->attrs(m_fixture->appId);
    const QDateTime created = m_fixture->store->entityCreatedAt(
        m_fixture->appId, QUuid::fromString(u"00000000-0000-0000-0000-000000000001"_s));

    m_fixture->store.reset();
    QVERIFY(m_fixture->open());
    const auto after = m_fixture->q(R"({"goals":{"todos":{}},"gone":{}})");
    QVERIFY(after);
    QCOMPARE(compact(after->tree), compact(before->tree));
    QCOMPARE(compact(after->tree),
        compact(json(R"({"goals":[{"id":"00000000-0000-0000-0000-000000000001","title":"b","o":{"k":1},)"
                     R"("todos":[{"id":"00000000-0000-0000-0000-000000000002","n":2}]}],"gone":[]})")));
    QCOMPARE(compact(m_fixture->store->attrs(m_fixture->appId)), compact(attrsBefore));
    QCOMPARE(m_fixture->store->entityCreatedAt(
                 m_fixture->appId, QUuid::fromString(u"00000000-0000-0000-0000-000000000001"_s)),
        created);
}

void TestStore::txIdsIncreaseAcrossReopen()
{
    qint64 last = 0;
    for (int i = 0; i < 3; ++i) {
        const auto tx = m_fixture->tx(R"([["update","goals","00000000-0000-0000-0000-000000000001",{"t":1}]])");
        QVERIFY(tx);
        QVERIFY(*tx > last);
        last = *tx;
    }
    QVERIFY(!m_fixture->tx(R"([["update",1]])"));
    m_fixture->store.reset();
    QVERIFY(m_fixture->open());
    const auto tx = m_fixture->tx("[]");
    QVERIFY(tx);
    QVERIFY(*tx > last);
}

void TestStore::systemCatalog()
{
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &attr : m_fixture->store->attrs(m_fixture->appId)) {
        const QJsonArray ident = attr[u"forward-identity"_s].toArray();
        byName.insert(ident.at(1).toString() + u'.' + ident.at(2).toString(), attr.toObject());
    }
    // Instant derives system attribute ids from etype and label (the ids below are the ones its clients hard-code).
    QCOMPARE(byName.value(u"$files.url"_s).value(u"id").toString(), u"96653230-13ff-ffff-2a35-48afffffffff"_s);
    QCOMPARE(byName.value(u"$files.id"_s).value(u"id").toString(), u"96653230-13ff-ffff-2a34-81ffffffffff"_s);
    QCOMPARE(byName.value(u"$files.path"_s).value(u"id").toString(), u"96653230-13ff-ffff-2a34-f04cffffffff"_s);
    const QJsonObject email = byName.value(u"$users.email"_s);
    QCOMPARE(email.value(u"unique?").toBool(), true);
    QCOMPARE(email.value(u"index?").toBool(), true);
    QCOMPARE(email.value(u"checked-data-type").toString(), u"string"_s);
    QCOMPARE(email.value(u"catalog").toString(), u"system"_s);
    const QJsonObject tokenUser = byName.value(u"$userRefreshTokens.$user"_s);
    QCOMPARE(tokenUser.value(u"value-type").toString(), u"ref"_s);
    QCOMPARE(tokenUser.value(u"on-delete").toString(), u"cascade"_s);
    QCOMPARE(tokenUser.value(u"reverse-identity")[1].toString(), u"$users"_s);
    QCOMPARE(tokenUser.value(u"reverse-identity")[2].toString(), u"$userRefreshTokens"_s);
    QCOMPARE(
        byName.value(u"$users.linkedPrimaryUser"_s).value(u"reverse-identity")[2].toString(), u"linkedGuestUsers"_s);
    QVERIFY(byName.contains(u"$magicCodes.codeHash"_s));
    QVERIFY(byName.value(u"$files.path"_s).value(u"required?").toBool());
    QVERIFY(byName.value(u"$files.location-id"_s).value(u"unique?").toBool());

    // Identical ids in a second app.
    const sandbox::AppInfo second {QUuid::createUuid(), QUuid::createUuid(), u"second"_s};
    QVERIFY(m_fixture->store->createApp(second));
    QString otherUsersId;
    for (const QJsonValue &attr : m_fixture->store->attrs(second.id)) {
        if (attr[u"forward-identity"_s][1] == u"$users"_s && attr[u"forward-identity"_s][2] == u"id"_s) {
            otherUsersId = attr[u"id"_s].toString();
        }
    }
    QCOMPARE(otherUsersId, byName.value(u"$users.id"_s).value(u"id").toString());

    // The lookups the server relies on.
    QVERIFY(
        m_fixture->tx(R"([["update","$users","00000000-0000-0000-0000-0000000000e1",{"email":"a@x.io"}],)"
                      R"(["update","$userRefreshTokens","00000000-0000-0000-0000-0000000000f1",{"hashedToken":"h"}],)"
                      R"(["link","$userRefreshTokens",["hashedToken","h"],)"
                      R"({"$user":"00000000-0000-0000-0000-0000000000e1"}],)"
                      R"(["update","$magicCodes","00000000-0000-0000-0000-0000000000f2",)"
                      R"({"codeHash":"c","email":"a@x.io"}],)"
                      R"(["link","$magicCodes","00000000-0000-0000-0000-0000000000f2",)"
                      R"({"$user":"00000000-0000-0000-0000-0000000000e1"}]])"));
    const auto user = m_fixture->q(R"({"$users":{"$":{"where":{"email":"a@x.io"}},"$userRefreshTokens":{},)"
                                   R"("$magicCodes":{}}})");
    QVERIFY(user);
    QCOMPARE(compact(user->tree),
        compact(json(R"({"$users":[{"id":"00000000-0000-0000-0000-0000000000e1","email":"a@x.io",)"
                     R"("$userRefreshTokens":[{"id":"00000000-0000-0000-0000-0000000000f1","hashedToken":"h",)"
                     R"("$user":"00000000-0000-0000-0000-0000000000e1"}],"$magicCodes":[{"id":)"
                     R"("00000000-0000-0000-0000-0000000000f2","codeHash":"c","email":"a@x.io",)"
                     R"("$user":"00000000-0000-0000-0000-0000000000e1"}]}]})")));
}

void TestStore::schemaView()
{
    QVERIFY(m_fixture->tx(R"([["update","goals","00000000-0000-0000-0000-000000000001",{"title":"a"}],)"
                          R"(["link","goals","00000000-0000-0000-0000-000000000001",)"
                          R"({"todos":"00000000-0000-0000-0000-000000000002"}]])"));
    const QJsonObject schema = m_fixture->store->schema(m_fixture->appId);
    const QJsonObject blobs = schema.value(u"blobs").toObject();
    const QJsonObject refs = schema.value(u"refs").toObject();
    QCOMPARE(blobs.value(u"goals")[u"title"_s][u"value-type"_s].toString(), u"blob"_s);
    QVERIFY(blobs.value(u"goals")[u"id"_s].isObject());
    QVERIFY(refs.contains(u"goals-todos-todos-goals"_s));
    QVERIFY(refs.contains(u"$users-linkedPrimaryUser-$users-linkedGuestUsers"_s));
    QVERIFY(blobs.contains(u"$users"_s));
    QVERIFY(!blobs.contains(u"$userRefreshTokens"_s));
    QVERIFY(!blobs.contains(u"$magicCodes"_s));
    QVERIFY(!refs.contains(u"$userRefreshTokens-$user-$users-$userRefreshTokens"_s));
    const QJsonObject files = blobs.value(u"$files").toObject();
    QVERIFY(files.contains(u"path"_s));
    QVERIFY(files.value(u"url")[u"required?"_s].toBool());
    for (const char *hidden : {"size", "content-type", "content-disposition", "location-id", "key-version"}) {
        QVERIFY2(!files.contains(QLatin1String(hidden)), hidden);
    }
}

void TestStore::listenersRunAfterCommitOutsideTheLock()
{
    QList<qint64> seen;
    int rowsSeen = -1;
    sandbox::Store *store = m_fixture->store.get();
    const QUuid appId = m_fixture->appId;
    const int handle = store->addChangeListener([&](const QUuid &app, qint64 txId) {
        QCOMPARE(app, appId);
        seen.append(txId);
        // Querying from the listener would deadlock if it ran under the store's lock.
        rowsSeen = int(store->query(app, object(R"({"goals":{}})"))->tree.value(u"goals").toArray().size());
    });
    const auto tx = m_fixture->tx(R"([["update","goals","00000000-0000-0000-0000-000000000001",{"t":1}]])");
    QVERIFY(tx);
    QCOMPARE(seen, QList<qint64> {*tx});
    QCOMPARE(rowsSeen, 1);
    QVERIFY(!m_fixture->tx(R"([["update","$users","00000000-0000-0000-0000-000000000001",{"email":1}]])"));
    QCOMPARE(seen.size(), 1);
    store->removeChangeListener(handle);
    QVERIFY(m_fixture->tx("[]"));
    QCOMPARE(seen.size(), 1);
}

void TestStore::entityCreatedAt()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(m_fixture->tx(R"([["update","goals","00000000-0000-0000-0000-000000000001",{"t":1}]])"));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    const QDateTime created = m_fixture->store->entityCreatedAt(
        m_fixture->appId, QUuid::fromString(u"00000000-0000-0000-0000-000000000001"_s));
    QVERIFY(created.isValid());
    QVERIFY(created.toMSecsSinceEpoch() >= before && created.toMSecsSinceEpoch() <= after);
    // Later updates keep the creation time.
    QVERIFY(m_fixture->tx(R"([["update","goals","00000000-0000-0000-0000-000000000001",{"t":2}]])"));
    QCOMPARE(m_fixture->store->entityCreatedAt(
                 m_fixture->appId, QUuid::fromString(u"00000000-0000-0000-0000-000000000001"_s)),
        created);
    QVERIFY(!m_fixture->store->entityCreatedAt(m_fixture->appId, QUuid::createUuid()).isValid());
}

void TestStore::concurrentReadersAndWriters()
{
    constexpr int kWriters = 3;
    constexpr int kTransactions = 15;
    std::atomic<int> failures = 0;
    std::atomic<bool> done = false;
    std::vector<std::thread> threads;
    QList<qint64> txIds[kWriters];
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            for (int i = 0; i < kTransactions; ++i) {
                const QString steps = u"[[\"update\",\"rows\",\"%1\",{\"w\":%2,\"i\":%3}]]"_s.arg(
                    QUuid::createUuid().toString(QUuid::WithoutBraces), QString::number(w), QString::number(i));
                const auto tx
                    = m_fixture->store->transact(m_fixture->appId, json(steps.toUtf8().constData()).toArray());
                if (!tx) {
                    ++failures;
                } else {
                    txIds[w].append(*tx);
                }
            }
        });
    }
    std::thread reader([&] {
        while (!done) {
            if (!m_fixture->store->query(m_fixture->appId, object(R"({"rows":{"$":{"where":{"w":1}}}})"))) {
                ++failures;
            }
        }
    });
    for (std::thread &thread : threads) {
        thread.join();
    }
    done = true;
    reader.join();
    QCOMPARE(failures.load(), 0);
    QSet<qint64> all;
    for (const QList<qint64> &ids : txIds) {
        QVERIFY(std::is_sorted(ids.begin(), ids.end()));
        all.unite(QSet<qint64>(ids.begin(), ids.end()));
    }
    QCOMPARE(all.size(), kWriters * kTransactions);
    QCOMPARE(m_fixture->q(R"({"rows":{}})")->tree.value(u"rows").toArray().size(), kWriters * kTransactions);
}

void TestStore::sigkillLeavesWholeTransactions()
{
    const QString path = m_fixture->dir.filePath(u"sandbox.db"_s);
    m_fixture->store.reset();

    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments({u"--child-load"_s, path, m_fixture->appId.toString(QUuid::WithoutBraces)});
    child.start();
    QVERIFY(child.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.state() == QProcess::NotRunning, 20000);
    QCOMPARE(child.readLine().trimmed(), QByteArray("ready"));
    child.kill(); // SIGKILL, in the middle of whatever transaction is running
    QVERIFY(child.waitForFinished());

    QVERIFY(m_fixture->open());
    const auto rows = m_fixture->q(R"({"rows":{}})");
    QVERIFY(rows);
    QHash<int, int> perBatch;
    for (const QJsonValue &row : rows->tree.value(u"rows").toArray()) {
        ++perBatch[row[u"batch"_s].toInt()];
        // Every row has all its attributes: no half-written entity.
        QVERIFY(row[u"i"_s].isDouble());
        QCOMPARE(row[u"pad"_s].toString().size(), 200);
    }
    QVERIFY(perBatch.size() >= 4);
    for (auto it = perBatch.cbegin(); it != perBatch.cend(); ++it) {
        QCOMPARE(it.value(), kBatchSize);
    }
    // The database stays writable.
    QVERIFY(m_fixture->tx("[]"));
}

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--child-load") == 0) {
        QCoreApplication app(argc, argv);
        return runLoader(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    QCoreApplication app(argc, argv);
    TestStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
