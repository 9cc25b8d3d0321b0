#include "requestlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QUrlQuery>

#include "sdkjson.h"

using namespace Qt::StringLiterals;

namespace instant {

namespace {

const QByteArray kRedactedBytes = QByteArrayLiteral("<redacted>");

bool isSecretHeader(const QByteArray &name)
{
    return name.compare("authorization", Qt::CaseInsensitive) == 0
        || name.compare("as-token", Qt::CaseInsensitive) == 0;
}

bool isSecretQueryItem(const QString &name)
{
    return name == u"refresh_token"_s || name == u"refresh-token"_s || name == u"token"_s;
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace

RequestLog::RequestLog(qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max<qsizetype>(1, capacity))
{ }

RequestLog::~RequestLog() = default;

void RequestLog::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(1, capacity);
    trimTo(m_capacity);
}

const RequestLogEntry &RequestLog::at(qsizetype row) const
{
    Q_ASSERT(row >= 0 && row < size());
    return m_entries[std::size_t(row)];
}

qsizetype RequestLog::rowOf(quint64 id) const
{
    // Ids are consecutive, so the row follows from the oldest id kept.
    if (m_entries.empty() || id < m_entries.front().id) {
        return -1;
    }
    const quint64 row = id - m_entries.front().id;
    return row < m_entries.size() ? qsizetype(row) : -1;
}

std::optional<RequestLogEntry> RequestLog::find(quint64 id) const
{
    const qsizetype row = rowOf(id);
    if (row < 0) {
        return std::nullopt;
    }
    return at(row);
}

QList<RequestLogEntry> RequestLog::entries() const
{
    return QList<RequestLogEntry>(m_entries.begin(), m_entries.end());
}

void RequestLog::clear()
{
    Q_EMIT aboutToBeCleared();
    m_entries.clear();
    m_secrets.clear();
    Q_EMIT cleared();
}

void RequestLog::setKeepSecrets(bool keep)
{
    m_keepSecrets = keep;
    if (!keep) {
        m_secrets.clear();
    }
}

void RequestLog::trimTo(qsizetype capacity)
{
    const qsizetype excess = size() - capacity;
    if (excess <= 0) {
        return;
    }
    Q_EMIT oldestEntriesAboutToBeRemoved(excess);
    for (qsizetype i = 0; i < excess; ++i) {
        m_secrets.remove(m_entries.front().id);
        m_entries.pop_front();
    }
    Q_EMIT oldestEntriesRemoved(excess);
}

RequestLogEntry *RequestLog::entryById(quint64 id)
{
    const qsizetype row = rowOf(id);
    return row < 0 ? nullptr : &m_entries[std::size_t(row)];
}

quint64 RequestLog::recordStarted(const QByteArray &method, const QString &route, const QNetworkRequest &request,
    const QByteArray &body, const QString &identity, const QString &uploadFilePath)
{
    HeaderList headers;
    for (const QByteArray &name : request.rawHeaderList()) {
        headers.append({name, request.rawHeader(name)});
    }

    RequestLogEntry entry;
    entry.id = m_nextId++;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.method = method;
    entry.route = route;
    entry.url = redactUrl(request.url());
    entry.identity = identity;
    entry.requestHeaders = redactHeaders(headers);
    entry.uploadFilePath = uploadFilePath;
    const bool truncated = body.size() > kMaxStoredBody;
    const QByteArray keptBody = truncated ? QByteArray() : body;
    entry.requestBody = redactBody(keptBody);
    entry.requestBodyTruncated = truncated;

    if (m_keepSecrets) {
        m_secrets.insert(entry.id, Secret {request.url(), headers, keptBody});
    }

    trimTo(m_capacity - 1);
    const qsizetype row = size();
    Q_EMIT entryAboutToBeAppended(row);
    m_entries.push_back(std::move(entry));
    Q_EMIT entryAppended(row);
    return m_entries.back().id;
}

void RequestLog::recordProgress(quint64 id, qint64 bytesSent, qint64 bytesReceived)
{
    RequestLogEntry *entry = entryById(id);
    if (!entry) {
        return;
    }
    entry->bytesSent = bytesSent;
    entry->bytesReceived = bytesReceived;
    entry->durationMs = entry->startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    Q_EMIT entryChanged(rowOf(id));
}

void RequestLog::recordFinished(
    quint64 id, int status, qint64 bytesSent, qint64 bytesReceived, const std::optional<Error> &error)
{
    RequestLogEntry *entry = entryById(id);
    if (!entry) {
        return;
    }
    if (!entry->finished) {
        entry->durationMs = entry->startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    }
    entry->finished = true;
    entry->status = status;
    entry->bytesSent = bytesSent;
    entry->bytesReceived = bytesReceived;
    entry->error = error;
    if (entry->error) {
        // The hint may carry tokens; the log only ever holds the redacted form.
        entry->error->hint = entry->error->redactedHint();
    }
    Q_EMIT entryChanged(rowOf(id));
}

HeaderList RequestLog::redactHeaders(const HeaderList &headers)
{
    HeaderList result;
    result.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        if (!isSecretHeader(name)) {
            result.append({name, value});
        } else if (value.startsWith("Bearer ")) {
            result.append({name, QByteArrayLiteral("Bearer ") + kRedactedBytes});
        } else {
            result.append({name, kRedactedBytes});
        }
    }
    return result;
}

QUrl RequestLog::redactUrl(const QUrl &url)
{
    if (!url.hasQuery()) {
        return url;
    }
    const QUrlQuery query(url);
    QUrlQuery redacted;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyEncoded)) {
        redacted.addQueryItem(name, isSecretQueryItem(name) ? u"%3Credacted%3E"_s : value);
    }
    QUrl result = url;
    result.setQuery(redacted.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return result;
}

QByteArray RequestLog::redactBody(const QByteArray &body)
{
    // Only bodies that can hold a secret member are re-encoded; the others stay byte-exact.
    if (!body.contains("token") && !body.contains("\"code\"") && !body.contains("authorization")) {
        return body;
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        return body;
    }
    return toSdkJson(Error::redact(document.object()));
}

QString RequestLog::toCurl(const RequestLogEntry &entry, bool includeSecrets) const
{
    QUrl url = entry.url;
    HeaderList headers = entry.requestHeaders;
    QByteArray body = entry.requestBody;
    if (includeSecrets) {
        const auto it = m_secrets.constFind(entry.id);
        if (it != m_secrets.constEnd()) {
            url = it->url;
            headers = it->headers;
            body = it->body;
        }
    }

    QStringList parts {u"curl"_s};
    if (entry.method != "GET") {
        parts << u"-X"_s << QString::fromLatin1(entry.method);
    }
    parts << shellQuote(url.toString(QUrl::FullyEncoded));
    for (const auto &[name, value] : headers) {
        // curl computes Content-Length itself; a stale one would break the replay.
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            continue;
        }
        parts << u"-H"_s << shellQuote(QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value));
    }
    QString prefix;
    if (!entry.uploadFilePath.isEmpty()) {
        parts << u"--data-binary"_s << u'@' + shellQuote(entry.uploadFilePath);
    } else if (entry.requestBodyTruncated) {
        prefix = u"# The request body was too large to keep; save it as body.json.\n"_s;
        parts << u"--data-binary"_s << u"@body.json"_s;
    } else if (!body.isEmpty()) {
        parts << u"--data-binary"_s << shellQuote(QString::fromUtf8(body));
    }
    return prefix + parts.join(u' ');
}

} // namespace instant
