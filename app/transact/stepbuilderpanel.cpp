#include "stepbuilderpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "adminclient.h"
#include "session/connectionsession.h"
#include "session/panelfactory.h"
#include "theme.h"
#include "transact_debug.h"

namespace console {

namespace {

enum AttributeColumn {
    KeyColumn,
    TypeColumn,
    ValueColumn,
};

const char *const kInvalidStyle = "border: 1px solid #d32f2f;";

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QLabel *makeMessageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    return label;
}

} // namespace

StepBuilderPanel::StepBuilderPanel(ConnectionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new StepsModel(this))
{
    buildUi();
    connect(m_model, &StepsModel::stepsChanged, this, &StepBuilderPanel::updatePreview);
    connect(m_session, &ConnectionSession::schemaChanged, this, &StepBuilderPanel::updateCompleters);
    connect(m_session, &ConnectionSession::identityChanged, this, &StepBuilderPanel::updateIdentity);
    updateCompleters();
    updateIdentity();
    updatePreview();
    onCurrentRowChanged();
}

StepBuilderPanel::~StepBuilderPanel() = default;

int StepBuilderPanel::blamedStep(const instant::Error &error, const QJsonArray &steps)
{
    // 1. Spec errors name the step by index: hint.in or hint.errors[].in = [stepIndex, …].
    const QJsonObject hint = error.hint.toObject();
    const auto fromIn = [](const QJsonValue &in) {
        const QJsonArray path = in.toArray();
        return !path.isEmpty() && path.first().isDouble() ? path.first().toInt(-1) : -1;
    };
    if (const int step = fromIn(hint.value(u"in")); step >= 0) {
        return step;
    }
    for (const QJsonValue &entry : hint.value(u"errors").toArray()) {
        if (const int step = fromIn(entry.toObject().value(u"in")); step >= 0) {
            return step;
        }
    }

    // 2. Later checks name the entity instead: hint.input is the offending eid (or a list of them), and
    // messages such as "Updating entities that don't exist: <id>" quote the id.
    QJsonArray blamed;
    const QJsonValue input = hint.value(u"input");
    const QJsonArray inputArray = input.toArray();
    const bool lookupPair = inputArray.size() == 2 && inputArray.first().isString()
        && !StepEntity::normalizedUuid(inputArray.first().toString());
    if (input.isArray() && !lookupPair) {
        blamed = inputArray;
    } else if (!input.isUndefined() && !input.isNull()) {
        blamed.append(input);
    }
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonValue eid = steps.at(i).toArray().at(2);
        if (blamed.contains(eid) || (eid.isString() && error.message.contains(eid.toString()))) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

PanelFactory StepBuilderPanel::factory()
{
    return {QStringLiteral("transact"), tr("Transact"), Theme::icon(QStringLiteral("run")), QKeySequence(tr("Ctrl+1")),
        [](ConnectionSession *session, QWidget *parent) -> QWidget * { return new StepBuilderPanel(session, parent); }};
}

void StepBuilderPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);

    // Left: the steps.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTableView(left);
    m_list->setObjectName(QStringLiteral("steps"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setShowGrid(false);
    // The vertical header numbers the steps as the server counts them (1-based in our messages).
    m_list->horizontalHeader()->setVisible(false);
    m_list->horizontalHeader()->setStretchLastSection(true);
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add step"), left);
    add->setObjectName(QStringLiteral("addStep"));
    auto *remove = new QPushButton(tr("Remove"), left);
    remove->setObjectName(QStringLiteral("removeStep"));
    auto *up = new QToolButton(left);
    up->setArrowType(Qt::UpArrow);
    up->setToolTip(tr("Move the step up"));
    auto *down = new QToolButton(left);
    down->setArrowType(Qt::DownArrow);
    down->setToolTip(tr("Move the step down"));
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    listButtons->addStretch();
    listButtons->addWidget(up);
    listButtons->addWidget(down);
    leftLayout->addLayout(listButtons);
    connect(add, &QPushButton::clicked, this, &StepBuilderPanel::addStep);
    connect(remove, &QPushButton::clicked, this, &StepBuilderPanel::removeCurrentStep);
    connect(up, &QToolButton::clicked, this, [this] {
        const int row = m_list->currentIndex().row();
        m_model->moveStep(row, row - 1);
    });
    connect(down, &QToolButton::clicked, this, [this] {
        const int row = m_list->currentIndex().row();
        m_model->moveStep(row, row + 1);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &StepBuilderPanel::onCurrentRowChanged);

    // Right: the selected step.
    m_editor = new QWidget(splitter);
    auto *form = new QFormLayout(m_editor);
    m_operation = new QComboBox(m_editor);
    m_operation->setObjectName(QStringLiteral("operation"));
    for (const TxStep::Op op : TxStep::allOps()) {
        m_operation->addItem(TxStep::opName(op), static_cast<int>(op));
    }
    form->addRow(tr("&Operation:"), m_operation);

    m_namespace = new QLineEdit(m_editor);
    m_namespace->setObjectName(QStringLiteral("namespace"));
    m_namespace->setPlaceholderText(tr("e.g. goals"));
    m_namespaceCompleter = new QCompleter(new QStringListModel(this), this);
    m_namespaceCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_namespace->setCompleter(m_namespaceCompleter);
    form->addRow(tr("&Namespace:"), m_namespace);

    auto *entityRow = new QHBoxLayout;
    m_entityForm = new QComboBox(m_editor);
    m_entityForm->setObjectName(QStringLiteral("entityForm"));
    m_entityForm->addItem(tr("Id"), static_cast<int>(StepEntity::Form::Id));
    m_entityForm->addItem(tr("Lookup [attr, value]"), static_cast<int>(StepEntity::Form::LookupPair));
    m_entityForm->addItem(tr("Lookup {attr: value}"), static_cast<int>(StepEntity::Form::LookupObject));
    m_entityForm->addItem(tr("Lookup string"), static_cast<int>(StepEntity::Form::LookupString));
    m_entityId = new QLineEdit(m_editor);
    m_entityId->setObjectName(QStringLiteral("entityId"));
    m_entityId->setPlaceholderText(tr("entity UUID"));
    m_newId = new QPushButton(tr("New id"), m_editor);
    m_newId->setObjectName(QStringLiteral("newId"));
    m_lookupAttribute = new QLineEdit(m_editor);
    m_lookupAttribute->setObjectName(QStringLiteral("lookupAttribute"));
    m_lookupAttribute->setPlaceholderText(tr("unique attribute, or label.id"));
    m_lookupType = new QComboBox(m_editor);
    m_lookupType->setObjectName(QStringLiteral("lookupType"));
    m_lookupType->addItems(TypedValue::typeNames());
    m_lookupValue = new QLineEdit(m_editor);
    m_lookupValue->setObjectName(QStringLiteral("lookupValue"));
    m_lookupValue->setPlaceholderText(tr("value"));
    entityRow->addWidget(m_entityForm);
    entityRow->addWidget(m_entityId, 1);
    entityRow->addWidget(m_newId);
    entityRow->addWidget(m_lookupAttribute, 1);
    entityRow->addWidget(m_lookupType);
    entityRow->addWidget(m_lookupValue, 1);
    form->addRow(tr("&Entity:"), entityRow);

    m_strict = new QCheckBox(tr("Fail if the entity does not exist (upsert: false)"), m_editor);
    m_strict->setObjectName(QStringLiteral("strict"));
    form->addRow(QString(), m_strict);

    m_raw = new QCheckBox(tr("Edit as raw JSON"), m_editor);
    m_raw->setObjectName(QStringLiteral("rawMode"));
    form->addRow(QString(), m_raw);

    m_attributeStack = new QStackedWidget(m_editor);
    auto *grid = new QWidget(m_attributeStack);
    auto *gridLayout = new QVBoxLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    m_attributes = new QTableWidget(0, 3, grid);
    m_attributes->setObjectName(QStringLiteral("attributes"));
    m_attributes->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Value")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->setVisible(false);
    m_keyCompleter = new QCompleter(new QStringListModel(this), this);
    m_keyCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    gridLayout->addWidget(m_attributes, 1);
    auto *gridButtons = new QHBoxLayout;
    auto *addRow = new QPushButton(tr("Add attribute"), grid);
    addRow->setObjectName(QStringLiteral("addAttribute"));
    auto *removeRow = new QPushButton(tr("Remove attribute"), grid);
    removeRow->setObjectName(QStringLiteral("removeAttribute"));
    gridButtons->addWidget(addRow);
    gridButtons->addWidget(removeRow);
    gridButtons->addStretch();
    gridLayout->addLayout(gridButtons);
    m_attributeStack->addWidget(grid);
    m_rawAttributes = new QPlainTextEdit(m_attributeStack);
    m_rawAttributes->setObjectName(QStringLiteral("rawAttributes"));
    m_rawAttributes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawAttributes->setPlaceholderText(QStringLiteral("{\"title\": \"Get fit\"}"));
    m_attributeStack->addWidget(m_rawAttributes);
    form->addRow(tr("&Attributes:"), m_attributeStack);

    m_stepError = makeMessageLabel(QStringLiteral("stepError"), m_editor);
    Theme::setTone(m_stepError, Theme::Tone::Error);
    form->addRow(m_stepError);

    connect(addRow, &QPushButton::clicked, this, [this] {
        addAttributeRow({});
        onEditorChanged();
    });
    connect(removeRow, &QPushButton::clicked, this, [this] {
        const int row = m_attributes->currentRow() >= 0 ? m_attributes->currentRow() : m_attributes->rowCount() - 1;
        if (row >= 0) {
            m_attributes->removeRow(row);
            renumberAttributeRows();
            onEditorChanged();
        }
    });
    connect(m_operation, &QComboBox::currentIndexChanged, this, [this] {
        updateCompleters();
        onEditorChanged();
    });
    connect(m_namespace, &QLineEdit::textChanged, this, [this] {
        updateCompleters();
        onEditorChanged();
    });
    connect(m_entityForm, &QComboBox::currentIndexChanged, this, &StepBuilderPanel::onEditorChanged);
    connect(m_entityId, &QLineEdit::textChanged, this, &StepBuilderPanel::onEditorChanged);
    connect(m_newId, &QPushButton::clicked, this, [this] { m_entityId->setText(StepEntity::withNewId().id); });
    connect(m_lookupAttribute, &QLineEdit::textChanged, this, &StepBuilderPanel::onEditorChanged);
    connect(m_lookupType, &QComboBox::currentIndexChanged, this, &StepBuilderPanel::onEditorChanged);
    connect(m_lookupValue, &QLineEdit::textChanged, this, &StepBuilderPanel::onEditorChanged);
    connect(m_strict, &QCheckBox::toggled, this, &StepBuilderPanel::onEditorChanged);
    connect(m_raw, &QCheckBox::toggled, this, [this](bool raw) {
        // Carry the current content across so switching views never loses what was typed.
        if (!m_loading) {
            TxStep step = stepFromEditor();
            m_loading = true;
            if (raw) {
                step.useRawAttributes = false;
                const auto json = step.toJson();
                QJsonObject object;
                if (json && json->size() > 3) {
                    object = json->at(3).toObject();
                }
                m_rawAttributes->setPlainText(QString::fromUtf8(QJsonDocument(object).toJson()));
            } else {
                const QJsonDocument document = QJsonDocument::fromJson(m_rawAttributes->toPlainText().toUtf8());
                if (document.isObject()) {
                    clearAttributeRows();
                    const QJsonObject object = document.object();
                    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                        addAttributeRow({it.key(), TypedValue::fromJson(it.value())});
                    }
                }
            }
            m_loading = false;
        }
        m_attributeStack->setCurrentIndex(raw ? 1 : 0);
        onEditorChanged();
    });
    connect(m_rawAttributes, &QPlainTextEdit::textChanged, this, &StepBuilderPanel::onEditorChanged);

    // Bottom: preview, run, result.
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(new QLabel(tr("Steps sent to /admin/transact:"), bottom));
    m_preview = new QPlainTextEdit(bottom);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMaximumHeight(140);
    bottomLayout->addWidget(m_preview);

    auto *runRow = new QHBoxLayout;
    m_identity = new QLabel(bottom);
    m_identity->setObjectName(QStringLiteral("identity"));
    m_throwOnMissing = new QCheckBox(tr("Fail on unknown attributes"), bottom);
    m_throwOnMissing->setObjectName(QStringLiteral("throwOnMissingAttrs"));
    m_run = new QPushButton(tr("Run"), bottom);
    m_run->setObjectName(QStringLiteral("run"));
    m_dryRun = new QPushButton(tr("Dry run"), bottom);
    m_dryRun->setObjectName(QStringLiteral("dryRun"));
    m_dryRun->setToolTip(tr("Checks the permission rules for the impersonated user and rolls back."));
    m_cancel = new QPushButton(tr("Cancel"), bottom);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setEnabled(false);
    runRow->addWidget(m_identity);
    runRow->addStretch();
    runRow->addWidget(m_throwOnMissing);
    runRow->addWidget(m_dryRun);
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    bottomLayout->addLayout(runRow);
    m_result = makeMessageLabel(QStringLiteral("result"), bottom);
    m_error = makeMessageLabel(QStringLiteral("error"), bottom);
    Theme::setTone(m_error, Theme::Tone::Error);
    bottomLayout->addWidget(m_result);
    bottomLayout->addWidget(m_error);
    m_checks = new QTreeWidget(bottom);
    m_checks->setObjectName(QStringLiteral("checks"));
    m_checks->setHeaderLabels({tr("Result"), tr("Scope"), tr("Action"), tr("Namespace"), tr("Entity"), tr("Rule")});
    m_checks->setRootIsDecorated(false);
    m_checks->setVisible(false);
    bottomLayout->addWidget(m_checks);
    layout->addWidget(bottom);

    connect(m_run, &QPushButton::clicked, this, &StepBuilderPanel::run);
    connect(m_dryRun, &QPushButton::clicked, this, &StepBuilderPanel::dryRun);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job) {
            m_job->cancel();
        }
    });
}

void StepBuilderPanel::updateCompleters()
{
    auto *nsModel = static_cast<QStringListModel *>(m_namespaceCompleter->model());
    nsModel->setStringList(m_session->namespaces());
    const auto op = static_cast<TxStep::Op>(m_operation->currentData().toInt());
    const QString ns = m_namespace->text().trimmed();
    auto *keyModel = static_cast<QStringListModel *>(m_keyCompleter->model());
    keyModel->setStringList(TxStep::takesLinks(op) ? m_session->linkLabels(ns) : m_session->attributes(ns));
}

void StepBuilderPanel::addStep()
{
    TxStep step;
    step.entity = StepEntity::withNewId();
    const int current = m_list->currentIndex().row();
    if (current >= 0) {
        // A new step usually continues on the same namespace.
        step.ns = m_model->step(current).ns;
    }
    const int row = m_model->appendStep(step);
    m_list->setCurrentIndex(m_model->index(row));
    m_namespace->setFocus();
}

void StepBuilderPanel::removeCurrentStep()
{
    m_model->removeStep(m_list->currentIndex().row());
    onCurrentRowChanged();
}

bool StepBuilderPanel::loadSteps(const QJsonArray &steps)
{
    std::vector<TxStep> parsed;
    for (const QJsonValue &value : steps) {
        const auto step = TxStep::fromJson(value.toArray());
        if (!step) {
            m_error->setText(step.error());
            m_error->setVisible(true);
            return false;
        }
        parsed.push_back(*step);
    }
    m_model->clear();
    for (const TxStep &step : parsed) {
        m_model->appendStep(step);
    }
    if (m_model->rowCount() > 0) {
        m_list->setCurrentIndex(m_model->index(0));
    }
    return true;
}

void StepBuilderPanel::onCurrentRowChanged()
{
    const int row = m_list->currentIndex().row();
    m_editor->setEnabled(row >= 0);
    if (row >= 0) {
        loadEditor(m_model->step(row));
    } else {
        loadEditor(TxStep {});
    }
}

void StepBuilderPanel::loadEditor(const TxStep &step)
{
    m_loading = true;
    m_operation->setCurrentIndex(m_operation->findData(static_cast<int>(step.op)));
    m_namespace->setText(step.ns);
    m_entityForm->setCurrentIndex(m_entityForm->findData(static_cast<int>(step.entity.form)));
    m_entityId->setText(step.entity.id);
    m_lookupAttribute->setText(step.entity.attribute);
    m_lookupType->setCurrentIndex(static_cast<int>(step.entity.value.type));
    m_lookupValue->setText(step.entity.value.text);
    m_strict->setChecked(step.strict);
    m_raw->setChecked(step.useRawAttributes);
    m_attributeStack->setCurrentIndex(step.useRawAttributes ? 1 : 0);
    m_rawAttributes->setPlainText(step.rawAttributes);
    clearAttributeRows();
    for (const TxStep::Attribute &attribute : step.attributes) {
        addAttributeRow(attribute);
    }
    m_loading = false;
    updateCompleters();
    updateEntityFields();
    const auto json = step.toJson();
    showStepError(json ? StepError {} : json.error());
}

void StepBuilderPanel::clearAttributeRows()
{
    // Removed cell widgets are deleted later; unnamed they can no longer be mistaken for the new rows.
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        for (int column = KeyColumn; column <= ValueColumn; ++column) {
            if (QWidget *widget = m_attributes->cellWidget(row, column)) {
                widget->setObjectName(QString());
            }
        }
    }
    m_attributes->setRowCount(0);
}

void StepBuilderPanel::renumberAttributeRows()
{
    // Names follow the row so that accessibility tools and tests address cells by their position.
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        if (QWidget *key = m_attributes->cellWidget(row, KeyColumn)) {
            key->setObjectName(QStringLiteral("attributeKey%1").arg(row));
        }
        if (QWidget *type = m_attributes->cellWidget(row, TypeColumn)) {
            type->setObjectName(QStringLiteral("attributeType%1").arg(row));
        }
        if (QWidget *value = m_attributes->cellWidget(row, ValueColumn)) {
            value->setObjectName(QStringLiteral("attributeValue%1").arg(row));
        }
    }
}

void StepBuilderPanel::addAttributeRow(const TxStep::Attribute &attribute)
{
    const int row = m_attributes->rowCount();
    m_attributes->insertRow(row);
    auto *key = new QLineEdit(attribute.key, m_attributes);
    key->setObjectName(QStringLiteral("attributeKey%1").arg(row));
    key->setCompleter(m_keyCompleter);
    auto *type = new QComboBox(m_attributes);
    type->setObjectName(QStringLiteral("attributeType%1").arg(row));
    type->addItems(TypedValue::typeNames());
    type->setCurrentIndex(static_cast<int>(attribute.value.type));
    auto *value = new QLineEdit(attribute.value.text, m_attributes);
    value->setObjectName(QStringLiteral("attributeValue%1").arg(row));
    m_attributes->setCellWidget(row, KeyColumn, key);
    m_attributes->setCellWidget(row, TypeColumn, type);
    m_attributes->setCellWidget(row, ValueColumn, value);
    connect(key, &QLineEdit::textChanged, this, &StepBuilderPanel::onEditorChanged);
    connect(type, &QComboBox::currentIndexChanged, this, [this, value, type] {
        value->setEnabled(static_cast<TypedValue::Type>(type->currentIndex()) != TypedValue::Type::Null);
        onEditorChanged();
    });
    connect(value, &QLineEdit::textChanged, this, &StepBuilderPanel::onEditorChanged);
    value->setEnabled(attribute.value.type != TypedValue::Type::Null);
}

TxStep StepBuilderPanel::stepFromEditor() const
{
    TxStep step;
    step.op = static_cast<TxStep::Op>(m_operation->currentData().toInt());
    step.ns = m_namespace->text();
    step.entity.form = static_cast<StepEntity::Form>(m_entityForm->currentData().toInt());
    step.entity.id = m_entityId->text();
    step.entity.attribute = m_lookupAttribute->text();
    step.entity.value = {static_cast<TypedValue::Type>(m_lookupType->currentIndex()), m_lookupValue->text()};
    step.strict = m_strict->isChecked();
    step.useRawAttributes = m_raw->isChecked();
    step.rawAttributes = m_rawAttributes->toPlainText();
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        const auto *key = qobject_cast<QLineEdit *>(m_attributes->cellWidget(row, KeyColumn));
        const auto *type = qobject_cast<QComboBox *>(m_attributes->cellWidget(row, TypeColumn));
        const auto *value = qobject_cast<QLineEdit *>(m_attributes->cellWidget(row, ValueColumn));
        if (key && type && value) {
            step.attributes.append(
                {key->text(), TypedValue {static_cast<TypedValue::Type>(type->currentIndex()), value->text()}});
        }
    }
    return step;
}

void StepBuilderPanel::onEditorChanged()
{
    if (m_loading) {
        return;
    }
    updateEntityFields();
    const int row = m_list->currentIndex().row();
    const TxStep step = stepFromEditor();
    if (row >= 0) {
        m_model->setStep(row, step);
    }
    const auto json = step.toJson();
    showStepError(json ? StepError {} : json.error());
}

void StepBuilderPanel::updateEntityFields()
{
    const auto form = static_cast<StepEntity::Form>(m_entityForm->currentData().toInt());
    const bool byId = form == StepEntity::Form::Id;
    m_entityId->setVisible(byId);
    m_newId->setVisible(byId);
    m_lookupAttribute->setVisible(!byId);
    m_lookupType->setVisible(!byId);
    m_lookupValue->setVisible(!byId);
    const auto op = static_cast<TxStep::Op>(m_operation->currentData().toInt());
    m_strict->setVisible(op == TxStep::Op::Update || op == TxStep::Op::Merge);
    m_raw->setVisible(TxStep::takesAttributes(op));
    m_attributeStack->setVisible(TxStep::takesAttributes(op));
}

void StepBuilderPanel::showStepError(const StepError &error)
{
    const bool invalid = !error.message.isEmpty();
    m_stepError->setText(error.message);
    m_stepError->setVisible(invalid);

    const auto mark = [](QWidget *widget, bool on) {
        widget->setStyleSheet(on ? QString::fromLatin1(kInvalidStyle) : QString());
        widget->setProperty("invalid", on);
    };
    mark(m_namespace, invalid && error.field == StepError::Field::Namespace);
    const bool entity = invalid && error.field == StepError::Field::Entity;
    mark(m_entityId, entity);
    mark(m_lookupAttribute, entity);
    mark(m_lookupValue, entity);
    const bool attributes = invalid && error.field == StepError::Field::Attributes;
    mark(m_rawAttributes, attributes && error.attributeRow < 0 && m_raw->isChecked());
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        if (QWidget *value = m_attributes->cellWidget(row, ValueColumn)) {
            mark(value, attributes && error.attributeRow == row);
        }
    }
}

QString StepBuilderPanel::previewText() const
{
    return m_preview->toPlainText();
}

void StepBuilderPanel::updatePreview()
{
    const auto steps = m_model->stepsJson();
    if (!steps) {
        //: %1 is the step number, %2 the reason
        m_preview->setPlainText(
            tr("Step %1 is not valid yet: %2").arg(steps.error().row + 1).arg(steps.error().error.message));
        m_run->setEnabled(false);
        m_dryRun->setEnabled(false);
        return;
    }
    // One compact step per line: exact JSON that stays readable for long transactions.
    QStringList lines;
    for (const QJsonValue &step : *steps) {
        lines.append(QStringLiteral("  ") + compactJson(step.toArray()));
    }
    m_preview->setPlainText(lines.isEmpty()
            ? QStringLiteral("[]")
            : QStringLiteral("[\n") + lines.join(QStringLiteral(",\n")) + QStringLiteral("\n]"));
    const bool idle = !m_job;
    m_run->setEnabled(idle && !steps->isEmpty());
    m_dryRun->setEnabled(idle && !steps->isEmpty() && !m_session->identity().isAdmin());
}

void StepBuilderPanel::updateIdentity()
{
    const instant::Identity identity = m_session->identity();
    m_identity->setText(identity.isAdmin() ? tr("Runs as admin (rules bypassed)")
                                           : tr("Runs as %1 (rules enforced)").arg(identity.displayName()));
    m_dryRun->setVisible(!identity.isAdmin());
    updatePreview();
}

void StepBuilderPanel::run()
{
    const auto steps = m_model->stepsJson();
    if (!steps || steps->isEmpty() || m_job) {
        return;
    }
    if (!m_model->containsDeletes()) {
        send();
        return;
    }
    int deletes = 0;
    for (const TxStep &step : m_model->steps()) {
        deletes += step.op == TxStep::Op::Delete ? 1 : 0;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete entities"),
        tr("This transaction deletes %n entity(s), together with their links and anything that cascades.", nullptr,
            deletes),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setInformativeText(tr("Run it as %1?").arg(m_session->identity().displayName()));
    QPushButton *confirm = box->addButton(tr("Delete and run"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm] {
        if (box->clickedButton() == confirm) {
            send();
        }
    });
    box->open();
}

void StepBuilderPanel::send()
{
    const auto steps = m_model->stepsJson();
    if (!steps) {
        return;
    }
    instant::TransactOptions options;
    options.throwOnMissingAttrs = m_throwOnMissing->isChecked();
    qCInfo(lcTransact) << "transact" << steps->size() << "steps as" << m_session->identity().logName();
    instant::ApiJob *job = m_session->client()->transact(*steps, options, m_session->identity());
    connect(job, &instant::ApiJob::finished, this, &StepBuilderPanel::onTransactFinished);
    setBusy(job);
}

void StepBuilderPanel::dryRun()
{
    const auto steps = m_model->stepsJson();
    if (!steps || m_job || m_session->identity().isAdmin()) {
        return;
    }
    instant::TransactPermsCheckOptions options;
    instant::ApiJob *job = m_session->client()->transactPermsCheck(*steps, options, m_session->identity());
    connect(job, &instant::ApiJob::finished, this, &StepBuilderPanel::onDryRunFinished);
    setBusy(job);
}

void StepBuilderPanel::setBusy(instant::Job *job)
{
    m_job = job;
    m_result->setVisible(false);
    m_error->setVisible(false);
    m_checks->setVisible(false);
    m_model->setHighlightedRow(-1);
    m_cancel->setEnabled(job != nullptr);
    updatePreview();
}

void StepBuilderPanel::onTransactFinished(const instant::JsonResult &result)
{
    setBusy(nullptr);
    if (!result) {
        showServerError(result.error());
        return;
    }
    const qint64 txId = result->toObject().value(u"tx-id").toInteger(-1);
    m_result->setText(tr("Committed: tx-id %1").arg(txId));
    m_result->setVisible(true);
    Q_EMIT transactionCommitted(txId);
}

void StepBuilderPanel::onDryRunFinished(const instant::JsonResult &result)
{
    setBusy(nullptr);
    if (!result) {
        showServerError(result.error());
        return;
    }
    const QJsonObject object = result->toObject();
    const QJsonArray checks = object.value(u"check-results").toArray();
    const bool allOk = object.value(u"all-checks-ok?").toBool();
    const bool committed = object.value(u"committed?").toBool();
    m_result->setText(committed ? tr("All checks passed; the transaction was committed.")
            : allOk
            ? tr("Dry run: all %n check(s) passed; nothing was committed.", nullptr, static_cast<int>(checks.size()))
            : tr("Dry run: some checks failed; nothing was committed."));
    m_result->setVisible(true);

    m_checks->clear();
    for (const QJsonValue &value : checks) {
        const QJsonObject check = value.toObject();
        const QJsonObject program = check.value(u"program").toObject();
        const bool pass = check.value(u"check-pass?").toBool();
        const QString rule
            = program.isEmpty() ? tr("(no rule: allowed by default)") : program.value(u"display-code").toString();
        auto *item = new QTreeWidgetItem(m_checks,
            {pass ? tr("pass") : tr("fail"), check.value(u"scope").toString(), check.value(u"action").toString(),
                check.value(u"etype").toString(), check.value(u"eid").toString(), rule});
        item->setForeground(0, pass ? QColor(0x2e, 0x7d, 0x32) : QColor(0xd3, 0x2f, 0x2f));
    }
    m_checks->setVisible(true);
    if (checks.isEmpty()) {
        // An empty list is not "allowed": the server evaluated nothing.
        m_result->setText(m_result->text() + u' '
            + tr("The server reported no rule checks, so the rules for these steps could not be evaluated."));
    }
}

void StepBuilderPanel::showServerError(const instant::Error &error)
{
    qCInfo(lcTransact) << "transact failed:" << error.detail();
    QString text = error.userMessage();
    const int step = blamedStep(error, m_model->stepsJson().value_or(QJsonArray {}));
    if (step >= 0 && step < m_model->rowCount()) {
        m_model->setHighlightedRow(step);
        m_list->setCurrentIndex(m_model->index(step));
        text = tr("Step %1: %2").arg(step + 1).arg(text);
        // Selecting the step reloads the editor and would clear the highlight it keeps.
        m_model->setHighlightedRow(step);
    }
    m_error->setText(text);
    m_error->setVisible(true);
}

} // namespace console
