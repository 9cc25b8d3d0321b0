#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QJsonObject>

namespace console {

/** The sessions of one room (spec §4.24), one row per session, updated in place by session id. */
class PresenceModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceModel)

public:
    enum Column {
        SessionColumn,
        UserColumn,
        PeerColumn,
        DataColumn,
        ColumnCount,
    };
    enum Role {
        SessionIdRole = Qt::UserRole,
        UserIdRole,
        /** The full session object as QJsonObject. */
        SessionRole,
    };

    explicit PresenceModel(QObject *parent = nullptr);
    ~PresenceModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Applies the `sessions` member of a presence reply (an object, or null for an empty room). */
    void setSessions(const QJsonValue &sessions);
    void clear();

private:
    struct Row {
        QString sessionId;
        QJsonObject session;
    };
    std::vector<Row> m_rows;
};

} // namespace console
