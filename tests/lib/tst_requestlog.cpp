// RequestLog: redaction of every secret, curl rendering (secret only on request), ring buffer bounds and
// the signals a model follows.

#include "adminclient.h"
#include "recordingserver.h"
#include "requestlog.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using instant::AdminClient;
using instant::Identity;
using instant::RequestLog;
using testsupport::RecordingServer;
using testsupport::ScriptedReply;

namespace {

const QString kApp = u"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b"_s;
const QString kToken = u"6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f"_s;
const QString kRefresh = u"9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f"_s;

} // namespace

class TestRequestLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void entryFields();
    void headersRedacted();
    void urlAndBodyRedacted();
    void curlRedactedUnlessAsked();
    void curlWithoutKeptSecrets();
    void curlReplaysTheRequest();
    void curlForUpload();
    void ringBuffer();
    void signalsForModels();

private:
    RecordingServer m_server;
    AdminClient *m_client = nullptr;
};

void TestRequestLog::initTestCase()
{
    QVERIFY(m_server.listen());
}

void TestRequestLog::init()
{
    m_server.clear();
    m_server.setDefaultReply(ScriptedReply::json(200, R"({"ok":true})"));
    delete m_client;
    m_client = new AdminClient(instant::Connection(m_server.url(), kApp, kToken), this);
}

void TestRequestLog::entryFields()
{
    RequestLog *log = m_client->requestLog();
    m_client->withIdentity(Identity::asGuest()).transact(QJsonArray {});
    QCOMPARE(log->size(), 1);
    QVERIFY(!log->at(0).finished);
    QTRY_VERIFY(log->at(0).finished);

    const instant::RequestLogEntry entry = log->at(0);
    QCOMPARE(entry.method, "POST"_ba);
    QCOMPARE(entry.route, u"/admin/transact"_s);
    QCOMPARE(entry.status, 200);
    QCOMPARE(entry.identity, u"as-guest"_s);
    QCOMPARE(entry.requestBody, R"({"steps":[],"throw-on-missing-attrs?":false})"_ba);
    QCOMPARE(entry.bytesReceived, qint64(11));
    QVERIFY(entry.durationMs >= 0);
    QVERIFY(!entry.error);
    QCOMPARE(log->find(entry.id)->route, entry.route);
    QCOMPARE(log->rowOf(entry.id), 0);
    QCOMPARE(log->rowOf(entry.id + 1), -1);
}

void TestRequestLog::headersRedacted()
{
    m_client->withIdentity(Identity::asRefreshToken(kRefresh)).query(QJsonObject {});
    QTRY_VERIFY(m_client->requestLog()->at(0).finished);
    const instant::RequestLogEntry entry = m_client->requestLog()->at(0);
    QByteArray authorization;
    QByteArray asToken;
    for (const auto &[name, value] : entry.requestHeaders) {
        QVERIFY(!value.contains(kToken.toLatin1()));
        QVERIFY(!value.contains(kRefresh.toLatin1()));
        if (name == "authorization") {
            authorization = value;
        } else if (name == "as-token") {
            asToken = value;
        }
    }
    QCOMPARE(authorization, "Bearer <redacted>"_ba);
    QCOMPARE(asToken, "<redacted>"_ba);
    QVERIFY(entry.identity.contains(u"<redacted>"_s));
}

void TestRequestLog::urlAndBodyRedacted()
{
    m_client->getUser(instant::UserSelector::byRefreshToken(kRefresh));
    m_client->verifyRefreshToken(kRefresh);
    m_client->verifyMagicCode(u"a@b.c"_s, u"408163"_s);
    RequestLog *log = m_client->requestLog();
    QTRY_VERIFY(log->at(2).finished);
    for (qsizetype row = 0; row < 3; ++row) {
        const instant::RequestLogEntry &entry = log->at(row);
        const QString everything = entry.url.toString(QUrl::FullyEncoded) + QString::fromUtf8(entry.requestBody);
        QVERIFY2(!everything.contains(kRefresh), qPrintable(everything));
        QVERIFY2(!everything.contains(u"408163"_s), qPrintable(everything));
        QVERIFY(!log->toCurl(entry).contains(kRefresh));
    }
    QVERIFY(log->at(0).url.toString(QUrl::FullyEncoded).contains(u"refresh_token=%3Credacted%3E"_s));
    QVERIFY(log->at(1).requestBody.contains(QByteArray("\"app-id\":\"" + kApp.toLatin1() + '"')));
    QVERIFY(log->at(2).requestBody.contains(R"("email":"a@b.c")"));
}

void TestRequestLog::curlRedactedUnlessAsked()
{
    m_client->withIdentity(Identity::asRefreshToken(kRefresh)).deleteFiles({u"a b'c.png"_s});
    RequestLog *log = m_client->requestLog();
    QTRY_VERIFY(log->at(0).finished);

    const QString redacted = log->toCurl(log->at(0));
    QVERIFY(!redacted.contains(kToken));
    QVERIFY(!redacted.contains(kRefresh));
    QVERIFY(redacted.startsWith(u"curl -X POST 'http://127.0.0.1:"_s));
    QVERIFY(redacted.contains(u"-H 'authorization: Bearer <redacted>'"_s));
    QVERIFY(redacted.contains(u"-H 'as-token: <redacted>'"_s));
    // Single quotes inside the body are escaped for a POSIX shell.
    QVERIFY(redacted.contains(uR"(--data-binary '{"filenames":["a b'\''c.png"]}')"_s));

    const QString full = log->toCurl(log->at(0), true);
    QVERIFY(full.contains(u"-H 'authorization: Bearer "_s + kToken + u'\''));
    QVERIFY(full.contains(u"-H 'as-token: "_s + kRefresh + u'\''));
}

void TestRequestLog::curlWithoutKeptSecrets()
{
    RequestLog *log = m_client->requestLog();
    log->setKeepSecrets(false);
    m_client->schema();
    QTRY_VERIFY(log->at(0).finished);
    QVERIFY(!log->toCurl(log->at(0), true).contains(kToken));
}

void TestRequestLog::curlReplaysTheRequest()
{
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (curl.isEmpty()) {
        QSKIP("curl is not installed");
    }
    m_client->verifyMagicCode(u"o'neil@example.com"_s, u"408163"_s, QJsonObject {{u"nick"_s, u"ü"_s}});
    QTRY_COMPARE(m_server.requests().size(), 1);
    RequestLog *log = m_client->requestLog();
    QTRY_VERIFY(log->at(0).finished);

    QProcess shell;
    shell.start(u"/bin/sh"_s, {u"-c"_s, log->toCurl(log->at(0), true) + u" --silent --max-time 10"_s});
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(shell.state(), QProcess::NotRunning, 15000);
    QCOMPARE(shell.exitCode(), 0);

    const testsupport::RecordedRequest &original = m_server.requests().at(0);
    const testsupport::RecordedRequest &replayed = m_server.requests().at(1);
    QCOMPARE(replayed.method, original.method);
    QCOMPARE(replayed.target, original.target);
    QCOMPARE(replayed.body, original.body);
    for (const QByteArray &name : {"content-type"_ba, "app-id"_ba, "authorization"_ba, "User-Agent"_ba}) {
        QCOMPARE(replayed.header(name), original.header(name));
    }
}

void TestRequestLog::curlForUpload()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("hello");
    file.flush();
    m_client->upload(u"photos/demo.png"_s, file.fileName(), {u"image/png"_s, {}});
    RequestLog *log = m_client->requestLog();
    QTRY_VERIFY(log->size() == 1 && log->at(0).finished);
    const QString curl = log->toCurl(log->at(0));
    QVERIFY2(curl.contains(u"--data-binary @'"_s + file.fileName() + u'\''), qPrintable(curl));
    QVERIFY(curl.contains(u"-X PUT"_s));
    QVERIFY(curl.contains(u"-H 'path: photos/demo.png'"_s));
    QVERIFY(!curl.contains(u"Content-Length"_s, Qt::CaseInsensitive));
    QCOMPARE(log->at(0).bytesSent, qint64(5));
}

void TestRequestLog::ringBuffer()
{
    RequestLog log(3);
    m_client->setRequestLog(&log);
    QSignalSpy removed(&log, &RequestLog::oldestEntriesRemoved);
    for (int i = 0; i < 5; ++i) {
        m_client->schema();
    }
    QCOMPARE(log.size(), 3);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(log.at(0).id, quint64(3));
    QCOMPARE(log.rowOf(1), -1);
    QCOMPARE(log.rowOf(5), 2);
    QTRY_VERIFY(log.at(2).finished);

    log.setCapacity(1);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).id, quint64(5));
    QSignalSpy cleared(&log, &RequestLog::cleared);
    log.clear();
    QCOMPARE(log.size(), 0);
    QCOMPARE(cleared.count(), 1);
    m_client->setRequestLog(nullptr);
    QPointer<instant::ApiJob> unlogged = m_client->schema();
    QTRY_VERIFY(unlogged.isNull());
    QCOMPARE(log.size(), 0);
}

void TestRequestLog::signalsForModels()
{
    RequestLog *log = m_client->requestLog();
    QSignalSpy aboutToAppend(log, &RequestLog::entryAboutToBeAppended);
    QSignalSpy appended(log, &RequestLog::entryAppended);
    QSignalSpy changed(log, &RequestLog::entryChanged);
    connect(log, &RequestLog::entryAboutToBeAppended, this, [&](qsizetype row) { QCOMPARE(log->size(), row); });
    connect(log, &RequestLog::entryAppended, this, [&](qsizetype row) { QCOMPARE(log->size(), row + 1); });
    m_client->schema();
    m_client->softDeletedAttrs();
    QCOMPARE(aboutToAppend.count(), 2);
    QCOMPARE(appended.count(), 2);
    QCOMPARE(appended.at(1).at(0).value<qsizetype>(), 1);
    QTRY_COMPARE(changed.count(), 2);
}

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
