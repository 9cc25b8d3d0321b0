// SandboxServer in-process, as the console runs it: start and stop at once, restart on the same
// data directory, stop while a live query is streaming or a stream is just opening, and the live
// queries' processed-tx-id after a restart.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

#include "engine/store.h"
#include "sandboxtestsupport.h"
#include "server/livequeryhub.h"
#include "server/ssesession.h"

using namespace sandboxtest;

class TestLifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stopRightAfterStart();
    void restartKeepsIdentity();
    void stopWithOpenStream();
    void streamOpenedWhileStopping();
    void processedTxIdAfterRestart();
    void secondStartIsRefused();
};

void TestLifecycle::stopRightAfterStart()
{
    QTemporaryDir dir;
    for (int round = 0; round < 10; ++round) {
        sandbox::SandboxServer server;
        sandbox::SandboxOptions options;
        options.dataDir = dir.path();
        QVERIFY(server.start(options).has_value());
        QVERIFY(server.isRunning());
        QElapsedTimer timer;
        timer.start();
        server.stop();
        QVERIFY(!server.isRunning());
        QVERIFY2(timer.elapsed() < 5000, "stop() must not wait for an accept loop that never started");
    }
}

void TestLifecycle::restartKeepsIdentity()
{
    QTemporaryDir dir;
    sandbox::SandboxOptions options;
    options.dataDir = dir.path();
    sandbox::SandboxServer first;
    const auto a = first.start(options);
    QVERIFY(a.has_value());
    first.stop();
    sandbox::SandboxServer second;
    const auto b = second.start(options);
    QVERIFY(b.has_value());
    QCOMPARE(b->appId, a->appId);
    QCOMPARE(b->adminToken, a->adminToken);
    QVERIFY(b->url.startsWith(QStringLiteral("http://127.0.0.1:")));
}

void TestLifecycle::stopWithOpenStream()
{
    SandboxFixture sandbox;
    QCOMPARE(sandbox.start(), QString());
    HttpClient http(sandbox.url());
    Headers headers = sandbox.admin();
    headers.push_back({"Content-Type", "application/json"});
    QNetworkReply *stream = http.manager().post(
        http.request(QStringLiteral("/admin/subscribe-query"), headers), "{\"query\":{\"goals\":{}}}");
    QByteArray bytes;
    connect(stream, &QNetworkReply::readyRead, this, [&] { bytes += stream->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(bytes.contains("add-query-ok"), 10000);
    QCOMPARE(sandbox.server().liveSessionCount(), 1);

    QElapsedTimer timer;
    timer.start();
    sandbox.stop();
    QVERIFY2(timer.elapsed() < 5000, "open streams must not hold up stop()");
    QTRY_VERIFY_WITH_TIMEOUT(stream->isFinished(), 10000);
    stream->deleteLater();
}

void TestLifecycle::streamOpenedWhileStopping()
{
    // A stream that opens after the hub closed its streams (a client reconnecting at once, or a request
    // already read on a kept-alive connection) must end by itself: its worker would otherwise wait for
    // events forever, and stopping the server joins every worker.
    QTemporaryDir dir;
    auto store = sandbox::Store::open(dir.filePath(QStringLiteral("sandbox.sqlite")));
    QVERIFY(store.has_value());
    sandbox::LiveQueryHub hub(**store);
    hub.shutdown();
    const auto session = hub.openSession(QUuid::createUuid(), sandbox::Identity {}, false);
    QVERIFY(session->isClosed());
    QCOMPARE(hub.sessionCount(), 0);

    // It still hands out its first frames, then reports the end at once instead of waiting for the deadline.
    const auto farAway = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    QVERIFY(session->takeFrames(farAway).join().contains("sse-init"));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(session->takeFrames(farAway).isEmpty());
    QVERIFY(timer.elapsed() < 5000);
}

void TestLifecycle::processedTxIdAfterRestart()
{
    SandboxFixture sandbox;
    QCOMPARE(sandbox.start(), QString());
    HttpClient http(sandbox.url());
    const HttpResult tx = http.json("POST", QStringLiteral("/admin/transact"), sandbox.admin(),
        QJsonObject {{QStringLiteral("steps"),
            QJsonArray {QJsonArray {QStringLiteral("update"), QStringLiteral("goals"),
                QUuid::createUuid().toString(QUuid::WithoutBraces),
                QJsonObject {{QStringLiteral("title"), QStringLiteral("kept")}}}}}});
    QCOMPARE(tx.status, 200);
    const double txId = tx.object()[QStringLiteral("tx-id")].toDouble();
    QVERIFY(txId > 0);
    sandbox.stop();

    // After a restart, before any new transaction, a live query reports the newest stored transaction.
    sandbox::SandboxServer server;
    sandbox::SandboxOptions options;
    options.dataDir = sandbox.dataDir();
    const auto info = server.start(options);
    QVERIFY(info.has_value());
    HttpClient restarted(info->url);
    Headers headers = sandbox.admin();
    headers.push_back({"Content-Type", "application/json"});
    QNetworkReply *stream = restarted.manager().post(
        restarted.request(QStringLiteral("/admin/subscribe-query"), headers), "{\"query\":{\"goals\":{}}}");
    QByteArray bytes;
    connect(stream, &QNetworkReply::readyRead, this, [&] { bytes += stream->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(bytes.contains("add-query-ok") && bytes.endsWith("\n\n"), 10000);
    QJsonObject added;
    for (const QByteArray &frame : bytes.split('\n')) {
        if (frame.startsWith("data:") && frame.contains("add-query-ok")) {
            added = QJsonDocument::fromJson(frame.mid(5)).object();
        }
    }
    QCOMPARE(added[QStringLiteral("processed-tx-id")].toDouble(), txId);
    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(stream->isFinished(), 10000);
    stream->deleteLater();
}

void TestLifecycle::secondStartIsRefused()
{
    SandboxFixture sandbox;
    QCOMPARE(sandbox.start(), QString());
    sandbox::SandboxOptions options;
    options.dataDir = sandbox.dataDir();
    QVERIFY(!sandbox.server().start(options).has_value());
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
