#include "appdata.h"

#include "jsonutil.h"

using namespace Qt::Literals::StringLiterals;

namespace sandbox {

namespace {

// Ref values are stored as lower-case UUID strings whatever form the step used.
QJsonValue normalise(const Attr &attr, const QJsonValue &value)
{
    if (attr.isRef) {
        if (const auto uuid = jsonutil::parseUuid(value)) {
            return jsonutil::uuidText(*uuid);
        }
    }
    return value;
}

Change tripleChange(Change::Kind kind, const QUuid &entityId, const QUuid &attrId, const QString &text,
    qint64 createdAt, const QJsonValue &value, qint64 entityCreatedAt)
{
    Change change;
    change.kind = kind;
    change.entityId = entityId;
    change.attrId = attrId;
    change.valueText = text;
    change.createdAt = createdAt;
    change.value = value;
    change.entityCreatedAt = entityCreatedAt;
    return change;
}

} // namespace

const Attr *AppData::attr(const QUuid &id) const
{
    const auto it = m_attrs.constFind(id);
    return it == m_attrs.cend() ? nullptr : &it.value();
}

const Attr *AppData::seekForward(const QString &etype, const QString &label) const
{
    for (const Attr &attr : m_attrs) {
        if (!attr.isDeleted() && attr.etype == etype && attr.label == label) {
            return &attr;
        }
    }
    return nullptr;
}

const Attr *AppData::seekReverse(const QString &etype, const QString &label) const
{
    for (const Attr &attr : m_attrs) {
        if (!attr.isDeleted() && attr.isRef && attr.reverseEtype == etype && attr.reverseLabel == label) {
            return &attr;
        }
    }
    return nullptr;
}

QList<const Attr *> AppData::liveAttrs() const
{
    QList<const Attr *> result;
    for (const Attr &attr : m_attrs) {
        if (!attr.isDeleted()) {
            result.append(&attr);
        }
    }
    return result;
}

QList<const Attr *> AppData::etypeAttrs(const QString &etype) const
{
    QList<const Attr *> result;
    for (const Attr &attr : m_attrs) {
        if (!attr.isDeleted() && attr.etype == etype) {
            result.append(&attr);
        }
    }
    return result;
}

void AppData::putAttr(const Attr &attr)
{
    const Attr *old = this->attr(attr.id);
    Change change;
    change.kind = Change::Kind::PutAttr;
    change.attrId = attr.id;
    change.attr = attr;
    if (old) {
        change.previousAttr = *old;
    }
    const bool moved = old && (old->etype != attr.etype || old->isDeleted() != attr.isDeleted());
    m_attrs.insert(attr.id, attr);
    if (moved) {
        rebuildMembership();
    }
    m_journal.append(change);
}

const Entity *AppData::entity(const QUuid &id) const
{
    const auto it = m_entities.constFind(id);
    return it == m_entities.cend() ? nullptr : &it.value();
}

QList<TripleValue> AppData::values(const QUuid &entityId, const QUuid &attrId) const
{
    const Entity *e = entity(entityId);
    return e ? e->values.value(attrId) : QList<TripleValue> {};
}

QSet<QUuid> AppData::entitiesWithValue(const QUuid &attrId, const QString &valueText) const
{
    return m_valueIndex.value(attrId).value(valueText);
}

bool AppData::inEtype(const QUuid &entityId, const QString &etype) const
{
    return m_members.value(etype).contains(entityId);
}

QList<QUuid> AppData::etypeEntities(const QString &etype) const
{
    return m_members.value(etype).keys();
}

bool AppData::addTriple(const QUuid &entityId, const Attr &attr, const QJsonValue &rawValue, qint64 now)
{
    const QJsonValue value = normalise(attr, rawValue);
    const QString text = jsonutil::toText(value);
    const Entity *existing = entity(entityId);
    const qint64 entityCreatedAt = existing ? existing->createdAt : 0;
    const QList<TripleValue> current = values(entityId, attr.id);
    for (const TripleValue &old : current) {
        if (jsonutil::toText(old.value) == text) {
            return false;
        }
    }
    if (!attr.cardinalityMany) {
        for (const TripleValue &old : current) {
            const QString oldText = jsonutil::toText(old.value);
            rawRemove(entityId, attr.id, oldText, nullptr);
            m_journal.append(tripleChange(
                Change::Kind::DeleteTriple, entityId, attr.id, oldText, old.createdAt, old.value, entityCreatedAt));
        }
    }
    // Replacing the only value keeps the entity's creation time.
    rawInsert(entityId, attr.id, value, now, entityCreatedAt ? entityCreatedAt : now);
    m_journal.append(tripleChange(Change::Kind::InsertTriple, entityId, attr.id, text, now, value, entityCreatedAt));
    return true;
}

bool AppData::retractTriple(const QUuid &entityId, const QUuid &attrId, const QString &valueText)
{
    const Entity *existing = entity(entityId);
    const qint64 entityCreatedAt = existing ? existing->createdAt : 0;
    TripleValue removed;
    if (!rawRemove(entityId, attrId, valueText, &removed)) {
        return false;
    }
    m_journal.append(tripleChange(
        Change::Kind::DeleteTriple, entityId, attrId, valueText, removed.createdAt, removed.value, entityCreatedAt));
    return true;
}

void AppData::retractAll(const QUuid &entityId, const QUuid &attrId)
{
    const QList<TripleValue> list = values(entityId, attrId);
    for (const TripleValue &value : list) {
        retractTriple(entityId, attrId, jsonutil::toText(value.value));
    }
}

void AppData::rollback(const QList<Change> &journal)
{
    bool membershipChanged = false;
    for (auto it = journal.crbegin(); it != journal.crend(); ++it) {
        const Change &change = *it;
        switch (change.kind) {
        case Change::Kind::InsertTriple:
            rawRemove(change.entityId, change.attrId, change.valueText, nullptr);
            break;
        case Change::Kind::DeleteTriple:
            rawInsert(change.entityId, change.attrId, change.value, change.createdAt, change.entityCreatedAt);
            break;
        case Change::Kind::PutAttr:
            if (change.previousAttr) {
                m_attrs.insert(change.attrId, *change.previousAttr);
            } else {
                m_attrs.remove(change.attrId);
            }
            membershipChanged = true;
            break;
        }
        if (change.kind != Change::Kind::PutAttr && change.entityCreatedAt != 0) {
            if (auto entityIt = m_entities.find(change.entityId); entityIt != m_entities.end()) {
                entityIt->createdAt = change.entityCreatedAt;
            }
        }
    }
    if (membershipChanged) {
        rebuildMembership();
    }
}

void AppData::rawInsert(
    const QUuid &entityId, const QUuid &attrId, const QJsonValue &value, qint64 createdAt, qint64 entityCreatedAt)
{
    Entity &e = m_entities[entityId];
    if (e.values.isEmpty()) {
        e.createdAt = entityCreatedAt ? entityCreatedAt : createdAt;
    }
    QList<TripleValue> &list = e.values[attrId];
    const bool wasMember = !list.isEmpty();
    list.append(TripleValue {value, createdAt});
    index(entityId, attrId, jsonutil::toText(value), true);
    if (!wasMember) {
        countMembership(entityId, attrId, 1);
    }
}

bool AppData::rawRemove(const QUuid &entityId, const QUuid &attrId, const QString &text, TripleValue *removed)
{
    auto entityIt = m_entities.find(entityId);
    if (entityIt == m_entities.end()) {
        return false;
    }
    auto listIt = entityIt->values.find(attrId);
    if (listIt == entityIt->values.end()) {
        return false;
    }
    QList<TripleValue> &list = listIt.value();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (jsonutil::toText(list.at(i).value) != text) {
            continue;
        }
        if (removed) {
            *removed = list.at(i);
        }
        list.removeAt(i);
        index(entityId, attrId, text, false);
        if (list.isEmpty()) {
            entityIt->values.erase(listIt);
            countMembership(entityId, attrId, -1);
        }
        if (entityIt->values.isEmpty()) {
            m_entities.erase(entityIt);
        }
        return true;
    }
    return false;
}

void AppData::loadTriple(const QUuid &entityId, const QUuid &attrId, const QJsonValue &value, qint64 createdAt)
{
    Entity &e = m_entities[entityId];
    if (e.createdAt == 0 || createdAt < e.createdAt) {
        e.createdAt = createdAt;
    }
    e.values[attrId].append(TripleValue {value, createdAt});
    index(entityId, attrId, jsonutil::toText(value), true);
}

void AppData::rebuildMembership()
{
    m_members.clear();
    for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
        for (auto attrIt = it->values.cbegin(); attrIt != it->values.cend(); ++attrIt) {
            countMembership(it.key(), attrIt.key(), 1);
        }
    }
}

QList<Change> AppData::takeJournal()
{
    return std::exchange(m_journal, {});
}

void AppData::index(const QUuid &entityId, const QUuid &attrId, const QString &text, bool add)
{
    if (add) {
        m_valueIndex[attrId][text].insert(entityId);
        return;
    }
    auto attrIt = m_valueIndex.find(attrId);
    if (attrIt == m_valueIndex.end()) {
        return;
    }
    auto valueIt = attrIt->find(text);
    if (valueIt == attrIt->end()) {
        return;
    }
    valueIt->remove(entityId);
    if (valueIt->isEmpty()) {
        attrIt->erase(valueIt);
    }
}

void AppData::countMembership(const QUuid &entityId, const QUuid &attrId, int delta)
{
    const Attr *a = attr(attrId);
    if (!a || a->isDeleted()) {
        return;
    }
    QHash<QUuid, int> &members = m_members[a->etype];
    const int count = members.value(entityId) + delta;
    if (count <= 0) {
        members.remove(entityId);
    } else {
        members.insert(entityId, count);
    }
}

} // namespace sandbox
