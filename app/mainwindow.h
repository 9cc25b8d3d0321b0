#pragma once

#include "connections/connectionprofile.h"
#include "connections/tokenstore.h"
#include "session/panelfactory.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;

namespace instant {
class RequestLog;
}

namespace console {

class CommandPalette;
class ConnectionView;
class KeychainNotice;
class RequestLogDock;
class SandboxLauncher;
class Settings;

/**
 * The console window: one tab per open connection (each with its own identity), the request log dock,
 * menus, the command palette and the status bar. Tool panels are plugged in with addPanel().
 */
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    /** settings and tokens are not owned and must outlive the window. */
    MainWindow(Settings *settings, TokenStore *tokens, QWidget *parent = nullptr);
    ~MainWindow() override;

    /**
     * Adds a tool panel: an action in the Panels menu, the toolbar and the command palette, with the
     * factory's shortcut. Triggering it opens the panel in the current connection tab.
     */
    void addPanel(const PanelFactory &factory);
    QList<PanelFactory> panels() const { return m_panels; }
    /** Opens the panel with id in the current tab (nullptr if there is no tab or no such panel). */
    QWidget *openPanel(const QString &id);

    /** Opens a tab for profile with token right away. */
    ConnectionView *openConnection(const ConnectionProfile &profile, const QString &token);
    /** Finds the token for profile (sandbox, session, keychain or a prompt) and opens a tab. */
    void connectProfile(const ConnectionProfile &profile, const QString &query = {}, bool live = true);
    /** Saves profile and keeps token as its policy says; keychain failures show the notice. */
    void saveProfile(const ConnectionProfile &profile, const QString &token);
    /** Starts the embedded demo sandbox (if needed) and opens a tab on it. */
    void openSandbox();
    /** Reopens the tabs of the last session, or the sandbox on a first start. */
    void restoreSession();

    ConnectionView *currentView() const;
    QList<ConnectionView *> views() const;
    QTabWidget *tabs() const { return m_tabs; }
    instant::RequestLog *requestLog() const { return m_log; }
    RequestLogDock *requestLogDock() const { return m_logDock; }
    CommandPalette *commandPalette() const { return m_palette; }
    KeychainNotice *keychainNotice() const { return m_keychainNotice; }
    SandboxLauncher *sandboxLauncher() const { return m_sandbox; }
    /** Every action of the window and of the current tab (what the command palette lists). */
    QList<QAction *> allActions() const;

public Q_SLOTS:
    void newConnection();
    void closeCurrentTab();
    void showCommandPalette();

Q_SIGNALS:
    void connectionOpened(console::ConnectionView *view);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void addLanguageMenu(QMenu *parent);
    void onCurrentTabChanged();
    void updateStatus();
    void updateTabTitle(ConnectionView *view);
    void updateWindowTitle();
    void promptForToken(const ConnectionProfile &profile, const QString &reason, const QString &query, bool live);
    void onKeychainPolicyChosen(const QString &profileId, ConnectionProfile::TokenPolicy policy);
    void applyColorScheme(int scheme);
    void saveTabs();
    ConnectionProfile sandboxProfile() const;

    QPointer<Settings> m_settings;
    QPointer<TokenStore> m_tokens;
    instant::RequestLog *m_log = nullptr;
    QTabWidget *m_tabs = nullptr;
    RequestLogDock *m_logDock = nullptr;
    CommandPalette *m_palette = nullptr;
    KeychainNotice *m_keychainNotice = nullptr;
    SandboxLauncher *m_sandbox = nullptr;
    QList<PanelFactory> m_panels;
    QList<QAction *> m_panelActions;
    QList<QPair<QString, bool>> m_pendingSandboxTabs;

    QLabel *m_stateLabel = nullptr;
    QLabel *m_identityLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_bytesLabel = nullptr;
    QLabel *m_latencyLabel = nullptr;

    QMenu *m_queryMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QAction *m_newConnectionAction = nullptr;
    QAction *m_sandboxAction = nullptr;
    QAction *m_closeTabAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_logAction = nullptr;
    QAction *m_nextTabAction = nullptr;
    QAction *m_previousTabAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_schemeGroup = nullptr;
    QList<QAction *> m_schemeActions;
};

} // namespace console
