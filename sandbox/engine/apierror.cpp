#include "apierror.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sandbox {

namespace {

// The server prints paths as EDN vectors of strings: ["body" "query"].
QString ednPath(const QStringList &path)
{
    QStringList quoted;
    for (const QString &part : path) {
        quoted.append(u'"' + part + u'"');
    }
    return u'[' + quoted.join(u' ') + u']';
}

QJsonArray toArray(const QStringList &path)
{
    QJsonArray array;
    for (const QString &part : path) {
        array.append(part);
    }
    return array;
}

} // namespace

QByteArray ApiError::toJson() const
{
    QJsonObject body;
    body.insert(u"type"_s, type);
    body.insert(u"message"_s, message);
    body.insert(u"hint"_s, hint.isUndefined() ? QJsonValue(QJsonValue::Null) : hint);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ApiError ApiError::paramMissing(const QStringList &path, const QJsonObject &extraHint)
{
    QJsonObject hint = extraHint;
    hint.insert(u"in"_s, toArray(path));
    return ApiError {400, u"param-missing"_s, u"Missing parameter: "_s + ednPath(path), hint};
}

ApiError ApiError::paramMalformed(
    const QStringList &path, const QJsonValue &originalInput, const QJsonObject &extraHint)
{
    QJsonObject hint = extraHint;
    hint.insert(u"in"_s, toArray(path));
    hint.insert(u"original-input"_s, originalInput);
    return ApiError {400, u"param-malformed"_s, u"Malformed parameter: "_s + ednPath(path), hint};
}

ApiError ApiError::validationFailed(const QString &dataType, const QJsonValue &input, const QJsonArray &errors)
{
    // Every error's message is lifted into the top-level message, as the server does.
    QStringList messages;
    for (const QJsonValue &error : errors) {
        const QJsonValue message = error.toObject().value(u"message");
        if (message.isString()) {
            messages.append(message.toString());
        }
    }
    QString text = u"Validation failed for "_s + dataType;
    if (!messages.isEmpty()) {
        text += u": "_s + messages.join(u", "_s);
    }
    QJsonObject hint;
    hint.insert(u"data-type"_s, dataType);
    hint.insert(u"input"_s, input);
    hint.insert(u"errors"_s, errors);
    return ApiError {400, u"validation-failed"_s, text, hint};
}

ApiError ApiError::recordNotFound(const QString &recordType, const QJsonObject &args, const QJsonObject &extraHint)
{
    QJsonObject hint = extraHint;
    hint.insert(u"args"_s, QJsonArray {args});
    hint.insert(u"record-type"_s, recordType);
    return ApiError {400, u"record-not-found"_s, u"Record not found: "_s + recordType, hint};
}

} // namespace sandbox
