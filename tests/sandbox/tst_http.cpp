// Wire conventions of every route (§0), authentication errors (§1.4), impersonation precedence (§1.3)
// and the data routes (query, transact, perms checks, schema), over HTTP to an in-process sandbox.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "sandboxtestsupport.h"

using namespace sandboxtest;

class TestHttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void notFound_data();
    void notFound();
    void malformedJson_data();
    void malformedJson();
    void bodyIgnoredWithoutJsonContentType();
    void emptyJsonBodyIsNoBody();
    void successEncoding();
    void bodyLimit();
    void authErrors_data();
    void authErrors();
    void authAccepted_data();
    void authAccepted();
    void impersonation_data();
    void impersonation();
    void permsCheckRequiresImpersonation();
    void queryPermsCheck();
    void transactPermsCheck();
    void transactPermsCheckSystemNamespaces_data();
    void transactPermsCheckSystemNamespaces();
    void transactPermsCheckRefusesRules();
    void transactAndQueryErrors();
    void schemaRoutes();

private:
    QByteArray fill(QByteArray text) const;

    SandboxFixture m_sandbox;
    std::unique_ptr<HttpClient> m_http;
    QByteArray m_alyssaToken;
    QString m_alyssaId;
};

QByteArray TestHttp::fill(QByteArray text) const
{
    return text.replace("%APP%", m_sandbox.appId())
        .replace("%TOKEN%", m_sandbox.adminToken())
        .replace("%ALYSSA%", m_alyssaToken);
}

void TestHttp::initTestCase()
{
    sandbox::SandboxOptions options;
    options.jsonBodyLimit = 1024 * 1024;
    QCOMPARE(m_sandbox.start(options), QString());
    m_http = std::make_unique<HttpClient>(m_sandbox.url());

    const HttpResult alyssa = m_http->json("POST", QStringLiteral("/admin/refresh_tokens"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("alyssa@example.com")}});
    QCOMPARE(alyssa.status, 200);
    m_alyssaToken = alyssa.object()[QStringLiteral("user")][QStringLiteral("refresh_token")].toString().toLatin1();
    m_alyssaId = alyssa.object()[QStringLiteral("user")][QStringLiteral("id")].toString();
    const HttpResult ben = m_http->json("POST", QStringLiteral("/admin/refresh_tokens"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("ben@example.com")}});
    QCOMPARE(ben.status, 200);
}

void TestHttp::notFound_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown-path") << QByteArray("GET") << QStringLiteral("/nope");
    QTest::newRow("admin-unknown") << QByteArray("POST") << QStringLiteral("/admin/nope");
    QTest::newRow("wrong-method-query") << QByteArray("GET") << QStringLiteral("/admin/query");
    QTest::newRow("wrong-method-transact") << QByteArray("PUT") << QStringLiteral("/admin/transact");
    QTest::newRow("unknown-file") << QByteArray("GET")
                                  << QStringLiteral("/sandbox/files/00000000-0000-0000-0000-000000000000/1/"
                                                    "00000000-0000-0000-0000-000000000001");
}

void TestHttp::notFound()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    const HttpResult result = m_http->send(verb, path, m_sandbox.admin());
    QCOMPARE(result.status, 404);
    QCOMPARE(result.body, QByteArray("{\"message\":\"Oops! We couldn't match this route.\"}"));
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
}

void TestHttp::malformedJson_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArray("application/json") << QByteArray("{\"query\":");
    QTest::newRow("charset") << QByteArray("application/json; charset=utf-8") << QByteArray("{nope}");
    QTest::newRow("vendor-json") << QByteArray("application/vnd.api+json") << QByteArray("[1,");
    QTest::newRow("two-values") << QByteArray("application/json") << QByteArray("{} {}");
}

void TestHttp::malformedJson()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    Headers headers = m_sandbox.admin();
    headers.push_back({"Content-Type", contentType});
    const HttpResult result = m_http->send("POST", QStringLiteral("/admin/query"), headers, body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.body, QByteArray("Malformed JSON in request body."));
    QVERIFY(result.header("Content-Type").startsWith("text/plain"));
}

void TestHttp::bodyIgnoredWithoutJsonContentType()
{
    Headers headers = m_sandbox.admin();
    headers.push_back({"Content-Type", "text/plain"});
    const HttpResult result
        = m_http->send("POST", QStringLiteral("/admin/query"), headers, QByteArray("{\"query\":{\"goals\":{}}}"));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object()[QStringLiteral("type")].toString(), QStringLiteral("param-missing"));
    QCOMPARE(result.object()[QStringLiteral("message")].toString(),
        QStringLiteral("Missing parameter: [\"body\" \"query\"]"));
}

void TestHttp::emptyJsonBodyIsNoBody()
{
    Headers headers = m_sandbox.admin();
    headers.push_back({"Content-Type", "application/json"});
    const HttpResult result = m_http->send("POST", QStringLiteral("/admin/query"), headers, QByteArray());
    QCOMPARE(result.status, 400);
    QCOMPARE(result.body,
        QByteArray("{\"hint\":{\"in\":[\"body\",\"query\"]},\"message\":\"Missing parameter: [\\\"body\\\" "
                   "\\\"query\\\"]\",\"type\":\"param-missing\"}"));
}

void TestHttp::successEncoding()
{
    const QString title = QStringLiteral("Grüße/日本 \"quoted\"");
    const HttpResult tx = m_http->json("POST", QStringLiteral("/admin/transact"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("steps"),
            QJsonArray {QJsonArray {QStringLiteral("update"), QStringLiteral("notes"),
                QStringLiteral("9b0a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"),
                QJsonObject {{QStringLiteral("title"), title}}}}}});
    QCOMPARE(tx.status, 200);
    QVERIFY(tx.object()[QStringLiteral("tx-id")].isDouble());

    const HttpResult result = m_http->json("POST", QStringLiteral("/admin/query"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("query"), QJsonObject {{QStringLiteral("notes"), QJsonObject {}}}}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QVERIFY2(result.body.contains(QStringLiteral("Grüße/日本").toUtf8()), result.body.constData());
    QVERIFY(!result.body.contains("\\/"));
    QVERIFY(!result.body.contains("\\u"));
    QVERIFY(!result.body.contains('\n'));
    QVERIFY(!result.body.contains(": "));
    QCOMPARE(result.header("X-Frame-Options"), QByteArray("DENY"));
    QCOMPARE(result.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(result.header("Referrer-Policy"), QByteArray("strict-origin"));
}

void TestHttp::bodyLimit()
{
    Headers headers = m_sandbox.admin();
    headers.push_back({"Content-Type", "application/json"});
    const QByteArray big = "{\"query\":{\"goals\":{}},\"pad\":\"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}";
    const HttpResult result = m_http->send("POST", QStringLiteral("/admin/query"), headers, big);
    QCOMPARE(result.status, 413);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(result.object()[QStringLiteral("type")].toString(), QStringLiteral("payload-too-large"));
    QVERIFY(result.object().contains(QStringLiteral("hint")));

    // The oversized body was drained: the next request on the same client is answered normally.
    const HttpResult next = m_http->json("POST", QStringLiteral("/admin/query"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("query"), QJsonObject {}}});
    QCOMPARE(next.status, 200);
    QCOMPARE(next.body, QByteArray("{}"));
}

void TestHttp::authErrors_data()
{
    QTest::addColumn<QByteArray>("headers"); // "Name: value" lines
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("no-app-id")
        << QByteArray("Authorization: Bearer %TOKEN%") << QString()
        << QByteArray(
               "{\"hint\":{\"in\":[\"headers\",\"app-id\"],\"possible-ins\":[[\"query-params\",\"app_id\"]]},"
               "\"message\":\"Missing parameter: [\\\"headers\\\" \\\"app-id\\\"]\",\"type\":\"param-missing\"}");
    QTest::newRow("app-id-before-token")
        << QByteArray("Authorization: nonsense") << QString()
        << QByteArray(
               "{\"hint\":{\"in\":[\"headers\",\"app-id\"],\"possible-ins\":[[\"query-params\",\"app_id\"]]},"
               "\"message\":\"Missing parameter: [\\\"headers\\\" \\\"app-id\\\"]\",\"type\":\"param-missing\"}");
    QTest::newRow("malformed-header")
        << QByteArray("App-Id: nope") << QString()
        << QByteArray(
               "{\"hint\":{\"in\":[\"headers\",\"app-id\"],\"original-input\":\"nope\","
               "\"possible-ins\":[[\"headers\",\"app-id\"],[\"query-params\",\"app_id\"]]},"
               "\"message\":\"Malformed parameter: [\\\"headers\\\" \\\"app-id\\\"]\",\"type\":\"param-malformed\"}");
    QTest::newRow("malformed-query")
        << QByteArray() << QStringLiteral("?app_id=nope")
        << QByteArray("{\"hint\":{\"in\":[\"query-params\",\"app_id\"],\"original-input\":\"nope\","
                      "\"possible-ins\":[[\"headers\",\"app-id\"],[\"query-params\",\"app_id\"]]},"
                      "\"message\":\"Malformed parameter: [\\\"query-params\\\" "
                      "\\\"app_id\\\"]\",\"type\":\"param-malformed\"}");
    QTest::newRow("header-wins-over-query")
        << QByteArray("App-Id: nope") << QStringLiteral("?app_id=%APP%")
        << QByteArray(
               "{\"hint\":{\"in\":[\"headers\",\"app-id\"],\"original-input\":\"nope\","
               "\"possible-ins\":[[\"headers\",\"app-id\"],[\"query-params\",\"app_id\"]]},"
               "\"message\":\"Malformed parameter: [\\\"headers\\\" \\\"app-id\\\"]\",\"type\":\"param-malformed\"}");
    QTest::newRow("no-authorization") << QByteArray("App-Id: %APP%") << QString()
                                      << QByteArray("{\"hint\":{\"in\":[\"headers\",\"authorization\"]},"
                                                    "\"message\":\"Missing parameter: [\\\"headers\\\" "
                                                    "\\\"authorization\\\"]\",\"type\":\"param-missing\"}");
    QTest::newRow("malformed-token")
        << QByteArray("App-Id: %APP%\nAuthorization: Bearer abc") << QString()
        << QByteArray("{\"hint\":{\"in\":[\"headers\",\"authorization\"],\"original-input\":\"Bearer abc\"},"
                      "\"message\":\"Malformed parameter: [\\\"headers\\\" "
                      "\\\"authorization\\\"]\",\"type\":\"param-malformed\"}");
    QTest::newRow("lower-case-bearer")
        << QByteArray("App-Id: %APP%\nAuthorization: bearer %TOKEN%") << QString()
        << QByteArray("{\"hint\":{\"in\":[\"headers\",\"authorization\"],\"original-input\":\"bearer %TOKEN%\"},"
                      "\"message\":\"Malformed parameter: [\\\"headers\\\" "
                      "\\\"authorization\\\"]\",\"type\":\"param-malformed\"}");
    QTest::newRow("unknown-token")
        << QByteArray("App-Id: %APP%\nAuthorization: Bearer 6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f") << QString()
        << QByteArray("{\"hint\":{\"args\":[{\"app-id\":\"%APP%\",\"token\":\"6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f\"}],"
                      "\"message\":\"This admin token may be expired or invalid. Or you may have provided an incorrect "
                      "app ID.\","
                      "\"record-type\":\"app-admin-token\"},\"message\":\"Record not found: "
                      "app-admin-token\",\"type\":\"record-not-found\"}");
    QTest::newRow("token-of-other-app")
        << QByteArray("App-Id: 0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b\nAuthorization: %TOKEN%") << QString()
        << QByteArray(
               "{\"hint\":{\"args\":[{\"app-id\":\"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b\",\"token\":\"%TOKEN%\"}],"
               "\"message\":\"This admin token may be expired or invalid. Or you may have provided an incorrect app "
               "ID.\","
               "\"record-type\":\"app-admin-token\"},\"message\":\"Record not found: "
               "app-admin-token\",\"type\":\"record-not-found\"}");
    QTest::newRow("as-email-needs-authorization")
        << QByteArray("App-Id: %APP%\nAs-Email: alyssa@example.com") << QString()
        << QByteArray("{\"hint\":{\"in\":[\"headers\",\"authorization\"]},"
                      "\"message\":\"Missing parameter: [\\\"headers\\\" "
                      "\\\"authorization\\\"]\",\"type\":\"param-missing\"}");
    QTest::newRow("as-token-malformed")
        << QByteArray("App-Id: %APP%\nAs-Token: xyz") << QString()
        << QByteArray(
               "{\"hint\":{\"in\":[\"asUser\",\"token\"],\"original-input\":\"xyz\"},"
               "\"message\":\"Malformed parameter: [\\\"asUser\\\" \\\"token\\\"]\",\"type\":\"param-malformed\"}");
    QTest::newRow("as-token-unknown") << QByteArray("App-Id: %APP%\nAs-Token: 9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f")
                                      << QString()
                                      << QByteArray("{\"hint\":{\"args\":[{\"app-id\":\"%APP%\",\"refresh-token\":"
                                                    "\"9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f\"}],"
                                                    "\"record-type\":\"app-user\"},\"message\":\"Record not found: "
                                                    "app-user\",\"type\":\"record-not-found\"}");
    QTest::newRow("as-email-unknown")
        << QByteArray("App-Id: %APP%\nAuthorization: %TOKEN%\nAs-Email: nobody@example.com") << QString()
        << QByteArray("{\"hint\":{\"args\":[{\"app-id\":\"%APP%\",\"email\":\"nobody@example.com\"}],"
                      "\"record-type\":\"app-user\"},\"message\":\"Record not found: "
                      "app-user\",\"type\":\"record-not-found\"}");
}

void TestHttp::authErrors()
{
    QFETCH(QByteArray, headers);
    QFETCH(QString, query);
    QFETCH(QByteArray, expected);
    Headers list {{"Content-Type", "application/json"}};
    for (const QByteArray &line : fill(headers).split('\n')) {
        if (!line.isEmpty()) {
            list.push_back({line.left(line.indexOf(':')), line.mid(line.indexOf(':') + 1).trimmed()});
        }
    }
    const HttpResult result
        = m_http->send("POST", QStringLiteral("/admin/query") + QString::fromLatin1(fill(query.toLatin1())), list,
            QByteArray("{\"query\":{\"goals\":{}}}"));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.body, fill(expected));
}

void TestHttp::authAccepted_data()
{
    QTest::addColumn<QByteArray>("appHeader");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("bearer") << QByteArray("%APP%") << QString() << QByteArray("Bearer %TOKEN%");
    QTest::newRow("bare-token") << QByteArray("%APP%") << QString() << QByteArray("%TOKEN%");
    QTest::newRow("padded-token") << QByteArray("%APP%") << QString() << QByteArray("Bearer  %TOKEN% ");
    QTest::newRow("app-id-query") << QByteArray() << QStringLiteral("?app_id=%APP%") << QByteArray("Bearer %TOKEN%");
}

void TestHttp::authAccepted()
{
    QFETCH(QByteArray, appHeader);
    QFETCH(QString, query);
    QFETCH(QByteArray, authorization);
    Headers headers {{"Authorization", fill(authorization)}};
    if (!appHeader.isEmpty()) {
        headers.push_back({"App-Id", fill(appHeader)});
    }
    const HttpResult result
        = m_http->json("POST", QStringLiteral("/admin/query") + QString::fromLatin1(fill(query.toLatin1())), headers,
            QJsonObject {{QStringLiteral("query"), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}}}});
    QCOMPARE(result.status, 200);
    QVERIFY(result.object()[QStringLiteral("goals")].isArray());
}

void TestHttp::impersonation_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QStringList>("emails"); // $users visible to the effective identity

    QTest::newRow("admin") << QByteArray("Authorization: %TOKEN%")
                           << QStringList {QStringLiteral("alyssa@example.com"), QStringLiteral("ben@example.com")};
    QTest::newRow("as-token-without-authorization")
        << QByteArray("As-Token: %ALYSSA%") << QStringList {QStringLiteral("alyssa@example.com")};
    QTest::newRow("as-token-beats-as-email")
        << QByteArray("Authorization: %TOKEN%\nAs-Email: ben@example.com\nAs-Token: %ALYSSA%")
        << QStringList {QStringLiteral("alyssa@example.com")};
    QTest::newRow("as-token-ignores-bad-authorization")
        << QByteArray("Authorization: junk\nAs-Token: %ALYSSA%") << QStringList {QStringLiteral("alyssa@example.com")};
    QTest::newRow("as-email") << QByteArray("Authorization: %TOKEN%\nAs-Email: ben@example.com")
                              << QStringList {QStringLiteral("ben@example.com")};
    QTest::newRow("as-email-beats-as-guest")
        << QByteArray("Authorization: %TOKEN%\nAs-Guest: true\nAs-Email: ben@example.com")
        << QStringList {QStringLiteral("ben@example.com")};
    QTest::newRow("as-guest-without-authorization") << QByteArray("As-Guest: true") << QStringList {};
    QTest::newRow("as-guest-false-is-guest") << QByteArray("As-Guest: false") << QStringList {};
    QTest::newRow("as-guest-beats-admin") << QByteArray("Authorization: %TOKEN%\nAs-Guest: 1") << QStringList {};
}

void TestHttp::impersonation()
{
    QFETCH(QByteArray, headers);
    QFETCH(QStringList, emails);
    Headers list {{"App-Id", m_sandbox.appId()}};
    for (const QByteArray &line : fill(headers).split('\n')) {
        list.push_back({line.left(line.indexOf(':')), line.mid(line.indexOf(':') + 1).trimmed()});
    }
    const HttpResult result = m_http->json("POST", QStringLiteral("/admin/query"), list,
        QJsonObject {{QStringLiteral("query"), QJsonObject {{QStringLiteral("$users"), QJsonObject {}}}}});
    QCOMPARE(result.status, 200);
    QStringList seen;
    for (const QJsonValue &user : result.object()[QStringLiteral("$users")].toArray()) {
        seen.append(user[QStringLiteral("email")].toString());
    }
    seen.sort();
    QCOMPARE(seen, emails);
}

void TestHttp::permsCheckRequiresImpersonation()
{
    for (const QString &route :
        {QStringLiteral("/admin/query_perms_check"), QStringLiteral("/admin/transact_perms_check")}) {
        const HttpResult asAdmin = m_http->json("POST", route, m_sandbox.admin(),
            QJsonObject {{QStringLiteral("query"), QJsonObject {}}, {QStringLiteral("steps"), QJsonArray {}}});
        QCOMPARE(asAdmin.status, 400);
        QCOMPARE(asAdmin.body,
            QByteArray("{\"hint\":{\"data-type\":\"non-admin\",\"errors\":[{\"message\":\"Cannot test perms as "
                       "admin\"}],\"input\":\"non-admin\"},"
                       "\"message\":\"Validation failed for non-admin: Cannot test perms as "
                       "admin\",\"type\":\"validation-failed\"}"));

        const HttpResult guestOnly
            = m_http->json("POST", route, Headers {{"App-Id", m_sandbox.appId()}, {"As-Guest", "true"}},
                QJsonObject {{QStringLiteral("query"), QJsonObject {}}, {QStringLiteral("steps"), QJsonArray {}}});
        QCOMPARE(guestOnly.status, 400);
        QCOMPARE(guestOnly.object()[QStringLiteral("message")].toString(),
            QStringLiteral("Missing parameter: [\"headers\" \"authorization\"]"));
    }
}

void TestHttp::queryPermsCheck()
{
    Headers headers = m_sandbox.admin();
    headers.push_back({"As-Email", "alyssa@example.com"});
    const HttpResult result = m_http->json("POST", QStringLiteral("/admin/query_perms_check"), headers,
        QJsonObject {{QStringLiteral("query"), QJsonObject {{QStringLiteral("$users"), QJsonObject {}}}}});
    QCOMPARE(result.status, 200);
    const QJsonObject body = result.object();
    QCOMPARE(body[QStringLiteral("check-results")].toArray().size(), 0);
    QVERIFY(body[QStringLiteral("rule-wheres")].isNull());
    QCOMPARE(body[QStringLiteral("result")][QStringLiteral("$users")].toArray().size(), 1);
}

void TestHttp::transactPermsCheck()
{
    Headers headers = m_sandbox.admin();
    headers.push_back({"As-Guest", "true"});
    const QString id = QStringLiteral("4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    const QJsonArray steps {QJsonArray {QStringLiteral("update"), QStringLiteral("drafts"), id,
        QJsonObject {{QStringLiteral("title"), QStringLiteral("dry")}}}};
    const auto adminTx = [&] {
        const HttpResult tx = m_http->json("POST", QStringLiteral("/admin/transact"), m_sandbox.admin(),
            QJsonObject {{QStringLiteral("steps"),
                QJsonArray {QJsonArray {QStringLiteral("update"), QStringLiteral("notes"),
                    QStringLiteral("5d2e3f4a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"), QJsonObject {{QStringLiteral("n"), 1}}}}}});
        return qint64(tx.object()[QStringLiteral("tx-id")].toDouble());
    };
    const qint64 before = adminTx();
    QVERIFY(before > 0);

    // The run really happens (the attributes drafts.id and drafts.title are made, then rolled back) and
    // reports what the server checks for an app without rules: everything here is allowed by default.
    const HttpResult dry = m_http->json(
        "POST", QStringLiteral("/admin/transact_perms_check"), headers, QJsonObject {{QStringLiteral("steps"), steps}});
    QCOMPARE(dry.status, 200);
    const QJsonObject report = dry.object();
    QCOMPARE(report[QStringLiteral("committed?")].toBool(true), false);
    QCOMPARE(report[QStringLiteral("all-checks-ok?")].toBool(false), true);
    const qint64 dryTx = qint64(report[QStringLiteral("tx-id")].toDouble());
    QVERIFY2(dryTx > before, dry.body.constData());
    const QJsonObject attrCheck {{QStringLiteral("scope"), QStringLiteral("attr")},
        {QStringLiteral("action"), QStringLiteral("create")}, {QStringLiteral("etype"), QStringLiteral("attrs")},
        {QStringLiteral("program"), QJsonObject {}}, {QStringLiteral("check-result"), true},
        {QStringLiteral("check-pass?"), true}};
    const QJsonObject createCheck {{QStringLiteral("scope"), QStringLiteral("object")},
        {QStringLiteral("action"), QStringLiteral("create")}, {QStringLiteral("etype"), QStringLiteral("drafts")},
        {QStringLiteral("eid"), id}, {QStringLiteral("program"), QJsonObject {}},
        {QStringLiteral("check-result"), true}, {QStringLiteral("check-pass?"), true}};
    QCOMPARE(report[QStringLiteral("check-results")].toArray(), (QJsonArray {attrCheck, attrCheck, createCheck}));
    const auto count = [&] {
        const HttpResult q = m_http->json("POST", QStringLiteral("/admin/query"), m_sandbox.admin(),
            QJsonObject {{QStringLiteral("query"), QJsonObject {{QStringLiteral("drafts"), QJsonObject {}}}}});
        return q.object()[QStringLiteral("drafts")].toArray().size();
    };
    QCOMPARE(count(), 0);
    const HttpResult schema = m_http->send("GET", QStringLiteral("/admin/schema"), m_sandbox.admin());
    QVERIFY(!schema.object()[QStringLiteral("schema")][QStringLiteral("blobs")].toObject().contains(
        QStringLiteral("drafts")));
    // The rolled-back run used up its id: the next transaction gets a later one.
    QVERIFY(adminTx() > dryTx);

    const HttpResult committed = m_http->json("POST", QStringLiteral("/admin/transact_perms_check"), headers,
        QJsonObject {{QStringLiteral("steps"), steps}, {QStringLiteral("dangerously-commit-tx"), true}});
    QCOMPARE(committed.status, 200);
    QCOMPARE(committed.object()[QStringLiteral("committed?")].toBool(false), true);
    QCOMPARE(committed.object()[QStringLiteral("all-checks-ok?")].toBool(false), true);
    QVERIFY(committed.object()[QStringLiteral("tx-id")].toDouble() > double(dryTx));
    QCOMPARE(count(), 1);

    // Now the draft exists: the same steps are an update.
    const HttpResult again = m_http->json(
        "POST", QStringLiteral("/admin/transact_perms_check"), headers, QJsonObject {{QStringLiteral("steps"), steps}});
    const QJsonArray checks = again.object()[QStringLiteral("check-results")].toArray();
    QCOMPARE(checks.size(), 1);
    QCOMPARE(checks[0][QStringLiteral("action")].toString(), QStringLiteral("update"));
    QCOMPARE(checks[0][QStringLiteral("eid")].toString(), id);
}

void TestHttp::transactPermsCheckSystemNamespaces_data()
{
    // System namespaces fall back to the server's fixed programs, which deny what is not the user's own.
    QTest::addColumn<QByteArray>("impersonation");
    QTest::addColumn<QString>("etype");
    QTest::addColumn<bool>("ownEntity");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("displayCode");
    QTest::addColumn<bool>("pass");
    const QString usersCode
        = QStringLiteral("auth.id == data.id || (data.linkedPrimaryUser != null && auth.id == data.linkedPrimaryUser)");
    QTest::newRow("own-user-update") << QByteArray("As-Email: alyssa@example.com") << QStringLiteral("$users") << true
                                     << QStringLiteral("update") << usersCode << true;
    QTest::newRow("other-user-update") << QByteArray("As-Email: ben@example.com") << QStringLiteral("$users") << true
                                       << QStringLiteral("update") << usersCode << false;
    QTest::newRow("guest-user-update") << QByteArray("As-Guest: true") << QStringLiteral("$users") << true
                                       << QStringLiteral("update") << usersCode << false;
    QTest::newRow("magic-code-create") << QByteArray("As-Email: alyssa@example.com") << QStringLiteral("$magicCodes")
                                       << false << QStringLiteral("create")
                                       << QStringLiteral("disallow_create_on_system_tables") << false;
}

void TestHttp::transactPermsCheckSystemNamespaces()
{
    QFETCH(QByteArray, impersonation);
    QFETCH(QString, etype);
    QFETCH(bool, ownEntity);
    QFETCH(QString, action);
    QFETCH(QString, displayCode);
    QFETCH(bool, pass);
    Headers headers = m_sandbox.admin();
    headers.push_back(
        {impersonation.left(impersonation.indexOf(':')), impersonation.mid(impersonation.indexOf(':') + 2)});
    const QString eid = ownEntity ? m_alyssaId : QUuid::createUuid().toString(QUuid::WithoutBraces);
    // `nickname` is not a system column, so impersonated users may write it.
    const QString nickname = QString::fromLatin1(QTest::currentDataTag());
    const QJsonArray steps {
        QJsonArray {QStringLiteral("update"), etype, eid, QJsonObject {{QStringLiteral("nickname"), nickname}}}};
    const HttpResult result = m_http->json("POST", QStringLiteral("/admin/transact_perms_check"), headers,
        QJsonObject {{QStringLiteral("steps"), steps}, {QStringLiteral("dangerously-commit-tx"), true}});
    QCOMPARE(result.status, 200);
    const QJsonObject report = result.object();
    QJsonObject check;
    for (const QJsonValue &value : report[QStringLiteral("check-results")].toArray()) {
        if (value[QStringLiteral("scope")].toString() == QStringLiteral("object")) {
            check = value.toObject();
        }
    }
    QCOMPARE(check[QStringLiteral("etype")].toString(), etype);
    QCOMPARE(check[QStringLiteral("action")].toString(), action);
    QCOMPARE(check[QStringLiteral("eid")].toString(), eid);
    const QJsonObject program = check[QStringLiteral("program")].toObject();
    QCOMPARE(program[QStringLiteral("etype")].toString(), etype);
    QCOMPARE(program[QStringLiteral("action")].toString(), action);
    QCOMPARE(program[QStringLiteral("display-code")].toString(), displayCode);
    QCOMPARE(program[QStringLiteral("code")].toString(),
        pass || etype == QStringLiteral("$users") ? displayCode : QStringLiteral("false"));
    QCOMPARE(check[QStringLiteral("check-result")].toBool(!pass), pass);
    QCOMPARE(check[QStringLiteral("check-pass?")].toBool(!pass), pass);
    QCOMPARE(report[QStringLiteral("all-checks-ok?")].toBool(!pass), pass);
    // A commit was asked for, but only a run whose every check passes is kept.
    QCOMPARE(report[QStringLiteral("committed?")].toBool(!pass), pass);
    const HttpResult stored = m_http->json("POST", QStringLiteral("/admin/query"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("query"),
            QJsonObject {{etype,
                QJsonObject {{QStringLiteral("$"),
                    QJsonObject {{QStringLiteral("where"), QJsonObject {{QStringLiteral("id"), eid}}}}}}}}}});
    const QJsonArray rows = stored.object()[etype].toArray();
    QCOMPARE(rows.size() == 1 && rows[0][QStringLiteral("nickname")].toString() == nickname, pass);
}

void TestHttp::transactPermsCheckRefusesRules()
{
    Headers headers = m_sandbox.admin();
    headers.push_back({"As-Guest", "true"});
    const QJsonArray steps {QJsonArray {QStringLiteral("update"), QStringLiteral("drafts"),
        QStringLiteral("6e3f4a5b-7c8d-4e9f-8a0b-2c3d4e5f6a7b"), QJsonObject {{QStringLiteral("title"), 1}}}};
    // Rules the sandbox cannot evaluate are refused rather than reported as passed.
    const QJsonObject rules {{QStringLiteral("drafts"),
        QJsonObject {{QStringLiteral("allow"), QJsonObject {{QStringLiteral("create"), QStringLiteral("false")}}}}}};
    const HttpResult refused = m_http->json("POST", QStringLiteral("/admin/transact_perms_check"), headers,
        QJsonObject {{QStringLiteral("steps"), steps}, {QStringLiteral("rules-override"), rules}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.object()[QStringLiteral("type")].toString(), QStringLiteral("validation-failed"));
    QCOMPARE(refused.object()[QStringLiteral("hint")][QStringLiteral("data-type")].toString(),
        QStringLiteral("rules-override"));
    // Empty rules are the same as none.
    const HttpResult empty = m_http->json("POST", QStringLiteral("/admin/transact_perms_check"), headers,
        QJsonObject {{QStringLiteral("steps"), steps}, {QStringLiteral("rules-override"), QJsonObject {}}});
    QCOMPARE(empty.status, 200);
    QCOMPARE(empty.object()[QStringLiteral("all-checks-ok?")].toBool(false), true);
}

void TestHttp::transactAndQueryErrors()
{
    const auto post = [&](const char *route, const QJsonObject &body) {
        return m_http->json("POST", QString::fromLatin1(route), m_sandbox.admin(), body);
    };
    const HttpResult noSteps = post("/admin/transact", {});
    QCOMPARE(noSteps.status, 400);
    QCOMPARE(noSteps.object()[QStringLiteral("message")].toString(),
        QStringLiteral("Missing parameter: [\"body\" \"steps\"]"));

    const HttpResult badQuery = post("/admin/query", QJsonObject {{QStringLiteral("query"), 5}});
    QCOMPARE(badQuery.status, 400);
    QCOMPARE(badQuery.body,
        QByteArray("{\"hint\":{\"in\":[\"body\",\"query\"],\"original-input\":5},\"message\":\"Malformed parameter: "
                   "[\\\"body\\\" \\\"query\\\"]\",\"type\":\"param-malformed\"}"));

    const HttpResult badStep = post("/admin/transact",
        QJsonObject {{QStringLiteral("steps"),
            QJsonArray {QJsonArray {QStringLiteral("update"), 1, QStringLiteral("x"), QJsonObject {}}}}});
    QCOMPARE(badStep.status, 400);
    QCOMPARE(badStep.object()[QStringLiteral("type")].toString(), QStringLiteral("validation-failed"));

    // tx ids strictly increase
    const QJsonArray step {QJsonArray {QStringLiteral("update"), QStringLiteral("counters"),
        QStringLiteral("7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d"), QJsonObject {{QStringLiteral("n"), 1}}}};
    const double first = post("/admin/transact", QJsonObject {{QStringLiteral("steps"), step}})
                             .object()[QStringLiteral("tx-id")]
                             .toDouble();
    const double second = post("/admin/transact", QJsonObject {{QStringLiteral("steps"), step}})
                              .object()[QStringLiteral("tx-id")]
                              .toDouble();
    QVERIFY(first > 0);
    QVERIFY(second > first);
}

void TestHttp::schemaRoutes()
{
    const HttpResult schema = m_http->send("GET", QStringLiteral("/admin/schema"), m_sandbox.admin());
    QCOMPARE(schema.status, 200);
    QVERIFY(schema.object()[QStringLiteral("schema")][QStringLiteral("blobs")].isObject());
    QVERIFY(schema.object()[QStringLiteral("schema")][QStringLiteral("refs")].isObject());

    const HttpResult soft = m_http->send("GET", QStringLiteral("/admin/soft_deleted_attrs"), m_sandbox.admin());
    QCOMPARE(soft.status, 200);
    QCOMPARE(soft.object()[QStringLiteral("grace-period-days")].toInt(), 2);
    QVERIFY(soft.object()[QStringLiteral("attrs")].isArray());

    const HttpResult unauthorized
        = m_http->send("GET", QStringLiteral("/admin/schema"), Headers {{"App-Id", m_sandbox.appId()}});
    QCOMPARE(unauthorized.status, 400);
}

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
