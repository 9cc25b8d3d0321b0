#include "presencemodel.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>

namespace console {

PresenceModel::PresenceModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

PresenceModel::~PresenceModel() = default;

int PresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PresenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(static_cast<std::size_t>(index.row()));
    const QJsonObject user = row.session.value(u"user").toObject();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SessionColumn:
            return row.sessionId;
        case UserColumn:
            if (user.isEmpty()) {
                return tr("(anonymous)");
            }
            return user.value(u"email").toString().isEmpty() ? user.value(u"id").toString()
                                                             : user.value(u"email").toString();
        case PeerColumn:
            return row.session.value(u"peer-id").toString();
        case DataColumn: {
            const QJsonValue peerData = row.session.value(u"data");
            if (peerData.isObject()) {
                return QString::fromUtf8(QJsonDocument(peerData.toObject()).toJson(QJsonDocument::Compact));
            }
            return peerData.isArray()
                ? QString::fromUtf8(QJsonDocument(peerData.toArray()).toJson(QJsonDocument::Compact))
                : peerData.toVariant().toString();
        }
        default:
            return {};
        }
    case SessionIdRole:
        return row.sessionId;
    case UserIdRole:
        return user.value(u"id").toString();
    case SessionRole:
        return row.session;
    default:
        return {};
    }
}

QVariant PresenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case SessionColumn:
        return tr("Session");
    case UserColumn:
        return tr("User");
    case PeerColumn:
        return tr("Peer");
    case DataColumn:
        return tr("Peer data");
    default:
        return {};
    }
}

void PresenceModel::setSessions(const QJsonValue &sessions)
{
    const QJsonObject wanted = sessions.toObject();

    // Sessions that left, removed from the bottom so the row numbers above stay valid.
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (!wanted.contains(m_rows.at(static_cast<std::size_t>(row)).sessionId)) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }

    // Changed sessions in place, new sessions appended: a refresh does not reset the selection.
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        const auto existing
            = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &row) { return row.sessionId == it.key(); });
        const QJsonObject session = it.value().toObject();
        if (existing != m_rows.end()) {
            if (existing->session != session) {
                existing->session = session;
                const int row = static_cast<int>(existing - m_rows.begin());
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        const int row = rowCount();
        beginInsertRows({}, row, row);
        m_rows.push_back({it.key(), session});
        endInsertRows();
    }
}

void PresenceModel::clear()
{
    if (m_rows.empty()) {
        return;
    }
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace console
