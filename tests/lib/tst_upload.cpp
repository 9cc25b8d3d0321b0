// Uploads stream from files and devices with progress and cancel; the server receives exactly the bytes
// and memory stays flat.

#include "adminclient.h"
#include "recordingserver.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using instant::AdminClient;
using instant::ApiJob;
using instant::Error;
using instant::JsonResult;
using testsupport::RecordingServer;
using testsupport::ScriptedReply;

namespace {

const QString kApp = u"0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b"_s;
const QString kToken = u"6b1e0c9a-7d24-4c8f-9e31-2a5b4c6d7e8f"_s;
const QByteArray kReply = R"({"data":{"id":"a3e1c7d9-4b2f-4e8a-9c6d-1f0e2d3c4b5a"}})";

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / qsizetype(sizeof(quint32)));
    return data;
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

qint64 statusField(const char *name)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(name)) {
            return line.mid(qsizetype(qstrlen(name))).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
    }
    return -1;
}

/** A sequential device producing size pseudo-random bytes, like a pipe or a network stream. */
class GeneratedStream : public QIODevice {
public:
    explicit GeneratedStream(qint64 size)
        : m_remaining(size)
    { }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_remaining + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_remaining == 0 && QIODevice::bytesAvailable() == 0; }
    QByteArray produced() const { return m_hash.result(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min(maxSize, m_remaining);
        for (qint64 i = 0; i < count; ++i) {
            data[i] = char((m_counter++ * 31) & 0xff);
        }
        m_hash.addData(QByteArrayView(data, count));
        m_remaining -= count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_remaining;
    quint64 m_counter = 0;
    QCryptographicHash m_hash {QCryptographicHash::Sha256};
};

} // namespace

class TestUpload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void fromFile();
    void fromBufferWithMetadataAsUser();
    void fromSequentialDevice();
    void sequentialNeedsSize();
    void unreadableFile();
    void cancelMidway();
    void legacySignedUrlFlow();
    void memoryStaysFlat();

private:
    JsonResult waitFor(ApiJob *job);

    QTemporaryDir m_dir;
    RecordingServer m_server;
    AdminClient *m_client = nullptr;
};

void TestUpload::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.listen());
}

void TestUpload::init()
{
    m_server.clear();
    m_server.setKeepBodies(true);
    m_server.setDefaultReply(ScriptedReply::json(200, kReply));
    delete m_client;
    m_client = new AdminClient(instant::Connection(m_server.url(), kApp, kToken), this);
}

JsonResult TestUpload::waitFor(ApiJob *job)
{
    QPointer<ApiJob> guard = job;
    QSignalSpy spy(job, &ApiJob::finished);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 60000); }();
    [&] { QTRY_VERIFY(guard.isNull()); }();
    return spy.isEmpty() ? JsonResult(std::unexpected(Error())) : spy.at(0).at(0).value<JsonResult>();
}

void TestUpload::fromFile()
{
    const QByteArray content = randomBytes(8 * 1024 * 1024 + 123, 7);
    const QString path = m_dir.filePath(u"random.bin"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();

    ApiJob *job = m_client->upload(u"backups/random.bin"_s, path);
    QSignalSpy progress(job, &ApiJob::uploadProgress);
    const JsonResult result = waitFor(job);
    QVERIFY2(result, result ? "" : qPrintable(result.error().detail()));
    QCOMPARE(result->toObject().value(u"data"_s).toObject().value(u"id"_s).toString(),
        u"a3e1c7d9-4b2f-4e8a-9c6d-1f0e2d3c4b5a"_s);

    QCOMPARE(m_server.requests().size(), 1);
    const testsupport::RecordedRequest &request = m_server.requests().constFirst();
    QCOMPARE(request.method, "PUT"_ba);
    QCOMPARE(request.target, "/admin/storage/upload?app_id=" + kApp.toLatin1());
    QCOMPARE(request.header("path"), "backups/random.bin"_ba);
    QCOMPARE(request.header("content-length"), QByteArray::number(content.size()));
    QCOMPARE(request.header("authorization"), "Bearer " + kToken.toLatin1());
    QCOMPARE(request.header("app-id"), kApp.toLatin1());
    // The SDK removes its JSON content type and sends none unless the caller gives one.
    QVERIFY(!request.hasHeader("content-type"));
    QVERIFY(!request.hasHeader("content-disposition"));
    QCOMPARE(request.bodySize, qint64(content.size()));
    QVERIFY(request.body == content);

    QVERIFY(progress.count() >= 2);
    qint64 previous = -1;
    for (const QList<QVariant> &arguments : progress) {
        const qint64 sent = arguments.at(0).toLongLong();
        QVERIFY2(sent >= previous, qPrintable(u"%1 after %2"_s.arg(sent).arg(previous)));
        previous = sent;
    }
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(content.size()));
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(content.size()));
}

void TestUpload::fromBufferWithMetadataAsUser()
{
    QBuffer buffer;
    buffer.setData("\x89PNG\r\n");
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QVERIFY(buffer.seek(1));
    const auto view = m_client->withIdentity(instant::Identity::asEmail(u"a@b.c"_s));
    const JsonResult result = waitFor(view.upload(u"photos/demo.png"_s, &buffer, {u"image/png"_s, u"attachment"_s}));
    QVERIFY(result);
    const testsupport::RecordedRequest &request = m_server.requests().constFirst();
    // From the device's current position to its end.
    QCOMPARE(request.body, "PNG\r\n"_ba);
    QCOMPARE(request.header("content-type"), "image/png"_ba);
    QCOMPARE(request.header("content-disposition"), "attachment"_ba);
    QCOMPARE(request.header("as-email"), "a@b.c"_ba);
    QCOMPARE(request.headerCount("content-type"), 1);
}

void TestUpload::fromSequentialDevice()
{
    const qint64 size = 3 * 1024 * 1024 + 5;
    GeneratedStream stream(size);
    QVERIFY(stream.open(QIODevice::ReadOnly));
    const JsonResult result
        = waitFor(m_client->upload(u"stream.bin"_s, &stream, {u"application/octet-stream"_s, {}}, {}, size));
    QVERIFY2(result, result ? "" : qPrintable(result.error().detail()));
    const testsupport::RecordedRequest &request = m_server.requests().constFirst();
    QCOMPARE(request.bodySize, size);
    QCOMPARE(request.bodySha256, stream.produced());
}

void TestUpload::sequentialNeedsSize()
{
    GeneratedStream stream(10);
    QVERIFY(stream.open(QIODevice::ReadOnly));
    const JsonResult result = waitFor(m_client->upload(u"x"_s, &stream));
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QCOMPARE(m_server.requests().size(), 0);
}

void TestUpload::unreadableFile()
{
    const JsonResult result = waitFor(m_client->upload(u"x"_s, m_dir.filePath(u"missing.bin"_s)));
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY(result.error().userMessage().contains(u"missing.bin"_s));
}

void TestUpload::cancelMidway()
{
    const QString path = m_dir.filePath(u"big.bin"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(256LL * 1024 * 1024));
    file.close();
    m_server.setKeepBodies(false);

    QPointer<ApiJob> job = m_client->upload(u"big.bin"_s, path);
    QSignalSpy finished(job, &ApiJob::finished);
    // Cancel as soon as the first piece is on its way: the rest must never be sent.
    connect(job, &ApiJob::uploadProgress, job, [&](qint64 sent, qint64) {
        if (sent > 0) {
            job->cancel();
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(job.isNull(), 20000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<JsonResult>().error().kind, Error::Kind::Cancelled);
    QCOMPARE(m_server.requests().size(), 0);
    QVERIFY(m_server.bodyBytesReceived() < 256LL * 1024 * 1024);
    const auto entry = m_client->requestLog()->at(0);
    QCOMPARE(entry.error->kind, Error::Kind::Cancelled);
}

void TestUpload::legacySignedUrlFlow()
{
    QUrl signedUrl = m_server.url();
    signedUrl.setPath(u"/storage/5b7c/consume-upload-url"_s);
    m_server.enqueue(ScriptedReply::json(200, R"({"data":")" + signedUrl.toEncoded() + R"("})"));
    const JsonResult step1 = waitFor(m_client->signedUploadUrl(u"photos/demo.png"_s));
    QVERIFY(step1);
    const QUrl returned(step1->toObject().value(u"data"_s).toString());
    QCOMPARE(returned, signedUrl);

    const QString path = m_dir.filePath(u"demo.png"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\x89PNG!");
    file.close();
    const JsonResult step2 = waitFor(m_client->uploadToSignedUrl(returned, path, u"image/png"_s));
    QVERIFY2(step2, step2 ? "" : qPrintable(step2.error().detail()));

    QCOMPARE(m_server.requests().size(), 2);
    const testsupport::RecordedRequest &put = m_server.requests().at(1);
    QCOMPARE(put.method, "PUT"_ba);
    QCOMPARE(put.target, "/storage/5b7c/consume-upload-url"_ba);
    QCOMPARE(put.body, "\x89PNG!"_ba);
    QCOMPARE(put.header("content-type"), "image/png"_ba);
    QVERIFY(!put.hasHeader("authorization"));
    QVERIFY(!put.hasHeader("app-id"));
    QVERIFY(!put.hasHeader("path"));

    const JsonResult badUrl = waitFor(m_client->uploadToSignedUrl(QUrl(u"ftp://x/y"_s), path));
    QCOMPARE(badUrl.error().kind, Error::Kind::Config);
}

void TestUpload::memoryStaysFlat()
{
    const qint64 size = 128LL * 1024 * 1024;
    const QString path = m_dir.filePath(u"sparse.bin"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(size));
    file.close();
    const QByteArray expectedHash = sha256OfFile(path);
    m_server.setKeepBodies(false);

    // Sample the resident set while the upload runs; earlier tests may have set a higher VmHWM already.
    const qint64 before = statusField("VmRSS:");
    qint64 highest = before;
    ApiJob *job = m_client->upload(u"sparse.bin"_s, path);
    connect(job, &ApiJob::uploadProgress, this, [&] { highest = std::max(highest, statusField("VmRSS:")); });
    const JsonResult result = waitFor(job);
    QVERIFY2(result, result ? "" : qPrintable(result.error().detail()));
    QCOMPARE(m_server.requests().constFirst().bodySize, size);
    QCOMPARE(m_server.requests().constFirst().bodySha256, expectedHash);

    const qint64 growth = highest - before;
    qInfo("peak RSS growth during a %lld MiB upload: %lld KiB", size >> 20, growth / 1024);
    // Buffering the file would grow the peak by about its size.
    QVERIFY2(growth < 32LL * 1024 * 1024, qPrintable(QString::number(growth)));
}

QTEST_GUILESS_MAIN(TestUpload)
#include "tst_upload.moc"
