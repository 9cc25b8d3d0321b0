#include "tst_instaql.h"

#include <QJsonArray>

using namespace enginetest;
using namespace Qt::Literals::StringLiterals;

namespace {

#define G1 "00000000-0000-0000-0000-000000000001"
#define G2 "00000000-0000-0000-0000-000000000002"
#define G3 "00000000-0000-0000-0000-000000000003"
#define T1 "00000000-0000-0000-0000-000000000011"
#define T2 "00000000-0000-0000-0000-000000000012"
#define T3 "00000000-0000-0000-0000-000000000013"
#define O1 "00000000-0000-0000-0000-000000000021"
#define P1 "00000000-0000-0000-0000-000000000031"

QString attrStep(const QString &id, const QString &etype, const QString &label, const QString &extra)
{
    return u"[\"add-attr\",{\"id\":\"%1\",\"forward-identity\":[\"%2\",\"%3\",\"%4\"],\"value-type\":\"blob\","
           "\"cardinality\":\"one\",\"unique?\":false,\"index?\":false%5}]"_s.arg(
               id, QUuid::createUuid().toString(QUuid::WithoutBraces), etype, label, extra);
}

QString linkStep(
    const QString &etype, const QString &label, const QString &target, const QString &reverse, const QString &extra)
{
    return u"[\"add-attr\",{\"id\":\"%1\",\"forward-identity\":[\"%2\",\"%3\",\"%4\"],\"reverse-identity\":["
           "\"%5\",\"%6\",\"%7\"],\"value-type\":\"ref\",\"index?\":false%8}]"_s.arg(
               QUuid::createUuid().toString(QUuid::WithoutBraces), QUuid::createUuid().toString(QUuid::WithoutBraces),
               etype, label, QUuid::createUuid().toString(QUuid::WithoutBraces), target, reverse, extra);
}

// The ids of a namespace's entities, in result order.
QStringList ids(const QJsonObject &tree, const QString &ns)
{
    QStringList result;
    for (const QJsonValue &entity : tree.value(ns).toArray()) {
        result.append(entity[u"id"_s].toString().right(2));
    }
    return result;
}

} // namespace

void TestInstaql::initTestCase()
{
    m_fixture = std::make_unique<Fixture>();
    QVERIFY(m_fixture->init());
    const QString kMany = u",\"cardinality\":\"many\",\"unique?\":false"_s;
    const QString kOne = u",\"cardinality\":\"one\",\"unique?\":false"_s;
    const QString schema = u"["_s
        + QStringList {
              attrStep(QUuid::createUuid().toString(QUuid::WithoutBraces), u"goals"_s, u"id"_s,
                  u",\"unique?\":true,\"index?\":true"_s),
              attrStep(u"00000000-0000-0000-0000-0000000000a1"_s, u"goals"_s, u"title"_s,
                  u",\"index?\":true,\"checked-data-type\":\"string\""_s),
              attrStep(u"00000000-0000-0000-0000-0000000000a2"_s, u"goals"_s, u"priority"_s,
                  u",\"index?\":true,\"checked-data-type\":\"number\""_s),
              attrStep(u"00000000-0000-0000-0000-0000000000a3"_s, u"goals"_s, u"due"_s,
                  u",\"index?\":true,\"checked-data-type\":\"date\""_s),
              attrStep(QUuid::createUuid().toString(QUuid::WithoutBraces), u"goals"_s, u"note"_s, {}),
              linkStep(u"goals"_s, u"todos"_s, u"todos"_s, u"goals"_s, kMany),
              linkStep(u"goals"_s, u"owner"_s, u"owners"_s, u"goals"_s, kOne),
              linkStep(u"owners"_s, u"profile"_s, u"profiles"_s, u"owner"_s,
                  u",\"cardinality\":\"one\",\"unique?\":true"_s),
          }.join(u',')
        + u"]"_s;
    const auto created = m_fixture->store->transact(m_fixture->appId, json(schema.toUtf8().constData()).toArray());
    QVERIFY2(created, created ? "" : created.error().toJson().constData());

    // One transaction per goal, in id order, so creation order and id order agree even within one millisecond.
    for (const char *steps : {
             R"([["update","goals",")" G1
             R"(",{"title":"Get fit","priority":2,"due":"2025-01-02T00:00:00Z","note":"x"}]])",
             R"([["update","goals",")" G2 R"(",{"title":"get rich","priority":1,"due":1735689600000}]])",
             R"([["update","goals",")" G3 R"(",{"title":"Learn piano","note":null}]])",
             R"([["update","todos",")" T1 R"(",{"title":"Run","done":true}],["update","todos",")" T2
             R"(",{"title":"Swim","done":false}],["update","todos",")" T3 R"(",{"title":"Scales"}],)"
             R"(["link","goals",")" G1 R"(",{"todos":[")" T1 R"(",")" T2 R"("]}],)"
             R"(["link","goals",")" G3 R"(",{"todos":")" T3 R"("}],)"
             R"(["update","owners",")" O1 R"(",{"name":"alice"}],["update","profiles",")" P1 R"(",{"bio":"hi"}],)"
             R"(["link","goals",")" G1 R"(",{"owner":")" O1 R"("}],["link","goals",")" G2 R"(",{"owner":")" O1
             R"("}],["link","owners",")" O1 R"(",{"profile":")" P1 R"("}]])",
         }) {
        const auto applied = m_fixture->tx(steps);
        QVERIFY2(applied, applied ? "" : applied.error().toJson().constData());
    }
}

void TestInstaql::where_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char *name, const char *where, const QStringList &expected) {
        QTest::newRow(name) << (QByteArray(R"({"goals":{"$":{"where":)") + where + "}}}") << expected;
    };
    row("equality", R"({"title":"Get fit"})", {u"01"_s});
    row("equality-number", R"({"priority":1})", {u"02"_s});
    row("id", R"({"id":")" G2 R"("})", {u"02"_s});
    row("dotted-forward", R"({"todos.title":"Swim"})", {u"01"_s});
    row("dotted-two-hops", R"({"owner.profile.bio":"hi"})", {u"01"_s, u"02"_s});
    row("link-by-id", R"({"owner":")" O1 R"("})", {u"01"_s, u"02"_s});
    row("link-dot-id", R"({"todos.id":")" T3 R"("})", {u"03"_s});
    row("in", R"({"title":{"$in":["Get fit","get rich","nope"]}})", {u"01"_s, u"02"_s});
    row("in-without-dollar", R"({"priority":{"in":[2]}})", {u"01"_s});
    row("in-with-null", R"({"priority":{"$in":[1,null]}})", {u"02"_s, u"03"_s});
    row("not", R"({"title":{"$not":"Get fit"}})", {u"02"_s, u"03"_s});
    row("ne-includes-missing", R"({"priority":{"$ne":2}})", {u"02"_s, u"03"_s});
    row("isnull-true", R"({"priority":{"$isNull":true}})", {u"03"_s});
    row("isnull-false", R"({"priority":{"$isNull":false}})", {u"01"_s, u"02"_s});
    row("isnull-written-null", R"({"note":{"$isNull":true}})", {u"02"_s, u"03"_s});
    row("isnull-path", R"({"todos.title":{"$isNull":true}})", {u"02"_s});
    row("gt", R"({"priority":{"$gt":1}})", {u"01"_s});
    row("gte", R"({"priority":{"$gte":1}})", {u"01"_s, u"02"_s});
    row("lt", R"({"priority":{"$lt":2}})", {u"02"_s});
    row("lte", R"({"priority":{"$lte":2}})", {u"01"_s, u"02"_s});
    row("range", R"({"priority":{"$gt":0,"$lt":2}})", {u"02"_s});
    row("date-iso", R"({"due":{"$gt":"2025-01-01T12:00:00Z"}})", {u"01"_s});
    row("date-epoch", R"({"due":{"$lt":1735700000000}})", {u"02"_s});
    row("like", R"({"title":{"$like":"Get%"}})", {u"01"_s});
    row("like-underscore", R"({"title":{"$like":"_et %"}})", {u"01"_s, u"02"_s});
    row("ilike", R"({"title":{"$ilike":"get%"}})", {u"01"_s, u"02"_s});
    row("or", R"({"or":[{"title":"Get fit"},{"priority":1}]})", {u"01"_s, u"02"_s});
    row("and", R"({"and":[{"title":{"$ilike":"%g%"}},{"priority":1}]})", {u"02"_s});
    row("nested-or-in-and", R"({"and":[{"or":[{"priority":1},{"priority":2}]},{"todos.title":"Run"}]})", {u"01"_s});
    row("implicit-and", R"({"title":"Get fit","priority":2})", {u"01"_s});
    row("implicit-and-empty", R"({"title":"Get fit","priority":1})", {});
    row("unknown-attr", R"({"colour":"red"})", {});
    row("unknown-link", R"({"nothing.title":"x"})", {});
    row("id-prefix", R"({"$entityIdStartsWith":"00000000-0000-0000-0000-00000000000"})", {u"01"_s, u"02"_s, u"03"_s});
    QTest::newRow("reverse-dotted") << QByteArray(R"({"todos":{"$":{"where":{"goals.title":"Learn piano"}}}})")
                                    << QStringList {u"13"_s};
    QTest::newRow("reverse-link-by-id") << QByteArray(R"({"todos":{"$":{"where":{"goals":")" G1 R"("}}}})")
                                        << QStringList {u"11"_s, u"12"_s};
    QTest::newRow("boolean") << QByteArray(R"({"todos":{"$":{"where":{"done":false}}}})") << QStringList {u"12"_s};
}

void TestInstaql::where()
{
    QFETCH(QByteArray, query);
    QFETCH(QStringList, expected);

    const auto result = m_fixture->q(query.constData());
    QVERIFY2(result, result ? "" : result.error().toJson().constData());
    QCOMPARE(ids(result->tree, result->tree.keys().first()), expected);
}

void TestInstaql::ordering_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("creation-time") << QByteArray(R"({"goals":{}})") << QStringList {u"01"_s, u"02"_s, u"03"_s};
    QTest::newRow("server-created-desc") << QByteArray(R"({"goals":{"$":{"order":{"serverCreatedAt":"desc"}}}})")
                                         << QStringList {u"03"_s, u"02"_s, u"01"_s};
    QTest::newRow("number-asc-missing-first")
        << QByteArray(R"({"goals":{"$":{"order":{"priority":"asc"}}}})") << QStringList {u"03"_s, u"02"_s, u"01"_s};
    QTest::newRow("number-desc-missing-last")
        << QByteArray(R"({"goals":{"$":{"order":{"priority":"desc"}}}})") << QStringList {u"01"_s, u"02"_s, u"03"_s};
    QTest::newRow("string") << QByteArray(R"({"goals":{"$":{"order":{"title":"asc"}}}})")
                            << QStringList {u"01"_s, u"03"_s, u"02"_s};
    QTest::newRow("date-mixed-forms") << QByteArray(R"({"goals":{"$":{"order":{"due":"asc"}}}})")
                                      << QStringList {u"03"_s, u"02"_s, u"01"_s};
    QTest::newRow("with-where") << QByteArray(
        R"({"goals":{"$":{"where":{"priority":{"$gt":0}},"order":{"due":"desc"}}}})")
                                << QStringList {u"01"_s, u"02"_s};
}

void TestInstaql::ordering()
{
    QFETCH(QByteArray, query);
    QFETCH(QStringList, expected);

    const auto result = m_fixture->q(query.constData());
    QVERIFY2(result, result ? "" : result.error().toJson().constData());
    QCOMPARE(ids(result->tree, u"goals"_s), expected);
}

void TestInstaql::tiesByIdWithinOneTransaction()
{
    // Same transaction, same creation time: ties go by id, whatever order the steps had.
    const auto applied = m_fixture->tx(R"([["update","ties","00000000-0000-0000-0000-0000000000c3",{"n":1}],)"
                                       R"(["update","ties","00000000-0000-0000-0000-0000000000c1",{"n":1}],)"
                                       R"(["update","ties","00000000-0000-0000-0000-0000000000c2",{"n":1}]])");
    QVERIFY(applied);
    const auto result = m_fixture->q(R"({"ties":{},"goals":{"todos":{"$":{"order":{"title":"desc"}}}}})");
    QVERIFY(result);
    QCOMPARE(ids(result->tree, u"ties"_s), (QStringList {u"c1"_s, u"c2"_s, u"c3"_s}));
    // Nested order sorts in memory; the attribute needs no index there.
    QCOMPARE(
        ids(result->tree.value(u"goals").toArray().at(0).toObject(), u"todos"_s), (QStringList {u"12"_s, u"11"_s}));
}

void TestInstaql::pagination_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("hasNext");
    QTest::addColumn<bool>("hasPrevious");

    QTest::newRow("limit") << QByteArray(R"({"limit":2})") << QStringList {u"01"_s, u"02"_s} << true << false;
    QTest::newRow("first") << QByteArray(R"({"first":1})") << QStringList {u"01"_s} << true << false;
    QTest::newRow("all-fit") << QByteArray(R"({"limit":5})") << QStringList {u"01"_s, u"02"_s, u"03"_s} << false
                             << false;
    QTest::newRow("offset") << QByteArray(R"({"limit":1,"offset":1})") << QStringList {u"02"_s} << true << true;
    QTest::newRow("offset-past-end") << QByteArray(R"({"offset":7})") << QStringList {} << false << true;
    QTest::newRow("last") << QByteArray(R"({"last":2})") << QStringList {u"02"_s, u"03"_s} << false << true;
    QTest::newRow("ordered-limit") << QByteArray(R"({"limit":2,"order":{"priority":"desc"}})")
                                   << QStringList {u"01"_s, u"02"_s} << true << false;
    QTest::newRow("after") << QByteArray(R"({"first":5,"after":[")" G1 R"(","@id",")" G1 R"(",@t1]})")
                           << QStringList {u"02"_s, u"03"_s} << false << true;
    QTest::newRow("after-inclusive") << QByteArray(
        R"({"first":1,"after":[")" G2 R"(","@id",")" G2 R"(",@t2],"afterInclusive":true})")
                                     << QStringList {u"02"_s} << true << true;
    QTest::newRow("before") << QByteArray(R"({"last":5,"before":[")" G3 R"(","@id",")" G3 R"(",@t3]})")
                            << QStringList {u"01"_s, u"02"_s} << true << false;
    QTest::newRow("before-inclusive") << QByteArray(
        R"({"last":1,"before":[")" G2 R"(","@id",")" G2 R"(",@t2],"beforeInclusive":true})")
                                      << QStringList {u"02"_s} << true << true;
    QTest::newRow("after-by-value") << QByteArray(
        R"({"first":5,"order":{"priority":"asc"},"after":[")" G2 R"(","@priority",1,@t2]})")
                                    << QStringList {u"01"_s} << false << true;
}

void TestInstaql::pagination()
{
    QFETCH(QByteArray, options);
    QFETCH(QStringList, expected);
    QFETCH(bool, hasNext);
    QFETCH(bool, hasPrevious);

    // Cursors carry attribute ids and creation times, only known now.
    QString idAttr;
    for (const QJsonValue &attr : m_fixture->store->attrs(m_fixture->appId)) {
        if (attr[u"forward-identity"_s][1] == u"goals"_s && attr[u"forward-identity"_s][2] == u"id"_s) {
            idAttr = attr[u"id"_s].toString();
        }
    }
    QString text = QString::fromUtf8(options)
                       .replace(u"@id"_s, idAttr)
                       .replace(u"@priority"_s, u"00000000-0000-0000-0000-0000000000a2"_s);
    for (const char *suffix : {"1", "2", "3"}) {
        const QUuid id = QUuid::fromString(u"00000000-0000-0000-0000-00000000000"_s + QLatin1String(suffix));
        const qint64 created = m_fixture->store->entityCreatedAt(m_fixture->appId, id).toMSecsSinceEpoch();
        text.replace(u"@t"_s + QLatin1String(suffix), QString::number(created));
    }
    const QByteArray query = "{\"goals\":{\"$\":" + text.toUtf8() + "}}";
    const auto result = m_fixture->q(query.constData());
    QVERIFY2(result, result ? "" : result.error().toJson().constData());
    QCOMPARE(ids(result->tree, u"goals"_s), expected);
    const QJsonObject info = result->pageInfo.value(u"goals").toObject();
    QCOMPARE(info.value(u"has-next-page?").toBool(), hasNext);
    QCOMPARE(info.value(u"has-previous-page?").toBool(), hasPrevious);
    if (!expected.isEmpty()) {
        QCOMPARE(info.value(u"start-cursor").toArray().at(0).toString().right(2), expected.first());
        QCOMPARE(info.value(u"end-cursor").toArray().at(0).toString().right(2), expected.last());
        QCOMPARE(info.value(u"start-cursor").toArray().size(), 4);
    }
}

void TestInstaql::cursorsWalkAllPages()
{
    // Forward with first/after, then back with last/before, using only the cursors the engine returned.
    QStringList seen;
    QJsonValue after;
    for (int page = 0; page < 5; ++page) {
        QJsonObject options {{u"first"_s, 1}};
        if (!after.isUndefined()) {
            options.insert(u"after"_s, after);
        }
        const auto result
            = m_fixture->store->query(m_fixture->appId, QJsonObject {{u"goals"_s, QJsonObject {{u"$"_s, options}}}});
        QVERIFY(result);
        seen += ids(result->tree, u"goals"_s);
        const QJsonObject info = result->pageInfo.value(u"goals").toObject();
        if (!info.value(u"has-next-page?").toBool()) {
            break;
        }
        after = info.value(u"end-cursor");
    }
    QCOMPARE(seen, (QStringList {u"01"_s, u"02"_s, u"03"_s}));

    const auto last = m_fixture->q(R"({"goals":{"$":{"last":1}}})");
    QVERIFY(last);
    const QJsonValue before = last->pageInfo.value(u"goals")[u"start-cursor"_s];
    const auto previous = m_fixture->store->query(m_fixture->appId,
        QJsonObject {{u"goals"_s, QJsonObject {{u"$"_s, QJsonObject {{u"last"_s, 1}, {u"before"_s, before}}}}}});
    QVERIFY(previous);
    QCOMPARE(ids(previous->tree, u"goals"_s), QStringList {u"02"_s});
}

void TestInstaql::validation_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("errors");

    QTest::newRow("node-not-map") << QByteArray(R"({"goals":[]})") << u"Validation failed for query"_s
                                  << QByteArray(R"([{"expected":"map?","in":["goals"]}])");
    QTest::newRow("nested-node-not-map") << QByteArray(R"({"goals":{"todos":5}})") << u"Validation failed for query"_s
                                         << QByteArray(R"([{"expected":"map?","in":["goals","todos"]}])");
    QTest::newRow("unknown-option")
        << QByteArray(R"({"goals":{"$":{"limit":1,"shape":"x"}}})")
        << u"Validation failed for query: We only support `where`, `order`, `limit`, `offset`, `before`, and "
           "`after` clauses."_s
        << QByteArray(R"([{"expected":"supported-options?","in":["goals","$"]}])");
    QTest::newRow("limit-negative")
        << QByteArray(R"({"goals":{"$":{"limit":-1}}})")
        << u"Validation failed for query: The limit field must be a positive integer. Got -1."_s
        << QByteArray(R"([{"expected":"supported-options?","in":["goals","$","limit"],)"
                      R"("message":"The limit field must be a positive integer. Got -1."}])");
    QTest::newRow("offset-negative")
        << QByteArray(R"({"goals":{"$":{"offset":-2}}})")
        << u"Validation failed for query: The offset field must be a non-negative integer. Got -2."_s
        << QByteArray("null");
    QTest::newRow("limit-and-first") << QByteArray(R"({"goals":{"$":{"limit":1,"first":2}}})")
                                     << u"Validation failed for query: Only provide one of `limit` or `first`."_s
                                     << QByteArray("null");
    QTest::newRow("nested-offset")
        << QByteArray(R"({"goals":{"todos":{"$":{"offset":1}}}})")
        << u"Validation failed for query: We currently only support `offset`, `before`, and `after` clauses on the "
           "top-level field. Limit fields will be ignored"_s
        << QByteArray(R"([{"expected":"supported-options?","in":["goals","todos","$"]}])");
    QTest::newRow("order-two-keys")
        << QByteArray(R"({"goals":{"$":{"order":{"priority":"asc","title":"desc"}}}})")
        << u"Validation failed for query: We only support a single key in the `order` clause. Got priority,title."_s
        << QByteArray("null");
    QTest::newRow("order-direction")
        << QByteArray(R"({"goals":{"$":{"order":{"priority":"up"}}}})")
        << u"Validation failed for query: We only support \"asc\" or \"desc\" in the `order` clause. Got \"up\"."_s
        << QByteArray(R"([{"expected":"valid-direction?","in":["goals","$","order","priority"]}])");
    QTest::newRow("order-unknown-attr") << QByteArray(R"({"goals":{"$":{"order":{"x":"asc"}}}})")
                                        << u"Validation failed for query: There is no `x` attribute for goals."_s
                                        << QByteArray(
                                               R"([{"expected":"supported-order?","in":["goals","$","order"]}])");
    QTest::newRow("order-untyped-unindexed")
        << QByteArray(R"({"goals":{"$":{"order":{"note":"asc"}}}})")
        << u"Validation failed for query: The `goals.note` attribute is not indexed. Only indexed and typed "
           "attributes can be used to order by., The `goals.note` attribute is not typed. Only typed and indexed "
           "attributes can be used to order by."_s
        << QByteArray("null");
    QTest::newRow("empty-or") << QByteArray(R"({"goals":{"$":{"where":{"or":[]}}}})")
                              << u"Validation failed for query: The list of `or` conditions can't be empty."_s
                              << QByteArray(R"([{"expected":"non-empty-list?","in":["goals","$","or"]}])");
    QTest::newRow("empty-and") << QByteArray(R"({"goals":{"$":{"where":{"and":[]}}}})")
                               << u"Validation failed for query: The list of `and` conditions can't be empty."_s
                               << QByteArray("null");
    QTest::newRow("where-not-map") << QByteArray(R"({"goals":{"$":{"where":[1]}}})") << u"Validation failed for query"_s
                                   << QByteArray(R"([{"expected":"map?","in":["goals","$","where"]}])");
    QTest::newRow("cursor-not-row") << QByteArray(R"({"goals":{"$":{"after":"x"}}})")
                                    << u"Validation failed for query: Expected a join row for the cursor, got \"x\"."_s
                                    << QByteArray(R"([{"expected":"join-row?","in":["goals","$","after"]}])");
    QTest::newRow("cursor-wrong-attr")
        << QByteArray(R"({"goals":{"$":{"after":[")" G1 R"(","00000000-0000-0000-0000-0000000000a1","Get fit",1]}}})")
        << u"Validation failed for query: Invalid after cursor. The query orders by `serverCreatedAt`, but the query "
           "that returned the cursor orders by `title`."_s
        << QByteArray(R"([{"expected":"valid-cursor?","in":["goals","$","after"]}])");
    QTest::newRow("comparison-unindexed")
        << QByteArray(R"({"goals":{"$":{"where":{"note":{"$gt":"a"}}}}})")
        << u"Validation failed for query: The `goals.note` attribute must be indexed to use comparison operators."_s
        << QByteArray(R"([{"expected?":"indexed?","in":["goals","$","where","note"]}])");
    QTest::newRow("like-number")
        << QByteArray(R"({"goals":{"$":{"where":{"title":{"$like":5}}}}})")
        << u"Validation failed for query: The $like value for `goals.title` must be a string, but the query got the "
           "value `5` of type `number`."_s
        << QByteArray(R"([{"expected?":"string?","in":["goals","$","where","title","$like"]}])");
    QTest::newRow("typed-equality")
        << QByteArray(R"({"goals":{"$":{"where":{"priority":"high"}}}})")
        << u"Validation failed for query: The data type of `goals.priority` is `number`, but the query got the value "
           "`\"high\"` of type `string`."_s
        << QByteArray("null");
    QTest::newRow("bad-date")
        << QByteArray(R"({"goals":{"$":{"where":{"due":{"$gt":"tomorrow"}}}}})")
        << u"Validation failed for query: The data type of `goals.due` is `date`, but the query got value "
           "`\"tomorrow\"` of type `string`."_s
        << QByteArray("null");
    QTest::newRow("link-uuid") << QByteArray(R"({"goals":{"$":{"where":{"owner":"alice"}}}})")
                               << u"Validation failed for query: Expected owner to be a uuid, got \"alice\""_s
                               << QByteArray("null");
    QTest::newRow("fields-not-array")
        << QByteArray(R"({"goals":{"$":{"fields":"title"}}})")
        << u"Validation failed for query: The `fields` property should be an array of field names."_s
        << QByteArray("null");
    QTest::newRow("aggregate-with-children")
        << QByteArray(R"({"goals":{"$":{"aggregate":"count"},"todos":{}}})")
        << u"Validation failed for query: You can not combine aggregates with child queries at this time."_s
        << QByteArray("null");
    QTest::newRow("aggregate-value")
        << QByteArray(R"({"goals":{"$":{"aggregate":"sum"}}})")
        << u"Validation failed for query: The aggregate field only accepts \"count\", got \"sum\"."_s
        << QByteArray("null");
}

void TestInstaql::validation()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, message);
    QFETCH(QByteArray, errors);

    const auto result = m_fixture->q(query.constData());
    QVERIFY(!result);
    QCOMPARE(result.error().type, u"validation-failed"_s);
    QCOMPARE(result.error().message, message);
    const QJsonObject hint = result.error().hint.toObject();
    QCOMPARE(hint.value(u"data-type").toString(), u"query"_s);
    QCOMPARE(hint.value(u"input"), json(query.constData()));
    const QJsonValue want = json(errors.constData());
    if (want.isArray()) {
        // Compare the keys the row names; messages are checked through the top-level message.
        const QJsonObject got = hint.value(u"errors").toArray().at(0).toObject();
        const QJsonObject expected = want.toArray().at(0).toObject();
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QCOMPARE(compact(got.value(it.key())), compact(it.value()));
        }
    }
}

void TestInstaql::inference_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<bool>("inference");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("forward-one") << QByteArray(R"({"goals":{"$":{"fields":["title"]},"owner":{}}})") << true
                                 << QByteArray(R"({"goals":[{"id":")" G1 R"(","title":"Get fit","owner":{"id":")" O1
                                               R"(","name":"alice",)"
                                               R"("profile":")" P1 R"("}},{"id":")" G2
                                               R"(","title":"get rich","owner":{"id":")" O1
                                               R"(","name":"alice","profile":")" P1 R"("}},{"id":")" G3
                                               R"(","title":"Learn piano","owner":null}]})");
    QTest::newRow("forward-one-without-inference")
        << QByteArray(R"({"goals":{"$":{"where":{"id":")" G3 R"("},"fields":["title"]},"owner":{}}})") << false
        << QByteArray(R"({"goals":[{"id":")" G3 R"(","title":"Learn piano","owner":[]}]})");
    QTest::newRow("reverse-of-unique") << QByteArray(R"({"profiles":{"owner":{"$":{"fields":["name"]}}}})") << true
                                       << QByteArray(R"({"profiles":[{"id":")" P1 R"(","bio":"hi","owner":{"id":")" O1
                                                     R"(","name":"alice"}}]})");
    QTest::newRow("reverse-of-non-unique")
        << QByteArray(R"({"owners":{"$":{"fields":["name"]},"goals":{"$":{"fields":["priority"]}}}})") << true
        << QByteArray(R"({"owners":[{"id":")" O1 R"(","name":"alice","goals":[{"id":")" G1 R"(","priority":2},)"
                      R"({"id":")" G2 R"(","priority":1}]}]})");
    QTest::newRow("many") << QByteArray(R"({"todos":{"$":{"where":{"title":"Run"}},"goals":{"$":{"fields":[]}}}})")
                          << true
                          << QByteArray(R"({"todos":[{"id":")" T1 R"(","title":"Run","done":true,"goals":[{"id":")" G1
                                        R"("}]}]})");
}

void TestInstaql::inference()
{
    QFETCH(QByteArray, query);
    QFETCH(bool, inference);
    QFETCH(QByteArray, expected);

    sandbox::QueryOptions options;
    options.inference = inference;
    const auto result = m_fixture->q(query.constData(), options);
    QVERIFY2(result, result ? "" : result.error().toJson().constData());
    QCOMPARE(compact(result->tree), compact(json(expected.constData())));
}

void TestInstaql::treeShape()
{
    // Unknown namespaces and links give [], $$ruleParams is ignored, {} is a valid query.
    auto result = m_fixture->q(R"({"nothing":{},"todos":{"$":{"where":{"id":")" T3 R"("}},"nope":{}},)"
                               R"("$$ruleParams":{"k":1}})");
    QVERIFY(result);
    QCOMPARE(compact(result->tree),
        compact(json(R"({"nothing":[],"todos":[{"id":")" T3 R"(","title":"Scales","nope":[]}]})")));
    result = m_fixture->q("{}");
    QVERIFY(result);
    QVERIFY(result->tree.isEmpty());
    QVERIFY(result->pageInfo.isEmpty());

    // Links at depth, both directions; fields keeps id.
    result = m_fixture->q(R"({"profiles":{"owner":{"goals":{"$":{"fields":["title"],"where":{"priority":1}},)"
                          R"("todos":{}}}}})");
    QVERIFY(result);
    QCOMPARE(compact(result->tree),
        compact(json(R"({"profiles":[{"id":")" P1 R"(","bio":"hi","owner":[{"id":")" O1 R"(","name":"alice",)"
                     R"("profile":")" P1 R"(","goals":[{"id":")" G2 R"(","title":"get rich","todos":[]}]}]}]})")));

    // Aggregates: admin only, count in the metadata, node empty.
    result = m_fixture->q(R"({"goals":{"$":{"aggregate":"count","where":{"priority":{"$gte":1}}}}})");
    QVERIFY(result);
    QCOMPARE(compact(result->tree), compact(json(R"({"goals":[]})")));
    QCOMPARE(compact(result->aggregate), compact(json(R"({"goals":{"count":2}})")));
    sandbox::QueryOptions guest;
    guest.identity.kind = sandbox::Identity::Kind::Guest;
    result = m_fixture->q(R"({"goals":{"$":{"aggregate":"count"}}})", guest);
    QVERIFY(!result);
    QCOMPARE(result.error().message,
        u"Validation failed for query: Aggregates are currently only available for admin queries."_s);
}

void TestInstaql::impersonatedUsers()
{
    const auto created = m_fixture->tx(R"([["update","$users","00000000-0000-0000-0000-0000000000e1",)"
                                       R"({"email":"a@x.io","type":"user"}],)"
                                       R"(["update","$users","00000000-0000-0000-0000-0000000000e2",)"
                                       R"({"email":"b@x.io","type":"guest"}]])");
    QVERIFY(created);
    sandbox::QueryOptions options;
    QCOMPARE(ids(m_fixture->q(R"({"$users":{}})", options)->tree, u"$users"_s), (QStringList {u"e1"_s, u"e2"_s}));

    options.identity = {sandbox::Identity::Kind::User, QUuid::fromString(u"00000000-0000-0000-0000-0000000000e2"_s)};
    const auto asUser = m_fixture->q(R"({"$users":{},"goals":{"$":{"where":{"id":")" G1 R"("}}}})", options);
    QVERIFY(asUser);
    QCOMPARE(ids(asUser->tree, u"$users"_s), QStringList {u"e2"_s});
    // Data of namespaces without rules stays visible.
    QCOMPARE(ids(asUser->tree, u"goals"_s), QStringList {u"01"_s});

    options.identity = {sandbox::Identity::Kind::Guest, {}};
    QCOMPARE(ids(m_fixture->q(R"({"$users":{}})", options)->tree, u"$users"_s), QStringList {});
}

QTEST_GUILESS_MAIN(TestInstaql)
