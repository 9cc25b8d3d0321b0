// Every route sends what the official JS SDK sends (spec §1.5): method, path, query string, headers
// and body bytes, checked on a recording loopback server.

#include "adminclient.h"
#include "recordingserver.h"

#include <functional>

#include <QBuffer>
#include <QJsonArray>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using instant::AdminClient;
using instant::Identity;
using instant::Job;
using instant::UserSelector;
using testsupport::RecordingServer;
using testsupport::ScriptedReply;

using Call = std::function<Job *(AdminClient *)>;
Q_DECLARE_METATYPE(Call)

namespace {

const QString kApp = u"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b"_s;
const QString kToken = u"6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f"_s;
const QString kRefresh = u"9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f"_s;
const QString kGoal = u"1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"_s;
const QByteArray kAppQuery = "app_id=0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b";

enum class Auth {
    /** app-id + authorization: Bearer <token> */
    Admin,
    /** neither app-id nor authorization (runtime verify_refresh_token) */
    None,
};

QJsonObject goalsQuery()
{
    return QJsonObject {{u"goals"_s, QJsonObject {{u"todos"_s, QJsonObject {}}}}};
}

instant::TxBuilder sampleTx()
{
    instant::TxBuilder tx;
    tx.entity(u"goals"_s, kGoal).update({{u"title"_s, u"Get fit"_s}});
    return tx;
}

const QByteArray kSampleSteps = R"([["update","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"title":"Get fit"}]])";

} // namespace

class TestRoutes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void route_data();
    void route();
    void pathPrefixOfSelfHostedUrl();
    void adminTokenRequiredLocally();
    void tokenAndGuestNeedNoAdminToken();
    void subscribeQueryRequest();
    void extraCaCertificateInRequest();
    void resultDelivered();

private:
    RecordingServer m_server;
    AdminClient *m_client = nullptr;
};

void TestRoutes::initTestCase()
{
    QVERIFY(m_server.listen());
}

void TestRoutes::init()
{
    m_server.clear();
    m_server.setDefaultReply(ScriptedReply::json(200, "{}"));
    delete m_client;
    m_client = new AdminClient(instant::Connection(m_server.url(), kApp, kToken), this);
}

void TestRoutes::route_data()
{
    QTest::addColumn<Call>("call");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Auth>("auth");
    QTest::addColumn<QByteArray>("asHeader");
    QTest::addColumn<QByteArray>("asValue");

    const Identity email = Identity::asEmail(u"Alyssa@example.com"_s);
    const Identity token = Identity::asRefreshToken(kRefresh);
    const Identity guest = Identity::asGuest();
    const QByteArray goalsBody = R"({"query":{"goals":{"todos":{}}},"inference?":false})";

    QTest::newRow("query") << Call([](AdminClient *c) { return c->query(goalsQuery()); }) << "POST"_ba
                           << "/admin/query"_ba << kAppQuery << goalsBody << Auth::Admin << ""_ba
                           << ""_ba;
    QTest::newRow("query-as-email") << Call([=](AdminClient *c) { return c->query(goalsQuery(), {}, email); })
                                    << "POST"_ba
                                    << "/admin/query"_ba << kAppQuery << goalsBody << Auth::Admin << "as-email"_ba
                                    << "Alyssa@example.com"_ba;
    QTest::newRow("query-as-token-view") << Call([=](AdminClient *c) {
        return c->withIdentity(token).query(goalsQuery());
    }) << "POST"_ba
                                         << "/admin/query"_ba << kAppQuery << goalsBody << Auth::Admin << "as-token"_ba
                                         << kRefresh.toLatin1();
    QTest::newRow("query-as-guest") << Call([=](AdminClient *c) { return c->query(goalsQuery(), {}, guest); })
                                    << "POST"_ba
                                    << "/admin/query"_ba << kAppQuery << goalsBody << Auth::Admin << "as-guest"_ba
                                    << "true"_ba;
    QTest::newRow("query-rule-params-inference")
        << Call([](AdminClient *c) {
               return c->query(goalsQuery(), {true, QJsonObject {{u"knownDocId"_s, u"d1"_s}}});
           })
        << "POST"_ba
        << "/admin/query"_ba << kAppQuery
        << R"({"query":{"$$ruleParams":{"knownDocId":"d1"},"goals":{"todos":{}}},"inference?":true})"_ba << Auth::Admin
        << ""_ba
        << ""_ba;
    QTest::newRow("transact") << Call([](AdminClient *c) { return c->transact(sampleTx()); }) << "POST"_ba
                              << "/admin/transact"_ba << kAppQuery
                              << R"({"steps":)" + kSampleSteps + R"(,"throw-on-missing-attrs?":false})" << Auth::Admin
                              << ""_ba
                              << ""_ba;
    QTest::newRow("transact-strict-as-guest")
        << Call([=](AdminClient *c) { return c->transact(sampleTx(), {true}, guest); }) << "POST"_ba
        << "/admin/transact"_ba << kAppQuery << R"({"steps":)" + kSampleSteps + R"(,"throw-on-missing-attrs?":true})"
        << Auth::Admin << "as-guest"_ba
        << "true"_ba;
    QTest::newRow("query-perms-check-full")
        << Call([=](AdminClient *c) {
               instant::QueryPermsCheckOptions options;
               options.rules
                   = QJsonObject {{u"goals"_s, QJsonObject {{u"allow"_s, QJsonObject {{u"view"_s, u"true"_s}}}}}};
               options.ip = u"1.2.3.4"_s;
               options.origin = u"https://x.dev"_s;
               return c->queryPermsCheck(QJsonObject {{u"goals"_s, QJsonObject {}}}, options, guest);
           })
        << "POST"_ba
        << "/admin/query_perms_check"_ba << kAppQuery
        << R"({"query":{"goals":{}},"rules-override":{"goals":{"allow":{"view":"true"}}},"inference?":false,)"
           R"("ip-override":"1.2.3.4","origin-override":"https://x.dev"})"_ba
        << Auth::Admin << "as-guest"_ba
        << "true"_ba;
    QTest::newRow("query-perms-check-minimal") << Call([=](AdminClient *c) {
        return c->queryPermsCheck(QJsonObject {{u"goals"_s, QJsonObject {}}}, {}, email);
    }) << "POST"_ba
                                               << "/admin/query_perms_check"_ba << kAppQuery
                                               << R"({"query":{"goals":{}},"inference?":false})"_ba << Auth::Admin
                                               << "as-email"_ba
                                               << "Alyssa@example.com"_ba;
    QTest::newRow("transact-perms-check-commit")
        << Call([=](AdminClient *c) {
               instant::TransactPermsCheckOptions options;
               options.rules = QJsonObject {{u"goals"_s, QJsonObject {}}};
               options.dangerouslyCommit = true;
               return c->transactPermsCheck(sampleTx(), options, token);
           })
        << "POST"_ba
        << "/admin/transact_perms_check"_ba << kAppQuery
        << R"({"steps":)" + kSampleSteps + R"(,"rules-override":{"goals":{}},"dangerously-commit-tx":true})"
        << Auth::Admin << "as-token"_ba << kRefresh.toLatin1();
    QTest::newRow("transact-perms-check-dry-run")
        << Call([=](AdminClient *c) { return c->transactPermsCheck(sampleTx(), {}, guest); }) << "POST"_ba
        << "/admin/transact_perms_check"_ba << kAppQuery << R"({"steps":)" + kSampleSteps + "}" << Auth::Admin
        << "as-guest"_ba
        << "true"_ba;
    QTest::newRow("query-perms-check-view-rule-params")
        << Call([=](AdminClient *c) {
               instant::QueryPermsCheckOptions options;
               options.ruleParams = QJsonObject {{u"a"_s, 1}};
               return c->withIdentity(token).queryPermsCheck(QJsonObject {{u"goals"_s, QJsonObject {}}}, options);
           })
        << "POST"_ba
        << "/admin/query_perms_check"_ba << kAppQuery
        << R"({"query":{"$$ruleParams":{"a":1},"goals":{}},"inference?":false})"_ba << Auth::Admin << "as-token"_ba
        << kRefresh.toLatin1();
    QTest::newRow("transact-perms-check-view")
        << Call([=](AdminClient *c) { return c->withIdentity(email).transactPermsCheck(sampleTx()); }) << "POST"_ba
        << "/admin/transact_perms_check"_ba << kAppQuery << R"({"steps":)" + kSampleSteps + "}" << Auth::Admin
        << "as-email"_ba
        << "Alyssa@example.com"_ba;
    QTest::newRow("list-files-as-token-view")
        << Call([=](AdminClient *c) { return c->withIdentity(token).listFiles(); }) << "GET"_ba
        << "/admin/storage/files"_ba << kAppQuery << ""_ba << Auth::Admin << "as-token"_ba << kRefresh.toLatin1();
    QTest::newRow("refresh-tokens-email")
        << Call([](AdminClient *c) { return c->refreshTokens(UserSelector::byEmail(u"alyssa@example.com"_s)); })
        << "POST"_ba
        << "/admin/refresh_tokens"_ba << kAppQuery << R"({"email":"alyssa@example.com"})"_ba << Auth::Admin << ""_ba
        << ""_ba;
    QTest::newRow("refresh-tokens-id-extra-fields")
        << Call([](AdminClient *c) {
               return c->refreshTokens(UserSelector::byId(kGoal), QJsonObject {{u"nickname"_s, u"al"_s}});
           })
        << "POST"_ba
        << "/admin/refresh_tokens"_ba << kAppQuery
        << R"({"id":"1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61","extra-fields":{"nickname":"al"}})"_ba << Auth::Admin
        << ""_ba
        << ""_ba;
    QTest::newRow("sign-out-email") << Call([](AdminClient *c) {
        return c->signOut(UserSelector::byEmail(u"a@b.c"_s));
    }) << "POST"_ba
                                    << "/admin/sign_out"_ba << kAppQuery << R"({"email":"a@b.c"})"_ba << Auth::Admin
                                    << ""_ba
                                    << ""_ba;
    QTest::newRow("sign-out-id") << Call([](AdminClient *c) { return c->signOut(UserSelector::byId(kGoal)); })
                                 << "POST"_ba
                                 << "/admin/sign_out"_ba << kAppQuery
                                 << R"({"id":"1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"})"_ba << Auth::Admin << ""_ba
                                 << ""_ba;
    QTest::newRow("sign-out-refresh-token")
        << Call([](AdminClient *c) { return c->signOut(UserSelector::byRefreshToken(kRefresh)); }) << "POST"_ba
        << "/admin/sign_out"_ba << kAppQuery << R"({"refresh_token":"9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f"})"_ba
        << Auth::Admin << ""_ba
        << ""_ba;
    QTest::newRow("magic-code") << Call([](AdminClient *c) { return c->magicCode(u"a@b.c"_s); }) << "POST"_ba
                                << "/admin/magic_code"_ba << kAppQuery << R"({"email":"a@b.c"})"_ba << Auth::Admin
                                << ""_ba
                                << ""_ba;
    QTest::newRow("send-magic-code") << Call([](AdminClient *c) { return c->sendMagicCode(u"a@b.c"_s); }) << "POST"_ba
                                     << "/admin/send_magic_code"_ba << kAppQuery << R"({"email":"a@b.c"})"_ba
                                     << Auth::Admin << ""_ba
                                     << ""_ba;
    QTest::newRow("verify-magic-code") << Call([](AdminClient *c) {
        return c->verifyMagicCode(u"a@b.c"_s, u"408163"_s);
    }) << "POST"_ba
                                       << "/admin/verify_magic_code"_ba << kAppQuery
                                       << R"({"email":"a@b.c","code":"408163"})"_ba << Auth::Admin << ""_ba
                                       << ""_ba;
    QTest::newRow("verify-magic-code-extra-fields-guest-upgrade")
        << Call([](AdminClient *c) {
               return c->verifyMagicCode(u"a@b.c"_s, u"408163"_s, QJsonObject {{u"nickname"_s, u"al"_s}}, kRefresh);
           })
        << "POST"_ba
        << "/admin/verify_magic_code"_ba << kAppQuery
        << R"({"email":"a@b.c","code":"408163","extra-fields":{"nickname":"al"},)"
           R"("refresh-token":"9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f"})"_ba
        << Auth::Admin << ""_ba
        << ""_ba;
    QTest::newRow("sign-in-guest") << Call([](AdminClient *c) { return c->signInGuest(); }) << "POST"_ba
                                   << "/admin/sign_in_guest"_ba << kAppQuery << "{}"_ba << Auth::Admin << ""_ba
                                   << ""_ba;
    QTest::newRow("sign-in-guest-extra-fields") << Call([](AdminClient *c) {
        return c->signInGuest(QJsonObject {{u"nickname"_s, u"g"_s}});
    }) << "POST"_ba
                                                << "/admin/sign_in_guest"_ba << kAppQuery
                                                << R"({"extra-fields":{"nickname":"g"}})"_ba << Auth::Admin << ""_ba
                                                << ""_ba;
    QTest::newRow("get-user-email") << Call([](AdminClient *c) {
        return c->getUser(UserSelector::byEmail(u"a b+c@x.com"_s));
    }) << "GET"_ba
                                    << "/admin/users"_ba << kAppQuery + "&email=a+b%2Bc%40x.com"
                                    << ""_ba << Auth::Admin << ""_ba
                                    << ""_ba;
    QTest::newRow("get-user-id") << Call([](AdminClient *c) { return c->getUser(UserSelector::byId(kGoal)); })
                                 << "GET"_ba
                                 << "/admin/users"_ba << kAppQuery + "&id=1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"
                                 << ""_ba << Auth::Admin << ""_ba
                                 << ""_ba;
    QTest::newRow("get-user-refresh-token")
        << Call([](AdminClient *c) { return c->getUser(UserSelector::byRefreshToken(kRefresh)); }) << "GET"_ba
        << "/admin/users"_ba << kAppQuery + "&refresh_token=9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f"
        << ""_ba << Auth::Admin << ""_ba
        << ""_ba;
    QTest::newRow("delete-user-email") << Call([](AdminClient *c) {
        return c->deleteUser(UserSelector::byEmail(u"a@b.c"_s));
    }) << "DELETE"_ba
                                       << "/admin/users"_ba << kAppQuery + "&email=a%40b.c"
                                       << ""_ba << Auth::Admin << ""_ba
                                       << ""_ba;
    QTest::newRow("delete-user-id") << Call([](AdminClient *c) { return c->deleteUser(UserSelector::byId(kGoal)); })
                                    << "DELETE"_ba
                                    << "/admin/users"_ba << kAppQuery + "&id=1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"
                                    << ""_ba << Auth::Admin << ""_ba
                                    << ""_ba;
    QTest::newRow("delete-user-refresh-token")
        << Call([](AdminClient *c) { return c->deleteUser(UserSelector::byRefreshToken(kRefresh)); }) << "DELETE"_ba
        << "/admin/users"_ba << kAppQuery + "&refresh_token=9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f"
        << ""_ba << Auth::Admin << ""_ba
        << ""_ba;
    QTest::newRow("verify-refresh-token")
        << Call([](AdminClient *c) { return c->verifyRefreshToken(kRefresh); }) << "POST"_ba
        << "/runtime/auth/verify_refresh_token"_ba << kAppQuery
        << R"({"app-id":"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b",)"
           R"("refresh-token":"9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f"})"_ba
        << Auth::None << ""_ba
        << ""_ba;
    QTest::newRow("delete-file") << Call([](AdminClient *c) { return c->deleteFile(u"photos/demo one+ü.png"_s); })
                                 << "DELETE"_ba
                                 << "/admin/storage/files"_ba
                                 << kAppQuery + "&filename=photos%2Fdemo%20one%2B%C3%BC.png"
                                 << ""_ba << Auth::Admin << ""_ba
                                 << ""_ba;
    QTest::newRow("delete-file-as-guest")
        << Call([=](AdminClient *c) { return c->withIdentity(guest).deleteFile(u"a.png"_s); }) << "DELETE"_ba
        << "/admin/storage/files"_ba << kAppQuery + "&filename=a.png"
        << ""_ba << Auth::Admin << "as-guest"_ba
        << "true"_ba;
    QTest::newRow("delete-files") << Call([](AdminClient *c) {
        return c->deleteFiles({u"a.png"_s, u"b/c.png"_s});
    }) << "POST"_ba
                                  << "/admin/storage/files/delete"_ba << kAppQuery
                                  << R"({"filenames":["a.png","b/c.png"]})"_ba << Auth::Admin << ""_ba
                                  << ""_ba;
    QTest::newRow("delete-files-as-email")
        << Call([=](AdminClient *c) { return c->deleteFiles({u"a.png"_s}, email); }) << "POST"_ba
        << "/admin/storage/files/delete"_ba << kAppQuery << R"({"filenames":["a.png"]})"_ba << Auth::Admin
        << "as-email"_ba
        << "Alyssa@example.com"_ba;
    QTest::newRow("list-files") << Call([](AdminClient *c) { return c->listFiles(); }) << "GET"_ba
                                << "/admin/storage/files"_ba << kAppQuery << ""_ba << Auth::Admin << ""_ba
                                << ""_ba;
    QTest::newRow("signed-upload-url")
        << Call([](AdminClient *c) { return c->signedUploadUrl(u"photos/demo.png"_s); }) << "POST"_ba
        << "/admin/storage/signed-upload-url"_ba << kAppQuery
        << R"({"app_id":"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b","filename":"photos/demo.png"})"_ba << Auth::Admin
        << ""_ba
        << ""_ba;
    QTest::newRow("signed-download-url") << Call([](AdminClient *c) {
        return c->signedDownloadUrl(u"photos/demo.png"_s);
    }) << "GET"_ba
                                         << "/admin/storage/signed-download-url"_ba
                                         << kAppQuery + "&filename=photos%2Fdemo.png"
                                         << ""_ba << Auth::Admin << ""_ba
                                         << ""_ba;
    QTest::newRow("presence") << Call([](AdminClient *c) { return c->presence(u"chat"_s, u"room-1"_s); }) << "GET"_ba
                              << "/admin/rooms/presence"_ba << kAppQuery + "&room-type=chat&room-id=room-1"
                              << ""_ba << Auth::Admin << ""_ba
                              << ""_ba;
    QTest::newRow("schema") << Call([](AdminClient *c) { return c->schema(); }) << "GET"_ba
                            << "/admin/schema"_ba << kAppQuery << ""_ba << Auth::Admin << ""_ba
                            << ""_ba;
    QTest::newRow("soft-deleted-attrs") << Call([](AdminClient *c) { return c->softDeletedAttrs(); }) << "GET"_ba
                                        << "/admin/soft_deleted_attrs"_ba << kAppQuery << ""_ba << Auth::Admin << ""_ba
                                        << ""_ba;
}

void TestRoutes::route()
{
    QFETCH(Call, call);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, body);
    QFETCH(Auth, auth);
    QFETCH(QByteArray, asHeader);
    QFETCH(QByteArray, asValue);

    QPointer<Job> job = call(m_client);
    QVERIFY(job);
    QTRY_COMPARE(m_server.requests().size(), 1);
    // finished() came and the job cleaned itself up.
    QTRY_VERIFY(job.isNull());

    const testsupport::RecordedRequest &request = m_server.requests().constFirst();
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, path);
    QCOMPARE(request.query, query);
    QCOMPARE(request.body, body);

    QCOMPARE(request.header("content-type"), "application/json"_ba);
    QCOMPARE(request.header("User-Agent"), "instant-console/" INSTANT_VERSION ""_ba);
    if (auth == Auth::Admin) {
        QCOMPARE(request.header("app-id"), kApp.toLatin1());
        QCOMPARE(request.header("authorization"), "Bearer " + kToken.toLatin1());
    } else {
        QVERIFY(!request.hasHeader("app-id"));
        QVERIFY(!request.hasHeader("authorization"));
    }
    for (const QByteArray &name : {"as-email"_ba, "as-token"_ba, "as-guest"_ba}) {
        QCOMPARE(request.headerCount(name), name == asHeader ? 1 : 0);
    }
    if (!asHeader.isEmpty()) {
        QCOMPARE(request.header(asHeader), asValue);
    }
    QVERIFY(!request.hasHeader("Instant-Admin-Version"));
    QVERIFY(!request.hasHeader("Cookie"));
}

void TestRoutes::pathPrefixOfSelfHostedUrl()
{
    QUrl url = m_server.url();
    url.setPath(u"/instant/"_s);
    AdminClient client(instant::Connection(url, kApp, kToken));
    client.schema();
    QTRY_COMPARE(m_server.requests().size(), 1);
    QCOMPARE(m_server.requests().constFirst().path, "/instant/admin/schema"_ba);
}

void TestRoutes::adminTokenRequiredLocally()
{
    AdminClient client(instant::Connection(m_server.url(), kApp, {}));
    auto *job = client.query(goalsQuery());
    QSignalSpy spy(job, &instant::QueryJob::finished);
    // Reported from the event loop, after the caller could connect.
    QCOMPARE(spy.count(), 0);
    QTRY_COMPARE(spy.count(), 1);
    const auto result = spy.at(0).at(0).value<instant::TreeResult>();
    QVERIFY(!result);
    QCOMPARE(result.error().kind, instant::Error::Kind::Config);
    QVERIFY(!result.error().userMessage().isEmpty());

    auto *byEmail = client.withIdentity(Identity::asEmail(u"a@b.c"_s)).transact(sampleTx());
    QSignalSpy emailSpy(byEmail, &instant::ApiJob::finished);
    QTRY_COMPARE(emailSpy.count(), 1);
    QCOMPARE(emailSpy.at(0).at(0).value<instant::JsonResult>().error().kind, instant::Error::Kind::Config);
    QCOMPARE(m_server.requests().size(), 0);
}

void TestRoutes::tokenAndGuestNeedNoAdminToken()
{
    AdminClient client(instant::Connection(m_server.url(), kApp, {}));
    client.withIdentity(Identity::asRefreshToken(kRefresh)).transact(sampleTx());
    client.withIdentity(Identity::asGuest()).query(goalsQuery());
    QTRY_COMPARE(m_server.requests().size(), 2);
    for (const auto &request : m_server.requests()) {
        QVERIFY(!request.hasHeader("authorization"));
        QCOMPARE(request.header("app-id"), kApp.toLatin1());
    }
}

void TestRoutes::subscribeQueryRequest()
{
    const auto prepared
        = m_client->withIdentity(Identity::asGuest()).prepareSubscribeQuery(QJsonObject {{u"goals"_s, QJsonObject {}}});
    QVERIFY(prepared);
    const QUrl url = prepared->request.url();
    QCOMPARE(url.path(), u"/admin/subscribe-query"_s);
    const QUrlQuery query(url);
    QVERIFY(!query.hasQueryItem(u"app_id"_s));
    QVERIFY(!QUuid::fromString(query.queryItemValue(u"local_connection_id"_s)).isNull());
    QCOMPARE(prepared->request.rawHeader("content-type"), "application/json"_ba);
    QCOMPARE(prepared->request.rawHeader("app-id"), kApp.toLatin1());
    QCOMPARE(prepared->request.rawHeader("authorization"), "Bearer " + kToken.toLatin1());
    QCOMPARE(prepared->request.rawHeader("as-guest"), "true"_ba);
    QVERIFY(!prepared->request.hasRawHeader("Accept"));
    QCOMPARE(prepared->request.transferTimeout(), 0);
    QCOMPARE(prepared->body,
        R"({"query":{"goals":{}},"inference?":false,)"
        R"("versions":{"@instantdb/admin":"v1.0.67","@instantdb/core":"v1.0.67"}})"_ba);
}

void TestRoutes::extraCaCertificateInRequest()
{
    instant::Connection connection(QUrl(u"https://instant.example.test"_s), kApp, kToken);
    QVERIFY(!connection.addExtraCaCertificatesFromPem(u"/nonexistent/ca.pem"_s));
    QVERIFY(connection.addExtraCaCertificatesFromPem(QStringLiteral(INSTANT_TEST_DATA_DIR "/localhost-cert.pem")));
    QCOMPARE(connection.extraCaCertificates().size(), 1);

    AdminClient client(connection);
    const auto request = client.buildRequest(u"/admin/query");
    QVERIFY(request);
    const QSslConfiguration tls = request->sslConfiguration();
    QCOMPARE(tls.peerVerifyMode(), QSslSocket::VerifyPeer);
    QVERIFY(tls.caCertificates().contains(connection.extraCaCertificates().constFirst()));
    QCOMPARE(request->attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
        int(QNetworkRequest::ManualRedirectPolicy));
    QCOMPARE(request->transferTimeout(), int(AdminClient::kDefaultTransferTimeout.count()));
}

void TestRoutes::resultDelivered()
{
    m_server.enqueue(ScriptedReply::json(200, R"({"goals":[{"id":"g1","title":"Get fit"}]})"));
    auto *job = m_client->query(goalsQuery());
    QSignalSpy spy(job, &instant::QueryJob::finished);
    QTRY_COMPARE(spy.count(), 1);
    const auto result = spy.at(0).at(0).value<instant::TreeResult>();
    QVERIFY(result);
    const instant::JsonNode goals = result->root().value(u"goals");
    QCOMPARE(goals.size(), 1);
    QCOMPARE(goals.at(0).value(u"title").toString(), u"Get fit"_s);

    m_server.enqueue(ScriptedReply::json(200, R"({"tx-id":1823461})"));
    auto *tx = m_client->transact(sampleTx());
    QSignalSpy txSpy(tx, &instant::ApiJob::finished);
    QTRY_COMPARE(txSpy.count(), 1);
    const auto txResult = txSpy.at(0).at(0).value<instant::JsonResult>();
    QVERIFY(txResult);
    QCOMPARE(txResult->toObject().value(u"tx-id"_s).toInteger(), 1823461);

    // A reply too big to parse on the spot goes through the thread pool and arrives the same way.
    QByteArray files = R"({"data":[)";
    for (int i = 0; i < 20000; ++i) {
        if (i > 0) {
            files += ',';
        }
        files += R"({"key":"k)" + QByteArray::number(i) + R"(","name":"photos/p.png","size":5})";
    }
    files += "]}";
    QVERIFY(files.size() > 512 * 1024);
    m_server.enqueue(ScriptedReply::json(200, files));
    auto *list = m_client->listFiles();
    QSignalSpy listSpy(list, &instant::ApiJob::finished);
    QTRY_COMPARE(listSpy.count(), 1);
    const auto listResult = listSpy.at(0).at(0).value<instant::JsonResult>();
    QVERIFY(listResult);
    const QJsonArray data = listResult->toObject().value(u"data"_s).toArray();
    QCOMPARE(data.size(), 20000);
    QCOMPARE(data.last().toObject().value(u"key"_s).toString(), u"k19999"_s);

    m_server.enqueue(ScriptedReply::json(200, files.chopped(1)));
    auto *broken = m_client->listFiles();
    QSignalSpy brokenSpy(broken, &instant::ApiJob::finished);
    QTRY_COMPARE(brokenSpy.count(), 1);
    QCOMPARE(brokenSpy.at(0).at(0).value<instant::JsonResult>().error().kind, instant::Error::Kind::Protocol);
}

QTEST_GUILESS_MAIN(TestRoutes)
#include "tst_routes.moc"
