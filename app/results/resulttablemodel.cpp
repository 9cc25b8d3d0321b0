#include "results/resulttablemodel.h"

#include "results/numberformat.h"
#include "results/resulttreemodel.h"
#include "theme.h"

#include <QColor>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace console {

namespace {

QString cellText(const instant::JsonNode &value)
{
    switch (value.type()) {
    case instant::JsonNode::Type::Null:
        return value.isValid() ? QStringLiteral("null") : QString();
    case instant::JsonNode::Type::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case instant::JsonNode::Type::Number:
        return javaScriptNumberText(value);
    case instant::JsonNode::Type::String: {
        QString text = value.toString();
        if (text.size() > 300) {
            text = text.left(300) + QChar(0x2026);
        }
        return text;
    }
    case instant::JsonNode::Type::Array:
        return QCoreApplication::translate("console::ResultTableModel", "[%n]", nullptr, int(value.size()));
    case instant::JsonNode::Type::Object: {
        QString text = QString::fromUtf8(value.toJson());
        if (text.size() > 120) {
            text = text.left(120) + QChar(0x2026);
        }
        return text;
    }
    }
    return {};
}

QVariant sortValue(const instant::JsonNode &value)
{
    switch (value.type()) {
    case instant::JsonNode::Type::Null:
        return {};
    case instant::JsonNode::Type::Bool:
        return value.toBool();
    case instant::JsonNode::Type::Number:
        return value.toDouble();
    case instant::JsonNode::Type::String:
        return value.toString();
    case instant::JsonNode::Type::Array:
        return qint64(value.size());
    case instant::JsonNode::Type::Object:
        return QString::fromUtf8(value.toJson());
    }
    return {};
}

/** What the user typed, as JSON: a JSON literal if it parses as one, otherwise a string. */
QJsonValue parseEdit(const QString &text)
{
    const QByteArray wrapped = "[" + text.toUtf8() + "]";
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1) {
        return doc.array().at(0);
    }
    return QJsonValue(text);
}

} // namespace

ResultTableModel::ResultTableModel(ResultTreeModel *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        beginResetModel();
        m_flashing.clear();
    });
    connect(source, &QAbstractItemModel::modelReset, this, [this] {
        resolveNamespace();
        endResetModel();
    });

    connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [this](const QModelIndex &parent, int first, int last) {
            if (isOurs(parent)) {
                beginInsertRows({}, first, last);
            }
        });
    connect(source, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (isOurs(parent)) {
            endInsertRows();
            for (int row = first; row <= last; ++row) {
                m_flashing.append(QPersistentModelIndex(index(row, 0)));
            }
        } else if (!parent.isValid()) {
            // A namespace appeared; ours may have moved or come into existence.
            const int before = m_nsRow;
            if (before < 0) {
                beginResetModel();
                resolveNamespace();
                endResetModel();
            } else {
                resolveNamespace();
            }
        }
    });

    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this](const QModelIndex &parent, int first, int last) {
            if (isOurs(parent)) {
                beginRemoveRows({}, first, last);
            } else if (!parent.isValid() && m_nsRow >= first && m_nsRow <= last) {
                m_resetting = true;
                beginResetModel();
            }
        });
    connect(source, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &parent, int, int) {
        if (isOurs(parent)) {
            endRemoveRows();
        } else if (!parent.isValid()) {
            resolveNamespace();
            if (m_resetting) {
                m_resetting = false;
                endResetModel();
            }
        }
    });

    connect(
        source, &QAbstractItemModel::layoutAboutToBeChanged, this, [this](const QList<QPersistentModelIndex> &parents) {
            const QModelIndex ours = m_source->namespaceIndex(m_nsRow);
            if (!parents.isEmpty() && !parents.contains(QPersistentModelIndex(ours))
                && !parents.contains(QPersistentModelIndex())) {
                return;
            }
            Q_EMIT layoutAboutToBeChanged();
            m_layoutIndexes.clear();
            m_layoutKeys.clear();
            const QModelIndexList persistent = persistentIndexList();
            for (const QModelIndex &index : persistent) {
                m_layoutIndexes.append(QPersistentModelIndex(index));
                m_layoutKeys.append(
                    m_source->entity(m_nsRow, index.row()).value("id").stringView().toString().toUtf8());
            }
        });
    connect(source, &QAbstractItemModel::layoutChanged, this, [this](const QList<QPersistentModelIndex> &parents) {
        const QModelIndex ours = m_source->namespaceIndex(m_nsRow);
        if (!parents.isEmpty() && !parents.contains(QPersistentModelIndex(ours))
            && !parents.contains(QPersistentModelIndex())) {
            return;
        }
        resolveNamespace();
        for (qsizetype i = 0; i < m_layoutIndexes.size(); ++i) {
            const QModelIndex moved = m_source->entityIndex(m_nsRow, m_layoutKeys.at(i));
            changePersistentIndex(m_layoutIndexes.at(i),
                moved.isValid() ? index(moved.row(), m_layoutIndexes.at(i).column()) : QModelIndex());
        }
        m_layoutIndexes.clear();
        m_layoutKeys.clear();
        Q_EMIT layoutChanged();
    });

    connect(source, &QAbstractItemModel::dataChanged, this, &ResultTableModel::onSourceDataChanged);
    connect(source, &ResultTreeModel::columnsChanged, this, &ResultTableModel::onColumnsChanged);
    connect(source, &ResultTreeModel::flashTick, this, &ResultTableModel::onFlashTick);
}

ResultTableModel::~ResultTableModel() = default;

void ResultTableModel::setNamespace(const QByteArray &name)
{
    if (name == m_namespace) {
        return;
    }
    beginResetModel();
    m_namespace = name;
    m_flashing.clear();
    resolveNamespace();
    endResetModel();
}

void ResultTableModel::setEditable(bool editable)
{
    m_editable = editable;
}

void ResultTableModel::resolveNamespace()
{
    m_nsRow = m_source ? m_source->namespaceRow(m_namespace) : -1;
    m_columns = m_source ? m_source->columns(m_nsRow) : QList<QByteArray>();
}

bool ResultTableModel::isOurs(const QModelIndex &sourceParent) const
{
    return m_nsRow >= 0 && sourceParent.isValid() && !sourceParent.parent().isValid() && sourceParent.row() == m_nsRow;
}

void ResultTableModel::onColumnsChanged(int nsRow)
{
    if (nsRow != m_nsRow) {
        return;
    }
    const QList<QByteArray> columns = m_source->columns(nsRow);
    // New attributes usually show up at the end; anything else re-creates the header.
    if (columns.size() > m_columns.size() && columns.mid(0, m_columns.size()) == m_columns) {
        beginInsertColumns({}, int(m_columns.size()), int(columns.size() - 1));
        m_columns = columns;
        endInsertColumns();
        return;
    }
    if (columns != m_columns) {
        beginResetModel();
        m_columns = columns;
        endResetModel();
    }
}

void ResultTableModel::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!isOurs(topLeft.parent()) || m_columns.isEmpty()) {
        return;
    }
    Q_EMIT dataChanged(index(topLeft.row(), 0), index(bottomRight.row(), int(m_columns.size()) - 1));
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QPersistentModelIndex flashing(index(row, 0));
        if (!m_flashing.contains(flashing)) {
            m_flashing.append(flashing);
        }
    }
}

void ResultTableModel::onFlashTick()
{
    if (m_columns.isEmpty()) {
        m_flashing.clear();
        return;
    }
    QList<QPersistentModelIndex> still;
    for (const QPersistentModelIndex &row : std::as_const(m_flashing)) {
        if (!row.isValid()) {
            continue;
        }
        Q_EMIT dataChanged(index(row.row(), 0), index(row.row(), int(m_columns.size()) - 1), {Qt::BackgroundRole});
        bool flashing = false;
        for (const QByteArray &key : std::as_const(m_columns)) {
            if (m_source->entityFlash(m_nsRow, row.row(), key) > 0) {
                flashing = true;
                break;
            }
        }
        if (flashing) {
            still.append(row);
        }
    }
    m_flashing = still;
}

QByteArray ResultTableModel::columnKey(int column) const
{
    return m_columns.value(column);
}

EntityRef ResultTableModel::entityRef(int row) const
{
    if (!m_source || row < 0 || row >= rowCount()) {
        return {};
    }
    return EntityRef {QString::fromUtf8(m_namespace), m_source->entity(m_nsRow, row).value("id").toString()};
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_source) {
        return 0;
    }
    return int(m_source->entityCount(m_nsRow));
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_source || index.column() >= m_columns.size()) {
        return {};
    }
    const QByteArray &key = m_columns.at(index.column());
    const instant::JsonNode entity = m_source->entity(m_nsRow, index.row());
    const instant::JsonNode value = entity.value(QUtf8StringView(key));

    switch (role) {
    case Qt::DisplayRole:
        return cellText(value);
    case Qt::EditRole:
        if (value.isString()) {
            return value.toString();
        }
        return value.isValid() ? QString::fromUtf8(value.toJson()) : QString();
    case Qt::ToolTipRole:
        if (value.isArray() || value.isObject()) {
            return QString::fromUtf8(value.toJson()).left(2000);
        }
        return cellText(value);
    case SortRole:
        return sortValue(value);
    case JsonRole:
        return value.isValid() ? QString::fromUtf8(value.toJson()) : QString();
    case EntityIdRole:
        return entity.value("id").toString();
    case Qt::TextAlignmentRole:
        if (value.isNumber()) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ForegroundRole:
        if (!value.isValid() || value.isNull()) {
            return Theme::isDark() ? QColor(0x7d, 0x84, 0x92) : QColor(0x8a, 0x90, 0x9c);
        }
        return {};
    case Qt::BackgroundRole: {
        const qreal strength = m_source->entityFlash(m_nsRow, index.row(), key);
        if (strength <= 0) {
            return {};
        }
        QColor color = Theme::flashColor();
        color.setAlphaF(float(0.85 * strength));
        return color;
    }
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) {
        return {};
    }
    if (orientation == Qt::Vertical) {
        return section + 1;
    }
    return QString::fromUtf8(m_columns.value(section));
}

Qt::ItemFlags ResultTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (m_editable && index.isValid() && columnKey(index.column()) != "id") {
        result |= Qt::ItemIsEditable;
    }
    return result;
}

bool ResultTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_editable || role != Qt::EditRole || !index.isValid() || columnKey(index.column()) == "id") {
        return false;
    }
    // The model shows the server's data; the edit is staged elsewhere and arrives with the next result.
    Q_EMIT editRequested(
        entityRef(index.row()), QString::fromUtf8(columnKey(index.column())), parseEdit(value.toString()));
    return false;
}

} // namespace console
