#include "mainwindow.h"

#include "translationloader.h"

#include "connections/connectiondialog.h"
#include "connections/keychainnotice.h"
#include "connections/sandboxlauncher.h"
#include "console_debug.h"
#include "editor/queryeditor.h"
#include "palette/commandpalette.h"
#include "panels.h"
#include "requestlog/requestlogdock.h"
#include "session/connectionsession.h"
#include "session/connectionview.h"
#include "settings.h"
#include "theme.h"

#include "connection.h"
#include "requestlog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace console {

namespace {

const QString kSandboxProfileId = QStringLiteral("sandbox");

QIcon stateIcon(ConnectionSession::State state)
{
    QColor color;
    switch (state) {
    case ConnectionSession::State::Connecting:
        color = QColor(0x8a, 0x90, 0x9c);
        break;
    case ConnectionSession::State::Live:
        color = Theme::successColor();
        break;
    case ConnectionSession::State::Reconnecting:
        color = QColor(0xe0, 0x8a, 0x1e);
        break;
    case ConnectionSession::State::Error:
        color = Theme::errorColor();
        break;
    }
    QPixmap pixmap(QSize(12, 12) * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(2, 2, 8, 8));
    return QIcon(pixmap);
}

QAction *windowAction(QWidget *owner, const QString &text, const QString &icon, const QKeySequence &shortcut)
{
    auto *action = new QAction(icon.isEmpty() ? QIcon() : Theme::icon(icon), text, owner);
    action->setShortcut(shortcut);
    owner->addAction(action);
    return action;
}

} // namespace

MainWindow::MainWindow(Settings *settings, TokenStore *tokens, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_tokens(tokens)
    , m_log(new instant::RequestLog(instant::RequestLog::kDefaultCapacity, this))
    , m_tabs(new QTabWidget(this))
    , m_palette(new CommandPalette(this))
    , m_keychainNotice(new KeychainNotice(this))
    , m_sandbox(new SandboxLauncher(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    resize(1280, 800);

    m_tabs->setObjectName(QStringLiteral("connectionTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_keychainNotice);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_logDock = new RequestLogDock(m_log, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logDock->hide();

    m_stateLabel = new QLabel(this);
    m_identityLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    m_bytesLabel = new QLabel(this);
    m_latencyLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("statusState"));
    m_countLabel->setObjectName(QStringLiteral("statusCount"));
    m_bytesLabel->setObjectName(QStringLiteral("statusBytes"));
    m_latencyLabel->setObjectName(QStringLiteral("statusLatency"));
    statusBar()->addPermanentWidget(m_identityLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_bytesLabel);
    statusBar()->addPermanentWidget(m_latencyLabel);
    statusBar()->addPermanentWidget(m_stateLabel);

    createActions();
    createMenus();
    m_palette->setActionProvider([this] { return allActions(); });

    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *view = m_tabs->widget(index);
        m_tabs->removeTab(index);
        view->deleteLater();
    });
    connect(m_keychainNotice, &KeychainNotice::policyChosen, this, &MainWindow::onKeychainPolicyChosen);
    connect(m_sandbox, &SandboxLauncher::started, this, [this] {
        const ConnectionProfile profile = sandboxProfile();
        if (m_settings) {
            m_settings->saveProfile(profile);
        }
        if (m_tokens) {
            m_tokens->setSessionToken(profile.id, m_sandbox->adminToken());
        }
        const auto pending = m_pendingSandboxTabs;
        m_pendingSandboxTabs.clear();
        for (const auto &[query, live] : pending) {
            ConnectionView *view = openConnection(profile, m_sandbox->adminToken());
            view->setLive(live);
            if (!query.isEmpty()) {
                view->setQueryText(query);
            } else {
                // A newcomer's first look: the demo data, live, without having to know a query yet.
                view->run();
            }
        }
        statusBar()->showMessage(tr("Demo sandbox running at %1").arg(m_sandbox->url()), 5000);
    });
    connect(m_sandbox, &SandboxLauncher::failed, this, [this](const QString &reason) {
        m_pendingSandboxTabs.clear();
        statusBar()->showMessage(tr("The demo sandbox could not start: %1").arg(reason));
    });

    registerPanels(*this);
    if (m_settings) {
        restoreGeometry(m_settings->windowGeometry());
        restoreState(m_settings->windowState());
    }
    updateStatus();
    updateWindowTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newConnectionAction = windowAction(this, tr("New Connection…"), QStringLiteral("connect"), QKeySequence::New);
    m_sandboxAction
        = windowAction(this, tr("Open Demo Sandbox"), QStringLiteral("add"), QKeySequence(tr("Ctrl+Shift+N")));
    m_closeTabAction = windowAction(this, tr("Close Tab"), QStringLiteral("close"), QKeySequence(tr("Ctrl+W")));
    m_quitAction = windowAction(this, tr("Quit"), QString(), QKeySequence(tr("Ctrl+Q")));
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_paletteAction
        = windowAction(this, tr("Command Palette…"), QStringLiteral("palette"), QKeySequence(tr("Ctrl+Shift+P")));
    m_logAction = m_logDock->toggleViewAction();
    m_logAction->setIcon(Theme::icon(QStringLiteral("log")));
    m_logAction->setText(tr("Request Log"));
    m_logAction->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    addAction(m_logAction);
    m_nextTabAction = windowAction(this, tr("Next Tab"), QString(), QKeySequence(tr("Ctrl+PgDown")));
    m_previousTabAction = windowAction(this, tr("Previous Tab"), QString(), QKeySequence(tr("Ctrl+PgUp")));
    m_aboutAction = windowAction(this, tr("About Instant Console"), QStringLiteral("app"), QKeySequence(tr("Ctrl+F1")));
    m_aboutAction->setMenuRole(QAction::AboutRole);

    m_schemeGroup = new QActionGroup(this);
    const QStringList names {tr("Follow System Colors"), tr("Light Colors"), tr("Dark Colors")};
    const QStringList keys {tr("Ctrl+Alt+0"), tr("Ctrl+Alt+1"), tr("Ctrl+Alt+2")};
    for (int i = 0; i < names.size(); ++i) {
        QAction *action = windowAction(this, names.at(i), QStringLiteral("theme"), QKeySequence(keys.at(i)));
        action->setCheckable(true);
        m_schemeGroup->addAction(action);
        m_schemeActions.append(action);
        connect(action, &QAction::triggered, this, [this, i] { applyColorScheme(i); });
    }
    const int scheme = m_settings ? int(m_settings->colorScheme()) : 0;
    m_schemeActions.at(scheme)->setChecked(true);

    connect(m_newConnectionAction, &QAction::triggered, this, &MainWindow::newConnection);
    connect(m_sandboxAction, &QAction::triggered, this, &MainWindow::openSandbox);
    connect(m_closeTabAction, &QAction::triggered, this, &MainWindow::closeCurrentTab);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_paletteAction, &QAction::triggered, this, &MainWindow::showCommandPalette);
    connect(m_nextTabAction, &QAction::triggered, this, [this] {
        if (m_tabs->count() > 0) {
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
        }
    });
    connect(m_previousTabAction, &QAction::triggered, this, [this] {
        if (m_tabs->count() > 0) {
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
        }
    });
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Instant Console"),
            tr("<b>Instant Console %1</b><br>A desktop admin console for InstantDB apps.")
                .arg(QStringLiteral(INSTANT_VERSION)),
            QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::addLanguageMenu(QMenu *parent)
{
    // Translators are installed once at start-up; switching them live would leave every widget built
    // so far in the old language, so the choice applies from the next start.
    QMenu *menu = parent->addMenu(tr("Language"));
    auto *group = new QActionGroup(menu);
    QList<TranslationLoader::Language> choices {{QString(), tr("System Default")}};
    choices.append(TranslationLoader::availableLanguages());
    const QString current = m_settings ? m_settings->language() : QString();
    for (const TranslationLoader::Language &choice : choices) {
        QAction *action = menu->addAction(choice.nativeName);
        action->setCheckable(true);
        action->setChecked(choice.code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = choice.code] {
            if (m_settings) {
                m_settings->setLanguage(code);
            }
            statusBar()->showMessage(tr("The new language applies when Instant Console starts again."), 8000);
        });
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newConnectionAction);
    file->addAction(m_sandboxAction);
    file->addSeparator();
    file->addAction(m_closeTabAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    m_queryMenu = menuBar()->addMenu(tr("&Query"));
    connect(m_queryMenu, &QMenu::aboutToShow, this, [this] {
        m_queryMenu->clear();
        ConnectionView *view = currentView();
        if (!view) {
            m_queryMenu->addAction(tr("No connection open"))->setEnabled(false);
            return;
        }
        m_queryMenu->addActions(view->tabActions());
    });

    m_panelsMenu = menuBar()->addMenu(tr("&Panels"));

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_paletteAction);
    viewMenu->addAction(m_logAction);
    viewMenu->addSeparator();
    viewMenu->addActions(m_schemeActions);
    viewMenu->addSeparator();
    addLanguageMenu(viewMenu);
    viewMenu->addSeparator();
    viewMenu->addAction(m_nextTabAction);
    viewMenu->addAction(m_previousTabAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setIconSize(QSize(18, 18));
    toolbar->setMovable(false);
    toolbar->addAction(m_newConnectionAction);
    toolbar->addAction(m_sandboxAction);
    toolbar->addSeparator();
    toolbar->addAction(m_logAction);
    toolbar->addAction(m_paletteAction);
}

void MainWindow::addPanel(const PanelFactory &factory)
{
    m_panels.append(factory);
    if (factory.createWithTab) {
        for (ConnectionView *view : views()) {
            view->createPanel(factory);
        }
    }
    auto *action = new QAction(factory.icon, factory.title, this);
    action->setShortcut(factory.shortcut);
    action->setObjectName(factory.id + QStringLiteral("PanelAction"));
    addAction(action);
    m_panelActions.append(action);
    m_panelsMenu->addAction(action);
    const QString id = factory.id;
    connect(action, &QAction::triggered, this, [this, id] {
        if (!openPanel(id)) {
            statusBar()->showMessage(tr("Open a connection first"), 3000);
        }
    });
}

QWidget *MainWindow::openPanel(const QString &id)
{
    ConnectionView *view = currentView();
    if (!view) {
        return nullptr;
    }
    for (const PanelFactory &factory : std::as_const(m_panels)) {
        if (factory.id == id) {
            return view->openPanel(factory);
        }
    }
    return nullptr;
}

QList<QAction *> MainWindow::allActions() const
{
    QList<QAction *> result {m_newConnectionAction, m_sandboxAction, m_closeTabAction, m_quitAction, m_paletteAction,
        m_logAction, m_nextTabAction, m_previousTabAction, m_aboutAction};
    result.append(m_schemeActions);
    result.append(m_panelActions);
    result.append(m_logDock->dockActions());
    if (ConnectionView *view = currentView()) {
        result.append(view->tabActions());
    }
    return result;
}

ConnectionView *MainWindow::currentView() const
{
    return qobject_cast<ConnectionView *>(m_tabs->currentWidget());
}

QList<ConnectionView *> MainWindow::views() const
{
    QList<ConnectionView *> result;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *view = qobject_cast<ConnectionView *>(m_tabs->widget(i))) {
            result.append(view);
        }
    }
    return result;
}

ConnectionView *MainWindow::openConnection(const ConnectionProfile &profile, const QString &token)
{
    instant::Connection connection(profile.serverUrl, profile.appId, token);
    if (!profile.caCertificatePath.isEmpty()) {
        const auto added = connection.addExtraCaCertificatesFromPem(profile.caCertificatePath);
        if (!added) {
            statusBar()->showMessage(added.error().userMessage(), 8000);
        }
    }
    auto *session = new ConnectionSession(profile, connection, m_log);
    auto *view = new ConnectionView(session, m_settings, m_tabs);
    const int index = m_tabs->addTab(view, stateIcon(session->state()), profile.displayName());
    m_tabs->setCurrentIndex(index);

    connect(view, &ConnectionView::statusChanged, this, [this, view] {
        if (view == currentView()) {
            updateStatus();
        }
    });
    connect(view, &ConnectionView::titleChanged, this, [this, view] {
        updateTabTitle(view);
        if (view == currentView()) {
            updateWindowTitle();
            updateStatus();
        }
    });
    connect(view, &ConnectionView::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(session, &ConnectionSession::stateChanged, this, [this, view] { updateTabTitle(view); });
    connect(session, &ConnectionSession::panelRequested, view, [this, view](const QString &id) {
        for (const PanelFactory &factory : std::as_const(m_panels)) {
            if (factory.id == id) {
                view->openPanel(factory);
            }
        }
    });
    for (const PanelFactory &factory : std::as_const(m_panels)) {
        if (factory.createWithTab) {
            view->createPanel(factory);
        }
    }
    view->editor()->setFocus();
    Q_EMIT connectionOpened(view);
    return view;
}

void MainWindow::updateTabTitle(ConnectionView *view)
{
    const int index = m_tabs->indexOf(view);
    if (index < 0) {
        return;
    }
    ConnectionSession *session = view->session();
    QString title = session->profile().name.isEmpty() ? session->profile().displayName() : session->profile().name;
    if (!session->identity().isAdmin()) {
        title = tr("%1 — as %2").arg(title, session->identity().displayName());
    }
    m_tabs->setTabText(index, title);
    m_tabs->setTabIcon(index, stateIcon(session->state()));
    QString tip = tr("%1\n%2\nState: %3")
                      .arg(session->profile().serverUrl.toString(), session->profile().appId,
                          ConnectionSession::stateText(session->state()));
    if (!session->lastError().isEmpty()) {
        tip += QLatin1Char('\n') + session->lastError();
    }
    m_tabs->setTabToolTip(index, tip);
}

void MainWindow::updateWindowTitle()
{
    ConnectionView *view = currentView();
    if (!view) {
        setWindowTitle(tr("Instant Console"));
        return;
    }
    const instant::Identity identity = view->session()->identity();
    if (identity.isAdmin()) {
        setWindowTitle(tr("%1 — Instant Console").arg(view->session()->profile().displayName()));
    } else {
        const QString connectionName = view->session()->profile().displayName();
        setWindowTitle(tr("%1 — as %2 — Instant Console").arg(connectionName, identity.displayName()));
    }
}

void MainWindow::onCurrentTabChanged()
{
    updateStatus();
    updateWindowTitle();
}

void MainWindow::updateStatus()
{
    ConnectionView *view = currentView();
    if (!view) {
        m_stateLabel->setText(tr("No connection"));
        m_identityLabel->clear();
        m_countLabel->clear();
        m_bytesLabel->clear();
        m_latencyLabel->clear();
        return;
    }
    ConnectionSession *session = view->session();
    // The stream state says more while the connection is fine; otherwise the connection state leads.
    if (session->state() == ConnectionSession::State::Live) {
        m_stateLabel->setText(view->streamStateText());
    } else {
        m_stateLabel->setText(
            tr("%1 · %2").arg(ConnectionSession::stateText(session->state()), view->streamStateText()));
    }
    m_identityLabel->setText(session->identity().isAdmin() ? tr("Admin") : session->identity().displayName());
    m_countLabel->setText(tr("%n entities", nullptr, int(view->entityCount())));
    m_bytesLabel->setText(QLocale().formattedDataSize(view->resultBytes(), 1, QLocale::DataSizeTraditionalFormat));
    m_latencyLabel->setText(view->latencyMs() >= 0 ? tr("%1 ms").arg(view->latencyMs()) : QString());
}

void MainWindow::closeCurrentTab()
{
    const int index = m_tabs->currentIndex();
    if (index >= 0) {
        Q_EMIT m_tabs->tabCloseRequested(index);
    }
}

void MainWindow::showCommandPalette()
{
    m_palette->popup();
}

void MainWindow::newConnection()
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionProfile profile = dialog->profile();
        const QString token = dialog->token();
        saveProfile(profile, token);
        openConnection(profile, token);
    });
    dialog->open();
}

void MainWindow::saveProfile(const ConnectionProfile &profile, const QString &token)
{
    if (m_settings) {
        m_settings->saveProfile(profile);
    }
    if (!m_tokens || token.isEmpty()) {
        return;
    }
    switch (profile.tokenPolicy) {
    case ConnectionProfile::TokenPolicy::SessionOnly:
        m_tokens->setSessionToken(profile.id, token);
        return;
    case ConnectionProfile::TokenPolicy::AskEveryTime:
        return;
    case ConnectionProfile::TokenPolicy::Keychain:
        break;
    }
    // Until the keychain confirms, this session keeps the token so the tab can work.
    m_tokens->setSessionToken(profile.id, token);
    const QString id = profile.id;
    const QString name = profile.displayName();
    m_tokens->writeToken(id, token, this, [this, id, name](const KeychainResult &result) {
        if (result) {
            qCInfo(lcUi) << "admin token stored in the keychain for profile" << id;
            m_tokens->forgetSessionToken(id);
            return;
        }
        m_keychainNotice->showFailure(id, name, result.error().userMessage());
    });
}

void MainWindow::onKeychainPolicyChosen(const QString &profileId, ConnectionProfile::TokenPolicy policy)
{
    if (!m_settings) {
        return;
    }
    std::optional<ConnectionProfile> profile = m_settings->profile(profileId);
    if (!profile) {
        return;
    }
    profile->tokenPolicy = policy;
    m_settings->saveProfile(*profile);
    if (policy == ConnectionProfile::TokenPolicy::AskEveryTime && m_tokens) {
        m_tokens->forgetSessionToken(profileId);
    }
    statusBar()->showMessage(policy == ConnectionProfile::TokenPolicy::AskEveryTime
            ? tr("The console will ask for this token every time")
            : tr("The token is kept in memory until the console quits"),
        5000);
}

void MainWindow::connectProfile(const ConnectionProfile &profile, const QString &query, bool live)
{
    if (profile.isSandbox) {
        m_pendingSandboxTabs.append({query, live});
        if (m_sandbox->isRunning()) {
            Q_EMIT m_sandbox->started(m_sandbox->url(), m_sandbox->appId());
        } else {
            m_sandbox->start();
        }
        return;
    }
    const auto open = [this, query, live](const ConnectionProfile &p, const QString &token) {
        ConnectionView *view = openConnection(p, token);
        if (!query.isEmpty()) {
            view->setQueryText(query);
        }
        view->setLive(live);
    };
    if (m_tokens && m_tokens->hasSessionToken(profile.id)) {
        open(profile, m_tokens->sessionToken(profile.id));
        return;
    }
    if (!m_tokens || profile.tokenPolicy != ConnectionProfile::TokenPolicy::Keychain) {
        promptForToken(profile, QString(), query, live);
        return;
    }
    m_tokens->readToken(profile.id, this, [this, profile, query, live, open](const TokenResult &result) {
        if (result) {
            open(profile, *result);
            return;
        }
        if (result.error().kind != KeychainError::Kind::NotFound) {
            m_keychainNotice->showFailure(profile.id, profile.displayName(), result.error().userMessage());
        }
        promptForToken(profile, result.error().userMessage(), query, live);
    });
}

void MainWindow::promptForToken(
    const ConnectionProfile &profile, const QString &reason, const QString &query, bool live)
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Admin Token"));
    QString label = tr("Admin token for %1:").arg(profile.displayName());
    if (!reason.isEmpty()) {
        label = reason + QStringLiteral("\n\n") + label;
    }
    dialog->setLabelText(label);
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, profile, query, live](const QString &value) {
        const QString token = value.trimmed();
        if (profile.tokenPolicy == ConnectionProfile::TokenPolicy::Keychain) {
            saveProfile(profile, token);
        } else if (profile.tokenPolicy == ConnectionProfile::TokenPolicy::SessionOnly && m_tokens) {
            m_tokens->setSessionToken(profile.id, token);
        }
        ConnectionView *view = openConnection(profile, token);
        if (!query.isEmpty()) {
            view->setQueryText(query);
        }
        view->setLive(live);
    });
    dialog->open();
}

ConnectionProfile MainWindow::sandboxProfile() const
{
    ConnectionProfile profile;
    if (m_settings) {
        profile = m_settings->profile(kSandboxProfileId).value_or(ConnectionProfile());
    }
    profile.id = kSandboxProfileId;
    if (profile.name.isEmpty()) {
        profile.name = tr("Demo sandbox");
    }
    profile.isSandbox = true;
    profile.tokenPolicy = ConnectionProfile::TokenPolicy::SessionOnly;
    if (!m_sandbox->url().isEmpty()) {
        profile.serverUrl = QUrl(m_sandbox->url());
        profile.appId = m_sandbox->appId();
    }
    return profile;
}

void MainWindow::openSandbox()
{
    connectProfile(sandboxProfile());
}

void MainWindow::restoreSession()
{
    const QList<Settings::TabState> tabs = m_settings ? m_settings->openTabs() : QList<Settings::TabState>();
    const QList<ConnectionProfile> profiles = m_settings ? m_settings->profiles() : QList<ConnectionProfile>();
    if (profiles.isEmpty()) {
        openSandbox();
        return;
    }
    for (const Settings::TabState &tab : tabs) {
        const std::optional<ConnectionProfile> profile = m_settings->profile(tab.profileId);
        if (profile) {
            connectProfile(*profile, tab.query, tab.live);
        }
    }
    if (tabs.isEmpty()) {
        statusBar()->showMessage(
            tr("Open a connection with %1").arg(m_newConnectionAction->shortcut().toString(QKeySequence::NativeText)));
    }
}

void MainWindow::applyColorScheme(int scheme)
{
    const auto value = Settings::ColorScheme(scheme);
    if (m_settings) {
        m_settings->setColorScheme(value);
    }
    Theme::apply(value);
    for (ConnectionView *view : views()) {
        view->editor()->applyTheme();
    }
}

void MainWindow::saveTabs()
{
    if (!m_settings) {
        return;
    }
    QList<Settings::TabState> tabs;
    for (ConnectionView *view : views()) {
        tabs.append({view->session()->profile().id, view->queryText(), view->isLive()});
    }
    m_settings->setOpenTabs(tabs);
    m_settings->setWindowLayout(saveGeometry(), saveState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveTabs();
    event->accept();
}

} // namespace console
