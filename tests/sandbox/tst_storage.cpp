// Storage over HTTP: streaming uploads, upsert by path, the sandbox-served `url`, deletes, the
// legacy routes, path safety and cancelled uploads (§4.16–4.21, §8.2).

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include "sandboxtestsupport.h"

using namespace sandboxtest;

namespace {

/** Deterministic bytes generated on demand, so large bodies never sit in memory. */
class PatternDevice : public QIODevice {
public:
    explicit PatternDevice(qint64 size)
        : m_size(size)
    { }
    qint64 size() const override { return m_size; }
    bool isSequential() const override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, m_size - pos());
        for (qint64 i = 0; i < n; ++i) {
            data[i] = char((pos() + i) * 7 % 251);
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_size;
};

qint32 javaHash(const QString &text)
{
    quint32 hash = 0;
    for (const QChar c : text) {
        hash = 31 * hash + c.unicode();
    }
    return qint32(hash);
}

} // namespace

class TestStorage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void uploadServesBytes();
    void uploadDefaults();
    void uploadUpsertsByPath();
    void uploadStreamsLargeBody();
    void uploadErrors();
    void impersonatedStorageIsDenied();
    void pathsNeverEscape_data();
    void pathsNeverEscape();
    void cancelledUploadLeavesNothing();
    void uploadLimit();
    void legacyListAndSignedUrls();
    void deleteOneAndMany();
    void legacySignedUpload();

private:
    HttpResult upload(
        const QString &path, const QByteArray &bytes, const QByteArray &contentType = {}, const Headers &extra = {});
    QJsonObject fileAt(const QString &path);
    QStringList filesOnDisk() const;

    SandboxFixture m_sandbox;
    std::unique_ptr<HttpClient> m_http;
};

HttpResult TestStorage::upload(
    const QString &path, const QByteArray &bytes, const QByteArray &contentType, const Headers &extra)
{
    Headers headers = extra.isEmpty() ? m_sandbox.admin() : extra;
    headers.push_back({"Path", path.toUtf8()});
    if (!contentType.isEmpty()) {
        headers.push_back({"Content-Type", contentType});
    }
    return m_http->send("PUT", QStringLiteral("/admin/storage/upload"), headers, bytes);
}

QJsonObject TestStorage::fileAt(const QString &path)
{
    const HttpResult result = m_http->json("POST", QStringLiteral("/admin/query"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("query"),
            QJsonObject {{QStringLiteral("$files"),
                QJsonObject {{QStringLiteral("$"),
                    QJsonObject {{QStringLiteral("where"), QJsonObject {{QStringLiteral("path"), path}}}}}}}}}});
    return result.object()[QStringLiteral("$files")].toArray().first().toObject();
}

QStringList TestStorage::filesOnDisk() const
{
    QStringList files;
    QDirIterator it(m_sandbox.dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(QDir(m_sandbox.dataDir()).relativeFilePath(it.next()));
    }
    return files;
}

void TestStorage::initTestCase()
{
    QCOMPARE(m_sandbox.start(), QString());
    m_http = std::make_unique<HttpClient>(m_sandbox.url());
}

void TestStorage::uploadServesBytes()
{
    const QByteArray bytes("\x89PNG\r\n\x1a\n-not-really-a-png", 24);
    const HttpResult result = upload(QStringLiteral("photos/demo.png"), bytes, "image/png");
    QCOMPARE(result.status, 200);
    const QJsonObject data = result.object()[QStringLiteral("data")].toObject();
    QCOMPARE(data[QStringLiteral("size")].toInt(), bytes.size());

    const QJsonObject file = fileAt(QStringLiteral("photos/demo.png"));
    QCOMPARE(file[QStringLiteral("id")], data[QStringLiteral("id")]);
    QCOMPARE(file[QStringLiteral("location-id")], data[QStringLiteral("location-id")]);
    QCOMPARE(file[QStringLiteral("content-type")].toString(), QStringLiteral("image/png"));
    QCOMPARE(file[QStringLiteral("content-disposition")].toString(), QStringLiteral("inline"));
    QCOMPARE(file[QStringLiteral("key-version")].toInt(), 1);
    QCOMPARE(file[QStringLiteral("size")].toInt(), bytes.size());

    const QString url = file[QStringLiteral("url")].toString();
    QVERIFY2(url.startsWith(m_sandbox.url() + QStringLiteral("/")), qPrintable(url));
    HttpClient direct(QString {});
    const HttpResult served = direct.send("GET", url, {});
    QCOMPARE(served.status, 200);
    QCOMPARE(served.body, bytes);
    QCOMPARE(served.header("Content-Type"), QByteArray("image/png"));
}

void TestStorage::uploadDefaults()
{
    for (const QByteArray &type : {QByteArray(), QByteArray("null"), QByteArray("undefined")}) {
        const HttpResult result = upload(QStringLiteral("defaults.bin"), "abc", type);
        QCOMPARE(result.status, 200);
        QCOMPARE(fileAt(QStringLiteral("defaults.bin"))[QStringLiteral("content-type")].toString(),
            QStringLiteral("application/octet-stream"));
    }
}

void TestStorage::uploadUpsertsByPath()
{
    const HttpResult first = upload(QStringLiteral("docs/report.txt"), "first version", "text/plain");
    const QJsonObject firstFile = fileAt(QStringLiteral("docs/report.txt"));
    const HttpResult second = upload(QStringLiteral("docs/report.txt"), "second, longer version", "text/markdown");
    QCOMPARE(second.status, 200);
    const QJsonObject secondFile = fileAt(QStringLiteral("docs/report.txt"));
    QCOMPARE(secondFile[QStringLiteral("id")], firstFile[QStringLiteral("id")]);
    QVERIFY(secondFile[QStringLiteral("location-id")] != firstFile[QStringLiteral("location-id")]);
    QCOMPARE(secondFile[QStringLiteral("size")].toInt(), 22);
    QCOMPARE(secondFile[QStringLiteral("content-type")].toString(), QStringLiteral("text/markdown"));

    // The old bytes are gone, the new ones are served.
    const QString oldLocation = firstFile[QStringLiteral("location-id")].toString();
    QVERIFY(!filesOnDisk().join(QLatin1Char(' ')).contains(oldLocation));
    HttpClient direct(QString {});
    QCOMPARE(direct.send("GET", firstFile[QStringLiteral("url")].toString(), {}).status, 404);
    QCOMPARE(direct.send("GET", secondFile[QStringLiteral("url")].toString(), {}).body,
        QByteArray("second, longer version"));
}

void TestStorage::uploadStreamsLargeBody()
{
    const qint64 size = qint64(48) * 1024 * 1024;
    PatternDevice device(size);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QNetworkRequest request = m_http->request(QStringLiteral("/admin/storage/upload"), m_sandbox.admin());
    request.setRawHeader("Path", "big/pattern.bin");
    request.setHeader(QNetworkRequest::ContentLengthHeader, size);
    QNetworkReply *reply = m_http->manager().put(request, &device);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(60000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();

    const QJsonObject file = fileAt(QStringLiteral("big/pattern.bin"));
    QCOMPARE(qint64(file[QStringLiteral("size")].toDouble()), size);
    QFile stored(m_sandbox.dataDir() + QStringLiteral("/files/") + QString::fromLatin1(m_sandbox.appId())
        + QLatin1Char('/') + file[QStringLiteral("location-id")].toString());
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.size(), size);
    QCryptographicHash expected(QCryptographicHash::Sha256);
    QVERIFY(device.seek(0));
    QVERIFY(expected.addData(&device));
    QCryptographicHash actual(QCryptographicHash::Sha256);
    QVERIFY(actual.addData(&stored));
    QCOMPARE(actual.result(), expected.result());
}

void TestStorage::uploadErrors()
{
    Headers headers = m_sandbox.admin();
    const HttpResult noPath = m_http->send("PUT", QStringLiteral("/admin/storage/upload"), headers, "x");
    QCOMPARE(noPath.status, 400);
    QCOMPARE(noPath.body,
        QByteArray("{\"hint\":{\"in\":[\"path\"]},\"message\":\"Missing parameter: "
                   "[\\\"path\\\"]\",\"type\":\"param-missing\"}"));
    headers.push_back({"Path", "   "});
    QCOMPARE(m_http->send("PUT", QStringLiteral("/admin/storage/upload"), headers, "x").status, 400);

    const HttpResult noAuth = upload(QStringLiteral("x.txt"), "x", {}, Headers {{"App-Id", m_sandbox.appId()}});
    QCOMPARE(noAuth.status, 400);
    QCOMPARE(noAuth.object()[QStringLiteral("type")].toString(), QStringLiteral("param-missing"));
}

void TestStorage::impersonatedStorageIsDenied()
{
    const Headers guest {{"App-Id", m_sandbox.appId()}, {"As-Guest", "true"}};
    const HttpResult result = upload(QStringLiteral("guest.txt"), "hello", "text/plain", guest);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.body,
        QByteArray("{\"hint\":{\"expected\":\"has-storage-permission?\",\"input\":[\"$files\",\"create\"]},"
                   "\"message\":\"Permission denied: not has-storage-permission?\",\"type\":\"permission-denied\"}"));
    QVERIFY(fileAt(QStringLiteral("guest.txt")).isEmpty());

    const HttpResult del
        = m_http->send("DELETE", QStringLiteral("/admin/storage/files?filename=photos/demo.png"), guest);
    QCOMPARE(del.status, 400);
    QCOMPARE(del.object()[QStringLiteral("hint")][QStringLiteral("input")][1].toString(), QStringLiteral("delete"));
}

void TestStorage::pathsNeverEscape_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("dot-dot") << QStringLiteral("../../escaped.txt");
    QTest::newRow("absolute") << QStringLiteral("/tmp/escaped.txt");
    QTest::newRow("nested-dot-dot") << QStringLiteral("a/../../../escaped.txt");
    QTest::newRow("backslashes") << QStringLiteral("..\\..\\escaped.txt");
    QTest::newRow("unicode") << QStringLiteral("ü/../日本.txt");
}

void TestStorage::pathsNeverEscape()
{
    QFETCH(QString, path);
    const QStringList before = QDir(m_sandbox.dataDir() + QStringLiteral("/..")).entryList(QDir::Files);
    const HttpResult result = upload(path, "payload", "text/plain");
    QCOMPARE(result.status, 200);
    QCOMPARE(fileAt(path)[QStringLiteral("path")].toString(), path);

    // Nothing appeared beside the data directory, and every stored file is named by ids only.
    QCOMPARE(QDir(m_sandbox.dataDir() + QStringLiteral("/..")).entryList(QDir::Files), before);
    const QRegularExpression safe(QStringLiteral("^(sandbox\\.[a-z-]+|files/[0-9a-f-]{36}/[0-9a-f-]{36})$"));
    for (const QString &file : filesOnDisk()) {
        QVERIFY2(safe.match(file).hasMatch(), qPrintable(file));
    }
}

void TestStorage::cancelledUploadLeavesNothing()
{
    const qint64 size = qint64(256) * 1024 * 1024;
    PatternDevice device(size);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QNetworkRequest request = m_http->request(QStringLiteral("/admin/storage/upload"), m_sandbox.admin());
    request.setRawHeader("Path", "cancelled.bin");
    request.setHeader(QNetworkRequest::ContentLengthHeader, size);
    QNetworkReply *reply = m_http->manager().put(request, &device);
    const QDir incoming(m_sandbox.dataDir() + QStringLiteral("/files/.incoming"));
    bool sawPartial = false;
    connect(reply, &QNetworkReply::uploadProgress, this, [&](qint64 sent, qint64) {
        if (!sawPartial && sent > 8 * 1024 * 1024 && !incoming.entryList(QDir::Files).isEmpty()) {
            sawPartial = true;
            reply->abort();
        }
    });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(60000));
    QVERIFY(sawPartial);
    reply->deleteLater();

    QTRY_VERIFY_WITH_TIMEOUT(incoming.entryList(QDir::Files).isEmpty(), 10000);
    QVERIFY(fileAt(QStringLiteral("cancelled.bin")).isEmpty());
    QVERIFY(!filesOnDisk().join(QLatin1Char(' ')).contains(QStringLiteral(".part")));
}

void TestStorage::uploadLimit()
{
    SandboxFixture small;
    sandbox::SandboxOptions options;
    options.uploadLimit = 1024 * 1024;
    QCOMPARE(small.start(options), QString());
    HttpClient http(small.url());
    Headers headers = small.admin();
    headers.push_back({"Path", "too-big.bin"});
    const HttpResult result
        = http.send("PUT", QStringLiteral("/admin/storage/upload"), headers, QByteArray(2 * 1024 * 1024, 'x'));
    QCOMPARE(result.status, 413);
    QCOMPARE(result.object()[QStringLiteral("type")].toString(), QStringLiteral("payload-too-large"));
    QCOMPARE(result.object()[QStringLiteral("hint")][QStringLiteral("limit")].toInt(), 1024 * 1024);
    const HttpResult fits = http.send("PUT", QStringLiteral("/admin/storage/upload"), headers, QByteArray(1000, 'x'));
    QCOMPARE(fits.status, 200);
}

void TestStorage::legacyListAndSignedUrls()
{
    QCOMPARE(upload(QStringLiteral("list/one.txt"), "one", "text/plain").status, 200);
    const HttpResult list = m_http->send("GET", QStringLiteral("/admin/storage/files"), m_sandbox.admin());
    QCOMPARE(list.status, 200);
    bool found = false;
    for (const QJsonValue &value : list.object()[QStringLiteral("data")].toArray()) {
        const QJsonObject item = value.toObject();
        if (item[QStringLiteral("name")].toString() != QLatin1String("list/one.txt")) {
            continue;
        }
        found = true;
        const QString location = fileAt(QStringLiteral("list/one.txt"))[QStringLiteral("location-id")].toString();
        const int bin = int(std::llabs(qint64(javaHash(location))) % 10);
        QCOMPARE(item[QStringLiteral("key")].toString(),
            QString::fromLatin1(m_sandbox.appId()) + QLatin1Char('/') + QString::number(bin) + QLatin1Char('/')
                + location);
        QCOMPARE(item[QStringLiteral("size")].toInt(), 3);
        QVERIFY(item[QStringLiteral("etag")].isNull());
        QVERIFY(item[QStringLiteral("last_modified")].isNull());
    }
    QVERIFY(found);

    const HttpResult signedUrl = m_http->send(
        "GET", QStringLiteral("/admin/storage/signed-download-url?filename=list/one.txt"), m_sandbox.admin());
    QCOMPARE(signedUrl.status, 200);
    HttpClient direct(QString {});
    QCOMPARE(direct.send("GET", signedUrl.object()[QStringLiteral("data")].toString(), {}).body, QByteArray("one"));
    const HttpResult missing = m_http->send(
        "GET", QStringLiteral("/admin/storage/signed-download-url?filename=nope.txt"), m_sandbox.admin());
    QCOMPARE(missing.body, QByteArray("{\"data\":null}"));
}

void TestStorage::deleteOneAndMany()
{
    for (const char *name : {"del/a.txt", "del/b.txt", "del/c.txt"}) {
        QCOMPARE(upload(QString::fromLatin1(name), "x", "text/plain").status, 200);
    }
    const QJsonObject a = fileAt(QStringLiteral("del/a.txt"));
    const HttpResult one
        = m_http->send("DELETE", QStringLiteral("/admin/storage/files?filename=del%2Fa.txt"), m_sandbox.admin());
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object()[QStringLiteral("data")][QStringLiteral("id")], a[QStringLiteral("id")]);
    HttpClient direct(QString {});
    QCOMPARE(direct.send("GET", a[QStringLiteral("url")].toString(), {}).status, 404);
    const HttpResult again
        = m_http->send("DELETE", QStringLiteral("/admin/storage/files?filename=del%2Fa.txt"), m_sandbox.admin());
    QCOMPARE(again.body, QByteArray("{\"data\":{\"id\":null}}"));

    const QJsonObject b = fileAt(QStringLiteral("del/b.txt"));
    const QJsonObject c = fileAt(QStringLiteral("del/c.txt"));
    const HttpResult many = m_http->json("POST", QStringLiteral("/admin/storage/files/delete"), m_sandbox.admin(),
        QJsonObject {{QStringLiteral("filenames"),
            QJsonArray {QStringLiteral("del/b.txt"), QStringLiteral("missing.txt"), QStringLiteral("del/c.txt")}}});
    QCOMPARE(many.status, 200);
    QStringList ids;
    for (const QJsonValue &id : many.object()[QStringLiteral("data")][QStringLiteral("ids")].toArray()) {
        ids.append(id.toString());
    }
    ids.sort();
    QStringList expected {b[QStringLiteral("id")].toString(), c[QStringLiteral("id")].toString()};
    expected.sort();
    QCOMPARE(ids, expected);
    QVERIFY(fileAt(QStringLiteral("del/b.txt")).isEmpty());

    const HttpResult none = m_http->json("POST", QStringLiteral("/admin/storage/files/delete"), m_sandbox.admin(), {});
    QCOMPARE(none.status, 400);
    QCOMPARE(none.object()[QStringLiteral("message")].toString(),
        QStringLiteral("Missing parameter: [\"body\" \"filenames\"]"));
}

void TestStorage::legacySignedUpload()
{
    const HttpResult ticket = m_http->json("POST", QStringLiteral("/admin/storage/signed-upload-url"),
        m_sandbox.admin(), QJsonObject {{QStringLiteral("filename"), QStringLiteral("legacy/upload.txt")}});
    QCOMPARE(ticket.status, 200);
    const QString url = ticket.object()[QStringLiteral("data")].toString();
    QVERIFY2(url.startsWith(m_sandbox.url() + QStringLiteral("/storage/"))
            && url.endsWith(QStringLiteral("/consume-upload-url")),
        qPrintable(url));
    HttpClient direct(QString {});
    const HttpResult put = direct.send("PUT", url, {{"Content-Type", "text/plain"}}, "legacy bytes");
    QCOMPARE(put.status, 200);
    QCOMPARE(put.object()[QStringLiteral("data")][QStringLiteral("id")],
        fileAt(QStringLiteral("legacy/upload.txt"))[QStringLiteral("id")]);
    QCOMPARE(direct.send("PUT", url, {}, "again").status, 400); // single use
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
