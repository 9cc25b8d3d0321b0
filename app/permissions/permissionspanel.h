#pragma once

#include <expected>

#include <QPointer>
#include <QWidget>

#include "apijob.h"
#include "checkresultsmodel.h"
#include "identity.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QsciScintilla;

namespace console {

class ConnectionSession;
struct PanelFactory;

/**
 * Permission checks: runs a query (query_perms_check) or a transaction (transact_perms_check) as a chosen
 * user, optionally with a rules override, and lists the server's check results per entity and rule. When
 * the server reports no checks the panel says so instead of presenting the unfiltered outcome as "allowed";
 * against the local sandbox, which knows only the default rules, it says that custom rules go unchecked.
 */
class PermissionsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PermissionsPanel)

public:
    enum class Mode {
        Query,
        Transaction,
    };

    explicit PermissionsPanel(ConnectionSession *session, QWidget *parent = nullptr);
    ~PermissionsPanel() override;

    /** How the main window offers this panel (id \"permissions\"). */
    static PanelFactory factory();

    CheckResultsModel *model() const { return m_model; }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    /** A check finished (results or an error are shown). */
    void checkFinished();

private:
    std::expected<instant::Identity, QString> chosenIdentity() const;
    void useTabIdentity();
    void onModeChanged();
    void onQueryFinished(const instant::TreeResult &result);
    void onTransactFinished(const instant::JsonResult &result);
    void showError(const QString &text);
    void showSummary(const QString &text, const QString &notice);

    ConnectionSession *m_session;
    CheckResultsModel *m_model;
    QPointer<instant::Job> m_job;
    bool m_rulesSent = false;

    QComboBox *m_mode = nullptr;
    QComboBox *m_asKind = nullptr;
    QLineEdit *m_asValue = nullptr;
    QsciScintilla *m_input = nullptr;
    QCheckBox *m_useRules = nullptr;
    QsciScintilla *m_rules = nullptr;
    QCheckBox *m_commit = nullptr;
    QPushButton *m_run = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_error = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_result = nullptr;
};

} // namespace console
