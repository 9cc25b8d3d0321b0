#include "editor/queryeditor.h"
#include "impersonation/impersonationbar.h"
#include "mainwindow.h"
#include "requestlog/requestlogdock.h"
#include "results/resultsview.h"
#include "results/resulttreemodel.h"
#include "session/connectionsession.h"
#include "session/connectionview.h"
#include "settings.h"
#include "theme.h"

#include "server/sandboxserver.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace console;

namespace {

double meanLightness(const QImage &image)
{
    double sum = 0;
    int samples = 0;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            sum += QColor(image.pixel(x, y)).lightnessF();
            ++samples;
        }
    }
    return samples > 0 ? sum / samples : 0;
}

} // namespace

/** Writes PNGs of the main window, light and dark, into the build tree for people to look at. */
class TestScreenshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void mainWindowLightAndDark();

private:
    QTemporaryDir m_dir;
    sandbox::SandboxServer m_server;
    sandbox::SandboxInfo m_info;
};

void TestScreenshot::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    sandbox::SandboxOptions options;
    options.dataDir = m_dir.filePath(QStringLiteral("sandbox"));
    options.seed = QStringLiteral("demo");
    options.threads = 8;
    const auto started = m_server.start(options);
    QVERIFY2(started, qPrintable(started ? QString() : started.error()));
    m_info = *started;
    QVERIFY(QDir().mkpath(QStringLiteral(INSTANT_SCREENSHOT_DIR)));
}

void TestScreenshot::cleanupTestCase()
{
    m_server.stop();
}

void TestScreenshot::mainWindowLightAndDark()
{
    Theme::apply(Settings::ColorScheme::Light);
    Settings settings(m_dir.filePath(QStringLiteral("console.ini")));
    TokenStore tokens;
    MainWindow window(&settings, &tokens);
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    ConnectionProfile profile = ConnectionProfile::create();
    profile.name = QStringLiteral("Demo sandbox");
    profile.serverUrl = QUrl(m_info.url);
    profile.appId = m_info.appId.toString(QUuid::WithoutBraces);
    ConnectionView *view = window.openConnection(profile, m_info.adminToken.toString(QUuid::WithoutBraces));
    view->setQueryText(
        QStringLiteral("{\n  \"goals\": {\n    \"todos\": {},\n    \"owner\": {}\n  },\n  \"tags\": {}\n}\n"));
    view->run();
    ResultTreeModel *model = view->results()->treeModel();
    QTRY_VERIFY(model->entityCount(0) > 0);
    QTRY_COMPARE(view->session()->state(), ConnectionSession::State::Live);
    QTreeView *tree = view->results()->treeView();
    tree->expand(model->namespaceIndex(0));
    tree->expand(model->index(0, 0, model->namespaceIndex(0)));
    tree->setCurrentIndex(model->index(1, 0, model->index(0, 0, model->namespaceIndex(0))));
    window.requestLogDock()->show();

    QList<double> lightness;
    for (const auto &[scheme, name] :
        {std::pair {Settings::ColorScheme::Light, "light"}, std::pair {Settings::ColorScheme::Dark, "dark"}}) {
        Theme::apply(scheme);
        view->editor()->applyTheme();
        QTest::qWait(50); // let the restyled widgets repaint before grabbing
        const QImage image = window.grab().toImage();
        const QString path = QStringLiteral(INSTANT_SCREENSHOT_DIR "/main-window-%1.png").arg(QLatin1String(name));
        QVERIFY(image.save(path));
        lightness.append(meanLightness(image));
    }
    QVERIFY2(lightness.at(0) > 0.6, qPrintable(QString::number(lightness.at(0))));
    QVERIFY2(lightness.at(1) < 0.35, qPrintable(QString::number(lightness.at(1))));

    // Impersonating: the banner must be impossible to miss.
    Theme::apply(Settings::ColorScheme::Light);
    view->editor()->applyTheme();
    view->impersonationBar()->modeBox()->setCurrentIndex(ImpersonationBar::EmailMode);
    view->impersonationBar()->valueEdit()->setText(QStringLiteral("alyssa@example.com"));
    view->impersonationBar()->apply();
    QTRY_VERIFY(!view->session()->identity().isAdmin());
    QTRY_VERIFY(view->impersonationBar()->banner()->isVisible());
    QTest::qWait(50);
    QVERIFY(window.grab().save(QStringLiteral(INSTANT_SCREENSHOT_DIR "/main-window-impersonating.png")));
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
