#include "wire.h"

#include <QCryptographicHash>
#include <QTimeZone>

namespace sandbox::wire {

std::optional<QUuid> parseUuid(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() != 36) {
        return std::nullopt;
    }
    const QUuid id = QUuid::fromString(trimmed);
    // QUuid reports failure as the nil UUID, which is itself a valid input.
    if (id.isNull() && trimmed != QLatin1String("00000000-0000-0000-0000-000000000000")) {
        return std::nullopt;
    }
    return id;
}

QString uuidString(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString dateString(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('Z');
}

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

qint32 javaStringHash(const QString &text)
{
    quint32 hash = 0;
    for (const QChar c : text) {
        hash = 31 * hash + c.unicode();
    }
    return qint32(hash);
}

} // namespace sandbox::wire
