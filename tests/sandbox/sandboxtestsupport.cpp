#include "sandboxtestsupport.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>

namespace sandboxtest {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : rawHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QJsonObject HttpResult::object() const
{
    return QJsonDocument::fromJson(body).object();
}

QString SandboxFixture::start(sandbox::SandboxOptions options)
{
    if (!m_dir.isValid()) {
        return QStringLiteral("no temporary directory");
    }
    if (options.dataDir.isEmpty()) {
        // One level down, so tests can check that nothing lands beside the data directory.
        options.dataDir = dataDir();
    }
    options.host = QStringLiteral("127.0.0.1");
    options.port = 0;
    const auto info = m_server.start(options);
    if (!info) {
        return info.error();
    }
    m_info = *info;
    return {};
}

void SandboxFixture::stop()
{
    m_server.stop();
}

QByteArray SandboxFixture::appId() const
{
    return m_info.appId.toByteArray(QUuid::WithoutBraces);
}

QByteArray SandboxFixture::adminToken() const
{
    return m_info.adminToken.toByteArray(QUuid::WithoutBraces);
}

Headers SandboxFixture::admin() const
{
    return {{"App-Id", appId()}, {"Authorization", "Bearer " + adminToken()}};
}

HttpClient::HttpClient(const QString &baseUrl)
    : m_baseUrl(baseUrl)
{ }

QNetworkRequest HttpClient::request(const QString &pathAndQuery, const Headers &headers) const
{
    QNetworkRequest request(QUrl(m_baseUrl + pathAndQuery));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    return request;
}

HttpResult HttpClient::send(
    const QByteArray &verb, const QString &pathAndQuery, const Headers &headers, const QByteArray &body, int timeoutMs)
{
    QNetworkReply *reply = m_manager.sendCustomRequest(request(pathAndQuery, headers), verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    if (!reply->isFinished() && !finished.wait(timeoutMs)) {
        reply->abort();
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (result.status == 0) {
        result.status = -1;
    }
    result.body = reply->readAll();
    result.rawHeaders = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::json(
    const QByteArray &verb, const QString &pathAndQuery, const Headers &headers, const QJsonObject &body)
{
    Headers all = headers;
    all.push_back({"Content-Type", "application/json"});
    return send(verb, pathAndQuery, all, compact(body));
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace sandboxtest
