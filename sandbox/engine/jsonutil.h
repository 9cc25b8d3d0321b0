#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QUuid>

#include <optional>

namespace sandbox::jsonutil {

/** Compact JSON text of any value, scalars included; the key under which triples index values. */
QString toText(const QJsonValue &value);
/** Parses what toText() wrote. */
QJsonValue fromText(const QString &text);
/** The server's json-type-of-clj names: string, number, boolean, null, object, array. */
QString typeName(const QJsonValue &value);
/** Lower-case canonical form without braces. */
QString uuidText(const QUuid &uuid);
/** A UUID from a 36-character string (surrounding whitespace allowed), as java.util.UUID parses it. */
std::optional<QUuid> parseUuid(const QJsonValue &value);
/** Epoch milliseconds from a number or an ISO-8601 date string. */
std::optional<qint64> parseDate(const QJsonValue &value);
/** Deep merge of `patch` into `base`; null in the patch removes the key, non-objects overwrite. */
QJsonValue deepMerge(const QJsonValue &base, const QJsonValue &patch);
/** Orders two values the way sorted results do: null < booleans < numbers < strings < other JSON. */
int compare(const QJsonValue &a, const QJsonValue &b);
/** Epoch ms to the server's second-precision UTC format, 2025-06-01T12:00:00Z. */
QString formatDate(qint64 epochMs);

} // namespace sandbox::jsonutil
