#pragma once

#include <initializer_list>
#include <optional>
#include <utility>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUuid>

namespace instant {

/**
 * The entity slot of a step (spec §7.1): a UUID, or a lookup by a unique attribute in one of the
 * three forms the server accepts. lookup() is what the SDK sends for `tx.ns[lookup(attr, value)]`.
 */
class EntityRef {
public:
    EntityRef(const QUuid &id);
    /** A UUID string, or any text sent as is (e.g. an already encoded "lookup__attr__json" string). */
    EntityRef(const QString &id);

    /** ["attr", value] — the SDK's form for lookups in the entity slot. */
    static EntityRef lookup(const QString &attribute, const QJsonValue &value);
    /** {"attr": value} */
    static EntityRef lookupObject(const QString &attribute, const QJsonValue &value);
    /** "lookup__attr__<JSON value>" */
    static EntityRef lookupString(const QString &attribute, const QJsonValue &value);

    QJsonValue toJson() const { return m_json; }

private:
    explicit EntityRef(QJsonValue json);
    QJsonValue m_json;
};

/**
 * The value of one link label in link/unlink: a UUID, a list of targets, a single-key object or a
 * lookup string. A bare ["attr", value] pair is deliberately not offered: the server reads an array
 * as a list of targets, so lookups become "lookup__…" strings as the SDK sends them.
 */
class LinkTarget {
public:
    LinkTarget(const QUuid &id);
    /** A UUID string or a "lookup__…" string, sent as is. */
    LinkTarget(const QString &id);
    LinkTarget(std::initializer_list<LinkTarget> targets);
    static LinkTarget list(const QList<LinkTarget> &targets);

    /** "lookup__attr__<JSON value>" (the SDK's lookup(attr, value)). */
    static LinkTarget lookup(const QString &attribute, const QJsonValue &value);
    /** {"attr": value} */
    static LinkTarget lookupObject(const QString &attribute, const QJsonValue &value);

    QJsonValue toJson() const { return m_json; }

private:
    explicit LinkTarget(QJsonValue json);
    QJsonValue m_json;
};

/** label → target(s) of one link or unlink step, in the given order. */
using Links = QList<std::pair<QString, LinkTarget>>;

/** The `{"upsert": …}` option of update and merge; unset sends no option (server default: upsert). */
struct UpdateOptions {
    std::optional<bool> upsert;
};

/**
 * Builds the `steps` array of /admin/transact like the SDK's `tx.ns[id].update(…).link(…)` chains:
 *
 *     TxBuilder tx;
 *     tx.entity(u"goals"_s, goalId).update({{u"title"_s, u"Get fit"_s}}).link({{u"todos"_s, todoId}});
 *     tx.entity(u"users"_s, EntityRef::lookup(u"email"_s, u"a@b.c"_s)).deleteEntity();
 *     client->transact(tx);
 */
class TxBuilder {
public:
    /** The chainable `tx.ns[id]` handle; valid while its TxBuilder lives. */
    class Entity {
    public:
        /** ["update", ns, id, attrs] (+ {"upsert": …} when given). */
        Entity &update(const QJsonObject &attrs, const UpdateOptions &options = {});
        /** ["merge", ns, id, attrs] (+ {"upsert": …}): deep merge, null deletes a nested key. */
        Entity &merge(const QJsonObject &attrs, const UpdateOptions &options = {});
        /** ["create", ns, id, attrs]: fails on the server if the entity exists. */
        Entity &create(const QJsonObject &attrs);
        /** ["delete", ns, id, null] — the SDK's delete() (it sends the undefined args as null). */
        Entity &deleteEntity();
        Entity &link(const Links &links);
        Entity &link(const QString &label, const LinkTarget &target);
        Entity &unlink(const Links &links);
        Entity &unlink(const QString &label, const LinkTarget &target);
        /** ["ruleParams", ns, id, params] */
        Entity &ruleParams(const QJsonObject &params);

    private:
        friend class TxBuilder;
        Entity(TxBuilder *builder, QString ns, EntityRef id);
        Entity &append(
            const QString &action, const QJsonValue &args, const QJsonValue &options = QJsonValue::Undefined);

        TxBuilder *m_builder;
        QString m_ns;
        EntityRef m_id;
    };

    TxBuilder() = default;

    /** `tx[ns][id]` */
    Entity entity(const QString &ns, const EntityRef &id);
    /** ["add-attr", attr] */
    TxBuilder &addAttr(const QJsonObject &attr);
    /** ["delete-attr", attrId] */
    TxBuilder &deleteAttr(const QString &attrId);
    /** Appends a step as is (anything the server takes that this class has no method for). */
    TxBuilder &addStep(const QJsonArray &step);
    /** Appends all steps of another builder (the SDK's transact([chunkA, chunkB])). */
    TxBuilder &append(const TxBuilder &other);

    bool isEmpty() const { return m_steps.isEmpty(); }
    qsizetype size() const { return m_steps.size(); }
    QJsonArray steps() const { return m_steps; }
    /** The steps array as the SDK's JSON.stringify writes it. */
    QByteArray stepsJson() const;

    /** The SDK's lookup(attr, value): "lookup__" + attr + "__" + JSON.stringify(value). */
    static QString encodeLookup(const QString &attribute, const QJsonValue &value);

private:
    QJsonArray m_steps;
};

} // namespace instant
