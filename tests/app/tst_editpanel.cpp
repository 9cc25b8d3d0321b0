#include <memory>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "adminclient.h"
#include "connection.h"
#include "editing/editpanel.h"
#include "editing/editstage.h"
#include "session/connectionsession.h"
#include "support/sandboxsessionfixture.h"

using namespace console;
using namespace Qt::StringLiterals;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonArray parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

} // namespace

class TestEditPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void stageProducesStepsAndInverse();
    void stageMergesEditsOfOneCell();
    void stagePassesModelTester();
    void inPlaceEditAppliesAndUndoRestores();
    void deleteNeedsConfirmationAndUndoRestores();
    void valueDialogRejectsInvalidJson();
    void linkPickerStagesLink();
    void contextMenuOffersEditing();
    void serverErrorIsShownInline();

private:
    /** Runs query and makes its result the tab's current result, as the results view does. */
    void showResult(const QJsonObject &query);
    QJsonObject fetch(const QString &ns, const QString &id);
    template<typename T>
    T *waitForChild(const QString &name)
    {
        T *found = nullptr;
        const bool shown
            = QTest::qWaitFor([&] { return (found = m_panel->findChild<T *>(name)) && found->isVisible(); }, 5000);
        return shown ? found : nullptr;
    }

    SandboxSessionFixture m_fixture;
    std::unique_ptr<EditPanel> m_panel;
    instant::JsonTree m_tree;
};

void TestEditPanel::initTestCase()
{
    const auto started = m_fixture.start();
    QVERIFY2(started, started ? "" : qPrintable(started.error()));
}

void TestEditPanel::init()
{
    m_panel = std::make_unique<EditPanel>(m_fixture.session());
    m_panel->show();
    QVERIFY(m_fixture.session()->resultsEditable());
}

void TestEditPanel::cleanup()
{
    m_panel.reset();
    QVERIFY(!m_fixture.session()->resultsEditable());
}

void TestEditPanel::cleanupTestCase()
{
    m_fixture.stop();
}

void TestEditPanel::showResult(const QJsonObject &query)
{
    instant::QueryJob *job = m_fixture.adminClient()->query(query);
    QSignalSpy spy(job, &instant::QueryJob::finished);
    QVERIFY(spy.wait(10'000));
    const auto result = spy.first().first().value<instant::TreeResult>();
    QVERIFY(result.has_value());
    m_tree = *result;
    m_fixture.session()->setCurrentResult(m_tree, m_tree.root());
}

QJsonObject TestEditPanel::fetch(const QString &ns, const QString &id)
{
    const QJsonObject query {{ns,
        QJsonObject {{u"$"_s, QJsonObject {{u"where"_s, QJsonObject {{u"id"_s, id}}}}}, {u"todos"_s, QJsonObject {}}}}};
    instant::QueryJob *job = m_fixture.adminClient()->query(query);
    QSignalSpy spy(job, &instant::QueryJob::finished);
    if (!spy.wait(10'000)) {
        return {};
    }
    const auto result = spy.first().first().value<instant::TreeResult>();
    const QJsonArray entities = result ? result->root().value(ns).toQJsonValue().toArray() : QJsonArray();
    return entities.isEmpty() ? QJsonObject() : entities.first().toObject();
}

void TestEditPanel::stageProducesStepsAndInverse()
{
    EditStage stage;
    const QString goal = u"1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"_s;
    const QString todo = u"7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d"_s;
    stage.setAttribute(u"goals"_s, goal, u"title"_s, u"New"_s, QJsonValue(u"Old"_s));
    stage.setAttribute(u"goals"_s, goal, u"note"_s, u"added"_s, std::nullopt);
    stage.link(u"goals"_s, goal, u"todos"_s, {todo});
    stage.deleteEntities(u"todos"_s,
        {QJsonObject {{u"id"_s, todo}, {u"title"_s, u"Run"_s}, {u"done"_s, false},
            {u"goals"_s, QJsonArray {QJsonObject {{u"id"_s, goal}, {u"title"_s, u"Old"_s}}}}}});

    const QJsonArray expected = parse(R"([
        ["update","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"title":"New"}],
        ["update","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"note":"added"}],
        ["link","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"todos":["7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d"]}],
        ["delete","todos","7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d"]])");
    QCOMPARE(stage.steps(), expected);

    // Backwards: the deleted todo comes back with its attributes and links, then the rest is undone.
    const QJsonArray inverse = parse(R"([
        ["update","todos","7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d",{"done":false,"title":"Run"}],
        ["link","todos","7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d",{"goals":["1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61"]}],
        ["unlink","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"todos":["7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d"]}],
        ["update","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"note":null}],
        ["update","goals","1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61",{"title":"Old"}]])");
    QCOMPARE(stage.inverseSteps(), inverse);
    QVERIFY(stage.containsDeletes());
    QVERIFY(stage.irreversibleReasons().isEmpty());

    stage.clear();
    const QString created = stage.createEntity(u"goals"_s, QJsonObject {{u"id"_s, u"ignored"_s}, {u"title"_s, u"x"_s}});
    QCOMPARE(stage.steps(),
        (QJsonArray {QJsonArray {u"create"_s, u"goals"_s, created, QJsonObject {{u"title"_s, u"x"_s}}}}));
    QCOMPARE(stage.inverseSteps(), (QJsonArray {QJsonArray {u"delete"_s, u"goals"_s, created}}));

    stage.clear();
    stage.deleteEntities(u"$files"_s, {QJsonObject {{u"id"_s, goal}, {u"path"_s, u"a.txt"_s}}});
    QCOMPARE(stage.irreversibleReasons().size(), 1);

    // Only the id known: undo could not bring the values back, so it says so.
    stage.clear();
    stage.deleteEntities(u"goals"_s, {QJsonObject {{u"id"_s, goal}}});
    QCOMPARE(stage.irreversibleReasons().size(), 1);
}

void TestEditPanel::stageMergesEditsOfOneCell()
{
    EditStage stage;
    stage.setAttribute(u"goals"_s, u"g"_s, u"title"_s, u"B"_s, QJsonValue(u"A"_s));
    stage.setAttribute(u"goals"_s, u"g"_s, u"title"_s, u"C"_s, QJsonValue(u"B"_s));
    QCOMPARE(stage.rowCount(), 1);
    QCOMPARE(stage.steps().first().toArray().at(3).toObject().value(u"title").toString(), u"C"_s);
    // The restore value is the one from before the first edit.
    QCOMPARE(stage.inverseSteps().first().toArray().at(3).toObject().value(u"title").toString(), u"A"_s);

    const QString id = stage.createEntity(u"todos"_s, QJsonObject {{u"title"_s, u"one"_s}});
    stage.setAttribute(u"todos"_s, id, u"done"_s, true, std::nullopt);
    QCOMPARE(stage.rowCount(), 2);
    QCOMPARE(stage.steps().at(1).toArray().at(3).toObject(), (QJsonObject {{u"title"_s, u"one"_s}, {u"done"_s, true}}));
}

void TestEditPanel::stagePassesModelTester()
{
    EditStage stage;
    QAbstractItemModelTester tester(&stage, QAbstractItemModelTester::FailureReportingMode::QtTest);
    stage.setAttribute(u"goals"_s, u"g"_s, u"title"_s, u"B"_s, std::nullopt);
    stage.setAttribute(u"goals"_s, u"g"_s, u"title"_s, u"C"_s, std::nullopt);
    stage.createEntity(u"goals"_s, {});
    stage.link(u"goals"_s, u"g"_s, u"todos"_s, {u"t"_s});
    stage.unlink(u"goals"_s, u"g"_s, u"todos"_s, {u"t"_s});
    stage.removeEdit(1);
    QCOMPARE(stage.rowCount(), 3);
    QVERIFY(stage.index(0).data().toString().contains(u"title"_s));
    stage.clear();
    QCOMPARE(stage.rowCount(), 0);
}

void TestEditPanel::inPlaceEditAppliesAndUndoRestores()
{
    const QString id = uuid();
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->transact(QJsonArray {
            QJsonArray {u"update"_s, u"goals"_s, id, QJsonObject {{u"title"_s, u"Before"_s}, {u"rank"_s, 1}}}}))
                .isObject());
    showResult(QJsonObject {{u"goals"_s, QJsonObject {}}});

    // The results view reports in-place edits through the session.
    m_fixture.session()->requestAttributeEdit({u"goals"_s, id}, u"title"_s, u"After"_s);
    m_fixture.session()->requestAttributeEdit({u"goals"_s, id}, u"rank"_s, 2);
    QCOMPARE(m_panel->stage()->rowCount(), 2);
    QVERIFY(m_panel->findChild<QPlainTextEdit *>(u"preview"_s)->toPlainText().contains(u"\"After\""_s));
    // Nothing is sent before Apply.
    QCOMPARE(fetch(u"goals"_s, id).value(u"title").toString(), u"Before"_s);

    QSignalSpy committed(m_panel.get(), &EditPanel::committed);
    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"apply"_s), Qt::LeftButton);
    QVERIFY(committed.wait(10'000));
    QVERIFY(m_panel->stage()->isEmpty());
    QJsonObject entity = fetch(u"goals"_s, id);
    QCOMPARE(entity.value(u"title").toString(), u"After"_s);
    QCOMPARE(entity.value(u"rank").toInt(), 2);

    auto *undo = m_panel->findChild<QPushButton *>(u"undo"_s);
    QVERIFY(undo->isEnabled());
    QTest::mouseClick(undo, Qt::LeftButton);
    QVERIFY(committed.wait(10'000));
    entity = fetch(u"goals"_s, id);
    QCOMPARE(entity.value(u"title").toString(), u"Before"_s);
    QCOMPARE(entity.value(u"rank").toInt(), 1);
    QVERIFY(!undo->isEnabled());
}

void TestEditPanel::deleteNeedsConfirmationAndUndoRestores()
{
    const QString goal = uuid();
    const QString todo = uuid();
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->transact(QJsonArray {
            QJsonArray {u"update"_s, u"todos"_s, todo, QJsonObject {{u"title"_s, u"Stretch"_s}}},
            QJsonArray {u"update"_s, u"goals"_s, goal, QJsonObject {{u"title"_s, u"Limber"_s}}},
            QJsonArray {u"link"_s, u"goals"_s, goal, QJsonObject {{u"todos"_s, todo}}},
        }))
                .isObject());
    showResult(QJsonObject {{u"goals"_s, QJsonObject {{u"todos"_s, QJsonObject {}}}}});
    m_fixture.session()->setSelectedEntities({{u"goals"_s, goal}});

    // Cancelled: nothing staged.
    m_panel->deleteEntities(m_fixture.session()->selectedEntities());
    auto *box = waitForChild<QMessageBox>(u"confirmDelete"_s);
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->findChild<QMessageBox *>(u"confirmDelete"_s));
    QVERIFY(m_panel->stage()->isEmpty());

    // Confirmed: staged, applied, gone.
    m_panel->deleteEntities(m_fixture.session()->selectedEntities());
    box = waitForChild<QMessageBox>(u"confirmDelete"_s);
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirm"_s), Qt::LeftButton);
    QTRY_COMPARE(m_panel->stage()->rowCount(), 1);
    QSignalSpy committed(m_panel.get(), &EditPanel::committed);
    m_panel->apply();
    QVERIFY(committed.wait(10'000));
    QVERIFY(fetch(u"goals"_s, goal).isEmpty());

    // Undo brings back the attributes and the link.
    m_panel->undo();
    QVERIFY(committed.wait(10'000));
    const QJsonObject restored = fetch(u"goals"_s, goal);
    QCOMPARE(restored.value(u"title").toString(), u"Limber"_s);
    const QJsonArray todos = restored.value(u"todos").toArray();
    QCOMPARE(todos.size(), 1);
    QCOMPARE(todos.first().toObject().value(u"id").toString(), todo);
}

void TestEditPanel::valueDialogRejectsInvalidJson()
{
    const QString id = uuid();
    QVERIFY(SandboxSessionFixture::waitForJson(m_fixture.adminClient()->transact(QJsonArray {QJsonArray {u"update"_s,
                                                   u"goals"_s, id, QJsonObject {{u"meta"_s, QJsonObject {}}}}}))
                .isObject());
    showResult(QJsonObject {{u"goals"_s, QJsonObject {}}});

    m_panel->editValue({u"goals"_s, id}, u"meta"_s);
    auto *dialog = waitForChild<QDialog>(u"valueDialog"_s);
    QVERIFY(dialog);
    auto *type = dialog->findChild<QComboBox *>(u"type"_s);
    QCOMPARE(type->currentText(), u"JSON"_s);
    auto *text = dialog->findChild<QPlainTextEdit *>(u"value"_s);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    text->setPlainText(u"{\"level\": "_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(u"error"_s)->text().contains(u"Invalid JSON"_s));
    text->setPlainText(u"{\"level\": 3}"_s);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(m_panel->stage()->rowCount(), 1);
    QCOMPARE(m_panel->stage()->steps().first().toArray().at(3).toObject().value(u"meta").toObject(),
        (QJsonObject {{u"level"_s, 3}}));
    QCOMPARE(
        m_panel->stage()->inverseSteps().first().toArray().at(3).toObject().value(u"meta").toObject(), QJsonObject());
}

void TestEditPanel::linkPickerStagesLink()
{
    const QString goal = uuid();
    const QString todo = uuid();
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->transact(QJsonArray {
            QJsonArray {u"update"_s, u"todos"_s, todo, QJsonObject {{u"title"_s, u"Pick me"_s}}},
            QJsonArray {u"update"_s, u"goals"_s, goal, QJsonObject {{u"title"_s, u"Linker"_s}}},
        }))
                .isObject());
    showResult(QJsonObject {{u"goals"_s, QJsonObject {}}, {u"todos"_s, QJsonObject {}}});

    m_panel->pickLinks({u"goals"_s, goal}, false);
    auto *dialog = waitForChild<QDialog>(u"linkDialog"_s);
    QVERIFY(dialog);
    dialog->findChild<QComboBox *>(u"label"_s)->setCurrentText(u"todos"_s);
    auto *ids = dialog->findChild<QLineEdit *>(u"ids"_s);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    ids->setText(u"not-an-id"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(u"error"_s)->text().contains(u"not a UUID"_s));
    ids->clear();

    auto *candidates = dialog->findChild<QListWidget *>(u"candidates"_s);
    QListWidgetItem *item = nullptr;
    for (int row = 0; row < candidates->count(); ++row) {
        if (candidates->item(row)->data(Qt::UserRole).toString() == todo) {
            item = candidates->item(row);
        }
    }
    QVERIFY(item);
    QVERIFY(item->text().contains(u"Pick me"_s));
    item->setCheckState(Qt::Checked);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(m_panel->stage()->rowCount(), 1);

    QSignalSpy committed(m_panel.get(), &EditPanel::committed);
    m_panel->apply();
    QVERIFY(committed.wait(10'000));
    const QJsonArray linked = fetch(u"goals"_s, goal).value(u"todos").toArray();
    QCOMPARE(linked.size(), 1);
    QCOMPARE(linked.first().toObject().value(u"id").toString(), todo);
}

void TestEditPanel::contextMenuOffersEditing()
{
    const QString id = uuid();
    QVERIFY(SandboxSessionFixture::waitForJson(m_fixture.adminClient()->transact(QJsonArray {QJsonArray {u"update"_s,
                                                   u"goals"_s, id, QJsonObject {{u"title"_s, u"Menu"_s}}}}))
                .isObject());
    showResult(QJsonObject {{u"goals"_s, QJsonObject {}}});
    m_fixture.session()->setSelectedEntities({});

    QMenu menu;
    m_fixture.session()->prepareResultContextMenu(&menu, {u"goals"_s, id}, u"title"_s);
    QStringList texts;
    for (QAction *action : menu.actions()) {
        texts.append(action->text());
    }
    QVERIFY2(texts.contains(u"Edit title…"_s), qPrintable(texts.join(u", "_s)));
    QVERIFY(texts.contains(u"Add entity…"_s));
    QVERIFY(texts.contains(u"Delete 1 entity(s)…"_s) || texts.contains(u"Delete 1 entity…"_s));
    QVERIFY(texts.contains(u"Link…"_s));
    QVERIFY(texts.contains(u"Unlink…"_s));

    // "Add entity…" opens a dialog that refuses invalid JSON.
    for (QAction *action : menu.actions()) {
        if (action->text() == u"Add entity…"_s) {
            action->trigger();
        }
    }
    auto *dialog = waitForChild<QDialog>(u"newEntityDialog"_s);
    QVERIFY(dialog);
    auto *attributes = dialog->findChild<QPlainTextEdit *>(u"attributes"_s);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    attributes->setPlainText(u"[1, 2]"_s);
    QVERIFY(!ok->isEnabled());
    attributes->setPlainText(u"{\"title\": \"Fresh\"}"_s);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(m_panel->stage()->rowCount(), 1);
    QCOMPARE(m_panel->stage()->steps().first().toArray().at(0).toString(), u"create"_s);
}

void TestEditPanel::serverErrorIsShownInline()
{
    // Creating an entity that already exists fails on the server; the stage is kept for another try.
    const QString id = uuid();
    QVERIFY(SandboxSessionFixture::waitForJson(m_fixture.adminClient()->transact(QJsonArray {QJsonArray {u"update"_s,
                                                   u"goals"_s, id, QJsonObject {{u"title"_s, u"Here"_s}}}}))
                .isObject());
    m_fixture.session()->setCurrentResult({}, {});
    m_panel->stageAttributeEdit({u"goals"_s, id}, u"id"_s, u"x"_s);
    QVERIFY(m_panel->findChild<QLabel *>(u"error"_s)->text().contains(u"cannot be edited"_s));
    QVERIFY(m_panel->stage()->isEmpty());

    m_panel->stage()->setAttribute(u"goals"_s, id, u"title"_s, u"x"_s, std::nullopt);
    m_panel->stage()->deleteEntities(u"goals"_s, {QJsonObject {{u"id"_s, id}}});
    m_panel->stage()->link(u"goals"_s, id, u"todos"_s, {u"not-a-uuid"_s});
    m_panel->apply();
    auto *error = m_panel->findChild<QLabel *>(u"error"_s);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10'000);
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(m_panel->stage()->rowCount(), 3);
    QVERIFY(!m_panel->canUndo());
}

QTEST_MAIN(TestEditPanel)
#include "tst_editpanel.moc"
