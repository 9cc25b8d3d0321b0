#include "requestcontext.h"

#include <QAtomicInteger>
#include <QJsonArray>
#include <QJsonDocument>

#include <httplib.h>

namespace sandbox {

namespace {

QAtomicInteger<quint64> s_requestCounter;

} // namespace

RequestContext::RequestContext(const httplib::Request &request, httplib::Response &response)
    : m_request(request)
    , m_response(response)
    , m_logId(QStringLiteral("r%1").arg(s_requestCounter.fetchAndAddRelaxed(1) + 1))
{ }

bool RequestContext::hasHeader(const char *name) const
{
    return m_request.has_header(name);
}

QString RequestContext::header(const char *name) const
{
    return QString::fromStdString(m_request.get_header_value(name));
}

bool RequestContext::hasQueryParam(const char *name) const
{
    return m_request.has_param(name);
}

QString RequestContext::queryParam(const char *name) const
{
    return QString::fromStdString(m_request.get_param_value(name));
}

QJsonObject RequestContext::queryParams() const
{
    QJsonObject params;
    for (const auto &[key, value] : m_request.params) {
        const QString k = QString::fromStdString(key);
        if (!params.contains(k)) {
            params.insert(k, QString::fromStdString(value));
        }
    }
    return params;
}

QString RequestContext::pathMatch(int index) const
{
    if (index < 0 || std::size_t(index) >= m_request.matches.size()) {
        return {};
    }
    return QString::fromStdString(m_request.matches[std::size_t(index)].str());
}

bool RequestContext::hasBodyKey(const QString &key) const
{
    return m_body.contains(key) && !m_body.value(key).isNull();
}

QByteArray RequestContext::encode(const QJsonValue &value)
{
    // QJsonDocument holds only objects and arrays; scalars are cut out of a one-element array.
    if (value.isObject()) {
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }
    if (value.isArray()) {
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    }
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

void RequestContext::sendJson(const QJsonValue &value)
{
    const QByteArray bytes = encode(value);
    m_response.status = 200;
    m_response.set_content(bytes.constData(), std::size_t(bytes.size()), "application/json; charset=utf-8");
}

void RequestContext::sendError(const ApiError &error)
{
    const QByteArray bytes = error.toJson();
    m_response.status = error.status;
    m_response.set_content(bytes.constData(), std::size_t(bytes.size()), "application/json; charset=utf-8");
}

void RequestContext::sendText(int status, const QByteArray &text, const char *contentType)
{
    m_response.status = status;
    m_response.set_content(text.constData(), std::size_t(text.size()), contentType);
}

} // namespace sandbox
