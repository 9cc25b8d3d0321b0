#pragma once

#include "enginetestutil.h"

#include <QObject>

/** InstaQL: the where grammar, ordering and tie-breaks, pagination and cursors, inference, validation. */
class TestInstaql final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void where_data();
    void where();
    void ordering_data();
    void ordering();
    void tiesByIdWithinOneTransaction();
    void pagination_data();
    void pagination();
    void cursorsWalkAllPages();
    void validation_data();
    void validation();
    void inference_data();
    void inference();
    void treeShape();
    void impersonatedUsers();

private:
    std::unique_ptr<enginetest::Fixture> m_fixture;
};
