#include "settings.h"

#include "translationloader.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace console {

namespace {

QString profileGroup(const QString &profileId)
{
    // Profile ids are UUIDs; the prefix keeps them apart from other top-level groups.
    return QStringLiteral("profile-") + profileId;
}

} // namespace

Settings::Settings(QObject *parent)
    : Settings(defaultFileName(), parent)
{ }

Settings::Settings(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{ }

Settings::~Settings() = default;

QString Settings::defaultFileName()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return QDir(dir).filePath(QStringLiteral("instant-console.ini"));
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QList<ConnectionProfile> Settings::profiles() const
{
    QList<ConnectionProfile> result;
    const int count = m_settings->beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile profile = ConnectionProfile::load(*m_settings);
        if (!profile.id.isEmpty()) {
            result.append(profile);
        }
    }
    m_settings->endArray();
    return result;
}

std::optional<ConnectionProfile> Settings::profile(const QString &id) const
{
    const QList<ConnectionProfile> all = profiles();
    for (const ConnectionProfile &profile : all) {
        if (profile.id == id) {
            return profile;
        }
    }
    return std::nullopt;
}

void Settings::saveProfile(const ConnectionProfile &profile)
{
    QList<ConnectionProfile> all = profiles();
    bool replaced = false;
    for (ConnectionProfile &existing : all) {
        if (existing.id == profile.id) {
            existing = profile;
            replaced = true;
        }
    }
    if (!replaced) {
        all.append(profile);
    }

    m_settings->remove(QStringLiteral("profiles"));
    m_settings->beginWriteArray(QStringLiteral("profiles"), int(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        m_settings->setArrayIndex(i);
        all.at(i).save(*m_settings);
    }
    m_settings->endArray();
    Q_EMIT profilesChanged();
}

void Settings::removeProfile(const QString &id)
{
    QList<ConnectionProfile> all = profiles();
    all.removeIf([&id](const ConnectionProfile &profile) { return profile.id == id; });
    m_settings->remove(QStringLiteral("profiles"));
    m_settings->beginWriteArray(QStringLiteral("profiles"), int(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        m_settings->setArrayIndex(i);
        all.at(i).save(*m_settings);
    }
    m_settings->endArray();
    m_settings->remove(profileGroup(id));
    Q_EMIT profilesChanged();
}

QStringList Settings::history(const QString &profileId) const
{
    return m_settings->value(profileGroup(profileId) + QStringLiteral("/history")).toStringList();
}

void Settings::addToHistory(const QString &profileId, const QString &query)
{
    const QString text = query.trimmed();
    if (text.isEmpty()) {
        return;
    }
    QStringList entries = history(profileId);
    entries.removeAll(text);
    entries.prepend(text);
    while (entries.size() > kMaxHistory) {
        entries.removeLast();
    }
    m_settings->setValue(profileGroup(profileId) + QStringLiteral("/history"), entries);
    Q_EMIT historyChanged(profileId);
}

QMap<QString, QString> Settings::savedQueries(const QString &profileId) const
{
    QMap<QString, QString> result;
    m_settings->beginGroup(profileGroup(profileId) + QStringLiteral("/saved"));
    const QStringList keys = m_settings->childKeys();
    for (const QString &key : keys) {
        // QSettings keys cannot hold every character, so the name is stored next to the text.
        const QStringList pair = m_settings->value(key).toStringList();
        if (pair.size() == 2) {
            result.insert(pair.at(0), pair.at(1));
        }
    }
    m_settings->endGroup();
    return result;
}

void Settings::saveQuery(const QString &profileId, const QString &name, const QString &query)
{
    const QString key = QString::fromLatin1(name.toUtf8().toHex());
    m_settings->setValue(profileGroup(profileId) + QStringLiteral("/saved/") + key, QStringList {name, query});
    Q_EMIT savedQueriesChanged(profileId);
}

void Settings::removeSavedQuery(const QString &profileId, const QString &name)
{
    const QString key = QString::fromLatin1(name.toUtf8().toHex());
    m_settings->remove(profileGroup(profileId) + QStringLiteral("/saved/") + key);
    Q_EMIT savedQueriesChanged(profileId);
}

QList<Settings::TabState> Settings::openTabs() const
{
    QList<TabState> result;
    const int count = m_settings->beginReadArray(QStringLiteral("tabs"));
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        TabState tab;
        tab.profileId = m_settings->value(QStringLiteral("profile")).toString();
        tab.query = m_settings->value(QStringLiteral("query")).toString();
        tab.live = m_settings->value(QStringLiteral("live"), true).toBool();
        if (!tab.profileId.isEmpty()) {
            result.append(tab);
        }
    }
    m_settings->endArray();
    return result;
}

void Settings::setOpenTabs(const QList<TabState> &tabs)
{
    m_settings->remove(QStringLiteral("tabs"));
    m_settings->beginWriteArray(QStringLiteral("tabs"), int(tabs.size()));
    for (int i = 0; i < tabs.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("profile"), tabs.at(i).profileId);
        m_settings->setValue(QStringLiteral("query"), tabs.at(i).query);
        m_settings->setValue(QStringLiteral("live"), tabs.at(i).live);
    }
    m_settings->endArray();
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray Settings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void Settings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
    m_settings->setValue(QStringLiteral("window/state"), state);
}

Settings::ColorScheme Settings::colorScheme() const
{
    const QString value = m_settings->value(QStringLiteral("appearance/colorScheme")).toString();
    if (value == QLatin1String("light")) {
        return ColorScheme::Light;
    }
    if (value == QLatin1String("dark")) {
        return ColorScheme::Dark;
    }
    return ColorScheme::System;
}

QString Settings::language() const
{
    return m_settings->value(TranslationLoader::settingsKey()).toString();
}

void Settings::setLanguage(const QString &code)
{
    m_settings->setValue(TranslationLoader::settingsKey(), code);
}

void Settings::setColorScheme(ColorScheme scheme)
{
    QString value = QStringLiteral("system");
    if (scheme == ColorScheme::Light) {
        value = QStringLiteral("light");
    } else if (scheme == ColorScheme::Dark) {
        value = QStringLiteral("dark");
    }
    m_settings->setValue(QStringLiteral("appearance/colorScheme"), value);
    Q_EMIT colorSchemeChanged(scheme);
}

int Settings::keychainTimeoutMs() const
{
    return m_settings->value(QStringLiteral("keychain/timeoutMs"), 8000).toInt();
}

void Settings::setKeychainTimeoutMs(int ms)
{
    m_settings->setValue(QStringLiteral("keychain/timeoutMs"), ms);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace console
