#include "results/resultsview.h"

#include "editor/jsonchecker.h"
#include "results/resultexport.h"
#include "results/resulttablemodel.h"
#include "results/resulttreemodel.h"
#include "session/connectionsession.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace console {

namespace {

/** Raw JSON above this size is shown compact and cut, so the text view stays usable. */
constexpr qsizetype kRawPrettyLimit = 4 * 1024 * 1024;

QAction *makeAction(QWidget *owner, const QString &text, const QString &icon, const QKeySequence &shortcut)
{
    auto *action = new QAction(Theme::icon(icon), text, owner);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(action);
    return action;
}

} // namespace

ResultsView::ResultsView(ConnectionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_treeModel(new ResultTreeModel(this))
    , m_tableModel(new ResultTableModel(m_treeModel, this))
    , m_tableProxy(new QSortFilterProxyModel(this))
    , m_pages(new QTabBar(this))
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeView(this))
    , m_table(new QTableView(this))
    , m_namespaceBox(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_raw(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("resultsView"));
    if (session) {
        m_treeModel->setLinkResolver(
            [session](const QString &ns, const QString &label) { return session->linkTarget(ns, label); });
    }

    m_tree->setObjectName(QStringLiteral("resultTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(ResultTreeModel::KeyColumn, 320);

    m_tableProxy->setSourceModel(m_tableModel);
    m_tableProxy->setSortRole(ResultTableModel::SortRole);
    m_tableProxy->setFilterKeyColumn(-1);
    m_tableProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(QStringLiteral("resultTable"));
    m_table->setModel(m_tableProxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setDefaultSectionSize(160);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setWordWrap(false);

    m_namespaceBox->setObjectName(QStringLiteral("namespaceBox"));
    m_namespaceBox->setMinimumContentsLength(14);
    m_filter->setPlaceholderText(tr("Filter rows…"));
    m_filter->setClearButtonEnabled(true);
    auto *tablePage = new QWidget(this);
    auto *tableBar = new QHBoxLayout;
    tableBar->setContentsMargins(0, 0, 0, 0);
    tableBar->addWidget(m_namespaceBox);
    tableBar->addWidget(m_filter, 1);
    auto *tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 4, 0, 0);
    tableLayout->addLayout(tableBar);
    tableLayout->addWidget(m_table, 1);

    m_raw->setObjectName(QStringLiteral("rawJson"));
    m_raw->setReadOnly(true);
    m_raw->setFont(Theme::monospaceFont());
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);

    m_stack->addWidget(m_tree);
    m_stack->addWidget(tablePage);
    m_stack->addWidget(m_raw);
    m_pages->addTab(Theme::icon(QStringLiteral("tree")), tr("Tree"));
    m_pages->addTab(Theme::icon(QStringLiteral("table")), tr("Table"));
    m_pages->addTab(Theme::icon(QStringLiteral("raw")), tr("JSON"));
    m_pages->setDrawBase(false);
    m_pages->setExpanding(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_pages);
    layout->addWidget(m_stack, 1);

    m_copyValueAction = makeAction(this, tr("Copy Value"), QStringLiteral("copy"), QKeySequence::Copy);
    m_copyPathAction = makeAction(this, tr("Copy JSON Path"), QStringLiteral("copy"), QKeySequence(tr("Ctrl+Shift+C")));
    m_copyIdAction = makeAction(this, tr("Copy Entity Id"), QStringLiteral("copy"), QKeySequence(tr("Ctrl+Alt+C")));
    m_exportJsonAction
        = makeAction(this, tr("Export Result as JSON…"), QStringLiteral("export"), QKeySequence(tr("Ctrl+Shift+E")));
    m_exportCsvAction
        = makeAction(this, tr("Export Namespace as CSV…"), QStringLiteral("export"), QKeySequence(tr("Ctrl+Alt+E")));
    m_treePageAction = makeAction(this, tr("Show Result as Tree"), QStringLiteral("tree"), QKeySequence(tr("Alt+1")));
    m_tablePageAction
        = makeAction(this, tr("Show Result as Table"), QStringLiteral("table"), QKeySequence(tr("Alt+2")));
    m_rawPageAction = makeAction(this, tr("Show Result as JSON"), QStringLiteral("raw"), QKeySequence(tr("Alt+3")));
    connect(m_copyValueAction, &QAction::triggered, this, &ResultsView::copyValue);
    connect(m_copyPathAction, &QAction::triggered, this, &ResultsView::copyPath);
    connect(m_copyIdAction, &QAction::triggered, this, &ResultsView::copyId);
    connect(m_exportJsonAction, &QAction::triggered, this, &ResultsView::exportJson);
    connect(m_exportCsvAction, &QAction::triggered, this, &ResultsView::exportCsv);
    connect(m_treePageAction, &QAction::triggered, this, [this] { setPage(Page::Tree); });
    connect(m_tablePageAction, &QAction::triggered, this, [this] { setPage(Page::Table); });
    connect(m_rawPageAction, &QAction::triggered, this, [this] { setPage(Page::Raw); });

    connect(m_pages, &QTabBar::currentChanged, this, [this](int index) {
        m_stack->setCurrentIndex(index);
        if (Page(index) == Page::Raw && m_rawStale) {
            refreshRaw();
        }
    });
    connect(m_namespaceBox, &QComboBox::currentTextChanged, this, [this](const QString &name) {
        m_tableModel->setNamespace(name.toUtf8());
        m_table->horizontalHeader()->setResizeContentsPrecision(200);
        m_table->resizeColumnsToContents();
        for (int c = 0; c < m_tableModel->columnCount(); ++c) {
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 360));
        }
    });
    connect(m_filter, &QLineEdit::textChanged, m_tableProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ResultsView::onTreeContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &ResultsView::onTableContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ResultsView::updateSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ResultsView::updateSelection);
    connect(m_treeModel, &ResultTreeModel::resultApplied, this, &ResultsView::onResultApplied);
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, &ResultsView::onNamespacesMaybeChanged);
    connect(m_treeModel, &QAbstractItemModel::rowsInserted, this, &ResultsView::onNamespacesMaybeChanged);
    connect(m_treeModel, &QAbstractItemModel::rowsRemoved, this, &ResultsView::onNamespacesMaybeChanged);
    connect(m_tableModel, &ResultTableModel::editRequested, this,
        [this](const EntityRef &entity, const QString &attribute, const QJsonValue &value) {
            if (m_session) {
                m_session->requestAttributeEdit(entity, attribute, value);
            }
        });
    if (session) {
        m_tableModel->setEditable(session->resultsEditable());
        connect(session, &ConnectionSession::resultsEditableChanged, m_tableModel, &ResultTableModel::setEditable);
        m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    }
}

ResultsView::~ResultsView() = default;

QList<QAction *> ResultsView::viewActions() const
{
    return {m_copyValueAction, m_copyPathAction, m_copyIdAction, m_exportJsonAction, m_exportCsvAction,
        m_treePageAction, m_tablePageAction, m_rawPageAction};
}

void ResultsView::setResult(const ResultSnapshot &result, bool replace)
{
    // Even a first result of 100k entities is indexed on the worker; the model resets when it is ready.
    if (replace) {
        m_treeModel->clear();
    }
    m_treeModel->updateResultAsync(result);
}

void ResultsView::clear()
{
    m_treeModel->clear();
    m_raw->clear();
}

ResultsView::Page ResultsView::page() const
{
    return Page(m_pages->currentIndex());
}

void ResultsView::setPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
}

void ResultsView::onResultApplied()
{
    const ResultSnapshot result = m_treeModel->result();
    if (m_session) {
        m_session->setCurrentResult(result.tree, result.root);
    }
    m_rawStale = true;
    if (page() == Page::Raw) {
        refreshRaw();
    }
    onNamespacesMaybeChanged();
}

void ResultsView::onNamespacesMaybeChanged()
{
    QStringList names;
    for (int i = 0; i < m_treeModel->namespaceCount(); ++i) {
        names.append(QString::fromUtf8(m_treeModel->namespaceName(i)));
    }
    QStringList current;
    for (int i = 0; i < m_namespaceBox->count(); ++i) {
        current.append(m_namespaceBox->itemText(i));
    }
    if (names == current) {
        return;
    }
    const QString selected = m_namespaceBox->currentText();
    const QSignalBlocker blocker(m_namespaceBox);
    m_namespaceBox->clear();
    m_namespaceBox->addItems(names);
    const int keep = names.indexOf(selected);
    m_namespaceBox->setCurrentIndex(keep >= 0 ? keep : (names.isEmpty() ? -1 : 0));
    m_tableModel->setNamespace(m_namespaceBox->currentText().toUtf8());
    m_table->resizeColumnsToContents();
}

void ResultsView::refreshRaw()
{
    m_rawStale = false;
    const ResultSnapshot result = m_treeModel->result();
    const quint64 generation = ++m_rawGeneration;
    if (result.isNull()) {
        m_raw->clear();
        return;
    }
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_rawGeneration) {
            m_raw->setPlainText(watcher->result());
        }
    });
    watcher->setFuture(QtConcurrent::run([result]() -> QString {
        const QByteArray json = result.root.toJson();
        if (json.size() > kRawPrettyLimit) {
            return QString::fromUtf8(json.left(kRawPrettyLimit))
                + QCoreApplication::translate(
                    "console::ResultsView", "\n\n… cut at %1 MB; export the result to see all of it.")
                      .arg(kRawPrettyLimit / (1024 * 1024));
        }
        return formatJsonText(QString::fromUtf8(json));
    }));
}

void ResultsView::updateSelection()
{
    if (!m_session) {
        return;
    }
    QList<EntityRef> refs;
    if (page() == Page::Table) {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        for (const QModelIndex &row : rows) {
            refs.append(m_tableModel->entityRef(m_tableProxy->mapToSource(row).row()));
        }
    } else {
        const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
        for (const QModelIndex &row : rows) {
            const EntityRef ref = m_treeModel->entityRef(row);
            if (ref.isValid() && !refs.contains(ref)) {
                refs.append(ref);
            }
        }
    }
    m_session->setSelectedEntities(refs);
}

void ResultsView::copyValue()
{
    QString text;
    if (page() == Page::Table) {
        const QModelIndex index = m_table->currentIndex();
        if (index.isValid()) {
            const QModelIndex source = m_tableProxy->mapToSource(index);
            const QVariant raw = m_tableModel->data(source, ResultTableModel::SortRole);
            text = raw.typeId() == QMetaType::QString
                ? raw.toString()
                : m_tableModel->data(source, ResultTableModel::JsonRole).toString();
        }
    } else if (page() == Page::Raw) {
        text = m_raw->textCursor().selectedText();
    } else {
        const QModelIndex index = m_tree->currentIndex();
        if (index.isValid()) {
            const instant::JsonNode node = m_treeModel->node(index);
            text = node.isString() ? node.toString() : QString::fromUtf8(node.toJson());
        }
    }
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
        Q_EMIT statusMessage(tr("Value copied"));
    }
}

void ResultsView::copyPath()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid()) {
        return;
    }
    QApplication::clipboard()->setText(m_treeModel->jsonPath(index));
    Q_EMIT statusMessage(tr("JSON path copied"));
}

void ResultsView::copyId()
{
    EntityRef ref;
    if (page() == Page::Table) {
        const QModelIndex index = m_table->currentIndex();
        if (index.isValid()) {
            ref = m_tableModel->entityRef(m_tableProxy->mapToSource(index).row());
        }
    } else {
        ref = m_treeModel->entityRef(m_tree->currentIndex());
    }
    if (ref.isValid()) {
        QApplication::clipboard()->setText(ref.id);
        Q_EMIT statusMessage(tr("Id copied"));
    }
}

void ResultsView::exportJson()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Result"), QStringLiteral("result.json"), tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        startExport(false, path);
    }
}

void ResultsView::exportCsv()
{
    const QString ns = m_namespaceBox->currentText();
    if (ns.isEmpty()) {
        Q_EMIT statusMessage(tr("Nothing to export"));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export %1 as CSV").arg(ns), ns + QStringLiteral(".csv"), tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty()) {
        startExport(true, path);
    }
}

void ResultsView::startExport(bool csv, const QString &path)
{
    const ResultSnapshot result = m_treeModel->result();
    if (result.isNull()) {
        return;
    }
    auto *watcher = new QFutureWatcher<ExportResult>(this);
    connect(watcher, &QFutureWatcher<ExportResult>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const ExportResult written = watcher->result();
        if (written) {
            Q_EMIT statusMessage(tr("Exported %1 (%2 bytes)").arg(path).arg(*written));
        } else {
            Q_EMIT statusMessage(written.error());
        }
    });
    watcher->setFuture(csv ? ResultExport::writeCsv(result, m_namespaceBox->currentText().toUtf8(), path)
                           : ResultExport::writeJson(result, path));
    Q_EMIT statusMessage(tr("Exporting…"));
}

void ResultsView::onTreeContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    QMenu menu(this);
    menu.addAction(m_copyValueAction);
    menu.addAction(m_copyPathAction);
    menu.addAction(m_copyIdAction);
    menu.addSeparator();
    menu.addAction(m_exportJsonAction);
    if (m_session && index.isValid()) {
        m_session->prepareResultContextMenu(&menu, m_treeModel->entityRef(index), m_treeModel->attributeName(index));
    }
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void ResultsView::onTableContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    QMenu menu(this);
    menu.addAction(m_copyValueAction);
    menu.addAction(m_copyIdAction);
    menu.addSeparator();
    menu.addAction(m_exportCsvAction);
    menu.addAction(m_exportJsonAction);
    if (m_session && index.isValid()) {
        const QModelIndex source = m_tableProxy->mapToSource(index);
        m_session->prepareResultContextMenu(
            &menu, m_tableModel->entityRef(source.row()), QString::fromUtf8(m_tableModel->columnKey(source.column())));
    }
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

} // namespace console
