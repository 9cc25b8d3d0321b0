#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

#include "engine/store.h"

namespace sandbox {

/**
 * One open event stream: who it belongs to, the live queries it holds, and the frames waiting to be
 * written. Producers (the hub's worker, request threads) push frames; the HTTP thread that owns the
 * connection takes them in order and writes them.
 */
class SseSession {
public:
    struct LiveQuery {
        QJsonObject q;
        QByteArray key; // the compact JSON of q, for identity
        QString clientEventId;
        QJsonObject lastTree;
        QJsonObject lastMeta;
    };

    SseSession(const QUuid &appId, const Identity &identity, bool inference);

    QUuid id() const { return m_id; }
    QUuid appId() const { return m_appId; }
    const Identity &identity() const { return m_identity; }
    bool inference() const { return m_inference; }
    QUuid sseToken() const { return m_sseToken; }

    /** Queues one `data:` event (or any raw frame) for the stream. */
    void pushEvent(const QJsonObject &event);
    void pushRaw(const QByteArray &frame);

    /**
     * Waits until frames are queued, the session is closed or the deadline passes, then hands out
     * everything queued. An empty result with isClosed() false means the deadline passed.
     */
    QList<QByteArray> takeFrames(std::chrono::steady_clock::time_point deadline);
    void close();
    bool isClosed() const;

    // Live queries; only the hub's worker thread touches them.
    std::vector<LiveQuery> &queries() { return m_queries; }

    /**
     * The app's attributes as the session's first query saw them, and whether they have changed since:
     * from then on every transaction of the app sends a refresh-ok, with no computations when no result
     * changed, as the server does. Only the hub's worker thread touches it.
     */
    struct AttrsSeen {
        std::size_t fingerprint = 0; // of the attributes' compact JSON
        bool recorded = false;
        bool changed = false;
    };
    AttrsSeen &attrsSeen() { return m_attrsSeen; }

private:
    const QUuid m_id;
    const QUuid m_sseToken;
    const QUuid m_appId;
    const Identity m_identity;
    const bool m_inference;

    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<QByteArray> m_frames;
    bool m_closed = false;

    std::vector<LiveQuery> m_queries;
    AttrsSeen m_attrsSeen;
};

} // namespace sandbox
