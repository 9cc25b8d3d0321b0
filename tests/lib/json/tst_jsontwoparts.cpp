// Big documents are decoded in two parts on two threads and then joined. These tests build documents
// whose split point lands in awkward places (deep inside containers, inside a string, in front of
// errors) and check the result against Qt's decoder, the bookkeeping a model relies on, and the exact
// error positions a one-part decode gives.

#include <QObject>
#include <QTest>
#include <QThread>

#include "jsoncompare.h"
#include "json/jsontree.h"

using instant::JsonNode;
using instant::JsonTree;

namespace {

// Comfortably above the size from which a document is decoded in two parts.
constexpr qsizetype kBigDocument = 3 * 1024 * 1024;

// One entity with every kind of value, escapes spelled the way toJson() writes them.
QByteArray entity(int i)
{
    return "{\"id\":\"goal-" + QByteArray::number(i) + "\",\"title\":\"Say \\\"hi\\\" to \\\\ and\\n\\t"
        + QByteArray::number(i) + " caf\xc3\xa9 \xf0\x9f\x98\x80\\u0001\",\"n\":" + QByteArray::number(i)
        + ",\"score\":" + QByteArray::number(i) + ".25e-1,\"done\":" + (i % 2 ? "true" : "false")
        + ",\"none\":null,\"tags\":[\"a\",[],{}],\"k\\\"ey\":{\"todos\":[{\"id\":\"t" + QByteArray::number(i)
        + "\",\"rank\":-" + QByteArray::number(i % 7) + "}]}}";
}

// Comma-separated entities of at least bytes in total; count says how many.
QByteArray entities(qsizetype bytes, int first = 0, int *count = nullptr)
{
    QByteArray out;
    int i = first;
    while (out.size() < bytes) {
        if (i != first) {
            out.append(',');
        }
        out.append(entity(i++));
    }
    if (count) {
        *count = i - first;
    }
    return out;
}

// One past the largest node index in the subtree.
qsizetype indexEnd(const JsonNode &node)
{
    qsizetype end = node.index() + 1;
    for (qsizetype i = 0; i < node.size(); ++i) {
        end = std::max(end, indexEnd(node.at(i)));
    }
    return end;
}

bool hasIndexGap(const JsonTree &tree)
{
    return indexEnd(tree.root()) > tree.nodeCount();
}

} // namespace

class TestJsonTwoParts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void splitInsideString();
    void tooDeepAcrossSplit();
    void invalid_data();
    void invalid();
    void concurrentBigDecodes();
};

void TestJsonTwoParts::valid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("root-array") << "[" + entities(kBigDocument) + "]";
    QTest::newRow("entities-in-an-object") << "{\"goals\":[" + entities(kBigDocument) + "],\"count\":3}";
    // Behind the split, the tail closes containers of the head and goes on with members of an object,
    // elements of an array, and an empty key, before the document ends.
    QTest::newRow("members-after-the-split")
        << R"({"a":{"b":[[)" + entities(kBigDocument) + R"(],{"x":1}],"c":{"d":[1,"two",null]},"":[[],{}]},"e":"end"})";
    // 500 open containers at the split point, all closed by the tail.
    QByteArray deep;
    for (int level = 0; level < 250; ++level) {
        deep.append("{\"k\":[");
    }
    deep.append(entities(kBigDocument));
    for (int level = 0; level < 250; ++level) {
        deep.append("],\"after\":" + QByteArray::number(level) + "}");
    }
    QTest::newRow("deep-across-the-split") << deep;
    QTest::newRow("scalars-between-objects")
        << "[" + entities(kBigDocument / 2) + ",1,\"s\",true,null,[]," + entities(kBigDocument / 2, 100000) + "]";
}

void TestJsonTwoParts::valid()
{
    QFETCH(QByteArray, json);
    bool sawTwoParts = false;
    // A decode uses one part when no helper thread is free in time; both must give the same tree.
    for (int attempt = 0; attempt < 10 && !sawTwoParts; ++attempt) {
        const auto tree = JsonTree::parse(json);
        QVERIFY2(tree, tree ? "" : qPrintable(tree.error().message));
        sawTwoParts = hasIndexGap(*tree);
        QCOMPARE(tree->root().toJson(), json);
        qsizetype visited = 0;
        jsontest::checkStructure(*tree, tree->root(), visited);
        QCOMPARE(visited, tree->nodeCount());
        // Every index below the end either is a node or lies in the gap.
        qsizetype valid = 0;
        for (qsizetype i = 0, end = indexEnd(tree->root()); i < end; ++i) {
            valid += tree->node(i).isValid();
        }
        QCOMPARE(valid, tree->nodeCount());
        if (attempt == 0) {
            bool ok = false;
            const QJsonValue expected = jsontest::qtDecode(json, &ok);
            QVERIFY(ok);
            QVERIFY(jsontest::sameJson(tree->root().toQJsonValue(), expected));
        }
    }
    if (QThread::idealThreadCount() > 1) {
        QVERIFY2(sawTwoParts, "no decode used two parts");
    }
}

void TestJsonTwoParts::splitInsideString()
{
    // The middle of the document is inside a string full of ",{": a split there would misread the
    // string, so the decoder must notice and take the document in one part.
    const QByteArray text = QByteArray(",{").repeated(kBigDocument / 2);
    int before = 0;
    const QByteArray json = "[" + entities(200000, 0, &before) + ",\"" + text + "\"," + entities(200000, 5000) + "]";
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto tree = JsonTree::parse(json);
        QVERIFY(tree);
        QVERIFY(!hasIndexGap(*tree));
        const JsonNode root = tree->root();
        QCOMPARE(root.at(before).stringView().size(), text.size());
        QCOMPARE(root.toJson(), json);
        qsizetype visited = 0;
        jsontest::checkStructure(*tree, root, visited);
        QCOMPARE(visited, tree->nodeCount());
    }
}

void TestJsonTwoParts::tooDeepAcrossSplit()
{
    // 600 levels open at the split, and 500 more in the second part: 1100 in all, more than the 1024
    // levels any decode accepts, though neither part alone has that many.
    QByteArray json;
    for (int level = 0; level < 600; ++level) {
        json.append('[');
    }
    json.append(entities(kBigDocument * 2 / 3) + ",");
    const qsizetype tooDeep = json.size() + 424;
    json.append(QByteArray(500, '[') + QByteArray(500, ']'));
    json.append("," + entities(kBigDocument / 3));
    json.append(QByteArray(600, ']'));
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto tree = JsonTree::parse(json);
        QVERIFY(!tree);
        QVERIFY2(tree.error().message.contains(QStringLiteral("deeply")), qPrintable(tree.error().message));
        QCOMPARE(tree.error().offset, tooDeep);
    }
}

void TestJsonTwoParts::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("message");

    // An object's members, then an object where a member name belongs: the split point is that '{'.
    QByteArray members = "{";
    for (int i = 0; members.size() < kBigDocument; ++i) {
        members.append("\"k" + QByteArray::number(i) + "\":" + entity(i) + ",");
    }
    const qsizetype objectWithoutName = members.size();
    members.append("{\"v\":1},\"last\":0}");
    QTest::newRow("object-without-a-member-name")
        << members << objectWithoutName << QStringLiteral("expected a member name in double quotes");

    const QByteArray head = "[" + entities(kBigDocument * 3 / 4);
    const QByteArray tail = entities(kBigDocument / 4, 900000) + "]";
    QTest::newRow("missing-comma-in-the-tail")
        << head + " " + tail << head.size() + 1 << QStringLiteral("expected ',' or ']' after an array element");
    QTest::newRow("leading-zero-in-the-tail")
        << head + ",01," + tail << head.size() + 1 << QStringLiteral("invalid number");
    QTest::newRow("bad-escape-in-the-tail")
        << head + ",\"a\\qb\"," + tail << head.size() + 3 << QStringLiteral("invalid escape sequence in a string");
    QTest::newRow("trailing-content") << head + "," + tail + " x" << head.size() + 1 + tail.size() + 1
                                      << QStringLiteral("unexpected content after the document");
    QTest::newRow("extra-closing-bracket") << head + "," + tail + "]" << head.size() + 1 + tail.size()
                                           << QStringLiteral("unexpected content after the document");
    const QByteArray unclosed = head + "," + tail.chopped(1);
    QTest::newRow("unclosed-array") << unclosed << unclosed.size()
                                    << QStringLiteral("unexpected end of the document: an array is not closed");
    QTest::newRow("wrong-closing-bracket") << head + "," + tail.chopped(1) + "}" << head.size() + tail.size()
                                           << QStringLiteral("expected ',' or ']' after an array element");
}

void TestJsonTwoParts::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, offset);
    QFETCH(QString, message);
    // Whether or not a decode tried two parts, the error is the one a single pass finds first.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto tree = JsonTree::parse(json);
        QVERIFY(!tree);
        QCOMPARE(tree.error().message, message);
        QCOMPARE(tree.error().offset, offset);
    }
}

void TestJsonTwoParts::concurrentBigDecodes()
{
    // More big decodes at once than there are helper threads: some run in one part, all must be right.
    const QByteArray json = "{\"goals\":[" + entities(kBigDocument) + "]}";
    QObject context;
    int done = 0;
    int good = 0;
    for (int i = 0; i < 6; ++i) {
        instant::decodeJsonAsync(json, &context, [&](std::expected<JsonTree, instant::JsonParseError> result) {
            ++done;
            if (result && result->root().toJson() == json) {
                ++good;
            }
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, 6, 120000);
    QCOMPARE(good, 6);
}

QTEST_GUILESS_MAIN(TestJsonTwoParts)
#include "tst_jsontwoparts.moc"
