#pragma once

#include <deque>
#include <optional>
#include <utility>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include "error.h"

class QNetworkRequest;

namespace instant {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

/** One call as the request log keeps it; secrets are already redacted in every field. */
struct RequestLogEntry {
    /** Monotonic, unique within one RequestLog. */
    quint64 id = 0;
    QDateTime startedAt;
    QByteArray method;
    /** Route path, e.g. "/admin/query". */
    QString route;
    /** Full URL; secret query items (refresh_token) redacted. */
    QUrl url;
    /** Who the call ran as (Identity::logName()). */
    QString identity;
    /** Request headers as sent; `authorization` and `as-token` values redacted. */
    HeaderList requestHeaders;
    /** Request body (JSON bodies with secret members redacted); empty for streamed uploads. */
    QByteArray requestBody;
    /** Local file an upload streams from, if known (for curl's --data-binary @file). */
    QString uploadFilePath;
    bool requestBodyTruncated = false;
    bool finished = false;
    /** HTTP status, 0 while running or when no response arrived. */
    int status = 0;
    qint64 durationMs = 0;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    /** Set when the call failed (detail() is redacted). */
    std::optional<Error> error;
};

/**
 * A bounded ring buffer of the calls made by one or more clients, for a "network" panel.
 *
 * Entries are redacted. The unredacted headers, URL and body needed for toCurl(entry, true) are kept
 * apart, in memory only, for as long as the entry stays in the buffer, and only while keepSecrets()
 * is on. Rows: 0 is the oldest entry still kept.
 */
class RequestLog final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLog)
public:
    static constexpr qsizetype kDefaultCapacity = 1000;
    /** Request bodies above this size are stored truncated. */
    static constexpr qsizetype kMaxStoredBody = 256 * 1024;

    explicit RequestLog(qsizetype capacity = kDefaultCapacity, QObject *parent = nullptr);
    ~RequestLog() override;

    qsizetype capacity() const { return m_capacity; }
    void setCapacity(qsizetype capacity);
    qsizetype size() const { return qsizetype(m_entries.size()); }
    /** Entry at row (0 = oldest); row must be valid. */
    const RequestLogEntry &at(qsizetype row) const;
    /** Row of the entry with id, or -1 if it was dropped or never existed. */
    qsizetype rowOf(quint64 id) const;
    std::optional<RequestLogEntry> find(quint64 id) const;
    QList<RequestLogEntry> entries() const;
    void clear();

    /** Whether unredacted copies are kept for toCurl(…, true). Default on; turning it off wipes them. */
    bool keepSecrets() const { return m_keepSecrets; }
    void setKeepSecrets(bool keep);

    /** Records a request about to be sent; returns its id. Used by AdminClient and LiveQuery. */
    quint64 recordStarted(const QByteArray &method, const QString &route, const QNetworkRequest &request,
        const QByteArray &body, const QString &identity, const QString &uploadFilePath = {});
    /** Updates transfer counters of a running entry (cheap; emits entryChanged). */
    void recordProgress(quint64 id, qint64 bytesSent, qint64 bytesReceived);
    /** Completes an entry; error is empty on success. */
    void recordFinished(quint64 id, int status, qint64 bytesSent, qint64 bytesReceived,
        const std::optional<Error> &error = std::nullopt);

    /**
     * The entry as a runnable curl command line (POSIX shell quoting). Redacted ("<redacted>") unless
     * includeSecrets is true and the secrets are still kept.
     */
    QString toCurl(const RequestLogEntry &entry, bool includeSecrets = false) const;

    /** Replaces secret header values, query items and JSON body members by "<redacted>". */
    static HeaderList redactHeaders(const HeaderList &headers);
    static QUrl redactUrl(const QUrl &url);
    static QByteArray redactBody(const QByteArray &body);

Q_SIGNALS:
    void entryAboutToBeAppended(qsizetype row);
    void entryAppended(qsizetype row);
    void entryChanged(qsizetype row);
    /** The count oldest entries (rows 0 … count-1) are about to go. */
    void oldestEntriesAboutToBeRemoved(qsizetype count);
    void oldestEntriesRemoved(qsizetype count);
    void aboutToBeCleared();
    void cleared();

private:
    struct Secret {
        QUrl url;
        HeaderList headers;
        QByteArray body;
    };

    void trimTo(qsizetype capacity);
    RequestLogEntry *entryById(quint64 id);

    qsizetype m_capacity;
    bool m_keepSecrets = true;
    quint64 m_nextId = 1;
    std::deque<RequestLogEntry> m_entries;
    QHash<quint64, Secret> m_secrets;
};

} // namespace instant
