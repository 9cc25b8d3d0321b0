#pragma once

#include <QPointer>
#include <QWidget>

#include "apijob.h"
#include "presencemodel.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTimer;

namespace console {

class ConnectionSession;
struct PanelFactory;

/** Who is in a room: room type and id → the room's sessions, refreshed on a timer the user controls. */
class PresencePanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresencePanel)

public:
    explicit PresencePanel(ConnectionSession *session, QWidget *parent = nullptr);
    ~PresencePanel() override;

    /** How the main window offers this panel (id \"presence\"). */
    static PanelFactory factory();

    PresenceModel *model() const { return m_model; }
    bool isAutoRefreshing() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    /** A refresh finished, successfully or not. */
    void refreshed();

private:
    void onFinished(const instant::JsonResult &result);
    void updateTimer();

    ConnectionSession *m_session;
    PresenceModel *m_model;
    QPointer<instant::ApiJob> m_job;
    QTimer *m_timer;

    QLineEdit *m_roomType = nullptr;
    QLineEdit *m_roomId = nullptr;
    QCheckBox *m_auto = nullptr;
    QSpinBox *m_interval = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace console
