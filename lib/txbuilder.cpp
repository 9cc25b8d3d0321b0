#include "txbuilder.h"

#include "sdkjson.h"

using namespace Qt::StringLiterals;

namespace instant {

EntityRef::EntityRef(const QUuid &id)
    : m_json(id.toString(QUuid::WithoutBraces))
{ }

EntityRef::EntityRef(const QString &id)
    : m_json(id)
{ }

EntityRef::EntityRef(QJsonValue json)
    : m_json(std::move(json))
{ }

EntityRef EntityRef::lookup(const QString &attribute, const QJsonValue &value)
{
    return EntityRef(QJsonValue(QJsonArray {attribute, value}));
}

EntityRef EntityRef::lookupObject(const QString &attribute, const QJsonValue &value)
{
    return EntityRef(QJsonValue(QJsonObject {{attribute, value}}));
}

EntityRef EntityRef::lookupString(const QString &attribute, const QJsonValue &value)
{
    return EntityRef(QJsonValue(TxBuilder::encodeLookup(attribute, value)));
}

LinkTarget::LinkTarget(const QUuid &id)
    : m_json(id.toString(QUuid::WithoutBraces))
{ }

LinkTarget::LinkTarget(const QString &id)
    : m_json(id)
{ }

LinkTarget::LinkTarget(std::initializer_list<LinkTarget> targets)
{
    QJsonArray array;
    for (const LinkTarget &target : targets) {
        array.append(target.m_json);
    }
    m_json = array;
}

LinkTarget::LinkTarget(QJsonValue json)
    : m_json(std::move(json))
{ }

LinkTarget LinkTarget::list(const QList<LinkTarget> &targets)
{
    QJsonArray array;
    for (const LinkTarget &target : targets) {
        array.append(target.m_json);
    }
    return LinkTarget(QJsonValue(array));
}

LinkTarget LinkTarget::lookup(const QString &attribute, const QJsonValue &value)
{
    return LinkTarget(QJsonValue(TxBuilder::encodeLookup(attribute, value)));
}

LinkTarget LinkTarget::lookupObject(const QString &attribute, const QJsonValue &value)
{
    return LinkTarget(QJsonValue(QJsonObject {{attribute, value}}));
}

TxBuilder::Entity::Entity(TxBuilder *builder, QString ns, EntityRef id)
    : m_builder(builder)
    , m_ns(std::move(ns))
    , m_id(std::move(id))
{ }

TxBuilder::Entity &TxBuilder::Entity::append(const QString &action, const QJsonValue &args, const QJsonValue &options)
{
    // The SDK's op is [action, etype, id, args] plus opts only when opts were given.
    QJsonArray step {action, m_ns, m_id.toJson(), args};
    if (!options.isUndefined()) {
        step.append(options);
    }
    m_builder->m_steps.append(step);
    return *this;
}

namespace {

QJsonValue upsertOption(const UpdateOptions &options)
{
    if (!options.upsert) {
        return QJsonValue(QJsonValue::Undefined);
    }
    return QJsonObject {{u"upsert"_s, *options.upsert}};
}

QJsonObject linkObject(const Links &links)
{
    QJsonObject object;
    for (const auto &[label, target] : links) {
        object.insert(label, target.toJson());
    }
    return object;
}

} // namespace

TxBuilder::Entity &TxBuilder::Entity::update(const QJsonObject &attrs, const UpdateOptions &options)
{
    return append(u"update"_s, attrs, upsertOption(options));
}

TxBuilder::Entity &TxBuilder::Entity::merge(const QJsonObject &attrs, const UpdateOptions &options)
{
    return append(u"merge"_s, attrs, upsertOption(options));
}

TxBuilder::Entity &TxBuilder::Entity::create(const QJsonObject &attrs)
{
    return append(u"create"_s, attrs);
}

TxBuilder::Entity &TxBuilder::Entity::deleteEntity()
{
    // JSON.stringify turns the SDK's undefined args into null inside the array.
    return append(u"delete"_s, QJsonValue::Null);
}

TxBuilder::Entity &TxBuilder::Entity::link(const Links &links)
{
    return append(u"link"_s, linkObject(links));
}

TxBuilder::Entity &TxBuilder::Entity::link(const QString &label, const LinkTarget &target)
{
    return link(Links {{label, target}});
}

TxBuilder::Entity &TxBuilder::Entity::unlink(const Links &links)
{
    return append(u"unlink"_s, linkObject(links));
}

TxBuilder::Entity &TxBuilder::Entity::unlink(const QString &label, const LinkTarget &target)
{
    return unlink(Links {{label, target}});
}

TxBuilder::Entity &TxBuilder::Entity::ruleParams(const QJsonObject &params)
{
    return append(u"ruleParams"_s, params);
}

TxBuilder::Entity TxBuilder::entity(const QString &ns, const EntityRef &id)
{
    return Entity(this, ns, id);
}

TxBuilder &TxBuilder::addAttr(const QJsonObject &attr)
{
    m_steps.append(QJsonArray {u"add-attr"_s, attr});
    return *this;
}

TxBuilder &TxBuilder::deleteAttr(const QString &attrId)
{
    m_steps.append(QJsonArray {u"delete-attr"_s, attrId});
    return *this;
}

TxBuilder &TxBuilder::addStep(const QJsonArray &step)
{
    m_steps.append(step);
    return *this;
}

TxBuilder &TxBuilder::append(const TxBuilder &other)
{
    for (const QJsonValue &step : other.m_steps) {
        m_steps.append(step);
    }
    return *this;
}

QByteArray TxBuilder::stepsJson() const
{
    return toSdkJson(m_steps);
}

QString TxBuilder::encodeLookup(const QString &attribute, const QJsonValue &value)
{
    return u"lookup__"_s + attribute + u"__"_s + QString::fromUtf8(toSdkJson(value));
}

} // namespace instant
