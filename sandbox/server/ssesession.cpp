#include "ssesession.h"

#include "requestcontext.h"

namespace sandbox {

SseSession::SseSession(const QUuid &appId, const Identity &identity, bool inference)
    : m_id(QUuid::createUuid())
    , m_sseToken(QUuid::createUuid())
    , m_appId(appId)
    , m_identity(identity)
    , m_inference(inference)
{ }

void SseSession::pushEvent(const QJsonObject &event)
{
    // Undertow's framing: "data:" without a space, one line of compact JSON, a blank line.
    pushRaw(QByteArrayLiteral("data:") + RequestContext::encode(event) + QByteArrayLiteral("\n\n"));
}

void SseSession::pushRaw(const QByteArray &frame)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_closed) {
            return;
        }
        m_frames.push_back(frame);
    }
    m_ready.notify_all();
}

QList<QByteArray> SseSession::takeFrames(std::chrono::steady_clock::time_point deadline)
{
    std::unique_lock lock(m_mutex);
    m_ready.wait_until(lock, deadline, [this] { return m_closed || !m_frames.empty(); });
    QList<QByteArray> frames;
    frames.reserve(qsizetype(m_frames.size()));
    for (QByteArray &frame : m_frames) {
        frames.append(std::move(frame));
    }
    m_frames.clear();
    return frames;
}

void SseSession::close()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_ready.notify_all();
}

bool SseSession::isClosed() const
{
    const std::lock_guard lock(m_mutex);
    return m_closed;
}

} // namespace sandbox
