#pragma once

#include <QUuid>

#include <expected>

#include "engine/apierror.h"
#include "engine/store.h"

namespace sandbox {

class RequestContext;
class UserDirectory;

/** The app and the identity a request acts as, after authentication. */
struct AuthContext {
    QUuid appId;
    Identity identity;
};

/**
 * Authenticates admin requests the way the server does (§1): app id from the `App-Id` header,
 * else the `app_id` query parameter; `Authorization` with an optional `Bearer `; impersonation with
 * the precedence As-Token > As-Email > As-Guest > admin. Errors come in the server's order.
 */
class AuthResolver {
public:
    AuthResolver(const Store &store, const UserDirectory &users);

    /** The untrusted app id: header first, then `app_id`. */
    std::expected<QUuid, ApiError> appId(const RequestContext &context) const;
    /** App id plus a valid admin token for it; impersonation headers are ignored. */
    std::expected<QUuid, ApiError> requireAdmin(const RequestContext &context) const;
    /** For routes that honour impersonation headers. */
    std::expected<AuthContext, ApiError> resolve(const RequestContext &context) const;
    /** For the perms-check routes: admin credentials and an impersonation header, both required. */
    std::expected<AuthContext, ApiError> resolveForPermsCheck(const RequestContext &context) const;

private:
    std::expected<void, ApiError> checkAdminToken(const RequestContext &context, const QUuid &appId) const;

    const Store &m_store;
    const UserDirectory &m_users;
};

} // namespace sandbox
