#include "editor/errorpanel.h"

#include "theme.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace console {

ErrorPanel::ErrorPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_hint(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("errorPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setReadOnly(true);
    m_hint->setFont(Theme::monospaceFont());
    m_hint->setPlaceholderText(tr("No hint"));

    auto *close = new QToolButton(this);
    close->setIcon(Theme::icon(QStringLiteral("close")));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &ErrorPanel::clearError);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addWidget(m_hint, 1);
    hide();
}

ErrorPanel::~ErrorPanel() = default;

void ErrorPanel::showError(const instant::Error &error)
{
    QString type = error.type;
    if (type.isEmpty()) {
        type = error.httpStatus > 0 ? tr("HTTP %1").arg(error.httpStatus) : instant::Error::kindLabel(error.kind);
    }
    m_title->setText(
        QStringLiteral("<b style=\"color:%1\">%2</b>").arg(Theme::errorColor().name(), type.toHtmlEscaped()));
    m_message->setText(error.message.isEmpty() ? error.userMessage() : error.message);

    const QJsonValue hint = error.redactedHint();
    QString hintText;
    if (hint.isObject()) {
        hintText = QString::fromUtf8(QJsonDocument(hint.toObject()).toJson(QJsonDocument::Indented));
    } else if (hint.isArray()) {
        hintText = QString::fromUtf8(QJsonDocument(hint.toArray()).toJson(QJsonDocument::Indented));
    } else if (!hint.isNull() && !hint.isUndefined()) {
        hintText = hint.toVariant().toString();
    }
    m_hint->setPlainText(hintText);
    m_hint->setVisible(!hintText.isEmpty());
    show();
}

void ErrorPanel::clearError()
{
    m_title->clear();
    m_message->clear();
    m_hint->clear();
    hide();
}

QString ErrorPanel::typeText() const
{
    return m_title->text();
}

QString ErrorPanel::messageText() const
{
    return m_message->text();
}

QString ErrorPanel::hintText() const
{
    return m_hint->toPlainText();
}

} // namespace console
