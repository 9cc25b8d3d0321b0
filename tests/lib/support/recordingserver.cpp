#include "recordingserver.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace testsupport {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

} // namespace

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[headerName, value] : headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    return headerCount(name) > 0;
}

int RecordedRequest::headerCount(const QByteArray &name) const
{
    int count = 0;
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            ++count;
        }
    }
    return count;
}

ScriptedReply ScriptedReply::json(int status, const QByteArray &body)
{
    ScriptedReply reply;
    reply.status = status;
    reply.body = body;
    return reply;
}

ScriptedReply ScriptedReply::text(int status, const QByteArray &body)
{
    ScriptedReply reply;
    reply.status = status;
    reply.headers = {{"Content-Type", "text/plain"}};
    reply.body = body;
    return reply;
}

ScriptedReply ScriptedReply::never()
{
    ScriptedReply reply;
    reply.mode = Mode::Never;
    return reply;
}

ScriptedReply ScriptedReply::close()
{
    ScriptedReply reply;
    reply.mode = Mode::Close;
    return reply;
}

RecordingServer::RecordingServer(QObject *parent)
    : QObject(parent)
    , m_server(this)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RecordingServer::onNewConnection);
}

RecordingServer::~RecordingServer()
{
    // Sockets are children of m_server and would report their disconnection into a half-destroyed object.
    for (auto it = m_connections.constBegin(); it != m_connections.constEnd(); ++it) {
        it.key()->disconnect(this);
        delete it.value();
    }
    m_connections.clear();
}

bool RecordingServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 RecordingServer::port() const
{
    return m_server.serverPort();
}

QUrl RecordingServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void RecordingServer::enqueue(const ScriptedReply &reply)
{
    m_queue.append(reply);
}

void RecordingServer::setDefaultReply(const ScriptedReply &reply)
{
    m_defaultReply = reply;
}

void RecordingServer::setKeepBodies(bool keep)
{
    m_keepBodies = keep;
}

void RecordingServer::setHashBodies(bool hash)
{
    m_hashBodies = hash;
}

void RecordingServer::clear()
{
    m_requests.clear();
    m_queue.clear();
    m_bodyBytesReceived = 0;
}

int RecordingServer::openConnections() const
{
    return int(m_connections.size());
}

void RecordingServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_connections.insert(socket, new ConnectionState);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            delete m_connections.take(socket);
            socket->deleteLater();
        });
    }
}

void RecordingServer::onReadyRead(QTcpSocket *socket)
{
    ConnectionState *state = m_connections.value(socket);
    if (!state) {
        return;
    }
    while (socket->bytesAvailable() > 0 || (!state->inBody && state->buffer.contains("\r\n\r\n"))) {
        if (state->inBody) {
            // Stream the body in pieces so that gigabyte uploads do not pile up in memory.
            const QByteArray chunk = socket->read(std::min<qint64>(state->bodyRemaining, 1 << 20));
            state->bodyRemaining -= chunk.size();
            state->current.bodySize += chunk.size();
            m_bodyBytesReceived += chunk.size();
            if (m_hashBodies) {
                state->hash.addData(chunk);
            }
            if (m_keepBodies) {
                state->current.body += chunk;
            }
            Q_EMIT bodyBytesArrived(m_bodyBytesReceived);
            if (state->bodyRemaining == 0) {
                completeRequest(socket, *state);
                if (!m_connections.contains(socket)) {
                    return;
                }
            }
            continue;
        }
        state->buffer += socket->readAll();
        if (!state->buffer.isEmpty() && (state->buffer.at(0) < 'A' || state->buffer.at(0) > 'Z')) {
            // Not HTTP (a TLS ClientHello starts with 0x16): answer like a plain server would.
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        const qsizetype end = state->buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        const QByteArray head = state->buffer.left(end);
        const QByteArray rest = state->buffer.mid(end + 4);
        state->buffer.clear();
        processHead(socket, *state, head);
        if (!rest.isEmpty()) {
            // Body bytes that came with the head.
            const qsizetype take = std::min<qsizetype>(rest.size(), state->bodyRemaining);
            const QByteArray chunk = rest.left(take);
            state->bodyRemaining -= take;
            state->current.bodySize += take;
            m_bodyBytesReceived += take;
            if (m_hashBodies) {
                state->hash.addData(chunk);
            }
            if (m_keepBodies) {
                state->current.body += chunk;
            }
            state->buffer = rest.mid(take);
        }
        if (state->inBody && state->bodyRemaining == 0) {
            completeRequest(socket, *state);
        }
        if (!m_connections.contains(socket)) {
            return;
        }
    }
}

void RecordingServer::processHead(QTcpSocket *socket, ConnectionState &state, const QByteArray &head)
{
    Q_UNUSED(socket)
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    state.current = RecordedRequest();
    state.current.method = requestLine.value(0);
    state.current.target = requestLine.value(1);
    const qsizetype question = state.current.target.indexOf('?');
    state.current.path = question < 0 ? state.current.target : state.current.target.left(question);
    state.current.query = question < 0 ? QByteArray() : state.current.target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            state.current.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
    }
    state.hash.reset();
    state.bodyRemaining = state.current.header("Content-Length").toLongLong();
    state.inBody = true;
}

void RecordingServer::completeRequest(QTcpSocket *socket, ConnectionState &state)
{
    state.inBody = false;
    state.current.bodySha256 = state.hash.result();
    m_requests.append(state.current);
    const ScriptedReply reply = m_queue.isEmpty() ? m_defaultReply : m_queue.takeFirst();
    Q_EMIT requestReceived(int(m_requests.size() - 1));
    answer(socket, reply);
}

void RecordingServer::answer(QTcpSocket *socket, const ScriptedReply &reply)
{
    switch (reply.mode) {
    case ScriptedReply::Mode::Never:
        return;
    case ScriptedReply::Mode::Close:
        socket->disconnectFromHost();
        return;
    case ScriptedReply::Mode::Normal:
        break;
    }
    QByteArray response = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    for (const auto &[name, value] : reply.headers) {
        response += name + ": " + value + "\r\n";
    }
    response += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n";
    response += reply.body;
    socket->write(response);
}

} // namespace testsupport
