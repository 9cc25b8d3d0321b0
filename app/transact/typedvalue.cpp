#include "typedvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace console {

std::expected<QJsonValue, QString> TypedValue::toJson() const
{
    switch (type) {
    case Type::String:
        return QJsonValue(text);
    case Type::Number: {
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty()) {
            return std::unexpected(tr("A number is required."));
        }
        // Integers go through qint64 first so large ids keep every digit that a double can hold.
        bool ok = false;
        const qint64 integer = trimmed.toLongLong(&ok);
        if (ok) {
            return QJsonValue(integer);
        }
        const double number = trimmed.toDouble(&ok);
        if (!ok || !qIsFinite(number)) {
            return std::unexpected(tr("\"%1\" is not a number.").arg(trimmed));
        }
        return QJsonValue(number);
    }
    case Type::Boolean: {
        const QString lower = text.trimmed().toLower();
        if (lower == u"true" || lower == u"1" || lower == u"yes") {
            return QJsonValue(true);
        }
        if (lower == u"false" || lower == u"0" || lower == u"no") {
            return QJsonValue(false);
        }
        return std::unexpected(tr("\"%1\" is not a boolean; use true or false.").arg(text.trimmed()));
    }
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Json: {
        // Wrapping in an array lets QJsonDocument accept scalars such as 42 or "text" too.
        const QByteArray wrapped = "[" + text.toUtf8() + "]";
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
        if (error.error != QJsonParseError::NoError) {
            const int offset = qMax(0, error.offset - 1);
            return std::unexpected(tr("Invalid JSON at character %1: %2").arg(offset + 1).arg(error.errorString()));
        }
        const QJsonArray array = document.array();
        if (array.size() != 1) {
            return std::unexpected(tr("Exactly one JSON value is required."));
        }
        return array.first();
    }
    }
    return std::unexpected(tr("Unknown value type."));
}

TypedValue TypedValue::fromJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return {Type::String, value.toString()};
    case QJsonValue::Double: {
        const double number = value.toDouble();
        const qint64 integer = value.toInteger();
        if (static_cast<double>(integer) == number) {
            return {Type::Number, QString::number(integer)};
        }
        return {Type::Number, QString::number(number, 'g', 17)};
    }
    case QJsonValue::Bool:
        return {Type::Boolean, value.toBool() ? QStringLiteral("true") : QStringLiteral("false")};
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {Type::Null, {}};
    case QJsonValue::Array:
        return {Type::Json, QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact))};
    case QJsonValue::Object:
        return {Type::Json, QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))};
    }
    return {};
}

QStringList TypedValue::typeNames()
{
    return {typeName(Type::String), typeName(Type::Number), typeName(Type::Boolean), typeName(Type::Null),
        typeName(Type::Json)};
}

QString TypedValue::typeName(Type type)
{
    switch (type) {
    case Type::String:
        return tr("String");
    case Type::Number:
        return tr("Number");
    case Type::Boolean:
        return tr("Boolean");
    case Type::Null:
        return tr("Null");
    case Type::Json:
        return tr("JSON");
    }
    return {};
}

QString TypedValue::typeId(Type type)
{
    switch (type) {
    case Type::String:
        return QStringLiteral("string");
    case Type::Number:
        return QStringLiteral("number");
    case Type::Boolean:
        return QStringLiteral("boolean");
    case Type::Null:
        return QStringLiteral("null");
    case Type::Json:
        return QStringLiteral("json");
    }
    return {};
}

std::optional<TypedValue::Type> TypedValue::typeFromId(QStringView id)
{
    for (const Type type : {Type::String, Type::Number, Type::Boolean, Type::Null, Type::Json}) {
        if (typeId(type) == id) {
            return type;
        }
    }
    return std::nullopt;
}

} // namespace console
