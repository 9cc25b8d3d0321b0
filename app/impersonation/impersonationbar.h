#pragma once

#include "error.h"
#include "identity.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;

namespace console {

class ConnectionSession;

/**
 * Who the tab acts as: Admin, a user by email, a user by refresh token, or a guest. The identity is
 * checked against the server before it is applied (an unknown user is reported inline), then set on
 * the session, which every query, live query, transaction and storage call of the tab uses. While it
 * is not admin, a coloured banner says so.
 */
class ImpersonationBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImpersonationBar)
public:
    enum Mode {
        AdminMode,
        EmailMode,
        RefreshTokenMode,
        GuestMode,
    };

    explicit ImpersonationBar(ConnectionSession *session, QWidget *parent = nullptr);
    ~ImpersonationBar() override;

    QComboBox *modeBox() const { return m_mode; }
    QLineEdit *valueEdit() const { return m_value; }
    QPushButton *applyButton() const { return m_apply; }
    QFrame *banner() const { return m_banner; }
    /** The inline error text (empty when there is none). */
    QString errorText() const;

    /** Applies what the bar shows (verifying the user first). */
    void apply();
    /** Shows a problem with the identity next to the bar, e.g. a server's "unknown user". */
    void showError(const QString &message);
    /** Whether error is about the impersonated user (so it belongs here rather than under the query). */
    static bool isIdentityError(const instant::Error &error);

private:
    void onModeChanged();
    void onIdentityChanged(const instant::Identity &identity);
    void setIdentity(const instant::Identity &identity);

    QPointer<ConnectionSession> m_session;
    QComboBox *m_mode = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_apply = nullptr;
    QLabel *m_error = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    quint64 m_checkGeneration = 0;
};

} // namespace console
