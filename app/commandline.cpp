#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUuid>

namespace console {

namespace {

// Files the texts below under the context the program looks them up in, where lupdate can see them.
struct CommandLineText {
    Q_DECLARE_TR_FUNCTIONS(console::CommandLine)
};

} // namespace

std::expected<StartOptions, QString> parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLineText::tr(
        "Instant Console: a desktop admin console for InstantDB apps.\n\n"
        "Without options it reopens the tabs of the last session; on the very first start it opens the "
        "built-in demo sandbox.\n"
        "The admin token is never taken from the command line: it comes from the environment variable "
        "INSTANT_ADMIN_TOKEN, from the system keychain, or from a prompt."));
    const QCommandLineOption help(
        {QStringLiteral("h"), QStringLiteral("help")}, CommandLineText::tr("Show this help and exit."));
    const QCommandLineOption version(
        {QStringLiteral("v"), QStringLiteral("version")}, CommandLineText::tr("Show the version and exit."));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
        CommandLineText::tr(
            "Start the embedded sandbox with the demo data (kept in the application data folder) and connect to it."));
    const QCommandLineOption server(QStringLiteral("server"),
        CommandLineText::tr("Connect to the Instant server at <url> (e.g. https://api.instantdb.com)."),
        CommandLineText::tr("url"));
    const QCommandLineOption appId(QStringLiteral("app-id"),
        CommandLineText::tr("Open the app with id <uuid> (needs --server)."), CommandLineText::tr("uuid"));
    const QCommandLineOption name(QStringLiteral("name"),
        CommandLineText::tr("Name of the connection profile to create or reuse."), CommandLineText::tr("name"));
    parser.addOptions({help, version, sandbox, server, appId, name});

    StartOptions options;
    // The program's name, not the path it was started by (and without a QCoreApplication the parser
    // knows neither).
    options.helpText
        = parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("instant-console"));
    if (QCoreApplication::instance() && !arguments.isEmpty() && !arguments.constFirst().isEmpty()) {
        options.helpText.replace(arguments.constFirst(), QStringLiteral("instant-console"));
    }
    if (!parser.parse(arguments)) {
        return std::unexpected(parser.errorText());
    }
    if (!parser.positionalArguments().isEmpty()) {
        return std::unexpected(
            CommandLineText::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    }
    options.help = parser.isSet(help);
    options.version = parser.isSet(version);
    options.sandbox = parser.isSet(sandbox);
    options.name = parser.value(name);
    if (parser.isSet(server) || parser.isSet(appId)) {
        if (!parser.isSet(server) || !parser.isSet(appId)) {
            return std::unexpected(CommandLineText::tr("--server and --app-id go together."));
        }
        options.serverUrl = QUrl::fromUserInput(parser.value(server));
        if (!options.serverUrl.isValid() || options.serverUrl.host().isEmpty()) {
            return std::unexpected(CommandLineText::tr("Not a server URL: %1").arg(parser.value(server)));
        }
        options.appId = parser.value(appId).trimmed();
        if (QUuid::fromString(options.appId).isNull()) {
            return std::unexpected(CommandLineText::tr("The app id must be a UUID: %1").arg(options.appId));
        }
    }
    return options;
}

QString commandLineHint()
{
    return CommandLineText::tr("Try 'instant-console --help'.");
}

} // namespace console
