#include "permissionspanel.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "adminclient.h"
#include "permissions_debug.h"
#include "session/connectionsession.h"
#include "session/panelfactory.h"
#include "theme.h"
#include "transact/stepentity.h"

namespace console {

namespace {

enum class AsKind {
    Email,
    RefreshToken,
    Guest,
};

QsciScintilla *makeJsonEditor(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *editor = new QsciScintilla(parent);
    editor->setObjectName(objectName);
    auto *lexer = new QsciLexerJSON(editor);
    lexer->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setLexer(lexer);
    editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    editor->setAutoIndent(true);
    editor->setIndentationsUseTabs(false);
    editor->setIndentationWidth(2);
    editor->setText(text);
    return editor;
}

/** Parses editor text as JSON, with the position of a syntax error as line:column. */
std::expected<QJsonDocument, QString> parseJson(const QString &label, const QString &text)
{
    QJsonParseError error;
    const QByteArray utf8 = text.toUtf8();
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = utf8.left(error.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
        //: %1 names the editor ("Query", "Rules"), %2/%3 line and column, %4 the reason
        return std::unexpected(QCoreApplication::translate("console::PermissionsPanel",
            "%1: invalid JSON at line %2, "
            "column %3: %4")
                                   .arg(label)
                                   .arg(line)
                                   .arg(column)
                                   .arg(error.errorString()));
    }
    return document;
}

} // namespace

PermissionsPanel::PermissionsPanel(ConnectionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new CheckResultsModel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("Query (view rules)"), static_cast<int>(Mode::Query));
    m_mode->addItem(tr("Transaction (create, update, delete rules)"), static_cast<int>(Mode::Transaction));
    form->addRow(tr("&Check:"), m_mode);

    auto *asRow = new QHBoxLayout;
    m_asKind = new QComboBox(this);
    m_asKind->setObjectName(QStringLiteral("asKind"));
    m_asKind->addItem(tr("Email"), static_cast<int>(AsKind::Email));
    m_asKind->addItem(tr("Refresh token"), static_cast<int>(AsKind::RefreshToken));
    m_asKind->addItem(tr("Guest"), static_cast<int>(AsKind::Guest));
    m_asValue = new QLineEdit(this);
    m_asValue->setObjectName(QStringLiteral("asValue"));
    m_asValue->setPlaceholderText(tr("alice@example.com"));
    auto *fromTab = new QPushButton(tr("Use the tab's identity"), this);
    fromTab->setObjectName(QStringLiteral("useTabIdentity"));
    asRow->addWidget(m_asKind);
    asRow->addWidget(m_asValue, 1);
    asRow->addWidget(fromTab);
    form->addRow(tr("&As:"), asRow);
    layout->addLayout(form);

    auto *editors = new QSplitter(Qt::Horizontal, this);
    auto *inputBox = new QWidget(editors);
    auto *inputLayout = new QVBoxLayout(inputBox);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->addWidget(new QLabel(tr("Query or steps (JSON):"), inputBox));
    m_input = makeJsonEditor(QStringLiteral("input"), QStringLiteral("{\n  \"goals\": {}\n}\n"), inputBox);
    inputLayout->addWidget(m_input, 1);
    auto *rulesBox = new QWidget(editors);
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    m_useRules = new QCheckBox(tr("Override the saved rules with:"), rulesBox);
    m_useRules->setObjectName(QStringLiteral("useRules"));
    rulesLayout->addWidget(m_useRules);
    m_rules = makeJsonEditor(QStringLiteral("rules"),
        QStringLiteral("{\n  \"goals\": {\n    \"allow\": {\n      \"view\": \"auth.id != null\"\n    }\n  }\n}\n"),
        rulesBox);
    m_rules->setEnabled(false);
    rulesLayout->addWidget(m_rules, 1);
    layout->addWidget(editors, 1);

    auto *runRow = new QHBoxLayout;
    m_commit = new QCheckBox(tr("Commit when every check passes"), this);
    m_commit->setObjectName(QStringLiteral("commit"));
    m_run = new QPushButton(tr("Run check"), this);
    m_run->setObjectName(QStringLiteral("run"));
    runRow->addStretch();
    runRow->addWidget(m_commit);
    runRow->addWidget(m_run);
    layout->addLayout(runRow);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    Theme::setTone(m_notice, Theme::Tone::Warning);
    m_notice->setVisible(false);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    Theme::setTone(m_error, Theme::Tone::Error);
    m_error->setVisible(false);
    layout->addWidget(m_summary);
    layout->addWidget(m_notice);
    layout->addWidget(m_error);

    auto *results = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(results);
    m_table->setObjectName(QStringLiteral("checks"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_result = new QPlainTextEdit(results);
    m_result->setObjectName(QStringLiteral("queryResult"));
    m_result->setReadOnly(true);
    m_result->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(results, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &PermissionsPanel::onModeChanged);
    connect(m_asKind, &QComboBox::currentIndexChanged, this,
        [this] { m_asValue->setEnabled(static_cast<AsKind>(m_asKind->currentData().toInt()) != AsKind::Guest); });
    connect(fromTab, &QPushButton::clicked, this, &PermissionsPanel::useTabIdentity);
    connect(m_useRules, &QCheckBox::toggled, m_rules, &QWidget::setEnabled);
    connect(m_run, &QPushButton::clicked, this, &PermissionsPanel::run);
    connect(m_session, &ConnectionSession::identityChanged, this, &PermissionsPanel::useTabIdentity);
    useTabIdentity();
    onModeChanged();
}

PermissionsPanel::~PermissionsPanel() = default;

PanelFactory PermissionsPanel::factory()
{
    return {QStringLiteral("permissions"), tr("Permissions"), Theme::icon(QStringLiteral("guest")),
        QKeySequence(tr("Ctrl+6")),
        [](ConnectionSession *session, QWidget *parent) -> QWidget * { return new PermissionsPanel(session, parent); }};
}

void PermissionsPanel::useTabIdentity()
{
    const instant::Identity identity = m_session->identity();
    switch (identity.kind()) {
    case instant::Identity::Kind::Admin:
        // Checks need someone to check; the admin bypasses rules, so keep whatever was chosen.
        return;
    case instant::Identity::Kind::Email:
        m_asKind->setCurrentIndex(m_asKind->findData(static_cast<int>(AsKind::Email)));
        m_asValue->setText(identity.value());
        break;
    case instant::Identity::Kind::RefreshToken:
        m_asKind->setCurrentIndex(m_asKind->findData(static_cast<int>(AsKind::RefreshToken)));
        m_asValue->setText(identity.value());
        break;
    case instant::Identity::Kind::Guest:
        m_asKind->setCurrentIndex(m_asKind->findData(static_cast<int>(AsKind::Guest)));
        m_asValue->clear();
        break;
    }
}

void PermissionsPanel::onModeChanged()
{
    const auto mode = static_cast<Mode>(m_mode->currentData().toInt());
    m_commit->setVisible(mode == Mode::Transaction);
    m_result->setVisible(mode == Mode::Query);
    const QString text = m_input->text().trimmed();
    // Swap the example only while the editor still holds the other mode's example or nothing.
    const bool pristine
        = text.isEmpty() || text == u"{\n  \"goals\": {}\n}" || text.startsWith(u"[\n  [\"update\", \"goals\"");
    if (pristine) {
        m_input->setText(mode == Mode::Query
                ? QStringLiteral("{\n  \"goals\": {}\n}\n")
                : QStringLiteral("[\n  [\"update\", \"goals\", \"%1\", {\"title\": \"Checked\"}]\n]\n")
                      .arg(StepEntity::withNewId().id));
    }
}

std::expected<instant::Identity, QString> PermissionsPanel::chosenIdentity() const
{
    const QString value = m_asValue->text().trimmed();
    switch (static_cast<AsKind>(m_asKind->currentData().toInt())) {
    case AsKind::Email:
        if (!value.contains(u'@') || value.startsWith(u'@') || value.endsWith(u'@')) {
            return std::unexpected(tr("\"%1\" is not an email address.").arg(value));
        }
        return instant::Identity::asEmail(value);
    case AsKind::RefreshToken: {
        const auto token = StepEntity::normalizedUuid(value);
        if (!token) {
            return std::unexpected(tr("\"%1\" is not a refresh token (a UUID).").arg(value));
        }
        return instant::Identity::asRefreshToken(*token);
    }
    case AsKind::Guest:
        return instant::Identity::asGuest();
    }
    return std::unexpected(tr("Choose whom to check as."));
}

void PermissionsPanel::run()
{
    if (m_job) {
        return;
    }
    m_model->setChecks({});
    m_result->clear();
    m_summary->clear();
    m_notice->setVisible(false);
    showError({});

    const auto identity = chosenIdentity();
    if (!identity) {
        showError(identity.error());
        Q_EMIT checkFinished();
        return;
    }
    const auto mode = static_cast<Mode>(m_mode->currentData().toInt());
    const auto input = parseJson(mode == Mode::Query ? tr("Query") : tr("Steps"), m_input->text());
    if (!input) {
        showError(input.error());
        Q_EMIT checkFinished();
        return;
    }
    std::optional<QJsonObject> rules;
    if (m_useRules->isChecked()) {
        const auto parsed = parseJson(tr("Rules"), m_rules->text());
        if (!parsed) {
            showError(parsed.error());
            Q_EMIT checkFinished();
            return;
        }
        if (!parsed->isObject()) {
            showError(tr("Rules: the override must be a JSON object."));
            Q_EMIT checkFinished();
            return;
        }
        rules = parsed->object();
    }
    m_rulesSent = rules.has_value();

    qCInfo(lcPermissions) << "perms check" << (mode == Mode::Query ? "query" : "transact") << "as"
                          << identity->logName();
    if (mode == Mode::Query) {
        if (!input->isObject()) {
            showError(tr("Query: an InstaQL query is a JSON object."));
            Q_EMIT checkFinished();
            return;
        }
        instant::QueryPermsCheckOptions options;
        options.rules = rules;
        auto *job = m_session->client()->queryPermsCheck(input->object(), options, *identity);
        connect(job, &instant::QueryJob::finished, this, &PermissionsPanel::onQueryFinished);
        m_job = job;
    } else {
        if (!input->isArray()) {
            showError(tr("Steps: a transaction is a JSON array of steps."));
            Q_EMIT checkFinished();
            return;
        }
        instant::TransactPermsCheckOptions options;
        options.rules = rules;
        if (m_commit->isChecked()) {
            options.dangerouslyCommit = true;
        }
        auto *job = m_session->client()->transactPermsCheck(input->array(), options, *identity);
        connect(job, &instant::ApiJob::finished, this, &PermissionsPanel::onTransactFinished);
        m_job = job;
    }
    m_run->setEnabled(false);
    m_summary->setText(tr("Checking…"));
}

void PermissionsPanel::onQueryFinished(const instant::TreeResult &result)
{
    m_job = nullptr;
    m_run->setEnabled(true);
    if (!result) {
        showError(result.error().userMessage());
        Q_EMIT checkFinished();
        return;
    }
    const instant::JsonNode root = result->root();
    m_model->setChecks(root.value(u"check-results").toQJsonValue().toArray());
    const instant::JsonNode tree = root.value(u"result");
    m_result->setPlainText(QString::fromUtf8(QJsonDocument::fromJson(tree.toJson()).toJson(QJsonDocument::Indented)));

    qsizetype entities = 0;
    for (qsizetype i = 0; i < tree.size(); ++i) {
        entities += tree.at(i).size();
    }
    QString notice;
    if (m_model->rowCount() == 0) {
        notice = m_session->profile().isSandbox
            ? tr("The local sandbox does not evaluate permission rules: it reports no checks, and the result "
                 "shows every entity unfiltered. Whether these rules allow this user to see them cannot be "
                 "evaluated here.")
            : tr("The server reported no rule checks (%n entity(s) returned). Nothing here says whether a rule "
                 "allowed or denied them.",
                nullptr, static_cast<int>(entities));
        if (m_rulesSent) {
            notice += u' ' + tr("The rules override was sent but had no visible effect.");
        }
    }
    showSummary(tr("%1 passed, %2 failed, %n entity(s) in the result.", nullptr, static_cast<int>(entities))
                    .arg(m_model->passCount())
                    .arg(m_model->failCount()),
        notice);
    Q_EMIT checkFinished();
}

void PermissionsPanel::onTransactFinished(const instant::JsonResult &result)
{
    m_job = nullptr;
    m_run->setEnabled(true);
    if (!result) {
        QString text = result.error().userMessage();
        // The sandbox refuses an override rather than report results it could not compute; say what to do.
        if (m_session->profile().isSandbox && m_rulesSent) {
            text += u' '
                + tr("The local sandbox cannot evaluate custom rules. Clear \"Override the saved rules\" to check "
                     "the steps against the default rules.");
        }
        showError(text);
        Q_EMIT checkFinished();
        return;
    }
    const QJsonObject object = result->toObject();
    m_model->setChecks(object.value(u"check-results").toArray());
    const bool committed = object.value(u"committed?").toBool();
    const bool allOk = object.value(u"all-checks-ok?").toBool();
    QString summary
        = allOk ? tr("All checks passed (%1 passed, %2 failed).") : tr("Some checks failed (%1 passed, %2 failed).");
    summary = summary.arg(m_model->passCount()).arg(m_model->failCount());
    summary += u' '
        + (committed ? tr("The transaction was committed (tx-id %1).").arg(object.value(u"tx-id").toInteger())
                     : tr("Nothing was committed."));
    QString notice;
    if (m_session->profile().isSandbox) {
        notice = tr("The local sandbox checks only the default rules: your own namespaces allow everything, and "
                    "system namespaces such as $users and $files use Instant's built-in rules. It cannot evaluate "
                    "custom rules, so these results say nothing about the rules saved on a real server.");
    } else if (m_model->rowCount() == 0) {
        notice = tr("The server reported no rule checks for these steps, so \"all checks ok\" says nothing about "
                    "the rules.");
        if (m_rulesSent) {
            notice += u' ' + tr("The rules override was sent but had no visible effect.");
        }
    }
    showSummary(summary, notice);
    Q_EMIT checkFinished();
}

void PermissionsPanel::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        m_summary->clear();
    }
}

void PermissionsPanel::showSummary(const QString &text, const QString &notice)
{
    m_summary->setText(text);
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

} // namespace console
