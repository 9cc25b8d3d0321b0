#include <memory>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include "adminclient.h"
#include "connection.h"
#include "session/connectionsession.h"
#include "storage/filetreemodel.h"
#include "storage/storagepanel.h"
#include "support/sandboxsessionfixture.h"

using namespace console;
using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestStoragePanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void treeModelFollowsPathSegments();
    void dropUploadsFilesAndFolders();
    void overwriteAsksFirst();
    void cancelledUploadLeavesNoFile();
    void deleteAsksForConfirmation();
    void renameMovesFile();
    void previewCopyUrlAndDragOut();

private:
    void drop(const QList<QUrl> &urls, const QModelIndex &onto = {});
    void select(const QStringList &paths);
    /** Drops urls and waits until the upload queue has run dry. */
    bool dropAndWait(const QList<QUrl> &urls);
    QStringList serverPaths();

    QTemporaryDir m_local;
    SandboxSessionFixture m_fixture;
    std::unique_ptr<StoragePanel> m_panel;
};

void TestStoragePanel::initTestCase()
{
    QVERIFY(m_local.isValid());
    const auto started = m_fixture.start();
    QVERIFY2(started, started ? "" : qPrintable(started.error()));

    QVERIFY(writeFile(m_local.filePath(u"hello.txt"_s), "hello, storage\n"));
    QVERIFY(writeFile(m_local.filePath(u"pics/one.png"_s), QByteArray(1500, 'p')));
    QVERIFY(writeFile(m_local.filePath(u"pics/deeper/two.txt"_s), "two"));
}

void TestStoragePanel::init()
{
    m_panel = std::make_unique<StoragePanel>(m_fixture.session());
    m_panel->resize(900, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    // The first live result arrives before a test starts touching the tree.
    QSignalSpy changed(m_panel.get(), &StoragePanel::filesChanged);
    QVERIFY(changed.wait(10'000));
}

void TestStoragePanel::cleanup()
{
    m_panel.reset();
}

void TestStoragePanel::cleanupTestCase()
{
    m_fixture.stop();
}

void TestStoragePanel::drop(const QList<QUrl> &urls, const QModelIndex &onto)
{
    QTreeView *view = m_panel->view();
    const QPoint position
        = onto.isValid() ? view->visualRect(onto).center() : QPoint(5, view->viewport()->height() - 5);
    // A drop meant for the top level must not land on a folder row.
    QVERIFY(onto.isValid() || !m_panel->model()->isFolder(view->indexAt(position)));
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    QDragEnterEvent enter(position, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(position, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent dropEvent(position, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &dropEvent);
    QVERIFY(dropEvent.isAccepted());
    QCOMPARE(dropEvent.dropAction(), Qt::CopyAction);
    delete mime;
}

void TestStoragePanel::select(const QStringList &paths)
{
    QItemSelectionModel *selection = m_panel->view()->selectionModel();
    selection->clearSelection();
    for (const QString &path : paths) {
        const QModelIndex index = m_panel->model()->indexForPath(path);
        QVERIFY2(index.isValid(), qPrintable(path));
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    }
}

bool TestStoragePanel::dropAndWait(const QList<QUrl> &urls)
{
    QSignalSpy idle(m_panel.get(), &StoragePanel::uploadsIdle);
    drop(urls);
    return idle.wait(30'000);
}

QStringList TestStoragePanel::serverPaths()
{
    instant::QueryJob *job = m_fixture.adminClient()->query(QJsonObject {{u"$files"_s, QJsonObject {}}});
    QSignalSpy spy(job, &instant::QueryJob::finished);
    if (!spy.wait(10'000)) {
        return {u"<timeout>"_s};
    }
    const auto result = spy.first().first().value<instant::TreeResult>();
    QStringList paths;
    if (result) {
        for (const QJsonValue &file : result->root().value(u"$files").toQJsonValue().toArray()) {
            paths.append(file.toObject().value(u"path").toString());
        }
    }
    paths.sort();
    return paths;
}

void TestStoragePanel::treeModelFollowsPathSegments()
{
    FileTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto file = [](const QString &id, const QString &path, qint64 size) {
        return StoredFile {id, path, size, u"text/plain"_s, u"http://127.0.0.1/"_s + id};
    };
    model.setFiles({file(u"1"_s, u"a/b/c.txt"_s, 3), file(u"2"_s, u"a/d.txt"_s, 4), file(u"3"_s, u"e.png"_s, 5),
        file(u"4"_s, u"//odd//path.txt"_s, 6)});
    QCOMPARE(model.rowCount(), 3); // folders a, odd; file e.png
    QCOMPARE(model.index(0, 0).data().toString(), u"a"_s);
    QVERIFY(model.isFolder(model.index(0, 0)));
    QCOMPARE(model.index(2, 0).data().toString(), u"e.png"_s);
    const QModelIndex a = model.indexForPath(u"a"_s, true);
    QCOMPARE(model.rowCount(a), 2);
    QCOMPARE(model.pathOf(model.indexForPath(u"a/b"_s, true)), u"a/b"_s);
    QCOMPARE(model.filePathsUnder({a}), (QStringList {u"a/b/c.txt"_s, u"a/d.txt"_s}));

    // A live update keeps the rows that did not change: the persistent index of "a" survives.
    const QPersistentModelIndex keep(a);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setFiles({file(u"2"_s, u"a/d.txt"_s, 40), file(u"3"_s, u"e.png"_s, 5), file(u"5"_s, u"a/f.txt"_s, 1)});
    QCOMPARE(reset.count(), 0);
    QVERIFY(keep.isValid());
    QCOMPARE(keep.data().toString(), u"a"_s);
    QCOMPARE(model.rowCount(keep), 2); // d.txt, f.txt; folder b is gone
    QVERIFY(!model.indexForPath(u"a/b"_s, true).isValid());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.indexForPath(u"a/d.txt"_s).data(FileTreeModel::SizeRole).toLongLong(), 40);

    std::unique_ptr<QMimeData> mime(model.mimeData({model.indexForPath(u"e.png"_s)}));
    QVERIFY(mime);
    QCOMPARE(mime->urls(), (QList<QUrl> {QUrl(u"http://127.0.0.1/3"_s)}));
    model.setFiles({});
    QCOMPARE(model.rowCount(), 0);
}

void TestStoragePanel::dropUploadsFilesAndFolders()
{
    QSignalSpy finished(m_panel.get(), &StoragePanel::uploadFinished);
    drop({QUrl::fromLocalFile(m_local.filePath(u"hello.txt"_s)), QUrl::fromLocalFile(m_local.filePath(u"pics"_s))});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30'000);
    for (const auto &args : finished) {
        QCOMPARE(args.at(1).value<StoragePanel::UploadState>(), StoragePanel::UploadState::Done);
    }
    QCOMPARE(m_panel->uploadList()->topLevelItemCount(), 3);

    // The live tree shows them in their folders.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"pics/deeper/two.txt"_s), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"hello.txt"_s), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"pics/one.png"_s), 10'000);
    QCOMPARE(m_panel->model()->fileForPath(u"pics/one.png"_s)->size, 1500);
    QCOMPARE(m_panel->model()->fileForPath(u"hello.txt"_s)->contentType, u"text/plain"_s);

    // Dropping onto a folder uploads into it; downloading gives the same bytes back.
    drop({QUrl::fromLocalFile(m_local.filePath(u"hello.txt"_s))}, m_panel->model()->indexForPath(u"pics"_s, true));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"pics/hello.txt"_s), 30'000);
    QSignalSpy downloaded(m_panel.get(), &StoragePanel::downloadFinished);
    const QString target = m_local.filePath(u"downloaded.txt"_s);
    m_panel->downloadTo(u"pics/hello.txt"_s, target);
    QVERIFY(downloaded.wait(10'000));
    QVERIFY(downloaded.first().at(1).toBool());
    QCOMPARE(readFile(target), QByteArray("hello, storage\n"));
}

void TestStoragePanel::overwriteAsksFirst()
{
    const QString local = m_local.filePath(u"over.txt"_s);
    QVERIFY(writeFile(local, "version 1"));
    QSignalSpy started(m_panel.get(), &StoragePanel::uploadStarted);
    QVERIFY(dropAndWait({QUrl::fromLocalFile(local)}));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"over.txt"_s), 10'000);
    QCOMPARE(started.count(), 1);

    // Skip: nothing is sent.
    QVERIFY(writeFile(local, "version 2, longer"));
    drop({QUrl::fromLocalFile(local)});
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmOverwrite"_s)) && box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(u"skip"_s), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->findChild<QMessageBox *>(u"confirmOverwrite"_s));
    QCOMPARE(started.count(), 1);

    // Overwrite: the new bytes replace the old ones.
    drop({QUrl::fromLocalFile(local)});
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmOverwrite"_s)) && box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(u"overwrite"_s), Qt::LeftButton);
    QTRY_COMPARE(started.count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->fileForPath(u"over.txt"_s)->size, qint64(17), 10'000);
}

void TestStoragePanel::cancelledUploadLeavesNoFile()
{
    // Large enough that the upload is still running when the first progress report arrives.
    const QString big = m_local.filePath(u"big.bin"_s);
    {
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(qint64(512) * 1024 * 1024));
    }
    QSignalSpy finished(m_panel.get(), &StoragePanel::uploadFinished);
    connect(m_panel.get(), &StoragePanel::uploadStarted, this, [this](const QString &path) {
        if (path == u"big.bin"_s) {
            m_panel->findChild<QTreeWidget *>(u"uploads"_s)
                ->setCurrentItem(m_panel->uploadList()->topLevelItem(m_panel->uploadList()->topLevelItemCount() - 1));
        }
    });
    drop({QUrl::fromLocalFile(big)});
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->pendingUploads(), 1, 10'000);
    QTRY_VERIFY(!m_panel->uploadList()->selectedItems().isEmpty());
    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"cancelUploads"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QCOMPARE(finished.first().at(1).value<StoragePanel::UploadState>(), StoragePanel::UploadState::Cancelled);
    QVERIFY(m_panel->uploadList()
                ->topLevelItem(m_panel->uploadList()->topLevelItemCount() - 1)
                ->text(3)
                .contains(u"Cancelled"_s));

    // A later upload has gone through, so the server is done with the aborted one: it left nothing.
    const QString marker = m_local.filePath(u"marker.txt"_s);
    QVERIFY(writeFile(marker, "after"));
    QVERIFY(dropAndWait({QUrl::fromLocalFile(marker)}));
    const QStringList paths = serverPaths();
    QVERIFY2(paths.contains(u"marker.txt"_s), qPrintable(paths.join(u", "_s)));
    QVERIFY2(!paths.contains(u"big.bin"_s), qPrintable(paths.join(u", "_s)));
    QFile::remove(big);
}

void TestStoragePanel::deleteAsksForConfirmation()
{
    const QString local = m_local.filePath(u"bulk"_s);
    QVERIFY(writeFile(local + u"/x.txt"_s, "x"));
    QVERIFY(writeFile(local + u"/y.txt"_s, "y"));
    QVERIFY(writeFile(local + u"/z.txt"_s, "z"));
    QVERIFY(dropAndWait({QUrl::fromLocalFile(local)}));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"bulk/z.txt"_s), 10'000);

    select({u"bulk/x.txt"_s, u"bulk/y.txt"_s});
    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"delete"_s), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmDelete"_s)) && box->isVisible());
    QVERIFY(box->text().contains(u"2"_s));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->findChild<QMessageBox *>(u"confirmDelete"_s));
    QVERIFY(serverPaths().contains(u"bulk/x.txt"_s));

    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"delete"_s), Qt::LeftButton);
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmDelete"_s)) && box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirm"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->model()->fileForPath(u"bulk/x.txt"_s), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->model()->fileForPath(u"bulk/y.txt"_s), 10'000);
    QVERIFY(m_panel->model()->fileForPath(u"bulk/z.txt"_s));

    // A whole folder: every file below it.
    m_panel->view()->selectionModel()->select(m_panel->model()->indexForPath(u"bulk"_s, true),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_panel->deleteSelected();
    QTRY_VERIFY((box = m_panel->findChild<QMessageBox *>(u"confirmDelete"_s)) && box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirm"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->model()->indexForPath(u"bulk"_s, true).isValid(), 10'000);
}

void TestStoragePanel::renameMovesFile()
{
    const QString local = m_local.filePath(u"rename-me.txt"_s);
    QVERIFY(writeFile(local, "moving"));
    QVERIFY(dropAndWait({QUrl::fromLocalFile(local)}));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"rename-me.txt"_s), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"hello.txt"_s), 10'000);
    const QString id = m_panel->model()->fileForPath(u"rename-me.txt"_s)->id;

    select({u"rename-me.txt"_s});
    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"rename"_s), Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_panel->findChild<QDialog *>(u"renameDialog"_s)) && dialog->isVisible());
    auto *edit = dialog->findChild<QLineEdit *>(u"path"_s);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // unchanged
    edit->setText(u"hello.txt"_s);
    QVERIFY(!ok->isEnabled()); // taken
    edit->setText(u"docs/renamed.txt"_s);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"docs/renamed.txt"_s), 10'000);
    QCOMPARE(m_panel->model()->fileForPath(u"docs/renamed.txt"_s)->id, id);
    QVERIFY(!m_panel->model()->fileForPath(u"rename-me.txt"_s));
}

void TestStoragePanel::previewCopyUrlAndDragOut()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->fileForPath(u"hello.txt"_s), 10'000);
    QSignalSpy shown(m_panel.get(), &StoragePanel::previewShown);
    select({u"hello.txt"_s});
    QVERIFY(shown.wait(10'000));
    QCOMPARE(shown.first().first().toString(), u"hello.txt"_s);
    auto *text = m_panel->findChild<QPlainTextEdit *>(u"previewText"_s);
    QVERIFY(text->isVisible());
    QCOMPARE(text->toPlainText(), u"hello, storage\n"_s);

    const QString url = m_panel->model()->fileForPath(u"hello.txt"_s)->url;
    QVERIFY(!url.isEmpty());
    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"copyUrl"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), url);

    // What a drag out carries: the server's URL.
    std::unique_ptr<QMimeData> mime(m_panel->model()->mimeData({m_panel->model()->indexForPath(u"hello.txt"_s)}));
    QVERIFY(mime);
    QCOMPARE(mime->urls(), QList<QUrl> {QUrl(url)});
}

QTEST_MAIN(TestStoragePanel)
#include "tst_storagepanel.moc"
