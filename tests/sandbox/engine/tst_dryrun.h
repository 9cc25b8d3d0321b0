#pragma once

#include "enginetestutil.h"

#include <QObject>

/** Store::transactWithReport: dry runs, their transaction ids, the effects they report, latestTxId. */
class TestDryRun final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void dryRunRunsAndRollsBack();
    void dryRunIdsAreNeverReused();
    void rejectedApprovalRollsBack();
    void approvedRunCommits();
    void effects_data();
    void effects();
    void newAttributesAreEachReported();
    void failedStepsReportNothing();
    void latestTxIdSurvivesReopen();

private:
    std::unique_ptr<enginetest::Fixture> m_fixture;
};
