#pragma once

#include <expected>
#include <optional>

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "error.h"
#include "json/jsontree.h"

class QIODevice;
class QJsonDocument;
class QNetworkReply;
struct QJsonParseError;

namespace instant {

class RequestLog;

/** Result of a call whose reply is small: the decoded JSON (QJsonDocument, on the calling thread). */
using JsonResult = std::expected<QJsonValue, Error>;
/** Result of a call whose reply may be big: a JsonTree decoded on a worker thread. */
using TreeResult = std::expected<JsonTree, Error>;

/**
 * What every call returns: a handle that owns the network reply, reports progress, can be cancelled
 * and emits its subclass's finished() exactly once (also for failures detected before sending, then
 * from the event loop, never from inside the call). It deletes itself (deleteLater) right after
 * finished(); connect with a context object and do not keep the pointer past finished().
 *
 * Destroying a running job (e.g. with its AdminClient) aborts the reply without emitting finished().
 */
class Job : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)
public:
    ~Job() override;

    /** Route path, e.g. "/admin/query". */
    QString route() const { return m_route; }
    /** Id of this call in the client's RequestLog (0 if there is no log). */
    quint64 requestId() const { return m_requestId; }
    bool isFinished() const { return m_finished; }
    /** HTTP status once the response headers arrived, else 0. */
    int httpStatus() const { return m_httpStatus; }
    /** The reply body exactly as received (shared, no copy); empty until finished. */
    QByteArray rawBody() const { return m_rawBody; }
    /** Content-Type of the response. */
    QByteArray responseContentType() const { return m_responseContentType; }

public Q_SLOTS:
    /** Aborts the call; finished() follows with Error::Kind::Cancelled unless it already came. */
    void cancel();

Q_SIGNALS:
    void uploadProgress(qint64 bytesSent, qint64 bytesTotal);
    void downloadProgress(qint64 bytesReceived, qint64 bytesTotal);

protected:
    Job(const QString &route, QObject *parent);

    /** Called once with the 200 body or the transport/HTTP error; must end with emitFinished(). */
    virtual void handleReply(std::expected<QByteArray, Error> body) = 0;
    /** Marks the job finished, updates the log with a late (decode) error, schedules deletion. */
    void markFinished(const std::optional<Error> &lateError);

private:
    friend class AdminClient;
    void attach(QNetworkReply *reply, RequestLog *log, quint64 requestId, qint64 maxReplySize, qint64 bytesToSend);
    void adoptDevice(QIODevice *device);
    void failLater(const Error &error);
    void onReplyFinished();
    void onDownloadProgress(qint64 received, qint64 total);
    void onUploadProgress(qint64 sent, qint64 total);

    QString m_route;
    QPointer<QNetworkReply> m_reply;
    QPointer<RequestLog> m_log;
    QIODevice *m_ownedDevice = nullptr;
    quint64 m_requestId = 0;
    qint64 m_maxReplySize = 0;
    qint64 m_bytesSent = 0;
    qint64 m_bytesToSend = 0;
    qint64 m_bytesReceived = 0;
    int m_httpStatus = 0;
    bool m_finished = false;
    bool m_cancelRequested = false;
    bool m_tooLarge = false;
    bool m_replyDone = false;
    qint64 m_lastLogUpdateMs = 0;
    QByteArray m_rawBody;
    QByteArray m_responseContentType;
    QStringList m_sslErrors;
    QElapsedTimer m_clock;
};

/**
 * A call with a JSON reply of modest size (everything but query and query_perms_check), decoded into
 * QJsonValue: on the spot up to 256 KiB, on the thread pool above.
 */
class ApiJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiJob)
public:
    explicit ApiJob(const QString &route, QObject *parent = nullptr);
    ~ApiJob() override;

    /** The result once finished (an empty optional before). */
    std::optional<JsonResult> result() const { return m_result; }

Q_SIGNALS:
    void finished(const instant::JsonResult &result);

protected:
    void handleReply(std::expected<QByteArray, Error> body) override;

private:
    void finishParsed(const QJsonDocument &document, const QJsonParseError &parseError);

    std::optional<JsonResult> m_result;
};

/** A call whose reply is a query result tree, decoded off the GUI thread with decodeJsonAsync(). */
class QueryJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryJob)
public:
    explicit QueryJob(const QString &route, QObject *parent = nullptr);
    ~QueryJob() override;

    std::optional<TreeResult> result() const { return m_result; }

Q_SIGNALS:
    void finished(const instant::TreeResult &result);

protected:
    void handleReply(std::expected<QByteArray, Error> body) override;

private:
    std::optional<TreeResult> m_result;
};

} // namespace instant
