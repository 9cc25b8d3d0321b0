#include "stepentity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace console {

namespace {

constexpr QStringView kLookupPrefix = u"lookup__";
constexpr QStringView kLookupSeparator = u"__";

} // namespace

std::optional<QString> StepEntity::normalizedUuid(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    // QUuid also accepts braces; the server wants the bare 36-character form.
    if (trimmed.size() != 36) {
        return std::nullopt;
    }
    const QUuid uuid = QUuid::fromString(trimmed);
    if (uuid.isNull() && trimmed != u"00000000-0000-0000-0000-000000000000") {
        return std::nullopt;
    }
    return uuid.toString(QUuid::WithoutBraces);
}

StepEntity StepEntity::withNewId()
{
    return withId(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

StepEntity StepEntity::withId(const QString &id)
{
    StepEntity ref;
    ref.form = Form::Id;
    ref.id = id;
    return ref;
}

std::expected<QJsonValue, QString> StepEntity::toJson() const
{
    if (form == Form::Id) {
        if (id.trimmed().isEmpty()) {
            return std::unexpected(tr("An entity id is required; use \"New id\" to make one."));
        }
        const auto uuid = normalizedUuid(id);
        if (!uuid) {
            return std::unexpected(tr("\"%1\" is not a UUID (expected 8-4-4-4-12 hexadecimal digits).").arg(id));
        }
        return QJsonValue(*uuid);
    }

    const QString attr = attribute.trimmed();
    if (attr.isEmpty()) {
        return std::unexpected(tr("A lookup needs a unique attribute name."));
    }
    const auto lookupValue = value.toJson();
    if (!lookupValue) {
        return std::unexpected(tr("Lookup value: %1").arg(lookupValue.error()));
    }
    if (lookupValue->isNull() || lookupValue->isArray() || lookupValue->isObject()) {
        return std::unexpected(tr("A lookup value must be a string, number or boolean."));
    }

    switch (form) {
    case Form::LookupPair:
        return QJsonValue(QJsonArray {attr, *lookupValue});
    case Form::LookupObject:
        return QJsonValue(QJsonObject {{attr, *lookupValue}});
    case Form::LookupString: {
        // The encoded form carries the value as JSON text; wrapping in an array and stripping the
        // brackets gives QJsonDocument's compact rendering of a scalar.
        const QByteArray array = QJsonDocument(QJsonArray {*lookupValue}).toJson(QJsonDocument::Compact);
        const QString encoded = QString::fromUtf8(array.mid(1, array.size() - 2));
        return QJsonValue(kLookupPrefix.toString() + attr + kLookupSeparator.toString() + encoded);
    }
    case Form::Id:
        break;
    }
    return std::unexpected(tr("Unknown entity id form."));
}

std::expected<StepEntity, QString> StepEntity::fromJson(const QJsonValue &json)
{
    StepEntity ref;
    if (json.isString()) {
        const QString text = json.toString();
        if (text.startsWith(kLookupPrefix)) {
            const QStringView rest = QStringView(text).mid(kLookupPrefix.size());
            const qsizetype separator = rest.indexOf(kLookupSeparator);
            if (separator <= 0) {
                return std::unexpected(tr("Malformed lookup string \"%1\".").arg(text));
            }
            ref.form = Form::LookupString;
            ref.attribute = rest.left(separator).toString();
            const QByteArray valueJson = "[" + rest.mid(separator + kLookupSeparator.size()).toUtf8() + "]";
            const QJsonArray parsed = QJsonDocument::fromJson(valueJson).array();
            if (parsed.size() != 1) {
                return std::unexpected(tr("Malformed lookup string \"%1\".").arg(text));
            }
            ref.value = TypedValue::fromJson(parsed.first());
            return ref;
        }
        ref.form = Form::Id;
        ref.id = text;
        return ref;
    }
    if (json.isArray() && json.toArray().size() == 2 && json.toArray().first().isString()) {
        ref.form = Form::LookupPair;
        ref.attribute = json.toArray().first().toString();
        ref.value = TypedValue::fromJson(json.toArray().at(1));
        return ref;
    }
    if (json.isObject() && json.toObject().size() == 1) {
        const QJsonObject object = json.toObject();
        ref.form = Form::LookupObject;
        ref.attribute = object.begin().key();
        ref.value = TypedValue::fromJson(object.begin().value());
        return ref;
    }
    return std::unexpected(tr("An entity id must be a UUID or a lookup."));
}

} // namespace console
