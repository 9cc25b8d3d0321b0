#pragma once

#include <functional>

#include <QFrame>
#include <QList>
#include <QPointer>

class QAction;
class QLineEdit;
class QListWidget;

namespace console {

/**
 * Ctrl+Shift+P: a searchable list of every action of the window with its shortcut. Typing filters by
 * fuzzy match (the typed letters in order), Enter runs the highlighted action.
 */
class CommandPalette final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)
public:
    explicit CommandPalette(QWidget *window);
    ~CommandPalette() override;

    /** Called each time the palette opens, so actions of the current tab are included. */
    void setActionProvider(std::function<QList<QAction *>()> provider);

    void popup();
    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *list() const { return m_list; }
    /** Titles currently listed (for tests). */
    QStringList visibleTitles() const;

    /** Score of text against a fuzzy pattern; negative if it does not match. */
    static int matchScore(const QString &pattern, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refill();
    void triggerCurrent();

    std::function<QList<QAction *>()> m_provider;
    QList<QPointer<QAction>> m_actions;
    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
};

} // namespace console
