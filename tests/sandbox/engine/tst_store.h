#pragma once

#include "enginetestutil.h"

#include <QObject>

/** The store: apps, durability across reopen and SIGKILL, tx ids, system catalog, schema, listeners, threads. */
class TestStore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void apps();
    void dataSurvivesReopen();
    void txIdsIncreaseAcrossReopen();
    void systemCatalog();
    void schemaView();
    void listenersRunAfterCommitOutsideTheLock();
    void entityCreatedAt();
    void concurrentReadersAndWriters();
    void sigkillLeavesWholeTransactions();

private:
    std::unique_ptr<enginetest::Fixture> m_fixture;
};
