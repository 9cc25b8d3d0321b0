// Building the result model for 100k entities, and applying a refresh in which one entity changed:
// the keyed diff (worker part + GUI part) against a full model reset, with the app's sorted table proxy
// attached to both, in the same run.
#include "results/resultdiff.h"
#include "results/resulttablemodel.h"
#include "results/resulttreemodel.h"

#include "json/jsontree.h"

#include <algorithm>
#include <cstdio>

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QUuid>

using namespace console;

namespace {

constexpr int kEntities = 100'000;
constexpr int kRounds = 5;

QByteArray makeResult(int changedRow)
{
    QByteArray json;
    json.reserve(kEntities * 140);
    json.append("{\"todos\":[");
    for (int i = 0; i < kEntities; ++i) {
        if (i > 0) {
            json.append(',');
        }
        // Deterministic ids so both results key the same entities.
        const QByteArray id
            = QUuid::fromRfc4122(QByteArray::number(i).rightJustified(16, '0')).toByteArray(QUuid::WithoutBraces);
        json.append("{\"id\":\"" + id + "\",\"title\":\"Todo number " + QByteArray::number(i));
        if (i == changedRow) {
            json.append(" (edited)");
        }
        json.append("\",\"done\":" + QByteArray(i % 3 == 0 ? "true" : "false") + ",\"priority\":"
            + QByteArray::number(i % 5) + ",\"createdAt\":" + QByteArray::number(1717243200000LL + i) + "}");
    }
    json.append("]}");
    return json;
}

ResultSnapshot parse(const QByteArray &json)
{
    auto tree = instant::JsonTree::parse(json);
    if (!tree) {
        qFatal("benchmark JSON does not parse");
    }
    return ResultSnapshot::of(*tree);
}

/** The model stack of the results view: tree model, namespace table, sorted proxy. */
struct Stack {
    ResultTreeModel tree;
    ResultTableModel table {&tree};
    QSortFilterProxyModel proxy;

    Stack()
    {
        tree.setFlashDuration(0);
        proxy.setSourceModel(&table);
        proxy.setSortRole(ResultTableModel::SortRole);
        proxy.setDynamicSortFilter(true);
    }

    void show(const ResultSnapshot &result)
    {
        tree.setResult(result);
        table.setNamespace("todos");
        proxy.sort(1, Qt::AscendingOrder);
    }
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QByteArray before = makeResult(-1);
    const QByteArray after = makeResult(kEntities / 2);
    std::printf("result: %d entities, %.1f MB of JSON\n", kEntities, before.size() / 1e6);

    QList<double> build;
    QList<double> diffWorker;
    QList<double> diffApply;
    QList<double> reset;
    for (int round = 0; round < kRounds; ++round) {
        const ResultSnapshot oldResult = parse(before);
        const ResultSnapshot newResult = parse(after);

        Stack diffed;
        QElapsedTimer clock;
        clock.start();
        diffed.show(oldResult);
        build.append(clock.nsecsElapsed() / 1e6);

        clock.restart();
        const ResultDiff diff = computeResultDiff(oldResult, newResult);
        diffWorker.append(clock.nsecsElapsed() / 1e6);
        if (diff.changedEntities != 1 || diff.addedEntities != 0 || diff.removedEntities != 0) {
            qFatal("unexpected diff");
        }
        clock.restart();
        if (!diffed.tree.applyDiff(diff)) {
            qFatal("diff not applied");
        }
        diffApply.append(clock.nsecsElapsed() / 1e6);

        Stack resetStack;
        resetStack.show(oldResult);
        clock.restart();
        resetStack.tree.setResult(newResult);
        reset.append(clock.nsecsElapsed() / 1e6);

        if (diffed.proxy.rowCount() != kEntities || resetStack.proxy.rowCount() != kEntities) {
            qFatal("row count mismatch");
        }
    }

    const double gui = median(diffApply);
    const double worker = median(diffWorker);
    const double full = median(reset);
    std::printf("build model (100k entities, table + sorted proxy): %8.2f ms\n", median(build));
    std::printf("refresh, one entity changed:\n");
    std::printf("  keyed diff, worker thread:  %8.2f ms\n", worker);
    std::printf("  keyed diff, GUI thread:     %8.2f ms\n", gui);
    std::printf("  full model reset (GUI):     %8.2f ms\n", full);
    std::printf("ratio reset / diff (GUI thread):    %6.1fx\n", full / std::max(gui, 0.001));
    std::printf("ratio reset / diff (worker + GUI):  %6.1fx\n", full / std::max(gui + worker, 0.001));
    return 0;
}
