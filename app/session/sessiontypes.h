#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace console {

/** One entity of a result: its namespace and id. */
struct EntityRef {
    QString ns;
    QString id;

    bool isValid() const { return !ns.isEmpty() && !id.isEmpty(); }
    friend bool operator==(const EntityRef &, const EntityRef &) = default;
};

/** A link label of a namespace and the namespace it leads to. */
struct LinkInfo {
    QString label;
    QString targetNs;
    /** True when the link points to a single entity (has-one on this side). */
    bool singular = false;
};

/** What the console knows about an app's data model, for completion and the panels' pickers. */
struct SchemaInfo {
    struct Namespace {
        QStringList attributes;
        QList<LinkInfo> links;
    };

    /** Namespace name → attributes and links, sorted by name. */
    QHash<QString, Namespace> namespaces;
    /** True when the names come from GET /admin/schema, false when they were only seen in results. */
    bool fromServer = false;
};

} // namespace console

Q_DECLARE_METATYPE(console::EntityRef)
