#include "storagepanel.h"

#include <functional>

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "adminclient.h"
#include "session/connectionsession.h"
#include "session/panelfactory.h"
#include "sse/livequery.h"
#include "storage_debug.h"
#include "theme.h"

namespace console {

struct StoragePanel::Upload {
    QString localFile;
    QString remotePath;
    UploadState state = UploadState::Queued;
    QPointer<instant::ApiJob> job;
    QTreeWidgetItem *item = nullptr;
    QProgressBar *bar = nullptr;
};

namespace {

enum UploadColumn {
    DestinationColumn,
    LocalColumn,
    ProgressColumn,
    StateColumn,
};

QString joinPath(const QString &folder, const QString &name)
{
    return folder.isEmpty() ? name : folder + u'/' + name;
}

QList<QUrl> localUrls(const QMimeData *mime)
{
    QList<QUrl> urls;
    if (!mime || !mime->hasUrls()) {
        return urls;
    }
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile()) {
            urls.append(url);
        }
    }
    return urls;
}

bool isPreviewableText(const QString &contentType)
{
    return contentType.startsWith(u"text/") || contentType == u"application/json" || contentType == u"application/xml"
        || contentType == u"application/javascript" || contentType.endsWith(u"+json") || contentType.endsWith(u"+xml");
}

/** Accepts files and folders dropped from the desktop; everything else behaves as a normal tree. */
class StorageTreeView final : public QTreeView {
public:
    using DropHandler = std::function<void(const QList<QUrl> &, const QModelIndex &)>;

    StorageTreeView(DropHandler handler, QWidget *parent)
        : QTreeView(parent)
        , m_handler(std::move(handler))
    { }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (!localUrls(event->mimeData()).isEmpty()) {
            event->setDropAction(Qt::CopyAction);
            event->accept();
            return;
        }
        QTreeView::dragEnterEvent(event);
    }

    void dragMoveEvent(QDragMoveEvent *event) override
    {
        if (!localUrls(event->mimeData()).isEmpty()) {
            event->setDropAction(Qt::CopyAction);
            event->accept();
            return;
        }
        QTreeView::dragMoveEvent(event);
    }

    void dropEvent(QDropEvent *event) override
    {
        const QList<QUrl> urls = localUrls(event->mimeData());
        if (urls.isEmpty()) {
            // Our own rows dragged onto ourselves: moving is done with Rename, not by dropping.
            event->ignore();
            return;
        }
        event->setDropAction(Qt::CopyAction);
        event->accept();
        m_handler(urls, indexAt(event->position().toPoint()));
    }

private:
    DropHandler m_handler;
};

} // namespace

StoragePanel::StoragePanel(ConnectionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new FileTreeModel(this))
{
    auto *layout = new QVBoxLayout(this);

    auto *toolbar = new QHBoxLayout;
    auto *upload = new QPushButton(tr("Upload…"), this);
    upload->setObjectName(QStringLiteral("upload"));
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refresh"));
    m_saveAs = new QPushButton(tr("Save as…"), this);
    m_saveAs->setObjectName(QStringLiteral("saveAs"));
    m_copyUrl = new QPushButton(tr("Copy URL"), this);
    m_copyUrl->setObjectName(QStringLiteral("copyUrl"));
    m_rename = new QPushButton(tr("Rename or move…"), this);
    m_rename->setObjectName(QStringLiteral("rename"));
    m_delete = new QPushButton(tr("Delete…"), this);
    m_delete->setObjectName(QStringLiteral("delete"));
    m_liveState = new QLabel(this);
    m_liveState->setObjectName(QStringLiteral("liveState"));
    toolbar->addWidget(upload);
    toolbar->addWidget(refreshButton);
    toolbar->addWidget(m_saveAs);
    toolbar->addWidget(m_copyUrl);
    toolbar->addWidget(m_rename);
    toolbar->addWidget(m_delete);
    toolbar->addStretch();
    toolbar->addWidget(m_liveState);
    layout->addLayout(toolbar);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_view = new StorageTreeView(
        [this](const QList<QUrl> &urls, const QModelIndex &index) { uploadUrls(urls, targetFolderFor(index)); },
        splitter);
    m_view->setObjectName(QStringLiteral("files"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->header()->setSectionResizeMode(FileTreeModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);

    m_preview = new QStackedWidget(splitter);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_previewInfo = new QLabel(tr("Select a file to preview it."), m_preview);
    m_previewInfo->setObjectName(QStringLiteral("previewInfo"));
    m_previewInfo->setAlignment(Qt::AlignCenter);
    m_previewInfo->setWordWrap(true);
    m_previewImage = new QLabel(m_preview);
    m_previewImage->setObjectName(QStringLiteral("previewImage"));
    m_previewImage->setAlignment(Qt::AlignCenter);
    m_previewText = new QPlainTextEdit(m_preview);
    m_previewText->setObjectName(QStringLiteral("previewText"));
    m_previewText->setReadOnly(true);
    m_previewText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->addWidget(m_previewInfo);
    m_preview->addWidget(m_previewImage);
    m_preview->addWidget(m_previewText);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *uploadsHeader = new QHBoxLayout;
    uploadsHeader->addWidget(new QLabel(tr("Transfers (drop files or folders on the tree to upload):"), this));
    uploadsHeader->addStretch();
    m_cancelUploads = new QPushButton(tr("Cancel selected"), this);
    m_cancelUploads->setObjectName(QStringLiteral("cancelUploads"));
    auto *cancelAll = new QPushButton(tr("Cancel all"), this);
    cancelAll->setObjectName(QStringLiteral("cancelAllUploads"));
    uploadsHeader->addWidget(m_cancelUploads);
    uploadsHeader->addWidget(cancelAll);
    layout->addLayout(uploadsHeader);
    m_uploadList = new QTreeWidget(this);
    m_uploadList->setObjectName(QStringLiteral("uploads"));
    m_uploadList->setHeaderLabels({tr("Destination"), tr("Local file"), tr("Progress"), tr("State")});
    m_uploadList->setRootIsDecorated(false);
    m_uploadList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_uploadList->setMaximumHeight(150);
    layout->addWidget(m_uploadList);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    Theme::setTone(m_error, Theme::Tone::Error);
    m_error->setVisible(false);
    layout->addWidget(m_status);
    layout->addWidget(m_error);

    connect(upload, &QPushButton::clicked, this, &StoragePanel::chooseFilesToUpload);
    connect(refreshButton, &QPushButton::clicked, this, &StoragePanel::refresh);
    connect(m_saveAs, &QPushButton::clicked, this, &StoragePanel::saveSelectedAs);
    connect(m_copyUrl, &QPushButton::clicked, this, &StoragePanel::copySelectedUrl);
    connect(m_rename, &QPushButton::clicked, this, &StoragePanel::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &StoragePanel::deleteSelected);
    connect(cancelAll, &QPushButton::clicked, this, &StoragePanel::cancelAllUploads);
    connect(m_cancelUploads, &QPushButton::clicked, this, [this] {
        const QList<QTreeWidgetItem *> items = m_uploadList->selectedItems();
        for (QTreeWidgetItem *item : items) {
            cancelUpload(item->text(DestinationColumn));
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        showPreview();
    });
    connect(m_session, &ConnectionSession::identityChanged, this, &StoragePanel::openLiveQuery);

    updateButtons();
    openLiveQuery();
}

StoragePanel::~StoragePanel()
{
    // Running jobs belong to the client; stop them so they do not report into a dead panel's uploads.
    for (const auto &upload : m_uploads) {
        if (upload->job) {
            upload->job->disconnect(this);
            upload->job->cancel();
        }
    }
}

PanelFactory StoragePanel::factory()
{
    return {QStringLiteral("storage"), tr("Storage"), Theme::icon(QStringLiteral("save")), QKeySequence(tr("Ctrl+5")),
        [](ConnectionSession *session, QWidget *parent) -> QWidget * { return new StoragePanel(session, parent); }};
}

void StoragePanel::openLiveQuery()
{
    if (m_live) {
        m_live->close();
        m_live->deleteLater();
    }
    const QJsonObject query {{QStringLiteral("$files"), QJsonObject {}}};
    m_live = new instant::LiveQuery(m_session->client(), query, {}, m_session->identity(), this);
    connect(m_live, &instant::LiveQuery::initialResult, this, &StoragePanel::onLiveResult);
    connect(m_live, &instant::LiveQuery::refreshed, this, &StoragePanel::onLiveResult);
    connect(m_live, &instant::LiveQuery::stateChanged, this, [this](instant::LiveQuery::State state) {
        switch (state) {
        case instant::LiveQuery::State::Live:
            m_liveState->setText(tr("Live"));
            break;
        case instant::LiveQuery::State::Connecting:
        case instant::LiveQuery::State::Reconnecting:
            m_liveState->setText(tr("Connecting…"));
            break;
        case instant::LiveQuery::State::Failed:
            m_liveState->setText(tr("Not live"));
            break;
        case instant::LiveQuery::State::Idle:
        case instant::LiveQuery::State::Closed:
            m_liveState->clear();
            break;
        }
    });
    connect(m_live, &instant::LiveQuery::queryError, this,
        [this](const instant::Error &error) { showError(error.userMessage()); });
    connect(m_live, &instant::LiveQuery::failed, this,
        [this](const instant::Error &error) { showError(error.userMessage()); });
    m_live->open();
}

void StoragePanel::refresh()
{
    openLiveQuery();
}

void StoragePanel::onLiveResult(const instant::LiveResult &result)
{
    const QJsonArray files = result.result.value(u"$files").toQJsonValue().toArray();
    m_model->setFiles(FileTreeModel::filesFromResult(files));
    updateButtons();
    Q_EMIT filesChanged();
}

QString StoragePanel::targetFolderFor(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return {};
    }
    const QModelIndex name = index.siblingAtColumn(FileTreeModel::NameColumn);
    if (m_model->isFolder(name)) {
        return m_model->pathOf(name);
    }
    return m_model->isFolder(name.parent()) ? m_model->pathOf(name.parent()) : QString();
}

void StoragePanel::uploadUrls(const QList<QUrl> &urls, const QString &targetFolder)
{
    QStringList roots;
    for (const QUrl &url : urls) {
        if (url.isLocalFile()) {
            roots.append(url.toLocalFile());
        }
    }
    if (roots.isEmpty()) {
        return;
    }
    showStatus(tr("Reading the dropped files…"));

    // Walking a dropped folder can take long on slow disks, so it runs on the thread pool.
    auto *watcher = new QFutureWatcher<std::vector<Candidate>>(this);
    connect(watcher, &QFutureWatcher<std::vector<Candidate>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        queueUploads(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([roots, targetFolder] {
        std::vector<Candidate> candidates;
        for (const QString &root : roots) {
            const QFileInfo info(root);
            if (info.isDir()) {
                const QDir base(info.absoluteFilePath());
                const QString prefix = joinPath(targetFolder, info.fileName());
                QDirIterator it(
                    base.absolutePath(), QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
                while (it.hasNext()) {
                    const QString file = it.next();
                    candidates.push_back({file, joinPath(prefix, base.relativeFilePath(file))});
                }
            } else if (info.isFile()) {
                candidates.push_back({info.absoluteFilePath(), joinPath(targetFolder, info.fileName())});
            }
        }
        std::sort(candidates.begin(), candidates.end(),
            [](const Candidate &a, const Candidate &b) { return a.remotePath < b.remotePath; });
        return candidates;
    }));
}

void StoragePanel::queueUploads(const std::vector<Candidate> &candidates)
{
    if (candidates.empty()) {
        showStatus(tr("Nothing to upload: the drop held no readable files."));
        return;
    }
    QStringList existing;
    for (const Candidate &candidate : candidates) {
        if (m_model->fileForPath(candidate.remotePath)) {
            existing.append(candidate.remotePath);
        }
    }
    if (existing.isEmpty()) {
        enqueue(candidates);
        return;
    }

    auto *box = new QMessageBox(QMessageBox::Question, tr("Overwrite files"),
        tr("%n file(s) already exist on the server.", nullptr, static_cast<int>(existing.size())), QMessageBox::Cancel,
        this);
    box->setObjectName(QStringLiteral("confirmOverwrite"));
    box->setDetailedText(existing.join(u'\n'));
    QPushButton *overwrite = box->addButton(tr("Overwrite"), QMessageBox::DestructiveRole);
    overwrite->setObjectName(QStringLiteral("overwrite"));
    QPushButton *skip = box->addButton(tr("Skip existing"), QMessageBox::AcceptRole);
    skip->setObjectName(QStringLiteral("skip"));
    box->setDefaultButton(skip);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, overwrite, skip, candidates, existing] {
        if (box->clickedButton() == overwrite) {
            enqueue(candidates);
        } else if (box->clickedButton() == skip) {
            std::vector<Candidate> fresh;
            std::copy_if(candidates.cbegin(), candidates.cend(), std::back_inserter(fresh),
                [&](const Candidate &candidate) { return !existing.contains(candidate.remotePath); });
            enqueue(std::move(fresh));
        } else {
            showStatus(tr("Upload cancelled."));
        }
    });
    box->open();
}

void StoragePanel::enqueue(std::vector<Candidate> candidates)
{
    for (Candidate &candidate : candidates) {
        auto upload = std::make_unique<Upload>();
        upload->localFile = std::move(candidate.localFile);
        upload->remotePath = std::move(candidate.remotePath);
        upload->item = new QTreeWidgetItem(m_uploadList, {upload->remotePath, upload->localFile, {}, tr("Queued")});
        upload->bar = new QProgressBar(m_uploadList);
        upload->bar->setRange(0, 100);
        upload->bar->setValue(0);
        m_uploadList->setItemWidget(upload->item, ProgressColumn, upload->bar);
        m_uploads.push_back(std::move(upload));
    }
    showStatus(tr("%n upload(s) pending.", nullptr, pendingUploads()));
    startNextUploads();
    if (pendingUploads() == 0) {
        Q_EMIT uploadsIdle();
    }
}

int StoragePanel::pendingUploads() const
{
    return static_cast<int>(std::count_if(m_uploads.cbegin(), m_uploads.cend(), [](const auto &upload) {
        return upload->state == UploadState::Queued || upload->state == UploadState::Running;
    }));
}

void StoragePanel::startNextUploads()
{
    int running = static_cast<int>(std::count_if(m_uploads.cbegin(), m_uploads.cend(),
        [](const auto &upload) { return upload->state == UploadState::Running; }));
    const QMimeDatabase mimeDatabase;
    for (const auto &owned : m_uploads) {
        if (running >= kParallelUploads) {
            break;
        }
        Upload *upload = owned.get();
        if (upload->state != UploadState::Queued) {
            continue;
        }
        instant::UploadOptions options;
        // By extension only: sniffing the content would read the file on the GUI thread.
        options.contentType = mimeDatabase.mimeTypeForFile(upload->localFile, QMimeDatabase::MatchExtension).name();
        upload->state = UploadState::Running;
        upload->item->setText(StateColumn, tr("Uploading"));
        upload->job
            = m_session->client()->upload(upload->remotePath, upload->localFile, options, m_session->identity());
        ++running;
        qCInfo(lcStorage) << "upload started:" << upload->remotePath;
        connect(upload->job, &instant::Job::uploadProgress, this, [upload](qint64 sent, qint64 total) {
            if (total > 0) {
                upload->bar->setValue(static_cast<int>(sent * 100 / total));
            }
        });
        connect(upload->job, &instant::ApiJob::finished, this, [this, upload](const instant::JsonResult &result) {
            if (result) {
                finishUpload(upload, UploadState::Done, tr("Done"));
            } else if (result.error().kind == instant::Error::Kind::Cancelled) {
                finishUpload(upload, UploadState::Cancelled, tr("Cancelled"));
            } else {
                finishUpload(upload, UploadState::Failed, result.error().userMessage());
            }
        });
        Q_EMIT uploadStarted(upload->remotePath);
    }
}

void StoragePanel::finishUpload(Upload *upload, UploadState state, const QString &message)
{
    upload->state = state;
    upload->job = nullptr;
    upload->item->setText(StateColumn, message);
    upload->item->setToolTip(StateColumn, message);
    if (state == UploadState::Done) {
        upload->bar->setValue(100);
    }
    qCInfo(lcStorage) << "upload ended:" << upload->remotePath << static_cast<int>(state);
    Q_EMIT uploadFinished(upload->remotePath, state);
    startNextUploads();
    const int pending = pendingUploads();
    if (pending == 0) {
        const auto count = [this](UploadState wanted) {
            return static_cast<int>(std::count_if(m_uploads.cbegin(), m_uploads.cend(),
                [wanted](const auto &candidate) { return candidate->state == wanted; }));
        };
        const int failed = count(UploadState::Failed);
        if (failed > 0) {
            showError(tr("%n upload(s) failed; see the transfer list.", nullptr, failed));
        } else {
            showStatus(tr("Uploads finished: %1 done, %2 cancelled.")
                           .arg(count(UploadState::Done))
                           .arg(count(UploadState::Cancelled)));
        }
        Q_EMIT uploadsIdle();
    }
}

bool StoragePanel::cancelUpload(const QString &remotePath)
{
    for (const auto &owned : m_uploads) {
        Upload *upload = owned.get();
        if (upload->remotePath != remotePath) {
            continue;
        }
        if (upload->state == UploadState::Queued) {
            finishUpload(upload, UploadState::Cancelled, tr("Cancelled"));
            return true;
        }
        if (upload->state == UploadState::Running && upload->job) {
            // The job answers with a Cancelled error, which finishes the upload.
            upload->job->cancel();
            return true;
        }
    }
    return false;
}

void StoragePanel::cancelAllUploads()
{
    // Queued ones first, so cancelling a running upload does not start the next one.
    for (const auto &upload : m_uploads) {
        if (upload->state == UploadState::Queued) {
            upload->state = UploadState::Cancelled;
            upload->item->setText(StateColumn, tr("Cancelled"));
            Q_EMIT uploadFinished(upload->remotePath, UploadState::Cancelled);
        }
    }
    bool anyRunning = false;
    for (const auto &upload : m_uploads) {
        if (upload->state == UploadState::Running && upload->job) {
            anyRunning = true;
            upload->job->cancel();
        }
    }
    if (!anyRunning) {
        Q_EMIT uploadsIdle();
    }
}

QModelIndexList StoragePanel::selectedRows() const
{
    return m_view->selectionModel()->selectedRows(FileTreeModel::NameColumn);
}

void StoragePanel::updateButtons()
{
    const QModelIndexList rows = selectedRows();
    const bool oneFile = rows.size() == 1 && !m_model->isFolder(rows.first());
    m_delete->setEnabled(!rows.isEmpty());
    m_rename->setEnabled(rows.size() == 1);
    m_saveAs->setEnabled(oneFile);
    m_copyUrl->setEnabled(oneFile);
}

void StoragePanel::deleteSelected()
{
    const QStringList paths = m_model->filePathsUnder(selectedRows());
    if (paths.isEmpty()) {
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete files"),
        tr("Delete %n file(s) from storage? This cannot be undone.", nullptr, static_cast<int>(paths.size())),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setDetailedText(paths.join(u'\n'));
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, paths] {
        if (box->clickedButton() != confirm) {
            return;
        }
        auto *job = m_session->client()->deleteFiles(paths, m_session->identity());
        connect(job, &instant::ApiJob::finished, this, [this](const instant::JsonResult &result) {
            if (!result) {
                showError(result.error().userMessage());
                return;
            }
            const int deleted
                = static_cast<int>(result->toObject().value(u"data").toObject().value(u"ids").toArray().size());
            showStatus(tr("Deleted %n file(s).", nullptr, deleted));
        });
    });
    box->open();
}

void StoragePanel::renameSelected()
{
    const QModelIndexList rows = selectedRows();
    if (rows.size() != 1) {
        return;
    }
    const QModelIndex index = rows.first();
    const bool folder = m_model->isFolder(index);
    const QString oldPath = m_model->pathOf(index);

    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("renameDialog"));
    dialog->setWindowTitle(folder ? tr("Rename or move folder") : tr("Rename or move file"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(tr("New path for %1:").arg(oldPath), dialog));
    auto *edit = new QLineEdit(oldPath, dialog);
    edit->setObjectName(QStringLiteral("path"));
    layout->addWidget(edit);
    auto *problem = new QLabel(dialog);
    problem->setObjectName(QStringLiteral("error"));
    Theme::setTone(problem, Theme::Tone::Error);
    layout->addWidget(problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);

    // Every file that moves, old path → new path.
    const auto plan = [this, folder, oldPath, index](const QString &target) {
        QList<std::pair<QString, QString>> moves;
        for (const QString &path : m_model->filePathsUnder({index})) {
            moves.append({path, folder ? target + path.mid(oldPath.size()) : target});
        }
        return moves;
    };
    const auto validate = [this, edit, problem, buttons, oldPath, plan] {
        const QString target = FileTreeModel::segments(edit->text().trimmed()).join(u'/');
        QString text;
        if (edit->text().trimmed().isEmpty()) {
            text = tr("A path is required.");
        } else if (target == oldPath) {
            text = tr("The path is unchanged.");
        } else {
            for (const auto &[from, to] : plan(target)) {
                if (m_model->fileForPath(to)) {
                    text = tr("%1 already exists.").arg(to);
                    break;
                }
            }
        }
        problem->setText(text);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
    };
    connect(edit, &QLineEdit::textChanged, dialog, validate);
    validate();
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, edit, plan] {
        const QString target = FileTreeModel::segments(edit->text().trimmed()).join(u'/');
        QJsonArray steps;
        for (const auto &[from, to] : plan(target)) {
            const StoredFile *file = m_model->fileForPath(from);
            if (file) {
                steps.append(QJsonArray {QStringLiteral("update"), QStringLiteral("$files"), file->id,
                    QJsonObject {{QStringLiteral("path"), to}}});
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        auto *job = m_session->client()->transact(steps, {}, m_session->identity());
        connect(job, &instant::ApiJob::finished, this, [this, count = steps.size()](const instant::JsonResult &r) {
            if (!r) {
                showError(r.error().userMessage());
            } else {
                showStatus(tr("Moved %n file(s).", nullptr, static_cast<int>(count)));
            }
        });
    });
    dialog->open();
}

void StoragePanel::saveSelectedAs()
{
    const QModelIndexList rows = selectedRows();
    if (rows.size() != 1 || m_model->isFolder(rows.first())) {
        return;
    }
    const QString path = m_model->pathOf(rows.first());
    auto *dialog = new QFileDialog(this, tr("Save file as"));
    dialog->setObjectName(QStringLiteral("saveAsDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectFile(FileTreeModel::segments(path).last());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, path](const QString &file) { downloadTo(path, file); });
    dialog->open();
}

void StoragePanel::downloadTo(const QString &path, const QString &localFile)
{
    const StoredFile *file = m_model->fileForPath(path);
    if (!file || file->url.isEmpty()) {
        showError(tr("%1 is not on the server.").arg(path));
        Q_EMIT downloadFinished(localFile, false);
        return;
    }
    auto *out = new QSaveFile(localFile);
    if (!out->open(QIODevice::WriteOnly)) {
        showError(tr("Cannot write %1: %2").arg(localFile, out->errorString()));
        delete out;
        Q_EMIT downloadFinished(localFile, false);
        return;
    }

    QNetworkRequest request {QUrl(file->url)};
    request.setTransferTimeout(60'000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_session->client()->networkAccessManager()->get(request);
    out->setParent(reply);
    auto *item = new QTreeWidgetItem(m_uploadList, {path, localFile, {}, tr("Downloading")});
    auto *bar = new QProgressBar(m_uploadList);
    bar->setRange(0, 100);
    m_uploadList->setItemWidget(item, ProgressColumn, bar);

    // Written as it arrives so big files never sit in memory; QSaveFile only replaces the target at the end.
    connect(reply, &QNetworkReply::readyRead, this, [reply, out] { out->write(reply->readAll()); });
    connect(reply, &QNetworkReply::downloadProgress, this, [bar](qint64 received, qint64 total) {
        if (total > 0) {
            bar->setValue(static_cast<int>(received * 100 / total));
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, out, item, bar, localFile] {
        reply->deleteLater();
        out->write(reply->readAll());
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ok = reply->error() == QNetworkReply::NoError && status == 200 && out->commit();
        if (!ok) {
            out->cancelWriting();
            const QString reason
                = reply->error() != QNetworkReply::NoError ? reply->errorString() : tr("HTTP status %1").arg(status);
            item->setText(StateColumn, reason);
            showError(tr("Download of %1 failed: %2").arg(localFile, reason));
        } else {
            bar->setValue(100);
            item->setText(StateColumn, tr("Saved"));
            showStatus(tr("Saved %1.").arg(localFile));
        }
        Q_EMIT downloadFinished(localFile, ok);
    });
}

void StoragePanel::copySelectedUrl()
{
    const QModelIndexList rows = selectedRows();
    if (rows.size() != 1 || m_model->isFolder(rows.first())) {
        return;
    }
    QApplication::clipboard()->setText(rows.first().data(FileTreeModel::UrlRole).toString());
    showStatus(tr("The URL was copied to the clipboard."));
}

void StoragePanel::chooseFilesToUpload()
{
    const QModelIndexList rows = selectedRows();
    const QString target = rows.isEmpty() ? QString() : targetFolderFor(rows.first());
    auto *dialog = new QFileDialog(this, tr("Upload files"));
    dialog->setObjectName(QStringLiteral("uploadDialog"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::urlsSelected, this,
        [this, target](const QList<QUrl> &urls) { uploadUrls(urls, target); });
    dialog->open();
}

void StoragePanel::showPreview()
{
    if (m_previewReply) {
        m_previewReply->abort();
    }
    const QModelIndexList rows = selectedRows();
    if (rows.size() != 1 || m_model->isFolder(rows.first())) {
        m_previewInfo->setText(tr("Select a file to preview it."));
        m_preview->setCurrentWidget(m_previewInfo);
        return;
    }
    const StoredFile *file = m_model->fileForPath(m_model->pathOf(rows.first()));
    if (!file) {
        return;
    }
    const bool image = file->contentType.startsWith(u"image/");
    if (!image && !isPreviewableText(file->contentType)) {
        m_previewInfo->setText(tr("No preview for %1.").arg(file->contentType));
        m_preview->setCurrentWidget(m_previewInfo);
        Q_EMIT previewShown(file->path);
        return;
    }
    if (file->size > kMaxPreviewBytes) {
        m_previewInfo->setText(tr("%1 is too large to preview.").arg(QLocale().formattedDataSize(file->size)));
        m_preview->setCurrentWidget(m_previewInfo);
        Q_EMIT previewShown(file->path);
        return;
    }

    m_previewInfo->setText(tr("Loading preview…"));
    m_preview->setCurrentWidget(m_previewInfo);
    const quint64 generation = ++m_previewGeneration;
    QNetworkRequest request {QUrl(file->url)};
    request.setTransferTimeout(30'000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    m_previewReply = m_session->client()->networkAccessManager()->get(request);
    QNetworkReply *reply = m_previewReply;
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > kMaxPreviewBytes) {
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, image, path = file->path] {
        reply->deleteLater();
        // A newer selection has its own request; this answer is stale.
        if (generation != m_previewGeneration) {
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            m_previewInfo->setText(tr("The preview could not be loaded: %1").arg(reply->errorString()));
            m_preview->setCurrentWidget(m_previewInfo);
        } else if (image) {
            QImage picture;
            if (picture.loadFromData(reply->readAll())) {
                m_previewImage->setPixmap(QPixmap::fromImage(picture.scaled(
                    m_preview->size().expandedTo(QSize(64, 64)), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
                m_preview->setCurrentWidget(m_previewImage);
            } else {
                m_previewInfo->setText(tr("The image could not be decoded."));
                m_preview->setCurrentWidget(m_previewInfo);
            }
        } else {
            m_previewText->setPlainText(QString::fromUtf8(reply->readAll()));
            m_preview->setCurrentWidget(m_previewText);
        }
        Q_EMIT previewShown(path);
    });
}

void StoragePanel::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void StoragePanel::showStatus(const QString &text)
{
    m_status->setText(text);
    m_error->setVisible(false);
}

} // namespace console
