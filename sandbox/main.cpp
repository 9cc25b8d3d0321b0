// instant-sandbox: parses the command line, starts SandboxServer, prints the ready line and waits
// for SIGTERM/SIGINT to shut down cleanly.

#include <QCoreApplication>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <unistd.h>

#include "server/sandboxoptions.h"
#include "server/sandboxserver.h"

namespace {

int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the main thread through the pipe.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPipe[1], &byte, 1);
}

void installSignalHandlers()
{
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    // A client that vanishes mid-stream must not kill the server.
    std::signal(SIGPIPE, SIG_IGN);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "instant-sandbox: %s\n", qUtf8Printable(message));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("instant-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INSTANT_VERSION));

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        std::fputs(qUtf8Printable(sandbox::SandboxOptions::usage()), stdout);
        return 0;
    }
    if (arguments.contains(QStringLiteral("--version"))) {
        std::printf("instant-sandbox %s\n", INSTANT_VERSION);
        return 0;
    }
    const auto options = sandbox::SandboxOptions::fromArguments(arguments);
    if (!options) {
        printError(options.error());
        std::fputs(qUtf8Printable(sandbox::SandboxOptions::usage()), stderr);
        return 2;
    }

    if (::pipe(s_signalPipe) != 0) {
        printError(QStringLiteral("cannot create a pipe"));
        return 1;
    }
    installSignalHandlers();

    sandbox::SandboxServer server;
    const auto info = server.start(*options);
    if (!info) {
        printError(info.error());
        return 1;
    }
    const QByteArray line = info->toJsonLine();
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fflush(stdout);

    char byte = 0;
    while (::read(s_signalPipe[0], &byte, 1) < 0 && errno == EINTR) { }
    server.stop();
    return 0;
}
