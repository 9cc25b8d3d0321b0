#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <cmath>

#include "jsoncompare.h"
#include "json/jsontree.h"

using instant::JsonNode;
using instant::JsonTree;
using jsontest::checkStructure;
using jsontest::qtDecode;
using jsontest::sameJson;

namespace {

QString randomString(QRandomGenerator &rng)
{
    static const char16_t pieces[][8] = {u"a", u"id", u"Gr\u00fc\u00dfe", u"\"", u"\\", u"/", u"\n", u"\t", u"\u0001",
        u"\u001f", u"\u00e9", u"\u4e2d", u"\U0001F600", u" ", u"x y"};
    QString s;
    const int n = int(rng.bounded(8));
    for (int i = 0; i < n; ++i) {
        s += QString::fromUtf16(pieces[rng.bounded(int(std::size(pieces)))]);
    }
    return s;
}

QJsonValue randomValue(QRandomGenerator &rng, int depth)
{
    const int kind = int(rng.bounded(depth > 4 ? 6 : 8));
    switch (kind) {
    case 0:
        return QJsonValue(QJsonValue::Null);
    case 1:
        return rng.bounded(2) == 1;
    case 2:
        return qint64(rng.generate64() >> rng.bounded(64)) * (rng.bounded(2) ? 1 : -1);
    case 3:
        return (rng.generateDouble() - 0.5) * std::pow(10.0, double(rng.bounded(40)) - 20);
    case 4:
    case 5:
        return randomString(rng);
    case 6: {
        QJsonArray a;
        const int n = int(rng.bounded(6));
        for (int i = 0; i < n; ++i) {
            a.append(randomValue(rng, depth + 1));
        }
        return a;
    }
    default: {
        QJsonObject o;
        const int n = int(rng.bounded(6));
        for (int i = 0; i < n; ++i) {
            o.insert(randomString(rng), randomValue(rng, depth + 1));
        }
        return o;
    }
    }
}

} // namespace

class TestJsonTree : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void errorPosition();
    void navigation();
    void numbers_data();
    void numbers();
    void keyLookup();
    void toJsonExact_data();
    void toJsonExact();
    void nullTreeAndNode();
    void unpaddedInputs();
    void roundTripGenerated_data();
    void roundTripGenerated();
    void bigDocument();
    void reusedMemoryIsClean();
    void arrayBeyondTapeCount();
    void treesOutliveLaterDecodes();
    void exactCapacityInput();
    void parallelDecodes();
    void asyncDeliversOnContextThread();
    void asyncDropsWhenContextDies();
    void asyncReportsErrors();
};

void TestJsonTree::valid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty-object") << QByteArray("{}");
    QTest::newRow("empty-array") << QByteArray("[]");
    QTest::newRow("whitespace") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] }\n ");
    QTest::newRow("nested") << QByteArray(R"({"goals":[{"id":"1d6f","todos":[{"id":"7c0e","done":true}],"n":null}]})");
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t","\u00e9\u4e2d","\ud83d\ude00","\u0000x"])");
    QTest::newRow("raw-utf8") << QByteArray("{\"grüße\":\"naïve 中文 😀\"}");
    QTest::newRow("numbers") << QByteArray("[0,-0,1.5,-2.25e-3,1E10,123456789012,-9223372036854775808,1e308,5e-324]");
    QTest::newRow("literals") << QByteArray("[true,false,null]");
    QTest::newRow("scalar-number") << QByteArray("42");
    QTest::newRow("scalar-string") << QByteArray("\"hello\"");
    QTest::newRow("scalar-null") << QByteArray("null");
    QTest::newRow("duplicate-keys") << QByteArray(R"({"a":1,"a":2})");
    QTest::newRow("deep") << QByteArray(200, '[') + QByteArray(200, ']');
    QTest::newRow("deep-objects") << QByteArray(300, '[').replace("[", "{\"k\":[")
            + QByteArray(300, ']').replace("]", "]}");
    QTest::newRow("empty-key") << QByteArray(R"({"":""})");
}

void TestJsonTree::valid()
{
    QFETCH(QByteArray, json);
    const auto tree = JsonTree::parse(json);
    QVERIFY2(tree.has_value(), qPrintable(tree ? QString() : tree.error().message));

    bool ok = false;
    const QJsonValue expected = qtDecode(json, &ok);
    QVERIFY(ok);
    if (!QTest::currentDataTag() || QByteArrayView(QTest::currentDataTag()) != "duplicate-keys") {
        QVERIFY(sameJson(tree->root().toQJsonValue(), expected));
    }
    // toJson() must be valid JSON that decodes to the same value.
    const QByteArray again = tree->root().toJson();
    bool okAgain = false;
    const QJsonValue reparsed = qtDecode(again, &okAgain);
    QVERIFY2(okAgain, again.constData());
    QVERIFY(sameJson(reparsed, tree->root().toQJsonValue()));
    QVERIFY(!again.contains('\n'));

    qsizetype visited = 0;
    checkStructure(*tree, tree->root(), visited);
    QCOMPARE(visited, tree->nodeCount());
    QVERIFY(tree->byteSize() > 0);
}

void TestJsonTree::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("minOffset");
    QTest::newRow("empty") << QByteArray() << qsizetype(0);
    QTest::newRow("spaces-only") << QByteArray("   ") << qsizetype(0);
    QTest::newRow("open-object") << QByteArray("{") << qsizetype(0);
    QTest::newRow("trailing-comma-array") << QByteArray("[1,]") << qsizetype(2);
    QTest::newRow("trailing-comma-object") << QByteArray(R"({"a":1,})") << qsizetype(6);
    QTest::newRow("missing-colon") << QByteArray(R"({"a" 1})") << qsizetype(4);
    QTest::newRow("missing-comma") << QByteArray("[1 2]") << qsizetype(2);
    QTest::newRow("bad-literal") << QByteArray("[tru]") << qsizetype(1);
    QTest::newRow("bad-null") << QByteArray("nul") << qsizetype(0);
    QTest::newRow("unterminated-string") << QByteArray(R"(["abc)") << qsizetype(1);
    QTest::newRow("trailing-content") << QByteArray("[1] x") << qsizetype(3);
    QTest::newRow("two-values") << QByteArray("{} {}") << qsizetype(2);
    QTest::newRow("leading-zero") << QByteArray("[01]") << qsizetype(1);
    QTest::newRow("bad-escape") << QByteArray(R"(["\x"])") << qsizetype(1);
    QTest::newRow("short-unicode-escape") << QByteArray(R"(["\u12"])") << qsizetype(1);
    QTest::newRow("bad-unicode-escape") << QByteArray(R"(["\uzzzz"])") << qsizetype(1);
    QTest::newRow("invalid-utf8") << QByteArray("[\"\xff\"]") << qsizetype(0);
    QTest::newRow("control-char") << QByteArray("[\"a\x01\"]") << qsizetype(1);
    QTest::newRow("single-quotes") << QByteArray("{'a':1}") << qsizetype(0);
    QTest::newRow("nan") << QByteArray("[NaN]") << qsizetype(1);
    QTest::newRow("unclosed-nested") << QByteArray(R"({"a":[1,{"b":2}})") << qsizetype(10);
}

void TestJsonTree::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, minOffset);
    const auto tree = JsonTree::parse(json);
    QVERIFY(!tree.has_value());
    QVERIFY(!tree.error().message.isEmpty());
    QVERIFY2(tree.error().offset >= minOffset && tree.error().offset <= json.size(),
        qPrintable(QString::number(tree.error().offset)));
}

void TestJsonTree::errorPosition()
{
    const QByteArray json = "{\n  \"a\": 1,\n  \"b\": ]\n}";
    const auto tree = JsonTree::parse(json);
    QVERIFY(!tree);
    const auto pos = tree.error().position(json);
    QCOMPARE(pos.line, 3);
    QVERIFY(pos.column >= 7 && pos.column <= 9);

    const instant::JsonParseError unknown;
    QCOMPARE(unknown.position(json).line, 0);
}

void TestJsonTree::navigation()
{
    const auto tree = JsonTree::parse(QByteArray(
        R"({"goals":[{"id":"g1","title":"Get fit","todos":[{"id":"t1"},{"id":"t2"}]},{"id":"g2","owner":null}],)"
        R"("todos":[],"count":3})"));
    QVERIFY(tree);
    const JsonNode root = tree->root();
    QVERIFY(root.isObject());
    QCOMPARE(root.index(), 0);
    QCOMPARE(root.size(), 3);
    QCOMPARE(root.key(0), QStringLiteral("goals"));
    QCOMPARE(root.key(2), QStringLiteral("count"));
    QVERIFY(!root.parent().isValid());
    QCOMPARE(root.row(), 0);

    const JsonNode goals = root.value(u"goals");
    QVERIFY(goals.isArray());
    QCOMPARE(goals.size(), 2);
    QCOMPARE(goals.key(0), QString()); // arrays have no keys
    QCOMPARE(goals.at(0).value(u"title").toString(), QStringLiteral("Get fit"));
    QCOMPARE(goals.at(0).value(u"todos").at(1).value(u"id").toString(), QStringLiteral("t2"));
    QVERIFY(goals.at(1).value(u"owner").isNull());
    QVERIFY(goals.at(1).value(u"owner").isValid());
    QVERIFY(!goals.at(1).value(u"title").isValid()); // absent, not null
    QVERIFY(!goals.at(2).isValid());
    QVERIFY(!goals.at(-1).isValid());
    QCOMPARE(root.value(u"todos").size(), 0);
    QCOMPARE(root.value(u"count").toInt64(), 3);
    QCOMPARE(root.value(u"count").size(), 0);
    QCOMPARE(goals.at(0).value(u"todos").at(1).parent().parent(), goals.at(0));
    QCOMPARE(goals.at(1).row(), 1);
    QCOMPARE(goals.at(1).ownKey(), QUtf8StringView());
    QCOMPARE(goals.ownKey(), QUtf8StringView(u8"goals"));
    QVERIFY(!tree->node(tree->nodeCount()).isValid());
    QVERIFY(!tree->node(-1).isValid());

    // Copies share the data.
    const JsonTree copy = *tree;
    QVERIFY(copy == *tree);
    QCOMPARE(copy.root().value(u"goals"), goals);
}

void TestJsonTree::numbers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("integer");
    QTest::addColumn<qint64>("asInt");
    QTest::addColumn<double>("asDouble");
    QTest::newRow("zero") << QByteArray("0") << true << qint64(0) << 0.0;
    QTest::newRow("negative") << QByteArray("-17") << true << qint64(-17) << -17.0;
    QTest::newRow("int64-max") << QByteArray("9223372036854775807") << true << std::numeric_limits<qint64>::max()
                               << 9223372036854775807.0;
    QTest::newRow("int64-min") << QByteArray("-9223372036854775808") << true << std::numeric_limits<qint64>::min()
                               << -9223372036854775808.0;
    QTest::newRow("beyond-double") << QByteArray("9007199254740993") << true << qint64(9007199254740993LL)
                                   << 9007199254740992.0;
    QTest::newRow("uint64") << QByteArray("18446744073709551615") << false << qint64(-1) << 18446744073709551615.0;
    QTest::newRow("integral-double") << QByteArray("3.0") << false << qint64(3) << 3.0;
    QTest::newRow("fraction") << QByteArray("2.5") << false << qint64(-1) << 2.5;
    QTest::newRow("exponent") << QByteArray("1e3") << false << qint64(1000) << 1000.0;
    QTest::newRow("huge-double") << QByteArray("1e300") << false << qint64(-1) << 1e300;
    QTest::newRow("beyond-double-range") << QByteArray("-1e400") << false << qint64(-1)
                                         << -std::numeric_limits<double>::infinity();
    QTest::newRow("below-double-range") << QByteArray("1e-400") << false << qint64(0) << 0.0;
}

void TestJsonTree::numbers()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, integer);
    QFETCH(qint64, asInt);
    QFETCH(double, asDouble);
    const auto tree = JsonTree::parse(json);
    QVERIFY(tree);
    const JsonNode n = tree->root();
    QVERIFY(n.isNumber());
    QCOMPARE(n.isInteger(), integer);
    QCOMPARE(n.toInt64(-1), asInt);
    QCOMPARE(n.toDouble(), asDouble);
    // The text written back reads as the same number.
    const auto again = JsonTree::parse(n.toJson());
    QVERIFY(again);
    QCOMPARE(again->root().toDouble(), asDouble);
    QCOMPARE(again->root().toInt64(-1), asInt);
}

void TestJsonTree::keyLookup()
{
    const auto tree = JsonTree::parse(QByteArray("{\"id\":1,\"grüße\":2,\"\\u0041\":3,\"longer-key-name\":4}"));
    QVERIFY(tree);
    const JsonNode o = tree->root();
    QCOMPARE(o.value(u"id").toInt64(), 1);
    QCOMPARE(o.value(QStringLiteral("id")).toInt64(), 1);
    QCOMPARE(o.value(QLatin1StringView("id")).toInt64(), 1);
    QCOMPARE(o.value(QUtf8StringView(u8"id")).toInt64(), 1);
    QCOMPARE(o.value(u"grüße").toInt64(), 2);
    QCOMPARE(o.value(QUtf8StringView(u8"grüße")).toInt64(), 2);
    QCOMPARE(o.value(QLatin1StringView("gr\xfc\xdf"
                                       "e"))
                 .toInt64(),
        2);
    QCOMPARE(o.value(u"A").toInt64(), 3); // escaped key is stored unescaped
    QCOMPARE(o.indexOf(u"longer-key-name"), 3);
    QVERIFY(!o.value(u"missing").isValid());
    QVERIFY(!o.value(u"i").isValid());
    QVERIFY(!o.contains(u"idx"));
    QVERIFY(o.contains(u"id"));
    QVERIFY(!o.value(u"id").value(u"id").isValid()); // lookups on scalars are harmless
}

void TestJsonTree::toJsonExact_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("compact") << QByteArray(" { \"a\" : [ 1 , true , null ] } ") << QByteArray(R"({"a":[1,true,null]})");
    QTest::newRow("escapes") << QByteArray(R"(["a\/b","\u0001","\"\\","\n\r\t\b\f","\u00e9"])")
                             << QByteArray("[\"a/b\",\"\\u0001\",\"\\\"\\\\\",\"\\n\\r\\t\\b\\f\",\"\xc3\xa9\"]");
    QTest::newRow("key-escapes") << QByteArray(R"({"a\"b":{}})") << QByteArray(R"({"a\"b":{}})");
    // Numbers are written as the document spelled them: exact, even where a double is not.
    QTest::newRow("numbers") << QByteArray("[1.5,-0.25,100,1e3,-7,1E+2,18446744073709551616,1e400]")
                             << QByteArray("[1.5,-0.25,100,1e3,-7,1E+2,18446744073709551616,1e400]");
    QTest::newRow("empty") << QByteArray("[[],{},\"\"]") << QByteArray("[[],{},\"\"]");
}

void TestJsonTree::toJsonExact()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    const auto tree = JsonTree::parse(json);
    QVERIFY(tree);
    QCOMPARE(tree->root().toJson(), expected);
}

void TestJsonTree::nullTreeAndNode()
{
    const JsonTree tree;
    QVERIFY(tree.isNull());
    QVERIFY(!tree.root().isValid());
    QCOMPARE(tree.nodeCount(), 0);
    QCOMPARE(tree.byteSize(), 0);

    const JsonNode node;
    QVERIFY(!node.isValid());
    QCOMPARE(node.size(), 0);
    QVERIFY(!node.at(0).isValid());
    QVERIFY(!node.value(u"x").isValid());
    QCOMPARE(node.toString(), QString());
    QCOMPARE(node.toInt64(7), 7);
    QCOMPARE(node.toDouble(1.5), 1.5);
    QCOMPARE(node.toBool(true), true);
    QVERIFY(node.toJson().isEmpty());
    QVERIFY(node.toQJsonValue().isUndefined());
    QVERIFY(!node.parent().isValid());
}

void TestJsonTree::unpaddedInputs()
{
    // Raw data has no spare capacity behind it; the decoder must not read past the caller's bytes.
    static const char text[] = R"({"k":["v",1,2.5]})";
    const QByteArray raw = QByteArray::fromRawData(text, qsizetype(sizeof text - 1));
    const auto a = JsonTree::parse(raw);
    QVERIFY(a);
    QCOMPARE(a->root().toJson(), QByteArray(text));

    const auto b = JsonTree::parse(QByteArrayView(text, qsizetype(sizeof text - 1)));
    QVERIFY(b);
    QCOMPARE(b->root().value(u"k").at(2).toDouble(), 2.5);

    // A shared QByteArray is left untouched.
    QByteArray shared = "[1,2,3]";
    const QByteArray other = shared;
    const auto c = JsonTree::parse(shared);
    QVERIFY(c);
    QCOMPARE(other, QByteArray("[1,2,3]"));
    QCOMPARE(c->root().size(), 3);
}

void TestJsonTree::roundTripGenerated_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 42u, 1234u, 99991u}) {
        QTest::addRow("seed-%u", seed) << seed;
    }
}

void TestJsonTree::roundTripGenerated()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    QJsonArray items;
    for (int i = 0; i < 300; ++i) {
        items.append(randomValue(rng, 0));
    }
    const QByteArray json = QJsonDocument(items).toJson(QJsonDocument::Compact);
    const auto tree = JsonTree::parse(json);
    QVERIFY(tree);
    QVERIFY(sameJson(tree->root().toQJsonValue(), items));

    const QJsonDocument reread = QJsonDocument::fromJson(tree->root().toJson());
    QVERIFY(reread.isArray());
    QVERIFY(sameJson(reread.array(), items));

    // Every subtree serialises on its own, too.
    for (qsizetype i = 0; i < tree->root().size(); ++i) {
        const JsonNode child = tree->root().at(i);
        bool ok = false;
        QVERIFY(sameJson(qtDecode(child.toJson(), &ok), items.at(i)));
        QVERIFY(ok);
    }
    qsizetype visited = 0;
    checkStructure(*tree, tree->root(), visited);
    QCOMPARE(visited, tree->nodeCount());
}

void TestJsonTree::bigDocument()
{
    // About 20 MB of entities, like a big /admin/query reply.
    QByteArray json;
    json.reserve(21 * 1024 * 1024);
    json.append("{\"goals\":[");
    const int count = 150000;
    for (int i = 0; i < count; ++i) {
        if (i) {
            json.append(',');
        }
        json.append("{\"id\":\"goal-" + QByteArray::number(i) + "\",\"title\":\"Goal number " + QByteArray::number(i)
            + " with some text\",\"n\":" + QByteArray::number(i) + ",\"score\":" + QByteArray::number(i / 4.0)
            + ",\"todos\":[{\"id\":\"t" + QByteArray::number(i) + "\",\"done\":" + (i % 2 ? "true" : "false") + "}]}");
    }
    json.append("]}");
    QVERIFY(json.size() > 15 * 1000 * 1000);

    const auto tree = JsonTree::parse(json);
    QVERIFY(tree);
    const JsonNode goals = tree->root().value(u"goals");
    QCOMPARE(goals.size(), count);
    // 1 root + 1 array + per goal: object, 5 members, todo object with 2 members.
    QCOMPARE(tree->nodeCount(), 2 + qsizetype(count) * 9);
    const JsonNode g = goals.at(123456);
    QCOMPARE(g.value(u"n").toInt64(), 123456);
    QCOMPARE(g.value(u"score").toDouble(), 123456 / 4.0);
    QCOMPARE(g.toJson(),
        QByteArray(R"({"id":"goal-123456","title":"Goal number 123456 with some text","n":123456,)"
                   R"("score":30864,"todos":[{"id":"t123456","done":false}]})"));
    QCOMPARE(tree->node(g.index()).value(u"id").toString(), QStringLiteral("goal-123456"));
    // Compact: well under the size of the input per node plus the text itself.
    QVERIFY(tree->byteSize() < 3 * json.size());
    QCOMPARE(tree->root().toJson().size(), json.size());
}

void TestJsonTree::reusedMemoryIsClean()
{
    // Big trees hand their buffers to the next decode; nothing of the old tree may show through.
    auto makeDocument = [](char letter, int count) -> QByteArray {
        QByteArray json = "[";
        for (int i = 0; i < count; ++i) {
            json += (i ? ",{\"" : "{\"") + QByteArray(1 + i % 7, letter) + "\":\"" + QByteArray(i % 40, letter)
                + "\",\"n\":" + QByteArray::number(i) + "}";
        }
        return json + "]";
    };
    const QByteArray first = makeDocument('a', 60000);
    const QByteArray second = makeDocument('b', 50000);
    QVERIFY(first.size() > 2 * 1024 * 1024);
    {
        const auto tree = JsonTree::parse(first);
        QVERIFY(tree);
        QCOMPARE(tree->root().toJson(), first);
    }
    for (int round = 0; round < 3; ++round) {
        const auto tree = JsonTree::parse(round % 2 ? first : second);
        QVERIFY(tree);
        QCOMPARE(tree->root().toJson(), round % 2 ? first : second);
        qsizetype visited = 0;
        checkStructure(*tree, tree->root(), visited);
        QCOMPARE(visited, tree->nodeCount());
    }
}

void TestJsonTree::arrayBeyondTapeCount()
{
    // simdjson keeps element counts in 24 bits; a bigger array must still get all its children.
    const qsizetype count = 0xFFFFFF + 3;
    QByteArray json;
    json.reserve(2 * count + 16);
    json.append('[');
    for (qsizetype i = 0; i < count; ++i) {
        json.append(i + 1 < count ? "0," : "7]");
    }
    const auto tree = JsonTree::parse(json);
    QVERIFY(tree);
    QCOMPARE(tree->root().size(), count);
    QCOMPARE(tree->nodeCount(), count + 1);
    QCOMPARE(tree->root().at(count - 1).toInt64(), 7);
    QCOMPARE(tree->root().at(count - 1).row(), count - 1);
    QCOMPARE(tree->root().at(count - 1).parent(), tree->root());
}

void TestJsonTree::treesOutliveLaterDecodes()
{
    // Trees keep the parser's output; decodes after them (same thread, recycled memory of dead trees)
    // must not write into a tree that is still alive.
    auto makeDocument = [](int seed, int count) -> QByteArray {
        QByteArray json = "{\"items\":[";
        for (int i = 0; i < count; ++i) {
            json += (i ? "," : "") + QByteArray("{\"id\":\"") + QByteArray::number(seed) + "-" + QByteArray::number(i)
                + "\",\"n\":" + QByteArray::number(seed * 1000000 + i) + ",\"tags\":[\"x\",[]]}";
        }
        return json + "]}";
    };
    const QByteArray first = makeDocument(1, 40000);
    QVERIFY(first.size() > 1024 * 1024);
    const auto kept = JsonTree::parse(first);
    QVERIFY(kept);
    for (int round = 2; round < 6; ++round) {
        const auto other = JsonTree::parse(makeDocument(round, 40000 + round));
        QVERIFY(other);
        QCOMPARE(other->root().value(u"items").at(7).value(u"n").toInt64(), round * 1000000 + 7);
    }
    QCOMPARE(kept->root().toJson(), first);
    const JsonNode last = kept->root().value(u"items").at(39999);
    QCOMPARE(last.value(u"id").stringView(), QUtf8StringView(u8"1-39999"));
    QCOMPARE(last.value(u"tags").at(1).parent().parent(), last);
}

void TestJsonTree::exactCapacityInput()
{
    // A reply that owns its bytes but has no spare room for simdjson's padding: the decoder may grow
    // it, and must not change what it decodes.
    QByteArray json;
    json.reserve(5);
    json.append("[1,2]");
    json.squeeze();
    const auto small = JsonTree::parse(std::move(json));
    QVERIFY(small);
    QCOMPARE(small->root().toJson(), QByteArray("[1,2]"));

    QByteArray big = QByteArray("[\"") + QByteArray(3 * 1024 * 1024, 'z') + "\"]";
    big.squeeze();
    const qsizetype size = big.size();
    const auto tree = JsonTree::parse(std::move(big));
    QVERIFY(tree);
    QCOMPARE(tree->root().at(0).stringView().size(), size - 4);
}

void TestJsonTree::parallelDecodes()
{
    // Each thread has its own parser; memory kept for reuse is shared between threads.
    QByteArray json = "[";
    for (int i = 0; i < 60000; ++i) {
        json += (i ? ",{\"v\":" : "{\"v\":") + QByteArray::number(i) + ",\"s\":\"s" + QByteArray::number(i) + "\"}";
    }
    json += "]";
    QVERIFY(json.size() > 1024 * 1024);
    QObject context;
    int done = 0;
    int good = 0;
    for (int i = 0; i < 12; ++i) {
        instant::decodeJsonAsync(json, &context, [&](std::expected<JsonTree, instant::JsonParseError> result) {
            ++done;
            if (result && result->root().size() == 60000 && result->root().at(59999).value(u"v").toInt64() == 59999
                && result->root().at(123).value(u"s").stringView() == QUtf8StringView(u8"s123")) {
                ++good;
            }
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, 12, 60000);
    QCOMPARE(good, 12);
}

void TestJsonTree::asyncDeliversOnContextThread()
{
    QObject context;
    int calls = 0;
    QThread *deliveredOn = nullptr;
    qsizetype size = -1;
    instant::decodeJsonAsync(
        QByteArray("[1,2,3]"), &context, [&](std::expected<JsonTree, instant::JsonParseError> result) {
            ++calls;
            deliveredOn = QThread::currentThread();
            size = result ? result->root().size() : -1;
        });
    QCOMPARE(calls, 0); // never synchronous
    QTRY_COMPARE(calls, 1);
    QCOMPARE(deliveredOn, QThread::currentThread());
    QCOMPARE(size, 3);
}

void TestJsonTree::asyncDropsWhenContextDies()
{
    int calls = 0;
    {
        QObject context;
        for (int i = 0; i < 20; ++i) {
            instant::decodeJsonAsync(QByteArray("{\"a\":[1,2,3]}"), &context,
                [&](std::expected<JsonTree, instant::JsonParseError>) { ++calls; });
        }
    }
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(calls, 0);

    // A context that survives still gets its answer after the pool is idle again.
    QObject alive;
    instant::decodeJsonAsync(
        QByteArray("1"), &alive, [&](std::expected<JsonTree, instant::JsonParseError>) { ++calls; });
    QTRY_COMPARE(calls, 1);
}

void TestJsonTree::asyncReportsErrors()
{
    QObject context;
    std::optional<instant::JsonParseError> error;
    instant::decodeJsonAsync(
        QByteArray("[1,2"), &context, [&](std::expected<JsonTree, instant::JsonParseError> result) {
            if (!result) {
                error = result.error();
            }
        });
    QTRY_VERIFY(error.has_value());
    QVERIFY(error->offset >= 0);
}

QTEST_GUILESS_MAIN(TestJsonTree)
#include "tst_jsontree.moc"
