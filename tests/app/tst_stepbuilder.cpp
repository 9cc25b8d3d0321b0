#include <memory>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include "adminclient.h"
#include "connection.h"
#include "session/connectionsession.h"
#include "support/sandboxsessionfixture.h"
#include "transact/stepbuilderpanel.h"
#include "transact/stepsmodel.h"

using namespace console;
using namespace Qt::StringLiterals;

namespace {

const QString kGoal = QStringLiteral("1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61");
const QString kTodo = QStringLiteral("7c0e5b1a-2d3f-4a6b-9c8d-0e1f2a3b4c5d");

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestStepBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void previewIsExactStepsJson_data();
    void previewIsExactStepsJson();
    void badInputIsShownAtTheField_data();
    void badInputIsShownAtTheField();
    void runShowsTxIdAndWrites();
    void deleteAsksForConfirmation();
    void serverErrorHighlightsFailingStep();
    void blamedStepReadsHintIn();
    void dryRunAsImpersonatedUser();
    void modelPassesTester();
    void completionFollowsSchema();

private:
    void addStep(const QString &op, const QString &ns, const QString &id);
    void addAttribute(const QString &key, int type, const QString &value);
    QJsonObject queryEntity(const QString &ns, const QString &id);

    SandboxSessionFixture m_fixture;
    std::unique_ptr<StepBuilderPanel> m_panel;
};

void TestStepBuilder::initTestCase()
{
    const auto started = m_fixture.start(u"sandbox"_s);
    QVERIFY2(started, started ? "" : qPrintable(started.error()));
}

void TestStepBuilder::init()
{
    m_fixture.session()->setIdentity(instant::Identity::admin());
    m_panel = std::make_unique<StepBuilderPanel>(m_fixture.session());
    m_panel->show();
}

void TestStepBuilder::cleanup()
{
    m_panel.reset();
}

void TestStepBuilder::cleanupTestCase()
{
    m_fixture.stop();
}

QJsonObject TestStepBuilder::queryEntity(const QString &ns, const QString &id)
{
    const QJsonObject query {{ns,
        QJsonObject {
            {QStringLiteral("$"), QJsonObject {{QStringLiteral("where"), QJsonObject {{QStringLiteral("id"), id}}}}}}}};
    instant::QueryJob *job = m_fixture.adminClient()->query(query);
    QSignalSpy spy(job, &instant::QueryJob::finished);
    if (!spy.wait(10'000)) {
        return {};
    }
    const auto result = spy.first().first().value<instant::TreeResult>();
    if (!result) {
        return {};
    }
    const QJsonArray entities = result->root().value(ns).toQJsonValue().toArray();
    return entities.isEmpty() ? QJsonObject() : entities.first().toObject();
}

void TestStepBuilder::addStep(const QString &op, const QString &ns, const QString &id)
{
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), QStringLiteral("addStep")), Qt::LeftButton);
    auto *operation = findChildOrFail<QComboBox>(m_panel.get(), QStringLiteral("operation"));
    operation->setCurrentIndex(operation->findText(op));
    auto *nsEdit = findChildOrFail<QLineEdit>(m_panel.get(), QStringLiteral("namespace"));
    nsEdit->clear();
    QTest::keyClicks(nsEdit, ns);
    auto *idEdit = findChildOrFail<QLineEdit>(m_panel.get(), QStringLiteral("entityId"));
    idEdit->setText(id);
}

void TestStepBuilder::addAttribute(const QString &key, int type, const QString &value)
{
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), QStringLiteral("addAttribute")), Qt::LeftButton);
    const int row = m_panel->findChild<QTableWidget *>(QStringLiteral("attributes"))->rowCount() - 1;
    QTest::keyClicks(findChildOrFail<QLineEdit>(m_panel.get(), QStringLiteral("attributeKey%1").arg(row)), key);
    findChildOrFail<QComboBox>(m_panel.get(), QStringLiteral("attributeType%1").arg(row))->setCurrentIndex(type);
    findChildOrFail<QLineEdit>(m_panel.get(), QStringLiteral("attributeValue%1").arg(row))->setText(value);
}

void TestStepBuilder::previewIsExactStepsJson_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<int>("form");
    QTest::addColumn<QStringList>("attributes"); // key, type index, value, …
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QString>("expected");

    const QString head = QStringLiteral("[\n  ");
    const QString tail = QStringLiteral("\n]");
    QTest::newRow("update-string") << u"update"_s << 0 << QStringList {u"title"_s, u"0"_s, u"Get fit"_s} << false
                                   << head + u"[\"update\",\"goals\",\"%1\",{\"title\":\"Get fit\"}]"_s.arg(kGoal)
            + tail;
    QTest::newRow("create-typed") << u"create"_s << 0
                                  << QStringList {u"done"_s, u"2"_s, u"false"_s, u"n"_s, u"1"_s, u"42"_s, u"ratio"_s,
                                         u"1"_s, u"1.5"_s, u"x"_s, u"3"_s, QString(), u"tags"_s, u"4"_s,
                                         u"[\"a\", {\"b\": null}]"_s}
                                  << false
                                  << head
            + u"[\"create\",\"goals\",\"%1\",{\"done\":false,\"n\":42,\"ratio\":1.5,"
              u"\"tags\":[\"a\",{\"b\":null}],\"x\":null}]"_s.arg(kGoal)
            + tail;
    QTest::newRow("merge-strict") << u"merge"_s << 0 << QStringList {u"state"_s, u"4"_s, u"{\"0-1\": \"blue\"}"_s}
                                  << true
                                  << head
            + u"[\"merge\",\"goals\",\"%1\",{\"state\":{\"0-1\":\"blue\"}},{\"upsert\":false}]"_s.arg(kGoal) + tail;
    QTest::newRow("delete") << u"delete"_s << 0 << QStringList {} << false
                            << head + u"[\"delete\",\"goals\",\"%1\"]"_s.arg(kGoal) + tail;
    QTest::newRow("link-by-lookup-pair") << u"link"_s << 1 << QStringList {u"todos"_s, u"4"_s, u"[\"%1\"]"_s.arg(kTodo)}
                                         << false
                                         << head
            + u"[\"link\",\"goals\",[\"slug\",\"get-fit\"],{\"todos\":[\"%1\"]}]"_s.arg(kTodo) + tail;
    QTest::newRow("unlink-by-lookup-object")
        << u"unlink"_s << 2 << QStringList {u"todos"_s, u"0"_s, kTodo} << false
        << head + u"[\"unlink\",\"goals\",{\"slug\":\"get-fit\"},{\"todos\":\"%1\"}]"_s.arg(kTodo) + tail;
    QTest::newRow("update-by-lookup-string")
        << u"update"_s << 3 << QStringList {u"title"_s, u"0"_s, u"x"_s} << false
        << head + u"[\"update\",\"goals\",\"lookup__slug__\\\"get-fit\\\"\",{\"title\":\"x\"}]"_s + tail;
    QTest::newRow("ruleParams") << u"ruleParams"_s << 0 << QStringList {u"knownGoalId"_s, u"0"_s, kGoal} << false
                                << head + u"[\"ruleParams\",\"goals\",\"%1\",{\"knownGoalId\":\"%1\"}]"_s.arg(kGoal)
            + tail;
}

void TestStepBuilder::previewIsExactStepsJson()
{
    QFETCH(QString, op);
    QFETCH(int, form);
    QFETCH(QStringList, attributes);
    QFETCH(bool, strict);
    QFETCH(QString, expected);

    addStep(op, u"goals"_s, kGoal);
    findChildOrFail<QComboBox>(m_panel.get(), u"entityForm"_s)->setCurrentIndex(form);
    if (form != 0) {
        QTest::keyClicks(findChildOrFail<QLineEdit>(m_panel.get(), u"lookupAttribute"_s), u"slug"_s);
        QTest::keyClicks(findChildOrFail<QLineEdit>(m_panel.get(), u"lookupValue"_s), u"get-fit"_s);
    }
    for (qsizetype i = 0; i + 2 < attributes.size(); i += 3) {
        addAttribute(attributes.at(i), attributes.at(i + 1).toInt(), attributes.at(i + 2));
    }
    findChildOrFail<QCheckBox>(m_panel.get(), u"strict"_s)->setChecked(strict);

    QCOMPARE(m_panel->previewText(), expected);
    QVERIFY(findChildOrFail<QPushButton>(m_panel.get(), u"run"_s)->isEnabled());
    QVERIFY(!findChildOrFail<QLabel>(m_panel.get(), u"stepError"_s)->isVisible());

    // The preview is what is sent: it parses back to the model's steps array.
    const auto steps = m_panel->model()->stepsJson();
    QVERIFY(steps.has_value());
    QCOMPARE(QJsonDocument::fromJson(expected.toUtf8()).array(), *steps);
}

void TestStepBuilder::badInputIsShownAtTheField_data()
{
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("attribute");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("malformed-uuid") << u"goals"_s << u"not-a-uuid"_s << QStringList {} << u"entityId"_s
                                    << u"is not a UUID"_s;
    QTest::newRow("short-uuid") << u"goals"_s << u"1d6f3a2e-9b47-4c15-8e03"_s << QStringList {} << u"entityId"_s
                                << u"is not a UUID"_s;
    QTest::newRow("no-namespace") << QString() << kGoal << QStringList {} << u"namespace"_s
                                  << u"namespace is required"_s;
    QTest::newRow("bad-number") << u"goals"_s << kGoal << QStringList {u"n"_s, u"1"_s, u"twelve"_s}
                                << u"attributeValue0"_s << u"is not a number"_s;
    QTest::newRow("bad-boolean") << u"goals"_s << kGoal << QStringList {u"done"_s, u"2"_s, u"maybe"_s}
                                 << u"attributeValue0"_s << u"is not a boolean"_s;
    QTest::newRow("invalid-json") << u"goals"_s << kGoal << QStringList {u"data"_s, u"4"_s, u"{\"a\": "_s}
                                  << u"attributeValue0"_s << u"Invalid JSON"_s;
    QTest::newRow("no-attribute-name") << u"goals"_s << kGoal << QStringList {QString(), u"0"_s, u"x"_s}
                                       << u"attributeValue0"_s << u"has no name"_s;
}

void TestStepBuilder::badInputIsShownAtTheField()
{
    QFETCH(QString, ns);
    QFETCH(QString, id);
    QFETCH(QStringList, attribute);
    QFETCH(QString, field);
    QFETCH(QString, message);

    addStep(u"update"_s, ns, id);
    if (!attribute.isEmpty()) {
        addAttribute(attribute.at(0), attribute.at(1).toInt(), attribute.at(2));
    }
    auto *error = findChildOrFail<QLabel>(m_panel.get(), u"stepError"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(findChildOrFail<QWidget>(m_panel.get(), field)->property("invalid").toBool());
    QVERIFY(!findChildOrFail<QPushButton>(m_panel.get(), u"run"_s)->isEnabled());
    QVERIFY(m_panel->previewText().contains(u"Step 1 is not valid"_s));
    QCOMPARE(m_panel->model()->index(0).data(StepsModel::ErrorRole).toString(), error->text());
}

void TestStepBuilder::runShowsTxIdAndWrites()
{
    const QString id = uuid();
    addStep(u"update"_s, u"goals"_s, id);
    addAttribute(u"title"_s, 0, u"Written by the builder"_s);
    addAttribute(u"priority"_s, 1, u"3"_s);

    QSignalSpy committed(m_panel.get(), &StepBuilderPanel::transactionCommitted);
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"run"_s), Qt::LeftButton);
    QVERIFY(committed.wait(10'000));
    const qint64 txId = committed.first().first().toLongLong();
    QVERIFY(txId > 0);
    auto *result = findChildOrFail<QLabel>(m_panel.get(), u"result"_s);
    QVERIFY(result->isVisible());
    QVERIFY2(result->text().contains(QString::number(txId)), qPrintable(result->text()));

    const QJsonObject entity = queryEntity(u"goals"_s, id);
    QCOMPARE(entity.value(u"title").toString(), u"Written by the builder"_s);
    QCOMPARE(entity.value(u"priority").toInt(), 3);
}

void TestStepBuilder::deleteAsksForConfirmation()
{
    const QString id = uuid();
    QVERIFY(SandboxSessionFixture::waitForJson(m_fixture.adminClient()->transact(QJsonArray {QJsonArray {u"update"_s,
                                                   u"goals"_s, id, QJsonObject {{u"title"_s, u"doomed"_s}}}}))
                .isObject());
    addStep(u"delete"_s, u"goals"_s, id);

    // Cancel: nothing is sent.
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"run"_s), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmDelete"_s)) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->findChild<QMessageBox *>(u"confirmDelete"_s));
    QVERIFY(!findChildOrFail<QLabel>(m_panel.get(), u"result"_s)->isVisible());
    QCOMPARE(queryEntity(u"goals"_s, id).value(u"title").toString(), u"doomed"_s);

    // Confirm: the entity is gone.
    QSignalSpy committed(m_panel.get(), &StepBuilderPanel::transactionCommitted);
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"run"_s), Qt::LeftButton);
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmDelete"_s)) && box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirm"_s), Qt::LeftButton);
    QVERIFY(committed.wait(10'000));
    QVERIFY(queryEntity(u"goals"_s, id).isEmpty());
}

void TestStepBuilder::serverErrorHighlightsFailingStep()
{
    // Step 2 updates, strictly, an entity that does not exist: the server rejects the transaction.
    const QString missing = uuid();
    addStep(u"update"_s, u"goals"_s, uuid());
    addAttribute(u"title"_s, 0, u"fine"_s);
    addStep(u"update"_s, u"goals"_s, missing);
    addAttribute(u"title"_s, 0, u"not there"_s);
    findChildOrFail<QCheckBox>(m_panel.get(), u"strict"_s)->setChecked(true);
    addStep(u"update"_s, u"goals"_s, uuid());
    addAttribute(u"title"_s, 0, u"fine too"_s);

    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"run"_s), Qt::LeftButton);
    auto *error = findChildOrFail<QLabel>(m_panel.get(), u"error"_s);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10'000);
    QVERIFY2(error->text().startsWith(u"Step 2"_s), qPrintable(error->text()));
    QCOMPARE(m_panel->model()->highlightedRow(), 1);
    QVERIFY(m_panel->model()->index(1).data(StepsModel::HighlightedRole).toBool());
    QCOMPARE(findChildOrFail<QAbstractItemView>(m_panel.get(), u"steps"_s)->currentIndex().row(), 1);

    // Editing clears the mark.
    findChildOrFail<QLineEdit>(m_panel.get(), u"attributeValue0"_s)->setText(u"changed"_s);
    QCOMPARE(m_panel->model()->highlightedRow(), -1);
}

void TestStepBuilder::blamedStepReadsHintIn()
{
    const QJsonArray steps {QJsonArray {u"update"_s, u"goals"_s, kGoal, QJsonObject {}},
        QJsonArray {u"update"_s, u"goals"_s, kTodo, QJsonObject {}}};
    instant::Error spec = instant::Error::make(instant::Error::Kind::Http, u"Validation failed for steps"_s);
    spec.hint = QJsonObject {{u"errors"_s, QJsonArray {QJsonObject {{u"in"_s, QJsonArray {1, 2}}}}}};
    QCOMPARE(StepBuilderPanel::blamedStep(spec, steps), 1);
    spec.hint = QJsonObject {{u"in"_s, QJsonArray {0, 1}}};
    QCOMPARE(StepBuilderPanel::blamedStep(spec, steps), 0);
    spec.hint = QJsonObject {{u"in"_s, QJsonArray {u"headers"_s, u"app-id"_s}}};
    QCOMPARE(StepBuilderPanel::blamedStep(spec, steps), -1);
}

void TestStepBuilder::dryRunAsImpersonatedUser()
{
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->refreshTokens(instant::UserSelector::byEmail(u"dry@example.com"_s)))
                .isObject());
    QVERIFY(!findChildOrFail<QPushButton>(m_panel.get(), u"dryRun"_s)->isVisible());
    m_fixture.session()->setIdentity(instant::Identity::asEmail(u"dry@example.com"_s));
    QVERIFY(findChildOrFail<QLabel>(m_panel.get(), u"identity"_s)->text().contains(u"dry@example.com"_s));
    QVERIFY(findChildOrFail<QPushButton>(m_panel.get(), u"dryRun"_s)->isVisible());

    const QString id = uuid();
    addStep(u"update"_s, u"goals"_s, id);
    addAttribute(u"title"_s, 0, u"dry"_s);
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"dryRun"_s), Qt::LeftButton);
    auto *result = findChildOrFail<QLabel>(m_panel.get(), u"result"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->isVisible(), 10'000);
    QVERIFY2(result->text().contains(u"nothing was committed"_s), qPrintable(result->text()));
    auto *checks = findChildOrFail<QTreeWidget>(m_panel.get(), u"checks"_s);
    QVERIFY(checks->isVisible());

    // The sandbox checks the steps against the default rules: each check is listed, and a user namespace passes.
    QVERIFY(checks->topLevelItemCount() > 0);
    bool entityChecked = false;
    for (int row = 0; row < checks->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = checks->topLevelItem(row);
        QCOMPARE(item->text(0), u"pass"_s);
        if (item->text(3) == u"attrs"_s) {
            continue; // a new attribute gets a check of its own
        }
        QCOMPARE(item->text(3), u"goals"_s);
        QVERIFY(item->text(4).isEmpty() || item->text(4) == id);
        entityChecked = entityChecked || item->text(4) == id;
        QCOMPARE(item->text(5), u"(no rule: allowed by default)"_s);
    }
    QVERIFY(entityChecked);
    QVERIFY2(result->text().contains(u"all %1 check"_s.arg(checks->topLevelItemCount())), qPrintable(result->text()));
    QVERIFY(!result->text().contains(u"could not be evaluated"_s));
    QVERIFY(queryEntity(u"goals"_s, id).isEmpty());
}

void TestStepBuilder::modelPassesTester()
{
    StepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TxStep step;
    step.ns = u"goals"_s;
    step.entity = StepEntity::withId(kGoal);
    model.appendStep(step);
    step.op = TxStep::Op::Delete;
    model.appendStep(step);
    step.entity = StepEntity::withId(u"bad"_s);
    model.appendStep(step);
    QVERIFY(model.containsDeletes());
    QCOMPARE(model.stepsJson().error().row, 2);
    model.moveStep(0, 2);
    QCOMPARE(model.step(2).op, TxStep::Op::Update);
    model.moveStep(2, 0);
    model.setHighlightedRow(1);
    model.removeStep(0);
    QCOMPARE(model.highlightedRow(), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestStepBuilder::completionFollowsSchema()
{
    const QString goal = uuid();
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->transact(QJsonArray {
            QJsonArray {u"update"_s, u"goals"_s, goal, QJsonObject {{u"headline"_s, u"x"_s}}},
            QJsonArray {u"link"_s, u"goals"_s, goal, QJsonObject {{u"milestones"_s, uuid()}}},
        }))
                .isObject());
    QSignalSpy schema(m_fixture.session(), &ConnectionSession::schemaChanged);
    m_fixture.session()->refreshSchema();
    QVERIFY(schema.wait(10'000));

    addStep(u"update"_s, u"goals"_s, goal);
    auto *nsCompleter = findChildOrFail<QLineEdit>(m_panel.get(), u"namespace"_s)->completer();
    QVERIFY(nsCompleter);
    const auto strings = [](QCompleter *completer) {
        QStringList list;
        for (int row = 0; row < completer->model()->rowCount(); ++row) {
            list.append(completer->model()->index(row, 0).data().toString());
        }
        return list;
    };
    QVERIFY2(strings(nsCompleter).contains(u"goals"_s), qPrintable(strings(nsCompleter).join(u", "_s)));
    addAttribute(u"head"_s, 0, u"y"_s);
    QCompleter *keys = findChildOrFail<QLineEdit>(m_panel.get(), u"attributeKey0"_s)->completer();
    QVERIFY(strings(keys).contains(u"headline"_s));
    QVERIFY(!strings(keys).contains(u"milestones"_s));

    // For link steps the same field completes link labels instead.
    auto *operation = findChildOrFail<QComboBox>(m_panel.get(), u"operation"_s);
    operation->setCurrentIndex(operation->findText(u"link"_s));
    QVERIFY2(strings(keys).contains(u"milestones"_s), qPrintable(strings(keys).join(u", "_s)));
    QVERIFY(!strings(keys).contains(u"headline"_s));
}

QTEST_MAIN(TestStepBuilder)
#include "tst_stepbuilder.moc"
