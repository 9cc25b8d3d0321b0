#pragma once

#include <QHash>
#include <QJsonObject>
#include <QUuid>

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "engine/store.h"

namespace sandbox {

class SseSession;

/**
 * All open event streams and their live queries. One worker thread runs every query of every
 * session, in order: initial results, and after each committed transaction (engine change listener)
 * the re-run of the app's queries, sending `refresh-ok` only for results that changed. Running it
 * all on one thread keeps a session's events ordered without per-query locking.
 */
class LiveQueryHub {
public:
    explicit LiveQueryHub(Store &store);
    ~LiveQueryHub();
    LiveQueryHub(const LiveQueryHub &) = delete;
    LiveQueryHub &operator=(const LiveQueryHub &) = delete;

    /** Registers a stream and queues `retry:500` and `sse-init`. */
    std::shared_ptr<SseSession> openSession(const QUuid &appId, const Identity &identity, bool inference);
    void closeSession(const QUuid &sessionId);
    std::shared_ptr<SseSession> session(const QUuid &sessionId) const;
    int sessionCount() const;
    QUuid machineId() const { return m_machineId; }

    /** Handles one session message (`add-query`, `remove-query`) on the worker. */
    void post(const std::shared_ptr<SseSession> &session, const QJsonObject &message);

    /** Closes every stream and stops the worker; the hub accepts nothing afterwards. */
    void shutdown();

private:
    void run();
    void enqueue(std::function<void()> task);
    void handleMessage(const std::shared_ptr<SseSession> &session, const QJsonObject &message);
    void addQuery(const std::shared_ptr<SseSession> &session, const QJsonObject &message);
    void refreshApp(const QUuid &appId, qint64 txId);
    void sendError(const std::shared_ptr<SseSession> &session, const ApiError &error, const QJsonObject &originalEvent,
        const QJsonValue &clientEventId);

    Store &m_store;
    const QUuid m_machineId;
    int m_listener = -1;

    mutable std::mutex m_sessionsMutex;
    std::map<QUuid, std::shared_ptr<SseSession>> m_sessions;
    bool m_sessionsClosed = false; // set by shutdown(), under m_sessionsMutex

    std::mutex m_tasksMutex;
    std::condition_variable m_tasksReady;
    std::deque<std::function<void()>> m_tasks;
    QHash<QUuid, qint64> m_dirtyApps; // app → newest tx id not yet refreshed
    QHash<QUuid, qint64> m_processedTx; // worker only
    bool m_stopping = false;
    std::thread m_worker;
};

} // namespace sandbox
