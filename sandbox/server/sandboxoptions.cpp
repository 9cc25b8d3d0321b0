#include "sandboxoptions.h"

#include <QCoreApplication>

#include <arpa/inet.h>

namespace sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SandboxOptions", text);
}

std::expected<qint64, QString> parseSize(const QString &option, const QString &value)
{
    bool ok = false;
    const qint64 bytes = value.toLongLong(&ok);
    if (!ok || bytes <= 0) {
        return std::unexpected(tr("%1 needs a positive number of bytes, got \"%2\"").arg(option, value));
    }
    return bytes;
}

bool isLoopback(const QString &host)
{
    if (host == QLatin1String("localhost")) {
        return true;
    }
    const QByteArray text = host.toLatin1();
    in_addr v4 {};
    if (inet_pton(AF_INET, text.constData(), &v4) == 1) {
        return (ntohl(v4.s_addr) >> 24) == 127;
    }
    in6_addr v6 {};
    return inet_pton(AF_INET6, text.constData(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

} // namespace

QString SandboxOptions::usage()
{
    return tr("Usage: instant-sandbox --listen HOST:PORT --data DIR [options]\n"
              "\n"
              "A local server that speaks InstantDB's Admin HTTP API, backed by SQLite.\n"
              "\n"
              "  --listen HOST:PORT       address to listen on (default 127.0.0.1:0; port 0 picks a free port)\n"
              "  --data DIR               data directory (database, stored files, app id and admin token)\n"
              "  --app-id UUID            id of the first app (default: kept in DIR, else generated)\n"
              "  --admin-token UUID       admin token of the first app (default: kept in DIR, else generated)\n"
              "  --seed demo              load the demo app (idempotent)\n"
              "  --allow-remote           allow listening on a non-loopback address\n"
              "  --json-body-limit BYTES  largest JSON request body (default 16777216)\n"
              "  --upload-limit BYTES     largest upload body (default 8589934592)\n"
              "  --keep-alive-ms MS       SSE keep-alive period (default 15000)\n"
              "  --magic-code-ttl SECONDS lifetime of magic codes (default 600)\n"
              "  --threads N              HTTP worker threads (default 320)\n"
              "  --help                   show this help\n"
              "  --version                show the version\n"
              "\n"
              "When ready it prints one JSON line: {\"url\":…,\"app-id\":…,\"admin-token\":…}\n");
}

std::expected<SandboxOptions, QString> SandboxOptions::fromArguments(const QStringList &arguments)
{
    SandboxOptions options;
    bool haveData = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        QString name = arg;
        QString value;
        bool inlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            name = arg.section(QLatin1Char('='), 0, 0);
            value = arg.section(QLatin1Char('='), 1);
            inlineValue = true;
        }
        const auto needValue = [&]() -> std::expected<QString, QString> {
            if (inlineValue) {
                return value;
            }
            if (i + 1 >= arguments.size()) {
                return std::unexpected(tr("%1 needs a value").arg(name));
            }
            return arguments.at(++i);
        };

        if (name == QLatin1String("--allow-remote")) {
            options.allowRemote = true;
            continue;
        }
        const auto v = needValue();
        if (!v) {
            return std::unexpected(v.error());
        }
        if (name == QLatin1String("--listen")) {
            const qsizetype colon = v->lastIndexOf(QLatin1Char(':'));
            bool ok = false;
            const uint port = colon < 0 ? 0 : v->mid(colon + 1).toUInt(&ok);
            if (colon <= 0 || !ok || port > 65535) {
                return std::unexpected(tr("--listen needs HOST:PORT, got \"%1\"").arg(*v));
            }
            options.host = v->left(colon);
            if (options.host.startsWith(QLatin1Char('[')) && options.host.endsWith(QLatin1Char(']'))) {
                options.host = options.host.mid(1, options.host.size() - 2);
            }
            options.port = quint16(port);
        } else if (name == QLatin1String("--data")) {
            options.dataDir = *v;
            haveData = true;
        } else if (name == QLatin1String("--app-id") || name == QLatin1String("--admin-token")) {
            const QUuid id(v->trimmed());
            if (id.isNull() || v->trimmed().size() != 36) {
                return std::unexpected(tr("%1 needs a UUID, got \"%2\"").arg(name, *v));
            }
            (name == QLatin1String("--app-id") ? options.appId : options.adminToken) = id;
        } else if (name == QLatin1String("--seed")) {
            if (*v != QLatin1String("demo")) {
                return std::unexpected(tr("--seed only knows \"demo\", got \"%1\"").arg(*v));
            }
            options.seed = *v;
        } else if (name == QLatin1String("--json-body-limit") || name == QLatin1String("--upload-limit")) {
            const auto bytes = parseSize(name, *v);
            if (!bytes) {
                return std::unexpected(bytes.error());
            }
            (name == QLatin1String("--upload-limit") ? options.uploadLimit : options.jsonBodyLimit) = *bytes;
        } else if (name == QLatin1String("--keep-alive-ms") || name == QLatin1String("--magic-code-ttl")
            || name == QLatin1String("--threads")) {
            bool ok = false;
            const int number = v->toInt(&ok);
            if (!ok || number < 0 || (name == QLatin1String("--threads") && number < 4)
                || (name == QLatin1String("--keep-alive-ms") && number < 10)) {
                return std::unexpected(tr("%1: invalid number \"%2\"").arg(name, *v));
            }
            if (name == QLatin1String("--keep-alive-ms")) {
                options.keepAliveInterval = std::chrono::milliseconds(number);
            } else if (name == QLatin1String("--magic-code-ttl")) {
                options.magicCodeTtl = std::chrono::seconds(number);
            } else {
                options.threads = number;
            }
        } else {
            return std::unexpected(tr("Unknown option \"%1\"").arg(arg));
        }
    }

    if (!haveData || options.dataDir.isEmpty()) {
        return std::unexpected(tr("--data DIR is required"));
    }
    if (!options.allowRemote && !isLoopback(options.host)) {
        return std::unexpected(
            tr("%1 is not a loopback address; pass --allow-remote to listen on it").arg(options.host));
    }
    return options;
}

} // namespace sandbox
