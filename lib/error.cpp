#include "error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace instant {

namespace {

constexpr qsizetype kMaxTextMessage = 2000;
const QString kRedacted = u"<redacted>"_s;

bool isSecretKey(const QString &key)
{
    static const QStringList keys = {u"token"_s, u"refresh-token"_s, u"refresh_token"_s, u"refreshToken"_s,
        u"sse-token"_s, u"sse_token"_s, u"code"_s, u"authorization"_s, u"as-token"_s, u"admin-token"_s};
    return keys.contains(key, Qt::CaseInsensitive);
}

// `original-input` echoes whatever was malformed; for the authorization header or an As-Token that is
// a secret, for a malformed email or query it is worth showing.
bool originalInputIsSecret(const QJsonObject &object)
{
    for (const QJsonValue &part : object.value(u"in"_s).toArray()) {
        const QString name = part.toString();
        if (isSecretKey(name) || name.compare(u"asUser"_s, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

Error Error::make(Kind kind, QString message)
{
    Error error;
    error.kind = kind;
    error.message = std::move(message);
    return error;
}

Error Error::fromHttpReply(int status, const QByteArray &body, const QByteArray &contentType)
{
    Error error;
    error.kind = Kind::Http;
    error.httpStatus = status;

    // Like the SDK: try JSON whatever the content type says, fall back to the raw text (the
    // text/plain "Malformed JSON in request body." reply, proxy HTML pages …).
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        error.type = object.value(u"type"_s).toString();
        error.message = object.value(u"message"_s).toString();
        if (error.message.isEmpty()) {
            // oauth-error bodies carry `error` instead of `message`.
            error.message = object.value(u"error"_s).toString();
        }
        error.hint = object.value(u"hint"_s);
        if (error.hint.isUndefined()) {
            error.hint = QJsonValue::Null;
        }
        error.traceId = object.value(u"trace-id"_s).toString();
        return error;
    }

    QString text = QString::fromUtf8(body).trimmed();
    if (text.size() > kMaxTextMessage) {
        text = text.left(kMaxTextMessage) + u"…"_s;
    }
    error.message = text;
    error.hint = QJsonValue::Null;
    Q_UNUSED(contentType)
    return error;
}

QString Error::userMessage() const
{
    switch (kind) {
    case Kind::Network:
        if (networkError == QNetworkReply::ConnectionRefusedError) {
            return QCoreApplication::translate("instant::Error",
                "The server refused the connection. Check the server URL and that the server is running.");
        }
        if (networkError == QNetworkReply::HostNotFoundError) {
            return QCoreApplication::translate(
                "instant::Error", "The server name could not be resolved. Check the server URL.");
        }
        return QCoreApplication::translate("instant::Error", "The server could not be reached: %1").arg(message);
    case Kind::Tls:
        if (!sslErrors.isEmpty()) {
            return QCoreApplication::translate("instant::Error", "The secure connection could not be established: %1")
                .arg(sslErrors.join(u"; "_s));
        }
        return QCoreApplication::translate("instant::Error", "The secure connection could not be established: %1")
            .arg(message);
    case Kind::Timeout:
        return QCoreApplication::translate("instant::Error", "The server did not answer in time.");
    case Kind::Cancelled:
        return QCoreApplication::translate("instant::Error", "The request was cancelled.");
    case Kind::Protocol:
        return QCoreApplication::translate("instant::Error", "The server's answer could not be understood: %1")
            .arg(message);
    case Kind::Config:
        return message;
    case Kind::Http:
        break;
    }

    if (httpStatus == 404 && type.isEmpty()) {
        return QCoreApplication::translate(
            "instant::Error", "The server does not know this request (HTTP 404). Check the server URL.");
    }
    if (httpStatus == 429) {
        return QCoreApplication::translate(
            "instant::Error", "The server is busy or rate-limiting this app (HTTP 429): %1")
            .arg(message);
    }
    if (httpStatus >= 300 && httpStatus < 400) {
        return QCoreApplication::translate("instant::Error",
            "The server answered with a redirect (HTTP %1), which is not followed. Check the server URL.")
            .arg(httpStatus);
    }
    if (httpStatus >= 500) {
        return QCoreApplication::translate("instant::Error", "The server failed (HTTP %1): %2")
            .arg(httpStatus)
            .arg(message);
    }
    if (message.isEmpty()) {
        return QCoreApplication::translate("instant::Error", "The server rejected the request (HTTP %1).")
            .arg(httpStatus);
    }
    return QCoreApplication::translate("instant::Error", "The server rejected the request: %1").arg(message);
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return u"network"_s;
    case Kind::Tls:
        return u"tls"_s;
    case Kind::Timeout:
        return u"timeout"_s;
    case Kind::Http:
        return u"http"_s;
    case Kind::Protocol:
        return u"protocol"_s;
    case Kind::Cancelled:
        return u"cancelled"_s;
    case Kind::Config:
        return u"config"_s;
    }
    return {};
}

QString Error::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return QCoreApplication::translate("instant::Error", "network");
    case Kind::Tls:
        return QCoreApplication::translate("instant::Error", "TLS");
    case Kind::Timeout:
        return QCoreApplication::translate("instant::Error", "timeout");
    case Kind::Http:
        return QCoreApplication::translate("instant::Error", "HTTP");
    case Kind::Protocol:
        return QCoreApplication::translate("instant::Error", "protocol");
    case Kind::Cancelled:
        return QCoreApplication::translate("instant::Error", "cancelled");
    case Kind::Config:
        return QCoreApplication::translate("instant::Error", "not sent");
    }
    return {};
}

QString Error::detail() const
{
    QString text = kindName(kind);
    if (httpStatus != 0) {
        text += u" status=%1"_s.arg(httpStatus);
    }
    if (!type.isEmpty()) {
        text += u" type="_s + type;
    }
    if (networkError != QNetworkReply::NoError) {
        text += u" qt-error=%1"_s.arg(int(networkError));
    }
    if (url.isValid()) {
        text += u" url="_s + url.toString();
    }
    if (!message.isEmpty()) {
        text += u" message=\""_s + message + u'"';
    }
    if (!sslErrors.isEmpty()) {
        text += u" ssl-errors=\""_s + sslErrors.join(u"; "_s) + u'"';
    }
    if (!hint.isNull() && !hint.isUndefined()) {
        const QJsonValue redactedValue = redactedHint();
        QByteArray json;
        if (redactedValue.isObject()) {
            json = QJsonDocument(redactedValue.toObject()).toJson(QJsonDocument::Compact);
        } else if (redactedValue.isArray()) {
            json = QJsonDocument(redactedValue.toArray()).toJson(QJsonDocument::Compact);
        } else {
            json = redactedValue.toVariant().toString().toUtf8();
        }
        text += u" hint="_s + QString::fromUtf8(json);
    }
    if (!traceId.isEmpty()) {
        text += u" trace-id="_s + traceId;
    }
    return text;
}

QJsonValue Error::redactedHint() const
{
    return redact(hint);
}

QJsonValue Error::redact(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &element : value.toArray()) {
            array.append(redact(element));
        }
        return array;
    }
    if (!value.isObject()) {
        return value;
    }
    const QJsonObject object = value.toObject();
    const bool secretInput = originalInputIsSecret(object);
    QJsonObject result;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const bool secret = isSecretKey(it.key()) || (secretInput && it.key() == u"original-input"_s);
        if (secret && !it.value().isNull()) {
            result.insert(it.key(), kRedacted);
        } else {
            result.insert(it.key(), redact(it.value()));
        }
    }
    return result;
}

} // namespace instant
