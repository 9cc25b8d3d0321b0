#include "session/connectionsession.h"

#include "console_debug.h"

#include "adminclient.h"
#include "apijob.h"
#include "connection.h"
#include "requestlog.h"

#include <QJsonArray>
#include <QJsonObject>

namespace console {

namespace {

void sortNamespace(SchemaInfo::Namespace &ns)
{
    ns.attributes.removeDuplicates();
    ns.attributes.sort(Qt::CaseInsensitive);
    std::sort(ns.links.begin(), ns.links.end(),
        [](const LinkInfo &a, const LinkInfo &b) { return a.label.compare(b.label, Qt::CaseInsensitive) < 0; });
}

/** Adds the names of one result level (an array of entities of namespace ns) to schema. */
void learnLevel(SchemaInfo &schema, const QString &ns, const instant::JsonNode &entities, int depth)
{
    if (depth > 4 || !entities.isValid()) {
        return;
    }
    SchemaInfo::Namespace &info = schema.namespaces[ns];
    // A few entities are enough to see the attribute names; results can hold 100k of them.
    const qsizetype sample = std::min<qsizetype>(entities.size(), 20);
    for (qsizetype i = 0; i < sample; ++i) {
        const instant::JsonNode entity = entities.at(i);
        for (qsizetype k = 0; k < entity.size(); ++k) {
            const QString key = entity.key(k);
            const instant::JsonNode value = entity.at(k);
            if (value.isArray() && value.size() > 0 && value.at(0).isObject() && value.at(0).contains("id")) {
                const bool known = std::any_of(
                    info.links.cbegin(), info.links.cend(), [&key](const LinkInfo &l) { return l.label == key; });
                if (!known) {
                    info.links.append(LinkInfo {key, QString(), false});
                }
            } else if (!info.attributes.contains(key)) {
                info.attributes.append(key);
            }
        }
    }
    sortNamespace(info);
}

} // namespace

ConnectionSession::ConnectionSession(
    const ConnectionProfile &profile, const instant::Connection &connection, instant::RequestLog *log, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_log(log)
    , m_client(new instant::AdminClient(connection, this))
{
    if (log) {
        m_client->setRequestLog(log);
    }
    qCInfo(lcUi) << "session opened for app" << connection.appId() << "at" << connection.serverUrl().toString();
}

ConnectionSession::~ConnectionSession() = default;

void ConnectionSession::setIdentity(const instant::Identity &identity)
{
    if (identity == m_identity) {
        return;
    }
    m_identity = identity;
    qCInfo(lcUi) << "tab identity is now" << identity.logName();
    Q_EMIT identityChanged(m_identity);
}

QString ConnectionSession::stateText(State state)
{
    switch (state) {
    case State::Connecting:
        return tr("Connecting");
    case State::Live:
        return tr("Live");
    case State::Reconnecting:
        return tr("Reconnecting");
    case State::Error:
        return tr("Error");
    }
    return {};
}

void ConnectionSession::setState(State state, const QString &error)
{
    const QString reason = state == State::Error ? error : QString();
    if (state == m_state && reason == m_lastError) {
        return;
    }
    m_state = state;
    m_lastError = reason;
    Q_EMIT stateChanged(m_state);
}

QStringList ConnectionSession::namespaces() const
{
    QStringList names = m_schema.namespaces.keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

QStringList ConnectionSession::attributes(const QString &ns) const
{
    return m_schema.namespaces.value(ns).attributes;
}

QStringList ConnectionSession::linkLabels(const QString &ns) const
{
    QStringList labels;
    for (const LinkInfo &link : m_schema.namespaces.value(ns).links) {
        labels.append(link.label);
    }
    return labels;
}

QString ConnectionSession::linkTarget(const QString &ns, const QString &label) const
{
    for (const LinkInfo &link : m_schema.namespaces.value(ns).links) {
        if (link.label == label) {
            return link.targetNs;
        }
    }
    return {};
}

void ConnectionSession::refreshSchema()
{
    if (m_schemaInFlight) {
        return;
    }
    m_schemaInFlight = true;
    instant::ApiJob *job = m_client->schema();
    connect(job, &instant::ApiJob::finished, this, [this](const instant::JsonResult &result) {
        m_schemaInFlight = false;
        if (!result) {
            qCInfo(lcUi) << "schema not available:" << result.error().detail();
            if (m_state == State::Connecting) {
                setState(State::Error, result.error().userMessage());
            }
            Q_EMIT schemaRefreshFailed(result.error());
            return;
        }
        if (m_state == State::Connecting || m_state == State::Error) {
            setState(State::Live);
        }
        onSchema(*result);
    });
}

void ConnectionSession::onSchema(const QJsonValue &value)
{
    const QJsonObject schema = value.toObject().value(QStringLiteral("schema")).toObject();
    SchemaInfo info;
    info.fromServer = true;

    const QJsonObject blobs = schema.value(QStringLiteral("blobs")).toObject();
    for (auto it = blobs.begin(); it != blobs.end(); ++it) {
        SchemaInfo::Namespace &ns = info.namespaces[it.key()];
        const QJsonObject attrs = it.value().toObject();
        for (auto a = attrs.begin(); a != attrs.end(); ++a) {
            ns.attributes.append(a.key());
        }
    }

    // Ref keys join four names with '-', which names may contain too; the identities are unambiguous.
    const QJsonObject refs = schema.value(QStringLiteral("refs")).toObject();
    for (auto it = refs.begin(); it != refs.end(); ++it) {
        const QJsonObject attr = it.value().toObject();
        const QJsonArray forward = attr.value(QStringLiteral("forward-identity")).toArray();
        const QJsonArray reverse = attr.value(QStringLiteral("reverse-identity")).toArray();
        if (forward.size() < 3 || reverse.size() < 3) {
            continue;
        }
        const QString fwdNs = forward.at(1).toString();
        const QString fwdLabel = forward.at(2).toString();
        const QString revNs = reverse.at(1).toString();
        const QString revLabel = reverse.at(2).toString();
        const bool forwardOne = attr.value(QStringLiteral("cardinality")).toString() == QLatin1String("one");
        const bool reverseOne = attr.value(QStringLiteral("unique?")).toBool();
        info.namespaces[fwdNs].links.append(LinkInfo {fwdLabel, revNs, forwardOne});
        info.namespaces[revNs].links.append(LinkInfo {revLabel, fwdNs, reverseOne});
    }

    for (auto it = info.namespaces.begin(); it != info.namespaces.end(); ++it) {
        sortNamespace(it.value());
    }
    m_schema = std::move(info);
    Q_EMIT schemaChanged();
}

void ConnectionSession::learnFromResult(const instant::JsonNode &result)
{
    if (m_schema.fromServer || !result.isObject()) {
        return;
    }
    const instant::JsonNode root = result;
    for (qsizetype i = 0; i < root.size(); ++i) {
        learnLevel(m_schema, root.key(i), root.at(i), 0);
    }
    Q_EMIT schemaChanged();
}

void ConnectionSession::setCurrentResult(const instant::JsonTree &tree, const instant::JsonNode &result)
{
    m_currentTree = tree;
    m_currentResult = result;
    Q_EMIT currentResultChanged();
}

void ConnectionSession::setSelectedEntities(const QList<EntityRef> &entities)
{
    if (entities == m_selection) {
        return;
    }
    m_selection = entities;
    Q_EMIT selectionChanged();
}

void ConnectionSession::prepareResultContextMenu(QMenu *menu, const EntityRef &entity, const QString &attribute)
{
    Q_EMIT resultContextMenuRequested(menu, entity, attribute);
}

void ConnectionSession::requestAttributeEdit(const EntityRef &entity, const QString &attribute, const QJsonValue &value)
{
    Q_EMIT attributeEditRequested(entity, attribute, value);
}

void ConnectionSession::setResultsEditable(bool editable)
{
    if (editable == m_resultsEditable) {
        return;
    }
    m_resultsEditable = editable;
    Q_EMIT resultsEditableChanged(editable);
}

void ConnectionSession::showStatusMessage(const QString &text)
{
    Q_EMIT statusMessageRequested(text);
}

void ConnectionSession::requestPanel(const QString &id)
{
    Q_EMIT panelRequested(id);
}

} // namespace console
