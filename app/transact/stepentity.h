#pragma once

#include <expected>

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

#include "typedvalue.h"

namespace console {

/**
 * How a step names its entity (spec §7.1): a UUID, or a lookup through a unique attribute written as
 * a pair, a single-key object or an encoded lookup__attr__json string. A ref lookup is a pair whose
 * attribute is "label.id".
 */
struct StepEntity {
    Q_DECLARE_TR_FUNCTIONS(console::StepEntity)

public:
    enum class Form {
        Id,
        LookupPair,
        LookupObject,
        LookupString,
    };

    Form form = Form::Id;
    QString id;
    QString attribute;
    TypedValue value;

    std::expected<QJsonValue, QString> toJson() const;
    /** Reads any eid form back; unknown shapes give an error. */
    static std::expected<StepEntity, QString> fromJson(const QJsonValue &json);

    static StepEntity withNewId();
    static StepEntity withId(const QString &id);
    /** Canonical lower-case form of a UUID the way the server prints it, or nothing if malformed. */
    static std::optional<QString> normalizedUuid(QStringView text);

    friend bool operator==(const StepEntity &, const StepEntity &) = default;
};

} // namespace console
