#include "connections/sandboxlauncher.h"

#include "console_debug.h"

#include "server/sandboxserver.h"

#include <QDir>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace console {

SandboxLauncher::SandboxLauncher(QObject *parent)
    : QObject(parent)
{ }

SandboxLauncher::~SandboxLauncher()
{
    if (m_server && !m_starting) {
        m_server->stop();
    }
}

QString SandboxLauncher::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("sandbox"));
}

bool SandboxLauncher::isRunning() const
{
    return m_server && !m_starting && m_server->isRunning();
}

void SandboxLauncher::start(const QString &dataDir)
{
    if (m_starting || isRunning()) {
        return;
    }
    m_starting = true;
    sandbox::SandboxOptions options;
    options.dataDir = dataDir.isEmpty() ? defaultDataDir() : dataDir;
    options.seed = QStringLiteral("demo");
    // The console's own sandbox needs far fewer threads than a test server for 200 streams.
    options.threads = 32;
    QDir().mkpath(options.dataDir);
    qCInfo(lcUi) << "starting the embedded sandbox in" << options.dataDir;

    auto server = std::make_shared<sandbox::SandboxServer>();
    m_server = server;
    using Started = std::expected<sandbox::SandboxInfo, QString>;
    auto *watcher = new QFutureWatcher<Started>(this);
    connect(watcher, &QFutureWatcher<Started>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_starting = false;
        const Started result = watcher->result();
        if (!result) {
            qCWarning(lcUi) << "embedded sandbox failed:" << result.error();
            m_server.reset();
            Q_EMIT failed(result.error());
            return;
        }
        m_url = result->url;
        m_appId = result->appId.toString(QUuid::WithoutBraces);
        m_token = result->adminToken.toString(QUuid::WithoutBraces);
        Q_EMIT started(m_url, m_appId);
    });
    watcher->setFuture(QtConcurrent::run([server, options]() -> Started { return server->start(options); }));
}

} // namespace console
