#include "presencerooms.h"

namespace sandbox {

PresenceRooms::PresenceRooms()
    : m_instanceId(QUuid::createUuid())
{ }

void PresenceRooms::join(const QUuid &appId, const QString &roomId, const Peer &peer)
{
    const QMutexLocker lock(&m_mutex);
    m_rooms[appId][roomId].insert(peer.peerId, peer);
}

bool PresenceRooms::leave(const QUuid &appId, const QString &roomId, const QUuid &peerId)
{
    const QMutexLocker lock(&m_mutex);
    auto app = m_rooms.find(appId);
    if (app == m_rooms.end()) {
        return false;
    }
    auto room = app->find(roomId);
    if (room == app->end() || room->remove(peerId) == 0) {
        return false;
    }
    // Empty rooms disappear, so an emptied room reads exactly like one never joined.
    if (room->isEmpty()) {
        app->erase(room);
    }
    return true;
}

QList<PresenceRooms::Peer> PresenceRooms::peers(const QUuid &appId, const QString &roomId) const
{
    const QMutexLocker lock(&m_mutex);
    return m_rooms.value(appId).value(roomId).values();
}

} // namespace sandbox
