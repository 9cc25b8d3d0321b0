#include "editpanel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "adminclient.h"
#include "editing_debug.h"
#include "session/connectionsession.h"
#include "session/panelfactory.h"
#include "theme.h"
#include "transact/stepentity.h"
#include "transact/typedvalue.h"

namespace console {

namespace {

std::optional<instant::JsonNode> findEntity(const instant::JsonNode &node, const QString &id)
{
    if (node.isObject()) {
        if (node.value(u"id").toString() == id) {
            return node;
        }
        for (qsizetype i = 0; i < node.size(); ++i) {
            if (auto found = findEntity(node.at(i), id)) {
                return found;
            }
        }
    } else if (node.isArray()) {
        for (qsizetype i = 0; i < node.size(); ++i) {
            if (auto found = findEntity(node.at(i), id)) {
                return found;
            }
        }
    }
    return std::nullopt;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("error"));
    label->setWordWrap(true);
    Theme::setTone(label, Theme::Tone::Error);
    return label;
}

/** Edits one attribute value with an explicit type; OK stays disabled while the text does not parse. */
class ValueDialog final : public QDialog {
    // Translated in the panel's context: these helpers have no meta-object of their own.
    Q_DECLARE_TR_FUNCTIONS(console::EditPanel)

public:
    ValueDialog(const QString &title, const QJsonValue &current, QWidget *parent)
        : QDialog(parent)
    {
        setObjectName(QStringLiteral("valueDialog"));
        setWindowTitle(title);
        auto *form = new QFormLayout(this);
        m_type = new QComboBox(this);
        m_type->setObjectName(QStringLiteral("type"));
        m_type->addItems(TypedValue::typeNames());
        m_text = new QPlainTextEdit(this);
        m_text->setObjectName(QStringLiteral("value"));
        m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        const TypedValue typed = TypedValue::fromJson(current);
        m_type->setCurrentIndex(static_cast<int>(typed.type));
        m_text->setPlainText(typed.text);
        m_error = errorLabel(this);
        m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        form->addRow(tr("Type:"), m_type);
        form->addRow(tr("Value:"), m_text);
        form->addRow(m_error);
        form->addRow(m_buttons);
        connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_type, &QComboBox::currentIndexChanged, this, &ValueDialog::validate);
        connect(m_text, &QPlainTextEdit::textChanged, this, &ValueDialog::validate);
        validate();
    }

    QJsonValue value() const { return typed().toJson().value_or(QJsonValue()); }

private:
    TypedValue typed() const { return {static_cast<TypedValue::Type>(m_type->currentIndex()), m_text->toPlainText()}; }

    void validate()
    {
        const auto json = typed().toJson();
        m_error->setText(json ? QString() : json.error());
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(json.has_value());
        m_text->setEnabled(typed().type != TypedValue::Type::Null);
    }

    QComboBox *m_type;
    QPlainTextEdit *m_text;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

/** A namespace and its attributes as a JSON object. */
class NewEntityDialog final : public QDialog {
    // Translated in the panel's context: these helpers have no meta-object of their own.
    Q_DECLARE_TR_FUNCTIONS(console::EditPanel)

public:
    NewEntityDialog(const QString &ns, const QStringList &namespaces, QWidget *parent)
        : QDialog(parent)
    {
        setObjectName(QStringLiteral("newEntityDialog"));
        setWindowTitle(tr("Add entity"));
        auto *form = new QFormLayout(this);
        m_ns = new QComboBox(this);
        m_ns->setObjectName(QStringLiteral("namespace"));
        m_ns->setEditable(true);
        m_ns->addItems(namespaces);
        m_ns->setCurrentText(ns);
        m_attributes = new QPlainTextEdit(this);
        m_attributes->setObjectName(QStringLiteral("attributes"));
        m_attributes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_attributes->setPlainText(QStringLiteral("{\n}"));
        m_error = errorLabel(this);
        m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        form->addRow(tr("Namespace:"), m_ns);
        form->addRow(tr("Attributes (JSON object):"), m_attributes);
        form->addRow(m_error);
        form->addRow(m_buttons);
        connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_ns, &QComboBox::currentTextChanged, this, &NewEntityDialog::validate);
        connect(m_attributes, &QPlainTextEdit::textChanged, this, &NewEntityDialog::validate);
        validate();
    }

    QString ns() const { return m_ns->currentText().trimmed(); }
    QJsonObject attributes() const { return QJsonDocument::fromJson(m_attributes->toPlainText().toUtf8()).object(); }

private:
    void validate()
    {
        QString problem;
        QJsonParseError parse;
        const QJsonDocument document = QJsonDocument::fromJson(m_attributes->toPlainText().toUtf8(), &parse);
        if (ns().isEmpty()) {
            problem = tr("A namespace is required.");
        } else if (parse.error != QJsonParseError::NoError) {
            problem = tr("Invalid JSON at character %1: %2").arg(parse.offset + 1).arg(parse.errorString());
        } else if (!document.isObject()) {
            problem = tr("The attributes must be a JSON object.");
        }
        m_error->setText(problem);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    }

    QComboBox *m_ns;
    QPlainTextEdit *m_attributes;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

/** Picks a link label and target entities: from the current result, or typed in as ids. */
class LinkDialog final : public QDialog {
    // Translated in the panel's context: these helpers have no meta-object of their own.
    Q_DECLARE_TR_FUNCTIONS(console::EditPanel)

public:
    LinkDialog(bool unlink, const QStringList &labels, QWidget *parent)
        : QDialog(parent)
    {
        setObjectName(QStringLiteral("linkDialog"));
        setWindowTitle(unlink ? tr("Unlink entities") : tr("Link entities"));
        auto *form = new QFormLayout(this);
        m_label = new QComboBox(this);
        m_label->setObjectName(QStringLiteral("label"));
        m_label->setEditable(true);
        m_label->addItems(labels);
        m_candidates = new QListWidget(this);
        m_candidates->setObjectName(QStringLiteral("candidates"));
        m_ids = new QLineEdit(this);
        m_ids->setObjectName(QStringLiteral("ids"));
        m_ids->setPlaceholderText(tr("more ids, separated by spaces or commas"));
        m_error = errorLabel(this);
        m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        form->addRow(tr("Link label:"), m_label);
        form->addRow(tr("Entities:"), m_candidates);
        form->addRow(tr("Ids:"), m_ids);
        form->addRow(m_error);
        form->addRow(m_buttons);
        connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_label, &QComboBox::currentTextChanged, this, &LinkDialog::validate);
        connect(m_ids, &QLineEdit::textChanged, this, &LinkDialog::validate);
        connect(m_candidates, &QListWidget::itemChanged, this, &LinkDialog::validate);
    }

    QComboBox *labelBox() const { return m_label; }

    void setCandidates(const QList<std::pair<QString, QString>> &candidates, const QStringList &checked)
    {
        m_candidates->clear();
        for (const auto &[id, text] : candidates) {
            auto *item = new QListWidgetItem(text, m_candidates);
            item->setData(Qt::UserRole, id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(id) ? Qt::Checked : Qt::Unchecked);
        }
        validate();
    }

    QString label() const { return m_label->currentText().trimmed(); }

    QStringList targets() const
    {
        QStringList ids;
        for (int row = 0; row < m_candidates->count(); ++row) {
            if (m_candidates->item(row)->checkState() == Qt::Checked) {
                ids.append(m_candidates->item(row)->data(Qt::UserRole).toString());
            }
        }
        static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
        for (const QString &typed : m_ids->text().split(separators, Qt::SkipEmptyParts)) {
            if (const auto id = StepEntity::normalizedUuid(typed)) {
                ids.append(*id);
            }
        }
        ids.removeDuplicates();
        return ids;
    }

private:
    void validate()
    {
        QString problem;
        static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
        for (const QString &typed : m_ids->text().split(separators, Qt::SkipEmptyParts)) {
            if (!StepEntity::normalizedUuid(typed)) {
                problem = tr("\"%1\" is not a UUID.").arg(typed);
                break;
            }
        }
        if (problem.isEmpty() && label().isEmpty()) {
            problem = tr("Choose a link label.");
        }
        if (problem.isEmpty() && targets().isEmpty()) {
            problem = tr("Choose at least one entity.");
        }
        m_error->setText(problem);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    }

    QComboBox *m_label;
    QListWidget *m_candidates;
    QLineEdit *m_ids;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace

EditPanel::EditPanel(ConnectionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_stage(new EditStage(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Staged edits (applied together as one transaction):"), this));
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("edits"));
    m_list->setModel(m_stage);
    layout->addWidget(m_list, 1);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMaximumHeight(120);
    layout->addWidget(m_preview);

    auto *buttons = new QHBoxLayout;
    auto *remove = new QPushButton(tr("Remove edit"), this);
    remove->setObjectName(QStringLiteral("removeEdit"));
    m_discard = new QPushButton(tr("Discard all"), this);
    m_discard->setObjectName(QStringLiteral("discard"));
    m_undoButton = new QPushButton(tr("Undo last apply"), this);
    m_undoButton->setObjectName(QStringLiteral("undo"));
    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setObjectName(QStringLiteral("apply"));
    buttons->addWidget(remove);
    buttons->addWidget(m_discard);
    buttons->addStretch();
    buttons->addWidget(m_undoButton);
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_error = errorLabel(this);
    m_error->setVisible(false);
    layout->addWidget(m_status);
    layout->addWidget(m_error);

    connect(remove, &QPushButton::clicked, this, [this] { m_stage->removeEdit(m_list->currentIndex().row()); });
    connect(m_discard, &QPushButton::clicked, this, &EditPanel::discard);
    connect(m_undoButton, &QPushButton::clicked, this, &EditPanel::undo);
    connect(m_apply, &QPushButton::clicked, this, &EditPanel::apply);
    connect(m_stage, &EditStage::stagedChanged, this, &EditPanel::updateState);
    // The panel exists from the start of the tab, usually out of sight: the first staged edit brings it
    // forward so that the user sees what is pending and can apply it.
    connect(m_stage, &EditStage::stagedChanged, this, [this] {
        if (m_session && isHidden() && !m_stage->isEmpty()) {
            m_session->requestPanel(QStringLiteral("edits"));
        }
    });

    connect(m_session, &ConnectionSession::attributeEditRequested, this, &EditPanel::stageAttributeEdit);
    connect(m_session, &ConnectionSession::resultContextMenuRequested, this, &EditPanel::populateContextMenu);
    m_session->setResultsEditable(true);
    updateState();
}

EditPanel::~EditPanel()
{
    if (m_session) {
        m_session->setResultsEditable(false);
    }
}

PanelFactory EditPanel::factory()
{
    return {QStringLiteral("edits"), tr("Edits"), Theme::icon(QStringLiteral("table")), QKeySequence(tr("Ctrl+2")),
        [](ConnectionSession *session, QWidget *parent) -> QWidget * { return new EditPanel(session, parent); }, true};
}

std::optional<QJsonObject> EditPanel::recordFor(const EntityRef &entity) const
{
    const instant::JsonNode result = m_session->currentResult();
    if (!result.isValid()) {
        return std::nullopt;
    }
    // The top-level namespace array is the likely place; nested link arrays are searched after it.
    auto found = findEntity(result.value(entity.ns), entity.id);
    if (!found) {
        found = findEntity(result, entity.id);
    }
    if (!found) {
        return std::nullopt;
    }
    return found->toQJsonValue().toObject();
}

void EditPanel::stageAttributeEdit(const EntityRef &entity, const QString &attribute, const QJsonValue &value)
{
    if (!entity.isValid() || attribute.isEmpty() || attribute == u"id") {
        showError(tr("The id of an entity cannot be edited."));
        return;
    }
    std::optional<QJsonValue> prior;
    if (const auto record = recordFor(entity); record && record->contains(attribute)) {
        prior = record->value(attribute);
    }
    m_stage->setAttribute(entity.ns, entity.id, attribute, value, prior);
}

void EditPanel::populateContextMenu(QMenu *menu, const EntityRef &entity, const QString &attribute)
{
    menu->addSeparator();
    if (entity.isValid() && !attribute.isEmpty() && attribute != u"id") {
        menu->addAction(
            tr("Edit %1…").arg(attribute), this, [this, entity, attribute] { editValue(entity, attribute); });
    }
    menu->addAction(tr("Add entity…"), this, [this, entity] { addEntity(entity.ns); });
    const QList<EntityRef> selected = m_session->selectedEntities();
    const QList<EntityRef> targets = selected.isEmpty() && entity.isValid() ? QList<EntityRef> {entity} : selected;
    if (!targets.isEmpty()) {
        menu->addAction(tr("Delete %n entity(s)…", nullptr, static_cast<int>(targets.size())), this,
            [this, targets] { deleteEntities(targets); });
    }
    if (entity.isValid()) {
        menu->addAction(tr("Link…"), this, [this, entity] { pickLinks(entity, false); });
        menu->addAction(tr("Unlink…"), this, [this, entity] { pickLinks(entity, true); });
    }
    if (!m_stage->isEmpty()) {
        menu->addAction(tr("Apply %n staged edit(s)", nullptr, m_stage->rowCount()), this, &EditPanel::apply);
        menu->addAction(tr("Discard staged edits"), this, &EditPanel::discard);
    }
    if (canUndo()) {
        menu->addAction(tr("Undo last apply"), this, &EditPanel::undo);
    }
}

void EditPanel::editValue(const EntityRef &entity, const QString &attribute)
{
    const auto record = recordFor(entity);
    const QJsonValue current = record ? record->value(attribute) : QJsonValue(QJsonValue::Null);
    auto *dialog = new ValueDialog(tr("Edit %1.%2").arg(entity.ns, attribute), current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog, entity, attribute] { stageAttributeEdit(entity, attribute, dialog->value()); });
    dialog->open();
}

void EditPanel::addEntity(const QString &ns)
{
    auto *dialog = new NewEntityDialog(ns, m_session->namespaces(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { m_stage->createEntity(dialog->ns(), dialog->attributes()); });
    dialog->open();
}

void EditPanel::deleteEntities(const QList<EntityRef> &entities)
{
    if (entities.isEmpty()) {
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete entities"),
        tr("Stage the deletion of %n entity(s)? Their links are removed too; Apply sends the deletion.", nullptr,
            static_cast<int>(entities.size())),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, entities] {
        if (box->clickedButton() != confirm) {
            return;
        }
        for (const EntityRef &entity : entities) {
            QJsonObject record = recordFor(entity).value_or(QJsonObject {});
            record.insert(QStringLiteral("id"), entity.id);
            m_stage->deleteEntities(entity.ns, {record});
        }
    });
    box->open();
}

void EditPanel::pickLinks(const EntityRef &entity, bool unlink)
{
    auto *dialog = new LinkDialog(unlink, m_session->linkLabels(entity.ns), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto refill = [this, dialog, entity, unlink] {
        // Candidates: for unlink, what the entity is linked to now; for link, entities of the target namespace.
        const QString label = dialog->label();
        QList<std::pair<QString, QString>> candidates;
        const auto record = recordFor(entity);
        const instant::JsonNode result = m_session->currentResult();
        if (unlink && record) {
            QJsonObject attributes;
            QJsonObject links;
            EditStage::splitRecord(*record, &attributes, &links);
            const QJsonValue linked = links.value(label);
            const QJsonArray array = linked.isObject() ? QJsonArray {linked} : linked.toArray();
            for (const QJsonValue &target : array) {
                const QString id = target.toObject().value(u"id").toString();
                candidates.append({id, id});
            }
        } else if (!unlink && result.isValid()) {
            const QString targetNs = m_session->linkTarget(entity.ns, label);
            const instant::JsonNode entities = result.value(targetNs.isEmpty() ? label : targetNs);
            for (qsizetype i = 0; i < entities.size(); ++i) {
                const instant::JsonNode target = entities.at(i);
                const QString id = target.value(u"id").toString();
                QString text = id;
                for (const char *name : {"title", "name", "email", "path", "handle"}) {
                    if (target.value(QLatin1StringView(name)).isString()) {
                        text = tr("%1 (%2)").arg(target.value(QLatin1StringView(name)).toString(), id);
                        break;
                    }
                }
                candidates.append({id, text});
            }
        }
        dialog->setCandidates(candidates, {});
    };
    connect(dialog->labelBox(), &QComboBox::currentTextChanged, dialog, refill);
    refill();
    connect(dialog, &QDialog::accepted, this, [this, dialog, entity, unlink] {
        if (unlink) {
            m_stage->unlink(entity.ns, entity.id, dialog->label(), dialog->targets());
        } else {
            m_stage->link(entity.ns, entity.id, dialog->label(), dialog->targets());
        }
    });
    dialog->open();
}

void EditPanel::apply()
{
    if (m_stage->isEmpty() || m_job) {
        return;
    }
    send(m_stage->steps(), false);
}

void EditPanel::undo()
{
    if (m_undo.empty() || m_job) {
        return;
    }
    send(m_undo.back().inverse, true);
}

void EditPanel::discard()
{
    m_stage->clear();
}

void EditPanel::send(const QJsonArray &steps, bool isUndo)
{
    m_error->setVisible(false);
    const QJsonArray inverse = isUndo ? QJsonArray() : m_stage->inverseSteps();
    const int editCount = m_stage->rowCount();
    qCInfo(lcEditing) << (isUndo ? "undo" : "apply") << steps.size() << "steps as" << m_session->identity().logName();
    m_job = m_session->client()->transact(steps, {}, m_session->identity());
    connect(m_job, &instant::ApiJob::finished, this, [this, inverse, editCount, isUndo](const instant::JsonResult &r) {
        onFinished(r, inverse, editCount, isUndo);
    });
    updateState();
}

void EditPanel::onFinished(const instant::JsonResult &result, const QJsonArray &inverse, int editCount, bool isUndo)
{
    m_job = nullptr;
    if (!result) {
        showError(result.error().userMessage());
        updateState();
        return;
    }
    const qint64 txId = result->toObject().value(u"tx-id").toInteger(-1);
    if (isUndo) {
        m_undo.pop_back();
        m_status->setText(tr("Undone (tx-id %1).").arg(txId));
    } else {
        const QStringList irreversible = m_stage->irreversibleReasons();
        m_stage->clear();
        if (irreversible.isEmpty()) {
            m_undo.push_back({inverse, editCount});
        } else {
            // An inverse that cannot restore everything is worse than none: it would pretend to.
            m_undo.clear();
        }
        m_status->setText(irreversible.isEmpty()
                ? tr("Applied %n edit(s) (tx-id %1).", nullptr, editCount).arg(txId)
                : tr("Applied %n edit(s) (tx-id %1). %2", nullptr, editCount).arg(txId).arg(irreversible.join(u' ')));
    }
    updateState();
    Q_EMIT committed(txId);
}

void EditPanel::updateState()
{
    const bool idle = !m_job;
    m_apply->setEnabled(idle && !m_stage->isEmpty());
    m_discard->setEnabled(idle && !m_stage->isEmpty());
    m_undoButton->setEnabled(idle && !m_undo.empty());
    m_apply->setText(m_stage->isEmpty() ? tr("Apply") : tr("Apply %n edit(s)", nullptr, m_stage->rowCount()));
    const QJsonArray steps = m_stage->steps();
    QStringList lines;
    for (const QJsonValue &step : steps) {
        lines.append(QString::fromUtf8(QJsonDocument(step.toArray()).toJson(QJsonDocument::Compact)));
    }
    m_preview->setPlainText(lines.join(u'\n'));
}

void EditPanel::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace console
