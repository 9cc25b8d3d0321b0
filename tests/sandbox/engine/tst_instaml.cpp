#include "tst_instaml.h"

#include "enginetestutil.h"

#include <QJsonArray>
#include <QTest>

using namespace enginetest;
using namespace Qt::Literals::StringLiterals;

namespace {

// Drops every "id" key so entities created under fresh UUIDs can be compared.
QJsonValue withoutIds(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray result;
        for (const QJsonValue &item : value.toArray()) {
            result.append(withoutIds(item));
        }
        return result;
    }
    if (value.isObject()) {
        QJsonObject result;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != u"id"_s) {
                result.insert(it.key(), withoutIds(it.value()));
            }
        }
        return result;
    }
    return value;
}

// True when every key of `expected` is in `actual` with the same value (objects compared recursively).
bool containsSubset(const QJsonValue &actual, const QJsonValue &expected)
{
    if (expected.isObject()) {
        if (!actual.isObject()) {
            return false;
        }
        const QJsonObject want = expected.toObject();
        const QJsonObject have = actual.toObject();
        for (auto it = want.begin(); it != want.end(); ++it) {
            if (!have.contains(it.key()) || !containsSubset(have.value(it.key()), it.value())) {
                return false;
            }
        }
        return true;
    }
    if (expected.isArray()) {
        const QJsonArray want = expected.toArray();
        const QJsonArray have = actual.toArray();
        if (!actual.isArray() || want.size() != have.size()) {
            return false;
        }
        for (qsizetype i = 0; i < want.size(); ++i) {
            if (!containsSubset(have.at(i), want.at(i))) {
                return false;
            }
        }
        return true;
    }
    return actual == expected;
}

} // namespace

void TestInstaml::init()
{
    m_fixture = std::make_unique<Fixture>();
    QVERIFY(m_fixture->init());
}

#define ID_A "00000000-0000-0000-0000-00000000000a"
#define ID_B "00000000-0000-0000-0000-00000000000b"
#define ID_C "00000000-0000-0000-0000-00000000000c"
#define ID_T "00000000-0000-0000-0000-0000000000f1"
#define ID_U "00000000-0000-0000-0000-0000000000f2"

void TestInstaml::steps_data()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("ignoreIds");

    QTest::newRow("update-upserts") << QByteArray("[]")
                                    << QByteArray(R"([["update","goals",")" ID_A R"(",{"title":"Get fit"}]])")
                                    << QByteArray(R"({"goals":{}})")
                                    << QByteArray(R"({"goals":[{"id":")" ID_A R"(","title":"Get fit"}]})") << false;
    QTest::newRow("update-keeps-other-attrs")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{"title":"a","done":false}]])")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{"title":"b"},{"upsert":true}]])")
        << QByteArray(R"({"goals":{}})") << QByteArray(R"({"goals":[{"id":")" ID_A R"(","title":"b","done":false}]})")
        << false;
    QTest::newRow("update-strict-existing")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{"title":"a"}]])")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{"title":"b"},{"upsert":false}]])")
        << QByteArray(R"({"goals":{}})") << QByteArray(R"({"goals":[{"id":")" ID_A R"(","title":"b"}]})") << false;
    QTest::newRow("id-key-dropped") << QByteArray("[]")
                                    << QByteArray(R"([["update","goals",")" ID_A R"(",{"id":")" ID_B R"(","n":1}]])")
                                    << QByteArray(R"({"goals":{}})")
                                    << QByteArray(R"({"goals":[{"id":")" ID_A R"(","n":1}]})") << false;
    QTest::newRow("create") << QByteArray("[]") << QByteArray(R"([["create","goals",")" ID_A R"(",{"title":"x"}]])")
                            << QByteArray(R"({"goals":{}})")
                            << QByteArray(R"({"goals":[{"id":")" ID_A R"(","title":"x"}]})") << false;
    QTest::newRow("values-round-trip") << QByteArray("[]")
                                       << QByteArray(R"([["update","goals",")" ID_A
                                                     R"(",{"s":"ü/x","n":1.5,"b":true,"o":{"k":[1,null]},"z":null}]])")
                                       << QByteArray(R"({"goals":{}})")
                                       << QByteArray(R"({"goals":[{"id":")" ID_A
                                                     R"(","s":"ü/x","n":1.5,"b":true,"o":{"k":[1,null]},"z":null}]})")
                                       << false;
    QTest::newRow("merge-deep") << QByteArray(
        R"([["update","games",")" ID_A R"(",{"state":{"a":1,"b":{"c":2},"k":"v"}}]])")
                                << QByteArray(
                                       R"([["merge","games",")" ID_A R"(",{"state":{"b":{"d":3},"a":null,"k":[1]}}]])")
                                << QByteArray(R"({"games":{}})")
                                << QByteArray(R"({"games":[{"id":")" ID_A R"(","state":{"b":{"c":2,"d":3},"k":[1]}}]})")
                                << false;
    QTest::newRow("merge-into-missing") << QByteArray("[]")
                                        << QByteArray(R"([["merge","games",")" ID_A R"(",{"state":{"x":1}}]])")
                                        << QByteArray(R"({"games":{}})")
                                        << QByteArray(R"({"games":[{"id":")" ID_A R"(","state":{"x":1}}]})") << false;
    QTest::newRow("delete-removes-incoming-links")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{}],["update","todos",")" ID_T R"(",{"t":1}],)"
                      R"(["link","goals",")" ID_A R"(",{"todos":")" ID_T R"("}]])")
        << QByteArray(R"([["delete","todos",")" ID_T R"(",null]])")
        << QByteArray(R"({"goals":{"todos":{}},"todos":{}})")
        << QByteArray(R"({"goals":[{"id":")" ID_A R"(","todos":[]}],"todos":[]})") << false;
    QTest::newRow("delete-missing-is-noop") << QByteArray("[]") << QByteArray(R"([["delete","goals",")" ID_A R"("]])")
                                            << QByteArray(R"({"goals":{}})") << QByteArray(R"({"goals":[]})") << false;
    QTest::newRow("link-forward-and-reverse")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{}],["update","todos",")" ID_T R"(",{}]])")
        << QByteArray(R"([["link","goals",")" ID_A R"(",{"todos":")" ID_T R"("}]])")
        << QByteArray(R"({"goals":{"todos":{}},"todos":{"goals":{}}})")
        << QByteArray(R"({"goals":[{"id":")" ID_A R"(","todos":[{"id":")" ID_T R"("}]}],)"
                      R"("todos":[{"id":")" ID_T R"(","goals":[{"id":")" ID_A R"("}]}]})")
        << false;
    QTest::newRow("link-by-reverse-label")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{}],["update","todos",")" ID_T R"(",{}],)"
                      R"(["link","goals",")" ID_A R"(",{"todos":[]}]])")
        << QByteArray(R"([["link","todos",")" ID_T R"(",{"goals":")" ID_A R"("}]])")
        << QByteArray(R"({"goals":{"todos":{}}})")
        << QByteArray(R"({"goals":[{"id":")" ID_A R"(","todos":[{"id":")" ID_T R"("}]}]})") << false;
    QTest::newRow("link-array-of-targets")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{}],["update","todos",")" ID_T R"(",{}],)"
                      R"(["update","todos",")" ID_U R"(",{}]])")
        << QByteArray(R"([["link","goals",")" ID_A R"(",{"todos":[")" ID_T R"(",")" ID_U R"("]}]])")
        << QByteArray(R"({"goals":{"todos":{}}})")
        << QByteArray(R"({"goals":[{"id":")" ID_A R"(","todos":[{"id":")" ID_T R"("},{"id":")" ID_U R"("}]}]})")
        << false;
    QTest::newRow("unlink") << QByteArray(R"([["update","goals",")" ID_A R"(",{}],["update","todos",")" ID_T R"(",{}],)"
                                          R"(["link","goals",")" ID_A R"(",{"todos":")" ID_T R"("}]])")
                            << QByteArray(R"([["unlink","goals",")" ID_A R"(",{"todos":")" ID_T R"("}]])")
                            << QByteArray(R"({"goals":{"todos":{}}})")
                            << QByteArray(R"({"goals":[{"id":")" ID_A R"(","todos":[]}]})") << false;
    QTest::newRow("lookup-pair-creates") << QByteArray("[]")
                                         << QByteArray(R"([["update","users",["handle","stopa"],{"name":"Stepan"}]])")
                                         << QByteArray(R"({"users":{}})")
                                         << QByteArray(R"({"users":[{"handle":"stopa","name":"Stepan"}]})") << true;
    QTest::newRow("lookup-pair-updates-existing")
        << QByteArray(R"([["update","users",")" ID_A R"(",{"handle":"stopa"}],)"
                      R"(["add-attr",{"id":")" ID_C R"(","forward-identity":[")" ID_B
                      R"(","people","handle"],"value-type":"blob","cardinality":"one","unique?":true,"index?":true}]])")
        << QByteArray(R"([["update","people",["handle","x"],{"n":1}],["update","people",["handle","x"],{"n":2}]])")
        << QByteArray(R"({"people":{}})") << QByteArray(R"({"people":[{"handle":"x","n":2}]})") << true;
    QTest::newRow("lookup-object") << QByteArray(R"([["update","users",["handle","stopa"],{"name":"a"}]])")
                                   << QByteArray(R"([["update","users",{"handle":"stopa"},{"name":"b"}]])")
                                   << QByteArray(R"({"users":{}})")
                                   << QByteArray(R"({"users":[{"handle":"stopa","name":"b"}]})") << true;
    QTest::newRow("lookup-string") << QByteArray(R"([["update","users",["handle","stopa"],{"name":"a"}]])")
                                   << QByteArray(R"([["update","users","lookup__handle__\"stopa\"",{"name":"c"}]])")
                                   << QByteArray(R"({"users":{}})")
                                   << QByteArray(R"({"users":[{"handle":"stopa","name":"c"}]})") << true;
    QTest::newRow("lookup-same-value-update")
        << QByteArray("[]") << QByteArray(R"([["update","users",["handle","s"],{"handle":"s","n":1}]])")
        << QByteArray(R"({"users":{}})") << QByteArray(R"({"users":[{"handle":"s","n":1}]})") << true;
    QTest::newRow("ref-lookup") << QByteArray(
        R"([["update","owner",")" ID_A R"(",{"name":"o"}],["update","pets",["owner.id",")" ID_A R"("],{"n":"p"}]])")
                                << QByteArray(R"([["update","pets",["owner.id",")" ID_A R"("],{"n":"q"}]])")
                                << QByteArray(R"({"pets":{"owner":{}}})")
                                << QByteArray(R"({"pets":[{"n":"q","owner":[{"name":"o"}]}]})") << true;
    QTest::newRow("link-target-lookup-string")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{}]])")
        << QByteArray(R"([["link","goals",")" ID_A R"(",{"todos":"lookup__slug__\"s1\""}]])")
        << QByteArray(R"({"goals":{"todos":{}}})") << QByteArray(R"({"goals":[{"todos":[{"slug":"s1"}]}]})") << true;
    QTest::newRow("link-target-lookup-object")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{}],["update","todos",")" ID_T R"(",{}],)"
                      R"(["update","todos",")" ID_U R"(",{}],["link","goals",")" ID_A R"(",{"todos":")" ID_U R"("}]])")
        << QByteArray(R"([["update","todos",")" ID_T R"(",{"slug":"t"}],)"
                      R"(["add-attr",{"id":")" ID_C R"(","forward-identity":[")" ID_B
                      R"(","todos","code"],"value-type":"blob","cardinality":"one","unique?":true,"index?":true}],)"
                      R"(["update","todos",")" ID_T R"(",{"code":"t1"}],)"
                      R"(["link","goals",")" ID_A R"(",{"todos":{"code":"t1"}}]])")
        << QByteArray(R"({"goals":{"todos":{"$":{"fields":["code"]}}}})")
        << QByteArray(
               R"({"goals":[{"id":")" ID_A R"(","todos":[{"id":")" ID_T R"(","code":"t1"},{"id":")" ID_U R"("}]}]})")
        << false;
    QTest::newRow("rule-params-no-effect")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{"t":1}]])")
        << QByteArray(R"([["ruleParams","goals",")" ID_A R"(",{"k":"v"}]])") << QByteArray(R"({"goals":{}})")
        << QByteArray(R"({"goals":[{"id":")" ID_A R"(","t":1}]})") << false;
    QTest::newRow("empty-steps") << QByteArray("[]") << QByteArray("[]") << QByteArray(R"({"goals":{}})")
                                 << QByteArray(R"({"goals":[]})") << false;
    QTest::newRow("add-attr-typed")
        << QByteArray("[]")
        << QByteArray(R"([["add-attr",{"id":")" ID_C R"(","forward-identity":[")" ID_B
                      R"(","goals","due"],"value-type":"blob","cardinality":"one","unique?":false,"index?":true,)"
                      R"("checked-data-type":"number"}],["update","goals",")" ID_A R"(",{"due":5}]])")
        << QByteArray(R"({"goals":{}})") << QByteArray(R"({"goals":[{"id":")" ID_A R"(","due":5}]})") << false;
    QTest::newRow("forward-one-link-raw-id")
        << QByteArray(R"([["add-attr",{"id":")" ID_C R"(","forward-identity":[")" ID_B
                      R"(","goals","owner"],"reverse-identity":[")" ID_U R"(","owners","goals"],)"
                      R"("value-type":"ref","cardinality":"one","unique?":false,"index?":false}]])")
        << QByteArray(
               R"([["update","owners",")" ID_T R"(",{}],["link","goals",")" ID_A R"(",{"owner":")" ID_T R"("}]])")
        << QByteArray(R"({"goals":{}})") << QByteArray(R"({"goals":[{"id":")" ID_A R"(","owner":")" ID_T R"("}]})")
        << false;
}

void TestInstaml::steps()
{
    QFETCH(QByteArray, setup);
    QFETCH(QByteArray, steps);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, expected);
    QFETCH(bool, ignoreIds);

    const auto prepared = m_fixture->tx(setup.constData());
    QVERIFY2(prepared, qPrintable(prepared ? QString() : QString::fromUtf8(prepared.error().toJson())));
    const auto applied = m_fixture->tx(steps.constData());
    QVERIFY2(applied, qPrintable(applied ? QString() : QString::fromUtf8(applied.error().toJson())));
    QVERIFY(*applied > *prepared);
    const auto result = m_fixture->q(query.constData());
    QVERIFY(result);
    const QJsonValue tree = ignoreIds ? withoutIds(result->tree) : QJsonValue(result->tree);
    const QJsonValue want = ignoreIds ? withoutIds(json(expected.constData())) : json(expected.constData());
    QCOMPARE(compact(tree), compact(want));
}

void TestInstaml::errors_data()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<bool>("throwOnMissing");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("hint");

    const QString failed = u"validation-failed"_s;
    QTest::newRow("strict-update-missing")
        << QByteArray("[]") << QByteArray(R"([["update","goals",")" ID_A R"(",{"t":1},{"upsert":false}]])") << false
        << failed << u"Validation failed for tx-step: Updating entities that don't exist: " ID_A ", " ID_A ""_s
        << QByteArray(R"({"data-type":"tx-step"})");
    QTest::newRow("create-existing") << QByteArray(R"([["update","goals",")" ID_A R"(",{"t":1}]])")
                                     << QByteArray(R"([["create","goals",")" ID_A R"(",{"t":2}]])") << false << failed
                                     << u"Validation failed for tx-step: Creating entities that exist: " ID_A ", " ID_A
                                        ""_s
                                     << QByteArray("{}");
    QTest::newRow("invalid-eid")
        << QByteArray("[]") << QByteArray(R"([["update","goals",")" ID_A R"(",{}],["update","goals","bad-id",{}]])")
        << false << failed
        << u"Validation failed for steps: Invalid entity ID 'bad-id'. Entity IDs must be UUIDs or lookup references."_s
        << QByteArray(R"({"data-type":"steps","errors":[{"message":"Invalid entity ID 'bad-id'. Entity IDs must be )"
                      R"(UUIDs or lookup references.","in":[1,2]}]})");
    QTest::newRow("spec-etype") << QByteArray("[]") << QByteArray(R"([["update",1,")" ID_A R"(",{"title":"moop"}]])")
                                << false << failed << u"Validation failed for steps"_s
                                << QByteArray(R"({"errors":[{"expected":"string?","in":[0,1]}]})");
    QTest::newRow("spec-args-map") << QByteArray("[]") << QByteArray(R"([["update","goals",")" ID_A R"(",2]])") << false
                                   << failed << u"Validation failed for steps"_s
                                   << QByteArray(R"({"errors":[{"expected":"map?","in":[0,3]}]})");
    QTest::newRow("spec-add-attr") << QByteArray("[]") << QByteArray(R"([["add-attr","goals",")" ID_A R"(",2]])")
                                   << false << failed << u"Validation failed for steps"_s
                                   << QByteArray(R"({"errors":[{"expected":"map?","in":[0,1]}]})");
    QTest::newRow("spec-unknown-action") << QByteArray("[]") << QByteArray(R"([["frob","goals",")" ID_A R"(",{}]])")
                                         << false << failed << u"Validation failed for steps"_s
                                         << QByteArray(R"({"errors":[{"expected":["delete-attr"],"in":[0,0]}]})");
    QTest::newRow("update-attr")
        << QByteArray("[]") << QByteArray(R"([["update-attr",{"id":")" ID_A R"("}]])") << false << failed
        << u"Validation failed for action: Unsupported action update-attr"_s
        << QByteArray(R"({"data-type":"action","input":"update-attr","errors":[)"
                      R"({"message":"Unsupported action update-attr","hint":{"value":"update-attr"}}]})");
    QTest::newRow("lookup-not-unique") << QByteArray(R"([["update","books",")" ID_A R"(",{"title":"x"}]])")
                                       << QByteArray(R"([["update","books",["title","test"],{"title":"test"}]])")
                                       << false << failed
                                       << u"Validation failed for lookup: title is not a unique attribute on books"_s
                                       << QByteArray(R"({"data-type":"lookup"})");
    QTest::newRow("ref-lookup-invalid") << QByteArray("[]")
                                        << QByteArray(R"([["update","books",["test.isbn","asdf"],{"title":"t"}]])")
                                        << false << failed
                                        << u"Validation failed for lookup: test.isbn is not a valid lookup attribute."_s
                                        << QByteArray("{}");
    QTest::newRow("lookup-value-invalid")
        << QByteArray("[]")
        << QByteArray(R"([["link","spans",")" ID_A R"(",{"parentSpan":"lookup__linkOn__undefined"}]])") << false
        << failed << u"Validation failed for lookup: lookup value is invalid"_s
        << QByteArray(R"({"errors":[{"message":"lookup value is invalid","hint":{"attribute":"linkOn",)"
                      R"("value":"undefined"}}]})");
    QTest::newRow("update-lookup-attr-of-new-entity")
        << QByteArray("[]") << QByteArray(R"([["update","users",["handle","stopa"],{"handle":"stopa2"}]])") << false
        << failed
        << u"Validation failed for lookup: Updates with lookups can only update the lookup attribute if an entity "
           "with the unique attribute value already exists."_s
        << QByteArray("{}");
    QTest::newRow("throw-on-missing-attrs")
        << QByteArray("[]") << QByteArray(R"([["update","goals",")" ID_A R"(",{"myFavoriteColor":"purple"}]])") << true
        << failed << u"Validation failed for steps: Attributes are missing in your schema"_s
        << QByteArray(R"({"data-type":"steps","errors":[{"message":"Attributes are missing in your schema",)"
                      R"("hint":{"attributes":["goals.id","goals.myFavoriteColor"]}}]})");
    QTest::newRow("checked-data-type") << QByteArray("[]")
                                       << QByteArray(R"([["update","$users",")" ID_A R"(",{"email":5}]])") << false
                                       << failed
                                       << u"Invalid value type for $users.email. Value must be a string but the "
                                          "provided value type is number."_s
                                       << QByteArray(R"({"namespace":"$users","attribute":"email","value":5,)"
                                                     R"("checked-data-type":"string","entity-id":")" ID_A R"("})");
    QTest::newRow("unique-violation")
        << QByteArray(R"([["update","$users",")" ID_A R"(",{"email":"a@b.c"}]])")
        << QByteArray(R"([["update","$users",")" ID_B R"(",{"email":"a@b.c"}]])") << false << u"record-not-unique"_s
        << u"`email` is a unique attribute on `$users` and an entity already exists with `$users.email` = \"a@b.c\""_s
        << QByteArray(R"({"record-type":"triple","etype":"$users","label":"email"})");
    QTest::newRow("files-system-column") << QByteArray("[]")
                                         << QByteArray(R"([["update","$files",")" ID_A R"(",{"size":5}]])") << false
                                         << failed
                                         << u"Validation failed for tx-step: $files.size is a system column. "
                                            "You aren't allowed to change this directly."_s
                                         << QByteArray(R"({"data-type":"tx-step"})");
    QTest::newRow("required-attr") << QByteArray(
        R"([["add-attr",{"id":")" ID_C R"(","forward-identity":[")" ID_B
        R"(","goals","title"],"value-type":"blob","cardinality":"one","unique?":false,"index?":false,)"
        R"("required?":true}]])") << QByteArray(R"([["update","goals",")" ID_A R"(",{"n":1}]])")
                                   << false << u"validation-failed"_s
                                   << u"Missing required attribute `goals/title`: " ID_A ""_s
                                   << QByteArray(R"({"records":[{"entity_id":")" ID_A
                                                 R"(","etype":"goals","label":"title"}]})");
    QTest::newRow("duplicate-ident")
        << QByteArray(R"([["update","goals",")" ID_A R"(",{"title":"x"}]])")
        << QByteArray(R"([["add-attr",{"id":")" ID_C R"(","forward-identity":[")" ID_B
                      R"(","goals","title"],"value-type":"blob","cardinality":"one","unique?":false,"index?":false}]])")
        << false << u"record-not-unique"_s << u"`title` already exists on `goals`"_s
        << QByteArray(R"({"record-type":"ident"})");
}

void TestInstaml::errors()
{
    QFETCH(QByteArray, setup);
    QFETCH(QByteArray, steps);
    QFETCH(bool, throwOnMissing);
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(QByteArray, hint);

    QVERIFY(m_fixture->tx(setup.constData()));
    sandbox::TransactOptions options;
    options.throwOnMissingAttrs = throwOnMissing;
    const auto result = m_fixture->tx(steps.constData(), options);
    QVERIFY(!result);
    QCOMPARE(result.error().status, 400);
    QCOMPARE(result.error().type, type);
    QCOMPARE(result.error().message, message);
    QVERIFY2(containsSubset(result.error().hint, json(hint.constData())), result.error().toJson().constData());
}

void TestInstaml::failedTransactionRollsBack()
{
    const auto first = m_fixture->tx(R"([["update","goals",")" ID_A R"(",{"t":1,"o":{"k":1}}],)"
                                     R"(["update","todos",")" ID_T R"(",{"n":1}],)"
                                     R"(["link","goals",")" ID_A R"(",{"todos":")" ID_T R"("}]])");
    QVERIFY(first);
    const char *everything = R"({"goals":{"todos":{}},"todos":{"goals":{}},"fresh":{}})";
    const QString treeBefore = compact(m_fixture->q(everything)->tree);
    const QString attrsBefore = compact(m_fixture->store->attrs(m_fixture->appId));
    const QUuid goal = QUuid::fromString(u"" ID_A ""_s);
    const QDateTime createdBefore = m_fixture->store->entityCreatedAt(m_fixture->appId, goal);

    // Every kind of change, then a failing step: nothing of it may remain.
    const auto failed
        = m_fixture->tx(R"([["update","goals",")" ID_B R"(",{"t":2}],["update","goals",")" ID_A
                        R"(",{"t":3,"extra":true}],["merge","goals",")" ID_A R"(",{"o":{"k":null}}],)"
                        R"(["update","fresh",")" ID_C R"(",{"x":1}],)"
                        R"(["unlink","goals",")" ID_A R"(",{"todos":")" ID_T R"("}],)"
                        R"(["delete","todos",")" ID_T R"("],)"
                        R"(["add-attr",{"id":"20000000-0000-0000-0000-000000000001","forward-identity":[")"
                        R"(20000000-0000-0000-0000-000000000002","fresh","req"],"value-type":"blob",)"
                        R"("cardinality":"one","unique?":false,"index?":false,"required?":true}]])");
    // The required attribute is checked after every step ran, so all of them have to be undone.
    QVERIFY(!failed);
    QVERIFY(failed.error().message.startsWith(u"Missing required attribute `fresh/req`"_s));
    QCOMPARE(compact(m_fixture->q(everything)->tree), treeBefore);
    QCOMPARE(compact(m_fixture->store->attrs(m_fixture->appId)), attrsBefore);
    QCOMPARE(m_fixture->store->entityCreatedAt(m_fixture->appId, goal), createdBefore);

    // The same holds for the database: reopen and compare.
    m_fixture->store.reset();
    QVERIFY(m_fixture->open());
    QCOMPARE(compact(m_fixture->q(everything)->tree), treeBefore);
    const auto next = m_fixture->tx("[]");
    QVERIFY(next);
    QVERIFY(*next > *first);
}

void TestInstaml::autoCreatedAttrs_data()
{
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QString>("etype");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("namespace-id") << QByteArray(R"([["update","goals",")" ID_A R"(",{}]])") << u"goals"_s << u"id"_s
                                  << QByteArray(R"({"value-type":"blob","cardinality":"one","unique?":true,)"
                                                R"("index?":false,"catalog":"user"})");
    QTest::newRow("blob-label") << QByteArray(R"([["update","goals",")" ID_A R"(",{"title":"x"}]])") << u"goals"_s
                                << u"title"_s
                                << QByteArray(R"({"value-type":"blob","cardinality":"one","unique?":false,)"
                                              R"("index?":false,"inferred-types":["string"]})");
    QTest::newRow("link-label") << QByteArray(R"([["link","goals",")" ID_A R"(",{"todos":")" ID_T R"("}]])")
                                << u"goals"_s << u"todos"_s
                                << QByteArray(R"({"value-type":"ref","cardinality":"many","unique?":false,)"
                                              R"("index?":false,"reverse-identity":[null,"todos","goals"]})");
    QTest::newRow("lookup-attr") << QByteArray(R"([["update","users",["handle","h"],{}]])") << u"users"_s << u"handle"_s
                                 << QByteArray(R"({"value-type":"blob","cardinality":"one","unique?":true,)"
                                               R"("index?":true})");
    QTest::newRow("ref-lookup-link") << QByteArray(R"([["update","pets",["owner.id",")" ID_A R"("],{}]])") << u"pets"_s
                                     << u"owner"_s
                                     << QByteArray(R"({"value-type":"ref","cardinality":"one","unique?":true,)"
                                                   R"("index?":true,"reverse-identity":[null,"owner","pets"]})");
    QTest::newRow("link-with-lookup-target")
        << QByteArray(R"([["link","goals",")" ID_A R"(",{"todos":{"slug":"s"}}]])") << u"goals"_s << u"todos"_s
        << QByteArray(R"({"value-type":"ref","cardinality":"one","unique?":true,"index?":true})");
    QTest::newRow("lookup-target-attr") << QByteArray(R"([["link","goals",")" ID_A R"(",{"todos":{"slug":"s"}}]])")
                                        << u"todos"_s << u"slug"_s
                                        << QByteArray(R"({"value-type":"blob","unique?":true,"index?":true})");
}

void TestInstaml::autoCreatedAttrs()
{
    QFETCH(QByteArray, steps);
    QFETCH(QString, etype);
    QFETCH(QString, label);
    QFETCH(QByteArray, expected);

    const auto applied = m_fixture->tx(steps.constData());
    QVERIFY2(applied, applied ? "" : applied.error().toJson().constData());
    QJsonObject found;
    for (const QJsonValue &attr : m_fixture->store->attrs(m_fixture->appId)) {
        const QJsonArray ident = attr.toObject().value(u"forward-identity").toArray();
        if (ident.at(1).toString() == etype && ident.at(2).toString() == label) {
            found = attr.toObject();
        }
    }
    QVERIFY2(!found.isEmpty(), qPrintable(etype + u'.' + label));
    QJsonObject want = json(expected.constData()).toObject();
    if (want.contains(u"reverse-identity"_s)) {
        // The identity id is random; compare the names only.
        const QJsonArray reverse = found.value(u"reverse-identity").toArray();
        QCOMPARE(reverse.at(1), want.value(u"reverse-identity").toArray().at(1));
        QCOMPARE(reverse.at(2), want.value(u"reverse-identity").toArray().at(2));
        want.remove(u"reverse-identity"_s);
    }
    QVERIFY2(containsSubset(found, want), qPrintable(compact(found)));
}

void TestInstaml::cascadeDeletes()
{
    // $userRefreshTokens.$user cascades: deleting the user removes its tokens, but not other users' tokens.
    QVERIFY(m_fixture->tx(R"([["update","$users",")" ID_A R"(",{"email":"a@x.io"}],)"
                          R"(["update","$users",")" ID_B R"(",{"email":"b@x.io"}],)"
                          R"(["update","$userRefreshTokens",")" ID_T R"(",{"hashedToken":"h1"}],)"
                          R"(["link","$userRefreshTokens",")" ID_T R"(",{"$user":")" ID_A R"("}],)"
                          R"(["update","$userRefreshTokens",")" ID_U R"(",{"hashedToken":"h2"}],)"
                          R"(["link","$users",")" ID_B R"(",{"$userRefreshTokens":")" ID_U R"("}]])"));
    auto tokens = m_fixture->q(R"({"$userRefreshTokens":{"$user":{}}})");
    QVERIFY(tokens);
    QCOMPARE(tokens->tree.value(u"$userRefreshTokens").toArray().size(), 2);
    const auto byLookup = m_fixture->q(R"({"$userRefreshTokens":{"$":{"where":{"hashedToken":"h2"}},"$user":{}}})");
    QVERIFY(byLookup);
    QCOMPARE(compact(byLookup->tree.value(u"$userRefreshTokens").toArray().at(0)[u"$user"_s].toArray().at(0)[u"id"_s]),
        u"\"" ID_B "\""_s);

    QVERIFY(m_fixture->tx(R"([["delete","$users",["email","a@x.io"]]])"));
    tokens = m_fixture->q(R"({"$userRefreshTokens":{},"$users":{}})");
    QVERIFY(tokens);
    QCOMPARE(compact(tokens->tree.value(u"$userRefreshTokens")),
        compact(json(R"([{"id":")" ID_U R"(","hashedToken":"h2","$user":")" ID_B R"("}])")));
    QCOMPARE(tokens->tree.value(u"$users").toArray().size(), 1);

    // A user-defined chain: projects → tasks (on-delete cascade on tasks.project) → notes (on-delete-reverse).
    QVERIFY(m_fixture->tx(
        R"([["add-attr",{"id":"10000000-0000-0000-0000-000000000001","forward-identity":[")"
        R"(10000000-0000-0000-0000-000000000002","tasks","project"],"reverse-identity":[")"
        R"(10000000-0000-0000-0000-000000000003","projects","tasks"],"value-type":"ref","cardinality":"one",)"
        R"("unique?":false,"index?":false,"on-delete":"cascade"}],)"
        R"(["add-attr",{"id":"10000000-0000-0000-0000-000000000004","forward-identity":[")"
        R"(10000000-0000-0000-0000-000000000005","tasks","notes"],"reverse-identity":[")"
        R"(10000000-0000-0000-0000-000000000006","notes","task"],"value-type":"ref","cardinality":"many",)"
        R"("unique?":false,"index?":false,"on-delete-reverse":"cascade"}],)"
        R"(["update","projects",")" ID_A R"(",{"n":1}],["update","tasks",")" ID_B R"(",{"n":2}],)"
        R"(["update","notes",")" ID_C R"(",{"n":3}],["update","notes",")" ID_T R"(",{"n":4}],)"
        R"(["link","tasks",")" ID_B R"(",{"project":")" ID_A R"(","notes":[")" ID_C R"("]}]])"));
    QVERIFY(m_fixture->tx(R"([["delete","projects",")" ID_A R"("]])"));
    const auto rest = m_fixture->q(R"({"projects":{},"tasks":{},"notes":{}})");
    QVERIFY(rest);
    QCOMPARE(compact(rest->tree), compact(json(R"({"notes":[{"id":")" ID_T R"(","n":4}],"projects":[],"tasks":[]})")));
}

void TestInstaml::softDeletedAttr()
{
    QVERIFY(m_fixture->tx(R"([["update","goals",")" ID_A R"(",{"title":"x","n":1}]])"));
    QString titleId;
    for (const QJsonValue &attr : m_fixture->store->attrs(m_fixture->appId)) {
        if (attr[u"forward-identity"_s][2] == u"title"_s) {
            titleId = attr[u"id"_s].toString();
        }
    }
    QVERIFY(!titleId.isEmpty());
    QVERIFY(m_fixture->tx(qPrintable(u"[[\"delete-attr\",\"%1\"]]"_s.arg(titleId))));

    const auto result = m_fixture->q(R"({"goals":{}})");
    QVERIFY(result);
    QCOMPARE(compact(result->tree), compact(json(R"({"goals":[{"id":")" ID_A R"(","n":1}]})")));
    const QJsonObject deleted = m_fixture->store->softDeletedAttrs(m_fixture->appId);
    QCOMPARE(deleted.value(u"grace-period-days").toInt(), 2);
    const QJsonArray attrs = deleted.value(u"attrs").toArray();
    QCOMPARE(attrs.size(), 1);
    QCOMPARE(attrs.at(0)[u"id"_s].toString(), titleId);
    QCOMPARE(attrs.at(0)[u"forward-identity"_s][1].toString(), titleId + u"_deleted$goals"_s);
    QCOMPARE(attrs.at(0)[u"forward-identity"_s][2].toString(), titleId + u"_deleted$title"_s);
    QVERIFY(attrs.at(0)[u"deletion-marked-at"_s].toString().endsWith(u'Z'));
    QVERIFY(attrs.at(0)[u"metadata"_s][u"soft_delete_snapshot"_s].isObject());

    // The label is free again and auto-created afresh.
    QVERIFY(m_fixture->tx(R"([["update","goals",")" ID_A R"(",{"title":"y"}]])"));
    const auto again = m_fixture->q(R"({"goals":{}})");
    QCOMPARE(compact(again->tree), compact(json(R"({"goals":[{"id":")" ID_A R"(","n":1,"title":"y"}]})")));
}

void TestInstaml::systemColumnsForTheServer()
{
    sandbox::TransactOptions options;
    options.allowSystemColumns = true;
    QVERIFY(m_fixture->tx(R"([["update","$files",")" ID_A R"(",{"path":"a/b.png","size":5,"location-id":"L1",)"
                          R"("content-type":"image/png","content-disposition":"inline","key-version":1}]])",
        options));
    m_fixture->store->setFileUrlBuilder(
        [](const QUuid &, const QString &location) -> QString { return u"http://f/"_s + location; });
    const auto result = m_fixture->q(R"({"$files":{"$":{"where":{"path":"a/b.png"}}}})");
    QVERIFY(result);
    const QJsonObject file = result->tree.value(u"$files").toArray().at(0).toObject();
    QCOMPARE(file.value(u"url").toString(), u"http://f/L1"_s);
    QCOMPARE(file.value(u"size").toInt(), 5);

    const auto fields = m_fixture->q(R"({"$files":{"$":{"fields":["path"]}}})");
    QCOMPARE(compact(fields->tree), compact(json(R"({"$files":[{"id":")" ID_A R"(","path":"a/b.png"}]})")));
    const auto withUrl = m_fixture->q(R"({"$files":{"$":{"fields":["url"]}}})");
    QCOMPARE(compact(withUrl->tree), compact(json(R"({"$files":[{"id":")" ID_A R"(","url":"http://f/L1"}]})")));

    // Renaming is allowed to everyone; deleting by path lookup as well.
    QVERIFY(m_fixture->tx(R"([["update","$files",["path","a/b.png"],{"path":"c.png"}]])"));
    QVERIFY(m_fixture->tx(
        R"([["delete","$files",["path","c.png"]]])", {false, {sandbox::Identity::Kind::Guest, {}}, false}));
    QCOMPARE(m_fixture->q(R"({"$files":{}})")->tree.value(u"$files").toArray().size(), 0);

    // Other system entities cannot be deleted by users.
    QVERIFY(m_fixture->tx(R"([["update","$users",")" ID_B R"(",{"email":"u@x.io"}]])"));
    const auto denied = m_fixture->tx(R"([["delete","$users",")" ID_B R"("]])",
        {false, {sandbox::Identity::Kind::User, QUuid::fromString(u"" ID_B ""_s)}, false});
    QVERIFY(!denied);
    QCOMPARE(denied.error().message,
        u"Validation failed for tx-step: $users is a system entity. You aren't allowed to delete this directly."_s);
}

QTEST_GUILESS_MAIN(TestInstaml)
