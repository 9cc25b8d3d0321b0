#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace console {

namespace {

const QString kSourceLanguage = QStringLiteral("en");

// The languages with a translations/instant-console_<code>.ts. Native names are not translated: people
// look for their own language's name, whatever language the interface is in now.
QList<TranslationLoader::Language> translatedLanguages()
{
    return {
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("fr"), QStringLiteral("Français")},
    };
}

bool isAvailable(const QString &code)
{
    if (code == kSourceLanguage) {
        return true;
    }
    for (const TranslationLoader::Language &language : translatedLanguages()) {
        if (language.code == code) {
            return true;
        }
    }
    return false;
}

// "de-AT", "de_AT" and "de" all mean German to us: the translations are per language, not per country.
QString languageCode(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("C")) {
        return {};
    }
    const QLocale locale(name);
    if (locale.language() == QLocale::C || locale.language() == QLocale::AnyLanguage) {
        return {};
    }
    return QLocale::languageToCode(locale.language());
}

} // namespace

QString TranslationLoader::settingsKey()
{
    return QStringLiteral("ui/language");
}

QList<TranslationLoader::Language> TranslationLoader::availableLanguages()
{
    QList<Language> languages {{kSourceLanguage, QStringLiteral("English")}};
    languages.append(translatedLanguages());
    return languages;
}

QString TranslationLoader::resolve(const QString &configured, const QStringList &uiLanguages)
{
    const QString chosen = languageCode(configured);
    if (!chosen.isEmpty() && isAvailable(chosen)) {
        return chosen;
    }

    // The system list is in order of preference; an English entry ahead of German means English, even
    // though there is no English file to load.
    for (const QString &name : uiLanguages) {
        const QString code = languageCode(name);
        if (!code.isEmpty() && isAvailable(code)) {
            return code;
        }
    }
    return kSourceLanguage;
}

TranslationLoader::TranslationLoader(const QString &directory)
    : m_directory(directory)
    , m_language(kSourceLanguage)
{ }

TranslationLoader::~TranslationLoader()
{
    unload();
}

QString TranslationLoader::load(const QString &configured)
{
    unload();
    m_language = resolve(configured, QLocale::system().uiLanguages());
    const QLocale locale(m_language);
    if (!languageCode(configured).isEmpty()) {
        // Numbers and dates follow the chosen language too, rather than a system locale the user overrode.
        QLocale::setDefault(locale);
    }
    if (m_language == kSourceLanguage) {
        return m_language;
    }

    m_console = std::make_unique<QTranslator>();
    if (m_console->load(QStringLiteral("instant-console_") + m_language, m_directory)) {
        QCoreApplication::installTranslator(m_console.get());
    } else {
        m_console.reset();
    }

    // Qt's own strings come from the system's Qt translations (Debian: qt6-translations-l10n); without
    // them only standard buttons and the command-line help stay English.
    m_qt = std::make_unique<QTranslator>();
    if (m_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(m_qt.get());
    } else {
        m_qt.reset();
    }
    return m_language;
}

void TranslationLoader::unload()
{
    for (std::unique_ptr<QTranslator> *translator : {&m_console, &m_qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(translator->get());
            translator->reset();
        }
    }
}

} // namespace console
