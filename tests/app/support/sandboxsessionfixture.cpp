#include "sandboxsessionfixture.h"

#include <QSignalSpy>
#include <QUrl>
#include <QUuid>

#include "adminclient.h"
#include "connection.h"
#include "session/connectionsession.h"

namespace console {

SandboxSessionFixture::SandboxSessionFixture() = default;

SandboxSessionFixture::~SandboxSessionFixture()
{
    stop();
}

std::expected<void, QString> SandboxSessionFixture::start(const QString &profileName)
{
    if (!m_dir.isValid()) {
        return std::unexpected(m_dir.errorString());
    }
    sandbox::SandboxOptions options;
    options.dataDir = m_dir.path();
    const auto info = m_server.start(options);
    if (!info) {
        return std::unexpected(info.error());
    }

    ConnectionProfile profile = ConnectionProfile::create();
    if (!profileName.isEmpty()) {
        profile.name = profileName;
    }
    profile.serverUrl = QUrl(info->url);
    profile.appId = info->appId.toString(QUuid::WithoutBraces);
    profile.isSandbox = true;
    const instant::Connection connection(
        QUrl(info->url), profile.appId, info->adminToken.toString(QUuid::WithoutBraces));
    m_session = std::make_unique<ConnectionSession>(profile, connection, nullptr);
    return {};
}

void SandboxSessionFixture::stop()
{
    m_session.reset();
    m_server.stop();
}

instant::AdminClient *SandboxSessionFixture::adminClient() const
{
    return m_session ? m_session->client() : nullptr;
}

QJsonValue SandboxSessionFixture::waitForJson(instant::ApiJob *job)
{
    QSignalSpy spy(job, &instant::ApiJob::finished);
    if (!spy.wait(10'000)) {
        return {};
    }
    const auto result = spy.first().first().value<instant::JsonResult>();
    return result ? *result : QJsonValue();
}

} // namespace console
