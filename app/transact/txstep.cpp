#include "txstep.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

namespace console {

namespace {

bool isLinkTarget(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        return text.startsWith(u"lookup__") || StepEntity::normalizedUuid(text).has_value();
    }
    return value.isObject() && value.toObject().size() == 1;
}

} // namespace

QString TxStep::opName(Op op)
{
    switch (op) {
    case Op::Update:
        return QStringLiteral("update");
    case Op::Merge:
        return QStringLiteral("merge");
    case Op::Create:
        return QStringLiteral("create");
    case Op::Delete:
        return QStringLiteral("delete");
    case Op::Link:
        return QStringLiteral("link");
    case Op::Unlink:
        return QStringLiteral("unlink");
    case Op::RuleParams:
        return QStringLiteral("ruleParams");
    }
    return {};
}

std::optional<TxStep::Op> TxStep::opFromName(QStringView name)
{
    for (const Op op : allOps()) {
        if (opName(op) == name) {
            return op;
        }
    }
    return std::nullopt;
}

QList<TxStep::Op> TxStep::allOps()
{
    return {Op::Update, Op::Merge, Op::Create, Op::Delete, Op::Link, Op::Unlink, Op::RuleParams};
}

std::expected<QJsonArray, StepError> TxStep::toJson() const
{
    const QString etype = ns.trimmed();
    if (etype.isEmpty()) {
        return std::unexpected(StepError {StepError::Field::Namespace, -1, tr("A namespace is required.")});
    }
    const auto eid = entity.toJson();
    if (!eid) {
        return std::unexpected(StepError {StepError::Field::Entity, -1, eid.error()});
    }

    QJsonArray step {opName(op), etype, *eid};
    if (!takesAttributes(op)) {
        return step;
    }

    QJsonObject object;
    if (useRawAttributes) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(rawAttributes.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            return std::unexpected(StepError {StepError::Field::Attributes, -1,
                tr("Invalid JSON at character %1: %2").arg(error.offset + 1).arg(error.errorString())});
        }
        if (!document.isObject()) {
            return std::unexpected(
                StepError {StepError::Field::Attributes, -1, tr("The attributes must be a JSON object.")});
        }
        object = document.object();
    } else {
        QSet<QString> seen;
        for (int row = 0; row < attributes.size(); ++row) {
            const Attribute &attribute = attributes.at(row);
            const QString key = attribute.key.trimmed();
            if (key.isEmpty()) {
                return std::unexpected(
                    StepError {StepError::Field::Attributes, row, tr("Row %1 has no name.").arg(row + 1)});
            }
            if (seen.contains(key)) {
                return std::unexpected(
                    StepError {StepError::Field::Attributes, row, tr("\"%1\" appears more than once.").arg(key)});
            }
            seen.insert(key);
            const auto value = attribute.value.toJson();
            if (!value) {
                return std::unexpected(
                    StepError {StepError::Field::Attributes, row, tr("%1: %2").arg(key, value.error())});
            }
            object.insert(key, *value);
        }
    }

    if (takesLinks(op)) {
        // A bare ["attr", value] pair is read by the server as two targets, so only ids, lookup strings,
        // single-key objects and arrays of those are accepted here (spec §7.1 notes).
        int row = 0;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it, ++row) {
            const QJsonValue target = it.value();
            bool ok = isLinkTarget(target);
            if (target.isArray()) {
                ok = !target.toArray().isEmpty();
                for (const QJsonValue &element : target.toArray()) {
                    ok = ok && isLinkTarget(element);
                }
            }
            if (!ok) {
                const int gridRow = useRawAttributes ? -1 : row;
                return std::unexpected(StepError {StepError::Field::Attributes, gridRow,
                    tr("%1: a link target must be an entity id, a lookup__ string, a single-key object or an "
                       "array of those.")
                        .arg(it.key())});
            }
        }
        if (object.isEmpty()) {
            return std::unexpected(
                StepError {StepError::Field::Attributes, -1, tr("Add at least one link label and its target.")});
        }
    }

    step.append(object);
    if (strict && (op == Op::Update || op == Op::Merge)) {
        step.append(QJsonObject {{QStringLiteral("upsert"), false}});
    }
    return step;
}

std::expected<TxStep, QString> TxStep::fromJson(const QJsonArray &json)
{
    if (json.size() < 3 || !json.at(0).isString() || !json.at(1).isString()) {
        return std::unexpected(tr("A step is [op, namespace, id, …]."));
    }
    const auto op = opFromName(json.at(0).toString());
    if (!op) {
        return std::unexpected(tr("Unsupported step \"%1\".").arg(json.at(0).toString()));
    }
    const auto entity = StepEntity::fromJson(json.at(2));
    if (!entity) {
        return std::unexpected(entity.error());
    }

    TxStep step;
    step.op = *op;
    step.ns = json.at(1).toString();
    step.entity = *entity;
    if (takesAttributes(*op) && json.size() >= 4) {
        if (!json.at(3).isObject()) {
            return std::unexpected(tr("The fourth element of a step must be an object."));
        }
        const QJsonObject object = json.at(3).toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            step.attributes.append({it.key(), TypedValue::fromJson(it.value())});
        }
    }
    if (json.size() >= 5 && json.at(4).isObject()) {
        step.strict = json.at(4).toObject().value(u"upsert") == QJsonValue(false);
    }
    return step;
}

} // namespace console
