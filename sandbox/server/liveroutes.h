#pragma once

#include <memory>

namespace sandbox {

class RequestContext;
class Router;
class SseSession;
struct Services;

/** `POST /admin/subscribe-query`, `POST /admin/sse` and `POST /admin/sse/push` (§4.3–4.5, §5). */
class LiveRoutes {
public:
    explicit LiveRoutes(Services &services);
    void install(Router &router);

private:
    void subscribeQuery(RequestContext &context);
    void openSse(RequestContext &context);
    void stream(RequestContext &context, const std::shared_ptr<SseSession> &session);

    Services &m_services;
};

} // namespace sandbox
