#pragma once

#include "results/resultdiff.h"
#include "session/sessiontypes.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTabBar;
class QTreeView;

namespace console {

class ConnectionSession;
class ResultTableModel;
class ResultTreeModel;

/**
 * The result of a query in three views over one model: a tree (namespaces → entities → attributes),
 * a sortable table per namespace, and the raw JSON. Live refreshes are applied as keyed diffs.
 */
class ResultsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsView)
public:
    enum class Page {
        Tree,
        Table,
        Raw,
    };

    explicit ResultsView(ConnectionSession *session, QWidget *parent = nullptr);
    ~ResultsView() override;

    /** Shows result; replace resets the views (new query), otherwise it is diffed in (live refresh). */
    void setResult(const ResultSnapshot &result, bool replace);
    void clear();

    Page page() const;
    void setPage(Page page);

    ResultTreeModel *treeModel() const { return m_treeModel; }
    ResultTableModel *tableModel() const { return m_tableModel; }
    QSortFilterProxyModel *tableProxy() const { return m_tableProxy; }
    QTreeView *treeView() const { return m_tree; }
    QTableView *tableView() const { return m_table; }
    QComboBox *namespaceBox() const { return m_namespaceBox; }
    QPlainTextEdit *rawView() const { return m_raw; }

    /** Actions of this view, for menus, shortcuts and the command palette. */
    QList<QAction *> viewActions() const;

public Q_SLOTS:
    void copyValue();
    void copyPath();
    void copyId();
    void exportJson();
    void exportCsv();

Q_SIGNALS:
    /** A transient message for the status bar. */
    void statusMessage(const QString &text);

private:
    void onResultApplied();
    void onNamespacesMaybeChanged();
    void onTreeContextMenu(const QPoint &pos);
    void onTableContextMenu(const QPoint &pos);
    void updateSelection();
    void refreshRaw();
    void startExport(bool csv, const QString &path);

    QPointer<ConnectionSession> m_session;
    ResultTreeModel *m_treeModel = nullptr;
    ResultTableModel *m_tableModel = nullptr;
    QSortFilterProxyModel *m_tableProxy = nullptr;
    QTabBar *m_pages = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_tree = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_namespaceBox = nullptr;
    QLineEdit *m_filter = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    bool m_rawStale = true;
    quint64 m_rawGeneration = 0;

    QAction *m_copyValueAction = nullptr;
    QAction *m_copyPathAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_treePageAction = nullptr;
    QAction *m_tablePageAction = nullptr;
    QAction *m_rawPageAction = nullptr;
};

} // namespace console
