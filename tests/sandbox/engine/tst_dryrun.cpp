#include "tst_dryrun.h"

#include <QJsonArray>

using namespace enginetest;
using namespace Qt::Literals::StringLiterals;

namespace {

const char *const kGoal = "00000000-0000-4000-8000-000000000001";
const char *const kOtherGoal = "00000000-0000-4000-8000-000000000002";
const char *const kOwner = "00000000-0000-4000-8000-0000000000aa";

sandbox::TransactOptions dryRun()
{
    sandbox::TransactOptions options;
    options.identity.kind = sandbox::Identity::Kind::Guest;
    options.dryRun = true;
    return options;
}

// "action etype eid" per effect, attributes as "action attrs".
QStringList describe(const QList<sandbox::TransactEffect> &effects)
{
    QStringList lines;
    for (const sandbox::TransactEffect &effect : effects) {
        if (effect.scope == sandbox::TransactEffect::Scope::Attr) {
            lines.append(effect.action + u" attrs"_s);
        } else {
            lines.append(effect.action + u' ' + effect.etype + u' ' + effect.entityId.toString(QUuid::WithoutBraces));
        }
    }
    return lines;
}

} // namespace

void TestDryRun::init()
{
    m_fixture = std::make_unique<Fixture>();
    QVERIFY(m_fixture->init());
    // A goal with a title and an owner, so every attribute used below exists already.
    QVERIFY(m_fixture->tx(R"([["update","owner","00000000-0000-4000-8000-0000000000aa",{"name":"Alyssa"}],
        ["update","goals","00000000-0000-4000-8000-000000000001",{"title":"Get fit"}],
        ["link","goals","00000000-0000-4000-8000-000000000001",{"owner":"00000000-0000-4000-8000-0000000000aa"}]])"));
}

void TestDryRun::dryRunRunsAndRollsBack()
{
    sandbox::Store &store = *m_fixture->store;
    const QString before = compact(m_fixture->q(R"({"goals":{"owner":{}},"owner":{}})")->tree);
    const QString attrsBefore = compact(store.attrs(m_fixture->appId));
    int notified = 0;
    const int handle = store.addChangeListener([&](const QUuid &, qint64) { ++notified; });

    const auto report = store.transactWithReport(m_fixture->appId,
        array(R"([["update","goals","00000000-0000-4000-8000-000000000002",{"title":"New","mood":"keen"}],
                  ["update","goals","00000000-0000-4000-8000-000000000001",{"title":"Renamed"}],
                  ["delete","owner","00000000-0000-4000-8000-0000000000aa"]])"),
        dryRun());
    QVERIFY(report);
    QVERIFY(!report->committed);
    QVERIFY(report->txId > 0);
    QVERIFY(!report->effects.isEmpty());

    // Data, attributes (goals.mood was created during the run) and listeners: as if nothing happened.
    QCOMPARE(compact(m_fixture->q(R"({"goals":{"owner":{}},"owner":{}})")->tree), before);
    QCOMPARE(compact(store.attrs(m_fixture->appId)), attrsBefore);
    QCOMPARE(notified, 0);
    store.removeChangeListener(handle);
}

void TestDryRun::dryRunIdsAreNeverReused()
{
    const qint64 committed = *m_fixture->tx(R"([["update","goals","00000000-0000-4000-8000-000000000001",{"n":1}]])");
    const auto first = m_fixture->store->transactWithReport(
        m_fixture->appId, array(R"([["update","goals","00000000-0000-4000-8000-000000000001",{"n":2}]])"), dryRun());
    QVERIFY(first);
    QVERIFY(first->txId > committed);
    const auto second = m_fixture->store->transactWithReport(
        m_fixture->appId, array(R"([["update","goals","00000000-0000-4000-8000-000000000001",{"n":3}]])"), dryRun());
    QVERIFY(second);
    QVERIFY(second->txId > first->txId);
    const auto next = m_fixture->tx(R"([["update","goals","00000000-0000-4000-8000-000000000001",{"n":4}]])");
    QVERIFY(next);
    QVERIFY(*next > second->txId);

    // The reservation is stored: after a reopen the next commit still comes after every id handed out.
    const auto third = m_fixture->store->transactWithReport(
        m_fixture->appId, array(R"([["update","goals","00000000-0000-4000-8000-000000000001",{"n":5}]])"), dryRun());
    QVERIFY(third);
    m_fixture->store.reset();
    QVERIFY(m_fixture->open());
    const auto afterReopen = m_fixture->tx(R"([["update","goals","00000000-0000-4000-8000-000000000001",{"n":6}]])");
    QVERIFY(afterReopen);
    QVERIFY(*afterReopen > third->txId);
}

void TestDryRun::rejectedApprovalRollsBack()
{
    QList<sandbox::TransactEffect> seen;
    const auto report = m_fixture->store->transactWithReport(m_fixture->appId,
        array(R"([["update","goals","00000000-0000-4000-8000-000000000002",{"title":"Refused"}]])"), {},
        [&](const QList<sandbox::TransactEffect> &effects) {
            seen = effects;
            return false;
        });
    QVERIFY(report);
    QVERIFY(!report->committed);
    QCOMPARE(describe(seen), describe(report->effects));
    QCOMPARE(m_fixture->store->latestTxId(m_fixture->appId) < report->txId, true);
    QCOMPARE(compact(m_fixture->q(R"({"goals":{"$":{"where":{"title":"Refused"}}}})")->tree), u"{\"goals\":[]}"_s);
}

void TestDryRun::approvedRunCommits()
{
    const auto report = m_fixture->store->transactWithReport(m_fixture->appId,
        array(R"([["update","goals","00000000-0000-4000-8000-000000000002",{"title":"Kept"}]])"), {},
        [](const QList<sandbox::TransactEffect> &) { return true; });
    QVERIFY(report);
    QVERIFY(report->committed);
    QCOMPARE(m_fixture->store->latestTxId(m_fixture->appId), report->txId);
    QCOMPARE(m_fixture->q(R"({"goals":{"$":{"where":{"title":"Kept"}}}})")->tree.value(u"goals").toArray().size(), 1);
}

void TestDryRun::effects_data()
{
    QTest::addColumn<QString>("steps");
    QTest::addColumn<QStringList>("expected");
    const QString goal = QString::fromLatin1(kGoal);
    const QString other = QString::fromLatin1(kOtherGoal);
    const QString owner = QString::fromLatin1(kOwner);
    QTest::newRow("create") << u"[[\"update\",\"goals\",\"%1\",{\"title\":\"New\"}]]"_s.arg(other)
                            << QStringList {u"create goals "_s + other};
    QTest::newRow("create-with-create-action") << u"[[\"create\",\"goals\",\"%1\",{\"title\":\"New\"}]]"_s.arg(other)
                                               << QStringList {u"create goals "_s + other};
    // Several steps on one entity are one update.
    QTest::newRow("update")
        << u"[[\"update\",\"goals\",\"%1\",{\"title\":\"A\"}],[\"merge\",\"goals\",\"%1\",{\"title\":\"B\"}]]"_s.arg(
               goal)
        << QStringList {u"update goals "_s + goal};
    QTest::newRow("delete") << u"[[\"delete\",\"goals\",\"%1\"]]"_s.arg(goal)
                            << QStringList {u"delete goals "_s + goal};
    // The linked entity existed: it is viewed, before the new goal is created.
    QTest::newRow("link-new-to-existing")
        << u"[[\"update\",\"goals\",\"%1\",{\"title\":\"N\"}],[\"link\",\"goals\",\"%1\",{\"owner\":\"%2\"}]]"_s.arg(
               other, owner)
        << QStringList {u"view owner "_s + owner, u"create goals "_s + other};
    QTest::newRow("unlink") << u"[[\"unlink\",\"goals\",\"%1\",{\"owner\":\"%2\"}]]"_s.arg(goal, owner)
                            << QStringList {u"update goals "_s + goal, u"view owner "_s + owner};
    // Linked from the reverse side: the attribute's forward entity (the goal) is the one updated.
    QTest::newRow("reverse-link") << u"[[\"link\",\"owner\",\"%1\",{\"goals\":\"%2\"}]]"_s.arg(owner, goal)
                                  << QStringList {u"update goals "_s + goal, u"view owner "_s + owner};
}

void TestDryRun::effects()
{
    QFETCH(QString, steps);
    QFETCH(QStringList, expected);
    const auto report
        = m_fixture->store->transactWithReport(m_fixture->appId, json(steps.toUtf8().constData()).toArray(), dryRun());
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    QCOMPARE(describe(report->effects), expected);
}

void TestDryRun::newAttributesAreEachReported()
{
    // gadgets.id and gadgets.name are created: one attribute check each, first, as the attribute steps run first.
    const auto report = m_fixture->store->transactWithReport(m_fixture->appId,
        array(R"([["update","gadgets","00000000-0000-4000-8000-000000000003",{"name":"Lamp"}]])"), dryRun());
    QVERIFY(report);
    QCOMPARE(describe(report->effects),
        (QStringList {u"create attrs"_s, u"create attrs"_s, u"create gadgets 00000000-0000-4000-8000-000000000003"_s}));
    // The entity's state before the run: updates and deletes carry it, creates have none.
    const auto update = m_fixture->store->transactWithReport(m_fixture->appId,
        array(R"([["update","goals","00000000-0000-4000-8000-000000000001",{"title":"X"}]])"), dryRun());
    QVERIFY(update);
    QCOMPARE(update->effects.size(), 1);
    const QJsonObject data = update->effects.first().data;
    QCOMPARE(data.value(u"title").toString(), u"Get fit"_s);
    QCOMPARE(data.value(u"id").toString(), QString::fromLatin1(kGoal));
    QVERIFY(report->effects.first().data.isEmpty());
}

void TestDryRun::failedStepsReportNothing()
{
    const qint64 latest = m_fixture->store->latestTxId(m_fixture->appId);
    const auto report = m_fixture->store->transactWithReport(m_fixture->appId,
        array(R"([["create","goals","00000000-0000-4000-8000-000000000001",{"title":"Exists"}]])"), dryRun());
    QVERIFY(!report);
    QCOMPARE(report.error().type, u"validation-failed"_s);
    QCOMPARE(m_fixture->store->latestTxId(m_fixture->appId), latest);
    QCOMPARE(compact(m_fixture->q(R"({"goals":{"$":{"where":{"title":"Get fit"}}}})")
                         ->tree.value(u"goals")[0]
                         .toObject()
                         .value(u"title")),
        u"\"Get fit\""_s);
}

void TestDryRun::latestTxIdSurvivesReopen()
{
    sandbox::Store &store = *m_fixture->store;
    const auto tx = m_fixture->tx(R"([["update","goals","00000000-0000-4000-8000-000000000001",{"n":1}]])");
    QVERIFY(tx);
    QCOMPARE(store.latestTxId(m_fixture->appId), *tx);
    QVERIFY(store.transactWithReport(
        m_fixture->appId, array(R"([["update","goals","00000000-0000-4000-8000-000000000001",{"n":2}]])"), dryRun()));
    QCOMPARE(store.latestTxId(m_fixture->appId), *tx); // a dry run commits nothing
    QCOMPARE(store.latestTxId(QUuid::createUuid()), 0);

    // Per app: another app's transaction does not move this app's latest id.
    const QUuid otherApp = QUuid::createUuid();
    QVERIFY(store.createApp(sandbox::AppInfo {otherApp, QUuid::createUuid(), u"other"_s}));
    QVERIFY(store.transact(otherApp, array(R"([["update","goals","00000000-0000-4000-8000-000000000009",{"n":1}]])")));
    QCOMPARE(store.latestTxId(m_fixture->appId), *tx);

    m_fixture->store.reset();
    QVERIFY(m_fixture->open());
    QCOMPARE(m_fixture->store->latestTxId(m_fixture->appId), *tx);
    QVERIFY(m_fixture->store->latestTxId(otherApp) > *tx);
}

QTEST_GUILESS_MAIN(TestDryRun)
