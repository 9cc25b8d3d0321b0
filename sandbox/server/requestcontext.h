#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include "engine/apierror.h"

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace sandbox {

/**
 * One HTTP exchange as the route handlers see it: header and query lookups with the server's
 * semantics (header names case-insensitive, the JSON body only when the content type is JSON)
 * and the three ways of answering (JSON success, API error, raw bytes).
 */
class RequestContext {
public:
    RequestContext(const httplib::Request &request, httplib::Response &response);

    const httplib::Request &request() const { return m_request; }
    httplib::Response &response() { return m_response; }

    bool hasHeader(const char *name) const;
    QString header(const char *name) const;
    bool hasQueryParam(const char *name) const;
    QString queryParam(const char *name) const;
    /** All query parameters as strings (the first value of repeated keys). */
    QJsonObject queryParams() const;
    /** The path's n-th regex capture (1-based), for routes with parameters. */
    QString pathMatch(int index) const;

    /** The parsed JSON body; an empty object when there was none or it was not a JSON object. */
    const QJsonObject &body() const { return m_body; }
    bool hasBodyKey(const QString &key) const;
    QJsonValue bodyValue(const QString &key) const { return m_body.value(key); }
    void setBody(const QJsonObject &body) { m_body = body; }

    /** The request's own short id for log lines; never a token. */
    QString logId() const { return m_logId; }

    void sendJson(const QJsonValue &value);
    void sendError(const ApiError &error);
    void sendText(int status, const QByteArray &text, const char *contentType);

    /** Compact JSON, raw UTF-8, `/` unescaped: the server's encoding for every JSON body. */
    static QByteArray encode(const QJsonValue &value);

private:
    const httplib::Request &m_request;
    httplib::Response &m_response;
    QJsonObject m_body;
    QString m_logId;
};

} // namespace sandbox
