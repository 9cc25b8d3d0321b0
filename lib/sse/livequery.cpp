#include "sse/livequery.h"

#include <algorithm>

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include "requestlog.h"
#include "sse/sse_debug.h"

namespace instant {

namespace {

constexpr auto kSubscribeRoute = "/admin/subscribe-query";
// Bodies of failed pre-stream responses are error JSON; anything longer is cut off.
constexpr qsizetype kMaxErrorBody = 1024 * 1024;
constexpr qint64 kLogProgressIntervalMs = 250;

QString toQString(const JsonNode &node)
{
    return node.isString() ? node.toString() : QString();
}

} // namespace

LiveQuery::LiveQuery(AdminClient *client, const QJsonObject &query, const QueryOptions &options,
    const Identity &identity, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_identity(identity)
{
    Q_ASSERT(client);
    auto prepared = client->prepareSubscribeQuery(query, options, identity);
    if (prepared) {
        // The same URL (with its local_connection_id) and body are reused for every reconnect, as the
        // SDK's EventSource does. Silence detection replaces Qt's transfer timeout.
        m_request = prepared->request;
        m_request->setTransferTimeout(0);
        m_body = prepared->body;
    } else {
        m_prepareError = prepared.error();
    }

    m_silenceTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_silenceTimer, &QTimer::timeout, this, &LiveQuery::onSilence);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LiveQuery::connectStream);
}

LiveQuery::~LiveQuery()
{
    abortReply();
    finishLogEntry(Error::make(Error::Kind::Cancelled, tr("The live query was closed.")));
}

void LiveQuery::setKeepAlivePeriod(std::chrono::milliseconds period)
{
    m_keepAlivePeriod = std::max(period, std::chrono::milliseconds(1));
    if (m_silenceTimer.isActive()) {
        m_silenceTimer.start(2 * m_keepAlivePeriod);
    }
}

void LiveQuery::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    m_nam = manager;
}

void LiveQuery::open()
{
    if (m_state != State::Idle) {
        return;
    }
    if (m_prepareError) {
        setState(State::Connecting);
        // Signals never fire from inside open(), so callers may connect after calling it.
        QTimer::singleShot(0, this, [this] {
            if (m_state == State::Connecting) {
                fail(*m_prepareError);
            }
        });
        return;
    }
    setState(State::Connecting);
    connectStream();
}

void LiveQuery::close()
{
    if (m_state == State::Closed) {
        return;
    }
    abortReply();
    finishLogEntry(Error::make(Error::Kind::Cancelled, tr("The live query was closed.")));
    m_silenceTimer.stop();
    m_reconnectTimer.stop();
    dropBacklog();
    qCInfo(lcSse) << "live query closed after" << m_generation << "connection(s)";
    setState(State::Closed);
}

void LiveQuery::connectStream()
{
    if (m_state == State::Closed || m_state == State::Failed) {
        return;
    }
    if (!m_nam) {
        if (!m_ownNam) {
            m_ownNam = new QNetworkAccessManager(this);
        }
        m_nam = m_ownNam;
    }
    ++m_generation;
    m_parser.reset();
    m_streamOpen = false;
    m_httpFailure = false;
    m_httpStatus = 0;
    m_errorBody.clear();
    m_bytesReceived = 0;
    m_bytesSent = m_body.size();
    m_progressClock.start();

    if (m_client && m_client->requestLog()) {
        m_logId = m_client->requestLog()->recordStarted(
            QByteArrayLiteral("POST"), QString::fromLatin1(kSubscribeRoute), *m_request, m_body, m_identity.logName());
    }
    qCInfo(lcSse) << "subscribe-query connection" << m_generation << "request id" << m_logId;
    m_reply = m_nam->post(*m_request, m_body);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &LiveQuery::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &LiveQuery::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &LiveQuery::onFinished);
    m_silenceTimer.start(2 * m_keepAlivePeriod);
}

void LiveQuery::setState(State state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
}

void LiveQuery::fail(const Error &error)
{
    abortReply();
    m_silenceTimer.stop();
    m_reconnectTimer.stop();
    dropBacklog();
    m_lastError = error;
    qCWarning(lcSse).noquote() << "live query failed:" << error.detail();
    setState(State::Failed);
    Q_EMIT failed(error);
}

void LiveQuery::scheduleReconnect(const QString &reason)
{
    abortReply();
    m_silenceTimer.stop();
    ++m_failedAttempts;
    // Server delay first, then doubling per failed attempt up to the cap; a session that delivered its
    // result resets the count.
    auto delay = std::max(m_retryDelay, kMinRetryDelay); // `retry:0` must not become a busy loop
    for (int i = 1; i < m_failedAttempts && delay < m_maxRetryDelay; ++i) {
        delay *= 2;
    }
    delay = std::min(delay, m_maxRetryDelay);
    m_reconnectDelay = delay;
    qCInfo(lcSse).noquote() << "stream lost (" << reason << "), reconnecting in" << delay.count() << "ms";
    setState(State::Reconnecting);
    m_reconnectTimer.start(delay);
}

void LiveQuery::onMetaDataChanged()
{
    if (!m_reply || m_streamOpen || m_httpFailure) {
        return;
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        return;
    }
    m_httpStatus = status;
    const QByteArray contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (status == 200 && contentType.trimmed().toLower().startsWith("text/event-stream")) {
        m_streamOpen = true;
        qCInfo(lcSse) << "stream open, connection" << m_generation;
        setState(State::Live);
        return;
    }
    m_httpFailure = true;
}

void LiveQuery::onReadyRead()
{
    if (!m_reply) {
        return;
    }
    onMetaDataChanged();
    const QByteArray chunk = m_reply->readAll();
    m_bytesReceived += chunk.size();
    m_silenceTimer.start(2 * m_keepAlivePeriod);
    if (m_logId && m_client && m_client->requestLog() && m_progressClock.elapsed() >= kLogProgressIntervalMs) {
        m_progressClock.restart();
        m_client->requestLog()->recordProgress(m_logId, m_bytesSent, m_bytesReceived);
    }

    if (m_httpFailure) {
        m_errorBody.append(chunk.left(kMaxErrorBody - m_errorBody.size()));
        return;
    }
    if (!m_streamOpen) {
        return;
    }

    m_messages.clear();
    m_parser.feed(chunk, m_messages);
    for (SseMessage &message : m_messages) {
        switch (message.kind) {
        case SseMessage::Kind::Retry:
            m_retryDelay = std::chrono::milliseconds(message.retryMs);
            break;
        case SseMessage::Kind::Comment:
            qCDebug(lcSse) << "keep-alive";
            break;
        case SseMessage::Kind::Ignored:
            qCDebug(lcSse) << "ignored line" << message.data.left(80);
            break;
        case SseMessage::Kind::Event:
            if (message.type == "message") {
                enqueueEvent(std::move(message.data));
            }
            break;
        }
        if (!m_reply) {
            break; // the stream was dropped with the backlog
        }
    }
    m_messages.clear();
    if (!m_reply) {
        return;
    }

    if (m_parser.pendingSize() > m_maxEventSize) {
        qCWarning(lcSse) << "event larger than" << m_maxEventSize << "bytes, dropping the stream";
        finishLogEntry(Error::make(Error::Kind::Protocol, tr("The server sent an event that is too large.")));
        scheduleReconnect(QStringLiteral("event too large"));
    }
}

void LiveQuery::onFinished()
{
    if (!m_reply) {
        return;
    }
    // Whatever arrived with the end of the response is still part of it.
    if (m_reply->bytesAvailable() > 0) {
        onReadyRead();
        if (!m_reply) {
            return;
        }
    }
    onMetaDataChanged();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    m_silenceTimer.stop();

    if (m_httpFailure) {
        Error error = m_httpStatus != 200
            ? Error::fromHttpReply(
                m_httpStatus, m_errorBody, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray())
            : Error::make(Error::Kind::Protocol, tr("The server did not answer with an event stream."));
        error.httpStatus = m_httpStatus;
        error.url = m_request->url().adjusted(QUrl::RemoveQuery);
        finishLogEntry(error);
        fail(error);
        return;
    }

    const QNetworkReply::NetworkError networkError = reply->error();
    if (!m_streamOpen && networkError == QNetworkReply::SslHandshakeFailedError) {
        Error error = Error::make(Error::Kind::Tls, reply->errorString());
        error.networkError = networkError;
        error.url = m_request->url().adjusted(QUrl::RemoveQuery);
        finishLogEntry(error);
        fail(error);
        return;
    }
    std::optional<Error> error;
    if (networkError != QNetworkReply::NoError && networkError != QNetworkReply::RemoteHostClosedError) {
        error = Error::make(Error::Kind::Network, reply->errorString());
        error->networkError = networkError;
    }
    finishLogEntry(error);
    scheduleReconnect(error ? reply->errorString() : QStringLiteral("end of stream"));
}

void LiveQuery::onSilence()
{
    qCInfo(lcSse) << "no data for" << (2 * m_keepAlivePeriod).count() << "ms";
    Error error = Error::make(Error::Kind::Timeout, tr("The live query stream went silent."));
    error.networkError = QNetworkReply::TimeoutError;
    finishLogEntry(error);
    scheduleReconnect(QStringLiteral("silence"));
}

void LiveQuery::finishLogEntry(const std::optional<Error> &error)
{
    if (m_logId && m_client && m_client->requestLog()) {
        m_client->requestLog()->recordFinished(m_logId, m_httpStatus, m_bytesSent, m_bytesReceived, error);
    }
    m_logId = 0;
}

void LiveQuery::abortReply()
{
    if (!m_reply) {
        return;
    }
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    // Disconnected first: abort() emits finished() synchronously, which must not look like a drop.
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void LiveQuery::dropBacklog()
{
    m_pending.clear();
    m_pendingBytes = 0;
}

void LiveQuery::enqueueEvent(QByteArray data)
{
    m_pendingBytes += data.size();
    m_pending.push_back(PendingEvent {std::move(data), m_generation});
    if (m_pendingBytes > m_maxBacklog) {
        qCWarning(lcSse) << "more than" << m_maxBacklog << "bytes of events wait for decoding; starting afresh";
        dropBacklog();
        finishLogEntry(
            Error::make(Error::Kind::Protocol, tr("Results arrived faster than the console could decode them.")));
        scheduleReconnect(QStringLiteral("falling behind"));
        return;
    }
    // Results are emitted from the event loop, never from inside the network reply's signals, so a
    // slot may close or even delete this object.
    if (!m_decodeScheduled) {
        m_decodeScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_decodeScheduled = false;
                decodeNext();
            },
            Qt::QueuedConnection);
    }
}

void LiveQuery::decodeNext()
{
    // Events are decoded strictly in order; small ones right here, large ones on the thread pool so the
    // GUI thread never waits on a big result.
    const QPointer<LiveQuery> self(this);
    while (self && !m_decoding && !m_pending.empty()) {
        PendingEvent event = std::move(m_pending.front());
        m_pending.pop_front();
        m_pendingBytes -= event.data.size();
        if (event.data.size() <= kInlineDecodeLimit) {
            handleDecoded(JsonTree::parse(std::move(event.data)), event.generation);
            continue;
        }
        m_decoding = true;
        const int generation = event.generation;
        decodeJsonAsync(
            std::move(event.data), this, [this, generation](std::expected<JsonTree, JsonParseError> decoded) {
                m_decoding = false;
                const QPointer<LiveQuery> self(this);
                handleDecoded(decoded, generation);
                if (self) {
                    decodeNext();
                }
            });
    }
}

void LiveQuery::handleDecoded(const std::expected<JsonTree, JsonParseError> &decoded, int generation)
{
    if (m_state == State::Closed || m_state == State::Failed) {
        return;
    }
    if (!decoded) {
        qCWarning(lcSse).noquote() << "undecodable event at byte" << decoded.error().offset << ":"
                                   << decoded.error().message;
        return;
    }
    const JsonNode root = decoded->root();
    if (root.isArray()) {
        // The batched form (an array of messages) that generic SSE sessions may use.
        const QPointer<LiveQuery> self(this);
        for (qsizetype i = 0, n = root.size(); i < n && self && m_state != State::Closed; ++i) {
            handleEvent(*decoded, root.at(i), generation);
        }
        return;
    }
    handleEvent(*decoded, root, generation);
}

void LiveQuery::handleEvent(const JsonTree &tree, const JsonNode &event, int generation)
{
    const QUtf8StringView op = event.value(u"op").stringView();
    if (op == u8"sse-init") {
        LiveSession session;
        session.machineId = toQString(event.value(u"machine-id"));
        session.sessionId = toQString(event.value(u"session-id"));
        session.generation = generation;
        m_session = session;
        qCInfo(lcSse) << "session" << session.sessionId << "connection" << generation;
        Q_EMIT sessionStarted(session);
        return;
    }
    if (op == u8"add-query-ok" || op == u8"refresh-ok") {
        const bool initial = op == u8"add-query-ok";
        JsonNode source = event;
        JsonNode result = event.value(u"result");
        if (!initial) {
            const JsonNode computations = event.value(u"computations");
            if (computations.size() == 0) {
                // Sent after attribute changes even when no query result changed (spec §5.3).
                qCDebug(lcSse) << "refresh-ok without computations ignored";
                return;
            }
            source = computations.at(0);
            result = source.value(u"instaql-result");
        }
        LiveResult live;
        live.tree = tree;
        live.result = result;
        const JsonNode meta = source.value(u"result-meta");
        live.pageInfo = meta.value(u"page-info");
        live.aggregate = meta.value(u"aggregate");
        live.processedTxId = event.value(u"processed-tx-id").toInt64(-1);
        live.generation = generation;
        if (initial) {
            m_failedAttempts = 0;
            Q_EMIT initialResult(live);
        } else {
            Q_EMIT refreshed(live);
        }
        return;
    }
    if (op == u8"error") {
        Error error;
        error.kind = Error::Kind::Http;
        error.httpStatus = int(event.value(u"status").toInt64(500));
        error.type = toQString(event.value(u"type"));
        error.message = toQString(event.value(u"message"));
        const JsonNode hint = event.value(u"hint");
        error.hint = hint.isValid() ? hint.toQJsonValue() : QJsonValue(QJsonValue::Null);
        error.traceId = toQString(event.value(u"trace-id"));
        error.url = m_request ? m_request->url().adjusted(QUrl::RemoveQuery) : QUrl();
        qCInfo(lcSse).noquote() << "query error:" << error.detail();
        Q_EMIT queryError(error);
        return;
    }
    qCDebug(lcSse) << "ignoring op" << op.toString();
}

} // namespace instant
