#pragma once

#include <expected>

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>

#include "stepentity.h"
#include "typedvalue.h"

namespace console {

/** Which part of a step a validation error belongs to, so the builder can mark that field. */
struct StepError {
    enum class Field {
        Operation,
        Namespace,
        Entity,
        Attributes,
    };
    Field field = Field::Operation;
    /** Row in the attribute grid for Field::Attributes, -1 for the raw JSON text or the grid as a whole. */
    int attributeRow = -1;
    QString message;
};

/** One InstaML step as the builder edits it (spec §7.1); toJson() yields exactly what is sent. */
struct TxStep {
    Q_DECLARE_TR_FUNCTIONS(console::TxStep)

public:
    enum class Op {
        Update,
        Merge,
        Create,
        Delete,
        Link,
        Unlink,
        RuleParams,
    };

    struct Attribute {
        QString key;
        TypedValue value;
        friend bool operator==(const Attribute &, const Attribute &) = default;
    };

    Op op = Op::Update;
    QString ns;
    StepEntity entity;
    QList<Attribute> attributes;
    /** When set, rawAttributes (a JSON object text) replaces the grid. */
    bool useRawAttributes = false;
    QString rawAttributes;
    /** update/merge only: adds {"upsert": false} so a missing entity is an error instead of created. */
    bool strict = false;

    std::expected<QJsonArray, StepError> toJson() const;
    static std::expected<TxStep, QString> fromJson(const QJsonArray &json);

    /** The wire name ("update", "ruleParams" …). */
    static QString opName(Op op);
    static std::optional<Op> opFromName(QStringView name);
    static QList<Op> allOps();
    /** Link and unlink take labels → targets instead of attributes. */
    static bool takesLinks(Op op) { return op == Op::Link || op == Op::Unlink; }
    static bool takesAttributes(Op op) { return op != Op::Delete; }

    friend bool operator==(const TxStep &, const TxStep &) = default;
};

} // namespace console
