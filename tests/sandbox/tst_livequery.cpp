// Live queries over SSE (§5): framing, initial result, refresh only on change, error events, the
// keep-alive, disconnect handling, the generic sse/push pair, and 200 open streams at once.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <algorithm>

#include "sandboxtestsupport.h"

using namespace sandboxtest;

namespace {

QElapsedTimer s_clock;

const QRegularExpression kUuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));

/** One event stream read through its own QNetworkAccessManager (streams never finish). */
class Stream {
public:
    Stream(const QNetworkRequest &request, const QByteArray &body)
    {
        m_reply = m_manager.post(request, body);
        QObject::connect(m_reply, &QNetworkReply::readyRead, m_reply, [this] {
            const QByteArray chunk = m_reply->readAll();
            m_bytes += chunk;
            if (chunk.contains("\"op\":\"refresh-ok\"")) {
                m_refreshArrivals.append(s_clock.elapsed());
            }
        });
    }
    ~Stream() { m_reply->abort(); }

    QNetworkReply *reply() const { return m_reply; }
    /** When each chunk carrying a refresh-ok arrived, on s_clock. */
    QList<qint64> refreshArrivals() const { return m_refreshArrivals; }
    QByteArray bytes() const { return m_bytes; }
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> events;
        for (const QByteArray &frame : m_bytes.split('\n')) {
            if (frame.startsWith("data:")) {
                events.append(QJsonDocument::fromJson(frame.mid(5)).object());
            }
        }
        return events;
    }
    QList<QJsonObject> eventsWithOp(const QString &op) const
    {
        QList<QJsonObject> matching;
        for (const QJsonObject &event : events()) {
            if (event[QStringLiteral("op")].toString() == op) {
                matching.append(event);
            }
        }
        return matching;
    }
    /** The refresh-ok events that carry a new result (not the empty ones sent after attribute changes). */
    QList<QJsonObject> resultRefreshes() const
    {
        QList<QJsonObject> matching;
        for (const QJsonObject &event : eventsWithOp(QStringLiteral("refresh-ok"))) {
            if (!event[QStringLiteral("computations")].toArray().isEmpty()) {
                matching.append(event);
            }
        }
        return matching;
    }

private:
    QNetworkAccessManager m_manager;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_bytes;
    QList<qint64> m_refreshArrivals;
};

QJsonObject query(const QJsonObject &q)
{
    return QJsonObject {{QStringLiteral("query"), q}};
}

QJsonArray updateStep(const QString &etype, const QString &id, const QJsonObject &attrs)
{
    return QJsonArray {QStringLiteral("update"), etype, id, attrs};
}

} // namespace

class TestLiveQuery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void framingAndInitialResult();
    void pageInfoInResultMeta();
    void impersonatedSubscription();
    void refreshOnlyWhenChanged();
    void attributeChangesRefreshEveryTransaction();
    void refreshLatency();
    void keepAlive();
    void errorEventKeepsStreamOpen();
    void preStreamErrors_data();
    void preStreamErrors();
    void disconnectDropsSession();
    void genericSseAndPush();
    void pushErrors();
    void manyOpenStreams();

private:
    std::unique_ptr<Stream> subscribe(const QJsonObject &q, const Headers &headers = {});
    HttpResult transact(const QJsonArray &steps);

    SandboxFixture m_sandbox;
    std::unique_ptr<HttpClient> m_http;
};

std::unique_ptr<Stream> TestLiveQuery::subscribe(const QJsonObject &q, const Headers &headers)
{
    Headers all = headers.isEmpty() ? m_sandbox.admin() : headers;
    all.push_back({"Content-Type", "application/json"});
    QJsonObject body {{QStringLiteral("query"), q}, {QStringLiteral("inference?"), false},
        {QStringLiteral("versions"), QJsonObject {{QStringLiteral("@instantdb/admin"), QStringLiteral("v1.0.67")}}}};
    return std::make_unique<Stream>(
        m_http->request(
            QStringLiteral("/admin/subscribe-query?local_connection_id=4a5b6c7d-0000-4000-8000-000000000000"), all),
        compact(body));
}

HttpResult TestLiveQuery::transact(const QJsonArray &steps)
{
    return m_http->json(
        "POST", QStringLiteral("/admin/transact"), m_sandbox.admin(), QJsonObject {{QStringLiteral("steps"), steps}});
}

void TestLiveQuery::init()
{
    // Streams of the previous test close when the server next writes to them; start from none.
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.server().liveSessionCount(), 0, 10000);
}

void TestLiveQuery::initTestCase()
{
    s_clock.start();
    sandbox::SandboxOptions options;
    options.keepAliveInterval = std::chrono::milliseconds(150);
    QCOMPARE(m_sandbox.start(options), QString());
    m_http = std::make_unique<HttpClient>(m_sandbox.url());
    QCOMPARE(
        transact(QJsonArray {updateStep(QStringLiteral("goals"), QStringLiteral("1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"),
                                 QJsonObject {{QStringLiteral("title"), QStringLiteral("Get fit")}}),
                     updateStep(QStringLiteral("goals"), QStringLiteral("8a2b6c4d-1e3f-4a5b-9c6d-7e8f9a0b1c2d"),
                         QJsonObject {{QStringLiteral("title"), QStringLiteral("Read more")}})})
            .status,
        200);
}

void TestLiveQuery::framingAndInitialResult()
{
    const auto stream = subscribe(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);

    QCOMPARE(stream->reply()->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(stream->reply()->rawHeader("Content-Type"), QByteArray("text/event-stream; charset=UTF-8"));
    QCOMPARE(stream->reply()->rawHeader("Cache-Control"), QByteArray("nocache"));
    const QByteArray bytes = stream->bytes();
    QVERIFY2(bytes.startsWith("retry:500\n\ndata:{"), bytes.left(40).constData());
    QVERIFY(!bytes.contains("event:"));
    QVERIFY(!bytes.contains("\nid:"));
    QVERIFY(!bytes.contains("data: "));

    const QList<QJsonObject> events = stream->events();
    QCOMPARE(events.first()[QStringLiteral("op")].toString(), QStringLiteral("sse-init"));
    for (const char *key : {"machine-id", "session-id", "sse-token"}) {
        QVERIFY2(kUuid.match(events.first()[QString::fromLatin1(key)].toString()).hasMatch(), key);
    }
    QVERIFY(events.first()[QStringLiteral("trace-id")].isNull());

    const QJsonObject added = stream->eventsWithOp(QStringLiteral("add-query-ok")).first();
    const QJsonObject goalsQuery {{QStringLiteral("goals"), QJsonObject {}}};
    QCOMPARE(added[QStringLiteral("q")].toObject(), goalsQuery);
    const HttpResult direct = m_http->json("POST", QStringLiteral("/admin/query"), m_sandbox.admin(),
        query(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}}));
    QCOMPARE(added[QStringLiteral("result")].toObject(), direct.object());
    QVERIFY(added[QStringLiteral("result-meta")][QStringLiteral("page-info")].isObject());
    QVERIFY(added[QStringLiteral("result-meta")][QStringLiteral("aggregate")].isObject());
    QVERIFY(added[QStringLiteral("processed-tx-id")].isDouble());
    QVERIFY(added[QStringLiteral("processed-isn")].isString());
    QVERIFY(kUuid.match(added[QStringLiteral("client-event-id")].toString()).hasMatch());

    // Every data frame is one line followed by a blank line.
    for (qsizetype at = bytes.indexOf("data:"); at >= 0; at = bytes.indexOf("data:", at + 1)) {
        const qsizetype end = bytes.indexOf('\n', at);
        QVERIFY(end > at);
        QCOMPARE(bytes.mid(end, 2), QByteArray("\n\n"));
    }
}

void TestLiveQuery::pageInfoInResultMeta()
{
    const auto stream = subscribe(QJsonObject {
        {QStringLiteral("goals"), QJsonObject {{QStringLiteral("$"), QJsonObject {{QStringLiteral("limit"), 1}}}}}});
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);
    const QJsonObject added = stream->eventsWithOp(QStringLiteral("add-query-ok")).first();
    QCOMPARE(added[QStringLiteral("result")][QStringLiteral("goals")].toArray().size(), 1);
    const QJsonObject pageInfo
        = added[QStringLiteral("result-meta")][QStringLiteral("page-info")][QStringLiteral("goals")].toObject();
    QVERIFY(pageInfo.contains(QStringLiteral("start-cursor")));
    QVERIFY(pageInfo.contains(QStringLiteral("end-cursor")));
    QCOMPARE(pageInfo[QStringLiteral("has-next-page?")].toBool(false), true);
}

void TestLiveQuery::impersonatedSubscription()
{
    const HttpResult user = m_http->json("POST", QStringLiteral("/admin/refresh_tokens"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("email"), QStringLiteral("watcher@example.com")}});
    const QByteArray token
        = user.object()[QStringLiteral("user")][QStringLiteral("refresh_token")].toString().toLatin1();
    const QJsonObject users {{QStringLiteral("$users"), QJsonObject {}}};

    const auto asUser = subscribe(users, Headers {{"App-Id", m_sandbox.appId()}, {"As-Token", token}});
    const auto asGuest = subscribe(users, Headers {{"App-Id", m_sandbox.appId()}, {"As-Guest", "true"}});
    QTRY_COMPARE_WITH_TIMEOUT(asUser->eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(asGuest->eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);
    const QJsonArray seen = asUser->eventsWithOp(QStringLiteral("add-query-ok"))
                                .first()[QStringLiteral("result")][QStringLiteral("$users")]
                                .toArray();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first()[QStringLiteral("email")].toString(), QStringLiteral("watcher@example.com"));
    QCOMPARE(asGuest->eventsWithOp(QStringLiteral("add-query-ok"))
                 .first()[QStringLiteral("result")][QStringLiteral("$users")]
                 .toArray()
                 .size(),
        0);
}

void TestLiveQuery::refreshOnlyWhenChanged()
{
    const auto stream = subscribe(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);

    // A transaction elsewhere leaves the result alone: nothing is sent for it.
    QCOMPARE(
        transact(QJsonArray {updateStep(QStringLiteral("unrelated"),
                     QStringLiteral("0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"), QJsonObject {{QStringLiteral("n"), 1}})})
            .status,
        200);
    QCOMPARE(
        transact(QJsonArray {updateStep(QStringLiteral("goals"), QStringLiteral("1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"),
                     QJsonObject {{QStringLiteral("title"), QStringLiteral("Get fitter")}})})
            .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(!stream->resultRefreshes().isEmpty(), 10000);
    const QList<QJsonObject> refreshes = stream->resultRefreshes();
    QCOMPARE(refreshes.size(), 1);
    const QJsonObject computation = refreshes.first()[QStringLiteral("computations")][0].toObject();
    const HttpResult direct = m_http->json("POST", QStringLiteral("/admin/query"), m_sandbox.admin(),
        query(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}}));
    QCOMPARE(computation[QStringLiteral("instaql-result")].toObject(), direct.object());
    const QJsonObject goalsQuery {{QStringLiteral("goals"), QJsonObject {}}};
    QCOMPARE(computation[QStringLiteral("instaql-query")].toObject(), goalsQuery);
    QCOMPARE(computation[QStringLiteral("result-changed?")].toBool(false), true);
    QVERIFY(computation[QStringLiteral("result-meta")].isObject());
    QVERIFY(refreshes.first()[QStringLiteral("attrs")].isArray());
    QVERIFY(refreshes.first()[QStringLiteral("processed-tx-id")].isDouble());

    // Writing the same value again changes nothing either.
    QCOMPARE(
        transact(QJsonArray {updateStep(QStringLiteral("goals"), QStringLiteral("1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"),
                     QJsonObject {{QStringLiteral("title"), QStringLiteral("Get fitter")}})})
            .status,
        200);
    QCOMPARE(
        transact(QJsonArray {updateStep(QStringLiteral("goals"), QStringLiteral("1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"),
                     QJsonObject {{QStringLiteral("title"), QStringLiteral("Get fit")}})})
            .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(stream->resultRefreshes().size(), 2, 10000);
}

void TestLiveQuery::attributeChangesRefreshEveryTransaction()
{
    const auto stream = subscribe(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);
    const QString other = QStringLiteral("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b");
    const QString fresh = QStringLiteral("attr") + QUuid::createUuid().toString(QUuid::Id128);

    // A transaction elsewhere that adds an attribute: the result is the same, but the server tells
    // about the new attributes with a refresh-ok without computations.
    QCOMPARE(transact(QJsonArray {updateStep(QStringLiteral("notes"), other, QJsonObject {{fresh, 1}})}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("refresh-ok")).size(), 1, 10000);
    const QJsonObject empty = stream->eventsWithOp(QStringLiteral("refresh-ok")).last();
    QCOMPARE(empty[QStringLiteral("computations")].toArray(), QJsonArray());
    bool announced = false;
    for (const QJsonValue attr : empty[QStringLiteral("attrs")].toArray()) {
        announced = announced || attr[QStringLiteral("forward-identity")][2].toString() == fresh;
    }
    QVERIFY(announced);

    // From then on every transaction of the app sends one, even one that adds no attribute.
    QCOMPARE(transact(QJsonArray {updateStep(QStringLiteral("notes"), other, QJsonObject {{fresh, 2}})}).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("refresh-ok")).size(), 2, 10000);
    QCOMPARE(stream->resultRefreshes().size(), 0);
}

void TestLiveQuery::refreshLatency()
{
    const QString id = QStringLiteral("2c4e6a8b-0d1f-4e3a-8b5c-6d7e8f9a0b1c");
    const auto stream = subscribe(QJsonObject {{QStringLiteral("counters"),
        QJsonObject {{QStringLiteral("$"),
            QJsonObject {{QStringLiteral("where"), QJsonObject {{QStringLiteral("id"), id}}}}}}}});
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);

    // Time from sending the transaction to the refresh arriving, over several rounds.
    QList<qint64> latencies;
    for (int round = 1; round <= 15; ++round) {
        const qint64 sent = s_clock.elapsed();
        QCOMPARE(transact(QJsonArray {
                              updateStep(QStringLiteral("counters"), id, QJsonObject {{QStringLiteral("n"), round}})})
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("refresh-ok")).size(), round, 10000);
        latencies.append(stream->refreshArrivals().last() - sent);
        const QJsonObject last = stream->eventsWithOp(QStringLiteral("refresh-ok")).last();
        QCOMPARE(last[QStringLiteral("computations")][0][QStringLiteral("instaql-result")][QStringLiteral("counters")]
                     [0][QStringLiteral("n")]
                         .toInt(),
            round);
    }
    std::sort(latencies.begin(), latencies.end());
    qInfo("transact -> refresh-ok latency: median %lld ms, max %lld ms", latencies.at(latencies.size() / 2),
        latencies.last());
    QVERIFY2(latencies.at(latencies.size() / 2) < 100, "median refresh latency over loopback");
}

void TestLiveQuery::keepAlive()
{
    const auto stream = subscribe(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(stream->bytes().count(":\n") >= 3, 10000);
    // The comment is the two bytes ":\n", never followed by a blank line of its own.
    QVERIFY(!stream->bytes().contains(":\n\n"));
    QVERIFY(!stream->reply()->isFinished());
}

void TestLiveQuery::errorEventKeepsStreamOpen()
{
    const auto stream = subscribe(QJsonObject {
        {QStringLiteral("goals"), QJsonObject {{QStringLiteral("$"), QJsonObject {{QStringLiteral("limit"), -1}}}}}});
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("error")).size(), 1, 10000);
    const QJsonObject error = stream->eventsWithOp(QStringLiteral("error")).first();
    QCOMPARE(error[QStringLiteral("status")].toInt(), 400);
    QCOMPARE(error[QStringLiteral("type")].toString(), QStringLiteral("validation-failed"));
    QVERIFY(error[QStringLiteral("message")].toString().startsWith(QStringLiteral("Validation failed for query")));
    QVERIFY(error.contains(QStringLiteral("hint")));
    QCOMPARE(error[QStringLiteral("original-event")][QStringLiteral("op")].toString(), QStringLiteral("add-query"));
    QCOMPARE(stream->reply()->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    const qsizetype errorAt = stream->bytes().indexOf("\"op\":\"error\"");
    QTRY_VERIFY_WITH_TIMEOUT(stream->bytes().indexOf(":\n", errorAt) > errorAt, 10000);
    QVERIFY(!stream->reply()->isFinished());
}

void TestLiveQuery::preStreamErrors_data()
{
    QTest::addColumn<bool>("withAppId");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("no-app-id") << false << QByteArray("{\"query\":{}}")
                               << QStringLiteral("Missing parameter: [\"headers\" \"app-id\"]");
    QTest::newRow("no-query") << true << QByteArray("{}") << QStringLiteral("Missing parameter: [\"body\" \"query\"]");
    QTest::newRow("query-not-object") << true << QByteArray("{\"query\":[]}")
                                      << QStringLiteral("Malformed parameter: [\"body\" \"query\"]");
}

void TestLiveQuery::preStreamErrors()
{
    QFETCH(bool, withAppId);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    Headers headers {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_sandbox.adminToken()}};
    if (withAppId) {
        headers.push_back({"App-Id", m_sandbox.appId()});
    }
    const HttpResult result = m_http->send("POST", QStringLiteral("/admin/subscribe-query"), headers, body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(result.object()[QStringLiteral("message")].toString(), message);
}

void TestLiveQuery::disconnectDropsSession()
{
    const int before = m_sandbox.server().liveSessionCount();
    auto stream = subscribe(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QTRY_COMPARE_WITH_TIMEOUT(stream->eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);
    QCOMPARE(m_sandbox.server().liveSessionCount(), before + 1);
    stream.reset(); // aborts the request and closes the socket
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.server().liveSessionCount(), before, 10000);
}

void TestLiveQuery::genericSseAndPush()
{
    Headers headers = m_sandbox.admin();
    headers.push_back({"Content-Type", "application/json"});
    Stream stream(
        m_http->request(QStringLiteral("/admin/sse?app_id=") + QString::fromLatin1(m_sandbox.appId()), headers),
        QByteArray("{\"inference?\":false}"));
    QTRY_COMPARE_WITH_TIMEOUT(stream.eventsWithOp(QStringLiteral("sse-init")).size(), 1, 10000);
    QVERIFY(stream.bytes().startsWith("retry:500\n\n"));
    const QJsonObject init = stream.eventsWithOp(QStringLiteral("sse-init")).first();

    const auto push = [&](const QJsonArray &messages) {
        return m_http->json("POST", QStringLiteral("/admin/sse/push?app_id=") + QString::fromLatin1(m_sandbox.appId()),
            {},
            QJsonObject {{QStringLiteral("machine_id"), init[QStringLiteral("machine-id")]},
                {QStringLiteral("session_id"), init[QStringLiteral("session-id")]},
                {QStringLiteral("sse_token"), init[QStringLiteral("sse-token")]},
                {QStringLiteral("messages"), messages}});
    };
    const QJsonObject q {{QStringLiteral("goals"), QJsonObject {}}};
    const HttpResult added = push(QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("add-query")},
        {QStringLiteral("q"), q}, {QStringLiteral("client-event-id"), QStringLiteral("c1")}}});
    QCOMPARE(added.status, 200);
    QCOMPARE(added.body, QByteArray("{}"));
    QTRY_COMPARE_WITH_TIMEOUT(stream.eventsWithOp(QStringLiteral("add-query-ok")).size(), 1, 10000);
    QCOMPARE(stream.eventsWithOp(QStringLiteral("add-query-ok")).first()[QStringLiteral("client-event-id")].toString(),
        QStringLiteral("c1"));

    QCOMPARE(push(QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("add-query")},
                      {QStringLiteral("q"), q}, {QStringLiteral("client-event-id"), QStringLiteral("c2")}}})
                 .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(stream.eventsWithOp(QStringLiteral("add-query-exists")).size(), 1, 10000);

    QCOMPARE(push(QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("remove-query")},
                      {QStringLiteral("q"), q}, {QStringLiteral("client-event-id"), QStringLiteral("c3")}}})
                 .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(stream.eventsWithOp(QStringLiteral("remove-query-ok")).size(), 1, 10000);
    QCOMPARE(
        stream.eventsWithOp(QStringLiteral("remove-query-ok")).first()[QStringLiteral("client-event-id")].toString(),
        QStringLiteral("c3"));

    QCOMPARE(push(QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("join-room")},
                      {QStringLiteral("client-event-id"), QStringLiteral("c4")}}})
                 .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(stream.eventsWithOp(QStringLiteral("error")).size(), 1, 10000);
    QCOMPARE(stream.eventsWithOp(QStringLiteral("error")).first()[QStringLiteral("status")].toInt(), 500);
}

void TestLiveQuery::pushErrors()
{
    Headers headers = m_sandbox.admin();
    headers.push_back({"Content-Type", "application/json"});
    Stream stream(m_http->request(QStringLiteral("/admin/sse"), headers), QByteArray("{}"));
    QTRY_COMPARE_WITH_TIMEOUT(stream.eventsWithOp(QStringLiteral("sse-init")).size(), 1, 10000);
    const QJsonObject init = stream.eventsWithOp(QStringLiteral("sse-init")).first();
    const QString app = QString::fromLatin1(m_sandbox.appId());
    const QString other = QStringLiteral("9e4d2c1b-8a7f-4e6d-b5c4-3a2b1c0d9e8f");

    const auto push = [&](const QString &query, const QJsonValue &machine, const QJsonValue &token) {
        return m_http->json("POST", QStringLiteral("/admin/sse/push") + query, {},
            QJsonObject {{QStringLiteral("machine_id"), machine},
                {QStringLiteral("session_id"), init[QStringLiteral("session-id")]},
                {QStringLiteral("sse_token"), token}, {QStringLiteral("messages"), QJsonArray {}}});
    };
    const HttpResult badToken = push(QStringLiteral("?app_id=") + app, init[QStringLiteral("machine-id")], other);
    QCOMPARE(badToken.status, 400);
    QCOMPARE(badToken.object()[QStringLiteral("type")].toString(), QStringLiteral("session-missing"));
    QVERIFY(
        badToken.object()[QStringLiteral("message")].toString().startsWith(QStringLiteral("Session missing for id:")));
    QCOMPARE(badToken.object()[QStringLiteral("hint")][QStringLiteral("sess-id")][QStringLiteral("sess-id")],
        init[QStringLiteral("session-id")]);

    const HttpResult badMachine = push(QStringLiteral("?app_id=") + app, other, init[QStringLiteral("sse-token")]);
    QCOMPARE(badMachine.status, 400);
    QCOMPARE(badMachine.object()[QStringLiteral("type")].toString(), QStringLiteral("member-missing"));

    const HttpResult noApp = push(QString(), init[QStringLiteral("machine-id")], init[QStringLiteral("sse-token")]);
    QCOMPARE(noApp.status, 400);
    QCOMPARE(noApp.object()[QStringLiteral("type")].toString(), QStringLiteral("param-missing"));

    QCOMPARE(
        push(QStringLiteral("?app_id=") + app, init[QStringLiteral("machine-id")], init[QStringLiteral("sse-token")])
            .status,
        200);
}

void TestLiveQuery::manyOpenStreams()
{
    const int count = 200;
    const int before = m_sandbox.server().liveSessionCount();
    const QUrl url(m_sandbox.url());
    const QByteArray body = compact(query(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}}));
    const QByteArray request = "POST /admin/subscribe-query HTTP/1.1\r\nHost: " + url.host().toLatin1() + ':'
        + QByteArray::number(url.port()) + "\r\nContent-Type: application/json\r\nApp-Id: " + m_sandbox.appId()
        + "\r\nAuthorization: Bearer " + m_sandbox.adminToken()
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> received(count);
    for (int i = 0; i < count; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *raw = socket.get();
        connect(raw, &QTcpSocket::readyRead, this, [raw, &received, i] { received[std::size_t(i)] += raw->readAll(); });
        connect(raw, &QTcpSocket::connected, this, [raw, request] { raw->write(request); });
        raw->connectToHost(QStringLiteral("127.0.0.1"), quint16(url.port()));
        sockets.push_back(std::move(socket));
    }
    const auto countHaving = [&](const QByteArray &marker) {
        return std::count_if(
            received.begin(), received.end(), [&](const QByteArray &bytes) { return bytes.contains(marker); });
    };
    QTRY_COMPARE_WITH_TIMEOUT(countHaving("add-query-ok"), qsizetype(count), 30000);
    QCOMPARE(m_sandbox.server().liveSessionCount(), before + count);

    // Ordinary requests are still answered promptly with every stream open.
    QElapsedTimer timer;
    timer.start();
    const HttpResult answered = m_http->json("POST", QStringLiteral("/admin/query"), m_sandbox.admin(),
        query(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}}));
    const qint64 queryMs = timer.elapsed();
    QCOMPARE(answered.status, 200);
    qInfo("query with %d open streams: %lld ms", count, queryMs);
    QVERIFY2(queryMs < 2000, "a query must not wait behind open streams");

    timer.restart();
    QCOMPARE(
        transact(QJsonArray {updateStep(QStringLiteral("goals"), QStringLiteral("8a2b6c4d-1e3f-4a5b-9c6d-7e8f9a0b1c2d"),
                     QJsonObject {{QStringLiteral("title"), QStringLiteral("Read even more")}})})
            .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(countHaving("Read even more"), qsizetype(count), 30000);
    qInfo("refresh reached %d streams in %lld ms", count, timer.elapsed());

    for (auto &socket : sockets) {
        socket->abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.server().liveSessionCount(), before, 20000);
}

QTEST_GUILESS_MAIN(TestLiveQuery)
#include "tst_livequery.moc"
