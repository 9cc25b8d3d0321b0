#include "filetreemodel.h"

#include <algorithm>

#include <QJsonObject>
#include <QLocale>
#include <QMimeData>
#include <QUrl>

namespace console {

struct FileTreeModel::Node {
    QString name;
    bool folder = true;
    StoredFile file;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent) {
            return 0;
        }
        for (std::size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this) {
                return static_cast<int>(i);
            }
        }
        return 0;
    }

    // Folders first, then files; both by name, case-insensitively with a stable tie-break.
    static bool lessThan(const Node &a, const Node &b)
    {
        if (a.folder != b.folder) {
            return a.folder;
        }
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.name < b.name;
    }

    bool sameKey(const Node &other) const { return folder == other.folder && name == other.name; }
};

FileTreeModel::FileTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

FileTreeModel::~FileTreeModel() = default;

FileTreeModel::Node *FileTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex FileTreeModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get()) {
        return {};
    }
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

QModelIndex FileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    Node *parentNode = nodeFor(parent);
    return createIndex(row, column, parentNode->children.at(static_cast<std::size_t>(row)).get());
}

QModelIndex FileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    return indexFor(nodeFor(child)->parent);
}

int FileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0) {
        return 0;
    }
    return static_cast<int>(nodeFor(parent)->children.size());
}

int FileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case SizeColumn:
            return node->folder ? QVariant() : QVariant(QLocale().formattedDataSize(node->file.size));
        case TypeColumn:
            return node->folder ? QVariant() : QVariant(node->file.contentType);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return node->folder ? QVariant(pathOf(index)) : QVariant(node->file.path);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case PathRole:
        return pathOf(index);
    case IdRole:
        return node->folder ? QVariant() : QVariant(node->file.id);
    case UrlRole:
        return node->folder ? QVariant() : QVariant(node->file.url);
    case IsFolderRole:
        return node->folder;
    case SizeRole:
        return node->folder ? QVariant() : QVariant(node->file.size);
    default:
        return {};
    }
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case TypeColumn:
        return tr("Content type");
    default:
        return {};
    }
}

Qt::ItemFlags FileTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::ItemIsDropEnabled;
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeFor(index)->folder) {
        flags |= Qt::ItemIsDropEnabled;
    } else {
        flags |= Qt::ItemIsDragEnabled;
    }
    return flags;
}

QStringList FileTreeModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list"), QStringLiteral("text/plain")};
}

QMimeData *FileTreeModel::mimeData(const QModelIndexList &indexes) const
{
    // Dragging out hands over the server's download URL; file managers and browsers fetch it themselves.
    QList<QUrl> urls;
    QStringList texts;
    for (const QModelIndex &index : indexes) {
        if (index.column() != NameColumn || isFolder(index)) {
            continue;
        }
        const Node *node = nodeFor(index);
        urls.append(QUrl(node->file.url));
        texts.append(node->file.url);
    }
    if (urls.isEmpty()) {
        return nullptr;
    }
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    mime->setText(texts.join(u'\n'));
    return mime;
}

Qt::DropActions FileTreeModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

QStringList FileTreeModel::segments(const QString &path)
{
    QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        parts.append(path);
    }
    return parts;
}

std::vector<StoredFile> FileTreeModel::filesFromResult(const QJsonArray &files)
{
    std::vector<StoredFile> result;
    result.reserve(static_cast<std::size_t>(files.size()));
    for (const QJsonValue &value : files) {
        const QJsonObject object = value.toObject();
        StoredFile file;
        file.id = object.value(u"id").toString();
        file.path = object.value(u"path").toString();
        file.size = object.value(u"size").toInteger();
        file.contentType = object.value(u"content-type").toString();
        file.url = object.value(u"url").toString();
        if (!file.id.isEmpty()) {
            result.push_back(std::move(file));
        }
    }
    return result;
}

void FileTreeModel::setFiles(std::vector<StoredFile> files)
{
    auto wanted = std::make_unique<Node>();
    for (const StoredFile &file : files) {
        const QStringList parts = segments(file.path);
        Node *folder = wanted.get();
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            auto it = std::find_if(folder->children.begin(), folder->children.end(),
                [&](const auto &child) { return child->folder && child->name == parts.at(i); });
            if (it == folder->children.end()) {
                auto child = std::make_unique<Node>();
                child->name = parts.at(i);
                child->parent = folder;
                folder->children.push_back(std::move(child));
                it = std::prev(folder->children.end());
            }
            folder = it->get();
        }
        auto leaf = std::make_unique<Node>();
        leaf->name = parts.last();
        leaf->folder = false;
        leaf->file = file;
        leaf->parent = folder;
        folder->children.push_back(std::move(leaf));
    }
    m_files = std::move(files);
    sync(m_root.get(), wanted.get());
}

void FileTreeModel::sync(Node *current, Node *wanted)
{
    std::stable_sort(wanted->children.begin(), wanted->children.end(),
        [](const auto &a, const auto &b) { return Node::lessThan(*a, *b); });
    const QModelIndex parentIndex = indexFor(current);

    // 1. Rows that are gone, removed from the bottom up so earlier row numbers stay valid.
    for (int row = static_cast<int>(current->children.size()) - 1; row >= 0; --row) {
        const Node &child = *current->children[static_cast<std::size_t>(row)];
        const bool kept = std::any_of(wanted->children.cbegin(), wanted->children.cend(),
            [&](const auto &candidate) { return candidate->sameKey(child); });
        if (!kept) {
            beginRemoveRows(parentIndex, row, row);
            current->children.erase(current->children.begin() + row);
            endRemoveRows();
        }
    }

    // 2. Both lists are now sorted the same way and the current one is a subset: walk them together.
    for (std::size_t i = 0; i < wanted->children.size(); ++i) {
        Node *target = wanted->children[i].get();
        if (i < current->children.size() && current->children[i]->sameKey(*target)) {
            Node *existing = current->children[i].get();
            if (!existing->folder && !(existing->file == target->file)) {
                existing->file = target->file;
                Q_EMIT dataChanged(indexFor(existing, NameColumn), indexFor(existing, ColumnCount - 1));
            }
            if (existing->folder) {
                sync(existing, target);
            }
            continue;
        }
        const int row = static_cast<int>(i);
        beginInsertRows(parentIndex, row, row);
        std::unique_ptr<Node> moved = std::move(wanted->children[i]);
        moved->parent = current;
        current->children.insert(current->children.begin() + row, std::move(moved));
        endInsertRows();
    }
}

const StoredFile *FileTreeModel::fileForPath(const QString &path) const
{
    const auto it
        = std::find_if(m_files.cbegin(), m_files.cend(), [&](const StoredFile &file) { return file.path == path; });
    return it == m_files.cend() ? nullptr : &*it;
}

QModelIndex FileTreeModel::indexForPath(const QString &path, bool folder) const
{
    const QStringList parts = segments(path);
    const Node *node = m_root.get();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const bool wantFolder = folder || i + 1 < parts.size();
        const auto it = std::find_if(node->children.cbegin(), node->children.cend(),
            [&](const auto &child) { return child->folder == wantFolder && child->name == parts.at(i); });
        if (it == node->children.cend()) {
            return {};
        }
        node = it->get();
    }
    return indexFor(node);
}

QString FileTreeModel::pathOf(const QModelIndex &index) const
{
    const Node *node = nodeFor(index);
    if (!node->folder) {
        return node->file.path;
    }
    QStringList parts;
    for (; node && node != m_root.get(); node = node->parent) {
        parts.prepend(node->name);
    }
    return parts.join(u'/');
}

bool FileTreeModel::isFolder(const QModelIndex &index) const
{
    return index.isValid() && nodeFor(index)->folder;
}

void FileTreeModel::collectFiles(const Node *node, QStringList *paths) const
{
    if (!node->folder) {
        paths->append(node->file.path);
        return;
    }
    for (const auto &child : node->children) {
        collectFiles(child.get(), paths);
    }
}

QStringList FileTreeModel::filePathsUnder(const QModelIndexList &indexes) const
{
    QStringList paths;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.column() == NameColumn) {
            collectFiles(nodeFor(index), &paths);
        }
    }
    paths.removeDuplicates();
    return paths;
}

} // namespace console
