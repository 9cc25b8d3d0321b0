#pragma once

#include "adminclient.h"
#include "error.h"
#include "identity.h"
#include "sse/sseparser.h"
#include "json/jsontree.h"

#include <chrono>
#include <deque>
#include <optional>

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QMetaType>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace instant {

/** The server session behind a live query (`sse-init`); a reconnect starts a new one. */
struct LiveSession {
    QString machineId;
    QString sessionId;
    /** Counts connections of this LiveQuery: 1 for the first, +1 per reconnect. */
    int generation = 0;
};

/**
 * One result of a live query. The whole event is decoded into tree (off the GUI thread when large);
 * result, pageInfo and aggregate point into it, so nothing is copied.
 */
struct LiveResult {
    /** The decoded event (`add-query-ok` or `refresh-ok`). */
    JsonTree tree;
    /** The result tree of spec §6.3: `{ "<namespace>": [entity, …] }`. */
    JsonNode result;
    /** `result-meta.page-info` (an object, `{}` without pagination; invalid if absent). */
    JsonNode pageInfo;
    /** `result-meta.aggregate` (invalid if absent). */
    JsonNode aggregate;
    /** `processed-tx-id`, -1 if absent. */
    qint64 processedTxId = -1;
    /** Generation of the session that delivered it (see LiveSession). */
    int generation = 0;
};

/**
 * A subscription to one InstaQL query over POST /admin/subscribe-query (spec §4.3, §5).
 *
 * After open() it reports the session (sessionStarted), the full first result (initialResult) and a
 * full snapshot after every change (refreshed). A failing query arrives as queryError; the stream stays
 * open but the server drops the query. When the stream breaks, or stays silent for longer than two
 * keep-alive periods, it reconnects after the server's retry delay with capped exponential backoff,
 * re-POSTing the same request; the server then starts a new session and sends the full result again.
 * An HTTP error before the stream starts (non-200, or not text/event-stream) is final: failed() and
 * state Failed, no retry, as in the official SDK. close() aborts at once.
 *
 * Streams do not use the AdminClient's QNetworkAccessManager: that one opens at most six connections
 * per host, and long-lived streams would starve ordinary calls. By default each LiveQuery has its
 * own manager; setNetworkAccessManager() shares one (mind the same limit).
 *
 * Results are emitted from the event loop in stream order. As for any object that owns network
 * replies, delete it from one of its own slots only with deleteLater().
 */
class LiveQuery final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveQuery)
public:
    enum class State {
        /** Created, open() not called yet. */
        Idle,
        /** First request sent, stream not open yet. */
        Connecting,
        /** Stream open. */
        Live,
        /** Stream lost; waiting for the retry delay or for the new stream to open. */
        Reconnecting,
        /** close() was called. */
        Closed,
        /** Ended by an error that a retry cannot fix (HTTP error before the stream, TLS, configuration). */
        Failed,
    };
    Q_ENUM(State)

    static constexpr std::chrono::milliseconds kDefaultKeepAlivePeriod {15'000};
    /** The EventSource default until the server sends `retry:`. */
    static constexpr std::chrono::milliseconds kDefaultRetryDelay {3'000};
    static constexpr std::chrono::milliseconds kDefaultMaxRetryDelay {15'000};
    /** Lower bound of the reconnect delay whatever the server asks for. */
    static constexpr std::chrono::milliseconds kMinRetryDelay {10};
    /** Events larger than this drop the connection (protection against a runaway stream). */
    static constexpr qsizetype kDefaultMaxEventSize = qsizetype(1) << 30;
    static constexpr qsizetype kDefaultMaxBacklog = qsizetype(512) << 20;
    /** Events up to this size are decoded on the calling thread; larger ones on the thread pool. */
    static constexpr qsizetype kInlineDecodeLimit = 64 * 1024;

    /** Prepares the request with client's connection, as identity. The client must outlive open(). */
    LiveQuery(AdminClient *client, const QJsonObject &query, const QueryOptions &options = {},
        const Identity &identity = {}, QObject *parent = nullptr);
    ~LiveQuery() override;

    State state() const { return m_state; }
    /** The last session (empty before the first `sse-init`). */
    std::optional<LiveSession> session() const { return m_session; }
    /** Connections made so far (1 after open(), +1 per reconnect). */
    int generation() const { return m_generation; }
    /** The body POSTed on every (re)connect. */
    QByteArray requestBody() const { return m_body; }
    /** The last terminal error (state Failed). */
    std::optional<Error> lastError() const { return m_lastError; }

    /** Silence detection: a stream quiet for two periods counts as dropped. Default 15 s (server's keep-alive). */
    void setKeepAlivePeriod(std::chrono::milliseconds period);
    std::chrono::milliseconds keepAlivePeriod() const { return m_keepAlivePeriod; }
    /** Upper bound of the reconnect backoff. */
    void setMaxRetryDelay(std::chrono::milliseconds delay) { m_maxRetryDelay = delay; }
    /** The current base retry delay (server's `retry:` or the default). */
    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }
    /** Delay chosen for the latest reconnect (base delay with backoff applied); 0 before any. */
    std::chrono::milliseconds reconnectDelay() const { return m_reconnectDelay; }
    void setMaxEventSize(qsizetype bytes) { m_maxEventSize = bytes; }
    /**
     * Events received but not yet decoded are kept up to this many bytes (default 512 MiB). More means
     * the console is falling behind the server: the backlog is dropped and the subscription starts
     * afresh, which brings one current result instead of many stale ones.
     */
    void setMaxBacklog(qsizetype bytes) { m_maxBacklog = bytes; }

    /** Uses manager (not owned) for the stream instead of a private one. Call before open(). */
    void setNetworkAccessManager(QNetworkAccessManager *manager);

public Q_SLOTS:
    /** Sends the request. Does nothing unless Idle. */
    void open();
    /** Aborts the stream and any pending reconnect; no further signals but stateChanged(Closed). */
    void close();

Q_SIGNALS:
    void stateChanged(instant::LiveQuery::State state);
    void sessionStarted(const instant::LiveSession &session);
    /** The full result of a new session (`add-query-ok`), also after every reconnect. */
    void initialResult(const instant::LiveResult &result);
    /** A full new snapshot after a change (`refresh-ok`). */
    void refreshed(const instant::LiveResult &result);
    /** The server reported an `error` event: the query is dropped, the stream stays open. */
    void queryError(const instant::Error &error);
    /** Ended for good (state Failed). */
    void failed(const instant::Error &error);

private:
    struct PendingEvent {
        QByteArray data;
        int generation = 0;
    };

    void connectStream();
    void setState(State state);
    void fail(const Error &error);
    void scheduleReconnect(const QString &reason);
    void onMetaDataChanged();
    void onReadyRead();
    void onFinished();
    void onSilence();
    void finishLogEntry(const std::optional<Error> &error);
    void abortReply();
    void enqueueEvent(QByteArray data);
    void dropBacklog();
    void decodeNext();
    void handleDecoded(const std::expected<JsonTree, JsonParseError> &decoded, int generation);
    void handleEvent(const JsonTree &tree, const JsonNode &event, int generation);

    QPointer<AdminClient> m_client;
    QPointer<QNetworkAccessManager> m_nam;
    QNetworkAccessManager *m_ownNam = nullptr;
    Identity m_identity;
    std::optional<QNetworkRequest> m_request;
    QByteArray m_body;
    std::optional<Error> m_prepareError;
    std::optional<Error> m_lastError;

    QNetworkReply *m_reply = nullptr;
    SseParser m_parser;
    std::vector<SseMessage> m_messages;
    bool m_streamOpen = false;
    bool m_httpFailure = false;
    QByteArray m_errorBody;
    quint64 m_logId = 0;
    qint64 m_bytesReceived = 0;
    qint64 m_bytesSent = 0;
    int m_httpStatus = 0;
    QElapsedTimer m_progressClock;

    State m_state = State::Idle;
    std::optional<LiveSession> m_session;
    int m_generation = 0;
    int m_failedAttempts = 0;
    std::chrono::milliseconds m_keepAlivePeriod = kDefaultKeepAlivePeriod;
    std::chrono::milliseconds m_retryDelay = kDefaultRetryDelay;
    std::chrono::milliseconds m_maxRetryDelay = kDefaultMaxRetryDelay;
    std::chrono::milliseconds m_reconnectDelay {0};
    qsizetype m_maxEventSize = kDefaultMaxEventSize;
    QTimer m_silenceTimer;
    QTimer m_reconnectTimer;

    std::deque<PendingEvent> m_pending;
    qsizetype m_pendingBytes = 0;
    qsizetype m_maxBacklog = kDefaultMaxBacklog;
    bool m_decoding = false;
    bool m_decodeScheduled = false;
};

} // namespace instant

Q_DECLARE_METATYPE(instant::LiveSession)
Q_DECLARE_METATYPE(instant::LiveResult)
