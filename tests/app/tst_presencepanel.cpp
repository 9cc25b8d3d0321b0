#include <memory>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include "adminclient.h"
#include "connection.h"
#include "presence/presencemodel.h"
#include "presence/presencepanel.h"
#include "session/connectionsession.h"
#include "support/sandboxsessionfixture.h"

using namespace console;
using namespace Qt::StringLiterals;

class TestPresencePanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void showsSessionsOfRoom();
    void timerRefreshFollowsJoinsAndLeaves();
    void emptyRoomAndMissingInput();
    void modelAppliesUpdatesInPlace();

private:
    /** Joins (or leaves) through the sandbox-only room routes; returns the peer id. */
    QString sandboxRoom(const QString &route, const QJsonObject &body);
    int findRow(const QString &text, int column) const;

    SandboxSessionFixture m_fixture;
    std::unique_ptr<PresencePanel> m_panel;
};

void TestPresencePanel::initTestCase()
{
    const auto started = m_fixture.start();
    QVERIFY2(started, started ? "" : qPrintable(started.error()));
}

void TestPresencePanel::init()
{
    m_panel = std::make_unique<PresencePanel>(m_fixture.session());
    m_panel->show();
}

void TestPresencePanel::cleanup()
{
    m_panel.reset();
}

void TestPresencePanel::cleanupTestCase()
{
    m_fixture.stop();
}

QString TestPresencePanel::sandboxRoom(const QString &route, const QJsonObject &body)
{
    const auto request = m_fixture.adminClient()->buildRequest(route);
    if (!request) {
        return {};
    }
    QNetworkReply *reply = m_fixture.adminClient()->networkAccessManager()->post(
        *request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10'000)) {
        return {};
    }
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object().value(u"peer-id").toString();
}

int TestPresencePanel::findRow(const QString &text, int column) const
{
    PresenceModel *model = m_panel->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data().toString().contains(text)) {
            return row;
        }
    }
    return -1;
}

void TestPresencePanel::showsSessionsOfRoom()
{
    const QJsonObject created = SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->refreshTokens(instant::UserSelector::byEmail(u"louis@example.com"_s)))
                                    .toObject();
    const QString userId = created.value(u"user").toObject().value(u"id").toString();
    QVERIFY(!userId.isEmpty());
    QVERIFY(!sandboxRoom(u"/sandbox/rooms/join"_s,
        {{u"room-id"_s, u"room-1"_s}, {u"user-id"_s, userId}, {u"data"_s, QJsonObject {{u"color"_s, u"blue"_s}}}})
                 .isEmpty());
    QVERIFY(!sandboxRoom(
        u"/sandbox/rooms/join"_s, {{u"room-id"_s, u"room-1"_s}, {u"data"_s, QJsonObject {{u"color"_s, u"red"_s}}}})
                 .isEmpty());

    QAbstractItemModelTester tester(m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::keyClicks(m_panel->findChild<QLineEdit *>(u"roomType"_s), u"chat"_s);
    QTest::keyClicks(m_panel->findChild<QLineEdit *>(u"roomId"_s), u"room-1"_s);
    QSignalSpy refreshed(m_panel.get(), &PresencePanel::refreshed);
    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"refresh"_s), Qt::LeftButton);
    QVERIFY(refreshed.wait(10'000));

    QCOMPARE(m_panel->model()->rowCount(), 2);
    const int louis = findRow(u"louis@example.com"_s, PresenceModel::UserColumn);
    QVERIFY(louis >= 0);
    QVERIFY(m_panel->model()->index(louis, PresenceModel::DataColumn).data().toString().contains(u"blue"_s));
    QCOMPARE(m_panel->model()->index(louis, 0).data(PresenceModel::UserIdRole).toString(), userId);
    const int anonymous = findRow(u"(anonymous)"_s, PresenceModel::UserColumn);
    QVERIFY(anonymous >= 0);
    QVERIFY(m_panel->model()->index(anonymous, PresenceModel::DataColumn).data().toString().contains(u"red"_s));
    QVERIFY(m_panel->findChild<QLabel *>(u"status"_s)->text().contains(u"2"_s));
}

void TestPresencePanel::timerRefreshFollowsJoinsAndLeaves()
{
    const QString first = sandboxRoom(u"/sandbox/rooms/join"_s, {{u"room-id"_s, u"room-2"_s}});
    QVERIFY(!first.isEmpty());
    m_panel->findChild<QLineEdit *>(u"roomType"_s)->setText(u"chat"_s);
    m_panel->findChild<QLineEdit *>(u"roomId"_s)->setText(u"room-2"_s);
    m_panel->findChild<QSpinBox *>(u"interval"_s)->setValue(1);
    m_panel->findChild<QCheckBox *>(u"autoRefresh"_s)->setChecked(true);
    QVERIFY(m_panel->isAutoRefreshing());
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, 5000);

    const QString second = sandboxRoom(
        u"/sandbox/rooms/join"_s, {{u"room-id"_s, u"room-2"_s}, {u"data"_s, QJsonObject {{u"typing"_s, true}}}});
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 2, 5000);
    sandboxRoom(u"/sandbox/rooms/leave"_s, {{u"room-id"_s, u"room-2"_s}, {u"peer-id"_s, first}});
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, 5000);
    QCOMPARE(m_panel->model()->index(0, PresenceModel::PeerColumn).data().toString(), second);

    m_panel->findChild<QCheckBox *>(u"autoRefresh"_s)->setChecked(false);
    QVERIFY(!m_panel->isAutoRefreshing());
}

void TestPresencePanel::emptyRoomAndMissingInput()
{
    QSignalSpy refreshed(m_panel.get(), &PresencePanel::refreshed);
    m_panel->refresh();
    auto *error = m_panel->findChild<QLabel *>(u"error"_s);
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(u"room type"_s));

    m_panel->findChild<QLineEdit *>(u"roomType"_s)->setText(u"chat"_s);
    m_panel->refresh();
    QVERIFY(error->text().contains(u"room id"_s));

    m_panel->findChild<QLineEdit *>(u"roomId"_s)->setText(u"nobody-here"_s);
    refreshed.clear();
    m_panel->refresh();
    QVERIFY(refreshed.wait(10'000));
    QVERIFY(!error->isVisible());
    QCOMPARE(m_panel->model()->rowCount(), 0);
}

void TestPresencePanel::modelAppliesUpdatesInPlace()
{
    PresenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto session = [](const QString &peer, const QString &color) {
        return QJsonObject {
            {u"peer-id"_s, peer}, {u"data"_s, QJsonObject {{u"color"_s, color}}}, {u"user"_s, QJsonValue()}};
    };
    model.setSessions(QJsonObject {{u"s1"_s, session(u"p1"_s, u"blue"_s)}, {u"s2"_s, session(u"p2"_s, u"red"_s)}});
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSessions(QJsonObject {{u"s2"_s, session(u"p2"_s, u"green"_s)}, {u"s3"_s, session(u"p3"_s, u"red"_s)}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.index(0, PresenceModel::SessionColumn).data().toString(), u"s2"_s);
    QVERIFY(model.index(0, PresenceModel::DataColumn).data().toString().contains(u"green"_s));
    model.setSessions(QJsonValue::Null);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestPresencePanel)
#include "tst_presencepanel.moc"
