// Connection, Identity and Error as plain values: defaults, trimming, impersonation headers, redaction.

#include "connection.h"
#include "error.h"
#include "identity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using instant::Connection;
using instant::Error;
using instant::Identity;

Q_DECLARE_METATYPE(Identity)

class TestConnection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void trimsLikeTheSdk();
    void routeUrl_data();
    void routeUrl();
    void identityHeaders_data();
    void identityHeaders();
    void redactNested();
    void userMessagesAreTranslatableSentences_data();
    void userMessagesAreTranslatableSentences();
};

void TestConnection::defaults()
{
    const Connection connection;
    QCOMPARE(connection.serverUrl(), QUrl(u"https://api.instantdb.com"_s));
    QVERIFY(!connection.hasAdminToken());
    QVERIFY(connection.extraCaCertificates().isEmpty());
    QCOMPARE(connection.sslConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);

    Connection emptyUrl(QUrl(), u"app"_s);
    QCOMPARE(emptyUrl.serverUrl(), Connection::defaultServerUrl());
}

void TestConnection::trimsLikeTheSdk()
{
    Connection connection(QUrl(u"http://localhost:8888"_s), u"  0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b \n"_s,
        u" 6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f "_s);
    QCOMPARE(connection.appId(), u"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b"_s);
    QCOMPARE(connection.adminToken(), u"6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f"_s);
    connection.setAppId(QUuid(u"{0F9A7C1E-3B2D-4E5F-8A6B-1C2D3E4F5A6B}"_s));
    QCOMPARE(connection.appId(), u"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b"_s);
    connection.setAdminToken(u"   "_s);
    QVERIFY(!connection.hasAdminToken());
}

void TestConnection::routeUrl_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << u"https://api.instantdb.com"_s << u"https://api.instantdb.com/admin/query"_s;
    QTest::newRow("trailing-slash") << u"https://api.instantdb.com/"_s << u"https://api.instantdb.com/admin/query"_s;
    QTest::newRow("path-prefix") << u"https://example.org/instant/"_s << u"https://example.org/instant/admin/query"_s;
    QTest::newRow("port-no-query") << u"http://127.0.0.1:8888/?x=1#f"_s << u"http://127.0.0.1:8888/admin/query"_s;
}

void TestConnection::routeUrl()
{
    QFETCH(QString, server);
    QFETCH(QString, expected);
    const Connection connection(QUrl(server), u"app"_s);
    QCOMPARE(connection.routeUrl(u"/admin/query").toString(), expected);
}

void TestConnection::identityHeaders_data()
{
    QTest::addColumn<Identity>("identity");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("needsAdminToken");
    QTest::newRow("admin") << Identity::admin() << QByteArray() << QByteArray() << true;
    QTest::newRow("email-kept-as-is") << Identity::asEmail(u"Alyssa@Example.com"_s) << "as-email"_ba
                                      << "Alyssa@Example.com"_ba << true;
    QTest::newRow("refresh-token") << Identity::asRefreshToken(u" tok "_s) << "as-token"_ba
                                   << "tok"_ba << false;
    QTest::newRow("guest") << Identity::asGuest() << "as-guest"_ba
                           << "true"_ba << false;
}

void TestConnection::identityHeaders()
{
    QFETCH(Identity, identity);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(bool, needsAdminToken);
    const auto headers = identity.headers();
    QCOMPARE(headers.size(), name.isEmpty() ? 0 : 1);
    if (!name.isEmpty()) {
        QCOMPARE(headers.constFirst().first, name);
        QCOMPARE(headers.constFirst().second, value);
    }
    QCOMPARE(identity.requiresAdminToken(), needsAdminToken);
    QVERIFY(!identity.displayName().isEmpty());
    if (identity.kind() == Identity::Kind::RefreshToken) {
        QVERIFY(!identity.logName().contains(u"r3fr3sh"_s));
        QVERIFY(!identity.displayName().contains(u"r3fr3sh"_s));
    }
}

void TestConnection::redactNested()
{
    const QJsonObject hint = QJsonDocument::fromJson(R"({
        "args":[{"token":"T1","app-id":"A","refresh-token":"R1","email":"e@x"}],
        "input":{"refresh_token":"R2","id":"keep"},
        "in":["headers","authorization"],"original-input":"Bearer T2",
        "errors":[{"in":["body","email"],"original-input":"visible","hint":{"sse-token":"S"}}],
        "code":"408163","nothing":null})")
                                 .object();
    Error error = Error::make(Error::Kind::Http, u"m"_s);
    error.hint = hint;
    const QByteArray redacted = QJsonDocument(error.redactedHint().toObject()).toJson(QJsonDocument::Compact);
    for (const char *secret : {"T1", "R1", "R2", "T2", "\"S\"", "408163"}) {
        QVERIFY2(!redacted.contains(secret), redacted.constData());
    }
    for (const char *kept : {"\"A\"", "e@x", "keep", "visible", "\"nothing\":null"}) {
        QVERIFY2(redacted.contains(kept), redacted.constData());
    }
}

void TestConnection::userMessagesAreTranslatableSentences_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("network") << int(Error::Kind::Network);
    QTest::newRow("tls") << int(Error::Kind::Tls);
    QTest::newRow("timeout") << int(Error::Kind::Timeout);
    QTest::newRow("http") << int(Error::Kind::Http);
    QTest::newRow("protocol") << int(Error::Kind::Protocol);
    QTest::newRow("cancelled") << int(Error::Kind::Cancelled);
}

void TestConnection::userMessagesAreTranslatableSentences()
{
    QFETCH(int, kind);
    Error error = Error::make(Error::Kind(kind), u"detail text"_s);
    error.httpStatus = error.kind == Error::Kind::Http ? 400 : 0;
    const QString message = error.userMessage();
    QVERIFY(!message.isEmpty());
    QVERIFY(message.endsWith(u'.') || message.contains(u"detail text"_s));
    QVERIFY(error.detail().startsWith(Error::kindName(error.kind)));
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
