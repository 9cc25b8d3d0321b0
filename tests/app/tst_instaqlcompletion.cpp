#include "editor/instaqlcompletion.h"

#include <QTest>

using namespace console;

namespace {

SchemaInfo demoSchema()
{
    SchemaInfo schema;
    schema.fromServer = true;
    schema.namespaces[QStringLiteral("goals")].attributes = {QStringLiteral("title")};
    schema.namespaces[QStringLiteral("goals")].links = {{QStringLiteral("todos"), QStringLiteral("todos"), false},
        {QStringLiteral("owner"), QStringLiteral("$users"), true}};
    schema.namespaces[QStringLiteral("todos")].attributes
        = {QStringLiteral("done"), QStringLiteral("priority"), QStringLiteral("title")};
    schema.namespaces[QStringLiteral("todos")].links = {{QStringLiteral("goal"), QStringLiteral("goals"), true},
        {QStringLiteral("tags"), QStringLiteral("tags"), false}};
    schema.namespaces[QStringLiteral("tags")].attributes = {QStringLiteral("name")};
    schema.namespaces[QStringLiteral("$users")].attributes = {QStringLiteral("email")};
    return schema;
}

} // namespace

class TestInstaqlCompletion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void candidates_data();
    void candidates();
    void contextOfPrefix();
};

void TestInstaqlCompletion::candidates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    // "|" marks the cursor.
    QTest::newRow("namespaces") << QStringLiteral("{\"|")
                                << QStringList {QStringLiteral("$$ruleParams"), QStringLiteral("$users"),
                                       QStringLiteral("goals"), QStringLiteral("tags"), QStringLiteral("todos")};
    QTest::newRow("namespace-prefix") << QStringLiteral("{\"to|") << QStringList {QStringLiteral("todos")};
    QTest::newRow("links-and-options") << QStringLiteral(
        "{\"goals\": {\"|") << QStringList {QStringLiteral("$"), QStringLiteral("owner"), QStringLiteral("todos")};
    QTest::newRow("nested-link-follows-target")
        << QStringLiteral("{\"goals\": {\"todos\": {\"|")
        << QStringList {QStringLiteral("$"), QStringLiteral("goal"), QStringLiteral("tags")};
    QTest::newRow("options") << QStringLiteral("{\"goals\": {\"$\": {\"o|")
                             << QStringList {QStringLiteral("offset"), QStringLiteral("order")};
    QTest::newRow("where-attributes") << QStringLiteral("{\"todos\": {\"$\": {\"where\": {\"d|")
                                      << QStringList {QStringLiteral("done")};
    QTest::newRow("where-operators") << QStringLiteral("{\"todos\": {\"$\": {\"where\": {\"priority\": {\"$g|")
                                     << QStringList {QStringLiteral("$gt"), QStringLiteral("$gte")};
    QTest::newRow("where-or-keeps-mode") << QStringLiteral("{\"todos\": {\"$\": {\"where\": {\"or\": [{\"ti|")
                                         << QStringList {QStringLiteral("title")};
    QTest::newRow("order-keys") << QStringLiteral("{\"todos\": {\"$\": {\"order\": {\"|")
                                << QStringList {QStringLiteral("done"), QStringLiteral("priority"),
                                       QStringLiteral("serverCreatedAt"), QStringLiteral("title")};
    QTest::newRow("order-direction") << QStringLiteral("{\"todos\": {\"$\": {\"order\": {\"title\": \"d|")
                                     << QStringList {QStringLiteral("desc")};
    QTest::newRow("fields") << QStringLiteral("{\"tags\": {\"$\": {\"fields\": [\"|")
                            << QStringList {QStringLiteral("id"), QStringLiteral("name")};
    QTest::newRow("after-complete-member")
        << QStringLiteral("{\"goals\": {}, \"t|") << QStringList {QStringLiteral("tags"), QStringLiteral("todos")};
    QTest::newRow("value-position-no-keys") << QStringLiteral("{\"goals\": {\"$\": {\"limit\": \"|") << QStringList {};
}

void TestInstaqlCompletion::candidates()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const qsizetype cursor = text.indexOf(QLatin1Char('|'));
    QString query = text;
    query.remove(cursor, 1);
    const CompletionContext context = instaqlContextAt(query, cursor);
    QCOMPARE(instaqlCandidates(context, demoSchema()), expected);
}

void TestInstaqlCompletion::contextOfPrefix()
{
    const QString query = QStringLiteral("{\n  \"goals\": {\n    \"$\": {\"whe\"}}}");
    const qsizetype cursor = query.indexOf(QStringLiteral("whe")) + 3;
    const CompletionContext context = instaqlContextAt(query, cursor);
    QVERIFY(context.inString);
    QVERIFY(context.inKey);
    QCOMPARE(context.prefix, QStringLiteral("whe"));
    QCOMPARE(context.prefixStart, query.indexOf(QStringLiteral("whe")));
    QCOMPARE(context.path, (QStringList {QStringLiteral("goals"), QStringLiteral("$")}));
}

QTEST_GUILESS_MAIN(TestInstaqlCompletion)
#include "tst_instaqlcompletion.moc"
