#include "connections/keychainnotice.h"
#include "connections/tokenstore.h"
#include "mainwindow.h"
#include "settings.h"

#include <optional>

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace console;

/**
 * The keychain in three situations, each run as its own process by ctest: no secret service at all,
 * a secret service that never answers (a D-Bus socket that accepts and stays silent), and a real
 * gnome-keyring in a private D-Bus session.
 */
class TestKeychain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unavailableKeychainOffersChoice();
    void readTimesOut();
    void writeReadDelete();

private:
    QString uniqueService() const;
};

void TestKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

QString TestKeychain::uniqueService() const
{
    return QStringLiteral("instant-console-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TestKeychain::unavailableKeychainOffersChoice()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("console.ini")));
    TokenStore tokens;
    tokens.setServiceName(uniqueService());
    tokens.setTimeoutMs(10'000);
    MainWindow window(&settings, &tokens);
    window.show();

    ConnectionProfile profile = ConnectionProfile::create();
    profile.name = QStringLiteral("Prod");
    profile.serverUrl = QUrl(QStringLiteral("https://127.0.0.1:1"));
    profile.appId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    window.saveProfile(profile, token);

    KeychainNotice *notice = window.keychainNotice();
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 15'000);
    QCOMPARE(notice->profileId(), profile.id);
    // Meanwhile the token stays usable in memory, and nowhere on disk.
    QCOMPARE(tokens.sessionToken(profile.id), token);
    settings.sync();
    QFile ini(settings.fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains(token.toUtf8()));

    QTest::mouseClick(notice->sessionOnlyButton(), Qt::LeftButton);
    QVERIFY(!notice->isVisible());
    QCOMPARE(settings.profile(profile.id)->tokenPolicy, ConnectionProfile::TokenPolicy::SessionOnly);
    QCOMPARE(tokens.sessionToken(profile.id), token);

    // The other choice: ask every time, so the token is not kept.
    ConnectionProfile second = profile;
    second.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    second.tokenPolicy = ConnectionProfile::TokenPolicy::Keychain;
    window.saveProfile(second, token);
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible() && notice->profileId() == second.id, 15'000);
    QTest::mouseClick(notice->askEveryTimeButton(), Qt::LeftButton);
    QCOMPARE(settings.profile(second.id)->tokenPolicy, ConnectionProfile::TokenPolicy::AskEveryTime);
    QVERIFY(!tokens.hasSessionToken(second.id));
}

void TestKeychain::readTimesOut()
{
    // A bus that accepts connections and never says a word: like a keyring stuck on an unlock prompt.
    QTemporaryDir dir;
    const QString socketPath = dir.filePath(QStringLiteral("silent-bus"));
    QLocalServer silentBus;
    silentBus.setSocketOptions(QLocalServer::WorldAccessOption);
    QVERIFY(silentBus.listen(socketPath));
    QList<QLocalSocket *> held;
    connect(&silentBus, &QLocalServer::newConnection, this, [&silentBus, &held] {
        while (QLocalSocket *socket = silentBus.nextPendingConnection()) {
            held.append(socket);
        }
    });
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(socketPath));

    TokenStore tokens;
    tokens.setServiceName(uniqueService());
    tokens.setTimeoutMs(800);
    int calls = 0;
    std::optional<TokenResult> answer;
    tokens.readToken(QStringLiteral("profile"), this, [&calls, &answer](const TokenResult &result) {
        ++calls;
        answer = result;
    });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 10'000);
    QVERIFY(!answer->has_value());
    QCOMPARE(answer->error().kind, KeychainError::Kind::Timeout);
    QVERIFY(!answer->error().userMessage().isEmpty());
    // The callback never runs twice, even if the keychain wakes up later.
    QVERIFY(!QTest::qWaitFor([&calls] { return calls > 1; }, 1500));
}

void TestKeychain::writeReadDelete()
{
    TokenStore tokens;
    tokens.setServiceName(uniqueService());
    tokens.setTimeoutMs(20'000);
    const QString profile = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);

    std::optional<KeychainResult> written;
    tokens.writeToken(profile, token, this, [&written](const KeychainResult &result) { written = result; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 25'000);
    QVERIFY2(written->has_value(), qPrintable(written->has_value() ? QString() : written->error().detail));

    std::optional<TokenResult> read;
    tokens.readToken(profile, this, [&read](const TokenResult &result) { read = result; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 25'000);
    QVERIFY(read->has_value());
    QCOMPARE(read->value(), token);

    std::optional<KeychainResult> deleted;
    tokens.deleteToken(profile, this, [&deleted](const KeychainResult &result) { deleted = result; });
    QTRY_VERIFY_WITH_TIMEOUT(deleted.has_value(), 25'000);
    QVERIFY(deleted->has_value());

    std::optional<TokenResult> gone;
    tokens.readToken(profile, this, [&gone](const TokenResult &result) { gone = result; });
    QTRY_VERIFY_WITH_TIMEOUT(gone.has_value(), 25'000);
    QVERIFY(!gone->has_value());
    QCOMPARE(gone->error().kind, KeychainError::Kind::NotFound);
}

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
