#include "attr.h"

#include "jsonutil.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sandbox {

QJsonObject Attr::toJson() const
{
    QJsonObject json;
    json.insert(u"id"_s, jsonutil::uuidText(id));
    json.insert(u"value-type"_s, isRef ? u"ref"_s : u"blob"_s);
    json.insert(u"cardinality"_s, cardinalityMany ? u"many"_s : u"one"_s);
    json.insert(u"forward-identity"_s, QJsonArray {jsonutil::uuidText(forwardIdentId), etype, label});
    if (isRef) {
        json.insert(u"reverse-identity"_s, QJsonArray {jsonutil::uuidText(reverseIdentId), reverseEtype, reverseLabel});
    }
    json.insert(u"unique?"_s, unique);
    json.insert(u"index?"_s, indexed);
    json.insert(u"required?"_s, required);
    json.insert(u"inferred-types"_s,
        inferredTypes.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonArray::fromStringList(inferredTypes));
    json.insert(u"catalog"_s, system ? u"system"_s : u"user"_s);
    if (!checkedDataType.isEmpty()) {
        json.insert(u"checked-data-type"_s, checkedDataType);
    }
    if (!onDelete.isEmpty()) {
        json.insert(u"on-delete"_s, onDelete);
    }
    if (!onDeleteReverse.isEmpty()) {
        json.insert(u"on-delete-reverse"_s, onDeleteReverse);
    }
    json.insert(u"indexing?"_s, false);
    json.insert(u"checking-data-type?"_s, false);
    json.insert(u"setting-unique?"_s, false);
    if (!metadata.isEmpty()) {
        json.insert(u"metadata"_s, metadata);
    }
    if (isDeleted()) {
        json.insert(u"deletion-marked-at"_s, jsonutil::formatDate(deletionMarkedAt));
    }
    return json;
}

QJsonObject Attr::toStorageJson() const
{
    QJsonObject json = toJson();
    json.insert(u"deletion-marked-at-ms"_s, double(deletionMarkedAt));
    return json;
}

Attr Attr::fromJson(const QJsonObject &json)
{
    Attr attr;
    attr.id = jsonutil::parseUuid(json.value(u"id")).value_or(QUuid());
    const QJsonArray fwd = json.value(u"forward-identity").toArray();
    attr.forwardIdentId = jsonutil::parseUuid(fwd.at(0)).value_or(QUuid::createUuid());
    attr.etype = fwd.at(1).toString();
    attr.label = fwd.at(2).toString();
    attr.isRef = json.value(u"value-type").toString() == u"ref"_s;
    const QJsonArray rev = json.value(u"reverse-identity").toArray();
    if (!rev.isEmpty()) {
        attr.reverseIdentId = jsonutil::parseUuid(rev.at(0)).value_or(QUuid::createUuid());
        attr.reverseEtype = rev.at(1).toString();
        attr.reverseLabel = rev.at(2).toString();
    }
    attr.cardinalityMany = json.value(u"cardinality").toString() == u"many"_s;
    attr.unique = json.value(u"unique?").toBool();
    attr.indexed = json.value(u"index?").toBool();
    attr.required = json.value(u"required?").toBool();
    attr.checkedDataType = json.value(u"checked-data-type").toString();
    attr.onDelete = json.value(u"on-delete").toString();
    attr.onDeleteReverse = json.value(u"on-delete-reverse").toString();
    for (const QJsonValue &type : json.value(u"inferred-types").toArray()) {
        attr.inferredTypes.append(type.toString());
    }
    attr.system = json.value(u"catalog").toString() == u"system"_s;
    attr.deletionMarkedAt = static_cast<qint64>(json.value(u"deletion-marked-at-ms").toDouble());
    attr.metadata = json.value(u"metadata").toObject();
    return attr;
}

} // namespace sandbox
