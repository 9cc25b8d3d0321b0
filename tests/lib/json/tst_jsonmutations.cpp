// JsonTree against simdjson's complete DOM parser, a strict and independent decoder, on documents with
// random damage: a changed, dropped, doubled or inserted byte. Both must agree on whether a document is
// JSON, and on every value when it is. Big documents go through the two-part decode.

#include <QObject>
#include <QRandomGenerator>
#include <QTest>

#include <simdjson.h>

#include "json/jsontree.h"

using instant::JsonNode;
using instant::JsonTree;

namespace {

// Characters that matter to a JSON parser, and a few that are never valid outside strings.
constexpr char kInteresting[] = "{}[]:,\"\\ \n0123456789eE.-+tfnulrsax/\x01\x7f\xc3\xff";

QByteArray mutate(QByteArray json, QRandomGenerator &rng)
{
    const auto at = qsizetype(rng.bounded(quint32(json.size())));
    const char c = kInteresting[rng.bounded(quint32(sizeof kInteresting - 1))];
    switch (rng.bounded(4)) {
    case 0:
        json[at] = c;
        break;
    case 1:
        json.remove(at, 1);
        break;
    case 2:
        json.insert(at, json[at]);
        break;
    default:
        json.insert(at, c);
        break;
    }
    return json;
}

// A short description of the first difference between the two decodes, or empty if there is none.
QString difference(const JsonNode &node, simdjson::dom::element element, const QString &path)
{
    using simdjson::dom::element_type;
    switch (element.type()) {
    case element_type::ARRAY: {
        const simdjson::dom::array array = element.get_array().value_unsafe();
        if (!node.isArray() || node.size() != qsizetype(array.size())) {
            return path + QStringLiteral(": array differs");
        }
        qsizetype i = 0;
        for (simdjson::dom::element child : array) {
            const QString inner = difference(node.at(i), child, path + u'[' + QString::number(i) + u']');
            if (!inner.isEmpty()) {
                return inner;
            }
            ++i;
        }
        return {};
    }
    case element_type::OBJECT: {
        const simdjson::dom::object object = element.get_object().value_unsafe();
        if (!node.isObject() || node.size() != qsizetype(object.size())) {
            return path + QStringLiteral(": object differs");
        }
        qsizetype i = 0;
        for (simdjson::dom::key_value_pair member : object) {
            const QUtf8StringView key(member.key.data(), qsizetype(member.key.size()));
            if (node.keyView(i) != key) {
                return path + QStringLiteral(": key %1 differs").arg(i);
            }
            const QString inner = difference(node.at(i), member.value, path + u'.' + key.toString());
            if (!inner.isEmpty()) {
                return inner;
            }
            ++i;
        }
        return {};
    }
    case element_type::STRING: {
        const std::string_view text = element.get_string().value_unsafe();
        return node.stringView() == QUtf8StringView(text.data(), qsizetype(text.size())) ? QString()
                                                                                         : path + u": string differs";
    }
    case element_type::INT64:
        return node.isInteger() && node.toInt64() == element.get_int64().value_unsafe() ? QString()
                                                                                        : path + u": integer differs";
    case element_type::UINT64:
    case element_type::DOUBLE:
        return node.isNumber() && node.toDouble() == element.get_double().value_unsafe() ? QString()
                                                                                         : path + u": number differs";
    case element_type::BOOL:
        return node.isBool() && node.toBool() == element.get_bool().value_unsafe() ? QString()
                                                                                   : path + u": boolean differs";
    case element_type::NULL_VALUE:
        return node.isNull() && node.isValid() ? QString() : path + u": null differs";
    }
    return path + u": unknown type";
}

// Documents simdjson refuses for reasons JSON itself does not have: numbers beyond a double's or
// uint64's range, and lone surrogates in \u escapes. JsonTree accepts them like JavaScript does.
bool refusedBeyondJson(simdjson::error_code code)
{
    return code == simdjson::NUMBER_ERROR || code == simdjson::STRING_ERROR;
}

QByteArray sampleDocument(int entities)
{
    QByteArray json = "{\"goals\":[";
    for (int i = 0; i < entities; ++i) {
        json += (i ? "," : "") + QByteArray("{\"id\":\"g") + QByteArray::number(i)
            + "\",\"title\":\"T\\u00e9st \\\"q\\\" \\\\ \\n\",\"n\":" + QByteArray::number(i * 37 - 5)
            + ",\"x\":" + QByteArray::number(i / 8.0) + "e1,\"ok\":" + (i % 3 ? "true" : "false")
            + ",\"none\":null,\"tags\":[\"a\",[],{}],\"sub\":{\"k\":[1,{\"d\":-0.5}]}}";
    }
    return json + "],\"count\":" + QByteArray::number(entities) + "}";
}

} // namespace

class TestJsonMutations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithSimdjson_data();
    void agreesWithSimdjson();
};

void TestJsonMutations::agreesWithSimdjson_data()
{
    QTest::addColumn<int>("entities");
    QTest::addColumn<int>("rounds");
    QTest::newRow("small") << 3 << 4000;
    QTest::newRow("medium") << 400 << 400;
    // Above the size decoded in two parts.
    QTest::newRow("big") << 14000 << 60;
}

void TestJsonMutations::agreesWithSimdjson()
{
    QFETCH(int, entities);
    QFETCH(int, rounds);
    const QByteArray original = sampleDocument(entities);
    QRandomGenerator rng(quint32(entities) * 7919u);
    simdjson::dom::parser reference;
    int valid = 0;
    for (int round = 0; round < rounds; ++round) {
        QByteArray json = original;
        for (int k = 0, n = 1 + int(rng.bounded(3)); k < n; ++k) {
            json = mutate(json, rng);
        }
        const simdjson::padded_string padded(json.constData(), std::size_t(json.size()));
        simdjson::dom::element root;
        const simdjson::error_code code = reference.parse(padded).get(root);
        if (refusedBeyondJson(code)) {
            continue;
        }
        const auto tree = JsonTree::parse(json);
        const QByteArray where = "round " + QByteArray::number(round) + ": " + json.left(200);
        QVERIFY2(tree.has_value() == (code == simdjson::SUCCESS), where.constData());
        if (!tree) {
            QVERIFY2(tree.error().offset >= 0 && tree.error().offset <= json.size(),
                qPrintable(tree.error().message + u" at " + QString::number(tree.error().offset) + u": "
                    + QString::fromLatin1(json.toPercentEncoding()).left(400)));
            QVERIFY(!tree.error().message.isEmpty());
            continue;
        }
        ++valid;
        const QString diff = difference(tree->root(), root, QStringLiteral("$"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
    // Some damage leaves valid JSON (a digit for a digit, a doubled space): both paths are exercised.
    QVERIFY(valid > 0);
}

QTEST_GUILESS_MAIN(TestJsonMutations)
#include "tst_jsonmutations.moc"
