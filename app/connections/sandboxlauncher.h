#pragma once

#include <memory>

#include <QObject>
#include <QString>
#include <QUuid>

namespace sandbox {
class SandboxServer;
}

namespace console {

/**
 * Runs the embedded demo sandbox (sandbox::SandboxServer) in this process. Starting it opens its
 * SQLite store and seeds the demo on the first run, so it happens on a worker thread; started() or
 * failed() follow on the GUI thread.
 */
class SandboxLauncher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxLauncher)
public:
    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    /** Data directory used when start() gets none: AppDataLocation/sandbox. */
    static QString defaultDataDir();

    void start(const QString &dataDir = {});
    bool isStarting() const { return m_starting; }
    bool isRunning() const;
    QString url() const { return m_url; }
    QString appId() const { return m_appId; }
    /** The sandbox's admin token (memory only). */
    QString adminToken() const { return m_token; }

Q_SIGNALS:
    void started(const QString &url, const QString &appId);
    void failed(const QString &reason);

private:
    std::shared_ptr<sandbox::SandboxServer> m_server;
    bool m_starting = false;
    QString m_url;
    QString m_appId;
    QString m_token;
};

} // namespace console
