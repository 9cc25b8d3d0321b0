#pragma once

// Checks shared by the JsonTree tests: comparison with Qt's decoder and the bookkeeping a model relies on.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "json/jsontree.h"

namespace jsontest {

// Numbers compare by value: JSON does not distinguish 1 from 1.0, and neither do the two decoders.
inline bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble()) {
        return a.toDouble() == b.toDouble();
    }
    if (a.type() != b.type()) {
        return false;
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size()) {
            return false;
        }
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i))) {
                return false;
            }
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size()) {
            return false;
        }
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!y.contains(it.key()) || !sameJson(it.value(), y.value(it.key()))) {
                return false;
            }
        }
        return true;
    }
    return a == b;
}

// Qt's reference decoding of any JSON text, scalars included (wrapped in an array).
inline QJsonValue qtDecode(const QByteArray &json, bool *ok = nullptr)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + json + "]", &error);
    if (ok) {
        *ok = error.error == QJsonParseError::NoError && doc.array().size() == 1;
    }
    return doc.array().at(0);
}

// Walks every node and checks the index/parent/row bookkeeping a Qt model relies on.
inline void checkStructure(const instant::JsonTree &tree, const instant::JsonNode &node, qsizetype &visited)
{
    ++visited;
    QCOMPARE(tree.node(node.index()), node);
    for (qsizetype i = 0; i < node.size(); ++i) {
        const instant::JsonNode child = node.at(i);
        QVERIFY(child.isValid());
        QCOMPARE(child.parent(), node);
        QCOMPARE(child.row(), i);
        if (node.isObject()) {
            QCOMPARE(child.ownKey(), node.keyView(i));
        }
        checkStructure(tree, child, visited);
    }
}

} // namespace jsontest
