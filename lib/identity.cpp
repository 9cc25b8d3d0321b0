#include "identity.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace instant {

Identity::Identity(Kind kind, QString value)
    : m_kind(kind)
    , m_value(std::move(value))
{ }

Identity Identity::asEmail(const QString &email)
{
    // Sent as is: the server does not lower-case As-Email (spec §1.3).
    return Identity(Kind::Email, email);
}

Identity Identity::asRefreshToken(const QString &refreshToken)
{
    return Identity(Kind::RefreshToken, refreshToken.trimmed());
}

Identity Identity::asGuest()
{
    return Identity(Kind::Guest, {});
}

bool Identity::requiresAdminToken() const
{
    return m_kind == Kind::Admin || m_kind == Kind::Email;
}

QList<std::pair<QByteArray, QByteArray>> Identity::headers() const
{
    switch (m_kind) {
    case Kind::Admin:
        return {};
    case Kind::Email:
        return {{QByteArrayLiteral("as-email"), m_value.toUtf8()}};
    case Kind::RefreshToken:
        return {{QByteArrayLiteral("as-token"), m_value.toUtf8()}};
    case Kind::Guest:
        return {{QByteArrayLiteral("as-guest"), QByteArrayLiteral("true")}};
    }
    return {};
}

QString Identity::logName() const
{
    switch (m_kind) {
    case Kind::Admin:
        return u"admin"_s;
    case Kind::Email:
        return u"as-email:"_s + m_value;
    case Kind::RefreshToken:
        return u"as-token:<redacted>"_s;
    case Kind::Guest:
        return u"as-guest"_s;
    }
    return {};
}

QString Identity::displayName() const
{
    switch (m_kind) {
    case Kind::Admin:
        return QCoreApplication::translate("instant::Identity", "Admin");
    case Kind::Email:
        return QCoreApplication::translate("instant::Identity", "User %1").arg(m_value);
    case Kind::RefreshToken:
        //: %1 is the first characters of a refresh token
        return QCoreApplication::translate("instant::Identity", "User with token %1…").arg(m_value.left(4));
    case Kind::Guest:
        return QCoreApplication::translate("instant::Identity", "Guest");
    }
    return {};
}

} // namespace instant
