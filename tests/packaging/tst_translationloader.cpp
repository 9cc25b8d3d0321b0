// console::TranslationLoader: which language it picks from the settings and the system's preferences,
// and that it installs and removes the translators, with a .qm built by lrelease in the test and with
// the German and French files the build embeds into instant-console.

#include "translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class tst_TranslationLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolve_data();
    void resolve();
    void availableLanguages();
    void installsAndRemoves();
    void shippedTranslations_data();
    void shippedTranslations();
};

void tst_TranslationLoader::resolve_data()
{
    QTest::addColumn<QString>("configured");
    QTest::addColumn<QStringList>("uiLanguages");
    QTest::addColumn<QString>("expected");

    const QStringList german {QStringLiteral("de-DE"), QStringLiteral("en-US")};
    QTest::newRow("system-german") << QString() << german << QStringLiteral("de");
    QTest::newRow("system-austrian") << QString() << QStringList {QStringLiteral("de-AT")} << QStringLiteral("de");
    QTest::newRow("system-canadian-french")
        << QString() << QStringList {QStringLiteral("fr-CA")} << QStringLiteral("fr");
    QTest::newRow("system-english-before-german")
        << QString() << QStringList {QStringLiteral("en-GB"), QStringLiteral("de-DE")} << QStringLiteral("en");
    QTest::newRow("system-spanish-then-french")
        << QString() << QStringList {QStringLiteral("es-ES"), QStringLiteral("fr-FR")} << QStringLiteral("fr");
    QTest::newRow("system-unknown-only") << QString() << QStringList {QStringLiteral("ja-JP")} << QStringLiteral("en");
    QTest::newRow("system-empty") << QString() << QStringList() << QStringLiteral("en");
    QTest::newRow("system-c-locale") << QString() << QStringList {QStringLiteral("C")} << QStringLiteral("en");
    QTest::newRow("chosen-french-over-german-system") << QStringLiteral("fr") << german << QStringLiteral("fr");
    QTest::newRow("chosen-english-over-german-system") << QStringLiteral("en") << german << QStringLiteral("en");
    QTest::newRow("chosen-with-country") << QStringLiteral("de_CH") << QStringList() << QStringLiteral("de");
    QTest::newRow("chosen-unavailable-falls-back") << QStringLiteral("es") << german << QStringLiteral("de");
    QTest::newRow("chosen-garbage-falls-back") << QStringLiteral("system") << german << QStringLiteral("de");
}

void tst_TranslationLoader::resolve()
{
    QFETCH(QString, configured);
    QFETCH(QStringList, uiLanguages);
    QFETCH(QString, expected);
    QCOMPARE(console::TranslationLoader::resolve(configured, uiLanguages), expected);
}

void tst_TranslationLoader::availableLanguages()
{
    const auto languages = console::TranslationLoader::availableLanguages();
    QStringList codes;
    for (const auto &language : languages) {
        QVERIFY2(!language.nativeName.isEmpty(), qPrintable(language.code));
        codes.append(language.code);
    }
    QCOMPARE(codes, (QStringList {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}));
    QCOMPARE(console::TranslationLoader::settingsKey(), QStringLiteral("ui/language"));

    // Every language offered has its .ts file, and every .ts file is offered.
    const QDir translations(QStringLiteral(INSTANT_SOURCE_DIR "/translations"));
    QStringList files = translations.entryList({QStringLiteral("instant-console_*.ts")}, QDir::Files, QDir::Name);
    QStringList expected;
    for (const QString &code : codes.mid(1)) {
        expected.append(QStringLiteral("instant-console_%1.ts").arg(code));
    }
    expected.sort();
    QCOMPARE(files, expected);
}

void tst_TranslationLoader::installsAndRemoves()
{
    // A one-message translation, compiled by the same lrelease the build uses.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ts = dir.filePath(QStringLiteral("instant-console_de.ts"));
    QFile file(ts);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
               "<TS version=\"2.1\" language=\"de_DE\"><context><name>Probe</name>"
               "<message><source>Open</source><translation>\xc3\x96"
               "ffnen</translation></message>"
               "</context></TS>\n");
    file.close();
    QProcess lrelease;
    lrelease.start(QStringLiteral(INSTANT_LRELEASE), {ts});
    QVERIFY(lrelease.waitForFinished(60'000));
    QCOMPARE(lrelease.exitCode(), 0);

    const QString open = QStringLiteral("Open");
    {
        console::TranslationLoader loader(dir.path());
        QCOMPARE(loader.language(), QStringLiteral("en"));
        QCOMPARE(loader.load(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(loader.language(), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("Probe", "Open"), QStringLiteral("Öffnen"));

        // Loading again replaces the translators rather than stacking them.
        QCOMPARE(loader.load(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("Probe", "Open"), open);
        QCOMPARE(loader.load(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("Probe", "Open"), QStringLiteral("Öffnen"));
    }
    QCOMPARE(QCoreApplication::translate("Probe", "Open"), open);
    QLocale::setDefault(QLocale::c());
}

void tst_TranslationLoader::shippedTranslations_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("fr") << QStringLiteral("fr");
}

void tst_TranslationLoader::shippedTranslations()
{
    // The .qm files lrelease wrote for instant-console (the build embeds these under :/i18n) must
    // answer for the first plain message of the .ts file they come from.
    QFETCH(QString, language);
    const QString name = QStringLiteral("instant-console_%1").arg(language);
    QFile ts(QStringLiteral(INSTANT_SOURCE_DIR "/translations/%1.ts").arg(name));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString context;
    QString source;
    QString translation;
    bool plain = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name") {
                context = xml.readElementText();
            } else if (xml.name() == u"message") {
                // Numerus forms and disambiguated messages need more than translate(context, source).
                plain = xml.attributes().value(QStringLiteral("numerus")).isEmpty();
                source.clear();
                translation.clear();
            } else if (xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.name() == u"comment") {
                plain = false;
            } else if (xml.name() == u"translation") {
                translation = xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            if (plain && !translation.isEmpty() && translation != source) {
                break;
            }
            translation.clear();
        }
    }
    QVERIFY2(!translation.isEmpty(), "no translated message found");

    const QString directory = QStringLiteral(INSTANT_QM_DIR);
    QVERIFY2(QFile::exists(QStringLiteral("%1/%2.qm").arg(directory, name)), qPrintable(directory));
    console::TranslationLoader loader(directory);
    QCOMPARE(loader.load(language), language);
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), translation);
    QLocale::setDefault(QLocale::c());
}

QTEST_GUILESS_MAIN(tst_TranslationLoader)
#include "tst_translationloader.moc"
