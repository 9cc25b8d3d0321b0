// Every error shape of spec §0 and §2 and every transport failure maps onto instant::Error.

#include "adminclient.h"
#include "recordingserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using instant::AdminClient;
using instant::ApiJob;
using instant::Error;
using instant::JsonResult;
using testsupport::RecordingServer;
using testsupport::ScriptedReply;

namespace {

const QString kApp = u"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b"_s;
const QString kToken = u"6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f"_s;
const QString kRefresh = u"9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f"_s;

QByteArray readData(const char *name)
{
    QFile file(QString::fromUtf8(INSTANT_TEST_DATA_DIR "/") + QString::fromUtf8(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** A TLS loopback server with the self-signed test certificate that answers every request with {}. */
class TlsServer : public QTcpServer {
public:
    TlsServer()
        : m_certificate(readData("localhost-cert.pem"), QSsl::Pem)
        , m_key(readData("localhost-key.pem"), QSsl::Ec, QSsl::Pem)
    { }

    QSslCertificate certificate() const { return m_certificate; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        QObject::connect(socket, &QSslSocket::readyRead, socket, [socket] {
            if (socket->readAll().contains("\r\n\r\n")) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            }
        });
        QObject::connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace

class TestErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void httpError_data();
    void httpError();
    void secretsRedacted();
    void redirectNotFollowed();
    void invalidJsonOn200();
    void replyTooLarge();
    void connectionRefused();
    void connectionClosedWithoutReply();
    void tlsHandshakeWithPlainServer();
    void tlsUntrustedCertificate();
    void tlsTrustedThroughExtraCa();
    void timeout();
    void cancel();
    void cancelAfterFinishedIsNoOp();
    void clientDestroyedWhileRunning();

private:
    /** Waits for the job's single finished() and returns its result; checks the job deleted itself. */
    JsonResult waitFor(ApiJob *job);

    RecordingServer m_server;
    AdminClient *m_client = nullptr;
};

void TestErrors::initTestCase()
{
    QVERIFY(m_server.listen());
}

void TestErrors::init()
{
    m_server.clear();
    m_server.setDefaultReply(ScriptedReply::json(200, "{}"));
    delete m_client;
    m_client = new AdminClient(instant::Connection(m_server.url(), kApp, kToken), this);
}

JsonResult TestErrors::waitFor(ApiJob *job)
{
    QPointer<ApiJob> guard = job;
    QSignalSpy spy(job, &ApiJob::finished);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 20000); }();
    [&] { QTRY_VERIFY(guard.isNull()); }();
    [&] { QCOMPARE(spy.count(), 1); }();
    return spy.isEmpty() ? JsonResult(std::unexpected(Error())) : spy.at(0).at(0).value<JsonResult>();
}

void TestErrors::httpError_data()
{
    QTest::addColumn<ScriptedReply>("reply");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("hasHint");
    QTest::addColumn<QString>("traceId");

    QTest::newRow("validation-failed")
        << ScriptedReply::json(400,
               R"({"type":"validation-failed","message":"Validation failed for query: The limit field must be a )"
               R"(positive integer. Got -1.","hint":{"data-type":"query","input":{"goals":{"$":{"limit":-1}}},)"
               R"("errors":[]},"trace-id":"4bf92f3577b34da6a3ce929d0e0e4736"})")
        << 400 << u"validation-failed"_s
        << u"Validation failed for query: The limit field must be a positive integer. Got -1."_s << true
        << u"4bf92f3577b34da6a3ce929d0e0e4736"_s;
    QTest::newRow("param-missing-null-hint-no-trace")
        << ScriptedReply::json(
               400, R"({"type":"param-missing","message":"Missing parameter: [\"body\" \"query\"]","hint":null})")
        << 400 << u"param-missing"_s << uR"(Missing parameter: ["body" "query"])"_s << false << QString();
    QTest::newRow("malformed-json-text-plain")
        << ScriptedReply::text(400, "Malformed JSON in request body.") << 400 << QString()
        << u"Malformed JSON in request body."_s << false << QString();
    QTest::newRow("unknown-route-404") << ScriptedReply::json(
        404, R"({"message":"Oops! We couldn't match this route."})")
                                       << 404 << QString() << u"Oops! We couldn't match this route."_s << false
                                       << QString();
    QTest::newRow("rate-limited-429")
        << ScriptedReply::json(429,
               R"({"type":"rate-limited","message":"You're making too many requests. Please email )"
               R"(support@instantdb.com or ask for help in the Discord.","hint":null})")
        << 429 << u"rate-limited"_s
        << u"You're making too many requests. Please email support@instantdb.com or ask for help in the Discord."_s
        << false << QString();
    QTest::newRow("db-timeout-429") << ScriptedReply::json(
        429, R"({"type":"timeout","message":"The query took too long to complete.","hint":null})")
                                    << 429 << u"timeout"_s << u"The query took too long to complete."_s << false
                                    << QString();
    QTest::newRow("unknown-500") << ScriptedReply::json(
        500, R"({"type":"unknown","message":"Something went wrong. Sorry about this!","hint":{"debug-uri":null}})")
                                 << 500 << u"unknown"_s << u"Something went wrong. Sorry about this!"_s << true
                                 << QString();
    QTest::newRow("oauth-error-shape") << ScriptedReply::json(400, R"({"type":"oauth-error","error":"bad state"})")
                                       << 400 << u"oauth-error"_s << u"bad state"_s << false << QString();
    ScriptedReply proxy = ScriptedReply::text(502, "<html><body>Bad gateway</body></html>");
    proxy.headers = {{"Content-Type", "text/html"}};
    QTest::newRow("proxy-html-502") << proxy << 502 << QString() << u"<html><body>Bad gateway</body></html>"_s << false
                                    << QString();
}

void TestErrors::httpError()
{
    QFETCH(ScriptedReply, reply);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(bool, hasHint);
    QFETCH(QString, traceId);

    m_server.enqueue(reply);
    const JsonResult result = waitFor(m_client->schema());
    QVERIFY(!result);
    const Error &error = result.error();
    QCOMPARE(error.kind, Error::Kind::Http);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.type, type);
    QCOMPARE(error.message, message);
    QCOMPARE(error.hint.isObject(), hasHint);
    QCOMPARE(error.traceId, traceId);
    QCOMPARE(error.isRateLimited(), status == 429);
    QCOMPARE(error.url.path(), u"/admin/schema"_s);
    QVERIFY(!error.url.hasQuery());
    QVERIFY(!error.userMessage().isEmpty());
    if (status == 400 && !message.isEmpty()) {
        QVERIFY2(error.userMessage().contains(message), qPrintable(error.userMessage()));
    }
    QVERIFY(error.detail().contains(QString::number(status)));

    const instant::RequestLogEntry entry = m_client->requestLog()->at(m_client->requestLog()->size() - 1);
    QCOMPARE(entry.status, status);
    QVERIFY(entry.error.has_value());
    QCOMPARE(entry.error->type, type);
}

void TestErrors::secretsRedacted()
{
    // Hints echo the admin token, refresh tokens and the raw authorization header (spec §1.4).
    m_server.enqueue(ScriptedReply::json(400,
        R"({"type":"record-not-found","message":"Record not found: app-admin-token","hint":{"args":[{"token":")"
            + kToken.toLatin1() + R"(","app-id":")" + kApp.toLatin1()
            + R"("}],"message":"This admin token may be expired or invalid.","record-type":"app-admin-token"}})"));
    m_server.enqueue(ScriptedReply::json(400,
        R"({"type":"param-malformed","message":"Malformed parameter: [\"headers\" \"authorization\"]",)"
        R"("hint":{"in":["headers","authorization"],"original-input":"Bearer s3cr3t-admin"}})"));
    m_server.enqueue(ScriptedReply::json(400,
        R"({"type":"record-not-found","message":"Record not found: app-user","hint":{"args":[{"app-id":"a",)"
        R"("refresh-token":")"
            + kRefresh.toLatin1() + R"("}],"record-type":"app-user"}})"));
    m_server.enqueue(ScriptedReply::json(400,
        R"({"type":"param-malformed","message":"Malformed parameter: [\"body\" \"email\"]",)"
        R"("hint":{"in":["body","email"],"original-input":"not-an-email"}})"));

    const QStringList secrets {kToken, u"s3cr3t-admin"_s, kRefresh};
    for (int i = 0; i < 4; ++i) {
        const JsonResult result = waitFor(m_client->schema());
        QVERIFY(!result);
        const QString detail = result.error().detail();
        for (const QString &secret : secrets) {
            QVERIFY2(!detail.contains(secret), qPrintable(detail));
            const QJsonDocument logged(m_client->requestLog()->at(i).error->hint.toObject());
            QVERIFY(!QString::fromUtf8(logged.toJson()).contains(secret));
        }
        QVERIFY(detail.contains(u"<redacted>"_s) || i == 3);
    }
    // A malformed email is not a secret and stays visible for diagnosis.
    QVERIFY(m_client->requestLog()->at(3).error->detail().contains(u"not-an-email"_s));
    // The job's own error keeps the full hint for programmatic use.
    m_server.enqueue(ScriptedReply::json(
        400, R"({"type":"record-not-found","message":"m","hint":{"args":[{"token":"abc"}],"record-type":"x"}})"));
    const JsonResult raw = waitFor(m_client->schema());
    QCOMPARE(
        raw.error().hint.toObject().value(u"args"_s).toArray().at(0).toObject().value(u"token"_s).toString(), u"abc"_s);
}

void TestErrors::redirectNotFollowed()
{
    ScriptedReply redirect = ScriptedReply::text(301, "");
    redirect.headers = {{"Location", "https://evil.example/admin/schema"}};
    m_server.enqueue(redirect);
    const JsonResult result = waitFor(m_client->schema());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Http);
    QCOMPARE(result.error().httpStatus, 301);
    QCOMPARE(m_server.requests().size(), 1);
}

void TestErrors::invalidJsonOn200()
{
    m_server.enqueue(ScriptedReply::json(200, "{\"tx-id\":"));
    const JsonResult result = waitFor(m_client->transact(QJsonArray {}));
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Protocol);
    QCOMPARE(result.error().httpStatus, 200);

    // The query path decodes with JsonTree off the GUI thread and reports the same kind.
    m_server.enqueue(ScriptedReply::json(200, "{\"goals\":[}"));
    auto *query = m_client->query(QJsonObject {});
    QSignalSpy spy(query, &instant::QueryJob::finished);
    QTRY_COMPARE(spy.count(), 1);
    const auto tree = spy.at(0).at(0).value<instant::TreeResult>();
    QVERIFY(!tree);
    QCOMPARE(tree.error().kind, Error::Kind::Protocol);
}

void TestErrors::replyTooLarge()
{
    m_client->setMaxReplySize(1000);
    m_server.enqueue(ScriptedReply::json(200, "{\"data\":\"" + QByteArray(5000, 'x') + "\"}"));
    const JsonResult result = waitFor(m_client->listFiles());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Protocol);
}

void TestErrors::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    QUrl url(u"http://127.0.0.1"_s);
    url.setPort(probe.serverPort());
    probe.close();

    AdminClient client(instant::Connection(url, kApp, kToken));
    const JsonResult result = waitFor(client.schema());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Network);
    QCOMPARE(result.error().networkError, QNetworkReply::ConnectionRefusedError);
    QCOMPARE(result.error().httpStatus, 0);
    QVERIFY(result.error().userMessage().contains(u"refused"_s));
}

void TestErrors::connectionClosedWithoutReply()
{
    // QNAM resends once when a connection closes before any answer, so every attempt gets closed.
    m_server.setDefaultReply(ScriptedReply::close());
    const JsonResult result = waitFor(m_client->schema());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Network);
}

void TestErrors::tlsHandshakeWithPlainServer()
{
    QUrl url = m_server.url();
    url.setScheme(u"https"_s);
    AdminClient client(instant::Connection(url, kApp, kToken));
    const JsonResult result = waitFor(client.schema());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Tls);
    QVERIFY(!result.error().userMessage().isEmpty());
}

void TestErrors::tlsUntrustedCertificate()
{
    TlsServer server;
    QVERIFY(!server.certificate().isNull());
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QUrl url(u"https://127.0.0.1"_s);
    url.setPort(server.serverPort());

    AdminClient client(instant::Connection(url, kApp, kToken));
    const JsonResult result = waitFor(client.schema());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Tls);
    QVERIFY(!result.error().sslErrors.isEmpty());
    QVERIFY(result.error().userMessage().contains(result.error().sslErrors.constFirst()));
}

void TestErrors::tlsTrustedThroughExtraCa()
{
    TlsServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QUrl url(u"https://127.0.0.1"_s);
    url.setPort(server.serverPort());

    instant::Connection connection(url, kApp, kToken);
    connection.addExtraCaCertificate(server.certificate());
    AdminClient client(connection);
    const JsonResult result = waitFor(client.schema());
    QVERIFY2(result, result ? "" : qPrintable(result.error().detail()));
    QVERIFY(result->isObject());
}

void TestErrors::timeout()
{
    m_server.enqueue(ScriptedReply::never());
    m_client->setTransferTimeout(std::chrono::milliseconds(300));
    const JsonResult result = waitFor(m_client->schema());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QVERIFY(!result.error().userMessage().isEmpty());
}

void TestErrors::cancel()
{
    m_server.enqueue(ScriptedReply::never());
    QPointer<ApiJob> job = m_client->schema();
    QSignalSpy spy(job, &ApiJob::finished);
    QTRY_COMPARE(m_server.requests().size(), 1);
    job->cancel();
    job->cancel();
    QTRY_VERIFY(job.isNull());
    QCOMPARE(spy.count(), 1);
    const auto result = spy.at(0).at(0).value<JsonResult>();
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    const auto entry = m_client->requestLog()->at(0);
    QVERIFY(entry.finished);
    QCOMPARE(entry.error->kind, Error::Kind::Cancelled);

    // Cancelling a call refused before sending also reports Cancelled, once.
    AdminClient noToken(instant::Connection(m_server.url(), kApp, {}));
    QPointer<ApiJob> refused = noToken.schema();
    QSignalSpy refusedSpy(refused, &ApiJob::finished);
    refused->cancel();
    QTRY_VERIFY(refused.isNull());
    QCOMPARE(refusedSpy.count(), 1);
    QCOMPARE(refusedSpy.at(0).at(0).value<JsonResult>().error().kind, Error::Kind::Cancelled);
}

void TestErrors::cancelAfterFinishedIsNoOp()
{
    ApiJob *job = m_client->schema();
    QSignalSpy spy(job, &ApiJob::finished);
    connect(job, &ApiJob::finished, this, [job] { job->cancel(); });
    QTRY_COMPARE(spy.count(), 1);
    QVERIFY(spy.at(0).at(0).value<JsonResult>().has_value());
}

void TestErrors::clientDestroyedWhileRunning()
{
    m_server.setDefaultReply(ScriptedReply::never());
    auto *client = new AdminClient(instant::Connection(m_server.url(), kApp, kToken));
    QPointer<ApiJob> running = client->schema();
    QPointer<instant::QueryJob> query = client->query(QJsonObject {});
    QPointer<ApiJob> transact = client->withIdentity(instant::Identity()).transact(QJsonArray {});
    QSignalSpy runningSpy(running, &ApiJob::finished);
    QSignalSpy querySpy(query, &instant::QueryJob::finished);
    QTRY_COMPARE(m_server.requests().size(), 3);
    delete client;
    QVERIFY(running.isNull());
    QVERIFY(query.isNull());
    QVERIFY(transact.isNull());
    // Jobs that die with their client stay silent.
    QCOMPARE(runningSpy.count(), 0);
    QCOMPARE(querySpy.count(), 0);
}

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
