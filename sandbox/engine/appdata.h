#pragma once

#include "attr.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QUuid>

#include <optional>

namespace sandbox {

struct TripleValue {
    QJsonValue value;
    qint64 createdAt = 0;
};

struct Entity {
    qint64 createdAt = 0;
    QHash<QUuid, QList<TripleValue>> values; // attr id → values (one for cardinality one)
};

/** One write the database has to repeat when the transaction commits. */
struct Change {
    enum class Kind {
        InsertTriple,
        DeleteTriple,
        PutAttr,
    };
    Kind kind = Kind::InsertTriple;
    QUuid entityId;
    QUuid attrId;
    QString valueText;
    qint64 createdAt = 0;
    Attr attr;
    // For rollback: the removed value, the entity's creation time before the change, the replaced attribute.
    QJsonValue value;
    qint64 entityCreatedAt = 0;
    std::optional<Attr> previousAttr;
};

/**
 * The in-memory image of one app: attributes and triples with the indexes queries need. Every mutation
 * is appended to the journal, which the database replays on commit and rollback() undoes on failure.
 */
class AppData {
public:
    QUuid appId;

    const Attr *attr(const QUuid &id) const;
    /** Live attribute whose forward identity is etype.label. */
    const Attr *seekForward(const QString &etype, const QString &label) const;
    /** Live ref attribute whose reverse identity is etype.label. */
    const Attr *seekReverse(const QString &etype, const QString &label) const;
    QList<const Attr *> liveAttrs() const;
    /** Every attribute, soft-deleted ones included. */
    QList<Attr> allAttrs() const { return m_attrs.values(); }
    QList<const Attr *> etypeAttrs(const QString &etype) const;
    void putAttr(const Attr &attr);

    const Entity *entity(const QUuid &id) const;
    QList<TripleValue> values(const QUuid &entityId, const QUuid &attrId) const;
    /** Entities holding `valueText` (toText form) under the attribute; for refs, the sources of a link. */
    QSet<QUuid> entitiesWithValue(const QUuid &attrId, const QString &valueText) const;
    bool inEtype(const QUuid &entityId, const QString &etype) const;
    QList<QUuid> etypeEntities(const QString &etype) const;

    /** Adds a value; cardinality-one attributes replace the old value. Returns false if already there. */
    bool addTriple(const QUuid &entityId, const Attr &attr, const QJsonValue &value, qint64 now);
    bool retractTriple(const QUuid &entityId, const QUuid &attrId, const QString &valueText);
    void retractAll(const QUuid &entityId, const QUuid &attrId);
    /** Loads a stored triple without journalling it. */
    void loadTriple(const QUuid &entityId, const QUuid &attrId, const QJsonValue &value, qint64 createdAt);
    /** Recomputes the namespace membership index (after loading or after an attribute changed namespace). */
    void rebuildMembership();

    QList<Change> takeJournal();
    /** Undoes the journal's changes, newest first; `journal` is what takeJournal() returned. */
    void rollback(const QList<Change> &journal);

private:
    void rawInsert(
        const QUuid &entityId, const QUuid &attrId, const QJsonValue &value, qint64 createdAt, qint64 entityCreatedAt);
    bool rawRemove(const QUuid &entityId, const QUuid &attrId, const QString &text, TripleValue *removed);
    void index(const QUuid &entityId, const QUuid &attrId, const QString &text, bool add);
    void countMembership(const QUuid &entityId, const QUuid &attrId, int delta);

    QHash<QUuid, Attr> m_attrs;
    QHash<QUuid, Entity> m_entities;
    QHash<QUuid, QHash<QString, QSet<QUuid>>> m_valueIndex;
    QHash<QString, QHash<QUuid, int>> m_members;
    QList<Change> m_journal;
};

} // namespace sandbox
