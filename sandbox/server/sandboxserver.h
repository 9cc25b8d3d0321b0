#pragma once

#include <QString>
#include <QUuid>

#include <expected>
#include <memory>

#include "sandboxoptions.h"

namespace sandbox {

class Store;

/** Where a started sandbox can be reached, and the credentials of its first app. */
struct SandboxInfo {
    QString url; // http://127.0.0.1:PORT
    QUuid appId;
    QUuid adminToken;

    /** The ready line: {"url":…,"app-id":…,"admin-token":…}. */
    QByteArray toJsonLine() const;
};

/**
 * The whole sandbox in one object: store, HTTP server and its worker threads. start() returns once
 * the socket is bound and requests are being accepted; the server runs on threads of its own, so
 * the caller's thread (a GUI thread, a test) stays free. stop() closes open streams and joins every
 * thread. Not copyable; start it once.
 */
class SandboxServer {
public:
    SandboxServer();
    ~SandboxServer();
    SandboxServer(const SandboxServer &) = delete;
    SandboxServer &operator=(const SandboxServer &) = delete;

    std::expected<SandboxInfo, QString> start(const SandboxOptions &options);
    void stop();
    bool isRunning() const;
    SandboxInfo info() const;

    /** Open event streams (subscribe-query and sse); for diagnostics and tests. */
    int liveSessionCount() const;
    Store *store() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sandbox
