#include "editstage.h"

#include <QJsonDocument>
#include <QUuid>

namespace console {

namespace {

QString compact(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QJsonArray idsToArray(const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids) {
        array.append(id);
    }
    return array;
}

bool isLinkArray(const QJsonValue &value)
{
    // With inference? a singular link arrives as one object instead of an array (spec §6.4).
    if (value.isObject()) {
        return value.toObject().value(u"id").isString();
    }
    if (!value.isArray() || value.toArray().isEmpty()) {
        return false;
    }
    for (const QJsonValue &element : value.toArray()) {
        if (!element.isObject() || !element.toObject().value(u"id").isString()) {
            return false;
        }
    }
    return true;
}

QStringList linkIds(const QJsonValue &value)
{
    QStringList ids;
    if (value.isObject()) {
        ids.append(value.toObject().value(u"id").toString());
        return ids;
    }
    for (const QJsonValue &element : value.toArray()) {
        ids.append(element.toObject().value(u"id").toString());
    }
    return ids;
}

} // namespace

EditStage::EditStage(QObject *parent)
    : QAbstractListModel(parent)
{ }

EditStage::~EditStage() = default;

int EditStage::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_edits.size());
}

QVariant EditStage::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        return describe(m_edits.at(static_cast<std::size_t>(index.row())));
    }
    return {};
}

QString EditStage::describe(const Edit &edit)
{
    switch (edit.kind) {
    case Edit::Kind::SetAttribute:
        return tr("Set %1.%2 of %3 to %4").arg(edit.ns, edit.attribute, edit.id, compact(edit.value));
    case Edit::Kind::CreateEntity:
        return tr("Create %1 %2 %3").arg(edit.ns, edit.id, compact(edit.value));
    case Edit::Kind::DeleteEntity:
        return tr("Delete %1 %2").arg(edit.ns, edit.id);
    case Edit::Kind::Link:
        return tr("Link %1 %2 via %3 to %4").arg(edit.ns, edit.id, edit.attribute, compact(edit.value));
    case Edit::Kind::Unlink:
        return tr("Unlink %1 %2 via %3 from %4").arg(edit.ns, edit.id, edit.attribute, compact(edit.value));
    }
    return {};
}

void EditStage::append(Edit edit)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_edits.push_back(std::move(edit));
    endInsertRows();
    Q_EMIT stagedChanged();
}

void EditStage::setAttribute(const QString &ns, const QString &id, const QString &attribute, const QJsonValue &value,
    const std::optional<QJsonValue> &prior)
{
    for (std::size_t i = 0; i < m_edits.size(); ++i) {
        Edit &edit = m_edits[i];
        const bool sameEntity = edit.ns == ns && edit.id == id;
        // Editing an entity that is itself staged for creation changes what will be created.
        if (sameEntity && edit.kind == Edit::Kind::CreateEntity) {
            QJsonObject attributes = edit.value.toObject();
            attributes.insert(attribute, value);
            edit.value = attributes;
        } else if (sameEntity && edit.kind == Edit::Kind::SetAttribute && edit.attribute == attribute) {
            edit.value = value;
        } else {
            continue;
        }
        const QModelIndex changed = index(static_cast<int>(i));
        Q_EMIT dataChanged(changed, changed);
        Q_EMIT stagedChanged();
        return;
    }
    append({Edit::Kind::SetAttribute, ns, id, attribute, value, prior, {}});
}

QString EditStage::createEntity(const QString &ns, const QJsonObject &attributes)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject clean = attributes;
    clean.remove(QStringLiteral("id"));
    append({Edit::Kind::CreateEntity, ns, id, {}, clean, std::nullopt, {}});
    return id;
}

void EditStage::deleteEntities(const QString &ns, const QList<QJsonObject> &records)
{
    for (const QJsonObject &record : records) {
        const QString id = record.value(u"id").toString();
        if (id.isEmpty()) {
            continue;
        }
        append({Edit::Kind::DeleteEntity, ns, id, {}, {}, std::nullopt, record});
    }
}

void EditStage::link(const QString &ns, const QString &id, const QString &label, const QStringList &targets)
{
    append({Edit::Kind::Link, ns, id, label, idsToArray(targets), std::nullopt, {}});
}

void EditStage::unlink(const QString &ns, const QString &id, const QString &label, const QStringList &targets)
{
    append({Edit::Kind::Unlink, ns, id, label, idsToArray(targets), std::nullopt, {}});
}

void EditStage::removeEdit(int row)
{
    if (row < 0 || row >= rowCount()) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_edits.erase(m_edits.begin() + row);
    endRemoveRows();
    Q_EMIT stagedChanged();
}

void EditStage::clear()
{
    if (m_edits.empty()) {
        return;
    }
    beginResetModel();
    m_edits.clear();
    endResetModel();
    Q_EMIT stagedChanged();
}

bool EditStage::containsDeletes() const
{
    return std::any_of(
        m_edits.cbegin(), m_edits.cend(), [](const Edit &edit) { return edit.kind == Edit::Kind::DeleteEntity; });
}

QJsonArray EditStage::steps() const
{
    QJsonArray steps;
    for (const Edit &edit : m_edits) {
        switch (edit.kind) {
        case Edit::Kind::SetAttribute:
            steps.append(
                QJsonArray {QStringLiteral("update"), edit.ns, edit.id, QJsonObject {{edit.attribute, edit.value}}});
            break;
        case Edit::Kind::CreateEntity:
            steps.append(QJsonArray {QStringLiteral("create"), edit.ns, edit.id, edit.value});
            break;
        case Edit::Kind::DeleteEntity:
            steps.append(QJsonArray {QStringLiteral("delete"), edit.ns, edit.id});
            break;
        case Edit::Kind::Link:
            steps.append(
                QJsonArray {QStringLiteral("link"), edit.ns, edit.id, QJsonObject {{edit.attribute, edit.value}}});
            break;
        case Edit::Kind::Unlink:
            steps.append(
                QJsonArray {QStringLiteral("unlink"), edit.ns, edit.id, QJsonObject {{edit.attribute, edit.value}}});
            break;
        }
    }
    return steps;
}

QJsonArray EditStage::inverseSteps() const
{
    QJsonArray inverse;
    // Undo runs the edits backwards so that, e.g., a link made after a create is removed before the delete.
    for (auto it = m_edits.crbegin(); it != m_edits.crend(); ++it) {
        const Edit &edit = *it;
        switch (edit.kind) {
        case Edit::Kind::SetAttribute:
            // InstaML has no "retract one attribute" step; an attribute that was absent comes back as null,
            // which the results show the same way except for the key being present.
            inverse.append(QJsonArray {QStringLiteral("update"), edit.ns, edit.id,
                QJsonObject {{edit.attribute, edit.prior.value_or(QJsonValue(QJsonValue::Null))}}});
            break;
        case Edit::Kind::CreateEntity:
            inverse.append(QJsonArray {QStringLiteral("delete"), edit.ns, edit.id});
            break;
        case Edit::Kind::DeleteEntity: {
            QJsonObject attributes;
            QJsonObject links;
            splitRecord(edit.priorRecord, &attributes, &links);
            attributes.remove(QStringLiteral("id"));
            inverse.append(QJsonArray {QStringLiteral("update"), edit.ns, edit.id, attributes});
            for (auto link = links.constBegin(); link != links.constEnd(); ++link) {
                inverse.append(QJsonArray {QStringLiteral("link"), edit.ns, edit.id,
                    QJsonObject {{link.key(), idsToArray(linkIds(link.value()))}}});
            }
            break;
        }
        case Edit::Kind::Link:
            inverse.append(
                QJsonArray {QStringLiteral("unlink"), edit.ns, edit.id, QJsonObject {{edit.attribute, edit.value}}});
            break;
        case Edit::Kind::Unlink:
            inverse.append(
                QJsonArray {QStringLiteral("link"), edit.ns, edit.id, QJsonObject {{edit.attribute, edit.value}}});
            break;
        }
    }
    return inverse;
}

QStringList EditStage::irreversibleReasons() const
{
    QStringList reasons;
    for (const Edit &edit : m_edits) {
        if (edit.kind != Edit::Kind::DeleteEntity) {
            continue;
        }
        if (edit.ns.startsWith(u'$')) {
            reasons.append(tr("Deleting %1 %2 cannot be undone: its system data is not restored by a transaction.")
                               .arg(edit.ns, edit.id));
        } else if (edit.priorRecord.size() <= 1) {
            // Only the id is known: an "undo" would bring back an empty entity and claim success.
            reasons.append(
                tr("Deleting %1 %2 cannot be undone: its values were not part of the results.").arg(edit.ns, edit.id));
        }
    }
    return reasons;
}

void EditStage::splitRecord(const QJsonObject &record, QJsonObject *attributes, QJsonObject *links)
{
    for (auto it = record.constBegin(); it != record.constEnd(); ++it) {
        if (isLinkArray(it.value())) {
            links->insert(it.key(), it.value());
        } else {
            attributes->insert(it.key(), it.value());
        }
    }
}

} // namespace console
