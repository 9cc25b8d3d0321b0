#include "connection.h"

#include <QCoreApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace instant {

QUrl Connection::defaultServerUrl()
{
    return QUrl(u"https://api.instantdb.com"_s);
}

Connection::Connection()
    : m_serverUrl(defaultServerUrl())
{ }

Connection::Connection(const QUrl &serverUrl, const QString &appId, const QString &adminToken)
{
    setServerUrl(serverUrl);
    setAppId(appId);
    setAdminToken(adminToken);
}

void Connection::setServerUrl(const QUrl &url)
{
    m_serverUrl = url.isEmpty() ? defaultServerUrl() : url;
}

void Connection::setAppId(const QString &appId)
{
    m_appId = appId.trimmed();
}

void Connection::setAppId(const QUuid &appId)
{
    m_appId = appId.toString(QUuid::WithoutBraces);
}

void Connection::setAdminToken(const QString &token)
{
    m_adminToken = token.trimmed();
}

void Connection::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCaCertificates = certificates;
}

void Connection::addExtraCaCertificate(const QSslCertificate &certificate)
{
    m_extraCaCertificates.append(certificate);
}

std::expected<void, Error> Connection::addExtraCaCertificatesFromPem(const QString &pemPath)
{
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(Error::make(Error::Kind::Config,
            QCoreApplication::translate("instant::Connection", "Cannot read the CA certificate file %1: %2")
                .arg(pemPath, file.errorString())));
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        return std::unexpected(Error::make(Error::Kind::Config,
            QCoreApplication::translate("instant::Connection", "The file %1 contains no PEM certificate.")
                .arg(pemPath)));
    }
    m_extraCaCertificates.append(certificates);
    return {};
}

QSslConfiguration Connection::sslConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_extraCaCertificates.isEmpty()) {
        configuration.addCaCertificates(m_extraCaCertificates);
    }
    return configuration;
}

QUrl Connection::routeUrl(QStringView route) const
{
    // Like the SDK's `${apiURI}/admin/…`: a path prefix of a self-hosted URL is kept.
    QUrl url = m_serverUrl;
    QString path = url.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    url.setPath(path + route);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace instant
