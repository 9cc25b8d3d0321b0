#pragma once

#include <QJsonValue>

#include <expected>

#include "engine/apierror.h"

namespace sandbox {

class RequestContext;
class Router;
struct Services;

/** Query, transact, the perms-check routes, schema and soft-deleted attributes (§4.1–4.7, 4.22, 4.23). */
class DataRoutes {
public:
    explicit DataRoutes(Services &services);
    void install(Router &router);

private:
    std::expected<QJsonValue, ApiError> query(RequestContext &context);
    std::expected<QJsonValue, ApiError> transact(RequestContext &context);
    std::expected<QJsonValue, ApiError> queryPermsCheck(RequestContext &context);
    std::expected<QJsonValue, ApiError> transactPermsCheck(RequestContext &context);
    std::expected<QJsonValue, ApiError> schema(RequestContext &context);
    std::expected<QJsonValue, ApiError> softDeletedAttrs(RequestContext &context);

    Services &m_services;
};

} // namespace sandbox
