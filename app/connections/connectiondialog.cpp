#include "connections/connectiondialog.h"

#include "theme.h"

#include "connection.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace console {

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_profile(ConnectionProfile::create())
    , m_name(new QLineEdit(this))
    , m_server(new QLineEdit(this))
    , m_appId(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_certificate(new QLineEdit(this))
    , m_policy(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connection"));
    setObjectName(QStringLiteral("connectionDialog"));
    m_name->setPlaceholderText(tr("My app"));
    m_server->setText(instant::Connection::defaultServerUrl().toString());
    m_appId->setPlaceholderText(tr("00000000-0000-0000-0000-000000000000"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Admin token (kept out of the settings file)"));
    m_certificate->setPlaceholderText(tr("Optional PEM file for a self-hosted server's CA"));
    m_policy->addItem(tr("Store in the system keychain"));
    m_policy->addItem(tr("Ask every time"));
    m_policy->addItem(tr("Keep for this session only"));
    Theme::setTone(m_problem, Theme::Tone::Error);
    m_problem->setWordWrap(true);

    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_certificate, 1);
    certRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Server URL:"), m_server);
    form->addRow(tr("&App id:"), m_appId);
    form->addRow(tr("Admin &token:"), m_token);
    form->addRow(tr("Token storage:"), m_policy);
    form->addRow(tr("CA certificate:"), certRow);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ConnectionDialog::browseCertificate);
    for (QLineEdit *edit : {m_name, m_server, m_appId, m_token}) {
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    }
    validate();
    resize(520, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::setProfile(const ConnectionProfile &profile)
{
    m_profile = profile;
    m_name->setText(profile.name);
    m_server->setText(profile.serverUrl.toString());
    m_appId->setText(profile.appId);
    m_certificate->setText(profile.caCertificatePath);
    m_policy->setCurrentIndex(int(profile.tokenPolicy));
    validate();
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile profile = m_profile;
    profile.name = m_name->text().trimmed();
    profile.serverUrl = QUrl::fromUserInput(m_server->text().trimmed());
    profile.appId = m_appId->text().trimmed();
    profile.caCertificatePath = m_certificate->text().trimmed();
    profile.tokenPolicy = ConnectionProfile::TokenPolicy(m_policy->currentIndex());
    if (profile.name.isEmpty()) {
        profile.name = profile.serverUrl.host();
    }
    return profile;
}

QString ConnectionDialog::token() const
{
    return m_token->text().trimmed();
}

QString ConnectionDialog::validationError() const
{
    const QUrl url = QUrl::fromUserInput(m_server->text().trimmed());
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        return tr("The server URL must be an http or https address.");
    }
    if (QUuid::fromString(m_appId->text().trimmed()).isNull()) {
        return tr("The app id is a UUID (see the Instant dashboard).");
    }
    return {};
}

void ConnectionDialog::validate()
{
    const QString problem = validationError();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void ConnectionDialog::browseCertificate()
{
    auto *dialog
        = new QFileDialog(this, tr("CA Certificate"), QString(), tr("PEM certificates (*.pem *.crt);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_certificate, &QLineEdit::setText);
    dialog->open();
}

} // namespace console
