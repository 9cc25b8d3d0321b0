#include "session/connectionview.h"

#include "console_debug.h"
#include "editor/errorpanel.h"
#include "editor/queryeditor.h"
#include "impersonation/impersonationbar.h"
#include "results/resultsview.h"
#include "results/resulttreemodel.h"
#include "settings.h"
#include "theme.h"

#include "adminclient.h"
#include "sse/livequery.h"

#include <QAction>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace console {

namespace {

QAction *makeAction(QWidget *owner, const QString &text, const QString &icon, const QKeySequence &shortcut)
{
    auto *action = new QAction(Theme::icon(icon), text, owner);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (!shortcut.isEmpty()) {
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText)));
    }
    owner->addAction(action);
    return action;
}

QString elided(const QString &query)
{
    QString oneLine = query.simplified();
    if (oneLine.size() > 80) {
        oneLine = oneLine.left(80) + QChar(0x2026);
    }
    return oneLine;
}

} // namespace

ConnectionView::ConnectionView(ConnectionSession *session, Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(settings)
    , m_impersonation(new ImpersonationBar(session, this))
    , m_editor(new QueryEditor(this))
    , m_errorPanel(new ErrorPanel(this))
    , m_results(new ResultsView(session, this))
    , m_panelTabs(new QTabWidget(this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, this))
    , m_streamChip(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionView"));
    session->setParent(this);

    m_runAction = makeAction(this, tr("Run Query"), QStringLiteral("run"), QKeySequence(tr("Ctrl+Return")));
    m_stopAction = makeAction(this, tr("Stop Live Query"), QStringLiteral("stop"), QKeySequence(tr("Ctrl+.")));
    m_liveAction = makeAction(this, tr("Live Results"), QStringLiteral("live"), QKeySequence(tr("Ctrl+Shift+L")));
    m_liveAction->setCheckable(true);
    m_liveAction->setChecked(true);
    m_formatAction = makeAction(this, tr("Format Query"), QStringLiteral("format"), QKeySequence(tr("Ctrl+Shift+F")));
    m_completeAction = makeAction(this, tr("Complete"), QStringLiteral("schema"), QKeySequence(tr("Ctrl+Space")));
    m_historyAction = makeAction(this, tr("Query History"), QStringLiteral("history"), QKeySequence(tr("Ctrl+H")));
    m_saveQueryAction = makeAction(this, tr("Save Query As…"), QStringLiteral("save"), QKeySequence::Save);
    m_savedQueriesAction
        = makeAction(this, tr("Saved Queries"), QStringLiteral("save"), QKeySequence(tr("Ctrl+Shift+O")));
    m_refreshSchemaAction = makeAction(this, tr("Refresh Schema"), QStringLiteral("refresh"), QKeySequence(tr("F5")));

    m_historyMenu = new QMenu(this);
    m_savedMenu = new QMenu(this);
    m_historyAction->setMenu(m_historyMenu);
    m_savedQueriesAction->setMenu(m_savedMenu);
    connect(m_historyMenu, &QMenu::aboutToShow, this, &ConnectionView::fillHistoryMenu);
    connect(m_savedMenu, &QMenu::aboutToShow, this, &ConnectionView::fillSavedMenu);

    auto *toolbar = new QToolBar(this);
    toolbar->setIconSize(QSize(18, 18));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_runAction);
    toolbar->addAction(m_liveAction);
    toolbar->addAction(m_stopAction);
    toolbar->addSeparator();
    toolbar->addAction(m_formatAction);
    for (QAction *withMenu : {m_historyAction, m_savedQueriesAction}) {
        toolbar->addAction(withMenu);
        if (auto *button = qobject_cast<QToolButton *>(toolbar->widgetForAction(withMenu))) {
            button->setPopupMode(QToolButton::InstantPopup);
        }
    }
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    m_streamChip->setObjectName(QStringLiteral("streamState"));
    m_streamChip->setMargin(3);
    toolbar->addWidget(m_streamChip);

    auto *editorSplitter = new QSplitter(Qt::Horizontal, this);
    editorSplitter->addWidget(m_editor);
    editorSplitter->addWidget(m_errorPanel);
    editorSplitter->setStretchFactor(0, 3);
    editorSplitter->setStretchFactor(1, 2);
    editorSplitter->setChildrenCollapsible(false);

    auto *queryArea = new QWidget(this);
    auto *queryLayout = new QVBoxLayout(queryArea);
    queryLayout->setContentsMargins(0, 0, 0, 0);
    queryLayout->setSpacing(2);
    queryLayout->addWidget(toolbar);
    queryLayout->addWidget(editorSplitter, 1);

    auto *workSplitter = new QSplitter(Qt::Vertical, this);
    workSplitter->addWidget(queryArea);
    workSplitter->addWidget(m_results);
    workSplitter->setStretchFactor(0, 2);
    workSplitter->setStretchFactor(1, 5);
    workSplitter->setSizes({260, 520});

    m_panelTabs->setObjectName(QStringLiteral("panelTabs"));
    m_panelTabs->setTabsClosable(true);
    m_panelTabs->setDocumentMode(true);
    m_panelTabs->hide();
    m_mainSplitter->addWidget(workSplitter);
    m_mainSplitter->addWidget(m_panelTabs);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);
    layout->addWidget(m_impersonation);
    layout->addWidget(m_mainSplitter, 1);

    connect(m_runAction, &QAction::triggered, this, &ConnectionView::run);
    connect(m_stopAction, &QAction::triggered, this, &ConnectionView::stop);
    connect(m_liveAction, &QAction::toggled, this, &ConnectionView::setLive);
    connect(m_formatAction, &QAction::triggered, this, &ConnectionView::formatQuery);
    connect(m_completeAction, &QAction::triggered, m_editor, &QueryEditor::complete);
    connect(m_saveQueryAction, &QAction::triggered, this, &ConnectionView::saveQueryAs);
    connect(m_historyAction, &QAction::triggered, this,
        [this] { m_historyMenu->popup(mapToGlobal(m_editor->geometry().topLeft())); });
    connect(m_savedQueriesAction, &QAction::triggered, this,
        [this] { m_savedMenu->popup(mapToGlobal(m_editor->geometry().topLeft())); });
    connect(m_refreshSchemaAction, &QAction::triggered, session, &ConnectionSession::refreshSchema);
    connect(m_editor, &QueryEditor::runRequested, this, &ConnectionView::run);
    connect(m_panelTabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        m_panelTabs->widget(index)->hide();
        m_panelTabs->removeTab(index);
        if (m_panelTabs->count() == 0) {
            m_panelTabs->hide();
        }
    });

    connect(session, &ConnectionSession::schemaChanged, this, [this] { m_editor->setSchema(m_session->schema()); });
    connect(session, &ConnectionSession::identityChanged, this, &ConnectionView::onIdentityChanged);
    connect(session, &ConnectionSession::stateChanged, this, [this] {
        updateStreamChip();
        Q_EMIT titleChanged();
        Q_EMIT statusChanged();
    });
    connect(session, &ConnectionSession::statusMessageRequested, this, &ConnectionView::statusMessage);
    connect(m_results, &ResultsView::statusMessage, this, &ConnectionView::statusMessage);
    connect(m_results->treeModel(), &ResultTreeModel::resultApplied, this, [this] {
        m_session->learnFromResult(m_results->treeModel()->result().root);
        Q_EMIT statusChanged();
    });

    m_editor->setText(QStringLiteral("{\n  \"goals\": {\n    \"todos\": {}\n  }\n}\n"));
    updateStreamChip();
    session->refreshSchema();
}

ConnectionView::~ConnectionView()
{
    // The window around this view may be half destroyed already: no signal of the closing stream may
    // reach it.
    if (m_live) {
        m_live->disconnect(this);
        m_live->close();
    }
}

QString ConnectionView::queryText() const
{
    return m_editor->text();
}

void ConnectionView::setQueryText(const QString &text)
{
    m_editor->setText(text);
    m_editor->checkSyntax();
}

void ConnectionView::setLive(bool live)
{
    if (live == m_liveMode) {
        return;
    }
    m_liveMode = live;
    const QSignalBlocker blocker(m_liveAction);
    m_liveAction->setChecked(live);
    if (!live) {
        stop();
    }
    updateStreamChip();
}

bool ConnectionView::isSubscribed() const
{
    return m_live && m_live->state() != instant::LiveQuery::State::Closed
        && m_live->state() != instant::LiveQuery::State::Failed;
}

QList<QAction *> ConnectionView::tabActions() const
{
    QList<QAction *> actions {m_runAction, m_stopAction, m_liveAction, m_formatAction, m_completeAction,
        m_historyAction, m_saveQueryAction, m_savedQueriesAction, m_refreshSchemaAction};
    actions.append(m_results->viewActions());
    return actions;
}

QWidget *ConnectionView::createPanel(const PanelFactory &factory)
{
    QWidget *panel = m_panels.value(factory.id);
    if (!panel) {
        panel = factory.create ? factory.create(m_session, m_panelTabs) : nullptr;
        if (!panel) {
            return nullptr;
        }
        panel->setObjectName(factory.id + QStringLiteral("Panel"));
        // Until it gets a tab of its own, a child of the tab widget would be drawn over the tab bar.
        panel->hide();
        m_panels.insert(factory.id, panel);
    }
    return panel;
}

QWidget *ConnectionView::openPanel(const PanelFactory &factory)
{
    QWidget *panel = createPanel(factory);
    if (!panel) {
        return nullptr;
    }
    int index = m_panelTabs->indexOf(panel);
    if (index < 0) {
        index = m_panelTabs->addTab(panel, factory.icon, factory.title);
    }
    m_panelTabs->show();
    m_panelTabs->setCurrentIndex(index);
    if (m_mainSplitter->sizes().value(1) == 0) {
        m_mainSplitter->setSizes({width() * 3 / 5, width() * 2 / 5});
    }
    panel->setFocus();
    return panel;
}

qsizetype ConnectionView::entityCount() const
{
    return m_results->treeModel()->totalEntities();
}

QString ConnectionView::streamStateText() const
{
    if (!m_liveMode) {
        return tr("One-shot");
    }
    if (!m_live) {
        return m_hasRun ? tr("Stopped") : tr("Not running");
    }
    switch (m_live->state()) {
    case instant::LiveQuery::State::Idle:
    case instant::LiveQuery::State::Connecting:
        return tr("Connecting…");
    case instant::LiveQuery::State::Live:
        return tr("Live");
    case instant::LiveQuery::State::Reconnecting:
        return tr("Reconnecting…");
    case instant::LiveQuery::State::Closed:
        return tr("Stopped");
    case instant::LiveQuery::State::Failed:
        return tr("Failed");
    }
    return {};
}

void ConnectionView::updateStreamChip()
{
    QColor color = palette().color(QPalette::PlaceholderText);
    if (m_live && m_live->state() == instant::LiveQuery::State::Live) {
        color = Theme::successColor();
    } else if (m_live && m_live->state() == instant::LiveQuery::State::Reconnecting) {
        color = QColor(0xe0, 0x8a, 0x1e);
    } else if (m_live && m_live->state() == instant::LiveQuery::State::Failed) {
        color = Theme::errorColor();
    }
    m_streamChip->setText(QStringLiteral("<span style=\"color:%1\">\u25cf</span> %2")
                              .arg(color.name(), streamStateText().toHtmlEscaped()));
    m_stopAction->setEnabled(isSubscribed());
}

void ConnectionView::formatQuery()
{
    if (!m_editor->formatQuery()) {
        Q_EMIT statusMessage(tr("The query is not valid JSON; see the marked position"));
    }
}

void ConnectionView::run()
{
    m_editor->checkSyntax();
    if (const auto error = m_editor->syntaxError()) {
        Q_EMIT statusMessage(tr("Line %1, column %2: %3").arg(error->line).arg(error->column).arg(error->message));
        return;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(m_editor->text().toUtf8());
    if (!doc.isObject()) {
        Q_EMIT statusMessage(tr("A query is a JSON object, such as {\"goals\": {}}"));
        return;
    }
    if (m_settings) {
        m_settings->addToHistory(m_session->profile().id, m_editor->text());
    }
    m_errorPanel->clearError();
    m_hasRun = true;
    m_firstResultOfRun = true;
    ++m_runGeneration;
    m_runClock.start();
    m_latencyMs = -1;

    if (m_liveMode) {
        runLive(doc.object());
    } else {
        stop();
        runOnce(doc.object());
    }
}

void ConnectionView::runLive(const QJsonObject &query)
{
    if (m_live) {
        m_live->close();
        m_live->deleteLater();
    }
    auto *live = new instant::LiveQuery(m_session->client(), query, {}, m_session->identity(), this);
    m_live = live;
    connect(live, &instant::LiveQuery::stateChanged, this, &ConnectionView::onLiveState);
    connect(live, &instant::LiveQuery::initialResult, this,
        [this](const instant::LiveResult &result) { onLiveResult(result, true); });
    connect(live, &instant::LiveQuery::refreshed, this,
        [this](const instant::LiveResult &result) { onLiveResult(result, false); });
    connect(live, &instant::LiveQuery::queryError, this, &ConnectionView::showServerError);
    connect(live, &instant::LiveQuery::failed, this, [this](const instant::Error &error) {
        showServerError(error);
        m_session->setState(ConnectionSession::State::Error, error.userMessage());
    });
    live->open();
    updateStreamChip();
}

void ConnectionView::runOnce(const QJsonObject &query)
{
    const quint64 generation = m_runGeneration;
    instant::QueryJob *job = m_session->client()->query(query, {}, m_session->identity());
    connect(job, &instant::QueryJob::finished, this, [this, job, generation](const instant::TreeResult &result) {
        if (generation != m_runGeneration) {
            return;
        }
        if (!result) {
            showServerError(result.error());
            return;
        }
        m_latencyMs = m_runClock.elapsed();
        m_resultBytes = job->rawBody().size();
        m_session->setState(ConnectionSession::State::Live);
        m_results->setResult(ResultSnapshot::of(*result), true);
        Q_EMIT statusChanged();
    });
}

void ConnectionView::stop()
{
    if (m_live) {
        m_live->close();
        m_live->deleteLater();
        m_live = nullptr;
    }
    updateStreamChip();
}

void ConnectionView::onLiveState()
{
    if (!m_live) {
        return;
    }
    switch (m_live->state()) {
    case instant::LiveQuery::State::Connecting:
        if (m_session->state() != ConnectionSession::State::Live) {
            m_session->setState(ConnectionSession::State::Connecting);
        }
        break;
    case instant::LiveQuery::State::Live:
        m_session->setState(ConnectionSession::State::Live);
        break;
    case instant::LiveQuery::State::Reconnecting:
        m_session->setState(ConnectionSession::State::Reconnecting);
        break;
    case instant::LiveQuery::State::Failed:
    case instant::LiveQuery::State::Idle:
    case instant::LiveQuery::State::Closed:
        break;
    }
    updateStreamChip();
    Q_EMIT statusChanged();
}

void ConnectionView::onLiveResult(const instant::LiveResult &result, bool initial)
{
    if (!result.result.isObject()) {
        return;
    }
    if (m_firstResultOfRun) {
        m_latencyMs = m_runClock.elapsed();
    }
    m_resultBytes = result.tree.byteSize();
    // A new run replaces the view; a reconnect's initial result and refreshes are diffed in.
    const bool replace = initial && m_firstResultOfRun;
    m_firstResultOfRun = false;
    m_results->setResult(ResultSnapshot {result.tree, result.result}, replace);
    Q_EMIT statusChanged();
}

void ConnectionView::showServerError(const instant::Error &error)
{
    qCInfo(lcUi) << "query failed:" << error.detail();
    if (ImpersonationBar::isIdentityError(error)) {
        m_impersonation->showError(error.message.isEmpty() ? error.userMessage() : error.message);
    }
    m_errorPanel->showError(error);
    updateStreamChip();
}

void ConnectionView::onIdentityChanged()
{
    // Everything in the tab runs as the new identity; a running live query is re-opened with it.
    if (isSubscribed() || (m_hasRun && m_liveMode)) {
        run();
    }
    Q_EMIT titleChanged();
}

void ConnectionView::fillHistoryMenu()
{
    m_historyMenu->clear();
    const QStringList history = m_settings ? m_settings->history(m_session->profile().id) : QStringList();
    if (history.isEmpty()) {
        m_historyMenu->addAction(tr("No queries yet"))->setEnabled(false);
        return;
    }
    for (const QString &query : history.mid(0, 25)) {
        QAction *action = m_historyMenu->addAction(elided(query));
        action->setToolTip(query);
        connect(action, &QAction::triggered, this, [this, query] { setQueryText(query); });
    }
}

void ConnectionView::fillSavedMenu()
{
    m_savedMenu->clear();
    m_savedMenu->addAction(m_saveQueryAction);
    m_savedMenu->addSeparator();
    const QMap<QString, QString> saved
        = m_settings ? m_settings->savedQueries(m_session->profile().id) : QMap<QString, QString>();
    if (saved.isEmpty()) {
        m_savedMenu->addAction(tr("No saved queries"))->setEnabled(false);
        return;
    }
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        QAction *action = m_savedMenu->addAction(it.key());
        action->setToolTip(elided(it.value()));
        const QString query = it.value();
        connect(action, &QAction::triggered, this, [this, query] { setQueryText(query); });
    }
}

void ConnectionView::saveQueryAs()
{
    if (!m_settings) {
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Query"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty()) {
        m_settings->saveQuery(m_session->profile().id, name.trimmed(), m_editor->text());
        Q_EMIT statusMessage(tr("Saved “%1”").arg(name.trimmed()));
    }
}

} // namespace console
