#pragma once

#include <utility>

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

namespace instant {

/**
 * JSON text exactly as JavaScript's JSON.stringify writes it (compact, raw UTF-8, `/` unescaped,
 * lower-case \u escapes for control characters, JS number formatting: 1e+21, 1.5e-7, integers without
 * ".0", NaN/Infinity as null). Object members come out in QJsonObject's (sorted) order.
 */
QByteArray toSdkJson(const QJsonValue &value);

/**
 * A JSON object whose members keep insertion order, for request bodies the SDK builds from object
 * literals ({"query":…,"inference?":…}). Values that are undefined in JS are simply not inserted.
 */
class OrderedJsonObject {
public:
    OrderedJsonObject &insert(QStringView key, const QJsonValue &value);
    /** Inserts already-serialised JSON (must be valid). */
    OrderedJsonObject &insertRaw(QStringView key, const QByteArray &json);
    bool isEmpty() const { return m_members.isEmpty(); }
    QByteArray toJson() const;

private:
    QList<std::pair<QString, QByteArray>> m_members;
};

} // namespace instant
