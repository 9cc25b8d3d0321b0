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
    const bool moved = old && (old->etype != attr.etype || old->isDeleted() != attr.isDeleted());
    m_attrs.insert(attr.id, attr);
    if (moved) {
        rebuildMembership();
    }
    Change change;
    change.kind = Change::Kind::PutAttr;
    change.attrId = attr.id;
    change.attr = attr;
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
    Entity &e = m_entities[entityId];
    if (e.values.isEmpty() && e.createdAt == 0) {
        e.createdAt = now;
    }
    QList<TripleValue> &list = e.values[attr.id];
    for (const TripleValue &existing : list) {
        if (jsonutil::toText(existing.value) == text) {
            return false;
        }
    }
    const bool wasMember = !list.isEmpty();
    if (!attr.cardinalityMany) {
        for (const TripleValue &old : std::as_const(list)) {
            const QString oldText = jsonutil::toText(old.value);
            index(entityId, attr.id, oldText, false);
            m_journal.append(Change { Change::Kind::DeleteTriple, entityId, attr.id, oldText, 0, {} });
        }
        list.clear();
    }
    list.append(TripleValue { value, now });
    index(entityId, attr.id, text, true);
    if (!wasMember) {
        countMembership(entityId, attr.id, 1);
    }
    m_journal.append(Change { Change::Kind::InsertTriple, entityId, attr.id, text, now, {} });
    return true;
}

bool AppData::retractTriple(const QUuid &entityId, const QUuid &attrId, const QString &valueText)
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
        if (jsonutil::toText(list.at(i).value) != valueText) {
            continue;
        }
        list.removeAt(i);
        index(entityId, attrId, valueText, false);
        m_journal.append(Change { Change::Kind::DeleteTriple, entityId, attrId, valueText, 0, {} });
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

void AppData::retractAll(const QUuid &entityId, const QUuid &attrId)
{
    const QList<TripleValue> list = values(entityId, attrId);
    for (const TripleValue &value : list) {
        retractTriple(entityId, attrId, jsonutil::toText(value.value));
    }
}

void AppData::loadTriple(const QUuid &entityId, const QUuid &attrId, const QJsonValue &value, qint64 createdAt)
{
    Entity &e = m_entities[entityId];
    if (e.createdAt == 0 || createdAt < e.createdAt) {
        e.createdAt = createdAt;
    }
    e.values[attrId].append(TripleValue { value, createdAt });
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
