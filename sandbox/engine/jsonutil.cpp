#include "jsonutil.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace sandbox::jsonutil {

QString toText(const QJsonValue &value)
{
    // QJsonDocument only serialises containers, so wrap the value and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QJsonValue fromText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"));
    return doc.array().isEmpty() ? QJsonValue(QJsonValue::Null) : doc.array().at(0);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Array:
        return u"array"_s;
    default:
        return u"null"_s;
    }
}

QString uuidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

std::optional<QUuid> parseUuid(const QJsonValue &value)
{
    if (!value.isString()) {
        return std::nullopt;
    }
    const QString text = value.toString().trimmed();
    if (text.size() != 36) {
        return std::nullopt;
    }
    const QUuid uuid = QUuid::fromString(text);
    if (uuid.isNull() && text != u"00000000-0000-0000-0000-000000000000"_s) {
        return std::nullopt;
    }
    return uuid;
}

std::optional<qint64> parseDate(const QJsonValue &value)
{
    if (value.isDouble()) {
        return static_cast<qint64>(value.toDouble());
    }
    if (!value.isString()) {
        return std::nullopt;
    }
    const QString text = value.toString().trimmed();
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        dt = QDateTime::fromString(text, Qt::ISODate);
    }
    if (!dt.isValid()) {
        dt = QDateTime::fromString(text, Qt::RFC2822Date);
    }
    if (!dt.isValid()) {
        return std::nullopt;
    }
    // A date-time without an offset is read as UTC, as the server does.
    if (dt.timeSpec() == Qt::LocalTime) {
        dt.setTimeSpec(Qt::UTC);
    }
    return dt.toMSecsSinceEpoch();
}

QJsonValue deepMerge(const QJsonValue &base, const QJsonValue &patch)
{
    if (!patch.isObject() || !base.isObject()) {
        if (patch.isObject()) {
            return deepMerge(QJsonObject {}, patch);
        }
        return patch;
    }
    QJsonObject merged = base.toObject();
    const QJsonObject changes = patch.toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull()) {
            merged.remove(it.key());
        } else {
            merged.insert(it.key(), deepMerge(merged.value(it.key()), it.value()));
        }
    }
    return merged;
}

namespace {

int typeRank(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return 0;
    case QJsonValue::Bool:
        return 1;
    case QJsonValue::Double:
        return 2;
    case QJsonValue::String:
        return 3;
    default:
        return 4;
    }
}

} // namespace

int compare(const QJsonValue &a, const QJsonValue &b)
{
    const int rankA = typeRank(a);
    const int rankB = typeRank(b);
    if (rankA != rankB) {
        return rankA < rankB ? -1 : 1;
    }
    switch (rankA) {
    case 1:
        return int(a.toBool()) - int(b.toBool());
    case 2: {
        const double x = a.toDouble();
        const double y = b.toDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    case 3:
        return a.toString().compare(b.toString());
    case 4:
        return toText(a).compare(toText(b));
    default:
        return 0;
    }
}

QString formatDate(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s);
}

} // namespace sandbox::jsonutil
