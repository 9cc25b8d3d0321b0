#include "userspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "adminclient.h"
#include "session/connectionsession.h"
#include "session/panelfactory.h"
#include "theme.h"
#include "transact/stepentity.h"
#include "users_debug.h"

namespace console {

namespace {

bool looksLikeEmail(const QString &text)
{
    const qsizetype at = text.indexOf(u'@');
    return at > 0 && at < text.size() - 1 && !text.contains(u' ');
}

QString displayValue(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    const QByteArray json = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

UsersPanel::UsersPanel(ConnectionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    buildUi();
    updateActions();
}

UsersPanel::~UsersPanel() = default;

PanelFactory UsersPanel::factory()
{
    return {QStringLiteral("users"), tr("Users"), Theme::icon(QStringLiteral("user")), QKeySequence(tr("Ctrl+3")),
        [](ConnectionSession *session, QWidget *parent) -> QWidget * { return new UsersPanel(session, parent); }};
}

void UsersPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *findRow = new QHBoxLayout;
    m_findBy = new QComboBox(this);
    m_findBy->setObjectName(QStringLiteral("findBy"));
    m_findBy->addItem(tr("Email"), static_cast<int>(FindBy::Email));
    m_findBy->addItem(tr("Id"), static_cast<int>(FindBy::Id));
    m_findBy->addItem(tr("Refresh token"), static_cast<int>(FindBy::RefreshToken));
    m_findValue = new QLineEdit(this);
    m_findValue->setObjectName(QStringLiteral("findValue"));
    m_findValue->setPlaceholderText(tr("alice@example.com"));
    auto *findButton = new QPushButton(tr("Find"), this);
    findButton->setObjectName(QStringLiteral("find"));
    findButton->setDefault(true);
    findRow->addWidget(new QLabel(tr("Find user by"), this));
    findRow->addWidget(m_findBy);
    findRow->addWidget(m_findValue, 1);
    findRow->addWidget(findButton);
    layout->addLayout(findRow);
    connect(findButton, &QPushButton::clicked, this, &UsersPanel::find);
    connect(m_findValue, &QLineEdit::returnPressed, this, &UsersPanel::find);

    m_record = new QTreeWidget(this);
    m_record->setObjectName(QStringLiteral("record"));
    m_record->setHeaderLabels({tr("Attribute"), tr("Value")});
    m_record->setRootIsDecorated(false);
    m_record->header()->setStretchLastSection(true);
    layout->addWidget(m_record, 1);

    auto *actions = new QGroupBox(tr("This user"), this);
    auto *actionsLayout = new QVBoxLayout(actions);
    auto *buttons = new QHBoxLayout;
    const auto addAction = [&](const QString &name, const QString &text, void (UsersPanel::*slot)()) {
        auto *button = new QPushButton(text, actions);
        button->setObjectName(name);
        connect(button, &QPushButton::clicked, this, slot);
        buttons->addWidget(button);
        m_userActions.append(button);
        return button;
    };
    addAction(QStringLiteral("impersonate"), tr("Impersonate"), &UsersPanel::impersonate);
    addAction(QStringLiteral("createToken"), tr("Create refresh token"), &UsersPanel::createToken);
    addAction(QStringLiteral("signOutAll"), tr("Sign out all sessions"), &UsersPanel::signOutAll);
    addAction(QStringLiteral("deleteUser"), tr("Delete user…"), &UsersPanel::deleteUser);
    buttons->addStretch();
    actionsLayout->addLayout(buttons);
    layout->addWidget(actions);

    auto *tokens = new QGroupBox(tr("Refresh tokens"), this);
    auto *tokenForm = new QFormLayout(tokens);
    auto *tokenRow = new QHBoxLayout;
    m_token = new QLineEdit(tokens);
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setReadOnly(true);
    m_token->setPlaceholderText(tr("a new token appears here"));
    m_copyToken = new QPushButton(tr("Copy"), tokens);
    m_copyToken->setObjectName(QStringLiteral("copyToken"));
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_copyToken);
    tokenForm->addRow(tr("New token:"), tokenRow);
    auto *signOutRow = new QHBoxLayout;
    m_signOutToken = new QLineEdit(tokens);
    m_signOutToken->setObjectName(QStringLiteral("signOutToken"));
    m_signOutToken->setPlaceholderText(tr("refresh token"));
    auto *signOutButton = new QPushButton(tr("Sign out this token"), tokens);
    signOutButton->setObjectName(QStringLiteral("signOutTokenButton"));
    signOutRow->addWidget(m_signOutToken, 1);
    signOutRow->addWidget(signOutButton);
    tokenForm->addRow(tr("Sign out:"), signOutRow);
    layout->addWidget(tokens);
    connect(m_copyToken, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_token->text());
        showStatus(tr("The refresh token was copied to the clipboard."));
    });
    connect(signOutButton, &QPushButton::clicked, this, &UsersPanel::signOutToken);

    auto *magic = new QGroupBox(tr("Magic codes and guests"), this);
    auto *magicForm = new QFormLayout(magic);
    m_magicEmail = new QLineEdit(magic);
    m_magicEmail->setObjectName(QStringLiteral("magicEmail"));
    m_magicEmail->setPlaceholderText(tr("email"));
    magicForm->addRow(tr("Email:"), m_magicEmail);
    auto *codeRow = new QHBoxLayout;
    m_magicCode = new QLineEdit(magic);
    m_magicCode->setObjectName(QStringLiteral("magicCode"));
    m_magicCode->setPlaceholderText(tr("6-digit code"));
    auto *generate = new QPushButton(tr("Generate"), magic);
    generate->setObjectName(QStringLiteral("generateCode"));
    generate->setToolTip(tr("Creates a code without sending an email."));
    auto *send = new QPushButton(tr("Send"), magic);
    send->setObjectName(QStringLiteral("sendCode"));
    auto *verify = new QPushButton(tr("Verify"), magic);
    verify->setObjectName(QStringLiteral("verifyCode"));
    codeRow->addWidget(m_magicCode, 1);
    codeRow->addWidget(generate);
    codeRow->addWidget(send);
    codeRow->addWidget(verify);
    magicForm->addRow(tr("Code:"), codeRow);
    auto *guest = new QPushButton(tr("Sign in a guest"), magic);
    guest->setObjectName(QStringLiteral("signInGuest"));
    magicForm->addRow(QString(), guest);
    layout->addWidget(magic);
    connect(generate, &QPushButton::clicked, this, &UsersPanel::generateCode);
    connect(send, &QPushButton::clicked, this, &UsersPanel::sendCode);
    connect(verify, &QPushButton::clicked, this, &UsersPanel::verifyCode);
    connect(guest, &QPushButton::clicked, this, &UsersPanel::signInGuest);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    Theme::setTone(m_error, Theme::Tone::Error);
    m_error->setVisible(false);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
}

QString UsersPanel::lastToken() const
{
    return m_token->text();
}

void UsersPanel::updateActions()
{
    const bool hasUser = !m_user.isEmpty();
    for (QPushButton *button : std::as_const(m_userActions)) {
        button->setEnabled(hasUser);
    }
    m_copyToken->setEnabled(!m_token->text().isEmpty());
}

void UsersPanel::showUser(const QJsonObject &user)
{
    m_user = user;
    m_record->clear();
    for (auto it = user.constBegin(); it != user.constEnd(); ++it) {
        // The token of a sign-in is shown in its own field, not in the record.
        if (it.key() == u"refresh_token") {
            continue;
        }
        new QTreeWidgetItem(m_record, {it.key(), displayValue(it.value())});
    }
    if (!user.value(u"email").toString().isEmpty()) {
        m_magicEmail->setText(user.value(u"email").toString());
    }
    updateActions();
}

void UsersPanel::showToken(const QString &token)
{
    m_token->setText(token);
    updateActions();
}

void UsersPanel::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        m_status->clear();
    }
}

void UsersPanel::showStatus(const QString &text)
{
    m_status->setText(text);
    m_error->setVisible(false);
}

void UsersPanel::track(instant::ApiJob *job)
{
    // A newer action replaces an unfinished one; its late answer must not overwrite what follows.
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
    m_job = job;
    showError({});
    m_status->setText(tr("Working…"));
}

void UsersPanel::find()
{
    const QString value = m_findValue->text().trimmed();
    const auto by = static_cast<FindBy>(m_findBy->currentData().toInt());
    instant::UserSelector selector;
    switch (by) {
    case FindBy::Email:
        if (!looksLikeEmail(value)) {
            showError(tr("\"%1\" is not an email address.").arg(value));
            return;
        }
        selector = instant::UserSelector::byEmail(value);
        break;
    case FindBy::Id:
    case FindBy::RefreshToken: {
        const auto uuid = StepEntity::normalizedUuid(value);
        if (!uuid) {
            showError(by == FindBy::Id ? tr("\"%1\" is not a user id (a UUID).").arg(value)
                                       : tr("\"%1\" is not a refresh token (a UUID).").arg(value));
            return;
        }
        selector = by == FindBy::Id ? instant::UserSelector::byId(*uuid) : instant::UserSelector::byRefreshToken(*uuid);
        break;
    }
    }

    auto *job = m_session->client()->getUser(selector);
    track(job);
    connect(job, &instant::ApiJob::finished, this, [this](const instant::JsonResult &result) {
        if (!result) {
            showError(result.error().userMessage());
        } else if (const QJsonValue user = result->toObject().value(u"user"); user.isObject()) {
            showUser(user.toObject());
            showStatus(tr("User found."));
        } else {
            showUser({});
            showError(tr("No user matches."));
        }
        Q_EMIT requestFinished();
    });
}

void UsersPanel::runOnShownUser(const std::function<instant::ApiJob *(const instant::UserSelector &)> &start,
    const std::function<void(const QJsonValue &)> &onSuccess)
{
    if (m_user.isEmpty()) {
        return;
    }
    auto *job = start(instant::UserSelector::byId(m_user.value(u"id").toString()));
    track(job);
    connect(job, &instant::ApiJob::finished, this, [this, onSuccess](const instant::JsonResult &result) {
        if (!result) {
            showError(result.error().userMessage());
        } else {
            onSuccess(*result);
        }
        Q_EMIT requestFinished();
    });
}

void UsersPanel::createToken()
{
    const auto start = [this](const instant::UserSelector &user) { return m_session->client()->refreshTokens(user); };
    runOnShownUser(start, [this](const QJsonValue &result) {
        showToken(result.toObject().value(u"user").toObject().value(u"refresh_token").toString());
        showStatus(tr("A new refresh token was created."));
    });
}

void UsersPanel::signOutAll()
{
    const auto start = [this](const instant::UserSelector &user) { return m_session->client()->signOut(user); };
    runOnShownUser(start, [this](const QJsonValue &) { showStatus(tr("Every session of this user was signed out.")); });
}

void UsersPanel::signOutToken()
{
    const auto token = StepEntity::normalizedUuid(m_signOutToken->text());
    if (!token) {
        showError(tr("\"%1\" is not a refresh token (a UUID).").arg(m_signOutToken->text().trimmed()));
        return;
    }
    auto *job = m_session->client()->signOut(instant::UserSelector::byRefreshToken(*token));
    track(job);
    connect(job, &instant::ApiJob::finished, this, [this](const instant::JsonResult &result) {
        if (!result) {
            showError(result.error().userMessage());
        } else {
            showStatus(tr("The token was signed out."));
        }
        Q_EMIT requestFinished();
    });
}

void UsersPanel::deleteUser()
{
    if (m_user.isEmpty()) {
        return;
    }
    // Guests have no email; they are confirmed by their id instead.
    const QString email = m_user.value(u"email").toString();
    const QString expected = email.isEmpty() ? m_user.value(u"id").toString() : email;
    const QString id = m_user.value(u"id").toString();

    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("confirmDeleteUser"));
    dialog->setWindowTitle(tr("Delete user"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *form = new QVBoxLayout(dialog);
    form->addWidget(new QLabel(email.isEmpty()
            ? tr("This deletes the user and their refresh tokens. Type the user id to confirm:")
            : tr("This deletes the user and their refresh tokens. Type %1 to confirm:").arg(email),
        dialog));
    auto *typed = new QLineEdit(dialog);
    typed->setObjectName(QStringLiteral("confirmText"));
    form->addWidget(typed);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *confirm = buttons->addButton(tr("Delete user"), QDialogButtonBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    confirm->setEnabled(false);
    form->addWidget(buttons);
    connect(typed, &QLineEdit::textChanged, dialog,
        [confirm, expected](const QString &text) { confirm->setEnabled(text.trimmed() == expected); });
    connect(confirm, &QPushButton::clicked, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, id] {
        auto *job = m_session->client()->deleteUser(instant::UserSelector::byId(id));
        track(job);
        connect(job, &instant::ApiJob::finished, this, [this](const instant::JsonResult &result) {
            if (!result) {
                showError(result.error().userMessage());
            } else if (result->toObject().value(u"deleted").isObject()) {
                showUser({});
                showStatus(tr("The user was deleted."));
            } else {
                showError(tr("The user no longer exists."));
            }
            Q_EMIT requestFinished();
        });
    });
    dialog->open();
}

std::optional<QString> UsersPanel::magicEmail()
{
    const QString email = m_magicEmail->text().trimmed();
    if (!looksLikeEmail(email)) {
        showError(tr("\"%1\" is not an email address.").arg(email));
        return std::nullopt;
    }
    return email;
}

void UsersPanel::generateCode()
{
    const auto email = magicEmail();
    if (!email) {
        return;
    }
    auto *job = m_session->client()->magicCode(*email);
    track(job);
    connect(job, &instant::ApiJob::finished, this, [this](const instant::JsonResult &result) {
        if (!result) {
            showError(result.error().userMessage());
        } else {
            m_magicCode->setText(result->toObject().value(u"code").toString());
            showStatus(tr("A magic code was created (no email was sent)."));
        }
        Q_EMIT requestFinished();
    });
}

void UsersPanel::sendCode()
{
    const auto email = magicEmail();
    if (!email) {
        return;
    }
    auto *job = m_session->client()->sendMagicCode(*email);
    track(job);
    connect(job, &instant::ApiJob::finished, this, [this, email = *email](const instant::JsonResult &result) {
        if (!result) {
            showError(result.error().userMessage());
        } else {
            showStatus(tr("A magic code was sent to %1.").arg(email));
        }
        Q_EMIT requestFinished();
    });
}

void UsersPanel::verifyCode()
{
    const auto email = magicEmail();
    if (!email) {
        return;
    }
    const QString code = m_magicCode->text().trimmed();
    if (code.isEmpty()) {
        showError(tr("Enter the code to verify."));
        return;
    }
    auto *job = m_session->client()->verifyMagicCode(*email, code);
    track(job);
    connect(job, &instant::ApiJob::finished, this, [this](const instant::JsonResult &result) {
        if (!result) {
            showError(result.error().userMessage());
        } else {
            const QJsonObject object = result->toObject();
            const QJsonObject user = object.value(u"user").toObject();
            showUser(user);
            showToken(user.value(u"refresh_token").toString());
            showStatus(object.value(u"created").toBool() ? tr("Code accepted; a new user was created.")
                                                         : tr("Code accepted; the user is signed in."));
        }
        Q_EMIT requestFinished();
    });
}

void UsersPanel::signInGuest()
{
    auto *job = m_session->client()->signInGuest();
    track(job);
    connect(job, &instant::ApiJob::finished, this, [this](const instant::JsonResult &result) {
        if (!result) {
            showError(result.error().userMessage());
        } else {
            const QJsonObject user = result->toObject().value(u"user").toObject();
            showUser(user);
            showToken(user.value(u"refresh_token").toString());
            showStatus(tr("A guest user was signed in."));
        }
        Q_EMIT requestFinished();
    });
}

void UsersPanel::impersonate()
{
    if (m_user.isEmpty()) {
        return;
    }
    const QString email = m_user.value(u"email").toString();
    if (!email.isEmpty()) {
        m_session->setIdentity(instant::Identity::asEmail(email));
        showStatus(tr("This tab now acts as %1.").arg(email));
        Q_EMIT requestFinished();
        return;
    }
    // Without an email (guests), only a refresh token names the user: use the one shown or mint one.
    if (!m_token->text().isEmpty()) {
        m_session->setIdentity(instant::Identity::asRefreshToken(m_token->text()));
        showStatus(tr("This tab now acts as this user (by refresh token)."));
        Q_EMIT requestFinished();
        return;
    }
    auto *job = m_session->client()->refreshTokens(instant::UserSelector::byId(m_user.value(u"id").toString()));
    track(job);
    connect(job, &instant::ApiJob::finished, this, [this](const instant::JsonResult &result) {
        if (!result) {
            showError(result.error().userMessage());
        } else {
            const QString token = result->toObject().value(u"user").toObject().value(u"refresh_token").toString();
            showToken(token);
            m_session->setIdentity(instant::Identity::asRefreshToken(token));
            showStatus(tr("This tab now acts as this user (by a new refresh token)."));
        }
        Q_EMIT requestFinished();
    });
}

} // namespace console
