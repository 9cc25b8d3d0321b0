#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QUuid>

#include <expected>
#include <optional>

#include "engine/apierror.h"

namespace sandbox {

class RequestContext;
class Router;
struct Services;

/** `$users` and their credentials: token, magic-code, guest, sign-out and users routes (§4.8–4.15, 4.25). */
class AuthRoutes {
public:
    explicit AuthRoutes(Services &services);
    void install(Router &router);

private:
    std::expected<QJsonValue, ApiError> refreshTokens(RequestContext &context);
    std::expected<QJsonValue, ApiError> signOut(RequestContext &context);
    std::expected<QJsonValue, ApiError> magicCode(RequestContext &context);
    std::expected<QJsonValue, ApiError> verifyMagicCode(RequestContext &context);
    std::expected<QJsonValue, ApiError> signInGuest(RequestContext &context);
    std::expected<QJsonValue, ApiError> getUser(RequestContext &context);
    std::expected<QJsonValue, ApiError> deleteUser(RequestContext &context);
    std::expected<QJsonValue, ApiError> verifyRefreshToken(RequestContext &context);

    /** GET/DELETE /admin/users lookup: email, then refresh_token, then id. */
    std::expected<std::optional<QJsonObject>, ApiError> lookupUser(
        const RequestContext &context, const QUuid &appId) const;
    /** Mints a token and returns the user in db format with `refresh_token`. */
    std::expected<QJsonObject, ApiError> withNewToken(const QUuid &appId, const QJsonObject &user);
    /** The answer of a sign-in: the user with a fresh refresh token, and whether the user was just created. */
    std::expected<QJsonValue, ApiError> signedInReply(const QUuid &appId, const QJsonObject &user, bool created);

    Services &m_services;
};

} // namespace sandbox
