#pragma once

#include <QJsonValue>
#include <QString>
#include <QUuid>

#include <expected>
#include <optional>

#include "engine/apierror.h"

namespace sandbox {

class RequestContext;
class Router;
struct Services;

/**
 * Presence (`GET /admin/rooms/presence`) and the sandbox-only routes outside `/admin`: creating and
 * listing apps, joining and leaving presence rooms. Documented in sandbox/README.md.
 */
class SandboxRoutes {
public:
    SandboxRoutes(Services &services, const QUuid &primaryAppId);
    void install(Router &router);

private:
    std::expected<QJsonValue, ApiError> presence(RequestContext &context);
    std::expected<QJsonValue, ApiError> join(RequestContext &context);
    std::expected<QJsonValue, ApiError> leave(RequestContext &context);
    std::expected<QJsonValue, ApiError> createApp(RequestContext &context);
    std::expected<QJsonValue, ApiError> listApps(RequestContext &context);
    /** What joining and leaving a room both name: the app (by its admin token), the room, the peer. */
    struct RoomRequest {
        QUuid appId;
        QString roomId;
        std::optional<QUuid> peerId;
    };
    std::expected<RoomRequest, ApiError> roomRequest(RequestContext &context) const;
    /** The sandbox-wide credential: the admin token of the first app. */
    std::expected<void, ApiError> requireSandboxAdmin(const RequestContext &context) const;

    Services &m_services;
    const QUuid m_primaryAppId;
};

} // namespace sandbox
