#include "userdirectory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>

#include "engine/store.h"
#include "wire.h"

namespace sandbox {

namespace {

const QString kUsers = QStringLiteral("$users");
const QString kTokens = QStringLiteral("$userRefreshTokens");
const QString kCodes = QStringLiteral("$magicCodes");
const QString kUserLink = QStringLiteral("$user");

QJsonArray step(const QString &action, const QString &etype, const QUuid &id, const QJsonObject &args = {})
{
    QJsonArray s {action, etype, wire::uuidString(id)};
    if (!args.isEmpty() || action != QLatin1String("delete")) {
        s.append(args);
    }
    return s;
}

} // namespace

UserDirectory::UserDirectory(Store &store)
    : m_store(store)
{ }

std::expected<std::optional<QJsonObject>, ApiError> UserDirectory::findOne(
    const QUuid &appId, const QString &etype, const QJsonObject &where, const QJsonObject &children) const
{
    QJsonObject node = children;
    node.insert(QStringLiteral("$"), QJsonObject {{QStringLiteral("where"), where}});
    const auto result = m_store.query(appId, QJsonObject {{etype, node}});
    if (!result) {
        return std::unexpected(result.error());
    }
    const QJsonArray rows = result->tree.value(etype).toArray();
    if (rows.isEmpty()) {
        return std::optional<QJsonObject> {};
    }
    return std::optional<QJsonObject> {rows.first().toObject()};
}

std::expected<std::optional<QJsonObject>, ApiError> UserDirectory::byId(const QUuid &appId, const QUuid &userId) const
{
    return findOne(appId, kUsers, QJsonObject {{QStringLiteral("id"), wire::uuidString(userId)}});
}

std::expected<std::optional<QJsonObject>, ApiError> UserDirectory::byEmail(
    const QUuid &appId, const QString &email) const
{
    return findOne(appId, kUsers, QJsonObject {{QStringLiteral("email"), email}});
}

std::expected<std::optional<QJsonObject>, ApiError> UserDirectory::byRefreshToken(
    const QUuid &appId, const QUuid &token) const
{
    const auto row = findOne(appId, kTokens,
        QJsonObject {{QStringLiteral("hashedToken"), wire::sha256Hex(wire::uuidString(token))}},
        QJsonObject {{kUserLink, QJsonObject {}}});
    if (!row || !row->has_value()) {
        return row;
    }
    const QJsonArray users = (*row)->value(kUserLink).toArray();
    if (users.isEmpty()) {
        return std::optional<QJsonObject> {};
    }
    return std::optional<QJsonObject> {users.first().toObject()};
}

std::expected<QJsonObject, ApiError> UserDirectory::upsert(
    const QUuid &appId, const QUuid &userId, const QJsonObject &attrs)
{
    const auto tx = m_store.transact(appId, QJsonArray {step(QStringLiteral("update"), kUsers, userId, attrs)});
    if (!tx) {
        return std::unexpected(tx.error());
    }
    const auto user = byId(appId, userId);
    if (!user) {
        return std::unexpected(user.error());
    }
    return user->value_or(QJsonObject {});
}

std::expected<void, ApiError> UserDirectory::remove(const QUuid &appId, const QUuid &userId)
{
    // Refresh tokens go explicitly too, so nothing depends on the link attribute's cascade flag.
    const auto tokens = findOne(appId, kUsers, QJsonObject {{QStringLiteral("id"), wire::uuidString(userId)}},
        QJsonObject {{kTokens, QJsonObject {}}});
    if (!tokens) {
        return std::unexpected(tokens.error());
    }
    QJsonArray steps;
    if (tokens->has_value()) {
        for (const QJsonValue &token : (*tokens)->value(kTokens).toArray()) {
            steps.append(QJsonArray {QStringLiteral("delete"), kTokens, token.toObject().value(QStringLiteral("id"))});
        }
    }
    steps.append(step(QStringLiteral("delete"), kUsers, userId));
    const auto tx = m_store.transact(appId, steps);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    return {};
}

std::expected<void, ApiError> UserDirectory::linkGuest(const QUuid &appId, const QUuid &guestId, const QUuid &primaryId)
{
    const auto tx = m_store.transact(appId,
        QJsonArray {step(QStringLiteral("link"), kUsers, guestId,
            QJsonObject {{QStringLiteral("linkedPrimaryUser"), wire::uuidString(primaryId)}})});
    if (!tx) {
        return std::unexpected(tx.error());
    }
    return {};
}

std::expected<QUuid, ApiError> UserDirectory::mintRefreshToken(const QUuid &appId, const QUuid &userId)
{
    const QUuid token = QUuid::createUuid();
    const QUuid entityId = QUuid::createUuid();
    const auto tx = m_store.transact(appId,
        QJsonArray {
            step(QStringLiteral("update"), kTokens, entityId,
                QJsonObject {{QStringLiteral("hashedToken"), wire::sha256Hex(wire::uuidString(token))}}),
            step(QStringLiteral("link"), kTokens, entityId, QJsonObject {{kUserLink, wire::uuidString(userId)}}),
        });
    if (!tx) {
        return std::unexpected(tx.error());
    }
    return token;
}

std::expected<void, ApiError> UserDirectory::revokeTokensOfUser(const QUuid &appId, const QUuid &userId)
{
    const auto user = findOne(appId, kUsers, QJsonObject {{QStringLiteral("id"), wire::uuidString(userId)}},
        QJsonObject {{kTokens, QJsonObject {}}});
    if (!user) {
        return std::unexpected(user.error());
    }
    if (!user->has_value()) {
        return {};
    }
    QJsonArray steps;
    for (const QJsonValue &token : (*user)->value(kTokens).toArray()) {
        steps.append(QJsonArray {QStringLiteral("delete"), kTokens, token.toObject().value(QStringLiteral("id"))});
    }
    if (steps.isEmpty()) {
        return {};
    }
    const auto tx = m_store.transact(appId, steps);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    return {};
}

std::expected<void, ApiError> UserDirectory::revokeToken(const QUuid &appId, const QUuid &token)
{
    const auto row = findOne(
        appId, kTokens, QJsonObject {{QStringLiteral("hashedToken"), wire::sha256Hex(wire::uuidString(token))}});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->has_value()) {
        return {};
    }
    const auto tx = m_store.transact(
        appId, QJsonArray {QJsonArray {QStringLiteral("delete"), kTokens, (*row)->value(QStringLiteral("id"))}});
    if (!tx) {
        return std::unexpected(tx.error());
    }
    return {};
}

std::expected<QString, ApiError> UserDirectory::createMagicCode(const QUuid &appId, const QString &email)
{
    // Six digits drawn from 0–8, as the server's generator does.
    QString code;
    for (int i = 0; i < 6; ++i) {
        code.append(QLatin1Char(char('0' + QRandomGenerator::system()->bounded(9))));
    }
    const auto tx = m_store.transact(appId,
        QJsonArray {step(QStringLiteral("update"), kCodes, QUuid::createUuid(),
            QJsonObject {{QStringLiteral("codeHash"), wire::sha256Hex(code)}, {QStringLiteral("email"), email}})});
    if (!tx) {
        return std::unexpected(tx.error());
    }
    return code;
}

std::expected<void, ApiError> UserDirectory::consumeMagicCode(
    const QUuid &appId, const QString &email, const QString &code, std::chrono::seconds ttl)
{
    const QJsonObject args {{QStringLiteral("app-id"), wire::uuidString(appId)}, {QStringLiteral("code"), code},
        {QStringLiteral("email"), email}};
    const auto row = findOne(appId, kCodes,
        QJsonObject {{QStringLiteral("codeHash"), wire::sha256Hex(code)}, {QStringLiteral("email"), email}});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->has_value()) {
        return std::unexpected(ApiError::recordNotFound(QStringLiteral("app-user-magic-code"), args));
    }

    // The code is used up whether or not it is still valid, like the server does.
    const QJsonValue codeId = (*row)->value(QStringLiteral("id"));
    const QDateTime createdAt = m_store.entityCreatedAt(appId, QUuid::fromString(codeId.toString()));
    const auto tx = m_store.transact(appId, QJsonArray {QJsonArray {QStringLiteral("delete"), kCodes, codeId}});
    if (!tx) {
        return std::unexpected(tx.error());
    }
    if (!createdAt.isValid() || createdAt.addSecs(ttl.count()) <= QDateTime::currentDateTimeUtc()) {
        ApiError expired;
        expired.type = QStringLiteral("record-expired");
        expired.message = QStringLiteral("Record expired: app-user-magic-code");
        expired.hint = QJsonObject {{QStringLiteral("args"), QJsonArray {args}}};
        return std::unexpected(expired);
    }
    return {};
}

std::expected<void, ApiError> UserDirectory::validateExtraFields(
    const QUuid &appId, const QJsonObject &extraFields) const
{
    static const QStringList systemFields {QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("type"),
        QStringLiteral("imageURL"), QStringLiteral("linkedPrimaryUser"), QStringLiteral("linkedGuestUsers"), kTokens,
        QStringLiteral("$oauthUserLinks")};
    QStringList custom;
    for (const QJsonValue &attr : m_store.attrs(appId)) {
        const QJsonArray identity = attr.toObject().value(QStringLiteral("forward-identity")).toArray();
        if (identity.size() == 3 && identity.at(1).toString() == kUsers) {
            custom.append(identity.at(2).toString());
        }
    }
    QJsonArray errors;
    for (auto it = extraFields.begin(); it != extraFields.end(); ++it) {
        if (systemFields.contains(it.key())) {
            errors.append(
                QJsonObject {{QStringLiteral("message"), QStringLiteral("Cannot set system field: %1").arg(it.key())}});
        } else if (!custom.contains(it.key())) {
            errors.append(QJsonObject {{QStringLiteral("message"),
                QStringLiteral("Unknown field: %1. It must be defined in your $users schema.").arg(it.key())}});
        }
    }
    if (!errors.isEmpty()) {
        return std::unexpected(ApiError::validationFailed(QStringLiteral("extra-fields"), extraFields, errors));
    }
    return {};
}

QJsonObject UserDirectory::dbFormat(const QUuid &appId, const QJsonObject &entity) const
{
    QJsonObject user;
    for (auto it = entity.begin(); it != entity.end(); ++it) {
        // Requested link arrays are not part of the user record.
        if (it.value().isArray()
            && (it.key().startsWith(QLatin1Char('$')) || it.key() == QLatin1String("linkedGuestUsers"))) {
            continue;
        }
        user.insert(it.key(), it.value());
    }
    user.insert(QStringLiteral("app_id"), wire::uuidString(appId));
    const QDateTime createdAt
        = m_store.entityCreatedAt(appId, QUuid::fromString(entity.value(QStringLiteral("id")).toString()));
    user.insert(
        QStringLiteral("created_at"), createdAt.isValid() ? QJsonValue(wire::dateString(createdAt)) : QJsonValue());
    user.insert(QStringLiteral("isGuest"), entity.value(QStringLiteral("type")).toString() == QLatin1String("guest"));
    return user;
}

std::optional<QString> UserDirectory::normalizeEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$"));
    const QString normalized = email.trimmed().toLower();
    if (!pattern.match(normalized).hasMatch()) {
        return std::nullopt;
    }
    return normalized;
}

} // namespace sandbox
