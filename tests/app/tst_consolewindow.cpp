#include "editing/editpanel.h"
#include "editor/errorpanel.h"
#include "editor/queryeditor.h"
#include "impersonation/impersonationbar.h"
#include "mainwindow.h"
#include "palette/commandpalette.h"
#include "requestlog/requestlogdock.h"
#include "requestlog/requestlogmodel.h"
#include "results/resultsview.h"
#include "results/resulttablemodel.h"
#include "results/resulttreemodel.h"
#include "session/connectionsession.h"
#include "session/connectionview.h"
#include "settings.h"
#include "theme.h"

#include "adminclient.h"
#include "server/sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>

using namespace console;

namespace {

QModelIndex childWithText(
    const QAbstractItemModel *model, const QModelIndex &parent, const QString &text, int column = 0)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, column, parent);
        if (index.data().toString() == text) {
            return index.siblingAtColumn(0);
        }
    }
    return {};
}

} // namespace

class TestConsoleWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void typedQueryShowsEntities();
    void liveTransactionKeepsTreeState();
    void impersonationChangesUsers();
    void themeSwitchRecoloursTones();
    void malformedQueryIsMarked();
    void serverErrorShowsNextToQuery();
    void completionUsesServerSchema();
    void commandPaletteListsActions();
    void panelsAreHostedPerTab();
    void resultsAreEditableInAFreshTab();
    void requestLogRecordsCalls();
    void tabsAreSavedForRestart();

private:
    ConnectionView *openSandboxTab();

    QTemporaryDir m_dir;
    sandbox::SandboxServer m_server;
    sandbox::SandboxInfo m_info;
    Settings *m_settings = nullptr;
    TokenStore *m_tokens = nullptr;
    MainWindow *m_window = nullptr;
};

void TestConsoleWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Theme::apply(Settings::ColorScheme::Light);
    QVERIFY(m_dir.isValid());
    sandbox::SandboxOptions options;
    options.port = 0;
    options.dataDir = m_dir.filePath(QStringLiteral("sandbox"));
    options.seed = QStringLiteral("demo");
    options.threads = 16;
    const auto started = m_server.start(options);
    QVERIFY2(started, qPrintable(started ? QString() : started.error()));
    m_info = *started;
}

void TestConsoleWindow::cleanupTestCase()
{
    m_server.stop();
}

void TestConsoleWindow::init()
{
    m_settings = new Settings(
        m_dir.filePath(QStringLiteral("console-%1.ini").arg(QLatin1String(QTest::currentTestFunction()))));
    m_tokens = new TokenStore;
    m_window = new MainWindow(m_settings, m_tokens);
    m_window->resize(1200, 800);
    m_window->show();
}

void TestConsoleWindow::cleanup()
{
    delete m_window;
    delete m_tokens;
    delete m_settings;
}

ConnectionView *TestConsoleWindow::openSandboxTab()
{
    ConnectionProfile profile = ConnectionProfile::create();
    profile.name = QStringLiteral("Test sandbox");
    profile.serverUrl = QUrl(m_info.url);
    profile.appId = m_info.appId.toString(QUuid::WithoutBraces);
    return m_window->openConnection(profile, m_info.adminToken.toString(QUuid::WithoutBraces));
}

void TestConsoleWindow::typedQueryShowsEntities()
{
    ConnectionView *view = openSandboxTab();
    QTRY_COMPARE(view->session()->state(), ConnectionSession::State::Live);
    view->setLive(false);

    QueryEditor *editor = view->editor();
    editor->clear();
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("{\"goals\": {}}"));
    QCOMPARE(editor->text(), QStringLiteral("{\"goals\": {}}"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);

    ResultTreeModel *model = view->results()->treeModel();
    QTRY_COMPARE(model->entityCount(0), qsizetype(3));
    QCOMPARE(model->namespaceName(0), QByteArray("goals"));
    QStringList titles;
    for (int row = 0; row < 3; ++row) {
        titles.append(model->entity(0, row).value("title").toString());
    }
    QVERIFY2(titles.contains(QStringLiteral("Get fit")), qPrintable(titles.join(u',')));
    QTRY_VERIFY(m_window->findChild<QLabel *>(QStringLiteral("statusCount"))->text().contains(QLatin1Char('3')));
    QVERIFY(view->latencyMs() >= 0);
    QCOMPARE(m_settings->history(view->session()->profile().id).value(0), QStringLiteral("{\"goals\": {}}"));
}

void TestConsoleWindow::liveTransactionKeepsTreeState()
{
    ConnectionView *view = openSandboxTab();
    QVERIFY(view->isLive());
    view->setQueryText(QStringLiteral("{\"goals\": {\"todos\": {}}}"));
    view->run();

    ResultTreeModel *model = view->results()->treeModel();
    QTRY_COMPARE(model->entityCount(0), qsizetype(3));
    QTRY_VERIFY(view->isSubscribed());
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);

    // Expand a goal and its todos, select the first todo.
    QTreeView *tree = view->results()->treeView();
    const QModelIndex goals = model->namespaceIndex(0);
    QModelIndex goal;
    for (int row = 0; row < model->rowCount(goals); ++row) {
        if (model->entity(0, row).value("title").toString() == QLatin1String("Get fit")) {
            goal = model->index(row, 0, goals);
        }
    }
    QVERIFY(goal.isValid());
    const QString goalId = model->entity(0, goal.row()).value("id").toString();
    const QModelIndex todos = childWithText(model, goal, QStringLiteral("todos"));
    QVERIFY(todos.isValid());
    QVERIFY(model->rowCount(todos) > 0);
    tree->expand(goals);
    tree->expand(goal);
    tree->expand(todos);
    const QPersistentModelIndex firstTodo(model->index(0, 0, todos));
    tree->selectionModel()->setCurrentIndex(firstTodo, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QPersistentModelIndex persistentGoal(goal);

    // A transaction from another client reaches the live tree.
    instant::AdminClient client(instant::Connection(QUrl(m_info.url), m_info.appId.toString(QUuid::WithoutBraces),
        m_info.adminToken.toString(QUuid::WithoutBraces)));
    const QJsonArray steps {QJsonArray {QStringLiteral("update"), QStringLiteral("goals"), goalId,
        QJsonObject {{QStringLiteral("title"), QStringLiteral("Get fit today")}}}};
    instant::ApiJob *job = client.transact(steps);
    QSignalSpy done(job, &instant::ApiJob::finished);
    QTRY_COMPARE(done.count(), 1);
    QVERIFY(done.at(0).at(0).value<instant::JsonResult>().has_value());

    QTRY_COMPARE(model->entity(0, persistentGoal.row()).value("title").toString(), QStringLiteral("Get fit today"));
    QCOMPARE(resets.count(), 0);
    QVERIFY(persistentGoal.isValid());
    QVERIFY(tree->isExpanded(persistentGoal));
    QVERIFY(tree->isExpanded(todos));
    QVERIFY(firstTodo.isValid());
    QVERIFY(tree->selectionModel()->isSelected(firstTodo));
    QCOMPARE(tree->currentIndex(), QModelIndex(firstTodo));
    // The changed cell flashes.
    QVERIFY(model->entityFlash(0, persistentGoal.row(), "title") > 0);
    QCOMPARE(view->streamStateText(), QStringLiteral("Live"));
}

void TestConsoleWindow::impersonationChangesUsers()
{
    ConnectionView *view = openSandboxTab();
    view->setLive(false);
    view->setQueryText(QStringLiteral("{\"$users\": {}}"));
    view->run();
    ResultTreeModel *model = view->results()->treeModel();
    QTRY_VERIFY(model->entityCount(0) >= 2);
    const qsizetype asAdmin = model->entityCount(0);
    ImpersonationBar *bar = view->impersonationBar();
    QVERIFY(!bar->banner()->isVisible());

    bar->modeBox()->setCurrentIndex(ImpersonationBar::EmailMode);
    bar->valueEdit()->setText(QStringLiteral("alyssa@example.com"));
    bar->apply();
    QTRY_COMPARE(view->session()->identity(), instant::Identity::asEmail(QStringLiteral("alyssa@example.com")));
    QVERIFY(bar->banner()->isVisible());
    QVERIFY(m_window->tabs()->tabText(m_window->tabs()->currentIndex()).contains(QStringLiteral("alyssa")));

    view->run();
    QTRY_COMPARE(model->entityCount(0), qsizetype(1));
    QCOMPARE(model->entity(0, 0).value("email").toString(), QStringLiteral("alyssa@example.com"));
    QVERIFY(asAdmin > 1);

    // An unknown user is reported inline and does not change the identity.
    bar->valueEdit()->setText(QStringLiteral("nobody@example.com"));
    bar->apply();
    QTRY_VERIFY(!bar->errorText().isEmpty());
    QCOMPARE(view->session()->identity(), instant::Identity::asEmail(QStringLiteral("alyssa@example.com")));

    // Back to admin: the banner goes away and every user is visible again.
    bar->modeBox()->setCurrentIndex(ImpersonationBar::AdminMode);
    QTRY_VERIFY(view->session()->identity().isAdmin());
    QVERIFY(!bar->banner()->isVisible());
    view->run();
    QTRY_COMPARE(model->entityCount(0), asAdmin);
}

void TestConsoleWindow::themeSwitchRecoloursTones()
{
    // Colours the console puts on top of the palette follow a switch between light and dark.
    ConnectionView *view = openSandboxTab();
    QWidget *banner = view->impersonationBar()->banner();
    QLabel error;
    Theme::setTone(&error, Theme::Tone::Error);
    const QColor lightBanner = Theme::impersonationBackground();
    const QColor lightError = Theme::errorColor();
    QCOMPARE(banner->palette().color(QPalette::Window), lightBanner);
    QCOMPARE(error.palette().color(QPalette::WindowText), lightError);

    Theme::apply(Settings::ColorScheme::Dark);
    QVERIFY(Theme::impersonationBackground() != lightBanner && Theme::errorColor() != lightError);
    QCOMPARE(banner->palette().color(QPalette::Window), Theme::impersonationBackground());
    QCOMPARE(error.palette().color(QPalette::WindowText), Theme::errorColor());
    // Roles the tone leaves alone follow the new palette (Qt hands it down through posted events).
    QTRY_COMPARE(banner->palette().color(QPalette::Base), QApplication::palette().color(QPalette::Base));

    Theme::apply(Settings::ColorScheme::Light);
    QCOMPARE(banner->palette().color(QPalette::Window), lightBanner);
    QCOMPARE(error.palette().color(QPalette::WindowText), lightError);
}

void TestConsoleWindow::malformedQueryIsMarked()
{
    ConnectionView *view = openSandboxTab();
    const int callsBefore = int(m_window->requestLog()->size());
    view->setQueryText(QStringLiteral("{\n  \"goals\": {\n    \"todos\" {}\n  }\n}"));
    view->run();
    const auto error = view->editor()->syntaxError();
    QVERIFY(error);
    QCOMPARE(error->line, 3);
    QCOMPARE(error->column, 13);
    QVERIFY(error->message.contains(QStringLiteral("':'")));
    QVERIFY(view->editor()->hasErrorIndicatorAt(3, 13));
    QVERIFY(!view->editor()->hasErrorIndicatorAt(3, 12));
    QVERIFY(!view->editor()->hasErrorIndicatorAt(1, 1));
    // Nothing was sent except the schema request of the new tab.
    QTest::qWait(0);
    QVERIFY(m_window->requestLog()->size() <= callsBefore + 1);

    view->setQueryText(QStringLiteral("{\n  \"goals\": {\n    \"todos\": {}\n  }\n}"));
    QVERIFY(!view->editor()->syntaxError());
    QVERIFY(!view->editor()->hasErrorIndicatorAt(3, 13));
}

void TestConsoleWindow::serverErrorShowsNextToQuery()
{
    ConnectionView *view = openSandboxTab();
    view->setLive(false);
    view->setQueryText(QStringLiteral("{\"goals\": {\"$\": {\"limit\": -1}}}"));
    view->run();
    QTRY_VERIFY(view->errorPanel()->isVisible());
    QVERIFY2(view->errorPanel()->typeText().contains(QStringLiteral("validation-failed")),
        qPrintable(view->errorPanel()->typeText()));
    QVERIFY(!view->errorPanel()->messageText().isEmpty());

    // Live mode reports the same failure as an error event, still in the panel.
    view->errorPanel()->clearError();
    view->setLive(true);
    view->run();
    QTRY_VERIFY(view->errorPanel()->isVisible());
}

void TestConsoleWindow::completionUsesServerSchema()
{
    ConnectionView *view = openSandboxTab();
    QTRY_VERIFY(view->session()->schema().fromServer);
    QVERIFY(view->session()->namespaces().contains(QStringLiteral("todos")));
    QCOMPARE(view->session()->linkTarget(QStringLiteral("goals"), QStringLiteral("todos")), QStringLiteral("todos"));

    QueryEditor *editor = view->editor();
    editor->setText(QStringLiteral("{\"goals\": {\"to"));
    editor->setCursorPosition(0, editor->text().size());
    QCOMPARE(editor->completionsAtCursor(), QStringList {QStringLiteral("todos")});
    editor->setText(QStringLiteral("{\"todos\": {\"$\": {\"where\": {\"pri"));
    editor->setCursorPosition(0, editor->text().size());
    QCOMPARE(editor->completionsAtCursor(), QStringList {QStringLiteral("priority")});
}

void TestConsoleWindow::commandPaletteListsActions()
{
    openSandboxTab();
    m_window->showCommandPalette();
    CommandPalette *palette = m_window->commandPalette();
    QTRY_VERIFY(palette->isVisible());
    const QStringList titles = palette->visibleTitles();
    for (const QString &expected :
        {QStringLiteral("Run Query"), QStringLiteral("Request Log"), QStringLiteral("Format Query"),
            QStringLiteral("New Connection"), QStringLiteral("Export Result as JSON")}) {
        QVERIFY2(titles.contains(expected), qPrintable(expected));
    }
    // Every listed action has a shortcut.
    for (QAction *action : m_window->allActions()) {
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
    }
    QTest::keyClicks(palette->searchEdit(), QStringLiteral("frmt"));
    QCOMPARE(palette->visibleTitles().value(0), QStringLiteral("Format Query"));
    QTest::keyClick(palette->searchEdit(), Qt::Key_Escape);
    QVERIFY(!palette->isVisible());
}

void TestConsoleWindow::panelsAreHostedPerTab()
{
    int created = 0;
    ConnectionSession *seen = nullptr;
    m_window->addPanel({QStringLiteral("probe"), QStringLiteral("Probe"), QIcon(),
        QKeySequence(QStringLiteral("Ctrl+Alt+9")), [&created, &seen](ConnectionSession *session, QWidget *parent) {
            ++created;
            seen = session;
            return new QLabel(QStringLiteral("probe"), parent);
        }});
    QVERIFY(!m_window->openPanel(QStringLiteral("probe")));
    ConnectionView *first = openSandboxTab();
    QWidget *panel = m_window->openPanel(QStringLiteral("probe"));
    QVERIFY(panel);
    QCOMPARE(seen, first->session());
    QVERIFY(first->panelTabs()->isVisible());
    QCOMPARE(m_window->openPanel(QStringLiteral("probe")), panel);
    QCOMPARE(created, 1);

    ConnectionView *second = openSandboxTab();
    QWidget *other = m_window->openPanel(QStringLiteral("probe"));
    QVERIFY(other != panel);
    QCOMPARE(seen, second->session());
    QCOMPARE(created, 2);
}

void TestConsoleWindow::resultsAreEditableInAFreshTab()
{
    ConnectionView *view = openSandboxTab();
    QTRY_COMPARE(view->session()->state(), ConnectionSession::State::Live);
    view->setLive(false);

    // A goal of this test's own, so that what other tests write does not matter.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    instant::ApiJob *write = view->session()->client()->transact(QJsonArray {QJsonArray {QStringLiteral("update"),
        QStringLiteral("goals"), id, QJsonObject {{QStringLiteral("title"), QStringLiteral("Before")}}}});
    QSignalSpy written(write, &instant::ApiJob::finished);
    QVERIFY(written.wait(10'000));
    const QString query = QStringLiteral("{\"goals\": {\"$\": {\"where\": {\"id\": \"%1\"}}}}").arg(id);
    view->setQueryText(query);
    view->run();
    ResultsView *results = view->results();
    QTRY_COMPARE(results->treeModel()->entityCount(0), qsizetype(1));

    // No panel has been opened in this tab, yet the table takes an edit.
    QCOMPARE(view->panelTabs()->count(), 0);
    results->setPage(ResultsView::Page::Table);
    results->namespaceBox()->setCurrentText(QStringLiteral("goals"));
    QSortFilterProxyModel *table = results->tableProxy();
    QTRY_COMPARE(table->rowCount(), 1);
    int titleColumn = -1;
    for (int column = 0; column < table->columnCount(); ++column) {
        if (table->headerData(column, Qt::Horizontal).toString() == QStringLiteral("title")) {
            titleColumn = column;
        }
    }
    QVERIFY(titleColumn >= 0);
    const QModelIndex cell = table->index(0, titleColumn);
    QVERIFY(table->flags(cell).testFlag(Qt::ItemIsEditable));
    table->setData(cell, QStringLiteral("Edited in the table"), Qt::EditRole);

    // The edit is staged in the tab's edits panel, which comes forward so that Apply is in reach.
    auto *panel = qobject_cast<EditPanel *>(view->panel(QStringLiteral("edits")));
    QVERIFY(panel);
    QCOMPARE(panel->stage()->rowCount(), 1);
    QCOMPARE(view->panelTabs()->currentWidget(), panel);
    QVERIFY(panel->isVisible());
    QSignalSpy committed(panel, &EditPanel::committed);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("apply")), Qt::LeftButton);
    QVERIFY(committed.wait(10'000));

    instant::QueryJob *read = view->session()->client()->query(QJsonDocument::fromJson(query.toUtf8()).object());
    QSignalSpy answered(read, &instant::QueryJob::finished);
    QVERIFY(answered.wait(10'000));
    const auto result = answered.first().first().value<instant::TreeResult>();
    QVERIFY(result.has_value());
    const QJsonArray goals = result->root().value(u"goals").toQJsonValue().toArray();
    QCOMPARE(goals.size(), 1);
    QCOMPARE(goals.first().toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Edited in the table"));
}

void TestConsoleWindow::requestLogRecordsCalls()
{
    ConnectionView *view = openSandboxTab();
    view->setLive(false);
    view->setQueryText(QStringLiteral("{\"tags\": {}}"));
    view->run();
    QTRY_VERIFY(view->results()->treeModel()->entityCount(0) > 0);

    RequestLogDock *dock = m_window->requestLogDock();
    QAbstractItemModelTester tester(dock->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(dock->filter()->rowCount() >= 2);
    dock->filterEdit()->setText(QStringLiteral("/admin/query"));
    QTRY_COMPARE(dock->filter()->rowCount(), 1);
    const QString curl = dock->curlForRow(0, false);
    QVERIFY(curl.contains(QStringLiteral("/admin/query")));
    QVERIFY2(!curl.contains(m_info.adminToken.toString(QUuid::WithoutBraces)), qPrintable(curl));
    QVERIFY(dock->curlForRow(0, true).contains(m_info.adminToken.toString(QUuid::WithoutBraces)));
}

void TestConsoleWindow::tabsAreSavedForRestart()
{
    ConnectionView *view = openSandboxTab();
    m_settings->saveProfile(view->session()->profile());
    view->setQueryText(QStringLiteral("{\"tags\": {}}"));
    view->setLive(false);
    m_window->close();
    const QList<Settings::TabState> tabs = m_settings->openTabs();
    QCOMPARE(tabs.size(), 1);
    QCOMPARE(tabs.at(0).profileId, view->session()->profile().id);
    QCOMPARE(tabs.at(0).query, QStringLiteral("{\"tags\": {}}"));
    QVERIFY(!tabs.at(0).live);

    // A new window reopens it (the token is still in this session's memory).
    m_tokens->setSessionToken(view->session()->profile().id, m_info.adminToken.toString(QUuid::WithoutBraces));
    MainWindow second(m_settings, m_tokens);
    second.restoreSession();
    QTRY_COMPARE(second.views().size(), 1);
    QCOMPARE(second.views().at(0)->queryText(), QStringLiteral("{\"tags\": {}}"));
    QVERIFY(!second.views().at(0)->isLive());
}

QTEST_MAIN(TestConsoleWindow)
#include "tst_consolewindow.moc"
