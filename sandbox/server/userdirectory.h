#pragma once

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <chrono>
#include <expected>
#include <optional>

#include "engine/apierror.h"

namespace sandbox {

class Store;

/**
 * `$users`, `$userRefreshTokens` and `$magicCodes` of an app, kept as ordinary entities through the
 * engine's admin queries and transactions. Refresh tokens and magic codes are stored only as SHA-256.
 * Users come back as query-format entities; dbFormat() turns them into the auth routes' shape.
 */
class UserDirectory {
public:
    explicit UserDirectory(Store &store);

    std::expected<std::optional<QJsonObject>, ApiError> byId(const QUuid &appId, const QUuid &userId) const;
    std::expected<std::optional<QJsonObject>, ApiError> byEmail(const QUuid &appId, const QString &email) const;
    std::expected<std::optional<QJsonObject>, ApiError> byRefreshToken(const QUuid &appId, const QUuid &token) const;

    /** Creates or updates ($users upsert) the user with these attributes. */
    std::expected<QJsonObject, ApiError> upsert(const QUuid &appId, const QUuid &userId, const QJsonObject &attrs);
    std::expected<void, ApiError> remove(const QUuid &appId, const QUuid &userId);
    std::expected<void, ApiError> linkGuest(const QUuid &appId, const QUuid &guestId, const QUuid &primaryId);

    /** Mints a new random refresh token for the user and returns it. */
    std::expected<QUuid, ApiError> mintRefreshToken(const QUuid &appId, const QUuid &userId);
    std::expected<void, ApiError> revokeTokensOfUser(const QUuid &appId, const QUuid &userId);
    std::expected<void, ApiError> revokeToken(const QUuid &appId, const QUuid &token);

    std::expected<QString, ApiError> createMagicCode(const QUuid &appId, const QString &email);
    /** Consumes the code (single use); wrong → record-not-found, expired → record-expired. */
    std::expected<void, ApiError> consumeMagicCode(
        const QUuid &appId, const QString &email, const QString &code, std::chrono::seconds ttl);

    /** Checks `extra-fields` against the app's custom `$users` attributes. */
    std::expected<void, ApiError> validateExtraFields(const QUuid &appId, const QJsonObject &extraFields) const;

    /** The "db format" of §8.1: app_id, created_at, isGuest, no link arrays. */
    QJsonObject dbFormat(const QUuid &appId, const QJsonObject &entity) const;

    /** Lower-cases and trims; std::nullopt when it is not an email address. */
    static std::optional<QString> normalizeEmail(const QString &email);

private:
    std::expected<std::optional<QJsonObject>, ApiError> findOne(
        const QUuid &appId, const QString &etype, const QJsonObject &where, const QJsonObject &children = {}) const;

    Store &m_store;
};

} // namespace sandbox
