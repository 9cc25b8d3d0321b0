#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QTemporaryDir>

#include <memory>

#include "server/sandboxoptions.h"
#include "server/sandboxserver.h"

namespace sandboxtest {

using Headers = QList<QPair<QByteArray, QByteArray>>;

/** One finished exchange, as the client saw it. */
struct HttpResult {
    int status = -1; // -1: no answer within the time limit
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> rawHeaders;

    QByteArray header(const QByteArray &name) const;
    QJsonObject object() const;
};

/** A sandbox in this process on a free loopback port, with its data in a temporary directory. */
class SandboxFixture {
public:
    /** Starts it; returns an error text or an empty string. */
    QString start(sandbox::SandboxOptions options = {});
    void stop();

    sandbox::SandboxServer &server() { return m_server; }
    QString url() const { return m_info.url; }
    QByteArray appId() const;
    QByteArray adminToken() const;
    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    /** App-Id and Authorization for the first app. */
    Headers admin() const;

private:
    QTemporaryDir m_dir;
    sandbox::SandboxServer m_server;
    sandbox::SandboxInfo m_info;
};

/** A blocking-by-signal HTTP client over QNetworkAccessManager (QSignalSpy waits, no sleeps). */
class HttpClient {
public:
    explicit HttpClient(const QString &baseUrl);

    HttpResult send(const QByteArray &verb, const QString &pathAndQuery, const Headers &headers,
        const QByteArray &body = {}, int timeoutMs = 30000);
    /** POST (or another verb) with a JSON body and `content-type: application/json`. */
    HttpResult json(
        const QByteArray &verb, const QString &pathAndQuery, const Headers &headers, const QJsonObject &body = {});
    QNetworkRequest request(const QString &pathAndQuery, const Headers &headers) const;
    QNetworkAccessManager &manager() { return m_manager; }

private:
    QString m_baseUrl;
    QNetworkAccessManager m_manager;
};

QByteArray compact(const QJsonObject &object);

} // namespace sandboxtest
