#pragma once

#include "connections/connectionprofile.h"
#include "session/sessiontypes.h"

#include "error.h"
#include "identity.h"
#include "requestlog.h"
#include "json/jsontree.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QMenu;

namespace instant {
class AdminClient;
class Connection;
} // namespace instant

namespace console {

/**
 * One open connection tab: the profile, the client bound to it, who the tab acts as, the state of the
 * connection and what is known about the app's schema. Panels of the tab get a pointer to it and make
 * every call through client() with identity().
 *
 * Lives in the GUI thread; all signals are emitted there.
 */
class ConnectionSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionSession)
public:
    enum class State {
        /** The client is being set up and the first call is on its way. */
        Connecting,
        /** The server answered and (if a live query runs) its stream is open. */
        Live,
        /** A live stream dropped and is being re-established. */
        Reconnecting,
        /** The last attempt failed; lastError() says why. */
        Error,
    };
    Q_ENUM(State)

    /** log may be shared by several sessions (the window's request log); it is not owned. */
    ConnectionSession(const ConnectionProfile &profile, const instant::Connection &connection, instant::RequestLog *log,
        QObject *parent = nullptr);
    ~ConnectionSession() override;

    const ConnectionProfile &profile() const { return m_profile; }
    /** The client of this tab; never null, owned by the session. */
    instant::AdminClient *client() const { return m_client; }
    instant::RequestLog *requestLog() const { return m_log; }

    /** Who queries, live queries, transactions and storage calls of this tab run as. */
    instant::Identity identity() const { return m_identity; }
    void setIdentity(const instant::Identity &identity);

    State state() const { return m_state; }
    /** Translated name of a state ("Live", "Reconnecting" …). */
    static QString stateText(State state);
    /** Translated reason of the last failure (empty unless state() is Error). */
    QString lastError() const { return m_lastError; }
    /** Reported by whatever observes the server (the first call, live queries). */
    void setState(State state, const QString &error = {});

    /** Schema as known now; from GET /admin/schema, else from names seen in results. */
    const SchemaInfo &schema() const { return m_schema; }
    QStringList namespaces() const;
    QStringList attributes(const QString &ns) const;
    QStringList linkLabels(const QString &ns) const;
    /** Namespace a link label of ns leads to (empty if unknown). */
    QString linkTarget(const QString &ns, const QString &label) const;
    /** Fetches GET /admin/schema again; schemaChanged() follows on success. */
    void refreshSchema();
    /** Adds names seen in a query result (spec §6.3 object), for servers without the schema route. */
    void learnFromResult(const instant::JsonNode &result);

    /**
     * The latest result shown in this tab: the `{ "<namespace>": [entity, …] }` object (invalid node if
     * none). Valid until the next currentResultChanged(); the session keeps its tree alive until then.
     */
    instant::JsonNode currentResult() const { return m_currentResult; }
    void setCurrentResult(const instant::JsonTree &tree, const instant::JsonNode &result);
    /** Entities selected in the results (tree or table). */
    QList<EntityRef> selectedEntities() const { return m_selection; }
    void setSelectedEntities(const QList<EntityRef> &entities);

    /** Called by the results view right before showing its context menu, so panels can add actions. */
    void prepareResultContextMenu(QMenu *menu, const EntityRef &entity, const QString &attribute);
    /** Called by the results view when the user edits a value in place (only if editing is enabled). */
    void requestAttributeEdit(const EntityRef &entity, const QString &attribute, const QJsonValue &value);
    /** Whether result cells may be edited in place; a panel that stages edits turns it on. */
    bool resultsEditable() const { return m_resultsEditable; }
    void setResultsEditable(bool editable);

    /** Shows a transient message in the window's status bar. */
    void showStatusMessage(const QString &text);
    /** Asks the window to show the tool panel id in this tab, e.g. because it staged something to review. */
    void requestPanel(const QString &id);

Q_SIGNALS:
    void identityChanged(const instant::Identity &identity);
    void stateChanged(console::ConnectionSession::State state);
    void schemaChanged();
    void schemaRefreshFailed(const instant::Error &error);
    void currentResultChanged();
    void selectionChanged();
    void resultContextMenuRequested(QMenu *menu, const console::EntityRef &entity, const QString &attribute);
    void attributeEditRequested(const console::EntityRef &entity, const QString &attribute, const QJsonValue &value);
    void resultsEditableChanged(bool editable);
    void statusMessageRequested(const QString &text);
    void panelRequested(const QString &id);

private:
    void onSchema(const QJsonValue &value);

    ConnectionProfile m_profile;
    QPointer<instant::RequestLog> m_log;
    instant::AdminClient *m_client = nullptr;
    instant::Identity m_identity;
    State m_state = State::Connecting;
    QString m_lastError;
    SchemaInfo m_schema;
    instant::JsonTree m_currentTree;
    instant::JsonNode m_currentResult;
    QList<EntityRef> m_selection;
    bool m_resultsEditable = false;
    bool m_schemaInFlight = false;
};

} // namespace console
