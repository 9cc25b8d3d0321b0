// Several apps in one sandbox: POST/GET /sandbox/apps, selection by App-Id, isolation of data,
// tokens and live queries between apps.

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "sandboxtestsupport.h"

using namespace sandboxtest;

class TestApps : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createAppNeedsSandboxToken_data();
    void createAppNeedsSandboxToken();
    void appsAreIsolated();
    void explicitIdsAndDuplicates();

private:
    Headers sandboxAdmin() const { return {{"Authorization", "Bearer " + m_sandbox.adminToken()}}; }

    SandboxFixture m_sandbox;
    std::unique_ptr<HttpClient> m_http;
};

void TestApps::initTestCase()
{
    QCOMPARE(m_sandbox.start(), QString());
    m_http = std::make_unique<HttpClient>(m_sandbox.url());
}

void TestApps::createAppNeedsSandboxToken_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("type");
    QTest::newRow("missing") << QByteArray() << QStringLiteral("param-missing");
    QTest::newRow("malformed") << QByteArray("Bearer x") << QStringLiteral("param-malformed");
    QTest::newRow("unknown") << QByteArray("Bearer 6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f")
                             << QStringLiteral("record-not-found");
}

void TestApps::createAppNeedsSandboxToken()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, type);
    Headers headers;
    if (!authorization.isEmpty()) {
        headers.push_back({"Authorization", authorization});
    }
    const HttpResult result = m_http->json("POST", QStringLiteral("/sandbox/apps"), headers, {});
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object()[QStringLiteral("type")].toString(), type);
}

void TestApps::appsAreIsolated()
{
    const HttpResult created = m_http->json("POST", QStringLiteral("/sandbox/apps"), sandboxAdmin(),
        QJsonObject {{QStringLiteral("title"), QStringLiteral("Second")}});
    QCOMPARE(created.status, 200);
    const QJsonObject app = created.object()[QStringLiteral("app")].toObject();
    QCOMPARE(app[QStringLiteral("title")].toString(), QStringLiteral("Second"));
    const Headers second {{"App-Id", app[QStringLiteral("id")].toString().toLatin1()},
        {"Authorization", "Bearer " + app[QStringLiteral("admin-token")].toString().toLatin1()}};

    const QJsonObject step {{QStringLiteral("steps"),
        QJsonArray {QJsonArray {QStringLiteral("update"), QStringLiteral("goals"),
            QStringLiteral("1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"),
            QJsonObject {{QStringLiteral("title"), QStringLiteral("Only in the second app")}}}}}};
    QCOMPARE(m_http->json("POST", QStringLiteral("/admin/transact"), second, step).status, 200);
    const QJsonObject goals {{QStringLiteral("query"), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}}}};
    QCOMPARE(m_http->json("POST", QStringLiteral("/admin/query"), second, goals)
                 .object()[QStringLiteral("goals")]
                 .toArray()
                 .size(),
        1);
    QCOMPARE(m_http->json("POST", QStringLiteral("/admin/query"), m_sandbox.admin(), goals)
                 .object()[QStringLiteral("goals")]
                 .toArray()
                 .size(),
        0);

    // A token opens only its own app.
    const Headers crossed {{"App-Id", m_sandbox.appId()}, {"Authorization", second.at(1).second}};
    QCOMPARE(m_http->json("POST", QStringLiteral("/admin/query"), crossed, goals)
                 .object()[QStringLiteral("type")]
                 .toString(),
        QStringLiteral("record-not-found"));

    const HttpResult listed = m_http->send("GET", QStringLiteral("/sandbox/apps"), sandboxAdmin());
    QCOMPARE(listed.status, 200);
    QStringList ids;
    for (const QJsonValue &value : listed.object()[QStringLiteral("apps")].toArray()) {
        ids.append(value[QStringLiteral("id")].toString());
    }
    QVERIFY(ids.contains(QString::fromLatin1(m_sandbox.appId())));
    QVERIFY(ids.contains(app[QStringLiteral("id")].toString()));
}

void TestApps::explicitIdsAndDuplicates()
{
    const QJsonObject body {{QStringLiteral("id"), QStringLiteral("0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b")},
        {QStringLiteral("admin-token"), QStringLiteral("6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f")}};
    const HttpResult created = m_http->json("POST", QStringLiteral("/sandbox/apps"), sandboxAdmin(), body);
    QCOMPARE(created.status, 200);
    QCOMPARE(created.object()[QStringLiteral("app")][QStringLiteral("id")], body[QStringLiteral("id")]);
    const HttpResult query = m_http->json("POST", QStringLiteral("/admin/query"),
        Headers {{"App-Id", "0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b"},
            {"Authorization", "6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f"}},
        QJsonObject {{QStringLiteral("query"), QJsonObject {}}});
    QCOMPARE(query.status, 200);
    const HttpResult duplicate = m_http->json("POST", QStringLiteral("/sandbox/apps"), sandboxAdmin(), body);
    QCOMPARE(duplicate.status, 400);
    QCOMPARE(duplicate.object()[QStringLiteral("type")].toString(), QStringLiteral("record-not-unique"));
}

QTEST_GUILESS_MAIN(TestApps)
#include "tst_apps.moc"
