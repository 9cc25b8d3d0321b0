// Upload of a 1 GiB file to a loopback server that discards the body, against reading the same file
// locally: throughput of both, their ratio, and the peak RSS growth of each.

#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>

#include "adminclient.h"
#include "recordingserver.h"

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kFileSize = 1024LL * 1024 * 1024;

qint64 statusKiB(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field)) {
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

constexpr qint64 kCeilingSize = 256LL * 1024 * 1024;

struct Figures {
    double seconds = 0;
    qint64 rssGrowthKiB = 0;
    qint64 bytes = kFileSize;
    double mibPerSecond() const { return seconds > 0 ? double(bytes) / (1024.0 * 1024.0) / seconds : 0; }
};

// Reference: the cheapest way to get the same bytes off the disk, 1 MiB at a time.
Figures readLocally(const QString &path)
{
    Figures figures;
    const qint64 before = statusKiB("VmRSS:");
    qint64 highest = before;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return figures;
    }
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    QElapsedTimer clock;
    clock.start();
    qint64 total = 0;
    int pieces = 0;
    while (const qint64 count = file.read(buffer.data(), buffer.size())) {
        if (count < 0) {
            break;
        }
        total += count;
        if (++pieces % 64 == 0) {
            highest = std::max(highest, statusKiB("VmRSS:"));
        }
    }
    figures.seconds = double(clock.nsecsElapsed()) / 1e9;
    figures.rssGrowthKiB = std::max(highest, statusKiB("VmRSS:")) - before;
    return total == kFileSize ? figures : Figures {};
}

// Second reference: what QNAM itself reaches when the bytes are already in memory (no file reads, no
// client library), i.e. the ceiling of any QNAM-based upload on this machine.
Figures uploadFromMemory(QCoreApplication &app, testsupport::RecordingServer &server)
{
    Figures figures;
    figures.bytes = kCeilingSize;
    QNetworkAccessManager nam;
    QNetworkRequest request(server.url());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    const QByteArray data(kCeilingSize, '\0');
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = nam.put(request, data);
    QObject::connect(reply, &QNetworkReply::finished, &app, &QCoreApplication::quit);
    app.exec();
    figures.seconds = double(clock.nsecsElapsed()) / 1e9;
    if (reply->error() != QNetworkReply::NoError) {
        figures.seconds = 0;
    }
    delete reply;
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"upload-bench.bin"_s);
    {
        // Sparse: the file costs no disk space, and the kernel serves it from zero pages.
        QFile file(path);
        if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || !file.resize(kFileSize)) {
            std::fprintf(stderr, "cannot create %s\n", qPrintable(path));
            return 1;
        }
    }

    // The server runs on its own thread so that the figures are the client's, not the server's.
    QThread serverThread;
    testsupport::RecordingServer server;
    server.setKeepBodies(false);
    server.setHashBodies(false);
    server.setDefaultReply(testsupport::ScriptedReply::json(200, R"({"data":{"id":"x"}})"));
    server.moveToThread(&serverThread);
    serverThread.start();
    // On every way out: stop the server thread before the server object goes away.
    const auto stopServer = qScopeGuard([&] {
        QMetaObject::invokeMethod(
            &server, [&] { server.moveToThread(app.thread()); }, Qt::BlockingQueuedConnection);
        serverThread.quit();
        serverThread.wait();
    });
    bool listening = false;
    QMetaObject::invokeMethod(
        &server, [&] { listening = server.listen(); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1\n");
        return 1;
    }
    instant::AdminClient client(
        instant::Connection(server.url(), u"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b"_s, u"bench-token"_s));

    const qint64 rssBefore = statusKiB("VmRSS:");
    const qint64 peakBefore = statusKiB("VmHWM:");
    qint64 highest = rssBefore;
    QElapsedTimer clock;
    clock.start();
    bool ok = false;
    instant::ApiJob *job = client.upload(u"bench/upload.bin"_s, path);
    QObject::connect(
        job, &instant::ApiJob::uploadProgress, &app, [&highest] { highest = std::max(highest, statusKiB("VmRSS:")); });
    QObject::connect(job, &instant::ApiJob::finished, &app, [&](const instant::JsonResult &result) {
        ok = result.has_value();
        if (!ok) {
            std::fprintf(stderr, "upload failed: %s\n", qPrintable(result.error().detail()));
        }
        app.quit();
    });
    app.exec();

    Figures upload;
    upload.seconds = double(clock.nsecsElapsed()) / 1e9;
    upload.rssGrowthKiB = std::max(highest, statusKiB("VmRSS:")) - rssBefore;
    const qint64 peakGrowthKiB = statusKiB("VmHWM:") - peakBefore;
    qint64 received = 0;
    QMetaObject::invokeMethod(
        &server, [&] { received = server.requests().isEmpty() ? 0 : server.requests().constFirst().bodySize; },
        Qt::BlockingQueuedConnection);
    if (!ok || received != kFileSize) {
        std::fprintf(stderr, "server received %lld of %lld bytes\n", received, kFileSize);
        return 1;
    }

    const Figures local = readLocally(path);
    const Figures ceiling = uploadFromMemory(app, server);

    std::printf("upload of %lld MiB over loopback: %.2f s, %.0f MiB/s, RSS growth %lld KiB (VmHWM growth %lld KiB)\n",
        kFileSize >> 20, upload.seconds, upload.mibPerSecond(), upload.rssGrowthKiB, peakGrowthKiB);
    std::printf("reference, local read of the same file: %.2f s, %.0f MiB/s, RSS growth %lld KiB\n", local.seconds,
        local.mibPerSecond(), local.rssGrowthKiB);
    std::printf("reference, plain QNetworkAccessManager PUT of %lld MiB from memory: %.2f s, %.0f MiB/s\n",
        kCeilingSize >> 20, ceiling.seconds, ceiling.mibPerSecond());
    std::printf("ratio upload/local throughput: %.3f\n",
        local.mibPerSecond() > 0 ? upload.mibPerSecond() / local.mibPerSecond() : 0.0);
    std::printf("ratio upload/in-memory QNAM throughput: %.3f\n",
        ceiling.mibPerSecond() > 0 ? upload.mibPerSecond() / ceiling.mibPerSecond() : 0.0);
    std::printf("RSS growth as a share of the file size: %.4f %%\n",
        100.0 * double(upload.rssGrowthKiB) * 1024.0 / double(kFileSize));
    return 0;
}
