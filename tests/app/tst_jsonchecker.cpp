#include "editor/jsonchecker.h"

#include <QTest>

using namespace console;

class TestJsonChecker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validJson_data();
    void validJson();
    void malformedJson_data();
    void malformedJson();
    void formatKeepsKeyOrder();
};

void TestJsonChecker::validJson_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty-object") << QStringLiteral("{}");
    QTest::newRow("nested") << QStringLiteral("{\"goals\": {\"todos\": {\"$\": {\"where\": {\"done\": true}}}}}");
    QTest::newRow("numbers") << QStringLiteral("[0, -1, 2.5, 1e10, -0.5E-3]");
    QTest::newRow("escapes") << QStringLiteral("{\"a\": \"x\\\"y\\\\z\\u00e9\\n\"}");
    QTest::newRow("unicode") << QStringLiteral("{\"ÿ\": \"日本語\"}");
    QTest::newRow("whitespace") << QStringLiteral("  \n{ \"a\" :\t[ ] }\n ");
}

void TestJsonChecker::validJson()
{
    QFETCH(QString, text);
    const auto error = checkJson(text);
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
}

void TestJsonChecker::malformedJson_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("empty") << QString() << 1 << 1 << QStringLiteral("empty");
    QTest::newRow("trailing-comma") << QStringLiteral("{\n  \"goals\": {},\n}") << 3 << 1
                                    << QStringLiteral("Trailing comma");
    QTest::newRow("missing-comma") << QStringLiteral("{\"a\": 1\n \"b\": 2}") << 2 << 2
                                   << QStringLiteral("Missing ','");
    QTest::newRow("unquoted-key") << QStringLiteral("{\n  goals: {}\n}") << 2 << 3 << QStringLiteral("double quotes");
    QTest::newRow("missing-colon") << QStringLiteral("{\"goals\" {}}") << 1 << 10 << QStringLiteral("':'");
    QTest::newRow("unterminated-string") << QStringLiteral("{\"goals\": \"abc\n}") << 1 << 11
                                         << QStringLiteral("Unterminated");
    QTest::newRow("single-quotes") << QStringLiteral("{\"a\": 'x'}") << 1 << 7 << QStringLiteral("single quotes");
    QTest::newRow("bad-literal") << QStringLiteral("{\"a\": tru}") << 1 << 7 << QStringLiteral("tru");
    QTest::newRow("unclosed-object") << QStringLiteral("{\"a\": {}") << 1 << 9 << QStringLiteral("end of text");
    QTest::newRow("extra-text") << QStringLiteral("{} {}") << 1 << 4 << QStringLiteral("after the end");
    QTest::newRow("leading-zero") << QStringLiteral("[01]") << 1 << 3 << QStringLiteral("leading zeros");
    QTest::newRow("bad-escape") << QStringLiteral("[\"a\\q\"]") << 1 << 4 << QStringLiteral("escape");
    QTest::newRow("after-unicode") << QStringLiteral("{\"日本\": 1,,}") << 1 << 10 << QStringLiteral("property name");
}

void TestJsonChecker::malformedJson()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, reasonContains);

    const auto error = checkJson(text);
    QVERIFY(error);
    QCOMPARE(error->line, line);
    QCOMPARE(error->column, column);
    QVERIFY2(error->message.contains(reasonContains, Qt::CaseInsensitive), qPrintable(error->message));
}

void TestJsonChecker::formatKeepsKeyOrder()
{
    const QString formatted
        = formatJsonText(QStringLiteral("{\"z\":{\"$\":{\"where\":{\"b\":1,\"a\":[1, 2]}}},\"a\":{}}"));
    QCOMPARE(formatted,
        QStringLiteral(
            "{\n  \"z\": {\n    \"$\": {\n      \"where\": {\n        \"b\": 1,\n        \"a\": [\n          1,\n"
            "          2\n        ]\n      }\n    }\n  },\n  \"a\": {}\n}"));
    QVERIFY(!checkJson(formatted));
}

QTEST_GUILESS_MAIN(TestJsonChecker)
#include "tst_jsonchecker.moc"
