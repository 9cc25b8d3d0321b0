// SandboxServer in-process, as the console runs it: start and stop at once, restart on the same
// data directory, and stop while a live query is streaming.

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

#include "sandboxtestsupport.h"

using namespace sandboxtest;

class TestLifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stopRightAfterStart();
    void restartKeepsIdentity();
    void stopWithOpenStream();
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
