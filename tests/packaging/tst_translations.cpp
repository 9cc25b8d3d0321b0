// Runs lupdate over the sources into copies of the .ts files and fails when any string lacks a finished
// translation, when a translation no longer matches a string of the sources, or when a translation
// loses a placeholder or an accelerator of its source text.

#include <QDebug>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations; // one per plural form for numerus messages
    QString type; // "", "unfinished", "obsolete" or "vanished"
};

// Reads every <message> of a .ts file; returns an empty list and sets error when it is malformed.
QList<Message> readTs(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    Message current;
    bool numerus = false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"context") {
                context.clear();
            } else if (name == u"name" && context.isEmpty()) {
                context = xml.readElementText();
            } else if (name == u"message") {
                current = Message {context, {}, {}, {}};
                numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
            } else if (name == u"source") {
                current.source = xml.readElementText();
            } else if (name == u"translation") {
                current.type = xml.attributes().value(QStringLiteral("type")).toString();
                if (!numerus) {
                    current.translations.append(xml.readElementText());
                }
            } else if (name == u"numerusform") {
                current.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(current);
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
        return {};
    }
    return messages;
}

QString describe(const Message &message)
{
    return QStringLiteral("  [%1] \"%2\"").arg(message.context, message.source.left(80));
}

// %1 … %99 and %n, as a sorted list with repeats collapsed: a translation may reorder them, not drop any.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(?:L?[0-9]{1,2}|n)"));
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        QString match = it.next().captured();
        found.insert(match.remove(QLatin1Char('L')));
    }
    QStringList sorted(found.begin(), found.end());
    sorted.sort();
    return sorted;
}

// An accelerator is "&" before a character other than "&" or a space ("&&" is a literal ampersand).
int accelerators(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
            } else if (!text.at(i + 1).isSpace()) {
                ++count;
            }
        }
    }
    return count;
}

} // namespace

class tst_Translations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void complete_data();
    void complete();
    void faithful_data();
    void faithful();
    void extractable();

private:
    QDir m_sources;
    QDir m_translations;
    QTemporaryDir m_work;
};

void tst_Translations::initTestCase()
{
    m_sources = QDir(QStringLiteral(INSTANT_SOURCE_DIR));
    m_translations = QDir(m_sources.filePath(QStringLiteral("translations")));
    QVERIFY(m_translations.exists());
    QVERIFY(m_work.isValid());
}

void tst_Translations::complete_data()
{
    // Every translation there is, so that a language added later is held to the same standard.
    QTest::addColumn<QString>("language");
    const QStringList files = m_translations.entryList({QStringLiteral("instant-console_*.ts")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString language = file.section(u'_', 1).section(u'.', 0, 0);
        QTest::newRow(qPrintable(language)) << language;
    }
}

void tst_Translations::complete()
{
    QFETCH(QString, language);
    const QString name = QStringLiteral("instant-console_%1.ts").arg(language);
    const QString copy = QDir(m_work.path()).filePath(name);
    QFile::remove(copy);
    QVERIFY(QFile::copy(m_translations.filePath(name), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    // The same sources as translations/CMakeLists.txt hands to lupdate: everything under app/ and lib/.
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.setWorkingDirectory(m_sources.path());
    lupdate.start(QStringLiteral(INSTANT_LUPDATE),
        {QStringLiteral("-extensions"), QStringLiteral("cpp,h,ui"), QStringLiteral("-locations"),
            QStringLiteral("none"), QStringLiteral("app"), QStringLiteral("lib"), QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(240'000), "lupdate did not finish");
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
        qPrintable(QString::fromLocal8Bit(lupdate.readAll())));

    QString error;
    const QList<Message> messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!messages.isEmpty(), "lupdate found no strings at all");

    QStringList unfinished;
    QStringList stale;
    for (const Message &message : messages) {
        if (message.type == u"unfinished") {
            unfinished.append(describe(message));
        } else if (message.type == u"obsolete" || message.type == u"vanished") {
            stale.append(describe(message));
        }
    }
    // QTest shortens long messages, so the full lists go to the log first.
    if (!unfinished.isEmpty()) {
        qInfo().noquote()
            << QStringLiteral("Strings without a finished translation in %1:\n%2").arg(name, unfinished.join(u'\n'));
    }
    if (!stale.isEmpty()) {
        qInfo().noquote() << QStringLiteral("Translations in %1 of strings no longer in the sources:\n%2")
                                 .arg(name, stale.join(u'\n'));
    }
    QVERIFY2(unfinished.isEmpty(),
        qPrintable(QStringLiteral("%1 strings lack a finished translation in %2; build the target "
                                  "instant-console_lupdate, then translate them (Qt Linguist)")
                       .arg(unfinished.size())
                       .arg(name)));
    QVERIFY2(stale.isEmpty(),
        qPrintable(QStringLiteral("%1 entries of %2 match no string in the sources; build the target "
                                  "instant-console_lupdate, which drops them")
                       .arg(stale.size())
                       .arg(name)));
}

void tst_Translations::faithful_data()
{
    complete_data();
}

void tst_Translations::faithful()
{
    QFETCH(QString, language);
    const QString name = QStringLiteral("instant-console_%1.ts").arg(language);
    QString error;
    const QList<Message> messages = readTs(m_translations.filePath(name), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QStringList problems;
    for (const Message &message : messages) {
        // Unfinished, obsolete and vanished entries are complete()'s business.
        if (!message.type.isEmpty()) {
            continue;
        }
        const QStringList wanted = placeholders(message.source);
        const int wantedAccelerators = accelerators(message.source);
        for (const QString &translation : message.translations) {
            if (translation.isEmpty()) {
                problems.append(describe(message) + QStringLiteral(": empty translation"));
                continue;
            }
            QStringList got = placeholders(translation);
            // A plural form for exactly one may spell the number out ("eine Datei") instead of using %n.
            if (message.translations.size() > 1 && !got.contains(QStringLiteral("%n"))) {
                got.append(QStringLiteral("%n"));
                got.sort();
            }
            if (got != wanted) {
                problems.append(describe(message)
                    + QStringLiteral(": placeholders %1 became %2").arg(wanted.join(u' '), got.join(u' ')));
            }
            if (accelerators(translation) != wantedAccelerators) {
                problems.append(
                    describe(message) + QStringLiteral(": accelerator lost or added in \"%1\"").arg(translation));
            }
        }
    }
    if (!problems.isEmpty()) {
        qInfo().noquote() << problems.join(u'\n');
    }
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 translations in %2 lose or add a placeholder or accelerator")
                       .arg(problems.size())
                       .arg(name)));
}

void tst_Translations::extractable()
{
    // lupdate only sees literal source texts, and files a tr() call under the class or namespace it
    // appears in. A helper that forwards a variable to QCoreApplication::translate(), or a home-made
    // tr() that passes its own context, leaves strings that are in no .ts file, or in one under a
    // context the running program never asks for: they stay English however complete the files are.
    static const QRegularExpression forwarded(
        QStringLiteral(R"re(QCoreApplication::translate\(\s*"([^"]*)"\s*,\s*[^\s"])re"));
    static const QRegularExpression homeMadeTr(QStringLiteral(R"(\bQString\s+tr\s*\(\s*const\s+char\s*\*)"));
    QStringList problems;
    for (const QString &dir : {QStringLiteral("app"), QStringLiteral("lib")}) {
        QDirIterator it(m_sources.filePath(dir), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QString text = QString::fromUtf8(file.readAll());
            for (const QRegularExpression *pattern : {&forwarded, &homeMadeTr}) {
                for (auto it = pattern->globalMatch(text); it.hasNext();) {
                    const QRegularExpressionMatch match = it.next();
                    // Texts marked with QT_TRANSLATE_NOOP under the same context are extracted there.
                    if (pattern == &forwarded && text.contains(QStringLiteral("_NOOP(\"%1\"").arg(match.captured(1)))) {
                        continue;
                    }
                    const qsizetype offset = match.capturedStart();
                    problems.append(
                        QStringLiteral("  %1:%2: %3")
                            .arg(m_sources.relativeFilePath(path))
                            .arg(text.left(offset).count(u'\n') + 1)
                            .arg(pattern == &forwarded ? QStringLiteral("translate() with a non-literal text")
                                                       : QStringLiteral("a home-made tr() helper")));
                }
            }
        }
    }
    if (!problems.isEmpty()) {
        qInfo().noquote() << QStringLiteral(
            "Use Q_DECLARE_TR_FUNCTIONS(Context) in a small struct and call Context::tr(\"…\"), or "
            "QCoreApplication::translate(\"Context\", \"…\") with literals, or QT_TRANSLATE_NOOP for "
            "texts chosen at run time:\n%1")
                                 .arg(problems.join(u'\n'));
    }
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 places hide user-visible strings from lupdate").arg(problems.size())));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
