#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace sandbox {

/**
 * An error as the Admin HTTP API reports it: the HTTP status and the JSON body
 * {"type":…,"message":…,"hint":…}. The `hint` key is always written, as `null` when empty.
 */
struct ApiError {
    int status = 400;
    QString type;
    QString message;
    QJsonValue hint = QJsonValue::Null;

    /** The compact JSON body. */
    QByteArray toJson() const;

    /** `Missing parameter: ["body" "query"]`, hint {"in":[…]} plus any extra hint keys. */
    static ApiError paramMissing(const QStringList &path, const QJsonObject &extraHint = {});
    /** `Malformed parameter: […]`, hint {"in":[…],"original-input":…} plus any extra hint keys. */
    static ApiError paramMalformed(
        const QStringList &path, const QJsonValue &originalInput, const QJsonObject &extraHint = {});
    /** `Validation failed for <dataType>[: messages]`, hint {"data-type","input","errors"}. */
    static ApiError validationFailed(const QString &dataType, const QJsonValue &input, const QJsonArray &errors);
    /** `Record not found: <recordType>`, hint {"args":[args], "record-type":…} plus any extra hint keys. */
    static ApiError recordNotFound(
        const QString &recordType, const QJsonObject &args, const QJsonObject &extraHint = {});
};

} // namespace sandbox
