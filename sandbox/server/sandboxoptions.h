#pragma once

#include <QString>
#include <QStringList>
#include <QUuid>

#include <chrono>
#include <cstdint>
#include <expected>

namespace sandbox {

/** Everything a sandbox needs to start; the command line of instant-sandbox maps onto it. */
struct SandboxOptions {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0; // 0 picks a free port
    bool allowRemote = false;
    QString dataDir;
    QUuid appId; // null: reuse the one kept in dataDir, or generate
    QUuid adminToken; // null: reuse the one kept in dataDir, or generate
    QString seed; // "" or "demo"

    qint64 jsonBodyLimit = 16 * 1024 * 1024;
    qint64 uploadLimit = qint64(8) * 1024 * 1024 * 1024;
    std::chrono::milliseconds keepAliveInterval {15000};
    std::chrono::seconds magicCodeTtl {600};
    int threads = 320;

    /** Parses the instant-sandbox arguments (without argv[0]). `--help`/`--version` are handled by the caller. */
    static std::expected<SandboxOptions, QString> fromArguments(const QStringList &arguments);
    static QString usage();
};

} // namespace sandbox
