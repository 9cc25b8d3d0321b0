#pragma once

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QUuid>

#include <optional>

namespace sandbox {

/**
 * Who is in which room, per app. The sandbox has no websocket clients, so peers join and leave
 * through the sandbox-only routes; GET /admin/rooms/presence reads from here.
 */
class PresenceRooms {
public:
    struct Peer {
        QUuid peerId;
        QJsonObject data;
        std::optional<QUuid> userId;
    };

    PresenceRooms();

    /** Adds the peer or replaces its data. */
    void join(const QUuid &appId, const QString &roomId, const Peer &peer);
    /** False when the peer was not in the room. */
    bool leave(const QUuid &appId, const QString &roomId, const QUuid &peerId);
    QList<Peer> peers(const QUuid &appId, const QString &roomId) const;
    /** Stands for the server instance holding the peers, as `instance-id` on the wire. */
    QUuid instanceId() const { return m_instanceId; }

private:
    const QUuid m_instanceId;
    mutable QMutex m_mutex;
    QHash<QUuid, QHash<QString, QHash<QUuid, Peer>>> m_rooms; // app → room → peer
};

} // namespace sandbox
