#pragma once

#include "connections/connectionprofile.h"

#include <memory>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

class QSettings;

namespace console {

/**
 * The console's persistent state: connection profiles (never tokens), query history and saved queries
 * per profile, the open tabs, window layout and appearance. Stored as an INI file in the
 * QStandardPaths::AppConfigLocation; QSettings writes it lazily, so calls here cost no disk I/O.
 */
class Settings final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)
public:
    enum class ColorScheme {
        System,
        Light,
        Dark,
    };
    Q_ENUM(ColorScheme)

    /** One open connection tab, as restored on the next start. */
    struct TabState {
        QString profileId;
        QString query;
        bool live = true;
    };

    static constexpr int kMaxHistory = 100;

    /** Settings in the standard location. */
    explicit Settings(QObject *parent = nullptr);
    /** Settings in fileName (tests). */
    explicit Settings(const QString &fileName, QObject *parent = nullptr);
    ~Settings() override;

    static QString defaultFileName();
    QString fileName() const;

    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &id) const;
    /** Inserts or replaces the profile with the same id. */
    void saveProfile(const ConnectionProfile &profile);
    void removeProfile(const QString &id);

    /** Most recent first. */
    QStringList history(const QString &profileId) const;
    void addToHistory(const QString &profileId, const QString &query);

    /** Name → query text. */
    QMap<QString, QString> savedQueries(const QString &profileId) const;
    void saveQuery(const QString &profileId, const QString &name, const QString &query);
    void removeSavedQuery(const QString &profileId, const QString &name);

    QList<TabState> openTabs() const;
    void setOpenTabs(const QList<TabState> &tabs);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    ColorScheme colorScheme() const;
    void setColorScheme(ColorScheme scheme);

    /** The interface language code ("de"), empty for the system's; read once at start-up. */
    QString language() const;
    void setLanguage(const QString &code);

    /** How long one keychain call may take before the console gives up on it. */
    int keychainTimeoutMs() const;
    void setKeychainTimeoutMs(int ms);

    void sync();

Q_SIGNALS:
    void profilesChanged();
    void historyChanged(const QString &profileId);
    void savedQueriesChanged(const QString &profileId);
    void colorSchemeChanged(console::Settings::ColorScheme scheme);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace console
