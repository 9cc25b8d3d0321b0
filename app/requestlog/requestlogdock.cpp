#include "requestlog/requestlogdock.h"

#include "requestlog/requestlogmodel.h"
#include "theme.h"

#include "requestlog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace console {

RequestLogDock::RequestLogDock(instant::RequestLog *log, QWidget *parent)
    : QDockWidget(tr("Request Log"), parent)
    , m_log(log)
    , m_model(new RequestLogModel(log, this))
    , m_filter(new RequestLogFilter(this))
    , m_view(new QTableView(this))
    , m_filterEdit(new QLineEdit(this))
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
{
    setObjectName(QStringLiteral("requestLogDock"));
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(RequestLogModel::RouteColumn, QHeaderView::Stretch);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_filterEdit->setPlaceholderText(tr("Filter by route, method, status…"));
    m_filterEdit->setClearButtonEnabled(true);

    m_copyCurl = new QAction(Theme::icon(QStringLiteral("copy")), tr("Copy as curl"), this);
    m_copyCurl->setShortcut(QKeySequence(tr("Ctrl+Shift+U")));
    m_copyCurlSecrets = new QAction(tr("Copy as curl with Secrets…"), this);
    m_copyCurlSecrets->setShortcut(QKeySequence(tr("Ctrl+Alt+Shift+U")));
    m_clear = new QAction(Theme::icon(QStringLiteral("close")), tr("Clear Request Log"), this);
    m_clear->setShortcut(QKeySequence(tr("Ctrl+Alt+L")));
    m_view->addAction(m_copyCurl);
    m_view->addAction(m_copyCurlSecrets);
    m_view->addAction(m_clear);

    auto *copyButton = new QToolButton(this);
    copyButton->setDefaultAction(m_copyCurl);
    copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *clearButton = new QToolButton(this);
    clearButton->setDefaultAction(m_clear);

    auto *content = new QWidget(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_errorsOnly);
    bar->addWidget(copyButton);
    bar->addWidget(clearButton);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_errorsOnly, &QCheckBox::toggled, m_filter, &RequestLogFilter::setErrorsOnly);
    connect(m_copyCurl, &QAction::triggered, this, &RequestLogDock::copyCurl);
    connect(m_copyCurlSecrets, &QAction::triggered, this, &RequestLogDock::copyCurlWithSecrets);
    connect(m_clear, &QAction::triggered, this, [this] {
        if (m_log) {
            m_log->clear();
        }
    });
    // Follow new calls unless the user scrolled up to read older ones.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_view->verticalScrollBar()->value() >= m_view->verticalScrollBar()->maximum() - 2) {
            m_view->scrollToBottom();
        }
    });
}

RequestLogDock::~RequestLogDock() = default;

QList<QAction *> RequestLogDock::dockActions() const
{
    return {m_copyCurl, m_copyCurlSecrets, m_clear};
}

QString RequestLogDock::curlForRow(int row, bool includeSecrets) const
{
    if (!m_log || row < 0 || row >= m_filter->rowCount()) {
        return {};
    }
    const quint64 id = m_filter->index(row, 0).data(RequestLogModel::EntryIdRole).toULongLong();
    const std::optional<instant::RequestLogEntry> entry = m_log->find(id);
    if (!entry) {
        return {};
    }
    return m_log->toCurl(*entry, includeSecrets);
}

void RequestLogDock::copyCurl()
{
    const QModelIndex current = m_view->currentIndex();
    const QString command = curlForRow(current.isValid() ? current.row() : m_filter->rowCount() - 1, false);
    if (!command.isEmpty()) {
        QApplication::clipboard()->setText(command);
    }
}

void RequestLogDock::copyCurlWithSecrets()
{
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? current.row() : m_filter->rowCount() - 1;
    if (row < 0) {
        return;
    }
    // The user asked for it explicitly; still make sure it is what they meant.
    const auto answer = QMessageBox::warning(this, tr("Copy with Secrets"),
        tr("The command will contain the admin token or refresh token in plain text. Anyone who sees it "
           "gets full access to the app. Copy it anyway?"),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes) {
        QApplication::clipboard()->setText(curlForRow(row, true));
    }
}

} // namespace console
