#pragma once

#include <expected>
#include <memory>

#include <QJsonValue>
#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include "server/sandboxserver.h"

namespace instant {
class AdminClient;
class ApiJob;
} // namespace instant

namespace console {

class ConnectionSession;

/**
 * A sandbox started in a temporary directory on 127.0.0.1 and an admin session connected to it, the
 * setup shared by the panel tests. Start it once per test case; stop() (or the destructor) closes the
 * session before the server so no request outlives its server.
 */
class SandboxSessionFixture final {
public:
    SandboxSessionFixture();
    ~SandboxSessionFixture();
    Q_DISABLE_COPY_MOVE(SandboxSessionFixture)

    /** Starts the sandbox and opens the session; profileName, if given, names the connection profile. */
    std::expected<void, QString> start(const QString &profileName = {});
    void stop();

    ConnectionSession *session() const { return m_session.get(); }
    instant::AdminClient *adminClient() const;

    /** Waits up to ten seconds for job to finish; its JSON, or null on error or timeout. */
    static QJsonValue waitForJson(instant::ApiJob *job);

private:
    QTemporaryDir m_dir;
    sandbox::SandboxServer m_server;
    std::unique_ptr<ConnectionSession> m_session;
};

/** The child of parent called name; aborts the test binary when it is missing, as no test can go on. */
template<typename T>
T *findChildOrFail(const QObject *parent, const QString &name)
{
    T *child = parent->findChild<T *>(name);
    if (!child) {
        qFatal("missing child %s", qPrintable(name));
    }
    return child;
}

} // namespace console
