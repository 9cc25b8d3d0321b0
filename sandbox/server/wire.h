#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

namespace sandbox::wire {

/** A UUID as the server accepts it: 36 characters after trimming, any case. */
std::optional<QUuid> parseUuid(const QString &text);
/** Lower-case canonical form without braces. */
QString uuidString(const QUuid &id);
/** `yyyy-MM-ddTHH:mm:ssZ` in UTC, second precision (java.util.Date as the server encodes it). */
QString dateString(const QDateTime &time);
/** SHA-256 of the UTF-8 text as lower-case hex, how tokens and codes are stored. */
QString sha256Hex(const QString &text);
/** Java's String.hashCode over UTF-16 code units (the storage key's bin uses it). */
qint32 javaStringHash(const QString &text);

} // namespace sandbox::wire
