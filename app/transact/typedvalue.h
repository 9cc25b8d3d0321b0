#pragma once

#include <expected>

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace console {

/**
 * A value as the user types it into a key/value grid: a type chosen from a short list and the text.
 * Converting to JSON validates the text for that type, so each cell can show its own error.
 */
struct TypedValue {
    Q_DECLARE_TR_FUNCTIONS(console::TypedValue)

public:
    enum class Type {
        String,
        Number,
        Boolean,
        Null,
        Json,
    };

    Type type = Type::String;
    QString text;

    /** The JSON value the text stands for, or a translated reason why it does not parse. */
    std::expected<QJsonValue, QString> toJson() const;

    /** The natural type and text for an existing value (objects and arrays become Json). */
    static TypedValue fromJson(const QJsonValue &value);

    /** Translated type names in enum order, for combo boxes. */
    static QStringList typeNames();
    static QString typeName(Type type);
    /** Stable untranslated identifier ("string", "number" …), e.g. for settings and tests. */
    static QString typeId(Type type);
    static std::optional<Type> typeFromId(QStringView id);

    friend bool operator==(const TypedValue &, const TypedValue &) = default;
};

} // namespace console
