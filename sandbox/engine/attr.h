#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace sandbox {

/** One attribute of an app's schema: a label on a namespace, or a link between two namespaces. */
struct Attr {
    QUuid id;
    QUuid forwardIdentId;
    QString etype;
    QString label;
    QUuid reverseIdentId; // refs only
    QString reverseEtype;
    QString reverseLabel;
    bool isRef = false;
    bool cardinalityMany = false;
    bool unique = false;
    bool indexed = false;
    bool required = false;
    QString checkedDataType; // string, number, boolean, date or empty
    QString onDelete; // "cascade" or empty
    QString onDeleteReverse; // "cascade" or empty
    QStringList inferredTypes;
    bool system = false;
    qint64 deletionMarkedAt = 0; // epoch ms; 0 while the attribute is live
    QJsonObject metadata;

    bool isDeleted() const { return deletionMarkedAt != 0; }
    /** `etype.label`, the server's fwd-friendly-name. */
    QString friendlyName() const { return etype + u'.' + label; }

    /** The shape of GET /admin/schema and of add-attr steps. */
    QJsonObject toJson() const;
    /** Everything toJson() writes plus the soft-delete bookkeeping, for the database. */
    QJsonObject toStorageJson() const;
    static Attr fromJson(const QJsonObject &json);
};

} // namespace sandbox
