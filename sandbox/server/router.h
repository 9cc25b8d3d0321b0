#pragma once

#include <QJsonValue>

#include <expected>
#include <functional>

#include "engine/apierror.h"
#include "requestcontext.h"

namespace httplib {
class Server;
class ContentReader;
} // namespace httplib

namespace sandbox {

/**
 * Registers routes on an httplib server with the Admin API's request conventions: JSON bodies are
 * read with a size limit (413 past it), parsed only for `application/(…+)?json` content types,
 * malformed JSON answers the plain-text 400, and handler exceptions become the `unknown` 500.
 */
class Router {
public:
    enum class Method {
        Get,
        Post,
        Put,
        Delete,
    };
    using JsonHandler = std::function<std::expected<QJsonValue, ApiError>(RequestContext &)>;
    /** Answers by itself (streams, files); the JSON body is already parsed. */
    using RawHandler = std::function<void(RequestContext &)>;
    /** Reads the body by itself; nothing is read before the call. */
    using StreamHandler = std::function<void(RequestContext &, const httplib::ContentReader &)>;

    Router(httplib::Server &server, qint64 jsonBodyLimit);

    void json(Method method, const char *pattern, JsonHandler handler);
    void raw(Method method, const char *pattern, RawHandler handler);
    void streaming(Method method, const char *pattern, StreamHandler handler);

    /** Error bodies for 404 and 413, the security headers, and request logging. */
    void installDefaults();

    static ApiError payloadTooLarge(qint64 limit);
    static ApiError unknownError();

private:
    /** Reads and parses the JSON body; false when the response has already been written. */
    bool readBody(RequestContext &context, const httplib::ContentReader *reader);
    void add(Method method, const char *pattern, std::function<void(RequestContext &)> run);

    httplib::Server &m_server;
    qint64 m_jsonBodyLimit;
};

} // namespace sandbox
