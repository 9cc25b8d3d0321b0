#pragma once

#include "error.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;

namespace console {

/**
 * Shows the last server error of a query next to the editor: its type, message and hint (secrets
 * redacted). Not a dialog: it stays until the next run or until dismissed.
 */
class ErrorPanel final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorPanel)
public:
    explicit ErrorPanel(QWidget *parent = nullptr);
    ~ErrorPanel() override;

    void showError(const instant::Error &error);
    void clearError();

    QString typeText() const;
    QString messageText() const;
    QString hintText() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QPlainTextEdit *m_hint = nullptr;
};

} // namespace console
