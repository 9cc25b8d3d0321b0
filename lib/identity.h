#pragma once

#include <utility>

#include <QByteArray>
#include <QList>
#include <QString>

namespace instant {

/**
 * Who a call runs as (spec §1.3): the admin, or an impersonated user by email, by refresh token, or
 * as a guest. Impersonation by refresh token and as guest needs no admin token; the others do.
 */
class Identity {
public:
    enum class Kind {
        Admin,
        Email,
        RefreshToken,
        Guest,
    };

    /** Admin (no impersonation). */
    Identity() = default;

    static Identity admin() { return {}; }
    static Identity asEmail(const QString &email);
    static Identity asRefreshToken(const QString &refreshToken);
    static Identity asGuest();

    Kind kind() const { return m_kind; }
    bool isAdmin() const { return m_kind == Kind::Admin; }
    /** Email for Kind::Email, refresh token for Kind::RefreshToken, empty otherwise. */
    QString value() const { return m_value; }

    /** Whether the server needs `Authorization` for this identity (admin and as-email). */
    bool requiresAdminToken() const;
    /** The impersonation header the SDK sends (`as-email`, `as-token`, `as-guest: true`), if any. */
    QList<std::pair<QByteArray, QByteArray>> headers() const;
    /** Short untranslated text for logs; the refresh token is redacted. */
    QString logName() const;
    /** Translated text for people ("Admin", "User alice@example.com", "Guest" …); token shortened. */
    QString displayName() const;

    friend bool operator==(const Identity &, const Identity &) = default;

private:
    Identity(Kind kind, QString value);

    Kind m_kind = Kind::Admin;
    QString m_value;
};

} // namespace instant
