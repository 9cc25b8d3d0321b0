#pragma once

#include "session/connectionsession.h"
#include "session/panelfactory.h"

#include "error.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace instant {
class LiveQuery;
struct LiveResult;
} // namespace instant

namespace console {

class ErrorPanel;
class ImpersonationBar;
class QueryEditor;
class ResultsView;
class Settings;

/**
 * The content of one connection tab: impersonation bar, InstaQL editor with its error panel, the
 * results, and the tool panels opened in this tab. Runs queries live (subscribe-query) by default or
 * once, as the tab's identity.
 */
class ConnectionView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionView)
public:
    /** Takes ownership of session. settings may be null (no history). */
    ConnectionView(ConnectionSession *session, Settings *settings, QWidget *parent = nullptr);
    ~ConnectionView() override;

    ConnectionSession *session() const { return m_session; }
    QueryEditor *editor() const { return m_editor; }
    ResultsView *results() const { return m_results; }
    ErrorPanel *errorPanel() const { return m_errorPanel; }
    ImpersonationBar *impersonationBar() const { return m_impersonation; }
    QTabWidget *panelTabs() const { return m_panelTabs; }

    QString queryText() const;
    void setQueryText(const QString &text);

    /** Live (subscribe-query, the default) or one-shot (POST /admin/query). */
    bool isLive() const { return m_liveMode; }
    void setLive(bool live);
    /** Whether a live subscription is open right now. */
    bool isSubscribed() const;

    /** Actions of this tab (run, stop, format, history …), for menus and the command palette. */
    QList<QAction *> tabActions() const;

    /** Opens (creating on first use) the panel of factory in this tab and focuses it. */
    QWidget *openPanel(const PanelFactory &factory);
    /** Creates the panel of factory for this tab if it does not exist yet, without showing it. */
    QWidget *createPanel(const PanelFactory &factory);
    QWidget *panel(const QString &id) const { return m_panels.value(id); }

    /** For the status bar. */
    qsizetype entityCount() const;
    qint64 resultBytes() const { return m_resultBytes; }
    qint64 latencyMs() const { return m_latencyMs; }
    QString streamStateText() const;

public Q_SLOTS:
    void run();
    void stop();
    void formatQuery();

Q_SIGNALS:
    void statusChanged();
    void statusMessage(const QString &text);
    void titleChanged();

private:
    void runLive(const QJsonObject &query);
    void runOnce(const QJsonObject &query);
    void onLiveState();
    void onLiveResult(const instant::LiveResult &result, bool initial);
    void showServerError(const instant::Error &error);
    void onIdentityChanged();
    void fillHistoryMenu();
    void fillSavedMenu();
    void saveQueryAs();
    void updateStreamChip();

    ConnectionSession *m_session = nullptr;
    QPointer<Settings> m_settings;
    ImpersonationBar *m_impersonation = nullptr;
    QueryEditor *m_editor = nullptr;
    ErrorPanel *m_errorPanel = nullptr;
    ResultsView *m_results = nullptr;
    QTabWidget *m_panelTabs = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QLabel *m_streamChip = nullptr;
    QMenu *m_historyMenu = nullptr;
    QMenu *m_savedMenu = nullptr;
    QHash<QString, QWidget *> m_panels;

    QAction *m_runAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_liveAction = nullptr;
    QAction *m_formatAction = nullptr;
    QAction *m_completeAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_saveQueryAction = nullptr;
    QAction *m_savedQueriesAction = nullptr;
    QAction *m_refreshSchemaAction = nullptr;

    QPointer<instant::LiveQuery> m_live;
    bool m_liveMode = true;
    bool m_hasRun = false;
    bool m_firstResultOfRun = true;
    quint64 m_runGeneration = 0;
    QElapsedTimer m_runClock;
    qint64 m_resultBytes = 0;
    qint64 m_latencyMs = -1;
};

} // namespace console
