#pragma once

#include "enginetestutil.h"

#include <QObject>

/** InstaML steps: every form, lookups, attribute auto-creation, errors, cascades, rollback. */
class TestInstaml final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void steps_data();
    void steps();
    void errors_data();
    void errors();
    void failedTransactionRollsBack();
    void autoCreatedAttrs_data();
    void autoCreatedAttrs();
    void cascadeDeletes();
    void softDeletedAttr();
    void systemColumnsForTheServer();

private:
    std::unique_ptr<enginetest::Fixture> m_fixture;
};
