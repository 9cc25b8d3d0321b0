#pragma once

#include "connections/connectionprofile.h"

#include <QFrame>
#include <QString>

class QLabel;
class QPushButton;

namespace console {

/**
 * A non-modal bar telling the user that the keychain failed for a connection, with the two ways out:
 * ask for the token every time, or keep it in memory for this session only.
 */
class KeychainNotice final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainNotice)
public:
    explicit KeychainNotice(QWidget *parent = nullptr);
    ~KeychainNotice() override;

    /** Shows the notice for profileId with the keychain's reason. */
    void showFailure(const QString &profileId, const QString &profileName, const QString &reason);
    QString profileId() const { return m_profileId; }

    QPushButton *askEveryTimeButton() const { return m_askButton; }
    QPushButton *sessionOnlyButton() const { return m_sessionButton; }

Q_SIGNALS:
    void policyChosen(const QString &profileId, console::ConnectionProfile::TokenPolicy policy);

private:
    QLabel *m_label = nullptr;
    QPushButton *m_askButton = nullptr;
    QPushButton *m_sessionButton = nullptr;
    QString m_profileId;
};

} // namespace console
