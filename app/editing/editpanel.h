#pragma once

#include <optional>
#include <vector>

#include <QPointer>
#include <QWidget>

#include "apijob.h"
#include "editstage.h"
#include "session/sessiontypes.h"

class QLabel;
class QListView;
class QMenu;
class QPlainTextEdit;
class QPushButton;

namespace console {

class ConnectionSession;
struct PanelFactory;

/**
 * Editing from the results. While this panel exists for a tab, result cells are editable and the
 * results' context menu offers edit, add, delete, link and unlink. Every tab creates it up front (hidden),
 * and it asks to be shown when the first edit is staged. Everything is staged in an
 * EditStage until Apply; Undo then sends the inverse transaction computed from the prior values.
 *
 * Hooks used (all on ConnectionSession): attributeEditRequested (in-place edits),
 * resultContextMenuRequested (menu actions), selectedEntities() and currentResult() (prior values).
 */
class EditPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditPanel)

public:
    explicit EditPanel(ConnectionSession *session, QWidget *parent = nullptr);
    ~EditPanel() override;

    /** How the main window offers this panel (id \"edits\"). */
    static PanelFactory factory();

    EditStage *stage() const { return m_stage; }
    bool canUndo() const { return !m_undo.empty(); }

    /** Adds the editing actions for entity/attribute to a results context menu. */
    void populateContextMenu(QMenu *menu, const EntityRef &entity, const QString &attribute);
    /** Stages attribute = value, taking the prior value from the tab's current result. */
    void stageAttributeEdit(const EntityRef &entity, const QString &attribute, const QJsonValue &value);
    /** Asks for confirmation, then stages deletion of the entities (prior records from the result). */
    void deleteEntities(const QList<EntityRef> &entities);
    /** Opens the value editor for one cell. */
    void editValue(const EntityRef &entity, const QString &attribute);
    /** Opens the new-entity dialog for ns. */
    void addEntity(const QString &ns);
    /** Opens the link (or unlink) picker for entity. */
    void pickLinks(const EntityRef &entity, bool unlink);

    /** The entity as the tab's current result shows it (searched at every depth). */
    std::optional<QJsonObject> recordFor(const EntityRef &entity) const;

public Q_SLOTS:
    void apply();
    void undo();
    void discard();

Q_SIGNALS:
    /** Apply or Undo committed; txId is the server's `tx-id`. */
    void committed(qint64 txId);

private:
    struct UndoEntry {
        QJsonArray inverse;
        int editCount = 0;
    };

    void send(const QJsonArray &steps, bool isUndo);
    void onFinished(const instant::JsonResult &result, const QJsonArray &inverse, int editCount, bool isUndo);
    void updateState();
    void showError(const QString &text);

    QPointer<ConnectionSession> m_session;
    EditStage *m_stage;
    std::vector<UndoEntry> m_undo;
    QPointer<instant::ApiJob> m_job;

    QListView *m_list = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_undoButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace console
