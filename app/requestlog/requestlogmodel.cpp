#include "requestlog/requestlogmodel.h"

#include "theme.h"

#include "requestlog.h"

#include <QColor>
#include <QLocale>

namespace console {

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

RequestLogModel::RequestLogModel(instant::RequestLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    connect(log, &instant::RequestLog::entryAboutToBeAppended, this,
        [this](qsizetype row) { beginInsertRows({}, int(row), int(row)); });
    connect(log, &instant::RequestLog::entryAppended, this, [this](qsizetype) { endInsertRows(); });
    connect(log, &instant::RequestLog::entryChanged, this,
        [this](qsizetype row) { Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1)); });
    connect(log, &instant::RequestLog::oldestEntriesAboutToBeRemoved, this,
        [this](qsizetype count) { beginRemoveRows({}, 0, int(count) - 1); });
    connect(log, &instant::RequestLog::oldestEntriesRemoved, this, [this](qsizetype) { endRemoveRows(); });
    connect(log, &instant::RequestLog::aboutToBeCleared, this, [this] { beginResetModel(); });
    connect(log, &instant::RequestLog::cleared, this, [this] { endResetModel(); });
    connect(log, &QObject::destroyed, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

RequestLogModel::~RequestLogModel() = default;

quint64 RequestLogModel::entryId(int row) const
{
    if (!m_log || row < 0 || row >= m_log->size()) {
        return 0;
    }
    return m_log->at(row).id;
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_log ? 0 : int(m_log->size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_log || index.row() >= m_log->size()) {
        return {};
    }
    const instant::RequestLogEntry &entry = m_log->at(index.row());
    // A stream the console closed itself ends "cancelled"; that is not a failure worth highlighting.
    const bool cancelled = entry.error && entry.error->kind == instant::Error::Kind::Cancelled;
    const bool failed = (entry.error.has_value() && !cancelled) || entry.status >= 400;

    if (role == EntryIdRole) {
        return entry.id;
    }
    if (role == FailedRole) {
        return failed;
    }
    if (role == Qt::ForegroundRole) {
        if (failed && (index.column() == StatusColumn || index.column() == RouteColumn)) {
            return Theme::errorColor();
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == DurationColumn || index.column() == SizeColumn || index.column() == StatusColumn) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (entry.error) {
            return entry.error->detail();
        }
        return entry.url.toString();
    }
    if (role == SortRole) {
        switch (index.column()) {
        case TimeColumn:
            return entry.startedAt;
        case StatusColumn:
            return entry.status;
        case DurationColumn:
            return entry.durationMs;
        case SizeColumn:
            return entry.bytesReceived;
        default:
            break;
        }
        return data(index, Qt::DisplayRole);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }

    switch (index.column()) {
    case TimeColumn:
        return entry.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn:
        return QString::fromLatin1(entry.method);
    case RouteColumn:
        return entry.route;
    case IdentityColumn:
        return entry.identity;
    case StatusColumn:
        if (!entry.finished) {
            return entry.route.contains(QLatin1String("subscribe")) ? tr("streaming") : tr("pending");
        }
        if (entry.status == 0) {
            return entry.error ? instant::Error::kindLabel(entry.error->kind) : tr("failed");
        }
        if (cancelled) {
            return tr("%1 (closed)").arg(entry.status);
        }
        return entry.status;
    case DurationColumn:
        return entry.finished ? tr("%1 ms").arg(entry.durationMs) : QString();
    case SizeColumn:
        return sizeText(entry.bytesReceived);
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case RouteColumn:
        return tr("Route");
    case IdentityColumn:
        return tr("As");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case SizeColumn:
        return tr("Received");
    default:
        return {};
    }
}

RequestLogFilter::RequestLogFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
    setSortRole(RequestLogModel::SortRole);
}

RequestLogFilter::~RequestLogFilter() = default;

void RequestLogFilter::setErrorsOnly(bool errorsOnly)
{
    if (errorsOnly == m_errorsOnly) {
        return;
    }
    m_errorsOnly = errorsOnly;
    invalidateFilter();
}

bool RequestLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_errorsOnly) {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (!index.data(RequestLogModel::FailedRole).toBool()) {
            return false;
        }
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace console
