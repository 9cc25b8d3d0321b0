#include "commandline.h"
#include "connections/tokenstore.h"
#include "mainwindow.h"
#include "session/connectionview.h"
#include "settings.h"
#include "theme.h"
#include "translationloader.h"

#include <cstdio>

#include <QApplication>
#include <QTimer>
#include <QUuid>

namespace {

QStringList rawArguments(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    return arguments;
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("instant-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INSTANT_VERSION));
}

// --help and command-line mistakes, in the language the console would speak, and without a display:
// a QCoreApplication is enough to carry the translators.
int answerOnTheCommandLine(int argc, char **argv)
{
    QCoreApplication core(argc, argv);
    setApplicationNames();
    const console::Settings settings;
    console::TranslationLoader translations;
    translations.load(settings.language());
    const auto options = console::parseCommandLine(rawArguments(argc, argv));
    if (!options) {
        std::fprintf(
            stderr, "instant-console: %s\n%s\n", qPrintable(options.error()), qPrintable(console::commandLineHint()));
        return 2;
    }
    std::fputs(qPrintable(options->helpText), stdout);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // --help, --version and mistakes must work without a display, so they are handled before QApplication.
    const auto options = console::parseCommandLine(rawArguments(argc, argv));
    if (!options || options->help) {
        return answerOnTheCommandLine(argc, argv);
    }
    if (options->version) {
        std::printf("instant-console %s\n", INSTANT_VERSION);
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Instant Console"));
    // Wayland compositors and docks match the window to the installed launcher by this id.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.instant_console.InstantConsole"));

    console::Settings settings;
    // Before any widget exists, so that every tr() already sees the chosen language.
    console::TranslationLoader translations;
    translations.load(settings.language());
    console::Theme::apply(settings.colorScheme());
    console::TokenStore tokens;
    tokens.setTimeoutMs(settings.keychainTimeoutMs());

    console::MainWindow window(&settings, &tokens);
    window.show();

    // Connecting (keychain, sandbox start, network) happens after the window is on screen.
    QTimer::singleShot(0, &window, [&window, &settings, &tokens, opts = *options] {
        if (opts.sandbox) {
            window.openSandbox();
            return;
        }
        if (opts.serverUrl.isValid()) {
            console::ConnectionProfile profile;
            for (const console::ConnectionProfile &existing : settings.profiles()) {
                if (existing.serverUrl == opts.serverUrl && existing.appId == opts.appId) {
                    profile = existing;
                }
            }
            if (profile.id.isEmpty()) {
                profile = console::ConnectionProfile::create();
                profile.serverUrl = opts.serverUrl;
                profile.appId = opts.appId;
            }
            if (!opts.name.isEmpty()) {
                profile.name = opts.name;
            }
            settings.saveProfile(profile);
            const QString envToken = qEnvironmentVariable("INSTANT_ADMIN_TOKEN").trimmed();
            if (!envToken.isEmpty()) {
                // A token from the environment is used for this run only, never stored.
                tokens.setSessionToken(profile.id, envToken);
            }
            window.connectProfile(profile);
            return;
        }
        window.restoreSession();
    });
    return QApplication::exec();
}
