#pragma once

#include <utility>

#include <QByteArray>
#include <QCryptographicHash>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace testsupport {

/** One HTTP request as it arrived on the wire. */
struct RecordedRequest {
    QByteArray method;
    /** Request target exactly as sent (path plus `?query`). */
    QByteArray target;
    QByteArray path;
    /** Raw query string without '?', still percent-encoded. */
    QByteArray query;
    /** Header lines in arrival order, names as sent. */
    QList<std::pair<QByteArray, QByteArray>> headers;
    /** The body (empty when the server runs with setKeepBodies(false)). */
    QByteArray body;
    qint64 bodySize = 0;
    /** SHA-256 of the body, computed while streaming (also when bodies are not kept). */
    QByteArray bodySha256;

    /** Value of the header (case-insensitive name); empty if absent. */
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    /** Number of header lines with this name (case-insensitive). */
    int headerCount(const QByteArray &name) const;
};

/** What the server answers to the next request. */
struct ScriptedReply {
    enum class Mode {
        /** Send status, headers and body. */
        Normal,
        /** Read the request, never answer (timeouts, cancellation). */
        Never,
        /** Close the connection without answering. */
        Close,
    };

    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers = {{"Content-Type", "application/json; charset=utf-8"}};
    QByteArray body = "{}";
    Mode mode = Mode::Normal;

    static ScriptedReply json(int status, const QByteArray &body);
    static ScriptedReply text(int status, const QByteArray &body);
    static ScriptedReply never();
    static ScriptedReply close();
};

/**
 * A loopback HTTP/1.1 server for tests and benchmarks: records every request and answers from a
 * script (a queue, then a default reply). Request bodies are streamed with Content-Length; memory
 * stays flat when bodies are not kept. Bytes that are not HTTP (e.g. a TLS ClientHello) get a plain
 * 400 and a closed connection, which makes a TLS client fail its handshake.
 *
 * The server may be moved to another thread (moveToThread) before listen() is called there.
 */
class RecordingServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingServer)
public:
    explicit RecordingServer(QObject *parent = nullptr);
    ~RecordingServer() override;

    /** Listens on 127.0.0.1 (any free port). */
    bool listen();
    quint16 port() const;
    /** http://127.0.0.1:<port> */
    QUrl url() const;

    void enqueue(const ScriptedReply &reply);
    void setDefaultReply(const ScriptedReply &reply);
    void setKeepBodies(bool keep);
    /** Whether bodySha256 is computed (default on; benchmarks switch it off). */
    void setHashBodies(bool hash);

    const QList<RecordedRequest> &requests() const { return m_requests; }
    void clear();
    /** Bytes of request bodies received so far, over all requests (also partial ones). */
    qint64 bodyBytesReceived() const { return m_bodyBytesReceived; }
    /** Connections currently open. */
    int openConnections() const;

Q_SIGNALS:
    void requestReceived(int index);
    void bodyBytesArrived(qint64 totalBodyBytes);

private:
    struct ConnectionState {
        QByteArray buffer;
        bool inBody = false;
        qint64 bodyRemaining = 0;
        RecordedRequest current;
        QCryptographicHash hash {QCryptographicHash::Sha256};
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void processHead(QTcpSocket *socket, ConnectionState &state, const QByteArray &head);
    void completeRequest(QTcpSocket *socket, ConnectionState &state);
    void answer(QTcpSocket *socket, const ScriptedReply &reply);

    QTcpServer m_server;
    QList<ScriptedReply> m_queue;
    ScriptedReply m_defaultReply;
    bool m_keepBodies = true;
    bool m_hashBodies = true;
    qint64 m_bodyBytesReceived = 0;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, ConnectionState *> m_connections;
};

} // namespace testsupport
