#pragma once

#include <vector>

#include <QByteArray>
#include <QByteArrayView>

namespace instant {

/** One thing the SSE parser found in the stream. */
struct SseMessage {
    enum class Kind {
        /** A dispatched event: data (lines joined with LF), type ("message" when no `event:` field), id. */
        Event,
        /** A valid `retry:` field; retryMs holds the new reconnection delay. */
        Retry,
        /** A comment line (starts with ':'); data holds the text after the colon. Keep-alives are these. */
        Comment,
        /** A line the spec says to ignore (unknown field, non-numeric retry, id with NUL); data holds it. */
        Ignored,
    };

    Kind kind = Kind::Event;
    QByteArray data;
    QByteArray type;
    QByteArray lastEventId;
    qint64 retryMs = -1;
};

/**
 * Incremental parser for the text/event-stream format (WHATWG HTML "Server-sent events", spec §5.2).
 *
 * feed() takes the bytes as they arrive, split anywhere (also between CR and LF, or inside a UTF-8
 * sequence), and returns what became complete. Lines end with LF, CR or CRLF; a blank line dispatches
 * the event being built; an event with no data is not dispatched. Work and copying are linear in the
 * input, so a single 50 MB event costs about one copy of it. Pure: no I/O, no Qt event loop.
 */
class SseParser {
public:
    SseParser() = default;

    /** Parses bytes; complete messages are appended to out (in stream order). */
    void feed(QByteArrayView bytes, std::vector<SseMessage> &out);
    std::vector<SseMessage> feed(QByteArrayView bytes);

    /**
     * Forgets everything of the stream so far, as for a new connection: a pending line or event is
     * dropped (an unterminated event at the end of a stream is never dispatched). The last event id
     * survives, as the spec keeps it across reconnections.
     */
    void reset();

    /** The last event id seen (the `id:` field), kept across events. */
    QByteArray lastEventId() const { return m_lastEventId; }
    /** Bytes of the current unfinished line and event, to bound memory from a misbehaving server. */
    qsizetype pendingSize() const { return m_line.size() + m_data.size(); }

private:
    void processLine(std::vector<SseMessage> &out);
    void dispatch(std::vector<SseMessage> &out);

    QByteArray m_line;
    QByteArray m_data;
    QByteArray m_eventType;
    QByteArray m_lastEventId;
    bool m_dataSeen = false;
    bool m_skipLeadingLf = false;
    bool m_atStreamStart = true;
};

} // namespace instant
