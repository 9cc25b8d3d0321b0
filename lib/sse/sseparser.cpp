#include "sse/sseparser.h"

#include <cstring>

#include "sse/sse_debug.h"

namespace instant {

Q_LOGGING_CATEGORY(lcSse, "instant.sse", QtWarningMsg)

namespace {

const char *findLineEnd(const char *begin, const char *end)
{
    // memchr is vectorised; two passes over a chunk are still far cheaper than a byte loop.
    const void *lf = std::memchr(begin, '\n', std::size_t(end - begin));
    const char *limit = lf ? static_cast<const char *>(lf) : end;
    const void *cr = std::memchr(begin, '\r', std::size_t(limit - begin));
    return cr ? static_cast<const char *>(cr) : limit;
}

bool isAsciiDigits(QByteArrayView value)
{
    if (value.isEmpty()) {
        return false;
    }
    for (const char c : value) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

} // namespace

std::vector<SseMessage> SseParser::feed(QByteArrayView bytes)
{
    std::vector<SseMessage> out;
    feed(bytes, out);
    return out;
}

void SseParser::feed(QByteArrayView bytes, std::vector<SseMessage> &out)
{
    const char *p = bytes.data();
    const char *end = p + bytes.size();

    // The stream may start with a UTF-8 byte order mark, which is not part of the first line. Its
    // three bytes can arrive in separate reads, so they are matched against what is buffered.
    if (m_atStreamStart && p != end) {
        static constexpr char bom[] = "\xEF\xBB\xBF";
        while (p != end && m_line.size() < 3 && *p == bom[m_line.size()]) {
            m_line.append(*p++);
        }
        if (m_line.size() == 3) {
            m_line.clear();
            m_atStreamStart = false;
        } else if (p != end) {
            m_atStreamStart = false; // not a BOM: the bytes taken so far belong to the first line
        } else {
            return;
        }
    }

    while (p != end) {
        // A CR ended the previous line; an LF right after it (maybe in this read) belongs to it.
        if (m_skipLeadingLf) {
            m_skipLeadingLf = false;
            if (*p == '\n') {
                ++p;
                continue;
            }
        }
        const char *eol = findLineEnd(p, end);
        m_line.append(p, eol - p);
        if (eol == end) {
            return;
        }
        m_skipLeadingLf = *eol == '\r';
        p = eol + 1;
        processLine(out);
        m_line.clear();
    }
}

void SseParser::processLine(std::vector<SseMessage> &out)
{
    if (m_line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (m_line.front() == ':') {
        SseMessage comment;
        comment.kind = SseMessage::Kind::Comment;
        comment.data = m_line.sliced(1);
        out.push_back(std::move(comment));
        return;
    }

    const qsizetype colon = m_line.indexOf(':');
    const QByteArrayView field = colon < 0 ? QByteArrayView(m_line) : QByteArrayView(m_line).first(colon);
    qsizetype valueStart = colon < 0 ? m_line.size() : colon + 1;
    if (valueStart < m_line.size() && m_line.at(valueStart) == ' ') {
        ++valueStart;
    }
    const QByteArrayView value = QByteArrayView(m_line).sliced(valueStart);

    if (field == "data") {
        // Lines after the first are joined with LF; the first is taken over whole, which for the one
        // line events Instant sends means a single copy of even a very large payload.
        if (!m_dataSeen) {
            m_dataSeen = true;
            m_data = std::move(m_line);
            m_data.remove(0, valueStart);
            m_line = QByteArray();
        } else {
            m_data.append('\n');
            m_data.append(value);
        }
        return;
    }
    if (field == "event") {
        m_eventType = value.toByteArray();
        return;
    }
    if (field == "id") {
        if (!value.contains('\0')) {
            m_lastEventId = value.toByteArray();
            return;
        }
    } else if (field == "retry") {
        if (isAsciiDigits(value)) {
            bool ok = false;
            const qint64 ms = value.toLongLong(&ok);
            if (ok) {
                SseMessage retry;
                retry.kind = SseMessage::Kind::Retry;
                retry.retryMs = ms;
                out.push_back(std::move(retry));
                return;
            }
        }
    }
    qCDebug(lcSse) << "ignoring line" << m_line.left(80);
    SseMessage ignored;
    ignored.kind = SseMessage::Kind::Ignored;
    ignored.data = m_line;
    out.push_back(std::move(ignored));
}

void SseParser::dispatch(std::vector<SseMessage> &out)
{
    if (!m_dataSeen) {
        m_eventType.clear();
        return;
    }
    SseMessage event;
    event.kind = SseMessage::Kind::Event;
    event.data = std::move(m_data);
    event.type = m_eventType.isEmpty() ? QByteArrayLiteral("message") : std::move(m_eventType);
    event.lastEventId = m_lastEventId;
    out.push_back(std::move(event));
    m_data = QByteArray();
    m_eventType = QByteArray();
    m_dataSeen = false;
}

void SseParser::reset()
{
    m_line = QByteArray();
    m_data = QByteArray();
    m_eventType = QByteArray();
    m_dataSeen = false;
    m_skipLeadingLf = false;
    m_atStreamStart = true;
}

} // namespace instant
