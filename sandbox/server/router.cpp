#include "router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <httplib.h>

#include "sandbox_debug.h"

namespace sandbox {

namespace {

bool isJsonContentType(const std::string &contentType)
{
    // Same test as the server's JSON middleware: a prefix match, so a charset parameter is fine.
    static const QRegularExpression pattern(QStringLiteral("^application/(.+\\+)?json"));
    return pattern.match(QString::fromStdString(contentType)).hasMatch();
}

/** Parses any JSON value; QJsonDocument only takes objects and arrays, so wrap the text. */
std::expected<QJsonValue, bool> parseJson(const std::string &text)
{
    QByteArray wrapped;
    wrapped.reserve(qsizetype(text.size()) + 2);
    wrapped.append('[').append(text.data(), qsizetype(text.size())).append(']');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1) {
        return std::unexpected(false);
    }
    return document.array().first();
}

bool isBlank(const std::string &text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

void runGuarded(RequestContext &context, const std::function<void(RequestContext &)> &run)
{
    // Handlers report errors as values; an exception here is a bug, answered like the server's 500.
    try {
        run(context);
    } catch (const std::exception &e) {
        qCWarning(lcSandboxHttp) << context.logId() << "handler failed:" << e.what();
        context.sendError(Router::unknownError());
    }
}

} // namespace

Router::Router(httplib::Server &server, qint64 jsonBodyLimit)
    : m_server(server)
    , m_jsonBodyLimit(jsonBodyLimit)
{ }

ApiError Router::payloadTooLarge(qint64 limit)
{
    ApiError error;
    error.status = 413;
    error.type = QStringLiteral("payload-too-large");
    error.message = QStringLiteral("The request body is larger than the limit of %1 bytes.").arg(limit);
    error.hint = QJsonObject {{QStringLiteral("limit"), double(limit)}};
    return error;
}

ApiError Router::unknownError()
{
    ApiError error;
    error.status = 500;
    error.type = QStringLiteral("unknown");
    error.message = QStringLiteral("Something went wrong. Sorry about this!");
    error.hint = QJsonObject {{QStringLiteral("debug-uri"), QJsonValue::Null}};
    return error;
}

bool Router::readBody(RequestContext &context, const httplib::ContentReader *reader)
{
    const httplib::Request &request = context.request();
    std::string text;
    bool tooLarge = false;
    if (reader) {
        // Past the limit the rest is drained and dropped so the connection stays usable.
        const bool complete = (*reader)([&](const char *data, std::size_t length) {
            if (tooLarge || qint64(text.size() + length) > m_jsonBodyLimit) {
                tooLarge = true;
                text.clear();
                return true;
            }
            text.append(data, length);
            return true;
        });
        if (!complete) {
            if (context.response().status == 413) {
                tooLarge = true;
            } else {
                context.response().status = 400;
                return false;
            }
        }
    } else {
        text = request.body;
        tooLarge = qint64(text.size()) > m_jsonBodyLimit;
    }
    if (tooLarge) {
        context.sendError(payloadTooLarge(m_jsonBodyLimit));
        return false;
    }

    if (!isJsonContentType(request.get_header_value("Content-Type")) || isBlank(text)) {
        return true;
    }
    const auto value = parseJson(text);
    if (!value) {
        context.sendText(400, QByteArrayLiteral("Malformed JSON in request body."), "text/plain");
        return false;
    }
    context.setBody(value->toObject());
    return true;
}

void Router::add(Method method, const char *pattern, std::function<void(RequestContext &)> run)
{
    switch (method) {
    case Method::Get:
        m_server.Get(pattern, [this, run](const httplib::Request &request, httplib::Response &response) {
            RequestContext context(request, response);
            if (readBody(context, nullptr)) {
                runGuarded(context, run);
            }
        });
        return;
    case Method::Post:
    case Method::Put:
    case Method::Delete: {
        auto handler = [this, run](const httplib::Request &request, httplib::Response &response,
                           const httplib::ContentReader &reader) {
            RequestContext context(request, response);
            if (readBody(context, &reader)) {
                runGuarded(context, run);
            }
        };
        if (method == Method::Post) {
            m_server.Post(pattern, handler);
        } else if (method == Method::Put) {
            m_server.Put(pattern, handler);
        } else {
            m_server.Delete(pattern, handler);
        }
        return;
    }
    }
}

void Router::json(Method method, const char *pattern, JsonHandler handler)
{
    add(method, pattern, [handler](RequestContext &context) {
        const auto result = handler(context);
        if (result) {
            context.sendJson(*result);
        } else {
            context.sendError(result.error());
        }
    });
}

void Router::raw(Method method, const char *pattern, RawHandler handler)
{
    add(method, pattern, std::move(handler));
}

void Router::streaming(Method method, const char *pattern, StreamHandler handler)
{
    auto wrapped = [handler](const httplib::Request &request, httplib::Response &response,
                       const httplib::ContentReader &reader) {
        RequestContext context(request, response);
        runGuarded(context, [&](RequestContext &c) { handler(c, reader); });
    };
    switch (method) {
    case Method::Post:
        m_server.Post(pattern, wrapped);
        return;
    case Method::Put:
        m_server.Put(pattern, wrapped);
        return;
    case Method::Delete:
        m_server.Delete(pattern, wrapped);
        return;
    case Method::Get:
        Q_ASSERT_X(false, "Router::streaming", "GET has no request body to stream");
        return;
    }
}

void Router::installDefaults()
{
    m_server.set_default_headers({
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "strict-origin"},
        {"Content-Security-Policy", "script-src 'self'"},
        {"Permissions-Policy",
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
            "payment=(), usb=()"},
        {"X-Content-Type-Options", "nosniff"},
    });

    m_server.set_pre_routing_handler([](const httplib::Request &request, httplib::Response &) {
        // The Admin API answers uncompressed; httplib would otherwise gzip JSON and, worse,
        // buffer event streams inside the compressor. The request object is ours to adjust.
        auto &mutableRequest = const_cast<httplib::Request &>(request);
        mutableRequest.headers.erase("Accept-Encoding");
        // Only the path: query strings may carry refresh tokens.
        qCDebug(lcSandboxHttp) << request.method.c_str() << request.path.c_str();
        return httplib::Server::HandlerResponse::Unhandled;
    });

    const qint64 limit = m_jsonBodyLimit;
    const httplib::Server::HandlerWithResponse errorHandler
        = [limit](const httplib::Request &, httplib::Response &response) {
              if (!response.body.empty() || response.is_chunked_content_provider_) {
                  return httplib::Server::HandlerResponse::Unhandled;
              }
              QByteArray body;
              if (response.status == 404) {
                  body = RequestContext::encode(
                      QJsonObject {{QStringLiteral("message"), QStringLiteral("Oops! We couldn't match this route.")}});
              } else if (response.status == 413) {
                  body = payloadTooLarge(limit).toJson();
              } else {
                  return httplib::Server::HandlerResponse::Unhandled;
              }
              response.set_content(body.constData(), std::size_t(body.size()), "application/json; charset=utf-8");
              return httplib::Server::HandlerResponse::Handled;
          };
    m_server.set_error_handler(errorHandler);
}

} // namespace sandbox
