#include "sandboxroutes.h"

#include <QJsonArray>
#include <QJsonObject>

#include "authresolver.h"
#include "engine/store.h"
#include "presencerooms.h"
#include "requestcontext.h"
#include "router.h"
#include "services.h"
#include "userdirectory.h"
#include "wire.h"

namespace sandbox {

namespace {

std::expected<QString, ApiError> requiredString(const QJsonValue &value, const QStringList &path)
{
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())) {
        return std::unexpected(ApiError::paramMissing(path));
    }
    if (!value.isString()) {
        return std::unexpected(ApiError::paramMalformed(path, value));
    }
    return value.toString();
}

std::expected<std::optional<QUuid>, ApiError> optionalUuid(const QJsonObject &body, const QString &key)
{
    const QJsonValue value = body.value(key);
    if (value.isUndefined() || value.isNull()) {
        return std::optional<QUuid> {};
    }
    const auto id = value.isString() ? wire::parseUuid(value.toString()) : std::nullopt;
    if (!id) {
        return std::unexpected(ApiError::paramMalformed({QStringLiteral("body"), key}, value));
    }
    return std::optional<QUuid> {*id};
}

/**
 * A query parameter the server reads with its non-blank string coercion: missing is `param-missing`, present
 * but blank (`room-id=`, which the SDK sends for an empty id) is `param-malformed`, and the value is trimmed.
 */
std::expected<QString, ApiError> nonBlankQueryParam(const RequestContext &context, const char *name)
{
    const QStringList path {QStringLiteral("params"), QString::fromLatin1(name)};
    if (!context.hasQueryParam(name)) {
        return std::unexpected(ApiError::paramMissing(path));
    }
    const QString value = context.queryParam(name);
    if (value.trimmed().isEmpty()) {
        return std::unexpected(ApiError::paramMalformed(path, value));
    }
    return value.trimmed();
}

} // namespace

SandboxRoutes::SandboxRoutes(Services &services, const QUuid &primaryAppId)
    : m_services(services)
    , m_primaryAppId(primaryAppId)
{ }

void SandboxRoutes::install(Router &router)
{
    using M = Router::Method;
    router.json(M::Get, "/admin/rooms/presence", [this](RequestContext &c) { return presence(c); });
    router.json(M::Post, "/sandbox/rooms/join", [this](RequestContext &c) { return join(c); });
    router.json(M::Post, "/sandbox/rooms/leave", [this](RequestContext &c) { return leave(c); });
    router.json(M::Post, "/sandbox/apps", [this](RequestContext &c) { return createApp(c); });
    router.json(M::Get, "/sandbox/apps", [this](RequestContext &c) { return listApps(c); });
}

std::expected<QJsonValue, ApiError> SandboxRoutes::presence(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    // room-type is required but, as on the server, not used to find the room.
    if (const auto roomType = nonBlankQueryParam(context, "room-type"); !roomType) {
        return std::unexpected(roomType.error());
    }
    const auto roomId = nonBlankQueryParam(context, "room-id");
    if (!roomId) {
        return std::unexpected(roomId.error());
    }
    const auto peers = m_services.presence.peers(*appId, *roomId);
    if (peers.isEmpty()) {
        return QJsonObject {{QStringLiteral("sessions"), QJsonValue::Null}};
    }
    QJsonObject sessions;
    for (const PresenceRooms::Peer &peer : peers) {
        QJsonValue user;
        if (peer.userId) {
            const auto found = m_services.users.byId(*appId, *peer.userId);
            if (found && found->has_value()) {
                user = m_services.users.dbFormat(*appId, **found);
            }
        }
        const QString id = wire::uuidString(peer.peerId);
        sessions.insert(id,
            QJsonObject {{QStringLiteral("peer-id"), id},
                {QStringLiteral("instance-id"), wire::uuidString(m_services.presence.instanceId())},
                {QStringLiteral("data"), peer.data}, {QStringLiteral("user"), user}});
    }
    return QJsonObject {{QStringLiteral("sessions"), sessions}};
}

std::expected<SandboxRoutes::RoomRequest, ApiError> SandboxRoutes::roomRequest(RequestContext &context) const
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const QJsonObject &body = context.body();
    const auto roomId
        = requiredString(body.value(QStringLiteral("room-id")), {QStringLiteral("body"), QStringLiteral("room-id")});
    if (!roomId) {
        return std::unexpected(roomId.error());
    }
    const auto peerId = optionalUuid(body, QStringLiteral("peer-id"));
    if (!peerId) {
        return std::unexpected(peerId.error());
    }
    return RoomRequest {*appId, *roomId, *peerId};
}

std::expected<QJsonValue, ApiError> SandboxRoutes::join(RequestContext &context)
{
    const auto room = roomRequest(context);
    if (!room) {
        return std::unexpected(room.error());
    }
    const QUuid &appId = room->appId;
    const QJsonObject &body = context.body();
    const QJsonValue data = body.value(QStringLiteral("data"));
    if (!data.isUndefined() && !data.isNull() && !data.isObject()) {
        return std::unexpected(ApiError::paramMalformed({QStringLiteral("body"), QStringLiteral("data")}, data));
    }

    // The peer's user: by id, or by refresh token as a signed-in client would be.
    std::optional<QUuid> userId;
    const auto byId = optionalUuid(body, QStringLiteral("user-id"));
    if (!byId) {
        return std::unexpected(byId.error());
    }
    const auto byToken = optionalUuid(body, QStringLiteral("refresh-token"));
    if (!byToken) {
        return std::unexpected(byToken.error());
    }
    if (byId->has_value() || byToken->has_value()) {
        const auto user = byId->has_value() ? m_services.users.byId(appId, **byId)
                                            : m_services.users.byRefreshToken(appId, **byToken);
        if (!user) {
            return std::unexpected(user.error());
        }
        if (!user->has_value()) {
            QJsonObject args {{QStringLiteral("app-id"), wire::uuidString(appId)}};
            if (byId->has_value()) {
                args.insert(QStringLiteral("id"), wire::uuidString(**byId));
            } else {
                args.insert(QStringLiteral("refresh-token"), wire::uuidString(**byToken));
            }
            return std::unexpected(ApiError::recordNotFound(QStringLiteral("app-user"), args));
        }
        userId = QUuid::fromString((*user)->value(QStringLiteral("id")).toString());
    }

    const QUuid peer = room->peerId.value_or(QUuid::createUuid());
    m_services.presence.join(appId, room->roomId, PresenceRooms::Peer {peer, data.toObject(), userId});
    return QJsonObject {{QStringLiteral("peer-id"), wire::uuidString(peer)}};
}

std::expected<QJsonValue, ApiError> SandboxRoutes::leave(RequestContext &context)
{
    const auto room = roomRequest(context);
    if (!room) {
        return std::unexpected(room.error());
    }
    if (!room->peerId) {
        return std::unexpected(ApiError::paramMissing({QStringLiteral("body"), QStringLiteral("peer-id")}));
    }
    return QJsonObject {{QStringLiteral("ok"), m_services.presence.leave(room->appId, room->roomId, *room->peerId)}};
}

std::expected<void, ApiError> SandboxRoutes::requireSandboxAdmin(const RequestContext &context) const
{
    if (!context.hasHeader("Authorization")) {
        return std::unexpected(ApiError::paramMissing({QStringLiteral("headers"), QStringLiteral("authorization")}));
    }
    const QString raw = context.header("Authorization");
    const auto token = wire::parseUuid(raw.split(QStringLiteral("Bearer ")).last());
    if (!token) {
        return std::unexpected(
            ApiError::paramMalformed({QStringLiteral("headers"), QStringLiteral("authorization")}, raw));
    }
    if (!m_services.store.isAdminToken(m_primaryAppId, *token)) {
        return std::unexpected(ApiError::recordNotFound(QStringLiteral("app-admin-token"),
            QJsonObject {{QStringLiteral("token"), wire::uuidString(*token)},
                {QStringLiteral("app-id"), wire::uuidString(m_primaryAppId)}}));
    }
    return {};
}

std::expected<QJsonValue, ApiError> SandboxRoutes::createApp(RequestContext &context)
{
    const auto allowed = requireSandboxAdmin(context);
    if (!allowed) {
        return std::unexpected(allowed.error());
    }
    const QJsonObject &body = context.body();
    const auto id = optionalUuid(body, QStringLiteral("id"));
    if (!id) {
        return std::unexpected(id.error());
    }
    const auto token = optionalUuid(body, QStringLiteral("admin-token"));
    if (!token) {
        return std::unexpected(token.error());
    }
    const QJsonValue title = body.value(QStringLiteral("title"));
    if (!title.isUndefined() && !title.isNull() && !title.isString()) {
        return std::unexpected(ApiError::paramMalformed({QStringLiteral("body"), QStringLiteral("title")}, title));
    }

    AppInfo app {id->value_or(QUuid::createUuid()), token->value_or(QUuid::createUuid()), title.toString()};
    if (m_services.store.appExists(app.id)) {
        ApiError error;
        error.type = QStringLiteral("record-not-unique");
        error.message = QStringLiteral("Record not unique: app");
        error.hint = QJsonObject {{QStringLiteral("record-type"), QStringLiteral("app")}};
        return std::unexpected(error);
    }
    const auto created = m_services.store.createApp(app);
    if (!created) {
        ApiError error = Router::unknownError();
        return std::unexpected(error);
    }
    return QJsonObject {{QStringLiteral("app"),
        QJsonObject {{QStringLiteral("id"), wire::uuidString(app.id)},
            {QStringLiteral("admin-token"), wire::uuidString(app.adminToken)}, {QStringLiteral("title"), app.title}}}};
}

std::expected<QJsonValue, ApiError> SandboxRoutes::listApps(RequestContext &context)
{
    const auto allowed = requireSandboxAdmin(context);
    if (!allowed) {
        return std::unexpected(allowed.error());
    }
    QJsonArray apps;
    for (const AppInfo &app : m_services.store.apps()) {
        apps.append(QJsonObject {{QStringLiteral("id"), wire::uuidString(app.id)},
            {QStringLiteral("admin-token"), wire::uuidString(app.adminToken)}, {QStringLiteral("title"), app.title}});
    }
    return QJsonObject {{QStringLiteral("apps"), apps}};
}

} // namespace sandbox
