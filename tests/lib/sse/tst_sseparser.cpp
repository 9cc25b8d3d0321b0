#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>
#include <QTest>

#include "sse/sseparser.h"

using instant::SseMessage;
using instant::SseParser;

namespace {

// Messages written as short strings so the tables stay readable:
// "E|type|data|id" for events, "R|ms" for retry, "C|text" for comments, "I|line" for ignored lines.
QByteArray describe(const SseMessage &m)
{
    switch (m.kind) {
    case SseMessage::Kind::Event:
        return "E|" + m.type + '|' + m.data + '|' + m.lastEventId;
    case SseMessage::Kind::Retry:
        return "R|" + QByteArray::number(m.retryMs);
    case SseMessage::Kind::Comment:
        return "C|" + m.data;
    case SseMessage::Kind::Ignored:
        return "I|" + m.data;
    }
    return {};
}

QList<QByteArray> describe(const std::vector<SseMessage> &messages)
{
    QList<QByteArray> out;
    for (const SseMessage &m : messages) {
        out.append(describe(m));
    }
    return out;
}

QList<QByteArray> parseInPieces(const QByteArray &stream, const QList<qsizetype> &cuts)
{
    SseParser parser;
    std::vector<SseMessage> out;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        parser.feed(QByteArrayView(stream).sliced(from, cut - from), out);
        from = cut;
    }
    parser.feed(QByteArrayView(stream).sliced(from), out);
    return describe(out);
}

} // namespace

class TestSseParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streams_data();
    void streams();
    void hugeEvent();
    void hugeMultiLineEvent();
    void resetStartsANewStream();
};

void TestSseParser::streams_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<QByteArray>>("expected");

    QTest::newRow("instant-subscribe-query")
        << QByteArray("retry:500\n\ndata:{\"op\":\"sse-init\",\"machine-id\":\"m\"}\n\n"
                      "data:{\"op\":\"add-query-ok\",\"result\":{\"goals\":[]}}\n\n:\n"
                      "data:{\"op\":\"refresh-ok\",\"computations\":[]}\n\n")
        << QList<QByteArray> {"R|500", "E|message|{\"op\":\"sse-init\",\"machine-id\":\"m\"}|",
               "E|message|{\"op\":\"add-query-ok\",\"result\":{\"goals\":[]}}|", "C|",
               "E|message|{\"op\":\"refresh-ok\",\"computations\":[]}|"};
    QTest::newRow("crlf") << QByteArray("data: a\r\n\r\ndata:b\r\n\r\n")
                          << QList<QByteArray> {"E|message|a|", "E|message|b|"};
    QTest::newRow("cr-only") << QByteArray("data:a\r\rdata:b\r\r")
                             << QList<QByteArray> {"E|message|a|", "E|message|b|"};
    QTest::newRow("mixed-line-ends") << QByteArray("data:a\r\ndata:b\n\rdata:c\r\n\n")
                                     << QList<QByteArray> {"E|message|a\nb|", "E|message|c|"};
    QTest::newRow("cr-then-lf-is-one-line-end") << QByteArray("data:a\r\n\r\n") << QList<QByteArray> {"E|message|a|"};
    QTest::newRow("lf-cr-is-two-line-ends")
        << QByteArray("data:a\n\rdata:b\n\n") << QList<QByteArray> {"E|message|a|", "E|message|b|"};
    QTest::newRow("multi-line-data") << QByteArray("data:line1\ndata:line2\ndata\ndata:\n\n")
                                     << QList<QByteArray> {"E|message|line1\nline2\n\n|"};
    QTest::newRow("one-space-stripped") << QByteArray("data: one\n\ndata:  two\n\ndata:three \n\n")
                                        << QList<QByteArray> {"E|message|one|", "E|message| two|", "E|message|three |"};
    QTest::newRow("colon-in-value") << QByteArray("data:a:b: c\n\n") << QList<QByteArray> {"E|message|a:b: c|"};
    QTest::newRow("event-and-id") << QByteArray("event:update\nid:42\ndata:x\n\ndata:y\n\n")
                                  << QList<QByteArray> {"E|update|x|42", "E|message|y|42"};
    QTest::newRow("empty-id-resets") << QByteArray("id:7\ndata:x\n\nid\ndata:y\n\n")
                                     << QList<QByteArray> {"E|message|x|7", "E|message|y|"};
    QTest::newRow("empty-data-dispatches")
        << QByteArray("data\n\ndata:\n\n") << QList<QByteArray> {"E|message||", "E|message||"};
    QTest::newRow("blank-lines-only") << QByteArray("\n\n\r\n\r\r") << QList<QByteArray> {};
    QTest::newRow("type-without-data-is-dropped")
        << QByteArray("event:x\n\ndata:z\n\n") << QList<QByteArray> {"E|message|z|"};
    QTest::newRow("comments") << QByteArray(":\n:keepalive\n: hi\n:\r\n")
                              << QList<QByteArray> {"C|", "C|keepalive", "C| hi", "C|"};
    QTest::newRow("comment-inside-event")
        << QByteArray("data:a\n:\ndata:b\n\n") << QList<QByteArray> {"C|", "E|message|a\nb|"};
    QTest::newRow("retry-variants") << QByteArray("retry: 1000\nretry:abc\nretry:\nretry:-5\nretry:12x\nretry:0\n")
                                    << QList<QByteArray> {
                                           "R|1000", "I|retry:abc", "I|retry:", "I|retry:-5", "I|retry:12x", "R|0"};
    QTest::newRow("unknown-fields") << QByteArray("foo:bar\nunknownfield\nData:x\n\n")
                                    << QList<QByteArray> {"I|foo:bar", "I|unknownfield", "I|Data:x"};
    QTest::newRow("id-with-nul-ignored") << QByteArray("id:1\n\nid:a\0b\ndata:x\n\n", 21)
                                         << QList<QByteArray> {QByteArray("I|id:a\0b", 8), "E|message|x|1"};
    QTest::newRow("bom-at-start") << QByteArray("\xEF\xBB\xBF"
                                                "data:a\n\n")
                                  << QList<QByteArray> {"E|message|a|"};
    QTest::newRow("bom-later-is-data") << QByteArray("data:\xEF\xBB\xBF"
                                                     "a\n\n")
                                       << QList<QByteArray> {"E|message|\xEF\xBB\xBF"
                                                             "a|"};
    QTest::newRow("partial-bom-is-text") << QByteArray("\xEF\xBB"
                                                       "data:a\n\n")
                                         << QList<QByteArray> {"I|\xEF\xBB"
                                                               "data:a"};
    QTest::newRow("unterminated-event-not-dispatched")
        << QByteArray("data:a\n\ndata:b\n") << QList<QByteArray> {"E|message|a|"};
    QTest::newRow("unterminated-line") << QByteArray("data:a") << QList<QByteArray> {};
    QTest::newRow("utf8-payload") << QByteArray("data:{\"t\":\"Grüße 😀\"}\n\n")
                                  << QList<QByteArray> {"E|message|{\"t\":\"Grüße 😀\"}|"};
}

void TestSseParser::streams()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<QByteArray>, expected);

    QCOMPARE(parseInPieces(stream, {}), expected);

    // Every split into two reads.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        const auto got = parseInPieces(stream, {cut});
        QVERIFY2(got == expected, qPrintable(QStringLiteral("split at %1").arg(cut)));
    }

    // One byte per read.
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < stream.size(); ++i) {
        everyByte.append(i);
    }
    QCOMPARE(parseInPieces(stream, everyByte), expected);

    // Every split into three reads.
    for (qsizetype a = 0; a <= stream.size(); ++a) {
        for (qsizetype b = a; b <= stream.size(); ++b) {
            if (parseInPieces(stream, {a, b}) != expected) {
                QFAIL(qPrintable(QStringLiteral("split at %1 and %2").arg(a).arg(b)));
            }
        }
    }
}

void TestSseParser::hugeEvent()
{
    // One 50 MB data line, as a big add-query-ok, arriving in network-sized reads with CRLF endings.
    const qsizetype size = 50 * 1000 * 1000;
    QByteArray payload(size, 'x');
    for (qsizetype i = 0; i < size; i += 997) {
        payload[i] = char('a' + (i % 26));
    }
    const QByteArray stream = "retry:500\r\n\r\ndata:" + payload + "\r\n\r\n:\r\n";

    QElapsedTimer timer;
    timer.start();
    SseParser parser;
    std::vector<SseMessage> out;
    const qsizetype chunk = 16 * 1024 + 3; // odd size so that CR and LF land in different reads somewhere
    for (qsizetype from = 0; from < stream.size(); from += chunk) {
        parser.feed(QByteArrayView(stream).sliced(from, std::min(chunk, stream.size() - from)), out);
    }
    QCOMPARE(out.size(), std::size_t(3));
    QCOMPARE(out[0].kind, SseMessage::Kind::Retry);
    QCOMPARE(out[1].kind, SseMessage::Kind::Event);
    QCOMPARE(out[1].data.size(), size);
    QVERIFY(out[1].data == payload);
    QCOMPARE(out[2].kind, SseMessage::Kind::Comment);
    QCOMPARE(parser.pendingSize(), 0);
    qInfo("50 MB event parsed in %lld ms", timer.elapsed());
}

void TestSseParser::hugeMultiLineEvent()
{
    // 50 lines of 1 MB: joined with LF, linear in the total size.
    const QByteArray line(1000 * 1000, 'y');
    QByteArray stream;
    for (int i = 0; i < 50; ++i) {
        stream += "data:" + line + '\n';
    }
    stream += '\n';
    SseParser parser;
    std::vector<SseMessage> out;
    for (qsizetype from = 0; from < stream.size(); from += 65536) {
        parser.feed(QByteArrayView(stream).sliced(from, std::min<qsizetype>(65536, stream.size() - from)), out);
    }
    QCOMPARE(out.size(), std::size_t(1));
    QCOMPARE(out[0].data.size(), 50 * line.size() + 49);
    QCOMPARE(out[0].data.count('\n'), 49);
}

void TestSseParser::resetStartsANewStream()
{
    SseParser parser;
    auto out = parser.feed("id:9\ndata:half");
    QVERIFY(out.empty());
    QVERIFY(parser.pendingSize() > 0);
    parser.reset();
    QCOMPARE(parser.pendingSize(), 0);
    // A CR at the end of the old stream must not swallow an LF at the start of the new one.
    parser.feed("data:x\r");
    parser.reset();
    out = parser.feed("\xEF\xBB\xBF"
                      "data:new\n\n");
    QCOMPARE(describe(out), QList<QByteArray> {"E|message|new|9"});
    QCOMPARE(parser.lastEventId(), QByteArray("9"));
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
