#include <memory>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include "adminclient.h"
#include "connection.h"
#include "session/connectionsession.h"
#include "support/sandboxsessionfixture.h"
#include "users/userspanel.h"

using namespace console;
using namespace Qt::StringLiterals;

class TestUsersPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void findRejectsBadInput_data();
    void findRejectsBadInput();
    void findUnknownUserSaysSo();
    void findByEmailIdAndToken();
    void createTokenAndSignOut();
    void deleteNeedsTypedEmail();
    void magicCodeGenerateAndVerify();
    void guestSignInAndImpersonate();
    void impersonateByEmail();

private:
    bool click(const QString &button);
    void find(int by, const QString &value);
    QString recordValue(const QString &key) const;

    SandboxSessionFixture m_fixture;
    std::unique_ptr<UsersPanel> m_panel;
};

void TestUsersPanel::initTestCase()
{
    const auto started = m_fixture.start();
    QVERIFY2(started, started ? "" : qPrintable(started.error()));
}

void TestUsersPanel::init()
{
    m_fixture.session()->setIdentity(instant::Identity::admin());
    m_panel = std::make_unique<UsersPanel>(m_fixture.session());
    m_panel->show();
}

void TestUsersPanel::cleanup()
{
    m_panel.reset();
}

void TestUsersPanel::cleanupTestCase()
{
    m_fixture.stop();
}

bool TestUsersPanel::click(const QString &button)
{
    QSignalSpy finished(m_panel.get(), &UsersPanel::requestFinished);
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), button), Qt::LeftButton);
    return finished.count() > 0 || finished.wait(10'000);
}

void TestUsersPanel::find(int by, const QString &value)
{
    findChildOrFail<QComboBox>(m_panel.get(), u"findBy"_s)->setCurrentIndex(by);
    auto *edit = findChildOrFail<QLineEdit>(m_panel.get(), u"findValue"_s);
    edit->clear();
    QTest::keyClicks(edit, value);
}

QString TestUsersPanel::recordValue(const QString &key) const
{
    const auto items = findChildOrFail<QTreeWidget>(m_panel.get(), u"record"_s)->findItems(key, Qt::MatchExactly, 0);
    return items.isEmpty() ? QString() : items.first()->text(1);
}

void TestUsersPanel::findRejectsBadInput_data()
{
    QTest::addColumn<int>("by");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("email-without-at") << 0 << u"alice.example.com"_s << u"is not an email address"_s;
    QTest::newRow("malformed-id") << 1 << u"1234"_s << u"is not a user id"_s;
    QTest::newRow("malformed-token") << 2 << u"zz-not-a-token"_s << u"is not a refresh token"_s;
}

void TestUsersPanel::findRejectsBadInput()
{
    QFETCH(int, by);
    QFETCH(QString, value);
    QFETCH(QString, message);
    find(by, value);
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"find"_s), Qt::LeftButton);
    auto *error = findChildOrFail<QLabel>(m_panel.get(), u"error"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(m_panel->user().isEmpty());
    QVERIFY(!findChildOrFail<QPushButton>(m_panel.get(), u"deleteUser"_s)->isEnabled());
}

void TestUsersPanel::findUnknownUserSaysSo()
{
    find(0, u"nobody@example.com"_s);
    QVERIFY(click(u"find"_s));
    QVERIFY(findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->text().contains(u"No user matches"_s));
    find(1, QUuid::createUuid().toString(QUuid::WithoutBraces));
    QVERIFY(click(u"find"_s));
    QVERIFY(findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->isVisible());
    QVERIFY(m_panel->user().isEmpty());
}

void TestUsersPanel::findByEmailIdAndToken()
{
    const QJsonObject created = SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->refreshTokens(instant::UserSelector::byEmail(u"find@example.com"_s)))
                                    .toObject();
    const QJsonObject user = created.value(u"user").toObject();
    QVERIFY(!user.isEmpty());

    find(0, u"find@example.com"_s);
    QVERIFY(click(u"find"_s));
    QCOMPARE(m_panel->user().value(u"id").toString(), user.value(u"id").toString());
    QCOMPARE(recordValue(u"email"_s), u"find@example.com"_s);
    QVERIFY(recordValue(u"refresh_token"_s).isEmpty());

    find(1, user.value(u"id").toString());
    QVERIFY(click(u"find"_s));
    QCOMPARE(recordValue(u"email"_s), u"find@example.com"_s);

    find(2, user.value(u"refresh_token").toString());
    QVERIFY(click(u"find"_s));
    QCOMPARE(m_panel->user().value(u"id").toString(), user.value(u"id").toString());
    QVERIFY(findChildOrFail<QPushButton>(m_panel.get(), u"deleteUser"_s)->isEnabled());
}

void TestUsersPanel::createTokenAndSignOut()
{
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->refreshTokens(instant::UserSelector::byEmail(u"tokens@example.com"_s)))
                .isObject());
    find(0, u"tokens@example.com"_s);
    QVERIFY(click(u"find"_s));

    QVERIFY(click(u"createToken"_s));
    const QString token = m_panel->lastToken();
    QVERIFY(QUuid::fromString(token).isNull() == false);
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"copyToken"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), token);

    // The token works until it is signed out.
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->getUser(instant::UserSelector::byRefreshToken(token)))
                .toObject()
                .value(u"user")
                .isObject());
    findChildOrFail<QLineEdit>(m_panel.get(), u"signOutToken"_s)->setText(u"bad"_s);
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"signOutTokenButton"_s), Qt::LeftButton);
    QVERIFY(findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->text().contains(u"is not a refresh token"_s));
    findChildOrFail<QLineEdit>(m_panel.get(), u"signOutToken"_s)->setText(token);
    QVERIFY(click(u"signOutTokenButton"_s));
    QVERIFY(!findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->isVisible());
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->getUser(instant::UserSelector::byRefreshToken(token)))
                .toObject()
                .value(u"user")
                .isNull());

    // Sign out all: a second token stops working too.
    QVERIFY(click(u"createToken"_s));
    const QString second = m_panel->lastToken();
    QVERIFY(second != token);
    QVERIFY(click(u"signOutAll"_s));
    QVERIFY(findChildOrFail<QLabel>(m_panel.get(), u"status"_s)->text().contains(u"signed out"_s));
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->getUser(instant::UserSelector::byRefreshToken(second)))
                .toObject()
                .value(u"user")
                .isNull());
}

void TestUsersPanel::deleteNeedsTypedEmail()
{
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->refreshTokens(instant::UserSelector::byEmail(u"bye@example.com"_s)))
                .isObject());
    find(0, u"bye@example.com"_s);
    QVERIFY(click(u"find"_s));

    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"deleteUser"_s), Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_panel->findChild<QDialog *>(u"confirmDeleteUser"_s)) && dialog->isVisible());
    auto *typed = dialog->findChild<QLineEdit *>(u"confirmText"_s);
    auto *confirm = dialog->findChild<QPushButton *>(u"confirm"_s);
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(typed, u"bye@example.co"_s);
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(typed, u"m"_s);
    QVERIFY(confirm->isEnabled());

    QSignalSpy finished(m_panel.get(), &UsersPanel::requestFinished);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(finished.wait(10'000));
    QVERIFY(m_panel->user().isEmpty());
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->getUser(instant::UserSelector::byEmail(u"bye@example.com"_s)))
                .toObject()
                .value(u"user")
                .isNull());
}

void TestUsersPanel::magicCodeGenerateAndVerify()
{
    auto *email = findChildOrFail<QLineEdit>(m_panel.get(), u"magicEmail"_s);
    email->setText(u"not-an-email"_s);
    QTest::mouseClick(findChildOrFail<QPushButton>(m_panel.get(), u"generateCode"_s), Qt::LeftButton);
    QVERIFY(findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->text().contains(u"is not an email address"_s));

    email->setText(u"magic@example.com"_s);
    QVERIFY(click(u"generateCode"_s));
    auto *code = findChildOrFail<QLineEdit>(m_panel.get(), u"magicCode"_s);
    QCOMPARE(code->text().size(), 6);

    // A wrong code is reported inline.
    const QString good = code->text();
    code->setText(good == u"000000"_s ? u"111111"_s : u"000000"_s);
    QVERIFY(click(u"verifyCode"_s));
    QVERIFY(findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->isVisible());

    code->setText(good);
    QVERIFY(click(u"verifyCode"_s));
    QVERIFY2(!findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->isVisible(),
        qPrintable(findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->text()));
    QCOMPARE(m_panel->user().value(u"email").toString(), u"magic@example.com"_s);
    QVERIFY(!m_panel->lastToken().isEmpty());

    QVERIFY(click(u"sendCode"_s));
    QVERIFY2(findChildOrFail<QLabel>(m_panel.get(), u"status"_s)->text().contains(u"magic@example.com"_s),
        qPrintable(findChildOrFail<QLabel>(m_panel.get(), u"error"_s)->text()));
}

void TestUsersPanel::guestSignInAndImpersonate()
{
    QVERIFY(click(u"signInGuest"_s));
    QCOMPARE(recordValue(u"isGuest"_s), u"true"_s);
    const QString token = m_panel->lastToken();
    QVERIFY(!token.isEmpty());

    QSignalSpy identity(m_fixture.session(), &ConnectionSession::identityChanged);
    QVERIFY(click(u"impersonate"_s));
    QCOMPARE(identity.count(), 1);
    QCOMPARE(m_fixture.session()->identity(), instant::Identity::asRefreshToken(token));
}

void TestUsersPanel::impersonateByEmail()
{
    QVERIFY(SandboxSessionFixture::waitForJson(
        m_fixture.adminClient()->refreshTokens(instant::UserSelector::byEmail(u"actor@example.com"_s)))
                .isObject());
    find(0, u"actor@example.com"_s);
    QVERIFY(click(u"find"_s));
    QVERIFY(click(u"impersonate"_s));
    QCOMPARE(m_fixture.session()->identity(), instant::Identity::asEmail(u"actor@example.com"_s));
}

QTEST_MAIN(TestUsersPanel)
#include "tst_userspanel.moc"
