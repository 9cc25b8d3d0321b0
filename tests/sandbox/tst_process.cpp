// The instant-sandbox binary: command line, the ready line on stdout, data kept in DIR, the demo
// seed, SIGTERM shutdown (also with open streams), and memory while a 200 MB upload streams in.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "sandboxtestsupport.h"

using namespace sandboxtest;

namespace {

/** Bytes generated on demand so the client side never holds the body either. */
class PatternDevice : public QIODevice {
public:
    explicit PatternDevice(qint64 size)
        : m_size(size)
    { }
    qint64 size() const override { return m_size; }
    bool isSequential() const override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, m_size - pos());
        std::fill(data, data + n, char('a' + pos() % 26));
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_size;
};

/** Peak resident memory of a process in KiB (VmHWM). */
qint64 peakRssKib(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}

struct Running {
    std::unique_ptr<QProcess> process;
    QByteArray line;
    QJsonObject info;
    Headers admin() const
    {
        return {{"App-Id", info[QStringLiteral("app-id")].toString().toLatin1()},
            {"Authorization", "Bearer " + info[QStringLiteral("admin-token")].toString().toLatin1()}};
    }
};

} // namespace

class TestProcess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readyLineAndSigterm();
    void sigtermWithOpenStream();
    void identityIsKept();
    void explicitIdentity();
    void cliErrors_data();
    void cliErrors();
    void helpAndVersion();
    void demoSeedIsIdempotent();
    void largeUploadBoundedMemory();
    void orphanedBytesRemovedAtStart();
    void logsNeverCarryTokens();

private:
    Running start(const QStringList &arguments);
    int stop(Running &running);
    QJsonObject count(const Running &running);
};

Running TestProcess::start(const QStringList &arguments)
{
    Running running;
    running.process = std::make_unique<QProcess>();
    running.process->setProcessChannelMode(QProcess::SeparateChannels);
    running.process->start(QStringLiteral(SANDBOX_BINARY), arguments);
    QSignalSpy ready(running.process.get(), &QProcess::readyReadStandardOutput);
    QDeadlineTimer deadline(30000);
    while (
        !running.process->canReadLine() && !deadline.hasExpired() && running.process->state() != QProcess::NotRunning) {
        ready.wait(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    running.line = running.process->readLine();
    running.info = QJsonDocument::fromJson(running.line).object();
    return running;
}

int TestProcess::stop(Running &running)
{
    QSignalSpy finished(running.process.get(), &QProcess::finished);
    running.process->terminate(); // SIGTERM
    if (running.process->state() != QProcess::NotRunning && !finished.wait(15000)) {
        running.process->kill();
        return -1;
    }
    return running.process->exitStatus() == QProcess::NormalExit ? running.process->exitCode() : -2;
}

QJsonObject TestProcess::count(const Running &running)
{
    HttpClient http(running.info[QStringLiteral("url")].toString());
    const HttpResult result = http.json("POST", QStringLiteral("/admin/query"), running.admin(),
        QJsonObject {{QStringLiteral("query"),
            QJsonObject {{QStringLiteral("goals"), QJsonObject {}}, {QStringLiteral("todos"), QJsonObject {}},
                {QStringLiteral("tags"), QJsonObject {}}, {QStringLiteral("$files"), QJsonObject {}},
                {QStringLiteral("$users"), QJsonObject {}}, {QStringLiteral("$userRefreshTokens"), QJsonObject {}}}}});
    QJsonObject counts;
    const QJsonObject tree = result.object();
    for (auto it = tree.begin(); it != tree.end(); ++it) {
        counts.insert(it.key(), it.value().toArray().size());
    }
    return counts;
}

void TestProcess::readyLineAndSigterm()
{
    QTemporaryDir dir;
    Running running
        = start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dir.path()});
    const QRegularExpression shape(QStringLiteral(
        "^\\{\"url\":\"http://"
        "127\\.0\\.0\\.1:[1-9][0-9]*\",\"app-id\":\"[0-9a-f-]{36}\",\"admin-token\":\"[0-9a-f-]{36}\"\\}\\n$"));
    QVERIFY2(shape.match(QString::fromUtf8(running.line)).hasMatch(), running.line.constData());
    QCOMPARE(running.process->readAllStandardOutput(), QByteArray()); // exactly one line

    HttpClient http(running.info[QStringLiteral("url")].toString());
    const HttpResult result = http.json("POST", QStringLiteral("/admin/query"), running.admin(),
        QJsonObject {{QStringLiteral("query"), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}}}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("{\"goals\":[]}"));
    QCOMPARE(stop(running), 0);
}

void TestProcess::sigtermWithOpenStream()
{
    QTemporaryDir dir;
    Running running = start({QStringLiteral("--data"), dir.path()});
    QVERIFY(!running.info.isEmpty());
    HttpClient http(running.info[QStringLiteral("url")].toString());
    Headers headers = running.admin();
    headers.push_back({"Content-Type", "application/json"});
    QNetworkReply *stream = http.manager().post(
        http.request(QStringLiteral("/admin/subscribe-query"), headers), QByteArray("{\"query\":{\"goals\":{}}}"));
    QByteArray bytes;
    connect(stream, &QNetworkReply::readyRead, this, [&] { bytes += stream->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(bytes.contains("add-query-ok"), 10000);

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(stop(running), 0);
    qInfo("shutdown with an open stream took %lld ms", timer.elapsed());
    QTRY_VERIFY_WITH_TIMEOUT(stream->isFinished(), 10000);
    stream->deleteLater();
}

void TestProcess::identityIsKept()
{
    QTemporaryDir dir;
    Running first
        = start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dir.path()});
    QVERIFY(!first.info.isEmpty());
    QCOMPARE(stop(first), 0);
    Running second
        = start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dir.path()});
    QCOMPARE(second.info[QStringLiteral("app-id")], first.info[QStringLiteral("app-id")]);
    QCOMPARE(second.info[QStringLiteral("admin-token")], first.info[QStringLiteral("admin-token")]);
    QCOMPARE(stop(second), 0);
}

void TestProcess::explicitIdentity()
{
    QTemporaryDir dir;
    const QString app = QStringLiteral("0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b");
    const QString token = QStringLiteral("6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f");
    Running running = start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
        dir.path(), QStringLiteral("--app-id"), app, QStringLiteral("--admin-token"), token});
    QCOMPARE(running.info[QStringLiteral("app-id")].toString(), app);
    QCOMPARE(running.info[QStringLiteral("admin-token")].toString(), token);
    QCOMPARE(stop(running), 0);

    // The same app with a different token is refused rather than silently changed.
    QProcess refused;
    refused.start(QStringLiteral(SANDBOX_BINARY),
        {QStringLiteral("--data"), dir.path(), QStringLiteral("--app-id"), app, QStringLiteral("--admin-token"),
            QStringLiteral("9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f")});
    QSignalSpy finished(&refused, &QProcess::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(refused.exitCode(), 1);
    QVERIFY(refused.readAllStandardOutput().isEmpty());
}

void TestProcess::cliErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("stderrContains");
    QTest::newRow("no-data") << QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}
                             << QByteArray("--data");
    QTest::newRow("remote-needs-flag") << QStringList {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
        QStringLiteral("--data"), QStringLiteral("/nonexistent")}
                                       << QByteArray("--allow-remote");
    QTest::newRow("bad-listen") << QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
        QStringLiteral("--data"), QStringLiteral("/nonexistent")}
                                << QByteArray("HOST:PORT");
    QTest::newRow("bad-app-id") << QStringList {QStringLiteral("--data"), QStringLiteral("/nonexistent"),
        QStringLiteral("--app-id"), QStringLiteral("nope")}
                                << QByteArray("UUID");
    QTest::newRow("unknown-seed") << QStringList {QStringLiteral("--data"), QStringLiteral("/nonexistent"),
        QStringLiteral("--seed"), QStringLiteral("big")}
                                  << QByteArray("demo");
    QTest::newRow("unknown-option") << QStringList {QStringLiteral("--data"), QStringLiteral("/nonexistent"),
        QStringLiteral("--nope")} << QByteArray("--nope");
}

void TestProcess::cliErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, stderrContains);
    QProcess process;
    process.start(QStringLiteral(SANDBOX_BINARY), arguments);
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains(stderrContains), err.constData());
}

void TestProcess::helpAndVersion()
{
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("--version")}) {
        QProcess process;
        process.start(QStringLiteral(SANDBOX_BINARY), {flag});
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(
            out.contains(flag == QLatin1String("--help") ? "--listen HOST:PORT" : "instant-sandbox "), out.constData());
    }
}

void TestProcess::demoSeedIsIdempotent()
{
    QTemporaryDir dir;
    const QStringList arguments {
        QStringLiteral("--data"), dir.path(), QStringLiteral("--seed"), QStringLiteral("demo")};
    Running first = start(arguments);
    QVERIFY(!first.info.isEmpty());
    const QJsonObject seeded = count(first);
    QCOMPARE(seeded[QStringLiteral("goals")].toInt(), 3);
    QCOMPARE(seeded[QStringLiteral("todos")].toInt(), 7);
    QCOMPARE(seeded[QStringLiteral("tags")].toInt(), 4);
    QCOMPARE(seeded[QStringLiteral("$files")].toInt(), 3);
    QCOMPARE(seeded[QStringLiteral("$users")].toInt(), 3);
    QCOMPARE(seeded[QStringLiteral("$userRefreshTokens")].toInt(), 3);

    // Links of every cardinality come back through both directions.
    HttpClient http(first.info[QStringLiteral("url")].toString());
    const HttpResult linked = http.json("POST", QStringLiteral("/admin/query"), first.admin(),
        QJsonObject {{QStringLiteral("query"),
                         QJsonObject {{QStringLiteral("todos"),
                                          QJsonObject {{QStringLiteral("goal"), QJsonObject {}},
                                              {QStringLiteral("tags"), QJsonObject {}}}},
                             {QStringLiteral("profiles"), QJsonObject {{QStringLiteral("user"), QJsonObject {}}}}}},
            {QStringLiteral("inference?"), true}});
    QCOMPARE(linked.status, 200);
    const QJsonObject firstTodo = linked.object()[QStringLiteral("todos")][0].toObject();
    QVERIFY2(firstTodo[QStringLiteral("goal")].isObject(), linked.body.left(300).constData());
    QVERIFY(firstTodo[QStringLiteral("tags")].isArray());
    QVERIFY(linked.object()[QStringLiteral("profiles")][0][QStringLiteral("user")].isObject());

    const QString url
        = http.json("POST", QStringLiteral("/admin/query"), first.admin(),
                  QJsonObject {{QStringLiteral("query"), QJsonObject {{QStringLiteral("$files"), QJsonObject {}}}}})
              .object()[QStringLiteral("$files")][0][QStringLiteral("url")]
              .toString();
    HttpClient direct(QString {});
    QCOMPARE(direct.send("GET", url, {}).status, 200);
    QCOMPARE(stop(first), 0);

    Running second = start(arguments);
    QCOMPARE(count(second), seeded);
    QCOMPARE(stop(second), 0);
}

void TestProcess::largeUploadBoundedMemory()
{
    QTemporaryDir dir;
    Running running = start({QStringLiteral("--data"), dir.path()});
    QVERIFY(!running.info.isEmpty());
    const qint64 pid = running.process->processId();
    const qint64 before = peakRssKib(pid);

    const qint64 size = qint64(200) * 1024 * 1024;
    PatternDevice device(size);
    QVERIFY(device.open(QIODevice::ReadOnly));
    HttpClient http(running.info[QStringLiteral("url")].toString());
    QNetworkRequest request = http.request(QStringLiteral("/admin/storage/upload"), running.admin());
    request.setRawHeader("Path", "big/200mb.bin");
    request.setHeader(QNetworkRequest::ContentLengthHeader, size);
    QNetworkReply *reply = http.manager().put(request, &device);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(120000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject data = QJsonDocument::fromJson(reply->readAll()).object()[QStringLiteral("data")].toObject();
    reply->deleteLater();
    QCOMPARE(qint64(data[QStringLiteral("size")].toDouble()), size);

    const qint64 after = peakRssKib(pid);
    qInfo("server peak RSS: %lld KiB before, %lld KiB after a 200 MB upload", before, after);
    QVERIFY(before > 0);
    QVERIFY2(after - before < 32 * 1024, "the upload must stream to disk, not into memory");
    QCOMPARE(stop(running), 0);
}

void TestProcess::orphanedBytesRemovedAtStart()
{
    QTemporaryDir dir;
    const QStringList arguments {QStringLiteral("--data"), dir.path()};
    Running first = start(arguments);
    QVERIFY(!first.info.isEmpty());
    HttpClient http(first.info[QStringLiteral("url")].toString());
    Headers headers = first.admin();
    headers.push_back({"Path", "kept.txt"});
    QCOMPARE(http.send("PUT", QStringLiteral("/admin/storage/upload"), headers, "kept").status, 200);
    headers.last().second = "dropped.txt";
    const HttpResult dropped = http.send("PUT", QStringLiteral("/admin/storage/upload"), headers, "dropped");
    QCOMPARE(dropped.status, 200);
    const QJsonObject data = dropped.object()[QStringLiteral("data")].toObject();

    // Deleted through a transaction: the record goes at once, the bytes at the next start.
    QCOMPARE(http.json("POST", QStringLiteral("/admin/transact"), first.admin(),
                     QJsonObject {{QStringLiteral("steps"),
                         QJsonArray {QJsonArray {
                             QStringLiteral("delete"), QStringLiteral("$files"), data[QStringLiteral("id")]}}}})
                 .status,
        200);
    const QDir files(dir.path() + QStringLiteral("/files/") + first.info[QStringLiteral("app-id")].toString());
    QCOMPARE(files.entryList(QDir::Files).size(), 2);
    QCOMPARE(stop(first), 0);

    Running second = start(arguments);
    QVERIFY(!second.info.isEmpty());
    QCOMPARE(files.entryList(QDir::Files).size(), 1);
    QVERIFY(!files.entryList(QDir::Files).contains(data[QStringLiteral("location-id")].toString()));
    QCOMPARE(stop(second), 0);
}

void TestProcess::logsNeverCarryTokens()
{
    QTemporaryDir dir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("instant.*.debug=true"));
    Running running;
    running.process = std::make_unique<QProcess>();
    running.process->setProcessEnvironment(environment);
    running.process->start(QStringLiteral(SANDBOX_BINARY), {QStringLiteral("--data"), dir.path()});
    QSignalSpy ready(running.process.get(), &QProcess::readyReadStandardOutput);
    QVERIFY(ready.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(running.process->canReadLine(), 10000);
    running.line = running.process->readLine();
    running.info = QJsonDocument::fromJson(running.line).object();
    const QByteArray adminToken = running.info[QStringLiteral("admin-token")].toString().toLatin1();

    HttpClient http(running.info[QStringLiteral("url")].toString());
    const HttpResult user = http.json("POST", QStringLiteral("/admin/refresh_tokens"), running.admin(),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("secret@example.com")}});
    const QByteArray refreshToken
        = user.object()[QStringLiteral("user")][QStringLiteral("refresh_token")].toString().toLatin1();
    QVERIFY(!refreshToken.isEmpty());
    QCOMPARE(http.send("GET", QStringLiteral("/admin/users?refresh_token=") + QString::fromLatin1(refreshToken),
                     running.admin())
                 .status,
        200);
    QCOMPARE(http.json("POST", QStringLiteral("/admin/query"),
                     Headers {{"App-Id", running.info[QStringLiteral("app-id")].toString().toLatin1()},
                         {"As-Token", refreshToken}},
                     QJsonObject {{QStringLiteral("query"), QJsonObject {}}})
                 .status,
        200);
    QCOMPARE(stop(running), 0);

    const QByteArray log = running.process->readAllStandardError();
    QVERIFY2(log.contains("/admin/users"), log.constData()); // request logging was on
    QVERIFY(!log.contains(adminToken));
    QVERIFY(!log.contains(refreshToken));
}

QTEST_GUILESS_MAIN(TestProcess)
#include "tst_process.moc"
