#pragma once

#include <memory>
#include <vector>

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include "apijob.h"
#include "filetreemodel.h"

class QLabel;
class QNetworkReply;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeView;
class QTreeWidget;
class QTreeWidgetItem;

namespace instant {
class LiveQuery;
struct LiveResult;
} // namespace instant

namespace console {

class ConnectionSession;
struct PanelFactory;

/**
 * The storage browser: `$files` as a live folder tree. Files and folders dropped from the desktop are
 * uploaded (streamed from disk, several at a time, progress and cancel per file, a prompt before
 * overwriting); files are downloaded by dragging them out or with Save As, deleted in bulk, renamed or
 * moved by a transaction on `path`, previewed when they are images or text. Storage calls use the tab's
 * identity.
 */
class StoragePanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoragePanel)

public:
    /** How many uploads run at the same time; the rest wait in the queue. */
    static constexpr int kParallelUploads = 3;
    /** Larger files are not previewed. */
    static constexpr qint64 kMaxPreviewBytes = 4 * 1024 * 1024;

    enum class UploadState {
        Queued,
        Running,
        Done,
        Failed,
        Cancelled,
        Skipped,
    };

    explicit StoragePanel(ConnectionSession *session, QWidget *parent = nullptr);
    ~StoragePanel() override;

    /** How the main window offers this panel (id \"storage\"). */
    static PanelFactory factory();

    FileTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QTreeWidget *uploadList() const { return m_uploadList; }

    /** Uploads local files and folders (recursively) below targetFolder ("" = top level). */
    void uploadUrls(const QList<QUrl> &urls, const QString &targetFolder);
    /** Cancels every queued or running upload. */
    void cancelAllUploads();
    /** Cancels the upload whose destination is remotePath. */
    bool cancelUpload(const QString &remotePath);
    /** Downloads the file at path into localFile (written as it arrives, committed at the end). */
    void downloadTo(const QString &path, const QString &localFile);
    /** Number of uploads neither finished nor cancelled. */
    int pendingUploads() const;

public Q_SLOTS:
    void refresh();
    void deleteSelected();
    void renameSelected();
    void saveSelectedAs();
    void copySelectedUrl();
    void chooseFilesToUpload();

Q_SIGNALS:
    /** The tree now shows a new result from the server. */
    void filesChanged();
    void uploadStarted(const QString &remotePath);
    void uploadFinished(const QString &remotePath, console::StoragePanel::UploadState state);
    /** All uploads of the queue are done (finished, failed, cancelled or skipped). */
    void uploadsIdle();
    void downloadFinished(const QString &localFile, bool ok);
    void previewShown(const QString &path);

private:
    struct Upload;
    struct Candidate {
        QString localFile;
        QString remotePath;
    };

    void openLiveQuery();
    void onLiveResult(const instant::LiveResult &result);
    void queueUploads(const std::vector<Candidate> &candidates);
    void enqueue(std::vector<Candidate> candidates);
    void startNextUploads();
    void finishUpload(Upload *upload, UploadState state, const QString &message);
    void updateButtons();
    void showPreview();
    void showError(const QString &text);
    void showStatus(const QString &text);
    QModelIndexList selectedRows() const;
    QString targetFolderFor(const QModelIndex &index) const;

    ConnectionSession *m_session;
    FileTreeModel *m_model;
    QPointer<instant::LiveQuery> m_live;
    std::vector<std::unique_ptr<Upload>> m_uploads;
    QPointer<QNetworkReply> m_previewReply;
    quint64 m_previewGeneration = 0;

    QTreeView *m_view = nullptr;
    QTreeWidget *m_uploadList = nullptr;
    QStackedWidget *m_preview = nullptr;
    QLabel *m_previewImage = nullptr;
    QPlainTextEdit *m_previewText = nullptr;
    QLabel *m_previewInfo = nullptr;
    QLabel *m_liveState = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_saveAs = nullptr;
    QPushButton *m_copyUrl = nullptr;
    QPushButton *m_cancelUploads = nullptr;
};

} // namespace console
