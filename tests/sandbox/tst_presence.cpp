// GET /admin/rooms/presence (§4.24) answered from rooms joined and left through the sandbox-only
// /sandbox/rooms routes.

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "sandboxtestsupport.h"

using namespace sandboxtest;

class TestPresence : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyRoomIsNull_data();
    void emptyRoomIsNull();
    void joinAndLeave();
    void requiredParams();
    void blankParams_data();
    void blankParams();
    void roomIdIsTrimmed();

private:
    HttpResult presence(const QString &roomId);

    SandboxFixture m_sandbox;
    std::unique_ptr<HttpClient> m_http;
};

HttpResult TestPresence::presence(const QString &roomId)
{
    return m_http->send(
        "GET", QStringLiteral("/admin/rooms/presence?room-type=chat&room-id=") + roomId, m_sandbox.admin());
}

void TestPresence::initTestCase()
{
    QCOMPARE(m_sandbox.start(), QString());
    m_http = std::make_unique<HttpClient>(m_sandbox.url());
}

void TestPresence::emptyRoomIsNull_data()
{
    QTest::addColumn<QString>("roomId");
    QTest::newRow("never-joined") << QStringLiteral("lobby");
    QTest::newRow("other-room") << QStringLiteral("kitchen");
}

void TestPresence::emptyRoomIsNull()
{
    QFETCH(QString, roomId);
    const HttpResult result = presence(roomId);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("{\"sessions\":null}"));
}

void TestPresence::joinAndLeave()
{
    const HttpResult user = m_http->json("POST", QStringLiteral("/admin/refresh_tokens"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("louis@example.com")}});
    const QJsonObject userRecord = user.object()[QStringLiteral("user")].toObject();

    const HttpResult signedIn = m_http->json("POST", QStringLiteral("/sandbox/rooms/join"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("room-id"), QStringLiteral("doc-1")},
            {QStringLiteral("data"), QJsonObject {{QStringLiteral("color"), QStringLiteral("blue")}}},
            {QStringLiteral("refresh-token"), userRecord[QStringLiteral("refresh_token")]}});
    QCOMPARE(signedIn.status, 200);
    const QString peer = signedIn.object()[QStringLiteral("peer-id")].toString();
    const QString anonymous = QStringLiteral("4d6f8b0c-1e2a-4b3c-8d4e-5f6a7b8c9d0e");
    QCOMPARE(m_http
                 ->json("POST", QStringLiteral("/sandbox/rooms/join"), m_sandbox.admin(),
                     QJsonObject {{QStringLiteral("room-id"), QStringLiteral("doc-1")},
                         {QStringLiteral("peer-id"), anonymous},
                         {QStringLiteral("data"), QJsonObject {{QStringLiteral("color"), QStringLiteral("red")}}}})
                 .status,
        200);

    const QJsonObject sessions = presence(QStringLiteral("doc-1")).object()[QStringLiteral("sessions")].toObject();
    QCOMPARE(sessions.size(), 2);
    const QJsonObject louis = sessions[peer].toObject();
    QCOMPARE(louis[QStringLiteral("peer-id")].toString(), peer);
    QCOMPARE(louis[QStringLiteral("data")][QStringLiteral("color")].toString(), QStringLiteral("blue"));
    QCOMPARE(louis[QStringLiteral("user")][QStringLiteral("email")].toString(), QStringLiteral("louis@example.com"));
    QCOMPARE(
        louis[QStringLiteral("user")][QStringLiteral("app_id")].toString(), QString::fromLatin1(m_sandbox.appId()));
    QCOMPARE(louis[QStringLiteral("user")][QStringLiteral("isGuest")].toBool(true), false);
    QVERIFY(louis[QStringLiteral("instance-id")].isString());
    QVERIFY(sessions[anonymous][QStringLiteral("user")].isNull());

    // Rooms are per app: another app sees nothing in a room of the same name.
    const HttpResult otherApp = m_http->json(
        "POST", QStringLiteral("/sandbox/apps"), Headers {{"Authorization", "Bearer " + m_sandbox.adminToken()}}, {});
    const QJsonObject app = otherApp.object()[QStringLiteral("app")].toObject();
    const HttpResult elsewhere
        = m_http->send("GET", QStringLiteral("/admin/rooms/presence?room-type=chat&room-id=doc-1"),
            Headers {{"App-Id", app[QStringLiteral("id")].toString().toLatin1()},
                {"Authorization", app[QStringLiteral("admin-token")].toString().toLatin1()}});
    QCOMPARE(elsewhere.body, QByteArray("{\"sessions\":null}"));

    for (const QString &id : {peer, anonymous}) {
        const HttpResult left = m_http->json("POST", QStringLiteral("/sandbox/rooms/leave"), m_sandbox.admin(),
            QJsonObject {{QStringLiteral("room-id"), QStringLiteral("doc-1")}, {QStringLiteral("peer-id"), id}});
        QCOMPARE(left.body, QByteArray("{\"ok\":true}"));
    }
    QCOMPARE(presence(QStringLiteral("doc-1")).body, QByteArray("{\"sessions\":null}"));
}

void TestPresence::requiredParams()
{
    const HttpResult noRoom
        = m_http->send("GET", QStringLiteral("/admin/rooms/presence?room-type=chat"), m_sandbox.admin());
    QCOMPARE(noRoom.status, 400);
    QCOMPARE(noRoom.object()[QStringLiteral("type")].toString(), QStringLiteral("param-missing"));
    const HttpResult noAuth = m_http->send("GET", QStringLiteral("/admin/rooms/presence?room-type=chat&room-id=x"),
        Headers {{"App-Id", m_sandbox.appId()}});
    QCOMPARE(noAuth.status, 400);
    const HttpResult badJoin = m_http->json("POST", QStringLiteral("/sandbox/rooms/join"), m_sandbox.admin(), {});
    QCOMPARE(badJoin.status, 400);
    QCOMPARE(badJoin.object()[QStringLiteral("message")].toString(),
        QStringLiteral("Missing parameter: [\"body\" \"room-id\"]"));
}

void TestPresence::blankParams_data()
{
    // A present but blank value fails the server's non-blank string coercion: malformed, not missing.
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QJsonValue>("originalInput");
    QTest::newRow("empty-room-id") << QStringLiteral("room-type=chat&room-id=") << QStringLiteral("param-malformed")
                                   << QStringLiteral("room-id") << QJsonValue(QString());
    QTest::newRow("spaces-room-id") << QStringLiteral("room-type=chat&room-id=%20%20")
                                    << QStringLiteral("param-malformed") << QStringLiteral("room-id")
                                    << QJsonValue(QStringLiteral("  "));
    QTest::newRow("empty-room-type") << QStringLiteral("room-type=&room-id=doc-1") << QStringLiteral("param-malformed")
                                     << QStringLiteral("room-type") << QJsonValue(QString());
    // room-type is read first, so a blank room-type wins over a blank room-id.
    QTest::newRow("both-blank") << QStringLiteral("room-type=&room-id=") << QStringLiteral("param-malformed")
                                << QStringLiteral("room-type") << QJsonValue(QString());
    QTest::newRow("missing-room-type") << QStringLiteral("room-id=") << QStringLiteral("param-missing")
                                       << QStringLiteral("room-type") << QJsonValue(QJsonValue::Undefined);
}

void TestPresence::blankParams()
{
    QFETCH(QString, query);
    QFETCH(QString, type);
    QFETCH(QString, param);
    QFETCH(QJsonValue, originalInput);
    const HttpResult result = m_http->send("GET", QStringLiteral("/admin/rooms/presence?") + query, m_sandbox.admin());
    QCOMPARE(result.status, 400);
    const QJsonObject body = result.object();
    QCOMPARE(body[QStringLiteral("type")].toString(), type);
    const QString prefix = type == QStringLiteral("param-missing") ? QStringLiteral("Missing parameter: ")
                                                                   : QStringLiteral("Malformed parameter: ");
    QCOMPARE(body[QStringLiteral("message")].toString(), prefix + QStringLiteral("[\"params\" \"%1\"]").arg(param));
    const QJsonObject hint = body[QStringLiteral("hint")].toObject();
    QCOMPARE(hint[QStringLiteral("in")].toArray(), (QJsonArray {QStringLiteral("params"), param}));
    QCOMPARE(hint.value(QStringLiteral("original-input")), originalInput);
}

void TestPresence::roomIdIsTrimmed()
{
    const QString peer = QStringLiteral("0b7c5a4e-6f1d-4c2b-9e8a-3d2c1b0a9f8e");
    const HttpResult joined = m_http->json("POST", QStringLiteral("/sandbox/rooms/join"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("room-id"), QStringLiteral("trimmed-room")}, {QStringLiteral("peer-id"), peer}});
    QCOMPARE(joined.status, 200);
    const QJsonObject sessions
        = presence(QStringLiteral("%20trimmed-room%20")).object()[QStringLiteral("sessions")].toObject();
    QCOMPARE(sessions.keys(), QStringList {peer});
    m_http->json("POST", QStringLiteral("/sandbox/rooms/leave"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("room-id"), QStringLiteral("trimmed-room")}, {QStringLiteral("peer-id"), peer}});
}

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
