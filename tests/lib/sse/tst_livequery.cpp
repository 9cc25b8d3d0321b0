#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <functional>
#include <memory>

#include "adminclient.h"
#include "sse/livequery.h"

using instant::LiveQuery;
using instant::LiveResult;
using instant::LiveSession;

namespace {

constexpr auto kAppId = "0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b";
constexpr auto kToken = "6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f";

struct Request {
    QByteArray method;
    QByteArray target;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray path() const { return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')); }
    QByteArray query() const { return target.indexOf('?') < 0 ? QByteArray() : target.mid(target.indexOf('?') + 1); }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                return true;
            }
        }
        return false;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                return value;
            }
        }
        return {};
    }
};

struct Response {
    QByteArray bytes;
    bool closeAfter = false;
};

QByteArray sseEvent(const QByteArray &json)
{
    return "data:" + json + "\n\n";
}

QByteArray streamHead()
{
    return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=UTF-8\r\nCache-Control: nocache\r\n"
           "Connection: close\r\n\r\n";
}

QByteArray goalsResult(int count, const QByteArray &prefix)
{
    QByteArray goals;
    for (int i = 0; i < count; ++i) {
        goals += (i ? "," : "") + QByteArray(R"({"id":")") + prefix + QByteArray::number(i) + R"(","title":"Goal"})";
    }
    return R"({"goals":[)" + goals + "]}";
}

QByteArray sseInit(int index)
{
    return sseEvent(R"({"op":"sse-init","machine-id":"m)" + QByteArray::number(index) + R"(","session-id":"s)"
        + QByteArray::number(index) + R"(","sse-token":"secret","trace-id":null})");
}

QByteArray addQueryOk(const QByteArray &result)
{
    return sseEvent(R"({"op":"add-query-ok","q":{"goals":{}},"result":)" + result
        + R"(,"result-meta":{"page-info":{"goals":{"has-next-page?":true}},"aggregate":{}},)"
          R"("processed-tx-id":17,"processed-isn":"0/1","client-event-id":"c","trace-id":null})");
}

QByteArray refreshOk(const QByteArray &result, qint64 txId)
{
    return sseEvent(R"({"op":"refresh-ok","processed-tx-id":)" + QByteArray::number(txId)
        + R"(,"computations":[{"instaql-query":{"goals":{}},"instaql-result":)" + result
        + R"(,"result-meta":{"page-info":{},"aggregate":{}},"result-changed?":true}],"attrs":[],)"
          R"("trace-id":null})");
}

/**
 * A scripted HTTP/1.1 server on 127.0.0.1: reads each request (Content-Length bodies), records it
 * and answers with whatever handler returns. Streams stay open (close-delimited, like the real
 * server) so that the test can push more events or drop the connection.
 */
class SseServer final : public QObject {
    Q_OBJECT
public:
    std::function<Response(const Request &, int index)> handler;
    QList<Request> requests;
    QList<QPointer<QTcpSocket>> sockets;
    int disconnects = 0;

    SseServer() { connect(&m_server, &QTcpServer::newConnection, this, &SseServer::onNewConnection); }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

    /** Streams (requests to subscribe-query) currently connected. */
    int openStreams() const
    {
        int n = 0;
        for (int i = 0; i < sockets.size(); ++i) {
            if (sockets[i] && sockets[i]->state() == QAbstractSocket::ConnectedState
                && requests[i].path() == "/admin/subscribe-query") {
                ++n;
            }
        }
        return n;
    }
    void send(int index, const QByteArray &bytes)
    {
        QVERIFY(sockets.value(index));
        sockets[index]->write(bytes);
        sockets[index]->flush();
    }
    void drop(int index)
    {
        if (sockets.value(index)) {
            sockets[index]->disconnectFromHost();
        }
    }

Q_SIGNALS:
    void requestReceived(int index);

private:
    void onNewConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                buffer->append(socket->readAll());
                const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
                if (headEnd < 0) {
                    return;
                }
                Request request;
                const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                request.method = first.value(0);
                request.target = first.value(1);
                qsizetype length = 0;
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    const QByteArray name = lines[i].left(colon).trimmed();
                    const QByteArray value = lines[i].mid(colon + 1).trimmed();
                    request.headers.append({name, value});
                    if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
                        length = value.toLongLong();
                    }
                }
                if (buffer->size() < headEnd + 4 + length) {
                    return;
                }
                request.body = buffer->mid(headEnd + 4, length);
                buffer->clear();
                const int index = int(requests.size());
                requests.append(request);
                sockets.append(socket);
                const Response response = handler(request, index);
                socket->write(response.bytes);
                socket->flush();
                if (response.closeAfter) {
                    socket->disconnectFromHost();
                }
                Q_EMIT requestReceived(index);
            });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                ++disconnects;
                socket->deleteLater();
            });
        }
    }

    QTcpServer m_server;
};

// The default script: a normal subscribe-query stream, and small JSON answers for /admin/query.
Response defaultHandler(const Request &request, int index)
{
    if (request.path() == "/admin/query") {
        const QByteArray body = R"({"goals":[]})";
        return {"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body,
            true};
    }
    return {streamHead() + "retry:500\n\n" + sseInit(index) + addQueryOk(goalsResult(2, "g")), false};
}

} // namespace

class TestLiveQuery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lifecycleAndReconnect();
    void impersonationHeaders();
    void httpErrorBeforeStreamIsFinal();
    void notAnEventStreamIsFinal();
    void silenceCountsAsDrop();
    void keepAlivesKeepTheStream();
    void backoffGrowsAndIsCapped();
    void largeResultDecodedOffThread();
    void closeAbortsAtOnce();
    void closeWhileReconnecting();
    void closeAndDeleteFromSlot();
    void undecodableEventIsSkipped();
    void fallingBehindStartsAfresh();
    void manySubscriptionsDoNotStarveQueries();

private:
    std::unique_ptr<instant::AdminClient> makeClient(const QString &token = QString::fromLatin1(kToken)) const;
    std::unique_ptr<SseServer> m_server;
};

void TestLiveQuery::init()
{
    m_server = std::make_unique<SseServer>();
    m_server->handler = defaultHandler;
    QVERIFY(m_server->listen());
}

void TestLiveQuery::cleanup()
{
    m_server.reset();
}

std::unique_ptr<instant::AdminClient> TestLiveQuery::makeClient(const QString &token) const
{
    return std::make_unique<instant::AdminClient>(
        instant::Connection(m_server->url(), QString::fromLatin1(kAppId), token));
}

void TestLiveQuery::lifecycleAndReconnect()
{
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QSignalSpy states(&live, &LiveQuery::stateChanged);
    QSignalSpy sessions(&live, &LiveQuery::sessionStarted);
    QSignalSpy initial(&live, &LiveQuery::initialResult);
    QSignalSpy refreshed(&live, &LiveQuery::refreshed);
    QSignalSpy errors(&live, &LiveQuery::queryError);
    QSignalSpy failed(&live, &LiveQuery::failed);
    QCOMPARE(live.state(), LiveQuery::State::Idle);

    live.open();
    QCOMPARE(live.state(), LiveQuery::State::Connecting);
    QTRY_COMPARE(initial.size(), 1);
    QCOMPARE(live.state(), LiveQuery::State::Live);
    QCOMPARE(live.retryDelay(), std::chrono::milliseconds(500));

    // The request is the SDK's, byte for byte where it matters.
    QCOMPARE(m_server->requests.size(), 1);
    const Request first = m_server->requests.at(0);
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.path(), QByteArray("/admin/subscribe-query"));
    const QUrlQuery query(QString::fromLatin1(first.query()));
    QCOMPARE(query.queryItems().size(), 1);
    QVERIFY(!QUuid::fromString(query.queryItemValue(QStringLiteral("local_connection_id"))).isNull());
    QCOMPARE(first.header("content-type"), QByteArray("application/json"));
    QCOMPARE(first.header("app-id"), QByteArray(kAppId));
    QCOMPARE(first.header("authorization"), "Bearer " + QByteArray(kToken));
    QVERIFY(!first.hasHeader("Instant-Admin-Version"));
    QVERIFY(!first.hasHeader("Instant-Core-Version"));
    QVERIFY(!first.hasHeader("accept"));
    QVERIFY(!first.hasHeader("as-token") && !first.hasHeader("as-email") && !first.hasHeader("as-guest"));
    QCOMPARE(first.body,
        QByteArray(R"({"query":{"goals":{}},"inference?":false,)"
                   R"("versions":{"@instantdb/admin":"v1.0.67","@instantdb/core":"v1.0.67"}})"));
    QCOMPARE(live.requestBody(), first.body);

    QCOMPARE(sessions.size(), 1);
    const auto session = sessions.at(0).at(0).value<LiveSession>();
    QCOMPARE(session.machineId, QStringLiteral("m0"));
    QCOMPARE(session.sessionId, QStringLiteral("s0"));
    QCOMPARE(session.generation, 1);
    const auto result = initial.at(0).at(0).value<LiveResult>();
    QCOMPARE(result.result.value(u"goals").size(), 2);
    QCOMPARE(result.result.value(u"goals").at(1).value(u"id").toString(), QStringLiteral("g1"));
    QVERIFY(result.pageInfo.value(u"goals").value(u"has-next-page?").toBool());
    QVERIFY(result.aggregate.isObject());
    QCOMPARE(result.processedTxId, 17);
    QCOMPARE(result.generation, 1);

    // Keep-alive, a refresh, a refresh without computations (ignored), another refresh, an error event.
    m_server->send(0, ":\n");
    m_server->send(0, refreshOk(goalsResult(3, "r"), 20));
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(refreshed.at(0).at(0).value<LiveResult>().result.value(u"goals").size(), 3);
    QCOMPARE(refreshed.at(0).at(0).value<LiveResult>().processedTxId, 20);
    m_server->send(0, sseEvent(R"({"op":"refresh-ok","processed-tx-id":21,"computations":[],"attrs":[]})"));
    m_server->send(0, sseEvent(R"({"op":"transact-ok","tx-id":3})")); // unknown here: ignored
    m_server->send(0, refreshOk(goalsResult(1, "z"), 22));
    QTRY_COMPARE(refreshed.size(), 2);
    QCOMPARE(refreshed.at(1).at(0).value<LiveResult>().processedTxId, 22);
    QCOMPARE(refreshed.at(1).at(0).value<LiveResult>().result.value(u"goals").at(0).value(u"id").toString(),
        QStringLiteral("z0"));
    m_server->send(0,
        sseEvent(R"({"op":"error","status":400,"client-event-id":"c","original-event":{"op":"add-query"},)"
                 R"("type":"validation-failed","message":"Validation failed for query",)"
                 R"("hint":{"data-type":"query","errors":[]},"trace-id":"abc"})"));
    QTRY_COMPARE(errors.size(), 1);
    const auto error = errors.at(0).at(0).value<instant::Error>();
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(error.type, QStringLiteral("validation-failed"));
    QCOMPARE(error.message, QStringLiteral("Validation failed for query"));
    QCOMPARE(error.hint.toObject().value(QStringLiteral("data-type")).toString(), QStringLiteral("query"));
    QCOMPARE(error.traceId, QStringLiteral("abc"));
    QCOMPARE(live.state(), LiveQuery::State::Live);

    // The server drops the stream: a new session, the same request again.
    m_server->drop(0);
    QTRY_COMPARE(live.state(), LiveQuery::State::Reconnecting);
    QTRY_COMPARE(initial.size(), 2);
    QCOMPARE(live.state(), LiveQuery::State::Live);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests.at(1).body, first.body);
    QCOMPARE(m_server->requests.at(1).target, first.target);
    QCOMPARE(m_server->requests.at(1).header("authorization"), first.header("authorization"));
    QCOMPARE(sessions.size(), 2);
    QCOMPARE(sessions.at(1).at(0).value<LiveSession>().sessionId, QStringLiteral("s1"));
    QCOMPARE(sessions.at(1).at(0).value<LiveSession>().generation, 2);
    QCOMPARE(initial.at(1).at(0).value<LiveResult>().generation, 2);
    QCOMPARE(live.generation(), 2);
    QCOMPARE(failed.size(), 0);

    const QList<LiveQuery::State> expectedStates {
        LiveQuery::State::Connecting, LiveQuery::State::Live, LiveQuery::State::Reconnecting, LiveQuery::State::Live};
    QCOMPARE(states.size(), expectedStates.size());
    for (qsizetype i = 0; i < states.size(); ++i) {
        QCOMPARE(states.at(i).at(0).value<LiveQuery::State>(), expectedStates.at(i));
    }

    // The request log shows the stream without its secret.
    QVERIFY(client->requestLog()->size() >= 2);
    const auto &entry = client->requestLog()->at(0);
    QCOMPARE(entry.route, QStringLiteral("/admin/subscribe-query"));
    QVERIFY(entry.finished);
    QVERIFY(!client->requestLog()->toCurl(entry).contains(QLatin1StringView(kToken)));
}

void TestLiveQuery::impersonationHeaders()
{
    auto client = makeClient(QString());
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}},
        instant::QueryOptions {true, std::nullopt}, instant::Identity::asGuest());
    QSignalSpy initial(&live, &LiveQuery::initialResult);
    live.open();
    QTRY_COMPARE(initial.size(), 1);
    const Request request = m_server->requests.at(0);
    QCOMPARE(request.header("as-guest"), QByteArray("true"));
    QVERIFY(!request.hasHeader("authorization"));
    QVERIFY(request.body.contains(R"("inference?":true)"));

    // Impersonating by email needs the admin token; without one nothing is sent and the query fails.
    LiveQuery byEmail(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}}, {},
        instant::Identity::asEmail(QStringLiteral("alice@example.com")));
    QSignalSpy failed(&byEmail, &LiveQuery::failed);
    byEmail.open();
    QCOMPARE(failed.size(), 0); // never from inside open()
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<instant::Error>().kind, instant::Error::Kind::Config);
    QCOMPARE(byEmail.state(), LiveQuery::State::Failed);
    QCOMPARE(m_server->requests.size(), 1);
}

void TestLiveQuery::httpErrorBeforeStreamIsFinal()
{
    const QByteArray body = R"({"type":"param-missing","message":"Missing parameter: [\"headers\" \"app-id\"]",)"
                            R"("hint":{"in":["headers","app-id"]}})";
    m_server->handler = [&](const Request &request, int index) -> Response {
        if (request.path() == "/admin/subscribe-query" && index == 0) {
            return {"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body,
                true};
        }
        return defaultHandler(request, index);
    };
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    live.setMaxRetryDelay(std::chrono::milliseconds(1)); // a retry, if there were one, would come at once
    QSignalSpy failed(&live, &LiveQuery::failed);
    QSignalSpy initial(&live, &LiveQuery::initialResult);
    live.open();
    QTRY_COMPARE(failed.size(), 1);
    const auto error = failed.at(0).at(0).value<instant::Error>();
    QCOMPARE(error.kind, instant::Error::Kind::Http);
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(error.type, QStringLiteral("param-missing"));
    QCOMPARE(error.message, QStringLiteral("Missing parameter: [\"headers\" \"app-id\"]"));
    QCOMPARE(live.state(), LiveQuery::State::Failed);
    QVERIFY(live.lastError().has_value());

    // Let another subscription go through a whole session; the failed one must not have retried.
    LiveQuery other(client.get(), QJsonObject {{QStringLiteral("todos"), QJsonObject {}}});
    QSignalSpy otherInitial(&other, &LiveQuery::initialResult);
    other.open();
    QTRY_COMPARE(otherInitial.size(), 1);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(initial.size(), 0);
    QCOMPARE(live.state(), LiveQuery::State::Failed);
}

void TestLiveQuery::notAnEventStreamIsFinal()
{
    m_server->handler = [](const Request &, int) -> Response {
        return {"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
            true};
    };
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    live.setMaxRetryDelay(std::chrono::milliseconds(1));
    QSignalSpy failed(&live, &LiveQuery::failed);
    live.open();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<instant::Error>().kind, instant::Error::Kind::Protocol);
    QCOMPARE(live.state(), LiveQuery::State::Failed);
    QCOMPARE(m_server->requests.size(), 1);
}

void TestLiveQuery::silenceCountsAsDrop()
{
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    live.setKeepAlivePeriod(std::chrono::milliseconds(100));
    QSignalSpy initial(&live, &LiveQuery::initialResult);
    live.open();
    QTRY_COMPARE(initial.size(), 1);
    // The server stays silent (no keep-alives): after 2 × 100 ms the stream counts as dropped.
    QTRY_COMPARE(m_server->requests.size(), 2);
    QTRY_COMPARE(initial.size(), 2);
    QTRY_VERIFY(
        m_server->sockets.at(0).isNull() || m_server->sockets.at(0)->state() != QAbstractSocket::ConnectedState);
    QCOMPARE(m_server->requests.at(1).body, m_server->requests.at(0).body);
}

void TestLiveQuery::keepAlivesKeepTheStream()
{
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    live.setKeepAlivePeriod(std::chrono::milliseconds(100));
    QSignalSpy initial(&live, &LiveQuery::initialResult);
    live.open();
    QTRY_COMPARE(initial.size(), 1);

    // Keep-alives every 40 ms for well over two periods: no reconnect.
    int sent = 0;
    QTimer keepAlive;
    connect(&keepAlive, &QTimer::timeout, this, [&] {
        m_server->send(0, ":\n");
        ++sent;
    });
    keepAlive.start(40);
    QTRY_VERIFY_WITH_TIMEOUT(sent >= 15, 10000);
    keepAlive.stop();
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(live.generation(), 1);
    QCOMPARE(live.state(), LiveQuery::State::Live);
}

void TestLiveQuery::backoffGrowsAndIsCapped()
{
    // Every connection is accepted and dropped before a result: failures pile up.
    m_server->handler = [](const Request &, int) -> Response { return {streamHead() + "retry:20\n\n", true}; };
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    live.setMaxRetryDelay(std::chrono::milliseconds(80));
    QList<std::chrono::milliseconds> delays;
    connect(&live, &LiveQuery::stateChanged, this, [&](LiveQuery::State state) {
        if (state == LiveQuery::State::Reconnecting) {
            delays.append(live.reconnectDelay());
        }
    });
    live.open();
    QTRY_VERIFY(delays.size() >= 5);
    live.close();
    using ms = std::chrono::milliseconds;
    QCOMPARE(delays.mid(0, 5), (QList<ms> {ms(20), ms(40), ms(80), ms(80), ms(80)}));

    // A session that delivers its result resets the backoff.
    m_server->handler = defaultHandler;
    LiveQuery healthy(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QSignalSpy initial(&healthy, &LiveQuery::initialResult);
    healthy.open();
    QTRY_COMPARE(initial.size(), 1);
    const qsizetype index = m_server->requests.size() - 1;
    m_server->drop(index);
    QTRY_COMPARE(initial.size(), 2);
    QCOMPARE(healthy.reconnectDelay(), ms(500));
    m_server->drop(index + 1);
    QTRY_COMPARE(initial.size(), 3);
    QCOMPARE(healthy.reconnectDelay(), ms(500));
}

void TestLiveQuery::largeResultDecodedOffThread()
{
    // ~6 MB result: decoded on the thread pool, delivered in order after the session info.
    const QByteArray big = goalsResult(150000, "big-goal-");
    QVERIFY(big.size() > LiveQuery::kInlineDecodeLimit * 10);
    m_server->handler = [&](const Request &, int index) -> Response {
        return {streamHead() + "retry:500\n\n" + sseInit(index) + addQueryOk(big), false};
    };
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QList<QByteArray> order;
    connect(&live, &LiveQuery::sessionStarted, this, [&] { order.append("session"); });
    connect(&live, &LiveQuery::initialResult, this, [&](const LiveResult &result) {
        order.append("result");
        QCOMPARE(result.result.value(u"goals").size(), 150000);
        QCOMPARE(result.result.value(u"goals").at(149999).value(u"id").toString(), QStringLiteral("big-goal-149999"));
    });
    live.open();
    QTRY_COMPARE(order.size(), 2);
    QCOMPARE(order, (QList<QByteArray> {"session", "result"}));
}

void TestLiveQuery::closeAbortsAtOnce()
{
    auto client = makeClient();
    auto live = std::make_unique<LiveQuery>(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QSignalSpy initial(live.get(), &LiveQuery::initialResult);
    QSignalSpy refreshed(live.get(), &LiveQuery::refreshed);
    QSignalSpy states(live.get(), &LiveQuery::stateChanged);
    live->open();
    QTRY_COMPARE(initial.size(), 1);
    QCOMPARE(m_server->openStreams(), 1);

    live->close();
    QCOMPARE(live->state(), LiveQuery::State::Closed);
    QCOMPARE(states.last().at(0).value<LiveQuery::State>(), LiveQuery::State::Closed);
    QTRY_COMPARE(m_server->openStreams(), 0);
    QCOMPARE(m_server->requests.size(), 1);
    live->close(); // harmless twice
    live->open(); // and a closed query stays closed
    QCOMPARE(live->state(), LiveQuery::State::Closed);
    QCOMPARE(refreshed.size(), 0);

    // Destroying an open query aborts its stream as well.
    auto other = std::make_unique<LiveQuery>(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QSignalSpy otherInitial(other.get(), &LiveQuery::initialResult);
    other->open();
    QTRY_COMPARE(otherInitial.size(), 1);
    QCOMPARE(m_server->openStreams(), 1);
    other.reset();
    QTRY_COMPARE(m_server->openStreams(), 0);
}

void TestLiveQuery::closeWhileReconnecting()
{
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QSignalSpy initial(&live, &LiveQuery::initialResult);
    live.open();
    QTRY_COMPARE(initial.size(), 1);
    m_server->drop(0);
    QTRY_COMPARE(live.state(), LiveQuery::State::Reconnecting);
    live.close();
    QCOMPARE(live.state(), LiveQuery::State::Closed);

    // Long after the 500 ms retry delay: another query's whole session, and still no new request.
    LiveQuery other(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    other.setKeepAlivePeriod(std::chrono::milliseconds(300));
    QSignalSpy otherInitial(&other, &LiveQuery::initialResult);
    other.open();
    QTRY_COMPARE(otherInitial.size(), 1);
    QTRY_COMPARE(otherInitial.size(), 2); // silence makes `other` reconnect once, after 600 + 500 ms
    QCOMPARE(m_server->requests.size(), 3);
    QCOMPARE(initial.size(), 1);
}

void TestLiveQuery::closeAndDeleteFromSlot()
{
    // Events queued behind the first result must not be delivered once a slot has closed the query.
    m_server->handler = [](const Request &, int index) -> Response {
        return {streamHead() + "retry:500\n\n" + sseInit(index) + addQueryOk(goalsResult(1, "a"))
                + refreshOk(goalsResult(2, "b"), 30) + refreshOk(goalsResult(3, "c"), 31),
            false};
    };
    auto client = makeClient();
    auto *live = new LiveQuery(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QPointer<LiveQuery> guard(live);
    int initial = 0;
    int refreshes = 0;
    connect(live, &LiveQuery::refreshed, this, [&] { ++refreshes; });
    connect(live, &LiveQuery::initialResult, this, [&] {
        ++initial;
        live->close();
        live->deleteLater();
    });
    live->open();
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(initial, 1);
    QCOMPARE(refreshes, 0);
    QTRY_COMPARE(m_server->openStreams(), 0);
}

void TestLiveQuery::undecodableEventIsSkipped()
{
    m_server->handler = [](const Request &, int index) -> Response {
        return {streamHead() + "retry:500\n\n" + sseInit(index) + sseEvent("{\"op\":\"refresh-ok\",") + "bogus line\n"
                + addQueryOk(goalsResult(1, "a")),
            false};
    };
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    QSignalSpy initial(&live, &LiveQuery::initialResult);
    QSignalSpy refreshed(&live, &LiveQuery::refreshed);
    QSignalSpy failed(&live, &LiveQuery::failed);
    live.open();
    QTRY_COMPARE(initial.size(), 1);
    QCOMPARE(refreshed.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(live.state(), LiveQuery::State::Live);
    QCOMPARE(live.generation(), 1);
}

void TestLiveQuery::fallingBehindStartsAfresh()
{
    // The first connection sends refreshes faster than they are decoded (here: one is already more
    // than the backlog may hold). The backlog is dropped, the stream too, and the next connection
    // brings the current result; none of the stale refreshes is delivered.
    m_server->handler = [](const Request &, int index) -> Response {
        if (index > 0) {
            return {streamHead() + "retry:50\n\n" + sseInit(index) + addQueryOk(goalsResult(3, "now")), false};
        }
        QByteArray events = streamHead() + "retry:50\n\n" + sseInit(index) + addQueryOk(goalsResult(2, "g"));
        for (int tx = 0; tx < 20; ++tx) {
            events += refreshOk(goalsResult(40, "stale"), 100 + tx);
        }
        return {events, false};
    };
    auto client = makeClient();
    LiveQuery live(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    live.setMaxBacklog(1500);
    QSignalSpy sessions(&live, &LiveQuery::sessionStarted);
    QSignalSpy refreshed(&live, &LiveQuery::refreshed);
    QList<qsizetype> resultSizes;
    connect(&live, &LiveQuery::initialResult, this,
        [&](const LiveResult &result) { resultSizes.append(result.result.value(u"goals").size()); });
    live.open();
    QTRY_VERIFY(!resultSizes.isEmpty() && resultSizes.last() == 3);
    QCOMPARE(live.generation(), 2);
    QCOMPARE(sessions.last().at(0).value<LiveSession>().generation, 2);
    QCOMPARE(refreshed.size(), 0);
    QCOMPARE(live.state(), LiveQuery::State::Live);
}

void TestLiveQuery::manySubscriptionsDoNotStarveQueries()
{
    auto client = makeClient();
    std::vector<std::unique_ptr<LiveQuery>> queries;
    int results = 0;
    for (int i = 0; i < 20; ++i) {
        queries.push_back(
            std::make_unique<LiveQuery>(client.get(), QJsonObject {{QStringLiteral("goals"), QJsonObject {}}}));
        connect(queries.back().get(), &LiveQuery::initialResult, this, [&] { ++results; });
        queries.back()->open();
    }
    QTRY_COMPARE_WITH_TIMEOUT(results, 20, 20000);
    QCOMPARE(m_server->openStreams(), 20);

    // An ordinary query still gets a connection of its own right away.
    std::optional<instant::TreeResult> answer;
    auto *job = client->query(QJsonObject {{QStringLiteral("goals"), QJsonObject {}}});
    connect(job, &instant::QueryJob::finished, this, [&](const instant::TreeResult &result) { answer = result; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
    QVERIFY(answer->has_value());
    QCOMPARE((*answer)->root().value(u"goals").size(), 0);
    QCOMPARE(m_server->openStreams(), 20);

    for (auto &query : queries) {
        query->close();
    }
    QTRY_COMPARE(m_server->openStreams(), 0);
}

QTEST_GUILESS_MAIN(TestLiveQuery)
#include "tst_livequery.moc"
