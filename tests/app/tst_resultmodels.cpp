#include "requestlog/requestlogmodel.h"
#include "results/numberformat.h"
#include "results/resultdiff.h"
#include "results/resultexport.h"
#include "results/resulttablemodel.h"
#include "results/resulttreemodel.h"

#include "requestlog.h"
#include "json/jsontree.h"

#include <QAbstractItemModelTester>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace console;

namespace {

ResultSnapshot snapshot(const char *json)
{
    auto tree = instant::JsonTree::parse(QByteArray(json));
    if (!tree) {
        qFatal("bad test JSON: %s", qPrintable(tree.error().message));
    }
    return ResultSnapshot::of(*tree);
}

const char *kBase = R"({"goals":[
  {"id":"g1","title":"Get fit","todos":[
        {"id":"t1","title":"Run","done":false},{"id":"t2","title":"Swim","done":true}]},
  {"id":"g2","title":"Read","todos":[]},
  {"id":"g3","title":"Cook","todos":[{"id":"t3","title":"Bake","done":false}]}],
 "tags":[{"id":"x1","name":"health"}]})";

/** Fetches every item so the tester and the diff see materialised children too. */
void expandAll(QAbstractItemModel *model, const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        expandAll(model, child);
    }
}

QModelIndex find(ResultTreeModel &model, const QString &path)
{
    // path like "goals/g1/todos/t2/title": keys, entity ids or member names.
    QModelIndex current;
    for (const QString &part : path.split(QLatin1Char('/'))) {
        bool found = false;
        for (int row = 0; row < model.rowCount(current); ++row) {
            const QModelIndex child = model.index(row, 0, current);
            if (child.data().toString() == part) {
                current = child;
                found = true;
                break;
            }
        }
        if (!found) {
            return {};
        }
    }
    return current;
}

} // namespace

class TestResultModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void treeStructure();
    void treeModelTester();
    void changedEntityOnlySignalsItsRow();
    void insertAndRemoveAreKeyedById();
    void reorderMovesPersistentIndexes();
    void nestedChangesKeepExpandedItems();
    void staleDiffIsRejected();
    void asyncUpdateAppliesLatest();
    void tableModel();
    void tableFollowsDiff();
    void csvExport();
    void numbersReadLikeJavaScript_data();
    void numbersReadLikeJavaScript();
    void requestLogModel();
};

void TestResultModels::treeStructure()
{
    ResultTreeModel model;
    model.setResult(snapshot(kBase));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.namespaceName(0), QByteArray("goals"));
    QCOMPARE(model.entityCount(0), 3);
    QCOMPARE(model.totalEntities(), 4);

    const QModelIndex swim = find(model, QStringLiteral("goals/g1/todos/t2/title"));
    QVERIFY(swim.isValid());
    QCOMPARE(swim.siblingAtColumn(ResultTreeModel::ValueColumn).data().toString(), QStringLiteral("Swim"));
    QCOMPARE(model.jsonPath(swim), QStringLiteral("goals[0].todos[1].title"));
    QCOMPARE(model.attributeName(swim), QStringLiteral("title"));
    const EntityRef ref = model.entityRef(swim);
    QCOMPARE(ref.id, QStringLiteral("t2"));
    QCOMPARE(ref.ns, QStringLiteral("todos")); // no resolver: the link label
    QCOMPARE(model.kind(find(model, QStringLiteral("goals/g1"))), ResultTreeModel::NodeKind::Entity);
    QCOMPARE(model.kind(find(model, QStringLiteral("goals"))), ResultTreeModel::NodeKind::Namespace);
    QCOMPARE(model.columns(0), (QList<QByteArray> {"id", "title", "todos"}));
}

void TestResultModels::treeModelTester()
{
    ResultTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(snapshot(kBase));
    expandAll(&model);
    model.applyDiff(computeResultDiff(model.result(), snapshot(R"({"goals":[
      {"id":"g3","title":"Cook","todos":[{"id":"t3","title":"Bake","done":true},{"id":"t4","title":"Fry"}]},
      {"id":"g1","title":"Get fit!","todos":[{"id":"t2","title":"Swim","done":true}]},
      {"id":"g5","title":"New"}],
      "$users":[{"id":"u1","email":"a@b.c"}]})")));
    expandAll(&model);
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestResultModels::changedEntityOnlySignalsItsRow()
{
    ResultTreeModel model;
    model.setFlashDuration(10'000);
    model.setResult(snapshot(kBase));
    const QPersistentModelIndex bake(find(model, QStringLiteral("goals/g3/todos/t3/title")));
    QVERIFY(bake.isValid());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const ResultDiff diff = computeResultDiff(model.result(), snapshot(R"({"goals":[
      {"id":"g1","title":"Get fit","todos":[
        {"id":"t1","title":"Run","done":false},{"id":"t2","title":"Swim","done":true}]},
      {"id":"g2","title":"Read more","todos":[]},
      {"id":"g3","title":"Cook","todos":[{"id":"t3","title":"Bake","done":false}]}],
     "tags":[{"id":"x1","name":"health"}]})"));
    QCOMPARE(diff.changedEntities, 1);
    QCOMPARE(diff.addedEntities, 0);
    QCOMPARE(diff.removedEntities, 0);
    QVERIFY(model.applyDiff(diff));

    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(layout.count(), 0);
    bool sawG2 = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex topLeft = args.at(0).toModelIndex();
        if (topLeft.parent() == model.namespaceIndex(0)) {
            QCOMPARE(topLeft.row(), 1);
            sawG2 = true;
        }
    }
    QVERIFY(sawG2);

    // The unchanged item is still valid and reads from the new tree.
    QVERIFY(bake.isValid());
    QCOMPARE(QModelIndex(bake).siblingAtColumn(1).data().toString(), QStringLiteral("Bake"));
    QVERIFY(model.entityFlash(0, 1, "title") > 0);
    QCOMPARE(model.entityFlash(0, 1, "todos"), 0.0);
    QCOMPARE(model.entityFlash(0, 0, "title"), 0.0);
    QVERIFY(model.index(1, 0, model.namespaceIndex(0)).data(Qt::BackgroundRole).isValid());
}

void TestResultModels::insertAndRemoveAreKeyedById()
{
    ResultTreeModel model;
    model.setResult(snapshot(kBase));
    const QPersistentModelIndex cook(find(model, QStringLiteral("goals/g3")));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(model.applyDiff(computeResultDiff(model.result(), snapshot(R"({"goals":[
      {"id":"g1","title":"Get fit","todos":[
        {"id":"t1","title":"Run","done":false},{"id":"t2","title":"Swim","done":true}]},
      {"id":"g3","title":"Cook","todos":[{"id":"t3","title":"Bake","done":false}]},
      {"id":"g4","title":"Sleep"}],
     "tags":[{"id":"x1","name":"health"}]})"))));

    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QVERIFY(cook.isValid());
    QCOMPARE(cook.row(), 1);
    QCOMPARE(cook.data().toString(), QStringLiteral("g3"));
    QCOMPARE(model.entityCount(0), 3);
    QCOMPARE(model.index(2, 0, model.namespaceIndex(0)).data().toString(), QStringLiteral("g4"));
}

void TestResultModels::reorderMovesPersistentIndexes()
{
    ResultTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(snapshot(kBase));
    const QPersistentModelIndex fit(find(model, QStringLiteral("goals/g1")));
    const QPersistentModelIndex swim(find(model, QStringLiteral("goals/g1/todos/t2")));
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

    QVERIFY(model.applyDiff(computeResultDiff(model.result(), snapshot(R"({"goals":[
      {"id":"g3","title":"Cook","todos":[{"id":"t3","title":"Bake","done":false}]},
      {"id":"g2","title":"Read","todos":[]},
      {"id":"g1","title":"Get fit","todos":[
        {"id":"t1","title":"Run","done":false},{"id":"t2","title":"Swim","done":true}]}],
     "tags":[{"id":"x1","name":"health"}]})"))));
    QCOMPARE(layout.count(), 1);
    QCOMPARE(fit.row(), 2);
    QCOMPARE(fit.data().toString(), QStringLiteral("g1"));
    QVERIFY(swim.isValid());
    QCOMPARE(swim.parent().parent(), QModelIndex(fit));
}

void TestResultModels::nestedChangesKeepExpandedItems()
{
    ResultTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(snapshot(kBase));
    expandAll(&model);
    const QPersistentModelIndex run(find(model, QStringLiteral("goals/g1/todos/t1/done")));
    const QPersistentModelIndex todos(find(model, QStringLiteral("goals/g1/todos")));
    QVERIFY(run.isValid());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QVERIFY(model.applyDiff(computeResultDiff(model.result(), snapshot(R"({"goals":[
      {"id":"g1","title":"Get fit","todos":[
        {"id":"t1","title":"Run","done":true},{"id":"t2","title":"Swim","done":true},{"id":"t9","title":"Row"}]},
      {"id":"g2","title":"Read","todos":[]},
      {"id":"g3","title":"Cook","todos":[{"id":"t3","title":"Bake","done":false}]}],
     "tags":[{"id":"x1","name":"health"}]})"))));
    QVERIFY(run.isValid());
    QCOMPARE(QModelIndex(run).siblingAtColumn(1).data().toString(), QStringLiteral("true"));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(0).toModelIndex(), QModelIndex(todos));
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(model.rowCount(todos), 3);
}

void TestResultModels::staleDiffIsRejected()
{
    ResultTreeModel model;
    model.setResult(snapshot(kBase));
    const ResultDiff stale = computeResultDiff(snapshot(kBase), snapshot(R"({"goals":[]})"));
    QVERIFY(!model.applyDiff(stale));
    QCOMPARE(model.entityCount(0), 3);
}

void TestResultModels::asyncUpdateAppliesLatest()
{
    ResultTreeModel model;
    model.setResult(snapshot(kBase));
    QSignalSpy applied(&model, &ResultTreeModel::resultApplied);
    model.updateResultAsync(snapshot(R"({"goals":[{"id":"g1","title":"A"}]})"));
    const ResultSnapshot last = snapshot(R"({"goals":[{"id":"g1","title":"B"},{"id":"g2","title":"C"}]})");
    model.updateResultAsync(last);
    QTRY_COMPARE(model.result(), last);
    QTRY_VERIFY(!model.isUpdating());
    QCOMPARE(model.entityCount(0), 2);
    QCOMPARE(model.index(0, 1, model.namespaceIndex(0)).data().toString(), QStringLiteral("title: B"));
    QVERIFY(applied.count() >= 1);
}

void TestResultModels::tableModel()
{
    ResultTreeModel tree;
    ResultTableModel table(&tree);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&table);
    proxy.setSortRole(ResultTableModel::SortRole);
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.setResult(snapshot(kBase));
    table.setNamespace("goals");
    QCOMPARE(table.rowCount(), 3);
    QCOMPARE(table.columnCount(), 3);
    QCOMPARE(table.headerData(1, Qt::Horizontal).toString(), QStringLiteral("title"));
    QCOMPARE(table.index(0, 2).data().toString(), QStringLiteral("[2]"));
    QCOMPARE(table.entityRef(2).id, QStringLiteral("g3"));

    proxy.sort(1, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 1).data().toString(), QStringLiteral("Cook"));
    QCOMPARE(proxy.index(2, 1).data().toString(), QStringLiteral("Read"));

    table.setNamespace("tags");
    QCOMPARE(table.rowCount(), 1);
    QCOMPARE(table.index(0, 1).data().toString(), QStringLiteral("health"));
    table.setNamespace("nope");
    QCOMPARE(table.rowCount(), 0);
}

void TestResultModels::tableFollowsDiff()
{
    ResultTreeModel tree;
    ResultTableModel table(&tree);
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.setResult(snapshot(kBase));
    table.setNamespace("goals");
    const QPersistentModelIndex cook(table.index(2, 1));
    QSignalSpy reset(&table, &QAbstractItemModel::modelReset);
    QSignalSpy columns(&table, &QAbstractItemModel::columnsInserted);
    QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);

    QVERIFY(tree.applyDiff(computeResultDiff(tree.result(), snapshot(R"({"goals":[
      {"id":"g1","title":"Get fit","todos":[
        {"id":"t1","title":"Run","done":false},{"id":"t2","title":"Swim","done":true}]},
      {"id":"g3","title":"Cook","todos":[{"id":"t3","title":"Bake","done":false}],"priority":3}],
     "tags":[{"id":"x1","name":"health"}]})"))));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(table.rowCount(), 2);
    QVERIFY(cook.isValid());
    QCOMPARE(cook.row(), 1);
    QCOMPARE(columns.count(), 1);
    QCOMPARE(table.headerData(3, Qt::Horizontal).toString(), QStringLiteral("priority"));
    QCOMPARE(table.index(1, 3).data().toString(), QStringLiteral("3"));
    QVERIFY(!changed.isEmpty());
}

void TestResultModels::csvExport()
{
    const ResultSnapshot result
        = snapshot(R"({"todos":[{"id":"t1","title":"Say \"hi\", then","n":2},{"id":"t2","tags":[1]}]})");
    const instant::JsonNode todos = result.root.value("todos");
    QCOMPARE(ResultExport::toCsv(todos, collectColumns(todos)),
        QByteArray("id,title,n,tags\r\nt1,\"Say \"\"hi\"\", then\",2,\r\nt2,,,[1]\r\n"));
}

void TestResultModels::numbersReadLikeJavaScript_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("shown");
    QTest::newRow("integer") << QByteArray("42") << QStringLiteral("42");
    QTest::newRow("int64-exact") << QByteArray("9007199254740993") << QStringLiteral("9007199254740993");
    QTest::newRow("negative-zero") << QByteArray("-0") << QStringLiteral("0");
    QTest::newRow("java-double") << QByteArray("100.0") << QStringLiteral("100");
    QTest::newRow("java-exponent") << QByteArray("1.0E10") << QStringLiteral("10000000000");
    QTest::newRow("fraction") << QByteArray("0.1") << QStringLiteral("0.1");
    QTest::newRow("shortest") << QByteArray("0.30000000000000004") << QStringLiteral("0.30000000000000004");
    QTest::newRow("small") << QByteArray("0.000001") << QStringLiteral("0.000001");
    QTest::newRow("smaller") << QByteArray("1.5e-7") << QStringLiteral("1.5e-7");
    QTest::newRow("large") << QByteArray("123456789012345678901") << QStringLiteral("123456789012345680000");
    QTest::newRow("larger") << QByteArray("-1e21") << QStringLiteral("-1e+21");
    QTest::newRow("digits-and-exponent") << QByteArray("2.5E+30") << QStringLiteral("2.5e+30");
    QTest::newRow("beyond-double") << QByteArray("1e400") << QStringLiteral("Infinity");
}

void TestResultModels::numbersReadLikeJavaScript()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, shown);
    // As a table cell shows it, next to the title of an entity.
    const QByteArray document = R"({"goals":[{"id":"g1","n":)" + json + "}]}";
    const ResultSnapshot result = snapshot(document.constData());
    ResultTreeModel tree;
    ResultTableModel table(&tree);
    tree.setResult(result);
    table.setNamespace("goals");
    QCOMPARE(table.index(0, 1).data().toString(), shown);
    QCOMPARE(console::javaScriptNumberText(result.root.value("goals").at(0).value("n")), shown);
}

void TestResultModels::requestLogModel()
{
    instant::RequestLog log(3);
    RequestLogModel model(&log);
    RequestLogFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:1/admin/query")));
    request.setRawHeader("authorization", "Bearer secret-token");
    for (int i = 0; i < 5; ++i) {
        const quint64 id
            = log.recordStarted("POST", QStringLiteral("/admin/query"), request, "{}", QStringLiteral("admin"));
        log.recordFinished(id, i == 4 ? 400 : 200, 2, 10);
    }
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, RequestLogModel::StatusColumn).data().toInt(), 400);
    filter.setErrorsOnly(true);
    QCOMPARE(filter.rowCount(), 1);
    filter.setErrorsOnly(false);
    filter.setFilterFixedString(QStringLiteral("query"));
    QCOMPARE(filter.rowCount(), 3);

    // A request that got no answer shows what went wrong, in words for people.
    const quint64 failed
        = log.recordStarted("POST", QStringLiteral("/admin/query"), request, "{}", QStringLiteral("admin"));
    log.recordFinished(failed, 0, 2, 0, instant::Error::make(instant::Error::Kind::Tls, QStringLiteral("handshake")));
    QCOMPARE(model.index(2, RequestLogModel::StatusColumn).data().toString(), QStringLiteral("TLS"));
    log.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestResultModels)
#include "tst_resultmodels.moc"
