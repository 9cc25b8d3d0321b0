#include "livequeryhub.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

#include "requestcontext.h"
#include "sandbox_debug.h"
#include "ssesession.h"
#include "wire.h"

namespace sandbox {

namespace {

// Tells whether an app's attributes changed between two reads.
std::size_t attrsFingerprint(const QJsonArray &attrs)
{
    return qHash(QJsonDocument(attrs).toJson(QJsonDocument::Compact));
}

QString processedIsn(qint64 txId)
{
    // An opaque log position on the real server; clients must not interpret it.
    return QStringLiteral("0/%1").arg(txId, 8, 16, QLatin1Char('0')).toUpper();
}

QJsonObject resultMeta(const QueryResult &result)
{
    return QJsonObject {
        {QStringLiteral("page-info"), result.pageInfo}, {QStringLiteral("aggregate"), result.aggregate}};
}

int queryHash(const QByteArray &key)
{
    return int(qHash(key));
}

} // namespace

LiveQueryHub::LiveQueryHub(Store &store)
    : m_store(store)
    , m_machineId(QUuid::createUuid())
{
    m_worker = std::thread([this] { run(); });
    m_listener = m_store.addChangeListener([this](const QUuid &appId, qint64 txId) {
        // Coalesce: one pending refresh per app, re-run with the newest state.
        const std::lock_guard lock(m_tasksMutex);
        if (m_stopping) {
            return;
        }
        const bool pending = m_dirtyApps.contains(appId);
        m_dirtyApps.insert(appId, std::max(txId, m_dirtyApps.value(appId)));
        if (!pending) {
            m_tasks.push_back([this, appId] {
                qint64 tx = 0;
                {
                    const std::lock_guard lock(m_tasksMutex);
                    tx = m_dirtyApps.take(appId);
                }
                refreshApp(appId, tx);
            });
            m_tasksReady.notify_one();
        }
    });
}

LiveQueryHub::~LiveQueryHub()
{
    shutdown();
}

void LiveQueryHub::shutdown()
{
    if (m_listener >= 0) {
        m_store.removeChangeListener(m_listener);
        m_listener = -1;
    }
    {
        const std::lock_guard lock(m_tasksMutex);
        m_stopping = true;
        m_tasks.clear();
    }
    m_tasksReady.notify_all();
    if (m_worker.joinable()) {
        m_worker.join();
    }
    std::map<QUuid, std::shared_ptr<SseSession>> sessions;
    {
        const std::lock_guard lock(m_sessionsMutex);
        m_sessionsClosed = true;
        sessions.swap(m_sessions);
    }
    for (const auto &[id, session] : sessions) {
        session->close();
    }
}

void LiveQueryHub::run()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_tasksMutex);
            m_tasksReady.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            if (m_stopping) {
                return;
            }
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        try {
            task();
        } catch (const std::exception &e) {
            qCWarning(lcSandbox) << "live query task failed:" << e.what();
        }
    }
}

void LiveQueryHub::enqueue(std::function<void()> task)
{
    {
        const std::lock_guard lock(m_tasksMutex);
        if (m_stopping) {
            return;
        }
        m_tasks.push_back(std::move(task));
    }
    m_tasksReady.notify_one();
}

std::shared_ptr<SseSession> LiveQueryHub::openSession(const QUuid &appId, const Identity &identity, bool inference)
{
    auto session = std::make_shared<SseSession>(appId, identity, inference);
    session->pushRaw(QByteArrayLiteral("retry:500\n\n"));
    session->pushEvent(QJsonObject {
        {QStringLiteral("op"), QStringLiteral("sse-init")},
        {QStringLiteral("machine-id"), wire::uuidString(m_machineId)},
        {QStringLiteral("session-id"), wire::uuidString(session->id())},
        {QStringLiteral("sse-token"), wire::uuidString(session->sseToken())},
        {QStringLiteral("trace-id"), QJsonValue::Null},
    });
    {
        const std::lock_guard lock(m_sessionsMutex);
        if (m_sessionsClosed) {
            // A stream that arrives while the server stops (a client reconnecting at once, or a request already
            // read on a kept-alive connection) would hold its worker until the next keep-alive and beyond, and
            // the server joins every worker before it exits. It gets its first frames and ends.
            session->close();
            return session;
        }
        m_sessions.emplace(session->id(), session);
    }
    qCInfo(lcSandboxHttp) << "live session opened" << session->id().toString(QUuid::WithoutBraces);
    return session;
}

void LiveQueryHub::closeSession(const QUuid &sessionId)
{
    std::shared_ptr<SseSession> session;
    {
        const std::lock_guard lock(m_sessionsMutex);
        const auto it = m_sessions.find(sessionId);
        if (it == m_sessions.end()) {
            return;
        }
        session = it->second;
        m_sessions.erase(it);
    }
    session->close();
    qCInfo(lcSandboxHttp) << "live session closed" << sessionId.toString(QUuid::WithoutBraces);
}

std::shared_ptr<SseSession> LiveQueryHub::session(const QUuid &sessionId) const
{
    const std::lock_guard lock(m_sessionsMutex);
    const auto it = m_sessions.find(sessionId);
    return it == m_sessions.end() ? nullptr : it->second;
}

int LiveQueryHub::sessionCount() const
{
    const std::lock_guard lock(m_sessionsMutex);
    return int(m_sessions.size());
}

void LiveQueryHub::post(const std::shared_ptr<SseSession> &session, const QJsonObject &message)
{
    enqueue([this, session, message] { handleMessage(session, message); });
}

void LiveQueryHub::handleMessage(const std::shared_ptr<SseSession> &session, const QJsonObject &message)
{
    if (session->isClosed()) {
        return;
    }
    const QString op = message.value(QStringLiteral("op")).toString();
    if (op == QLatin1String("add-query")) {
        addQuery(session, message);
        return;
    }
    if (op == QLatin1String("remove-query")) {
        const QByteArray key = RequestContext::encode(message.value(QStringLiteral("q")));
        auto &queries = session->queries();
        std::erase_if(queries, [&](const SseSession::LiveQuery &query) { return query.key == key; });
        session->pushEvent(QJsonObject {
            {QStringLiteral("op"), QStringLiteral("remove-query-ok")},
            {QStringLiteral("q"), message.value(QStringLiteral("q"))},
            {QStringLiteral("client-event-id"), message.value(QStringLiteral("client-event-id"))},
            {QStringLiteral("trace-id"), QJsonValue::Null},
        });
        return;
    }
    // Rooms, streams and transactions over a session are not part of the sandbox.
    ApiError error;
    error.status = 500;
    error.type = QString();
    error.message = QStringLiteral("Yikes, something broke on our end! Sorry about that.");
    QJsonObject original = message;
    original.insert(QStringLiteral("session-id"), wire::uuidString(session->id()));
    sendError(session, error, original, message.value(QStringLiteral("client-event-id")));
}

void LiveQueryHub::addQuery(const std::shared_ptr<SseSession> &session, const QJsonObject &message)
{
    const QJsonValue q = message.value(QStringLiteral("q"));
    const QJsonValue clientEventId = message.contains(QStringLiteral("client-event-id"))
        ? message.value(QStringLiteral("client-event-id"))
        : QJsonValue(wire::uuidString(QUuid::createUuid()));
    QJsonObject original {
        {QStringLiteral("op"), QStringLiteral("add-query")},
        {QStringLiteral("session-id"), wire::uuidString(session->id())},
        {QStringLiteral("client-event-id"), clientEventId},
        {QStringLiteral("q"), q},
        {QStringLiteral("return-type"), message.value(QStringLiteral("return-type")).toString(QStringLiteral("tree"))},
        {QStringLiteral("trace-id"), QJsonValue::Null},
    };
    const QByteArray key = RequestContext::encode(q);
    auto &queries = session->queries();
    for (const auto &query : queries) {
        if (query.key == key) {
            session->pushEvent(QJsonObject {{QStringLiteral("op"), QStringLiteral("add-query-exists")},
                {QStringLiteral("q"), q}, {QStringLiteral("client-event-id"), clientEventId},
                {QStringLiteral("trace-id"), QJsonValue::Null}});
            return;
        }
    }
    if (!q.isObject()) {
        sendError(session,
            ApiError::validationFailed(QStringLiteral("add-query"), QJsonObject {{QStringLiteral("q"), q}},
                QJsonArray {QJsonObject {{QStringLiteral("message"), QStringLiteral("Query can not be null.")}}}),
            original, clientEventId);
        return;
    }

    // Read before the query runs, so the result includes at least this transaction. The store knows the
    // newest one across restarts; the hub only knows those committed since it started.
    const qint64 tx = std::max(m_processedTx.value(session->appId()), m_store.latestTxId(session->appId()));
    const auto result
        = m_store.query(session->appId(), q.toObject(), QueryOptions {session->inference(), session->identity()});
    if (!result) {
        sendError(session, result.error(), original, clientEventId);
        return;
    }
    const QJsonObject meta = resultMeta(*result);
    queries.push_back(SseSession::LiveQuery {q.toObject(), key, clientEventId.toString(), result->tree, meta});
    if (SseSession::AttrsSeen &seen = session->attrsSeen(); !seen.recorded) {
        seen.fingerprint = attrsFingerprint(m_store.attrs(session->appId()));
        seen.recorded = true;
    }
    session->pushEvent(QJsonObject {
        {QStringLiteral("op"), QStringLiteral("add-query-ok")},
        {QStringLiteral("q"), q},
        {QStringLiteral("result"), result->tree},
        {QStringLiteral("result-meta"), meta},
        {QStringLiteral("processed-tx-id"), double(tx)},
        {QStringLiteral("processed-isn"), processedIsn(tx)},
        {QStringLiteral("client-event-id"), clientEventId},
        {QStringLiteral("trace-id"), QJsonValue::Null},
    });
}

void LiveQueryHub::refreshApp(const QUuid &appId, qint64 txId)
{
    m_processedTx.insert(appId, std::max(txId, m_processedTx.value(appId)));
    std::vector<std::shared_ptr<SseSession>> sessions;
    {
        const std::lock_guard lock(m_sessionsMutex);
        for (const auto &[id, session] : m_sessions) {
            if (session->appId() == appId && !session->queries().empty()) {
                sessions.push_back(session);
            }
        }
    }
    if (sessions.empty()) {
        return;
    }

    // Read once per transaction; every session's event carries them.
    const QJsonArray attrs = m_store.attrs(appId);
    const std::size_t fingerprint = attrsFingerprint(attrs);
    for (const auto &session : sessions) {
        QJsonArray computations;
        auto &queries = session->queries();
        for (auto it = queries.begin(); it != queries.end();) {
            QElapsedTimer timer;
            timer.start();
            const auto result = m_store.query(appId, it->q, QueryOptions {session->inference(), session->identity()});
            if (!result) {
                // A query that starts failing is dropped, as the server drops it.
                const QJsonObject original {{QStringLiteral("op"), QStringLiteral("refresh")},
                    {QStringLiteral("session-id"), wire::uuidString(session->id())},
                    {QStringLiteral("trace-id"), QJsonValue::Null}};
                sendError(session, result.error(), original, it->clientEventId);
                it = queries.erase(it);
                continue;
            }
            const QJsonObject meta = resultMeta(*result);
            if (result->tree != it->lastTree || meta != it->lastMeta) {
                it->lastTree = result->tree;
                it->lastMeta = meta;
                computations.append(QJsonObject {
                    {QStringLiteral("instaql-query"), it->q},
                    {QStringLiteral("instaql-query-hash"), queryHash(it->key)},
                    {QStringLiteral("instaql-result"), result->tree},
                    {QStringLiteral("result-meta"), meta},
                    {QStringLiteral("result-changed?"), true},
                    {QStringLiteral("duration-ms"), double(timer.elapsed())},
                    {QStringLiteral("instaql-topic?"), true},
                });
            }
            ++it;
        }
        SseSession::AttrsSeen &seen = session->attrsSeen();
        seen.changed = seen.changed || (seen.recorded && fingerprint != seen.fingerprint);
        if (computations.isEmpty() && !seen.changed) {
            continue;
        }
        session->pushEvent(QJsonObject {
            {QStringLiteral("op"), QStringLiteral("refresh-ok")},
            {QStringLiteral("processed-tx-id"), double(txId)},
            {QStringLiteral("processed-isn"), processedIsn(txId)},
            {QStringLiteral("computations"), computations},
            {QStringLiteral("attrs"), attrs},
            {QStringLiteral("trace-id"), QJsonValue::Null},
        });
    }
}

void LiveQueryHub::sendError(const std::shared_ptr<SseSession> &session, const ApiError &error,
    const QJsonObject &originalEvent, const QJsonValue &clientEventId)
{
    static const QStringList clientTypes {QStringLiteral("record-not-found"), QStringLiteral("record-expired"),
        QStringLiteral("record-not-unique"), QStringLiteral("record-foreign-key-invalid"),
        QStringLiteral("record-check-violation"), QStringLiteral("sql-raise"), QStringLiteral("permission-denied"),
        QStringLiteral("permission-evaluation-failed"), QStringLiteral("app-read-only"), QStringLiteral("app-disabled"),
        QStringLiteral("rate-limited"), QStringLiteral("param-missing"), QStringLiteral("param-malformed"),
        QStringLiteral("validation-failed")};
    session->pushEvent(QJsonObject {
        {QStringLiteral("op"), QStringLiteral("error")},
        {QStringLiteral("status"), clientTypes.contains(error.type) ? 400 : 500},
        {QStringLiteral("client-event-id"), clientEventId},
        {QStringLiteral("original-event"), originalEvent},
        {QStringLiteral("type"), error.type.isEmpty() ? QJsonValue() : QJsonValue(error.type)},
        {QStringLiteral("message"), error.message},
        {QStringLiteral("hint"), error.hint},
        {QStringLiteral("trace-id"), QJsonValue::Null},
    });
}

} // namespace sandbox
