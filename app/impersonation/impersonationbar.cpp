#include "impersonation/impersonationbar.h"

#include "session/connectionsession.h"
#include "theme.h"

#include "adminclient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace console {

ImpersonationBar::ImpersonationBar(ConnectionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_mode(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_error(new QLabel(this))
    , m_banner(new QFrame(this))
    , m_bannerText(new QLabel(m_banner))
{
    setObjectName(QStringLiteral("impersonationBar"));
    m_mode->setObjectName(QStringLiteral("identityMode"));
    m_mode->addItem(Theme::icon(QStringLiteral("schema")), tr("Admin"));
    m_mode->addItem(Theme::icon(QStringLiteral("user")), tr("As email"));
    m_mode->addItem(Theme::icon(QStringLiteral("user")), tr("As refresh token"));
    m_mode->addItem(Theme::icon(QStringLiteral("guest")), tr("As guest"));
    m_mode->setToolTip(tr("Who queries, transactions and storage calls of this tab run as"));
    m_value->setObjectName(QStringLiteral("identityValue"));
    m_value->setClearButtonEnabled(true);
    m_apply->setObjectName(QStringLiteral("identityApply"));
    m_error->setObjectName(QStringLiteral("identityError"));
    Theme::setTone(m_error, Theme::Tone::Error);
    m_error->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Run as:"), this);
    row->addWidget(label);
    row->addWidget(m_mode);
    m_value->setMinimumWidth(280);
    row->addWidget(m_value);
    row->addWidget(m_apply);
    row->addWidget(m_error);
    row->addStretch(1);

    m_banner->setObjectName(QStringLiteral("impersonationBanner"));
    m_banner->setAutoFillBackground(true);
    Theme::setTone(m_banner, Theme::Tone::ImpersonationBar);
    QFont bold = m_bannerText->font();
    bold.setBold(true);
    m_bannerText->setFont(bold);
    auto *backToAdmin = new QPushButton(tr("Back to Admin"), m_banner);
    backToAdmin->setFlat(true);
    Theme::setTone(backToAdmin, Theme::Tone::ImpersonationBar);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 4, 6, 4);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(backToAdmin);
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_banner);
    layout->addLayout(row);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &ImpersonationBar::onModeChanged);
    connect(m_apply, &QPushButton::clicked, this, &ImpersonationBar::apply);
    connect(m_value, &QLineEdit::returnPressed, this, &ImpersonationBar::apply);
    connect(m_value, &QLineEdit::textEdited, m_error, &QWidget::hide);
    connect(backToAdmin, &QPushButton::clicked, this, [this] {
        m_mode->setCurrentIndex(AdminMode);
        apply();
    });
    if (session) {
        connect(session, &ConnectionSession::identityChanged, this, &ImpersonationBar::onIdentityChanged);
        onIdentityChanged(session->identity());
    }
    onModeChanged();
}

ImpersonationBar::~ImpersonationBar() = default;

QString ImpersonationBar::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ImpersonationBar::onModeChanged()
{
    const Mode mode = Mode(m_mode->currentIndex());
    m_value->setVisible(mode == EmailMode || mode == RefreshTokenMode);
    m_value->setEchoMode(mode == RefreshTokenMode ? QLineEdit::PasswordEchoOnEdit : QLineEdit::Normal);
    m_value->setPlaceholderText(mode == EmailMode ? tr("user@example.com") : tr("Refresh token (UUID)"));
    m_error->hide();
    // Admin and guest need no value: apply at once.
    if (mode == AdminMode || mode == GuestMode) {
        apply();
    }
}

void ImpersonationBar::apply()
{
    if (!m_session) {
        return;
    }
    m_error->hide();
    const Mode mode = Mode(m_mode->currentIndex());
    const QString value = m_value->text().trimmed();
    const quint64 generation = ++m_checkGeneration;

    if (mode == AdminMode) {
        setIdentity(instant::Identity::admin());
        return;
    }
    if (mode == GuestMode) {
        setIdentity(instant::Identity::asGuest());
        return;
    }
    if (value.isEmpty()) {
        showError(mode == EmailMode ? tr("Enter an email") : tr("Enter a refresh token"));
        return;
    }

    instant::UserSelector selector;
    instant::Identity identity;
    if (mode == EmailMode) {
        if (!value.contains(QLatin1Char('@'))) {
            showError(tr("“%1” is not an email address").arg(value));
            return;
        }
        selector = instant::UserSelector::byEmail(value);
        identity = instant::Identity::asEmail(value);
    } else {
        if (QUuid::fromString(value).isNull()) {
            showError(tr("A refresh token is a UUID"));
            return;
        }
        selector = instant::UserSelector::byRefreshToken(value);
        identity = instant::Identity::asRefreshToken(value);
    }

    // Check that the user exists, so a typo is reported here and not as empty results.
    m_apply->setEnabled(false);
    instant::ApiJob *job = m_session->client()->getUser(selector);
    connect(job, &instant::ApiJob::finished, this, [this, generation, identity](const instant::JsonResult &result) {
        m_apply->setEnabled(true);
        if (generation != m_checkGeneration) {
            return;
        }
        if (!result) {
            showError(result.error().type == QLatin1String("record-not-found") ? tr("No such user")
                                                                               : result.error().userMessage());
            return;
        }
        const QJsonValue user = result->toObject().value(QStringLiteral("user"));
        if (user.isNull() || user.isUndefined()) {
            showError(tr("No such user"));
            return;
        }
        setIdentity(identity);
    });
}

void ImpersonationBar::setIdentity(const instant::Identity &identity)
{
    if (m_session) {
        m_session->setIdentity(identity);
    }
}

void ImpersonationBar::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

bool ImpersonationBar::isIdentityError(const instant::Error &error)
{
    if (error.type != QLatin1String("record-not-found") && error.type != QLatin1String("param-malformed")) {
        return false;
    }
    const QJsonObject hint = error.hint.toObject();
    if (hint.value(QStringLiteral("record-type")).toString() == QLatin1String("app-user")) {
        return true;
    }
    const QJsonValue in = hint.value(QStringLiteral("in"));
    return in.isArray() && in.toArray().first().toString() == QLatin1String("asUser");
}

void ImpersonationBar::onIdentityChanged(const instant::Identity &identity)
{
    // Keep the controls in step when a panel sets the identity (e.g. "Impersonate" in Users).
    const QSignalBlocker blocker(m_mode);
    switch (identity.kind()) {
    case instant::Identity::Kind::Admin:
        m_mode->setCurrentIndex(AdminMode);
        break;
    case instant::Identity::Kind::Email:
        m_mode->setCurrentIndex(EmailMode);
        m_value->setText(identity.value());
        break;
    case instant::Identity::Kind::RefreshToken:
        m_mode->setCurrentIndex(RefreshTokenMode);
        m_value->setText(identity.value());
        break;
    case instant::Identity::Kind::Guest:
        m_mode->setCurrentIndex(GuestMode);
        break;
    }
    m_value->setVisible(
        identity.kind() == instant::Identity::Kind::Email || identity.kind() == instant::Identity::Kind::RefreshToken);

    if (identity.isAdmin()) {
        m_banner->hide();
        return;
    }
    m_bannerText->setText(
        tr("Acting as %1 — permission rules apply to everything in this tab").arg(identity.displayName()));
    m_banner->show();
}

} // namespace console
