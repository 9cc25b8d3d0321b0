#include "authresolver.h"

#include <QJsonArray>
#include <QJsonObject>

#include "requestcontext.h"
#include "userdirectory.h"
#include "wire.h"

namespace sandbox {

AuthResolver::AuthResolver(const Store &store, const UserDirectory &users)
    : m_store(store)
    , m_users(users)
{ }

std::expected<QUuid, ApiError> AuthResolver::appId(const RequestContext &context) const
{
    const QJsonArray headerPath {QStringLiteral("headers"), QStringLiteral("app-id")};
    const QJsonArray queryPath {QStringLiteral("query-params"), QStringLiteral("app_id")};
    const bool fromHeader = context.hasHeader("App-Id");
    if (!fromHeader && !context.hasQueryParam("app_id")) {
        return std::unexpected(ApiError::paramMissing({QStringLiteral("headers"), QStringLiteral("app-id")},
            QJsonObject {{QStringLiteral("possible-ins"), QJsonArray {queryPath}}}));
    }
    const QString raw = fromHeader ? context.header("App-Id") : context.queryParam("app_id");
    const auto id = wire::parseUuid(raw);
    if (!id) {
        const QStringList path = fromHeader ? QStringList {QStringLiteral("headers"), QStringLiteral("app-id")}
                                            : QStringList {QStringLiteral("query-params"), QStringLiteral("app_id")};
        return std::unexpected(ApiError::paramMalformed(
            path, raw, QJsonObject {{QStringLiteral("possible-ins"), QJsonArray {headerPath, queryPath}}}));
    }
    return *id;
}

std::expected<void, ApiError> AuthResolver::checkAdminToken(const RequestContext &context, const QUuid &appId) const
{
    if (!context.hasHeader("Authorization")) {
        return std::unexpected(ApiError::paramMissing({QStringLiteral("headers"), QStringLiteral("authorization")}));
    }
    // The server splits on the literal "Bearer " and keeps the last piece, so the prefix is optional.
    const QString raw = context.header("Authorization");
    const QString token = raw.split(QStringLiteral("Bearer ")).last().trimmed();
    const auto id = wire::parseUuid(token);
    if (!id) {
        return std::unexpected(
            ApiError::paramMalformed({QStringLiteral("headers"), QStringLiteral("authorization")}, raw));
    }
    if (!m_store.isAdminToken(appId, *id)) {
        return std::unexpected(ApiError::recordNotFound(QStringLiteral("app-admin-token"),
            QJsonObject {
                {QStringLiteral("token"), wire::uuidString(*id)}, {QStringLiteral("app-id"), wire::uuidString(appId)}},
            QJsonObject {{QStringLiteral("message"),
                QStringLiteral(
                    "This admin token may be expired or invalid. Or you may have provided an incorrect app ID.")}}));
    }
    return {};
}

std::expected<QUuid, ApiError> AuthResolver::requireAdmin(const RequestContext &context) const
{
    const auto app = appId(context);
    if (!app) {
        return app;
    }
    const auto checked = checkAdminToken(context, *app);
    if (!checked) {
        return std::unexpected(checked.error());
    }
    return *app;
}

std::expected<AuthContext, ApiError> AuthResolver::resolve(const RequestContext &context) const
{
    const auto app = appId(context);
    if (!app) {
        return std::unexpected(app.error());
    }
    const QString appText = wire::uuidString(*app);

    if (context.hasHeader("As-Token")) {
        // No Authorization needed: the refresh token is the credential.
        const QString raw = context.header("As-Token");
        const auto token = wire::parseUuid(raw);
        if (!token) {
            return std::unexpected(ApiError::paramMalformed({QStringLiteral("asUser"), QStringLiteral("token")}, raw));
        }
        const auto user = m_store.appExists(*app) ? m_users.byRefreshToken(*app, *token)
                                                  : std::expected<std::optional<QJsonObject>, ApiError> {};
        if (!user) {
            return std::unexpected(user.error());
        }
        if (!user->has_value()) {
            return std::unexpected(ApiError::recordNotFound(QStringLiteral("app-user"),
                QJsonObject {
                    {QStringLiteral("app-id"), appText}, {QStringLiteral("refresh-token"), wire::uuidString(*token)}}));
        }
        return AuthContext {
            *app, Identity {Identity::Kind::User, QUuid::fromString((*user)->value(QStringLiteral("id")).toString())}};
    }

    if (context.hasHeader("As-Email")) {
        const auto checked = checkAdminToken(context, *app);
        if (!checked) {
            return std::unexpected(checked.error());
        }
        const QString email = context.header("As-Email");
        const auto user = m_users.byEmail(*app, email);
        if (!user) {
            return std::unexpected(user.error());
        }
        if (!user->has_value()) {
            return std::unexpected(ApiError::recordNotFound(QStringLiteral("app-user"),
                QJsonObject {{QStringLiteral("app-id"), appText}, {QStringLiteral("email"), email}}));
        }
        return AuthContext {
            *app, Identity {Identity::Kind::User, QUuid::fromString((*user)->value(QStringLiteral("id")).toString())}};
    }

    if (!context.header("As-Guest").isEmpty()) {
        if (!m_store.appExists(*app)) {
            return std::unexpected(
                ApiError::recordNotFound(QStringLiteral("app"), QJsonObject {{QStringLiteral("id"), appText}}));
        }
        return AuthContext {*app, Identity {Identity::Kind::Guest, {}}};
    }

    const auto checked = checkAdminToken(context, *app);
    if (!checked) {
        return std::unexpected(checked.error());
    }
    return AuthContext {*app, Identity {}};
}

std::expected<AuthContext, ApiError> AuthResolver::resolveForPermsCheck(const RequestContext &context) const
{
    const auto admin = requireAdmin(context);
    if (!admin) {
        return std::unexpected(admin.error());
    }
    const auto auth = resolve(context);
    if (!auth) {
        return auth;
    }
    if (auth->identity.kind == Identity::Kind::Admin) {
        const QString message = QStringLiteral("Cannot test perms as admin");
        return std::unexpected(ApiError::validationFailed(QStringLiteral("non-admin"), QStringLiteral("non-admin"),
            QJsonArray {QJsonObject {{QStringLiteral("message"), message}}}));
    }
    return auth;
}

} // namespace sandbox
