#include "connections/connectionprofile.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUuid>

namespace console {

bool ConnectionProfile::isValid() const
{
    return !id.isEmpty() && serverUrl.isValid() && !serverUrl.host().isEmpty() && !appId.trimmed().isEmpty();
}

QString ConnectionProfile::displayName() const
{
    const QString title = name.isEmpty() ? appId.left(8) : name;
    if (serverUrl.host().isEmpty()) {
        return title;
    }
    return QCoreApplication::translate("console::ConnectionProfile", "%1 (%2)").arg(title, serverUrl.host());
}

ConnectionProfile ConnectionProfile::create()
{
    ConnectionProfile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return profile;
}

QString ConnectionProfile::policyKey(TokenPolicy policy)
{
    switch (policy) {
    case TokenPolicy::Keychain:
        return QStringLiteral("keychain");
    case TokenPolicy::AskEveryTime:
        return QStringLiteral("ask");
    case TokenPolicy::SessionOnly:
        return QStringLiteral("session");
    }
    return QStringLiteral("keychain");
}

ConnectionProfile::TokenPolicy ConnectionProfile::policyFromKey(const QString &key)
{
    if (key == QLatin1String("ask")) {
        return TokenPolicy::AskEveryTime;
    }
    if (key == QLatin1String("session")) {
        return TokenPolicy::SessionOnly;
    }
    return TokenPolicy::Keychain;
}

void ConnectionProfile::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("id"), id);
    settings.setValue(QStringLiteral("name"), name);
    settings.setValue(QStringLiteral("serverUrl"), serverUrl.toString());
    settings.setValue(QStringLiteral("appId"), appId);
    settings.setValue(QStringLiteral("caCertificate"), caCertificatePath);
    settings.setValue(QStringLiteral("tokenPolicy"), policyKey(tokenPolicy));
    settings.setValue(QStringLiteral("sandbox"), isSandbox);
}

ConnectionProfile ConnectionProfile::load(const QSettings &settings)
{
    ConnectionProfile profile;
    profile.id = settings.value(QStringLiteral("id")).toString();
    profile.name = settings.value(QStringLiteral("name")).toString();
    profile.serverUrl = QUrl(settings.value(QStringLiteral("serverUrl")).toString());
    profile.appId = settings.value(QStringLiteral("appId")).toString();
    profile.caCertificatePath = settings.value(QStringLiteral("caCertificate")).toString();
    profile.tokenPolicy = policyFromKey(settings.value(QStringLiteral("tokenPolicy")).toString());
    profile.isSandbox = settings.value(QStringLiteral("sandbox")).toBool();
    return profile;
}

} // namespace console
