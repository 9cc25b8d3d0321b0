#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QSortFilterProxyModel>

namespace instant {
class RequestLog;
struct RequestLogEntry;
} // namespace instant

namespace console {

/** The calls of an instant::RequestLog as a table, newest last; follows the log's ring buffer. */
class RequestLogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)
public:
    enum Column {
        TimeColumn,
        MethodColumn,
        RouteColumn,
        IdentityColumn,
        StatusColumn,
        DurationColumn,
        SizeColumn,
        ColumnCount,
    };
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        /** True for failed or unfinished-with-error calls. */
        FailedRole,
        SortRole,
    };

    explicit RequestLogModel(instant::RequestLog *log, QObject *parent = nullptr);
    ~RequestLogModel() override;

    instant::RequestLog *log() const { return m_log; }
    quint64 entryId(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<instant::RequestLog> m_log;
};

/** Text filter over method, route, identity and status, plus an "errors only" switch. */
class RequestLogFilter final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogFilter)
public:
    explicit RequestLogFilter(QObject *parent = nullptr);
    ~RequestLogFilter() override;

    void setErrorsOnly(bool errorsOnly);
    bool errorsOnly() const { return m_errorsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_errorsOnly = false;
};

} // namespace console
