#include "authroutes.h"

#include <QJsonArray>

#include "authresolver.h"
#include "requestcontext.h"
#include "router.h"
#include "services.h"
#include "userdirectory.h"
#include "wire.h"

namespace sandbox {

namespace {

ApiError bodyValidation(const RequestContext &context, const QString &message)
{
    return ApiError::validationFailed(
        QStringLiteral("body"), context.body(), QJsonArray {QJsonObject {{QStringLiteral("message"), message}}});
}

/** A required or optional email from the body, normalised like the server does. */
std::expected<std::optional<QString>, ApiError> emailParam(const RequestContext &context, bool required)
{
    const QJsonValue value = context.bodyValue(QStringLiteral("email"));
    const QStringList path {QStringLiteral("body"), QStringLiteral("email")};
    if (value.isUndefined() || value.isNull()) {
        if (required) {
            return std::unexpected(ApiError::paramMissing(path));
        }
        return std::optional<QString> {};
    }
    const auto email = value.isString() ? UserDirectory::normalizeEmail(value.toString()) : std::nullopt;
    if (!email) {
        return std::unexpected(ApiError::paramMalformed(path, value));
    }
    return std::optional<QString> {*email};
}

std::expected<std::optional<QUuid>, ApiError> uuidBodyParam(const RequestContext &context, const QString &key)
{
    const QJsonValue value = context.bodyValue(key);
    if (value.isUndefined() || value.isNull()) {
        return std::optional<QUuid> {};
    }
    const auto id = value.isString() ? wire::parseUuid(value.toString()) : std::nullopt;
    if (!id) {
        return std::unexpected(ApiError::paramMalformed({QStringLiteral("body"), key}, value));
    }
    return std::optional<QUuid> {*id};
}

std::expected<QJsonObject, ApiError> extraFieldsParam(const RequestContext &context)
{
    const QJsonValue value = context.bodyValue(QStringLiteral("extra-fields"));
    if (value.isUndefined() || value.isNull()) {
        return QJsonObject {};
    }
    if (!value.isObject()) {
        return std::unexpected(
            ApiError::paramMalformed({QStringLiteral("body"), QStringLiteral("extra-fields")}, value));
    }
    return value.toObject();
}

QUuid entityId(const QJsonObject &entity)
{
    return QUuid::fromString(entity.value(QStringLiteral("id")).toString());
}

} // namespace

AuthRoutes::AuthRoutes(Services &services)
    : m_services(services)
{ }

void AuthRoutes::install(Router &router)
{
    using M = Router::Method;
    router.json(M::Post, "/admin/refresh_tokens", [this](RequestContext &c) { return refreshTokens(c); });
    router.json(M::Post, "/admin/sign_out", [this](RequestContext &c) { return signOut(c); });
    router.json(M::Post, "/admin/magic_code", [this](RequestContext &c) { return magicCode(c); });
    router.json(M::Post, "/admin/send_magic_code", [this](RequestContext &c) { return magicCode(c); });
    router.json(M::Post, "/admin/verify_magic_code", [this](RequestContext &c) { return verifyMagicCode(c); });
    router.json(M::Post, "/admin/sign_in_guest", [this](RequestContext &c) { return signInGuest(c); });
    router.json(M::Get, "/admin/users", [this](RequestContext &c) { return getUser(c); });
    router.json(M::Delete, "/admin/users", [this](RequestContext &c) { return deleteUser(c); });
    router.json(
        M::Post, "/runtime/auth/verify_refresh_token", [this](RequestContext &c) { return verifyRefreshToken(c); });
}

std::expected<QJsonObject, ApiError> AuthRoutes::withNewToken(const QUuid &appId, const QJsonObject &user)
{
    const auto token = m_services.users.mintRefreshToken(appId, entityId(user));
    if (!token) {
        return std::unexpected(token.error());
    }
    QJsonObject result = m_services.users.dbFormat(appId, user);
    result.insert(QStringLiteral("refresh_token"), wire::uuidString(*token));
    return result;
}

std::expected<QJsonValue, ApiError> AuthRoutes::signedInReply(const QUuid &appId, const QJsonObject &user, bool created)
{
    const auto result = withNewToken(appId, user);
    if (!result) {
        return std::unexpected(result.error());
    }
    return QJsonObject {{QStringLiteral("user"), *result}, {QStringLiteral("created"), created}};
}

std::expected<QJsonValue, ApiError> AuthRoutes::refreshTokens(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const auto email = emailParam(context, false);
    if (!email) {
        return std::unexpected(email.error());
    }
    const auto id = uuidBodyParam(context, QStringLiteral("id"));
    if (!id) {
        return std::unexpected(id.error());
    }
    if (!email->has_value() && !id->has_value()) {
        return std::unexpected(bodyValidation(context, QStringLiteral("Please provide an `email` or `id`")));
    }
    const auto extraFields = extraFieldsParam(context);
    if (!extraFields) {
        return std::unexpected(extraFields.error());
    }

    const auto existing
        = email->has_value() ? m_services.users.byEmail(*appId, **email) : m_services.users.byId(*appId, **id);
    if (!existing) {
        return std::unexpected(existing.error());
    }
    QJsonObject user;
    const bool created = !existing->has_value();
    if (created) {
        // Extra fields apply only to a user created here; users made here get no `type`.
        const auto valid = m_services.users.validateExtraFields(*appId, *extraFields);
        if (!valid) {
            return std::unexpected(valid.error());
        }
        QJsonObject attrs = *extraFields;
        if (email->has_value()) {
            attrs.insert(QStringLiteral("email"), **email);
        }
        const auto made = m_services.users.upsert(*appId, id->value_or(QUuid::createUuid()), attrs);
        if (!made) {
            return std::unexpected(made.error());
        }
        user = *made;
    } else {
        user = **existing;
    }
    return signedInReply(*appId, user, created);
}

std::expected<QJsonValue, ApiError> AuthRoutes::signOut(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    std::expected<void, ApiError> done;
    if (context.hasBodyKey(QStringLiteral("id"))) {
        const auto id = uuidBodyParam(context, QStringLiteral("id"));
        if (!id) {
            return std::unexpected(id.error());
        }
        done = m_services.users.revokeTokensOfUser(*appId, **id);
    } else if (context.hasBodyKey(QStringLiteral("email"))) {
        const auto email = emailParam(context, true);
        if (!email) {
            return std::unexpected(email.error());
        }
        const auto user = m_services.users.byEmail(*appId, **email);
        if (!user) {
            return std::unexpected(user.error());
        }
        if (!user->has_value()) {
            return std::unexpected(ApiError::recordNotFound(QStringLiteral("app-user"),
                QJsonObject {
                    {QStringLiteral("app-id"), wire::uuidString(*appId)}, {QStringLiteral("email"), **email}}));
        }
        done = m_services.users.revokeTokensOfUser(*appId, entityId(**user));
    } else if (context.hasBodyKey(QStringLiteral("refresh_token"))) {
        const auto token = uuidBodyParam(context, QStringLiteral("refresh_token"));
        if (!token) {
            return std::unexpected(token.error());
        }
        done = m_services.users.revokeToken(*appId, **token);
    } else {
        return std::unexpected(
            bodyValidation(context, QStringLiteral("Please provide an `id`, `email`, or `refresh_token`")));
    }
    if (!done) {
        return std::unexpected(done.error());
    }
    return QJsonObject {{QStringLiteral("ok"), true}};
}

std::expected<QJsonValue, ApiError> AuthRoutes::magicCode(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const auto email = emailParam(context, true);
    if (!email) {
        return std::unexpected(email.error());
    }
    // The sandbox sends no mail: both routes hand the code back to the admin caller.
    const auto code = m_services.users.createMagicCode(*appId, **email);
    if (!code) {
        return std::unexpected(code.error());
    }
    return QJsonObject {{QStringLiteral("code"), *code}};
}

std::expected<QJsonValue, ApiError> AuthRoutes::verifyMagicCode(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const auto email = emailParam(context, true);
    if (!email) {
        return std::unexpected(email.error());
    }
    const QJsonValue codeValue = context.bodyValue(QStringLiteral("code"));
    const QStringList codePath {QStringLiteral("body"), QStringLiteral("code")};
    if (codeValue.isUndefined() || codeValue.isNull()) {
        return std::unexpected(ApiError::paramMissing(codePath));
    }
    if (!codeValue.isString()) {
        return std::unexpected(ApiError::paramMalformed(codePath, codeValue));
    }
    const QString code = codeValue.toString().trimmed();
    const auto extraFields = extraFieldsParam(context);
    if (!extraFields) {
        return std::unexpected(extraFields.error());
    }
    const auto guestToken = uuidBodyParam(context, QStringLiteral("refresh-token"));
    if (!guestToken) {
        return std::unexpected(guestToken.error());
    }

    // A guest's token upgrades that guest; tokens of regular users are ignored.
    std::optional<QUuid> guestId;
    if (guestToken->has_value()) {
        const auto guest = m_services.users.byRefreshToken(*appId, **guestToken);
        if (!guest) {
            return std::unexpected(guest.error());
        }
        if (!guest->has_value()) {
            return std::unexpected(ApiError::recordNotFound(QStringLiteral("app-user"),
                QJsonObject {{QStringLiteral("app-id"), wire::uuidString(*appId)},
                    {QStringLiteral("refresh-token"), wire::uuidString(**guestToken)}}));
        }
        if ((*guest)->value(QStringLiteral("type")).toString() == QLatin1String("guest")) {
            guestId = entityId(**guest);
        }
    }

    const auto existing = m_services.users.byEmail(*appId, **email);
    if (!existing) {
        return std::unexpected(existing.error());
    }
    const bool created = !existing->has_value();
    if (created) {
        // Checked before the code is consumed, so a rejected sign-up does not burn the code.
        const auto valid = m_services.users.validateExtraFields(*appId, *extraFields);
        if (!valid) {
            return std::unexpected(valid.error());
        }
    }
    const auto consumed = m_services.users.consumeMagicCode(*appId, **email, code, m_services.options.magicCodeTtl);
    if (!consumed) {
        return std::unexpected(consumed.error());
    }

    QJsonObject user;
    if (created) {
        QJsonObject attrs = *extraFields;
        attrs.insert(QStringLiteral("email"), **email);
        attrs.insert(QStringLiteral("type"), QStringLiteral("user"));
        const auto made = m_services.users.upsert(*appId, guestId.value_or(QUuid::createUuid()), attrs);
        if (!made) {
            return std::unexpected(made.error());
        }
        user = *made;
    } else {
        user = **existing;
        if (guestId && *guestId != entityId(user)) {
            const auto linked = m_services.users.linkGuest(*appId, *guestId, entityId(user));
            if (!linked) {
                return std::unexpected(linked.error());
            }
        }
    }
    return signedInReply(*appId, user, created);
}

std::expected<QJsonValue, ApiError> AuthRoutes::signInGuest(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const auto extraFields = extraFieldsParam(context);
    if (!extraFields) {
        return std::unexpected(extraFields.error());
    }
    const auto valid = m_services.users.validateExtraFields(*appId, *extraFields);
    if (!valid) {
        return std::unexpected(valid.error());
    }
    QJsonObject attrs = *extraFields;
    attrs.insert(QStringLiteral("type"), QStringLiteral("guest"));
    const auto made = m_services.users.upsert(*appId, QUuid::createUuid(), attrs);
    if (!made) {
        return std::unexpected(made.error());
    }
    const auto result = withNewToken(*appId, *made);
    if (!result) {
        return std::unexpected(result.error());
    }
    return QJsonObject {{QStringLiteral("user"), *result}};
}

std::expected<std::optional<QJsonObject>, ApiError> AuthRoutes::lookupUser(
    const RequestContext &context, const QUuid &appId) const
{
    if (context.hasQueryParam("email")) {
        const QString raw = context.queryParam("email");
        return m_services.users.byEmail(appId, UserDirectory::normalizeEmail(raw).value_or(raw));
    }
    if (context.hasQueryParam("refresh_token")) {
        const auto token = wire::parseUuid(context.queryParam("refresh_token"));
        if (!token) {
            return std::unexpected(ApiError::paramMalformed(
                {QStringLiteral("params"), QStringLiteral("refresh_token")}, context.queryParam("refresh_token")));
        }
        return m_services.users.byRefreshToken(appId, *token);
    }
    if (context.hasQueryParam("id")) {
        const auto id = wire::parseUuid(context.queryParam("id"));
        if (!id) {
            return std::unexpected(
                ApiError::paramMalformed({QStringLiteral("params"), QStringLiteral("id")}, context.queryParam("id")));
        }
        return m_services.users.byId(appId, *id);
    }
    return std::unexpected(ApiError::validationFailed(QStringLiteral("params"), context.queryParams(),
        QJsonArray {QJsonObject {
            {QStringLiteral("message"), QStringLiteral("Please provide a user id, email, or refresh_token")}}}));
}

std::expected<QJsonValue, ApiError> AuthRoutes::getUser(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const auto user = lookupUser(context, *appId);
    if (!user) {
        return std::unexpected(user.error());
    }
    return QJsonObject {{QStringLiteral("user"),
        user->has_value() ? QJsonValue(m_services.users.dbFormat(*appId, **user)) : QJsonValue()}};
}

std::expected<QJsonValue, ApiError> AuthRoutes::deleteUser(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const auto user = lookupUser(context, *appId);
    if (!user) {
        return std::unexpected(user.error());
    }
    if (!user->has_value()) {
        return QJsonObject {{QStringLiteral("deleted"), QJsonValue()}};
    }
    // Formatted before deletion: created_at comes from the entity's first triple.
    const QJsonObject deleted = m_services.users.dbFormat(*appId, **user);
    const auto removed = m_services.users.remove(*appId, entityId(**user));
    if (!removed) {
        return std::unexpected(removed.error());
    }
    return QJsonObject {{QStringLiteral("deleted"), deleted}};
}

std::expected<QJsonValue, ApiError> AuthRoutes::verifyRefreshToken(RequestContext &context)
{
    const auto required = [&](const QString &key) -> std::expected<QUuid, ApiError> {
        const QJsonValue value = context.bodyValue(key);
        if (value.isUndefined() || value.isNull()) {
            return std::unexpected(ApiError::paramMissing({QStringLiteral("body"), key}));
        }
        const auto id = value.isString() ? wire::parseUuid(value.toString()) : std::nullopt;
        if (!id) {
            return std::unexpected(ApiError::paramMalformed({QStringLiteral("body"), key}, value));
        }
        return *id;
    };
    const auto appId = required(QStringLiteral("app-id"));
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const auto token = required(QStringLiteral("refresh-token"));
    if (!token) {
        return std::unexpected(token.error());
    }
    const auto user = m_services.store.appExists(*appId) ? m_services.users.byRefreshToken(*appId, *token)
                                                         : std::expected<std::optional<QJsonObject>, ApiError> {};
    if (!user) {
        return std::unexpected(user.error());
    }
    if (!user->has_value()) {
        return std::unexpected(ApiError::recordNotFound(QStringLiteral("app-user"),
            QJsonObject {{QStringLiteral("app-id"), wire::uuidString(*appId)},
                {QStringLiteral("refresh-token"), wire::uuidString(*token)}}));
    }
    QJsonObject result = m_services.users.dbFormat(*appId, **user);
    result.insert(QStringLiteral("refresh_token"), wire::uuidString(*token));
    return QJsonObject {{QStringLiteral("user"), result}};
}

} // namespace sandbox
