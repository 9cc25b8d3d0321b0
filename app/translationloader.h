#pragma once

#include <memory>

#include <QList>
#include <QString>
#include <QStringList>

class QTranslator;

namespace console {

/**
 * Installs the interface translations at start-up: the console's own (embedded under :/i18n) and Qt's
 * (dialog buttons, command-line help) from Qt's translations directory. The language is the one chosen
 * in the settings (key settingsKey(), applied on the next start), or else the first of the system's
 * preferred languages that the console speaks, or else English, the language of the sources.
 * Create it after the QCoreApplication and before any widget or command-line help exists; the
 * translators stay installed as long as the loader lives.
 */
class TranslationLoader final {
    Q_DISABLE_COPY_MOVE(TranslationLoader)
public:
    /** A language offered in the settings: its code ("de") and its name in itself ("Deutsch"). */
    struct Language {
        QString code;
        QString nativeName;
    };

    /** The QSettings key of the chosen language code; empty or missing means "as the system". */
    static QString settingsKey();
    /** English first, then every language with a translation, for the settings' combo box. */
    static QList<Language> availableLanguages();
    /**
     * The language to use: configured when it is one of availableLanguages(), else the first of
     * uiLanguages (BCP 47 names as QLocale::uiLanguages() gives them) that is available, else "en".
     */
    static QString resolve(const QString &configured, const QStringList &uiLanguages);

    /** directory holds instant-console_<code>.qm; tests pass their own. */
    explicit TranslationLoader(const QString &directory = QStringLiteral(":/i18n"));
    ~TranslationLoader();

    /**
     * Resolves the language against the system's preferred languages, installs the translators and
     * makes it QLocale's default when the user chose it. Returns the language code in use.
     */
    QString load(const QString &configured);
    QString language() const { return m_language; }

private:
    void unload();

    QString m_directory;
    QString m_language;
    std::unique_ptr<QTranslator> m_console;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace console
