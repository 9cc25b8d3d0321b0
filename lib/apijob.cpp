#include "apijob.h"

#include <memory>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMutex>
#include <QNetworkReply>
#include <QSslError>
#include <QThreadPool>
#include <QTimer>

#include "instant_debug.h"
#include "requestlog.h"

using namespace Qt::StringLiterals;

namespace instant {

namespace {

// The request log is a UI feed; progress updates more often than this only cost repaints.
constexpr qint64 kLogProgressIntervalMs = 200;
// Replies up to this size are parsed on the spot (well under a millisecond); bigger ones on the pool.
constexpr qsizetype kInlineParseLimit = 256 * 1024;

// Parsing off the job's thread: the worker may post to the receiver only while holding the lock, and
// the receiver clears itself under the same lock when it dies (with its job), so nothing is posted to
// a destroyed object; events already posted die with the receiver.
struct ParseDelivery {
    QMutex mutex;
    QObject *receiver = nullptr;
};

class ParseReceiver final : public QObject {
public:
    ParseReceiver(std::shared_ptr<ParseDelivery> delivery, QObject *parent)
        : QObject(parent)
        , m_delivery(std::move(delivery))
    {
        m_delivery->receiver = this;
    }
    ~ParseReceiver() override
    {
        QMutexLocker lock(&m_delivery->mutex);
        m_delivery->receiver = nullptr;
    }

private:
    std::shared_ptr<ParseDelivery> m_delivery;
};

using ParseDone = std::function<void(const QJsonDocument &, const QJsonParseError &)>;

void parseJsonAsync(const QByteArray &json, QObject *context, ParseDone done)
{
    auto delivery = std::make_shared<ParseDelivery>();
    new ParseReceiver(delivery, context);
    QThreadPool::globalInstance()->start([delivery, json, done = std::move(done)] {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QMutexLocker lock(&delivery->mutex);
        QObject *receiver = delivery->receiver;
        if (!receiver) {
            return;
        }
        QMetaObject::invokeMethod(
            receiver,
            [receiver, document, error, done] {
                receiver->deleteLater();
                done(document, error);
            },
            Qt::QueuedConnection);
    });
}

Error transportError(QNetworkReply::NetworkError code, const QString &qtMessage, bool cancelRequested)
{
    Error error;
    error.networkError = code;
    error.message = qtMessage;
    if (cancelRequested) {
        error.kind = Error::Kind::Cancelled;
        return error;
    }
    switch (code) {
    case QNetworkReply::OperationCanceledError:
        // Nobody called cancel(): QNetworkRequest's transfer timeout aborts the reply this way.
    case QNetworkReply::TimeoutError:
        error.kind = Error::Kind::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = Error::Kind::Tls;
        break;
    default:
        error.kind = Error::Kind::Network;
        break;
    }
    return error;
}

QUrl withoutQuery(QUrl url)
{
    url.setQuery(QString());
    return url;
}

} // namespace

Job::Job(const QString &route, QObject *parent)
    : QObject(parent)
    , m_route(route)
{
    m_clock.start();
}

Job::~Job()
{
    if (m_reply) {
        // Destroyed while running (e.g. with its client): stop the transfer without reporting. The reply
        // goes first because its upload machinery may still point at the device.
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
    delete m_ownedDevice;
}

void Job::attach(QNetworkReply *reply, RequestLog *log, quint64 requestId, qint64 maxReplySize, qint64 bytesToSend)
{
    m_bytesToSend = bytesToSend;
    m_reply = reply;
    m_log = log;
    m_requestId = requestId;
    m_maxReplySize = maxReplySize;
    reply->setParent(this);

    connect(reply, &QNetworkReply::finished, this, &Job::onReplyFinished);
    connect(reply, &QNetworkReply::downloadProgress, this, &Job::onDownloadProgress);
    connect(reply, &QNetworkReply::uploadProgress, this, &Job::onUploadProgress);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (m_maxReplySize > 0 && announced > m_maxReplySize) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Reported, never ignored: the handshake then fails with SslHandshakeFailedError.
        for (const QSslError &error : errors) {
            m_sslErrors.append(error.errorString());
        }
        qCWarning(lcInstantNet) << "request" << m_requestId << "TLS errors:" << m_sslErrors;
    });
}

void Job::adoptDevice(QIODevice *device)
{
    m_ownedDevice = device;
}

void Job::failLater(const Error &error)
{
    // The caller has not connected to finished() yet; report from the event loop.
    QTimer::singleShot(0, this, [this, error] {
        if (m_finished) {
            return;
        }
        m_replyDone = true;
        handleReply(std::unexpected(m_cancelRequested ? Error::make(Error::Kind::Cancelled, {}) : error));
    });
}

void Job::cancel()
{
    if (m_finished || m_cancelRequested) {
        return;
    }
    m_cancelRequested = true;
    qCDebug(lcInstantNet) << "request" << m_requestId << m_route << "cancelled";
    if (m_reply && !m_replyDone) {
        m_reply->abort();
    } else if (m_replyDone) {
        // The reply is complete and being decoded: finish now, the decoded result is dropped.
        Error error = Error::make(Error::Kind::Cancelled, {});
        error.url = m_reply ? withoutQuery(m_reply->url()) : QUrl();
        handleReply(std::unexpected(error));
    }
}

void Job::onDownloadProgress(qint64 received, qint64 total)
{
    m_bytesReceived = received;
    if (m_maxReplySize > 0 && received > m_maxReplySize && !m_tooLarge) {
        m_tooLarge = true;
        m_reply->abort();
        return;
    }
    Q_EMIT downloadProgress(received, total);
}

void Job::onUploadProgress(qint64 sent, qint64 total)
{
    // QNAM reports (0, 0) once the request is complete; progress never goes backwards for our callers.
    if (sent < m_bytesSent || (sent == 0 && total == 0)) {
        return;
    }
    m_bytesSent = sent;
    if (m_log && m_clock.elapsed() - m_lastLogUpdateMs >= kLogProgressIntervalMs) {
        m_lastLogUpdateMs = m_clock.elapsed();
        m_log->recordProgress(m_requestId, m_bytesSent, m_bytesReceived);
    }
    Q_EMIT uploadProgress(sent, total);
}

void Job::onReplyFinished()
{
    if (m_finished || m_replyDone) {
        return;
    }
    m_replyDone = true;
    QNetworkReply *reply = m_reply;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_responseContentType = reply->rawHeader("Content-Type");
    if (reply->isOpen()) {
        m_rawBody = reply->readAll();
    }
    m_bytesReceived = std::max(m_bytesReceived, qint64(m_rawBody.size()));
    const QNetworkReply::NetworkError code = reply->error();
    if (m_httpStatus != 0 && !m_cancelRequested) {
        // QNAM reports no upload progress for small bodies; a response means the body went out.
        m_bytesSent = std::max(m_bytesSent, m_bytesToSend);
    }

    // Order per house rules: transport error, then HTTP status, then size, then (subclass) parse.
    std::expected<QByteArray, Error> outcome = m_rawBody;
    if (m_cancelRequested) {
        outcome = std::unexpected(transportError(code, reply->errorString(), true));
    } else if (m_tooLarge) {
        outcome = std::unexpected(Error::make(Error::Kind::Protocol,
            QCoreApplication::translate("instant::Job", "The reply is larger than the limit of %1 bytes.")
                .arg(m_maxReplySize)));
        outcome.error().httpStatus = m_httpStatus;
    } else if (m_httpStatus == 0 && code != QNetworkReply::NoError) {
        outcome = std::unexpected(transportError(code, reply->errorString(), false));
        if (!m_sslErrors.isEmpty()) {
            outcome.error().kind = Error::Kind::Tls;
            outcome.error().sslErrors = m_sslErrors;
        }
    } else if (m_httpStatus != 200) {
        outcome = std::unexpected(Error::fromHttpReply(m_httpStatus, m_rawBody, m_responseContentType));
    } else if (code != QNetworkReply::NoError) {
        // 200 but the connection broke mid-body.
        outcome = std::unexpected(transportError(code, reply->errorString(), false));
        outcome.error().httpStatus = m_httpStatus;
    }
    if (!outcome) {
        // Qt's error strings can quote the full URL, whose query may carry a refresh token.
        const QString fullUrl = reply->url().toString();
        if (reply->url().hasQuery() && outcome.error().message.contains(fullUrl)) {
            outcome.error().message.replace(fullUrl, withoutQuery(reply->url()).toString());
        }
        outcome.error().url = withoutQuery(reply->url());
        if (outcome.error().kind != Error::Kind::Http && outcome.error().networkError == QNetworkReply::NoError) {
            outcome.error().networkError = code;
        }
    }

    const qint64 elapsed = m_clock.elapsed();
    if (outcome) {
        qCDebug(lcInstantNet) << "request" << m_requestId << m_route << "status" << m_httpStatus << "bytes"
                              << m_rawBody.size() << "ms" << elapsed;
    } else {
        qCInfo(lcInstantNet).noquote() << "request" << m_requestId << m_route << "failed after" << elapsed
                                       << "ms:" << outcome.error().detail();
    }
    if (m_log) {
        m_log->recordFinished(m_requestId, m_httpStatus, m_bytesSent, m_bytesReceived,
            outcome ? std::nullopt : std::optional<Error>(outcome.error()));
    }
    handleReply(std::move(outcome));
}

void Job::markFinished(const std::optional<Error> &lateError)
{
    m_finished = true;
    if (lateError && m_log) {
        m_log->recordFinished(m_requestId, m_httpStatus, m_bytesSent, m_bytesReceived, lateError);
    }
    deleteLater();
}

ApiJob::ApiJob(const QString &route, QObject *parent)
    : Job(route, parent)
{ }

ApiJob::~ApiJob() = default;

void ApiJob::handleReply(std::expected<QByteArray, Error> body)
{
    if (m_result) {
        return;
    }
    if (!body) {
        m_result = std::unexpected(body.error());
        markFinished(std::nullopt);
        Q_EMIT finished(*m_result);
        return;
    }
    if (body->size() > kInlineParseLimit) {
        parseJsonAsync(*body, this, [this](const QJsonDocument &document, const QJsonParseError &error) {
            if (!m_result) {
                finishParsed(document, error);
            }
        });
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*body, &error);
    finishParsed(document, error);
}

void ApiJob::finishParsed(const QJsonDocument &document, const QJsonParseError &parseError)
{
    std::optional<Error> lateError;
    if (parseError.error != QJsonParseError::NoError) {
        Error error = Error::make(Error::Kind::Protocol,
            QCoreApplication::translate("instant::Job", "Invalid JSON at byte %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
        error.httpStatus = httpStatus();
        lateError = error;
        m_result = std::unexpected(error);
    } else if (document.isArray()) {
        m_result = QJsonValue(document.array());
    } else {
        m_result = QJsonValue(document.object());
    }
    markFinished(lateError);
    Q_EMIT finished(*m_result);
}

QueryJob::QueryJob(const QString &route, QObject *parent)
    : Job(route, parent)
{ }

QueryJob::~QueryJob() = default;

void QueryJob::handleReply(std::expected<QByteArray, Error> body)
{
    if (m_result) {
        return;
    }
    if (!body) {
        m_result = std::unexpected(body.error());
        markFinished(std::nullopt);
        Q_EMIT finished(*m_result);
        return;
    }
    // Big results: decode on the thread pool; nothing is delivered if this job is gone by then.
    decodeJsonAsync(*body, this, [this](std::expected<JsonTree, JsonParseError> tree) {
        if (m_result) {
            return;
        }
        std::optional<Error> lateError;
        if (tree) {
            m_result = std::move(*tree);
        } else {
            Error error = Error::make(Error::Kind::Protocol,
                QCoreApplication::translate("instant::Job", "Invalid JSON at byte %1: %2")
                    .arg(tree.error().offset)
                    .arg(tree.error().message));
            error.httpStatus = httpStatus();
            lateError = error;
            m_result = std::unexpected(error);
        }
        markFinished(lateError);
        Q_EMIT finished(*m_result);
    });
}

} // namespace instant
