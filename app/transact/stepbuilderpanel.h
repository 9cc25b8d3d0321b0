#pragma once

#include <QPointer>
#include <QWidget>

#include "apijob.h"
#include "stepsmodel.h"

class QCheckBox;
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTableWidget;
class QTreeWidget;

namespace instant {
class Job;
}

namespace console {

class ConnectionSession;
struct PanelFactory;

/**
 * The transact step builder: a list of InstaML steps edited field by field, a live preview of the exact
 * `steps` JSON, Run (confirming deletes) and, when the tab impersonates someone, a dry run through
 * transact_perms_check. A server error naming a step highlights that step.
 */
class StepBuilderPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepBuilderPanel)

public:
    explicit StepBuilderPanel(ConnectionSession *session, QWidget *parent = nullptr);
    ~StepBuilderPanel() override;

    /** How the main window offers this panel (id \"transact\"). */
    static PanelFactory factory();

    StepsModel *model() const { return m_model; }
    /** The preview text: the steps array, one compact step per line. */
    QString previewText() const;
    /** Replaces the steps with the given array (e.g. from the results' edit stage). */
    bool loadSteps(const QJsonArray &steps);

    /**
     * The index of the step a server error blames, or -1: from hint.in / hint.errors[].in (spec §2.4), else
     * the step whose entity the error names (hint.input or an id quoted in the message).
     */
    static int blamedStep(const instant::Error &error, const QJsonArray &steps);

public Q_SLOTS:
    void addStep();
    void removeCurrentStep();
    void run();
    void dryRun();

Q_SIGNALS:
    /** A transaction was committed; txId is the server's `tx-id`. */
    void transactionCommitted(qint64 txId);

private:
    void buildUi();
    void updateCompleters();
    void onCurrentRowChanged();
    void loadEditor(const TxStep &step);
    TxStep stepFromEditor() const;
    void onEditorChanged();
    void updateEntityFields();
    void addAttributeRow(const TxStep::Attribute &attribute);
    void clearAttributeRows();
    void renumberAttributeRows();
    void updatePreview();
    void updateIdentity();
    void showStepError(const StepError &error);
    void send();
    void onTransactFinished(const instant::JsonResult &result);
    void onDryRunFinished(const instant::JsonResult &result);
    void showServerError(const instant::Error &error);
    void setBusy(instant::Job *job);

    ConnectionSession *m_session;
    StepsModel *m_model;
    bool m_loading = false;

    QTableView *m_list = nullptr;
    QWidget *m_editor = nullptr;
    QComboBox *m_operation = nullptr;
    QLineEdit *m_namespace = nullptr;
    QCompleter *m_namespaceCompleter = nullptr;
    QComboBox *m_entityForm = nullptr;
    QLineEdit *m_entityId = nullptr;
    QPushButton *m_newId = nullptr;
    QLineEdit *m_lookupAttribute = nullptr;
    QComboBox *m_lookupType = nullptr;
    QLineEdit *m_lookupValue = nullptr;
    QCheckBox *m_strict = nullptr;
    QCheckBox *m_raw = nullptr;
    QStackedWidget *m_attributeStack = nullptr;
    QTableWidget *m_attributes = nullptr;
    QCompleter *m_keyCompleter = nullptr;
    QPlainTextEdit *m_rawAttributes = nullptr;
    QLabel *m_stepError = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QCheckBox *m_throwOnMissing = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_error = nullptr;
    QTreeWidget *m_checks = nullptr;
    QPointer<instant::Job> m_job;
};

} // namespace console
