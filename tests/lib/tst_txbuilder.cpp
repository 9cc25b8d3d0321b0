// TxBuilder produces exactly the `steps` JSON of the SDK's tx chains (spec §7.1), and toSdkJson writes
// JSON exactly as JavaScript's JSON.stringify does.

#include "sdkjson.h"
#include "txbuilder.h"

#include <functional>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using instant::EntityRef;
using instant::LinkTarget;
using instant::TxBuilder;

using Build = std::function<void(TxBuilder &)>;
Q_DECLARE_METATYPE(Build)

namespace {

const QString kGoal = u"1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"_s;
const QString kTodo = u"7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d"_s;
const QString kTodo2 = u"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"_s;

} // namespace

class TestTxBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void steps_data();
    void steps();
    void chainAndAppend();
    void sdkJsonNumbers_data();
    void sdkJsonNumbers();
    void sdkJsonStrings_data();
    void sdkJsonStrings();
    void orderedObject();
};

void TestTxBuilder::steps_data()
{
    QTest::addColumn<Build>("build");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("update") << Build([](TxBuilder &tx) {
        tx.entity(u"goals"_s, kGoal).update({{u"title"_s, u"Get fit"_s}});
    }) << R"([["update","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"title":"Get fit"}]])"_ba;
    QTest::newRow("update-strict") << Build([](TxBuilder &tx) {
        tx.entity(u"goals"_s, kGoal).update({{u"title"_s, u"x"_s}}, {false});
    }) << R"([["update","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"title":"x"},{"upsert":false}]])"_ba;
    QTest::newRow("update-explicit-upsert") << Build([](TxBuilder &tx) {
        tx.entity(u"goals"_s, kGoal).update({{u"n"_s, 1}}, {true});
    }) << R"([["update","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"n":1},{"upsert":true}]])"_ba;
    QTest::newRow("create") << Build([](TxBuilder &tx) {
        tx.entity(u"todos"_s, QUuid::fromString(kTodo)).create({{u"title"_s, u"Run"_s}, {u"done"_s, false}});
    }) << R"([["create","todos","7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d",{"done":false,"title":"Run"}]])"_ba;
    QTest::newRow("merge-with-null") << Build([](TxBuilder &tx) {
        tx.entity(u"games"_s, kGoal)
            .merge({{u"state"_s, QJsonObject {{u"0-1"_s, u"blue"_s}, {u"0-0"_s, QJsonValue::Null}}}});
    }) << R"([["merge","games","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"state":{"0-0":null,"0-1":"blue"}}]])"_ba;
    QTest::newRow("merge-strict") << Build([](TxBuilder &tx) {
        tx.entity(u"games"_s, kGoal).merge({{u"a"_s, 1}}, {false});
    }) << R"([["merge","games","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"a":1},{"upsert":false}]])"_ba;
    QTest::newRow("delete") << Build([](TxBuilder &tx) { tx.entity(u"todos"_s, kTodo).deleteEntity(); })
                            << R"([["delete","todos","7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d",null]])"_ba;
    QTest::newRow("link-uuid") << Build([](TxBuilder &tx) { tx.entity(u"goals"_s, kGoal).link(u"todos"_s, kTodo); })
                               << R"([["link","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",)"
                                  R"({"todos":"7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d"}]])"_ba;
    QTest::newRow("link-array") << Build([](TxBuilder &tx) {
        tx.entity(u"goals"_s, kGoal).link(u"todos"_s, {LinkTarget(kTodo), LinkTarget(QUuid::fromString(kTodo2))});
    })
                                << R"([["link","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",)"
                                   R"({"todos":["7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d",)"
                                   R"("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]}]])"_ba;
    QTest::newRow("link-lookup-string") << Build([](TxBuilder &tx) {
        tx.entity(u"goals"_s, kGoal).link(u"todos"_s, LinkTarget::lookup(u"slug"_s, u"task-a"_s));
    }) << R"([["link","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"todos":"lookup__slug__\"task-a\""}]])"_ba;
    QTest::newRow("link-lookup-object") << Build([](TxBuilder &tx) {
        tx.entity(u"goals"_s, kGoal).link(u"todos"_s, LinkTarget::lookupObject(u"slug"_s, u"task-a"_s));
    }) << R"([["link","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"todos":{"slug":"task-a"}}]])"_ba;
    QTest::newRow("link-several-labels-list-of-lookups")
        << Build([](TxBuilder &tx) {
               tx.entity(u"goals"_s, kGoal)
                   .link({{u"todos"_s, LinkTarget::list({LinkTarget::lookup(u"n"_s, 7), LinkTarget(kTodo)})},
                       {u"owner"_s, LinkTarget::lookup(u"email"_s, u"a@b.c"_s)}});
           })
        << R"([["link","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"owner":"lookup__email__\"a@b.c\"",)"
           R"("todos":["lookup__n__7","7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d"]}]])"_ba;
    QTest::newRow("unlink") << Build([](TxBuilder &tx) { tx.entity(u"goals"_s, kGoal).unlink(u"todos"_s, kTodo); })
                            << R"([["unlink","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",)"
                               R"({"todos":"7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d"}]])"_ba;
    QTest::newRow("rule-params") << Build([](TxBuilder &tx) {
        tx.entity(u"docs"_s, kGoal).ruleParams({{u"knownDocId"_s, kGoal}}).update({{u"t"_s, 1}});
    })
                                 << R"([["ruleParams","docs","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",)"
                                    R"({"knownDocId":"1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"}],)"
                                    R"(["update","docs","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"t":1}]])"_ba;
    QTest::newRow("eid-lookup-pair") << Build([](TxBuilder &tx) {
        tx.entity(u"users"_s, EntityRef::lookup(u"handle"_s, u"stopa"_s)).update({{u"name"_s, u"Stepan"_s}});
    }) << R"([["update","users",["handle","stopa"],{"name":"Stepan"}]])"_ba;
    QTest::newRow("eid-lookup-object") << Build([](TxBuilder &tx) {
        tx.entity(u"users"_s, EntityRef::lookupObject(u"email"_s, u"x@y.com"_s)).deleteEntity();
    }) << R"([["delete","users",{"email":"x@y.com"},null]])"_ba;
    QTest::newRow("eid-lookup-string") << Build([](TxBuilder &tx) {
        tx.entity(u"users"_s, EntityRef::lookupString(u"email"_s, u"x@y.com"_s)).update({});
    }) << R"([["update","users","lookup__email__\"x@y.com\"",{}]])"_ba;
    QTest::newRow("eid-ref-lookup") << Build([](TxBuilder &tx) {
        tx.entity(u"profiles"_s, EntityRef::lookup(u"owner.id"_s, kGoal)).update({{u"bio"_s, u"hi"_s}});
    }) << R"([["update","profiles",["owner.id","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"],{"bio":"hi"}]])"_ba;
    QTest::newRow("eid-lookup-number-value")
        << Build([](TxBuilder &tx) { tx.entity(u"items"_s, EntityRef::lookupString(u"n"_s, 1.5)).update({}); })
        << R"([["update","items","lookup__n__1.5",{}]])"_ba;
    QTest::newRow("files-delete-by-path") << Build([](TxBuilder &tx) {
        tx.entity(u"$files"_s, EntityRef::lookup(u"path"_s, u"photos/demo.png"_s)).deleteEntity();
    }) << R"([["delete","$files",["path","photos/demo.png"],null]])"_ba;
    QTest::newRow("add-attr-delete-attr")
        << Build([](TxBuilder &tx) {
               tx.addAttr({{u"id"_s, kTodo}, {u"value-type"_s, u"blob"_s}}).deleteAttr(kTodo2);
           })
        << R"([["add-attr",{"id":"7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d","value-type":"blob"}],)"
           R"(["delete-attr","0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]])"_ba;
    QTest::newRow("empty") << Build([](TxBuilder &) {}) << "[]"_ba;
}

void TestTxBuilder::steps()
{
    QFETCH(Build, build);
    QFETCH(QByteArray, expected);
    TxBuilder tx;
    build(tx);
    QCOMPARE(tx.stepsJson(), expected);
}

void TestTxBuilder::chainAndAppend()
{
    TxBuilder first;
    first.entity(u"goals"_s, kGoal).update({{u"title"_s, u"a"_s}}).link(u"todos"_s, kTodo).deleteEntity();
    QCOMPARE(first.size(), 3);
    TxBuilder both;
    both.entity(u"todos"_s, kTodo).create({});
    both.append(first);
    QCOMPARE(both.size(), 4);
    QCOMPARE(both.steps().at(1).toArray().at(0).toString(), u"update"_s);
    QCOMPARE(both.steps().at(3).toArray().at(0).toString(), u"delete"_s);
    QVERIFY(!both.isEmpty());
}

void TestTxBuilder::sdkJsonNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");

    // Expected texts are what node's JSON.stringify prints.
    QTest::newRow("zero") << 0.0 << "0"_ba;
    QTest::newRow("negative-zero") << -0.0 << "0"_ba;
    QTest::newRow("integer") << 1823461.0 << "1823461"_ba;
    QTest::newRow("negative") << -42.0 << "-42"_ba;
    QTest::newRow("fraction") << 1.5 << "1.5"_ba;
    QTest::newRow("shortest-round-trip") << 0.1 + 0.2 << "0.30000000000000004"_ba;
    QTest::newRow("1e21") << 1e21 << "1e+21"_ba;
    QTest::newRow("below-1e21") << 123456789012345680000.0 << "123456789012345680000"_ba;
    QTest::newRow("small-plain") << 0.000001 << "0.000001"_ba;
    QTest::newRow("small-exponent") << 1.5e-7 << "1.5e-7"_ba;
    QTest::newRow("max-safe") << 9007199254740991.0 << "9007199254740991"_ba;
    QTest::newRow("huge") << 1.7976931348623157e308 << "1.7976931348623157e+308"_ba;
    QTest::newRow("nan") << qQNaN() << "null"_ba;
    QTest::newRow("infinity") << qInf() << "null"_ba;
}

void TestTxBuilder::sdkJsonNumbers()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(instant::toSdkJson(QJsonValue(value)), expected);
}

void TestTxBuilder::sdkJsonStrings_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << u"abc"_s << R"("abc")"_ba;
    QTest::newRow("slash-not-escaped") << u"a/b"_s << R"("a/b")"_ba;
    QTest::newRow("quote-backslash") << u"say \"hi\" \\"_s << R"("say \"hi\" \\")"_ba;
    QTest::newRow("short-escapes") << u"\b\f\n\r\t"_s << R"("\b\f\n\r\t")"_ba;
    QTest::newRow("other-controls") << QString(QChar(0x01)) + QChar(0x1f) << R"("\u0001\u001f")"_ba;
    QTest::newRow("delete-raw") << QString(QChar(0x7f)) << "\"\x7f\""_ba;
    QTest::newRow("non-ascii-raw") << u"grüße €"_s
                                   << "\"gr\xc3\xbc\xc3\x9f"
                                      "e \xe2\x82\xac\""_ba;
    QTest::newRow("astral-raw") << u"😀"_s << "\"\xf0\x9f\x98\x80\""_ba;
    QTest::newRow("lone-surrogate") << QString(QChar(0xd800)) << R"("\ud800")"_ba;
    QTest::newRow("line-separator-raw") << QString(QChar(0x2028)) << "\"\xe2\x80\xa8\""_ba;
}

void TestTxBuilder::sdkJsonStrings()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(instant::toSdkJson(value), expected);
}

void TestTxBuilder::orderedObject()
{
    instant::OrderedJsonObject object;
    object.insert(u"query"_s, QJsonObject {{u"b"_s, 1}, {u"a"_s, true}});
    object.insert(u"inference?"_s, false);
    object.insert(u"skipped"_s, QJsonValue(QJsonValue::Undefined));
    object.insertRaw(u"raw"_s, "[1,2]");
    QCOMPARE(object.toJson(), R"({"query":{"a":true,"b":1},"inference?":false,"raw":[1,2]})"_ba);
    QCOMPARE(instant::OrderedJsonObject().toJson(), "{}"_ba);
}

QTEST_GUILESS_MAIN(TestTxBuilder)
#include "tst_txbuilder.moc"
