#pragma once

#include "connections/connectionprofile.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace console {

/**
 * Creates or edits a connection profile: name, server URL, app id, optional CA certificate, and the
 * admin token with where to keep it. The token is only handed out through token(); it is never saved
 * with the profile.
 */
class ConnectionDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void setProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const;
    QString token() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *appIdEdit() const { return m_appId; }
    QLineEdit *tokenEdit() const { return m_token; }

    /** A translated reason why the input cannot be used yet, or empty. */
    QString validationError() const;

private:
    void validate();
    void browseCertificate();

    ConnectionProfile m_profile;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_appId = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_certificate = nullptr;
    QComboBox *m_policy = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace console
