#pragma once

#include <expected>

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringView>
#include <QUrl>
#include <QUuid>

#include "error.h"

namespace instant {

/**
 * Where and as whom to talk: the server base URL (default https://api.instantdb.com, any self-hosted
 * URL, a path prefix is kept), the app id, the admin token (memory only: this class never persists or
 * logs it) and extra CA certificates trusted in addition to the system ones.
 */
class Connection {
public:
    static QUrl defaultServerUrl();

    Connection();
    Connection(const QUrl &serverUrl, const QString &appId, const QString &adminToken = {});

    QUrl serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QUrl &url);

    /** App id as given (trimmed, like the SDK); the server expects a UUID. */
    QString appId() const { return m_appId; }
    void setAppId(const QString &appId);
    void setAppId(const QUuid &appId);

    QString adminToken() const { return m_adminToken; }
    bool hasAdminToken() const { return !m_adminToken.isEmpty(); }
    /** Trimmed, like the SDK. Empty means "no admin token" (only as-token/as-guest calls work). */
    void setAdminToken(const QString &token);

    QList<QSslCertificate> extraCaCertificates() const { return m_extraCaCertificates; }
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);
    void addExtraCaCertificate(const QSslCertificate &certificate);
    /** Adds every certificate of a PEM file; fails (Kind::Config) if the file has none or cannot be read. */
    std::expected<void, Error> addExtraCaCertificatesFromPem(const QString &pemPath);

    /** Default configuration plus the extra CA certificates; peer verification always on. */
    QSslConfiguration sslConfiguration() const;

    /** serverUrl with route appended to its path (route starts with '/', e.g. "/admin/query"), no query. */
    QUrl routeUrl(QStringView route) const;

    friend bool operator==(const Connection &, const Connection &) = default;

private:
    QUrl m_serverUrl;
    QString m_appId;
    QString m_adminToken;
    QList<QSslCertificate> m_extraCaCertificates;
};

} // namespace instant
