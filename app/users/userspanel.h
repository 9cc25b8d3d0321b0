#pragma once

#include <functional>

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include "apijob.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace instant {
struct UserSelector;
}

namespace console {

class ConnectionSession;
struct PanelFactory;

/**
 * Users and sessions: find a `$users` record by email, id or refresh token and act on it (refresh
 * tokens, sign-out, deletion confirmed by typing the email, magic codes, guests). "Impersonate" makes
 * the tab act as that user. These routes always run as admin (spec §1.3), whatever the tab's identity.
 */
class UsersPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPanel)

public:
    enum class FindBy {
        Email,
        Id,
        RefreshToken,
    };

    explicit UsersPanel(ConnectionSession *session, QWidget *parent = nullptr);
    ~UsersPanel() override;

    /** How the main window offers this panel (id \"users\"). */
    static PanelFactory factory();

    /** The record shown now (empty when none). */
    QJsonObject user() const { return m_user; }
    /** The last refresh token minted here (create token, verify code, guest sign-in). */
    QString lastToken() const;

public Q_SLOTS:
    void find();
    void createToken();
    void signOutAll();
    void signOutToken();
    void deleteUser();
    void generateCode();
    void sendCode();
    void verifyCode();
    void signInGuest();
    void impersonate();

Q_SIGNALS:
    /** A call finished and the panel shows its outcome (success or error). */
    void requestFinished();

private:
    void buildUi();
    void showUser(const QJsonObject &user);
    void showToken(const QString &token);
    void showError(const QString &text);
    void showStatus(const QString &text);
    void track(instant::ApiJob *job);
    /** Starts a request about the user on show and reports its outcome; onSuccess gets the answer. */
    void runOnShownUser(const std::function<instant::ApiJob *(const instant::UserSelector &)> &start,
        const std::function<void(const QJsonValue &)> &onSuccess);
    void updateActions();
    std::optional<QString> magicEmail();

    ConnectionSession *m_session;
    QJsonObject m_user;
    QPointer<instant::ApiJob> m_job;

    QComboBox *m_findBy = nullptr;
    QLineEdit *m_findValue = nullptr;
    QTreeWidget *m_record = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_copyToken = nullptr;
    QLineEdit *m_signOutToken = nullptr;
    QLineEdit *m_magicEmail = nullptr;
    QLineEdit *m_magicCode = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QList<QPushButton *> m_userActions;
};

} // namespace console
