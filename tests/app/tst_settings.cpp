#include "settings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace console;

class TestSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void profilesRoundTrip();
    void historyIsPerProfileAndBounded();
    void savedQueriesAndTabs();
};

void TestSettings::profilesRoundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("console.ini"));
    ConnectionProfile profile = ConnectionProfile::create();
    profile.name = QStringLiteral("Prod");
    profile.serverUrl = QUrl(QStringLiteral("https://api.instantdb.com"));
    profile.appId = QStringLiteral("0f9a7c1e-3b2d-4e5f-8a6b-1c2d3e4f5a6b");
    profile.tokenPolicy = ConnectionProfile::TokenPolicy::SessionOnly;
    {
        Settings settings(file);
        QSignalSpy changed(&settings, &Settings::profilesChanged);
        settings.saveProfile(profile);
        QCOMPARE(changed.count(), 1);
        profile.name = QStringLiteral("Production");
        settings.saveProfile(profile);
        QCOMPARE(settings.profiles().size(), 1);
    }
    Settings reopened(file);
    QCOMPARE(reopened.profiles().size(), 1);
    QCOMPARE(reopened.profile(profile.id).value(), profile);
    QVERIFY(profile.isValid());

    // Tokens are never part of a profile: nothing token-like may reach the file.
    QFile ini(file);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("token="));

    reopened.removeProfile(profile.id);
    QVERIFY(reopened.profiles().isEmpty());
}

void TestSettings::historyIsPerProfileAndBounded()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("console.ini")));
    for (int i = 0; i < Settings::kMaxHistory + 10; ++i) {
        settings.addToHistory(QStringLiteral("a"), QStringLiteral("{\"q%1\": {}}").arg(i));
    }
    settings.addToHistory(QStringLiteral("a"), QStringLiteral("{\"q5\": {}}"));
    settings.addToHistory(QStringLiteral("b"), QStringLiteral("{\"other\": {}}"));
    const QStringList history = settings.history(QStringLiteral("a"));
    QCOMPARE(history.size(), Settings::kMaxHistory);
    QCOMPARE(history.first(), QStringLiteral("{\"q5\": {}}"));
    QCOMPARE(history.count(QStringLiteral("{\"q5\": {}}")), 1);
    QCOMPARE(settings.history(QStringLiteral("b")), QStringList {QStringLiteral("{\"other\": {}}")});
}

void TestSettings::savedQueriesAndTabs()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("console.ini")));
    settings.saveQuery(QStringLiteral("p"), QStringLiteral("Open todos / mine"), QStringLiteral("{\"todos\": {}}"));
    QCOMPARE(settings.savedQueries(QStringLiteral("p")).value(QStringLiteral("Open todos / mine")),
        QStringLiteral("{\"todos\": {}}"));
    settings.removeSavedQuery(QStringLiteral("p"), QStringLiteral("Open todos / mine"));
    QVERIFY(settings.savedQueries(QStringLiteral("p")).isEmpty());

    settings.setOpenTabs({{QStringLiteral("p"), QStringLiteral("{\"goals\": {}}"), false},
        {QStringLiteral("q"), QStringLiteral("{}"), true}});
    const QList<Settings::TabState> tabs = settings.openTabs();
    QCOMPARE(tabs.size(), 2);
    QCOMPARE(tabs.at(0).query, QStringLiteral("{\"goals\": {}}"));
    QVERIFY(!tabs.at(0).live);
    QVERIFY(tabs.at(1).live);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
