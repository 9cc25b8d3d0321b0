#include "connections/keychainnotice.h"

#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace console {

KeychainNotice::KeychainNotice(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_askButton(new QPushButton(tr("Ask every time"), this))
    , m_sessionButton(new QPushButton(tr("Keep for this session only"), this))
{
    setObjectName(QStringLiteral("keychainNotice"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *closeButton = new QToolButton(this);
    closeButton->setIcon(Theme::icon(QStringLiteral("close")));
    closeButton->setToolTip(tr("Dismiss"));
    closeButton->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_askButton);
    layout->addWidget(m_sessionButton);
    layout->addWidget(closeButton);

    connect(m_askButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT policyChosen(m_profileId, ConnectionProfile::TokenPolicy::AskEveryTime);
    });
    connect(m_sessionButton, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT policyChosen(m_profileId, ConnectionProfile::TokenPolicy::SessionOnly);
    });
    connect(closeButton, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

KeychainNotice::~KeychainNotice() = default;

void KeychainNotice::showFailure(const QString &profileId, const QString &profileName, const QString &reason)
{
    m_profileId = profileId;
    m_label->setText(tr("<b>The admin token of %1 could not be stored in the system keychain.</b> %2 "
                        "How should the console handle this token?")
                         .arg(profileName.toHtmlEscaped(), reason.toHtmlEscaped()));
    Theme::setTone(this, Theme::Tone::WarningBar);
    show();
}

} // namespace console
