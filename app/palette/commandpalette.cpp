#include "palette/commandpalette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace console {

namespace {

constexpr int kShortcutRole = Qt::UserRole + 1;
constexpr int kActionIndexRole = Qt::UserRole + 2;

/** Draws the shortcut right-aligned and dimmed next to the action's title. */
class PaletteDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QString shortcut = index.data(kShortcutRole).toString();
        if (shortcut.isEmpty()) {
            return;
        }
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        QColor color = option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
        painter->setPen(color);
        painter->drawText(option.rect.adjusted(0, 0, -10, 0), Qt::AlignRight | Qt::AlignVCenter, shortcut);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(size.height() + 8);
        return size;
    }
};

QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…"))) {
        text.chop(1);
    }
    return text;
}

} // namespace

CommandPalette::CommandPalette(QWidget *window)
    : QFrame(window, Qt::Popup)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setFrameShape(QFrame::StyledPanel);
    m_search->setPlaceholderText(tr("Type a command…"));
    m_search->installEventFilter(this);
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_search);
    layout->addWidget(m_list);

    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::refill);
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::triggerCurrent);
    connect(m_list, &QListWidget::itemClicked, this, &CommandPalette::triggerCurrent);
}

CommandPalette::~CommandPalette() = default;

void CommandPalette::setActionProvider(std::function<QList<QAction *>()> provider)
{
    m_provider = std::move(provider);
}

int CommandPalette::matchScore(const QString &pattern, const QString &text)
{
    if (pattern.isEmpty()) {
        return 0;
    }
    // Letters must appear in order; consecutive letters and word starts score higher.
    int score = 0;
    qsizetype at = 0;
    qsizetype previous = -2;
    for (const QChar c : pattern) {
        if (c.isSpace()) {
            continue;
        }
        const qsizetype found = text.indexOf(c, at, Qt::CaseInsensitive);
        if (found < 0) {
            return -1;
        }
        score += 1;
        if (found == previous + 1) {
            score += 3;
        }
        if (found == 0 || text.at(found - 1).isSpace()) {
            score += 5;
        }
        previous = found;
        at = found + 1;
    }
    return score * 100 - int(text.size());
}

void CommandPalette::popup()
{
    m_actions.clear();
    if (m_provider) {
        const QList<QAction *> actions = m_provider();
        for (QAction *action : actions) {
            if (action && !action->text().isEmpty() && !action->isSeparator() && !action->menu()) {
                m_actions.append(action);
            }
        }
    }
    m_search->clear();
    refill();

    QWidget *window = parentWidget();
    const int width = std::min(640, window->width() - 40);
    const int height = std::min(420, window->height() - 80);
    resize(width, height);
    move(window->mapToGlobal(QPoint((window->width() - width) / 2, 60)));
    show();
    m_search->setFocus();
}

void CommandPalette::refill()
{
    const QString pattern = m_search->text().trimmed();
    struct Candidate {
        int score;
        int index;
        QString title;
    };
    QList<Candidate> candidates;
    for (int i = 0; i < m_actions.size(); ++i) {
        const QAction *action = m_actions.at(i);
        if (!action || !action->isEnabled()) {
            continue;
        }
        const QString title = plainText(action);
        const int score = matchScore(pattern, title);
        if (score >= 0) {
            candidates.append({score, i, title});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [&pattern](const Candidate &a, const Candidate &b) {
        if (pattern.isEmpty()) {
            return a.title.localeAwareCompare(b.title) < 0;
        }
        return a.score > b.score;
    });

    m_list->clear();
    QStringList seen;
    for (const Candidate &candidate : std::as_const(candidates)) {
        if (seen.contains(candidate.title)) {
            continue;
        }
        seen.append(candidate.title);
        const QAction *action = m_actions.at(candidate.index);
        auto *item = new QListWidgetItem(action->icon(), candidate.title, m_list);
        item->setData(kShortcutRole, action->shortcut().toString(QKeySequence::NativeText));
        item->setData(kActionIndexRole, candidate.index);
        item->setToolTip(action->toolTip());
    }
    m_list->setCurrentRow(m_list->count() > 0 ? 0 : -1);
}

QStringList CommandPalette::visibleTitles() const
{
    QStringList titles;
    for (int i = 0; i < m_list->count(); ++i) {
        titles.append(m_list->item(i)->text());
    }
    return titles;
}

void CommandPalette::triggerCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item) {
        return;
    }
    const QPointer<QAction> action = m_actions.value(item->data(kActionIndexRole).toInt());
    hide();
    if (action) {
        action->trigger();
    }
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
            m_list->setCurrentRow(std::min(m_list->currentRow() + 1, m_list->count() - 1));
            return true;
        case Qt::Key_Up:
            m_list->setCurrentRow(std::max(m_list->currentRow() - 1, 0));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            triggerCurrent();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace console
