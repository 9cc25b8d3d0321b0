#pragma once

#include <memory>
#include <vector>

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QStringList>

namespace console {

/** One `$files` entity as the storage browser needs it (spec §8.2). */
struct StoredFile {
    QString id;
    QString path;
    qint64 size = 0;
    QString contentType;
    QString url;

    friend bool operator==(const StoredFile &, const StoredFile &) = default;
};

/**
 * `$files` shown as folders built from the '/'-separated segments of each path. Updates are applied
 * as a diff against the current tree so that expansion and selection survive live refreshes.
 */
class FileTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTreeModel)

public:
    enum Column {
        NameColumn,
        SizeColumn,
        TypeColumn,
        ColumnCount,
    };
    enum Role {
        PathRole = Qt::UserRole,
        IdRole,
        UrlRole,
        IsFolderRole,
        SizeRole,
    };

    explicit FileTreeModel(QObject *parent = nullptr);
    ~FileTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    /** Replaces the content; unchanged rows keep their indexes. */
    void setFiles(std::vector<StoredFile> files);
    /** Reads a `$files` array from a query result. */
    static std::vector<StoredFile> filesFromResult(const QJsonArray &files);

    const std::vector<StoredFile> &files() const { return m_files; }
    const StoredFile *fileForPath(const QString &path) const;
    /** Index of the file or folder at path (folders: "a/b" without a trailing slash). */
    QModelIndex indexForPath(const QString &path, bool folder = false) const;
    /** For a folder: its path prefix ("a/b"); for a file: its full path. */
    QString pathOf(const QModelIndex &index) const;
    bool isFolder(const QModelIndex &index) const;
    /** Every file path at or below the given rows (files themselves, or all files inside folders). */
    QStringList filePathsUnder(const QModelIndexList &indexes) const;

    /** Splits a path into its non-empty segments. */
    static QStringList segments(const QString &path);

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    void sync(Node *current, Node *wanted);
    void collectFiles(const Node *node, QStringList *paths) const;

    std::unique_ptr<Node> m_root;
    std::vector<StoredFile> m_files;
};

} // namespace console
