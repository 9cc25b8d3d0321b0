#include "dataroutes.h"

#include <QJsonArray>
#include <QJsonObject>

#include "authresolver.h"
#include "engine/store.h"
#include "engine/systemcatalog.h"
#include "requestcontext.h"
#include "router.h"
#include "services.h"
#include "wire.h"

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

/** A permission check as the server reports it for an app without rules, and its result. */
struct Check {
    QJsonObject program; // {} when no program exists: the server's default allow
    bool result = true;
};

QJsonObject systemProgram(const TransactEffect &effect, const QString &code, const QString &displayCode)
{
    return QJsonObject {{QStringLiteral("etype"), effect.etype}, {QStringLiteral("action"), effect.action},
        {QStringLiteral("code"), code}, {QStringLiteral("display-code"), displayCode}};
}

/**
 * The check Instant runs for an effect when the app has no rules. User namespaces have no program and pass;
 * system namespaces fall back to fixed programs, all constants except the $users view/update one, which is
 * evaluated here from the identity and the entity as it was before the transaction.
 */
Check checkWithoutRules(const TransactEffect &effect, const Identity &identity)
{
    if (effect.scope == TransactEffect::Scope::Attr) {
        // Creating attributes is allowed by default; changing or deleting them is for admins only, and
        // perms checks never run as admin.
        return Check {{}, effect.action == QStringLiteral("create")};
    }
    if (!systemcatalog::isSystemEtype(effect.etype)) {
        return Check {};
    }
    const QString trueCode = QStringLiteral("true");
    const QString falseCode = QStringLiteral("false");
    if (effect.etype == QStringLiteral("$users") && effect.action == QStringLiteral("create")) {
        return Check {systemProgram(effect, trueCode, trueCode), true};
    }
    if (effect.etype == QStringLiteral("$users")
        && (effect.action == QStringLiteral("view") || effect.action == QStringLiteral("update"))) {
        const QString code = QStringLiteral(
            "auth.id == data.id || (data.linkedPrimaryUser != null && auth.id == data.linkedPrimaryUser)");
        // A guest's auth.id is null; data always has an id here, as these checks only run on existing users.
        const QJsonValue authId = identity.kind == Identity::Kind::User ? QJsonValue(wire::uuidString(identity.userId))
                                                                        : QJsonValue(QJsonValue::Null);
        const QJsonValue linked = effect.data.value(QStringLiteral("linkedPrimaryUser"));
        const bool result = (!authId.isNull() && authId == effect.data.value(QStringLiteral("id")))
            || (linked.isString() && authId == linked);
        return Check {systemProgram(effect, code, code), result};
    }
    if (effect.etype == QStringLiteral("$files")) {
        return Check {systemProgram(effect, falseCode, falseCode), false};
    }
    return Check {
        systemProgram(effect, falseCode, QStringLiteral("disallow_%1_on_system_tables").arg(effect.action)), false};
}

/** check-results in the server's shape, without `bindings` (see the README). */
QJsonArray checkResults(const QList<TransactEffect> &effects, const Identity &identity, bool *allOk)
{
    QJsonArray results;
    *allOk = true;
    for (const TransactEffect &effect : effects) {
        const Check check = checkWithoutRules(effect, identity);
        QJsonObject result {
            {QStringLiteral("scope"),
                effect.scope == TransactEffect::Scope::Attr ? QStringLiteral("attr") : QStringLiteral("object")},
            {QStringLiteral("action"), effect.action},
            {QStringLiteral("etype"), effect.etype},
            {QStringLiteral("program"), check.program},
            {QStringLiteral("check-result"), check.result},
            {QStringLiteral("check-pass?"), check.result},
        };
        if (effect.scope == TransactEffect::Scope::Object) {
            result.insert(QStringLiteral("eid"), wire::uuidString(effect.entityId));
        }
        results.append(result);
        *allOk = *allOk && check.result;
    }
    return results;
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
    // The sandbox stores and evaluates no rules. Checks for an app without rules it derives exactly (below);
    // against rules it was given it could only guess, so it says so instead of reporting made-up results.
    const QJsonValue rules = context.bodyValue(QStringLiteral("rules-override"));
    if (!rules.isUndefined() && !rules.isNull() && !(rules.isObject() && rules.toObject().isEmpty())) {
        return std::unexpected(ApiError::validationFailed(QStringLiteral("rules-override"), rules,
            QJsonArray {QJsonObject {{QStringLiteral("message"),
                QStringLiteral("The sandbox does not evaluate permission rules; it can only check a transaction "
                               "against an app without rules.")}}}));
    }

    // As on the server, the transaction really runs; it is rolled back unless a commit was asked for and
    // every check passed. A rolled-back run still reports the transaction id it took.
    const bool commit = isTruthy(context.bodyValue(QStringLiteral("dangerously-commit-tx")));
    TransactOptions options {isTruthy(context.bodyValue(QStringLiteral("throw-on-missing-attrs?"))), auth->identity};
    options.dryRun = !commit;
    const Identity identity = auth->identity;
    const auto approve = [&identity](const QList<TransactEffect> &effects) {
        bool allOk = true;
        checkResults(effects, identity, &allOk);
        return allOk;
    };
    const auto report = m_services.store.transactWithReport(auth->appId, *steps, options, approve);
    if (!report) {
        return std::unexpected(report.error());
    }
    bool allOk = true;
    const QJsonArray checks = checkResults(report->effects, identity, &allOk);
    return QJsonObject {
        {QStringLiteral("tx-id"), double(report->txId)},
        {QStringLiteral("all-checks-ok?"), allOk},
        {QStringLiteral("committed?"), report->committed},
        {QStringLiteral("check-results"), checks},
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
