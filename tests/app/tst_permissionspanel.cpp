#include <memory>

#include <Qsci/qsciscintilla.h>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "adminclient.h"
#include "connection.h"
#include "permissions/checkresultsmodel.h"
#include "permissions/permissionspanel.h"
#include "session/connectionsession.h"
#include "support/sandboxsessionfixture.h"

using namespace console;
using namespace Qt::StringLiterals;

class TestPermissionsPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void badInputIsReported_data();
    void badInputIsReported();
    void unknownUserIsReported();
    void queryCheckSaysWhatCannotBeEvaluated();
    void transactionCheckSaysWhatCannotBeEvaluated();
    void tabIdentityIsTheDefault();
    void modelReadsBothCheckShapes();

private:
    void setUp(int mode, int asKind, const QString &as, const QString &input);
    bool runCheck();

    SandboxSessionFixture m_fixture;
    std::unique_ptr<PermissionsPanel> m_panel;
};

void TestPermissionsPanel::initTestCase()
{
    const auto started = m_fixture.start();
    QVERIFY2(started, started ? "" : qPrintable(started.error()));

    instant::ApiJob *job
        = m_fixture.adminClient()->refreshTokens(instant::UserSelector::byEmail(u"rules@example.com"_s));
    QSignalSpy created(job, &instant::ApiJob::finished);
    QVERIFY(created.wait(10'000));
    instant::ApiJob *tx = m_fixture.adminClient()->transact(QJsonArray {QJsonArray {u"update"_s, u"goals"_s,
        QUuid::createUuid().toString(QUuid::WithoutBraces), QJsonObject {{u"title"_s, u"Visible?"_s}}}});
    QSignalSpy written(tx, &instant::ApiJob::finished);
    QVERIFY(written.wait(10'000));
}

void TestPermissionsPanel::init()
{
    m_fixture.session()->setIdentity(instant::Identity::admin());
    m_panel = std::make_unique<PermissionsPanel>(m_fixture.session());
    m_panel->show();
}

void TestPermissionsPanel::cleanup()
{
    m_panel.reset();
}

void TestPermissionsPanel::cleanupTestCase()
{
    m_fixture.stop();
}

void TestPermissionsPanel::setUp(int mode, int asKind, const QString &as, const QString &input)
{
    findChildOrFail<QComboBox>(m_panel.get(), u"mode"_s)->setCurrentIndex(mode);
    findChildOrFail<QComboBox>(m_panel.get(), u"asKind"_s)->setCurrentIndex(asKind);
    findChildOrFail<QLineEdit>(m_panel.get(), u"asValue"_s)->setText(as);
    findChildOrFail<QsciScintilla>(m_panel.get(), u"input"_s)->setText(input);
}

bool TestPermissionsPanel::runCheck()
{
    QSignalSpy finished(m_panel.get(), &PermissionsPanel::checkFinished);
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"run"_s), Qt::LeftButton);
    return finished.count() > 0 || finished.wait(10'000);
}

void TestPermissionsPanel::badInputIsReported_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("asKind");
    QTest::addColumn<QString>("as");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("message");

    QTest::newRow("invalid-query-json") << 0 << 0 << u"rules@example.com"_s << u"{\n  \"goals\": {\n}"_s << QString()
                                        << u"Query: invalid JSON at line 3"_s;
    QTest::newRow("query-not-object") << 0 << 0 << u"rules@example.com"_s << u"[1]"_s << QString()
                                      << u"is a JSON object"_s;
    QTest::newRow("steps-not-array") << 1 << 0 << u"rules@example.com"_s << u"{}"_s << QString()
                                     << u"JSON array of steps"_s;
    QTest::newRow("invalid-rules-json") << 0 << 0 << u"rules@example.com"_s << u"{}"_s << u"{\"goals\": "_s
                                        << u"Rules: invalid JSON"_s;
    QTest::newRow("rules-not-object") << 0 << 0 << u"rules@example.com"_s << u"{}"_s << u"[]"_s
                                      << u"must be a JSON object"_s;
    QTest::newRow("malformed-email") << 0 << 0 << u"rules.example.com"_s << u"{}"_s << QString()
                                     << u"is not an email address"_s;
    QTest::newRow("malformed-token") << 0 << 1 << u"12345"_s << u"{}"_s << QString() << u"is not a refresh token"_s;
}

void TestPermissionsPanel::badInputIsReported()
{
    QFETCH(int, mode);
    QFETCH(int, asKind);
    QFETCH(QString, as);
    QFETCH(QString, input);
    QFETCH(QString, rules);
    QFETCH(QString, message);

    setUp(mode, asKind, as, input);
    if (!rules.isNull()) {
        findChildOrFail<QCheckBox>(m_panel.get(), u"useRules"_s)->setChecked(true);
        findChildOrFail<QsciScintilla>(m_panel.get(), u"rules"_s)->setText(rules);
    }
    QVERIFY(runCheck());
    auto *error = findChildOrFail<QLabel>(m_panel.get(), u"error"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QCOMPARE(m_panel->model()->rowCount(), 0);
}

void TestPermissionsPanel::unknownUserIsReported()
{
    setUp(0, 0, u"ghost@example.com"_s, u"{\"goals\": {}}"_s);
    QVERIFY(runCheck());
    auto *error = findChildOrFail<QLabel>(m_panel.get(), u"error"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"app-user"_s) || error->text().contains(u"not found"_s, Qt::CaseInsensitive),
        qPrintable(error->text()));

    setUp(0, 1, QUuid::createUuid().toString(QUuid::WithoutBraces), u"{\"goals\": {}}"_s);
    QVERIFY(runCheck());
    QVERIFY(error->isVisible());
}

void TestPermissionsPanel::queryCheckSaysWhatCannotBeEvaluated()
{
    setUp(0, 0, u"rules@example.com"_s, u"{\"goals\": {}}"_s);
    QVERIFY(runCheck());
    QVERIFY2(!findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->isVisible(),
        qPrintable(findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->text()));
    QVERIFY(findChildOrFail<QPlainTextEdit>(m_panel.get(), u"queryResult"_s)->toPlainText().contains(u"Visible?"_s));
    if (m_panel->model()->rowCount() == 0) {
        auto *notice = findChildOrFail<QLabel>(m_panel.get(), u"notice"_s);
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(u"cannot be evaluated"_s), qPrintable(notice->text()));
        QVERIFY(findChildOrFail<QLabel>(m_panel.get(), u"summary"_s)->text().contains(u"0 passed, 0 failed"_s));
    }

    // A rules override the server cannot evaluate is either refused by it or flagged by the panel.
    findChildOrFail<QCheckBox>(m_panel.get(), u"useRules"_s)->setChecked(true);
    QVERIFY(runCheck());
    auto *error = findChildOrFail<QLabel>(m_panel.get(), u"error"_s);
    auto *notice = findChildOrFail<QLabel>(m_panel.get(), u"notice"_s);
    QVERIFY(error->isVisible() || notice->isVisible());
    if (error->isVisible()) {
        QVERIFY2(error->text().contains(u"does not evaluate"_s), qPrintable(error->text()));
    } else {
        QVERIFY2(notice->text().contains(u"rules override"_s), qPrintable(notice->text()));
    }
}

void TestPermissionsPanel::transactionCheckSaysWhatCannotBeEvaluated()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    setUp(1, 2, QString(), u"[[\"update\", \"goals\", \"%1\", {\"title\": \"dry\"}]]"_s.arg(id));
    QVERIFY(!findChildOrFail<QLineEdit>(m_panel.get(), u"asValue"_s)->isEnabled());
    QVERIFY(runCheck());
    QVERIFY2(!findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->isVisible(),
        qPrintable(findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->text()));

    // The sandbox checks the written entity against the default rules, which allow a user namespace.
    CheckResultsModel *model = m_panel->model();
    QVERIFY(model->rowCount() > 0);
    bool entityChecked = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->index(row, 0).data(CheckResultsModel::PassRole), QVariant(true));
        if (model->index(row, CheckResultsModel::NamespaceColumn).data().toString() == u"attrs"_s) {
            continue; // a new attribute gets a check of its own
        }
        QCOMPARE(model->index(row, CheckResultsModel::NamespaceColumn).data().toString(), u"goals"_s);
        entityChecked = entityChecked || model->index(row, CheckResultsModel::EntityColumn).data().toString() == id;
    }
    QVERIFY(entityChecked);
    QCOMPARE(model->passCount(), model->rowCount());
    QCOMPARE(model->failCount(), 0);
    const QString summary = findChildOrFail<QLabel>(m_panel.get(), u"summary"_s)->text();
    QVERIFY2(
        summary.contains(u"All checks passed (%1 passed, 0 failed)"_s.arg(model->rowCount())), qPrintable(summary));
    QVERIFY2(summary.contains(u"Nothing was committed"_s), qPrintable(summary));
    auto *notice = findChildOrFail<QLabel>(m_panel.get(), u"notice"_s);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(u"cannot evaluate custom rules"_s), qPrintable(notice->text()));
    QVERIFY(!findChildOrFail<QCheckBox>(m_panel.get(), u"commit"_s)->isChecked());

    // Custom rules cannot be evaluated: the sandbox refuses the override and the panel says so in place.
    findChildOrFail<QCheckBox>(m_panel.get(), u"useRules"_s)->setChecked(true);
    QVERIFY(runCheck());
    auto *error = findChildOrFail<QLabel>(m_panel.get(), u"error"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"cannot evaluate custom rules"_s), qPrintable(error->text()));
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(findChildOrFail<QLabel>(m_panel.get(), u"summary"_s)->text().isEmpty());

    // Without the override, committing when every check passes writes the entity.
    findChildOrFail<QCheckBox>(m_panel.get(), u"useRules"_s)->setChecked(false);
    findChildOrFail<QCheckBox>(m_panel.get(), u"commit"_s)->setChecked(true);
    QVERIFY(runCheck());
    QVERIFY2(!error->isVisible(), qPrintable(error->text()));
    QVERIFY2(findChildOrFail<QLabel>(m_panel.get(), u"summary"_s)->text().contains(u"committed (tx-id"_s),
        qPrintable(findChildOrFail<QLabel>(m_panel.get(), u"summary"_s)->text()));
    QCOMPARE(model->failCount(), 0);
}

void TestPermissionsPanel::tabIdentityIsTheDefault()
{
    m_fixture.session()->setIdentity(instant::Identity::asEmail(u"rules@example.com"_s));
    QCOMPARE(findChildOrFail<QComboBox>(m_panel.get(), u"asKind"_s)->currentIndex(), 0);
    QCOMPARE(findChildOrFail<QLineEdit>(m_panel.get(), u"asValue"_s)->text(), u"rules@example.com"_s);
    m_fixture.session()->setIdentity(instant::Identity::asGuest());
    QCOMPARE(findChildOrFail<QComboBox>(m_panel.get(), u"asKind"_s)->currentIndex(), 2);
}

void TestPermissionsPanel::modelReadsBothCheckShapes()
{
    CheckResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecks(QJsonArray {
        QJsonObject {{u"id"_s, u"g1"_s}, {u"entity"_s, u"goals"_s},
            {u"program"_s, QJsonObject {{u"display-code"_s, u"auth.id != null"_s}, {u"action"_s, u"view"_s}}},
            {u"check"_s, false}},
        QJsonObject {{u"scope"_s, u"object"_s}, {u"action"_s, u"update"_s}, {u"etype"_s, u"goals"_s},
            {u"eid"_s, u"g2"_s}, {u"program"_s, QJsonObject {}}, {u"check-result"_s, true}, {u"check-pass?"_s, true}},
        QJsonObject {{u"id"_s, u"g3"_s}, {u"entity"_s, u"goals"_s}, {u"program"_s, QJsonObject {}}, {u"check"_s, 3}},
    });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.passCount(), 1);
    QCOMPARE(model.failCount(), 1);
    QCOMPARE(model.index(0, CheckResultsModel::ResultColumn).data().toString(), u"fail"_s);
    QCOMPARE(model.index(0, CheckResultsModel::ActionColumn).data().toString(), u"view"_s);
    QCOMPARE(model.index(0, CheckResultsModel::RuleColumn).data().toString(), u"auth.id != null"_s);
    QCOMPARE(model.index(1, CheckResultsModel::EntityColumn).data().toString(), u"g2"_s);
    QCOMPARE(model.index(1, CheckResultsModel::ActionColumn).data().toString(), u"update (object)"_s);
    QVERIFY(model.index(1, CheckResultsModel::RuleColumn).data().toString().contains(u"no rule"_s));
    QVERIFY(!model.index(2, 0).data(CheckResultsModel::PassRole).isValid());
    model.setChecks({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestPermissionsPanel)
#include "tst_permissionspanel.moc"
