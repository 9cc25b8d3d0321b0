#include "dataroutes.h"

#include <QJsonArray>
#include <QJsonObject>

#include "authresolver.h"
#include "engine/store.h"
#include "requestcontext.h"
#include "router.h"
#include "services.h"

namespace sandbox {

namespace {

/** `query` from the body: required, and an object. */
std::expected<QJsonObject, ApiError> queryParam(const RequestContext &context)
{
    const QJsonValue query = context.bodyValue(QStringLiteral("query"));
    if (query.isUndefined() || query.isNull()) {
        return std::unexpected(ApiError::paramMissing({QStringLiteral("body"), QStringLiteral("query")}));
    }
    if (!query.isObject()) {
        return std::unexpected(ApiError::paramMalformed({QStringLiteral("body"), QStringLiteral("query")}, query));
    }
    return query.toObject();
}

/** `steps` from the body: required, and a JSON collection. */
std::expected<QJsonArray, ApiError> stepsParam(const RequestContext &context)
{
    const QJsonValue steps = context.bodyValue(QStringLiteral("steps"));
    if (steps.isUndefined() || steps.isNull()) {
        return std::unexpected(ApiError::paramMissing({QStringLiteral("body"), QStringLiteral("steps")}));
    }
    if (steps.isObject()) {
        // A map passes the collection check and fails the step spec.
        return std::unexpected(ApiError::validationFailed(QStringLiteral("steps"), steps,
            QJsonArray {QJsonObject {
                {QStringLiteral("expected"), QStringLiteral("sequential?")}, {QStringLiteral("in"), QJsonArray {}}}}));
    }
    if (!steps.isArray()) {
        return std::unexpected(ApiError::paramMalformed({QStringLiteral("body"), QStringLiteral("steps")}, steps));
    }
    return steps.toArray();
}

} // namespace

DataRoutes::DataRoutes(Services &services)
    : m_services(services)
{ }

void DataRoutes::install(Router &router)
{
    router.json(Router::Method::Post, "/admin/query", [this](RequestContext &c) { return query(c); });
    router.json(Router::Method::Post, "/admin/transact", [this](RequestContext &c) { return transact(c); });
    router.json(
        Router::Method::Post, "/admin/query_perms_check", [this](RequestContext &c) { return queryPermsCheck(c); });
    router.json(Router::Method::Post, "/admin/transact_perms_check",
        [this](RequestContext &c) { return transactPermsCheck(c); });
    router.json(Router::Method::Get, "/admin/schema", [this](RequestContext &c) { return schema(c); });
    router.json(
        Router::Method::Get, "/admin/soft_deleted_attrs", [this](RequestContext &c) { return softDeletedAttrs(c); });
}

std::expected<QJsonValue, ApiError> DataRoutes::query(RequestContext &context)
{
    const auto auth = m_services.auth.resolve(context);
    if (!auth) {
        return std::unexpected(auth.error());
    }
    const auto instaql = queryParam(context);
    if (!instaql) {
        return std::unexpected(instaql.error());
    }
    const bool inference = isTruthy(context.bodyValue(QStringLiteral("inference?")));
    const auto result = m_services.store.query(auth->appId, *instaql, QueryOptions {inference, auth->identity});
    if (!result) {
        return std::unexpected(result.error());
    }
    return result->tree;
}

std::expected<QJsonValue, ApiError> DataRoutes::transact(RequestContext &context)
{
    const auto auth = m_services.auth.resolve(context);
    if (!auth) {
        return std::unexpected(auth.error());
    }
    const auto steps = stepsParam(context);
    if (!steps) {
        return std::unexpected(steps.error());
    }
    const bool throwOnMissing = isTruthy(context.bodyValue(QStringLiteral("throw-on-missing-attrs?")));
    const auto txId = m_services.store.transact(auth->appId, *steps, TransactOptions {throwOnMissing, auth->identity});
    if (!txId) {
        return std::unexpected(txId.error());
    }
    return QJsonObject {{QStringLiteral("tx-id"), double(*txId)}};
}

std::expected<QJsonValue, ApiError> DataRoutes::queryPermsCheck(RequestContext &context)
{
    const auto auth = m_services.auth.resolveForPermsCheck(context);
    if (!auth) {
        return std::unexpected(auth.error());
    }
    const auto instaql = queryParam(context);
    if (!instaql) {
        return std::unexpected(instaql.error());
    }
    const bool inference = isTruthy(context.bodyValue(QStringLiteral("inference?")));
    const auto result = m_services.store.query(auth->appId, *instaql, QueryOptions {inference, auth->identity});
    if (!result) {
        return std::unexpected(result.error());
    }
    // The sandbox evaluates no permission rules, so there are no checks to report.
    return QJsonObject {
        {QStringLiteral("check-results"), QJsonArray {}},
        {QStringLiteral("result"), result->tree},
        {QStringLiteral("rule-wheres"), QJsonValue::Null},
    };
}

std::expected<QJsonValue, ApiError> DataRoutes::transactPermsCheck(RequestContext &context)
{
    const auto auth = m_services.auth.resolveForPermsCheck(context);
    if (!auth) {
        return std::unexpected(auth.error());
    }
    const auto steps = stepsParam(context);
    if (!steps) {
        return std::unexpected(steps.error());
    }
    const bool commit = isTruthy(context.bodyValue(QStringLiteral("dangerously-commit-tx")));
    if (!commit) {
        // Without rules every check passes, and the engine has no dry-run mode, so a dry run
        // neither writes nor allocates a transaction id.
        return QJsonObject {
            {QStringLiteral("tx-id"), QJsonValue::Null},
            {QStringLiteral("all-checks-ok?"), true},
            {QStringLiteral("committed?"), false},
            {QStringLiteral("check-results"), QJsonArray {}},
        };
    }
    const bool throwOnMissing = isTruthy(context.bodyValue(QStringLiteral("throw-on-missing-attrs?")));
    const auto txId = m_services.store.transact(auth->appId, *steps, TransactOptions {throwOnMissing, auth->identity});
    if (!txId) {
        return std::unexpected(txId.error());
    }
    return QJsonObject {
        {QStringLiteral("tx-id"), double(*txId)},
        {QStringLiteral("all-checks-ok?"), true},
        {QStringLiteral("committed?"), true},
        {QStringLiteral("check-results"), QJsonArray {}},
    };
}

std::expected<QJsonValue, ApiError> DataRoutes::schema(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    const QJsonObject schema = m_services.store.schema(*appId);
    if (schema.size() == 1 && schema.contains(QStringLiteral("schema"))) {
        return schema;
    }
    return QJsonObject {{QStringLiteral("schema"), schema}};
}

std::expected<QJsonValue, ApiError> DataRoutes::softDeletedAttrs(RequestContext &context)
{
    const auto appId = m_services.auth.requireAdmin(context);
    if (!appId) {
        return std::unexpected(appId.error());
    }
    return m_services.store.softDeletedAttrs(*appId);
}

} // namespace sandbox
