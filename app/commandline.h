#pragma once

#include <expected>

#include <QString>
#include <QStringList>
#include <QUrl>

namespace console {

/** What the command line asks for. */
struct StartOptions {
    bool help = false;
    bool version = false;
    /** Start the embedded demo sandbox and connect to it. */
    bool sandbox = false;
    /** Open this server/app (token from INSTANT_ADMIN_TOKEN, the keychain, or a prompt). */
    QUrl serverUrl;
    QString appId;
    QString name;
    /** Text for --help. */
    QString helpText;
};

/**
 * Parses the arguments (argv[0] included). Needs no QApplication, so --help works without a display;
 * texts are translated once a QCoreApplication carries the translators.
 */
std::expected<StartOptions, QString> parseCommandLine(const QStringList &arguments);

/** The line printed after a command-line mistake, pointing at --help. */
QString commandLineHint();

} // namespace console
