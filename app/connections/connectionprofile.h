#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

class QSettings;

namespace console {

/**
 * A saved connection: where the server is and which app to open. The admin token is never part of a
 * profile; it lives in the OS keychain (TokenStore) or, if the user chose so, in memory only.
 */
struct ConnectionProfile {
    /** Where the admin token is kept for this profile. */
    enum class TokenPolicy {
        Keychain,
        AskEveryTime,
        SessionOnly,
    };

    /** Stable id (a UUID without braces), key for the keychain entry, history and saved queries. */
    QString id;
    QString name;
    QUrl serverUrl;
    QString appId;
    /** Optional PEM file with an extra CA certificate for self-hosted servers. */
    QString caCertificatePath;
    TokenPolicy tokenPolicy = TokenPolicy::Keychain;
    /** True for the embedded demo sandbox, whose token is read from its data directory instead. */
    bool isSandbox = false;

    bool isValid() const;
    /** "name (host)" for tab titles and menus. */
    QString displayName() const;

    static ConnectionProfile create();
    static QString policyKey(TokenPolicy policy);
    static TokenPolicy policyFromKey(const QString &key);

    /** Writes every field but the token into the current group of settings. */
    void save(QSettings &settings) const;
    static ConnectionProfile load(const QSettings &settings);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace console

Q_DECLARE_METATYPE(console::ConnectionProfile)
