#include "liveroutes.h"

#include <QJsonArray>
#include <QJsonObject>

#include <httplib.h>

#include "authresolver.h"
#include "livequeryhub.h"
#include "requestcontext.h"
#include "router.h"
#include "services.h"
#include "ssesession.h"
#include "wire.h"

namespace sandbox {

namespace {

std::expected<QUuid, ApiError> uuidParam(const QJsonObject &body, const QString &key, const QStringList &path)
{
    const QJsonValue value = body.value(key);
    if (value.isUndefined() || value.isNull()) {
        return std::unexpected(ApiError::paramMissing(path));
    }
    const auto id = value.isString() ? wire::parseUuid(value.toString()) : std::nullopt;
    if (!id) {
        return std::unexpected(ApiError::paramMalformed(path, value));
    }
    return *id;
}

} // namespace

LiveRoutes::LiveRoutes(Services &services)
    : m_services(services)
{ }

void LiveRoutes::install(Router &router)
{
    router.raw(Router::Method::Post, "/admin/subscribe-query", [this](RequestContext &c) { subscribeQuery(c); });
    router.raw(Router::Method::Post, "/admin/sse", [this](RequestContext &c) { openSse(c); });
    router.json(Router::Method::Post, "/admin/sse/push",
        [this](RequestContext &context) -> std::expected<QJsonValue, ApiError> {
            const QJsonObject &body = context.body();
            const auto machineId
                = uuidParam(body, QStringLiteral("machine_id"), {QStringLiteral("body"), QStringLiteral("machine_id")});
            if (!machineId) {
                return std::unexpected(machineId.error());
            }
            if (!context.hasQueryParam("app_id")) {
                return std::unexpected(ApiError::paramMissing({QStringLiteral("params"), QStringLiteral("app_id")}));
            }
            const auto appId = wire::parseUuid(context.queryParam("app_id"));
            if (!appId) {
                return std::unexpected(ApiError::paramMalformed(
                    {QStringLiteral("params"), QStringLiteral("app_id")}, context.queryParam("app_id")));
            }
            const auto sessionId
                = uuidParam(body, QStringLiteral("session_id"), {QStringLiteral("body"), QStringLiteral("session_id")});
            if (!sessionId) {
                return std::unexpected(sessionId.error());
            }
            const auto token
                = uuidParam(body, QStringLiteral("sse_token"), {QStringLiteral("body"), QStringLiteral("sse_token")});
            if (!token) {
                return std::unexpected(token.error());
            }
            const QJsonValue messages = body.value(QStringLiteral("messages"));
            if (messages.isUndefined() || messages.isNull()) {
                return std::unexpected(ApiError::paramMissing({QStringLiteral("body"), QStringLiteral("messages")}));
            }
            if (!messages.isArray()) {
                return std::unexpected(
                    ApiError::paramMalformed({QStringLiteral("body"), QStringLiteral("messages")}, messages));
            }

            if (*machineId != m_services.live.machineId()) {
                ApiError error;
                error.type = QStringLiteral("member-missing");
                error.message = QStringLiteral("Member missing for machine id: %1").arg(wire::uuidString(*machineId));
                error.hint = QJsonObject {{QStringLiteral("machine-id"), wire::uuidString(*machineId)}};
                return std::unexpected(error);
            }
            const auto session = m_services.live.session(*sessionId);
            if (!session || session->sseToken() != *token || session->appId() != *appId) {
                ApiError error;
                error.type = QStringLiteral("session-missing");
                error.message = QStringLiteral("Session missing for id: {:sess-id #uuid \"%1\"}")
                                    .arg(wire::uuidString(*sessionId));
                error.hint = QJsonObject {{QStringLiteral("sess-id"),
                    QJsonObject {{QStringLiteral("sess-id"), wire::uuidString(*sessionId)}}}};
                return std::unexpected(error);
            }
            for (const QJsonValue &message : messages.toArray()) {
                m_services.live.post(session, message.toObject());
            }
            return QJsonObject {};
        });
}

void LiveRoutes::subscribeQuery(RequestContext &context)
{
    const auto auth = m_services.auth.resolve(context);
    if (!auth) {
        context.sendError(auth.error());
        return;
    }
    const QJsonValue query = context.bodyValue(QStringLiteral("query"));
    if (query.isUndefined() || query.isNull()) {
        context.sendError(ApiError::paramMissing({QStringLiteral("body"), QStringLiteral("query")}));
        return;
    }
    if (!query.isObject()) {
        context.sendError(ApiError::paramMalformed({QStringLiteral("body"), QStringLiteral("query")}, query));
        return;
    }
    const bool inference = isTruthy(context.bodyValue(QStringLiteral("inference?")));
    const auto session = m_services.live.openSession(auth->appId, auth->identity, inference);
    m_services.live.post(session,
        QJsonObject {{QStringLiteral("op"), QStringLiteral("add-query")}, {QStringLiteral("q"), query},
            {QStringLiteral("return-type"), QStringLiteral("tree")}});
    stream(context, session);
}

void LiveRoutes::openSse(RequestContext &context)
{
    const auto auth = m_services.auth.resolve(context);
    if (!auth) {
        context.sendError(auth.error());
        return;
    }
    const bool inference = isTruthy(context.bodyValue(QStringLiteral("inference?")));
    stream(context, m_services.live.openSession(auth->appId, auth->identity, inference));
}

void LiveRoutes::stream(RequestContext &context, const std::shared_ptr<SseSession> &session)
{
    using Clock = std::chrono::steady_clock;
    const auto interval = m_services.options.keepAliveInterval;
    // The keep-alive runs on a fixed timer from connect, not reset by other traffic.
    auto nextPing = std::make_shared<Clock::time_point>(Clock::now() + interval);
    httplib::Response &response = context.response();
    response.status = 200;
    response.set_header("Cache-Control", "nocache");
    LiveQueryHub &hub = m_services.live;
    const QUuid sessionId = session->id();
    response.set_chunked_content_provider(
        "text/event-stream; charset=UTF-8",
        [session, nextPing, interval](std::size_t, httplib::DataSink &sink) {
            const QList<QByteArray> frames = session->takeFrames(*nextPing);
            if (frames.isEmpty() && session->isClosed()) {
                sink.done();
                return true;
            }
            for (const QByteArray &frame : frames) {
                if (!sink.write(frame.constData(), std::size_t(frame.size()))) {
                    return false;
                }
            }
            if (Clock::now() >= *nextPing) {
                while (*nextPing <= Clock::now()) {
                    *nextPing += interval;
                }
                // A failed write is how a vanished client shows up; the releaser then drops the session.
                return sink.write(":\n", 2);
            }
            return true;
        },
        [&hub, sessionId](bool) { hub.closeSession(sessionId); });
}

} // namespace sandbox
