// $users and their credentials over HTTP: refresh tokens, magic codes, guests, sign-out, the users
// routes and the runtime verify route (§4.8–4.15, §4.25, §8.1).

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include "sandboxtestsupport.h"

using namespace sandboxtest;

namespace {

const QRegularExpression kUuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
const QRegularExpression kSecondDate(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));

} // namespace

class TestAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refreshTokensCreatesThenReuses();
    void refreshTokensById();
    void refreshTokensErrors_data();
    void refreshTokensErrors();
    void onlyTokenHashesAreStored();
    void verifyRefreshToken();
    void magicCodeFlow();
    void magicCodeExpires();
    void guestSignInAndUpgrade();
    void guestLinksToExistingUser();
    void signOut();
    void signOutPrecedence();
    void usersLookupPrecedence();
    void deleteUser();

private:
    HttpResult post(const char *route, const QJsonObject &body);
    QJsonObject tokenFor(const QString &email);
    bool tokenValid(const QString &token);

    SandboxFixture m_sandbox;
    std::unique_ptr<HttpClient> m_http;
};

HttpResult TestAuth::post(const char *route, const QJsonObject &body)
{
    return m_http->json("POST", QString::fromLatin1(route), m_sandbox.admin(), body);
}

QJsonObject TestAuth::tokenFor(const QString &email)
{
    return post("/admin/refresh_tokens", QJsonObject {{QStringLiteral("email"), email}})
        .object()[QStringLiteral("user")]
        .toObject();
}

bool TestAuth::tokenValid(const QString &token)
{
    const HttpResult result = m_http->json("POST", QStringLiteral("/runtime/auth/verify_refresh_token"), {},
        QJsonObject {{QStringLiteral("app-id"), QString::fromLatin1(m_sandbox.appId())},
            {QStringLiteral("refresh-token"), token}});
    return result.status == 200;
}

void TestAuth::initTestCase()
{
    QCOMPARE(m_sandbox.start(), QString());
    m_http = std::make_unique<HttpClient>(m_sandbox.url());
}

void TestAuth::refreshTokensCreatesThenReuses()
{
    const HttpResult first = post(
        "/admin/refresh_tokens", QJsonObject {{QStringLiteral("email"), QStringLiteral("  Alyssa@Example.COM ")}});
    QCOMPARE(first.status, 200);
    QCOMPARE(first.object()[QStringLiteral("created")].toBool(false), true);
    const QJsonObject user = first.object()[QStringLiteral("user")].toObject();
    QCOMPARE(user[QStringLiteral("email")].toString(), QStringLiteral("alyssa@example.com"));
    QCOMPARE(user[QStringLiteral("app_id")].toString(), QString::fromLatin1(m_sandbox.appId()));
    QVERIFY(kUuid.match(user[QStringLiteral("id")].toString()).hasMatch());
    QVERIFY(kUuid.match(user[QStringLiteral("refresh_token")].toString()).hasMatch());
    QVERIFY2(kSecondDate.match(user[QStringLiteral("created_at")].toString()).hasMatch(),
        qPrintable(user[QStringLiteral("created_at")].toString()));
    QCOMPARE(user[QStringLiteral("isGuest")].toBool(true), false);
    QVERIFY(!user.contains(QStringLiteral("type"))); // users made here get no type

    const HttpResult again
        = post("/admin/refresh_tokens", QJsonObject {{QStringLiteral("email"), QStringLiteral("alyssa@example.com")}});
    QCOMPARE(again.object()[QStringLiteral("created")].toBool(true), false);
    const QJsonObject same = again.object()[QStringLiteral("user")].toObject();
    QCOMPARE(same[QStringLiteral("id")], user[QStringLiteral("id")]);
    QVERIFY(same[QStringLiteral("refresh_token")] != user[QStringLiteral("refresh_token")]);
    QVERIFY(tokenValid(user[QStringLiteral("refresh_token")].toString()));
    QVERIFY(tokenValid(same[QStringLiteral("refresh_token")].toString()));
}

void TestAuth::refreshTokensById()
{
    const QString id = QStringLiteral("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
    const HttpResult made = post("/admin/refresh_tokens", QJsonObject {{QStringLiteral("id"), id}});
    QCOMPARE(made.status, 200);
    QCOMPARE(made.object()[QStringLiteral("created")].toBool(false), true);
    QCOMPARE(made.object()[QStringLiteral("user")][QStringLiteral("id")].toString(), id);
    QVERIFY(!made.object()[QStringLiteral("user")].toObject().contains(QStringLiteral("email")));
}

void TestAuth::refreshTokensErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::newRow("neither") << QByteArray("{}") << QStringLiteral("validation-failed")
                             << QStringLiteral("Validation failed for body: Please provide an `email` or `id`");
    QTest::newRow("bad-email") << QByteArray("{\"email\":\"not an email\"}") << QStringLiteral("param-malformed")
                               << QStringLiteral("Malformed parameter: [\"body\" \"email\"]");
    QTest::newRow("bad-id") << QByteArray("{\"id\":\"nope\"}") << QStringLiteral("param-malformed")
                            << QStringLiteral("Malformed parameter: [\"body\" \"id\"]");
    QTest::newRow("unknown-extra-field") << QByteArray(
        "{\"email\":\"x1@example.com\",\"extra-fields\":{\"color\":\"red\"}}")
                                         << QStringLiteral("validation-failed")
                                         << QStringLiteral(
                                                "Validation failed for extra-fields: Unknown field: color. It must be "
                                                "defined in your $users schema.");
    QTest::newRow("system-extra-field") << QByteArray(
        "{\"email\":\"x2@example.com\",\"extra-fields\":{\"type\":\"admin\"}}")
                                        << QStringLiteral("validation-failed")
                                        << QStringLiteral(
                                               "Validation failed for extra-fields: Cannot set system field: type");
}

void TestAuth::refreshTokensErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, type);
    QFETCH(QString, message);
    Headers headers = m_sandbox.admin();
    headers.push_back({"Content-Type", "application/json"});
    const HttpResult result = m_http->send("POST", QStringLiteral("/admin/refresh_tokens"), headers, body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object()[QStringLiteral("type")].toString(), type);
    QCOMPARE(result.object()[QStringLiteral("message")].toString(), message);
    QVERIFY(result.object().contains(QStringLiteral("hint")));
}

void TestAuth::onlyTokenHashesAreStored()
{
    const QString token = tokenFor(QStringLiteral("hash@example.com"))[QStringLiteral("refresh_token")].toString();
    const HttpResult stored = post("/admin/query",
        QJsonObject {{QStringLiteral("query"), QJsonObject {{QStringLiteral("$userRefreshTokens"), QJsonObject {}}}}});
    QCOMPARE(stored.status, 200);
    QVERIFY(!stored.body.contains(token.toLatin1()));
    const QByteArray hash = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
    QVERIFY(stored.body.contains(hash));
}

void TestAuth::verifyRefreshToken()
{
    const QJsonObject user = tokenFor(QStringLiteral("verify@example.com"));
    const QString token = user[QStringLiteral("refresh_token")].toString();
    const HttpResult ok = m_http->json("POST", QStringLiteral("/runtime/auth/verify_refresh_token"), {},
        QJsonObject {{QStringLiteral("app-id"), QString::fromLatin1(m_sandbox.appId())},
            {QStringLiteral("refresh-token"), token}});
    QCOMPARE(ok.status, 200);
    QCOMPARE(
        ok.object()[QStringLiteral("user")][QStringLiteral("email")].toString(), QStringLiteral("verify@example.com"));
    QCOMPARE(ok.object()[QStringLiteral("user")][QStringLiteral("refresh_token")].toString(), token);

    const QString unknown = QStringLiteral("9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f");
    const HttpResult bad = m_http->json("POST", QStringLiteral("/runtime/auth/verify_refresh_token"), {},
        QJsonObject {{QStringLiteral("app-id"), QString::fromLatin1(m_sandbox.appId())},
            {QStringLiteral("refresh-token"), unknown}});
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.body,
        QByteArray("{\"hint\":{\"args\":[{\"app-id\":\"") + m_sandbox.appId() + "\",\"refresh-token\":\""
            + unknown.toLatin1()
            + "\"}],\"record-type\":\"app-user\"},\"message\":\"Record not found: "
              "app-user\",\"type\":\"record-not-found\"}");

    const HttpResult missing = m_http->json("POST", QStringLiteral("/runtime/auth/verify_refresh_token"), {},
        QJsonObject {{QStringLiteral("app-id"), QString::fromLatin1(m_sandbox.appId())}});
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.object()[QStringLiteral("message")].toString(),
        QStringLiteral("Missing parameter: [\"body\" \"refresh-token\"]"));
}

void TestAuth::magicCodeFlow()
{
    const QRegularExpression digits(QStringLiteral("^[0-8]{6}$"));
    QString code;
    for (const char *route : {"/admin/send_magic_code", "/admin/magic_code"}) {
        const HttpResult sent
            = post(route, QJsonObject {{QStringLiteral("email"), QStringLiteral("Magic@Example.com")}});
        QCOMPARE(sent.status, 200);
        code = sent.object()[QStringLiteral("code")].toString();
        QVERIFY2(digits.match(code).hasMatch(), qPrintable(code));
    }

    const HttpResult wrong = post("/admin/verify_magic_code",
        QJsonObject {{QStringLiteral("email"), QStringLiteral("magic@example.com")},
            {QStringLiteral("code"), QStringLiteral("999999")}});
    QCOMPARE(wrong.status, 400);
    QCOMPARE(wrong.body,
        QByteArray("{\"hint\":{\"args\":[{\"app-id\":\"") + m_sandbox.appId()
            + "\",\"code\":\"999999\",\"email\":\"magic@example.com\"}],\"record-type\":\"app-user-magic-code\"},"
              "\"message\":\"Record not found: app-user-magic-code\",\"type\":\"record-not-found\"}");

    const QJsonObject body {{QStringLiteral("email"), QStringLiteral("magic@example.com")},
        {QStringLiteral("code"), QString(QStringLiteral(" ") + code)}};
    const HttpResult verified = post("/admin/verify_magic_code", body);
    QCOMPARE(verified.status, 200);
    QCOMPARE(verified.object()[QStringLiteral("created")].toBool(false), true);
    const QJsonObject user = verified.object()[QStringLiteral("user")].toObject();
    QCOMPARE(user[QStringLiteral("type")].toString(), QStringLiteral("user"));
    QCOMPARE(user[QStringLiteral("isGuest")].toBool(true), false);
    QVERIFY(tokenValid(user[QStringLiteral("refresh_token")].toString()));

    const HttpResult reused = post("/admin/verify_magic_code", body);
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.object()[QStringLiteral("type")].toString(), QStringLiteral("record-not-found"));

    const HttpResult missing = post(
        "/admin/verify_magic_code", QJsonObject {{QStringLiteral("email"), QStringLiteral("magic@example.com")}});
    QCOMPARE(missing.object()[QStringLiteral("message")].toString(),
        QStringLiteral("Missing parameter: [\"body\" \"code\"]"));
}

void TestAuth::magicCodeExpires()
{
    SandboxFixture expiring;
    sandbox::SandboxOptions options;
    options.magicCodeTtl = std::chrono::seconds(0);
    QCOMPARE(expiring.start(options), QString());
    HttpClient http(expiring.url());
    const QJsonObject email {{QStringLiteral("email"), QStringLiteral("late@example.com")}};
    const HttpResult sent = http.json("POST", QStringLiteral("/admin/magic_code"), expiring.admin(), email);
    QCOMPARE(sent.status, 200);
    QJsonObject body = email;
    body.insert(QStringLiteral("code"), sent.object()[QStringLiteral("code")]);
    const HttpResult verified = http.json("POST", QStringLiteral("/admin/verify_magic_code"), expiring.admin(), body);
    QCOMPARE(verified.status, 400);
    QCOMPARE(verified.object()[QStringLiteral("type")].toString(), QStringLiteral("record-expired"));
    QCOMPARE(
        verified.object()[QStringLiteral("message")].toString(), QStringLiteral("Record expired: app-user-magic-code"));
    QVERIFY(verified.object()[QStringLiteral("hint")][QStringLiteral("args")].isArray());
}

void TestAuth::guestSignInAndUpgrade()
{
    const HttpResult guest = post("/admin/sign_in_guest", {});
    QCOMPARE(guest.status, 200);
    QVERIFY(!guest.object().contains(QStringLiteral("created")));
    const QJsonObject guestUser = guest.object()[QStringLiteral("user")].toObject();
    QCOMPARE(guestUser[QStringLiteral("type")].toString(), QStringLiteral("guest"));
    QCOMPARE(guestUser[QStringLiteral("isGuest")].toBool(false), true);

    const QString code
        = post("/admin/magic_code", QJsonObject {{QStringLiteral("email"), QStringLiteral("upgrade@example.com")}})
              .object()[QStringLiteral("code")]
              .toString();
    const HttpResult upgraded = post("/admin/verify_magic_code",
        QJsonObject {{QStringLiteral("email"), QStringLiteral("upgrade@example.com")}, {QStringLiteral("code"), code},
            {QStringLiteral("refresh-token"), guestUser[QStringLiteral("refresh_token")]}});
    QCOMPARE(upgraded.status, 200);
    QCOMPARE(upgraded.object()[QStringLiteral("created")].toBool(false), true);
    const QJsonObject user = upgraded.object()[QStringLiteral("user")].toObject();
    QCOMPARE(user[QStringLiteral("id")], guestUser[QStringLiteral("id")]);
    QCOMPARE(user[QStringLiteral("type")].toString(), QStringLiteral("user"));
    QCOMPARE(user[QStringLiteral("isGuest")].toBool(true), false);

    const HttpResult unknownToken = post("/admin/verify_magic_code",
        QJsonObject {{QStringLiteral("email"), QStringLiteral("upgrade@example.com")},
            {QStringLiteral("code"), QStringLiteral("000000")},
            {QStringLiteral("refresh-token"), QStringLiteral("9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f")}});
    QCOMPARE(unknownToken.status, 400);
    QCOMPARE(unknownToken.object()[QStringLiteral("hint")][QStringLiteral("record-type")].toString(),
        QStringLiteral("app-user"));
}

void TestAuth::guestLinksToExistingUser()
{
    const QJsonObject existing = tokenFor(QStringLiteral("primary@example.com"));
    const QJsonObject guest = post("/admin/sign_in_guest", {}).object()[QStringLiteral("user")].toObject();
    const QString code
        = post("/admin/magic_code", QJsonObject {{QStringLiteral("email"), QStringLiteral("primary@example.com")}})
              .object()[QStringLiteral("code")]
              .toString();
    const HttpResult verified = post("/admin/verify_magic_code",
        QJsonObject {{QStringLiteral("email"), QStringLiteral("primary@example.com")}, {QStringLiteral("code"), code},
            {QStringLiteral("refresh-token"), guest[QStringLiteral("refresh_token")]}});
    QCOMPARE(verified.status, 200);
    QCOMPARE(verified.object()[QStringLiteral("created")].toBool(true), false);
    QCOMPARE(verified.object()[QStringLiteral("user")][QStringLiteral("id")], existing[QStringLiteral("id")]);

    const HttpResult linked = m_http->send(
        "GET", QStringLiteral("/admin/users?id=") + guest[QStringLiteral("id")].toString(), m_sandbox.admin());
    QCOMPARE(
        linked.object()[QStringLiteral("user")][QStringLiteral("linkedPrimaryUser")], existing[QStringLiteral("id")]);
}

void TestAuth::signOut()
{
    const QJsonObject first = tokenFor(QStringLiteral("out@example.com"));
    const QJsonObject second = tokenFor(QStringLiteral("out@example.com"));
    const QString t1 = first[QStringLiteral("refresh_token")].toString();
    const QString t2 = second[QStringLiteral("refresh_token")].toString();

    const HttpResult one = post("/admin/sign_out", QJsonObject {{QStringLiteral("refresh_token"), t1}});
    QCOMPARE(one.status, 200);
    QCOMPARE(one.body, QByteArray("{\"ok\":true}"));
    QVERIFY(!tokenValid(t1));
    QVERIFY(tokenValid(t2));

    QCOMPARE(post("/admin/sign_out", QJsonObject {{QStringLiteral("email"), QStringLiteral("out@example.com")}}).status,
        200);
    QVERIFY(!tokenValid(t2));

    const HttpResult unknownEmail
        = post("/admin/sign_out", QJsonObject {{QStringLiteral("email"), QStringLiteral("ghost@example.com")}});
    QCOMPARE(unknownEmail.status, 400);
    QCOMPARE(unknownEmail.object()[QStringLiteral("type")].toString(), QStringLiteral("record-not-found"));
    QCOMPARE(post("/admin/sign_out",
                 QJsonObject {{QStringLiteral("id"), QStringLiteral("9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f")}})
                 .status,
        200);
    const HttpResult none = post("/admin/sign_out", {});
    QCOMPARE(none.status, 400);
    QCOMPARE(none.object()[QStringLiteral("message")].toString(),
        QStringLiteral("Validation failed for body: Please provide an `id`, `email`, or `refresh_token`"));
}

void TestAuth::signOutPrecedence()
{
    const QJsonObject a = tokenFor(QStringLiteral("first@example.com"));
    const QJsonObject b = tokenFor(QStringLiteral("second@example.com"));
    // id wins over email and refresh_token
    QCOMPARE(post("/admin/sign_out",
                 QJsonObject {{QStringLiteral("id"), a[QStringLiteral("id")]},
                     {QStringLiteral("email"), QStringLiteral("second@example.com")},
                     {QStringLiteral("refresh_token"), b[QStringLiteral("refresh_token")]}})
                 .status,
        200);
    QVERIFY(!tokenValid(a[QStringLiteral("refresh_token")].toString()));
    QVERIFY(tokenValid(b[QStringLiteral("refresh_token")].toString()));

    // email wins over refresh_token
    const QJsonObject c = tokenFor(QStringLiteral("third@example.com"));
    QCOMPARE(post("/admin/sign_out",
                 QJsonObject {{QStringLiteral("email"), QStringLiteral("third@example.com")},
                     {QStringLiteral("refresh_token"), b[QStringLiteral("refresh_token")]}})
                 .status,
        200);
    QVERIFY(!tokenValid(c[QStringLiteral("refresh_token")].toString()));
    QVERIFY(tokenValid(b[QStringLiteral("refresh_token")].toString()));
}

void TestAuth::usersLookupPrecedence()
{
    const QJsonObject a = tokenFor(QStringLiteral("lookup-a@example.com"));
    const QJsonObject b = tokenFor(QStringLiteral("lookup-b@example.com"));
    const auto get = [&](const QString &query) {
        return m_http->send("GET", QStringLiteral("/admin/users?") + query, m_sandbox.admin());
    };
    const HttpResult byEmail
        = get(QStringLiteral("email=lookup-a@example.com&id=") + b[QStringLiteral("id")].toString());
    QCOMPARE(byEmail.object()[QStringLiteral("user")][QStringLiteral("id")], a[QStringLiteral("id")]);
    const HttpResult byToken = get(QStringLiteral("refresh_token=") + b[QStringLiteral("refresh_token")].toString()
        + QStringLiteral("&id=") + a[QStringLiteral("id")].toString());
    QCOMPARE(byToken.object()[QStringLiteral("user")][QStringLiteral("id")], b[QStringLiteral("id")]);
    QVERIFY(!byToken.object()[QStringLiteral("user")].toObject().contains(QStringLiteral("refresh_token")));
    const HttpResult byId = get(QStringLiteral("id=") + a[QStringLiteral("id")].toString());
    QCOMPARE(byId.object()[QStringLiteral("user")][QStringLiteral("email")].toString(),
        QStringLiteral("lookup-a@example.com"));
    QVERIFY(
        kSecondDate.match(byId.object()[QStringLiteral("user")][QStringLiteral("created_at")].toString()).hasMatch());

    const HttpResult unknown = get(QStringLiteral("email=nobody@example.com"));
    QCOMPARE(unknown.status, 200);
    QCOMPARE(unknown.body, QByteArray("{\"user\":null}"));

    const HttpResult none = get(QStringLiteral("app_id=") + QString::fromLatin1(m_sandbox.appId()));
    QCOMPARE(none.status, 400);
    QCOMPARE(none.object()[QStringLiteral("hint")][QStringLiteral("data-type")].toString(), QStringLiteral("params"));
    QCOMPARE(none.object()[QStringLiteral("hint")][QStringLiteral("input")][QStringLiteral("app_id")].toString(),
        QString::fromLatin1(m_sandbox.appId()));
    QCOMPARE(none.object()[QStringLiteral("message")].toString(),
        QStringLiteral("Validation failed for params: Please provide a user id, email, or refresh_token"));
}

void TestAuth::deleteUser()
{
    const QJsonObject user = tokenFor(QStringLiteral("gone@example.com"));
    const HttpResult deleted
        = m_http->send("DELETE", QStringLiteral("/admin/users?email=gone@example.com"), m_sandbox.admin());
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.object()[QStringLiteral("deleted")][QStringLiteral("id")], user[QStringLiteral("id")]);
    QCOMPARE(deleted.object()[QStringLiteral("deleted")][QStringLiteral("app_id")].toString(),
        QString::fromLatin1(m_sandbox.appId()));
    QVERIFY(!tokenValid(user[QStringLiteral("refresh_token")].toString()));

    const HttpResult again
        = m_http->send("DELETE", QStringLiteral("/admin/users?email=gone@example.com"), m_sandbox.admin());
    QCOMPARE(again.body, QByteArray("{\"deleted\":null}"));
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
