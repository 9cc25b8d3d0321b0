#include "editor/instaqlcompletion.h"

#include <QSet>

namespace console {

namespace {

struct Frame {
    bool isObject = true;
    /** Last complete key read in this object (the key whose value is being read). */
    QString key;
    /** Whether the next string in this object is a key. */
    bool expectKey = true;
};

const QStringList &optionNames()
{
    static const QStringList names {QStringLiteral("where"), QStringLiteral("order"), QStringLiteral("limit"),
        QStringLiteral("first"), QStringLiteral("last"), QStringLiteral("offset"), QStringLiteral("before"),
        QStringLiteral("after"), QStringLiteral("beforeInclusive"), QStringLiteral("afterInclusive"),
        QStringLiteral("aggregate"), QStringLiteral("fields")};
    return names;
}

const QStringList &whereOperators()
{
    static const QStringList names {QStringLiteral("$in"), QStringLiteral("$not"), QStringLiteral("$ne"),
        QStringLiteral("$isNull"), QStringLiteral("$gt"), QStringLiteral("$gte"), QStringLiteral("$lt"),
        QStringLiteral("$lte"), QStringLiteral("$like"), QStringLiteral("$ilike")};
    return names;
}

QStringList attributesOf(const SchemaInfo &schema, const QString &ns)
{
    QStringList result = schema.namespaces.value(ns).attributes;
    if (!result.contains(QStringLiteral("id"))) {
        result.append(QStringLiteral("id"));
    }
    return result;
}

QStringList linksOf(const SchemaInfo &schema, const QString &ns)
{
    QStringList result;
    for (const LinkInfo &link : schema.namespaces.value(ns).links) {
        result.append(link.label);
    }
    return result;
}

QString linkTarget(const SchemaInfo &schema, const QString &ns, const QString &label)
{
    for (const LinkInfo &link : schema.namespaces.value(ns).links) {
        if (link.label == label) {
            return link.targetNs;
        }
    }
    return {};
}

QStringList filtered(QStringList names, const QString &prefix)
{
    names.removeDuplicates();
    QStringList result;
    for (const QString &name : names) {
        if (name.startsWith(prefix, Qt::CaseInsensitive) && name != prefix) {
            result.append(name);
        }
    }
    result.sort(Qt::CaseInsensitive);
    return result;
}

} // namespace

CompletionContext instaqlContextAt(QStringView text, qsizetype cursor)
{
    cursor = std::clamp<qsizetype>(cursor, 0, text.size());
    QList<Frame> stack;
    CompletionContext context;
    context.prefixStart = cursor;

    qsizetype i = 0;
    while (i < cursor) {
        const QChar c = text.at(i);
        if (c == u'"') {
            // Read the string up to its end or the cursor.
            const qsizetype start = i + 1;
            qsizetype j = start;
            bool closed = false;
            while (j < cursor) {
                if (text.at(j) == u'\\') {
                    j += 2;
                    continue;
                }
                if (text.at(j) == u'"') {
                    closed = true;
                    break;
                }
                ++j;
            }
            const bool isKey = !stack.isEmpty() && stack.last().isObject && stack.last().expectKey;
            if (!closed) {
                context.inString = true;
                context.inKey = isKey;
                context.prefix = text.mid(start, cursor - start).toString();
                context.prefixStart = start;
                break;
            }
            if (isKey) {
                stack.last().key = text.mid(start, j - start).toString();
                stack.last().expectKey = false;
            }
            i = j + 1;
            continue;
        }
        if (c == u'{') {
            stack.append(Frame {true, {}, true});
        } else if (c == u'[') {
            stack.append(Frame {false, {}, false});
        } else if (c == u'}' || c == u']') {
            if (!stack.isEmpty()) {
                stack.removeLast();
            }
        } else if (c == u',') {
            if (!stack.isEmpty() && stack.last().isObject) {
                stack.last().expectKey = true;
                stack.last().key.clear();
            }
        }
        ++i;
    }

    if (!context.inString) {
        context.inKey = !stack.isEmpty() && stack.last().isObject && stack.last().expectKey;
    }

    // The path is every enclosing object's current key, except the innermost one while typing a key.
    for (qsizetype f = 0; f < stack.size(); ++f) {
        const Frame &frame = stack.at(f);
        const bool innermost = f == stack.size() - 1;
        if (!frame.isObject) {
            context.path.append(QStringLiteral("[]"));
            continue;
        }
        if (innermost && context.inKey) {
            break;
        }
        if (f > 0 || !frame.key.isEmpty()) {
            context.path.append(frame.key);
        }
    }
    return context;
}

QStringList instaqlCandidates(const CompletionContext &context, const SchemaInfo &schema)
{
    const QStringList &path = context.path;
    if (path.isEmpty()) {
        if (!context.inKey) {
            return {};
        }
        QStringList names = schema.namespaces.keys();
        names.append(QStringLiteral("$$ruleParams"));
        return filtered(names, context.prefix);
    }

    // Walk the path: namespace, then links, then into "$" and its options.
    enum class Mode {
        Node,
        Options,
        Where,
        WhereAttribute,
        Order,
        Fields,
        Other,
    };
    QString ns = path.first();
    Mode mode = ns.startsWith(QLatin1String("$$")) ? Mode::Other : Mode::Node;
    for (qsizetype i = 1; i < path.size(); ++i) {
        const QString &key = path.at(i);
        switch (mode) {
        case Mode::Node:
            if (key == QLatin1String("$")) {
                mode = Mode::Options;
            } else {
                ns = linkTarget(schema, ns, key);
            }
            break;
        case Mode::Options:
            if (key == QLatin1String("where")) {
                mode = Mode::Where;
            } else if (key == QLatin1String("order")) {
                mode = Mode::Order;
            } else if (key == QLatin1String("fields")) {
                mode = Mode::Fields;
            } else {
                mode = Mode::Other;
            }
            break;
        case Mode::Where:
            if (key == QLatin1String("or") || key == QLatin1String("and") || key == QLatin1String("[]")) {
                mode = Mode::Where;
            } else {
                mode = Mode::WhereAttribute;
            }
            break;
        case Mode::Fields:
            mode = key == QLatin1String("[]") ? Mode::Fields : Mode::Other;
            break;
        case Mode::WhereAttribute:
        case Mode::Order:
        case Mode::Other:
            mode = Mode::Other;
            break;
        }
    }

    if (context.inKey) {
        switch (mode) {
        case Mode::Node: {
            QStringList names = linksOf(schema, ns);
            names.append(QStringLiteral("$"));
            return filtered(names, context.prefix);
        }
        case Mode::Options:
            return filtered(optionNames(), context.prefix);
        case Mode::Where: {
            QStringList names = attributesOf(schema, ns);
            names.append(linksOf(schema, ns));
            names.append({QStringLiteral("or"), QStringLiteral("and")});
            return filtered(names, context.prefix);
        }
        case Mode::WhereAttribute:
            return filtered(whereOperators(), context.prefix);
        case Mode::Order: {
            QStringList names = attributesOf(schema, ns);
            names.removeAll(QStringLiteral("id"));
            names.append(QStringLiteral("serverCreatedAt"));
            return filtered(names, context.prefix);
        }
        case Mode::Fields:
        case Mode::Other:
            return {};
        }
        return {};
    }

    if (!context.inString) {
        return {};
    }
    if (mode == Mode::Fields) {
        return filtered(attributesOf(schema, ns), context.prefix);
    }
    // A string value directly under "order" is the direction; under "$" → "aggregate" it is "count".
    if (path.size() >= 2 && path.at(path.size() - 2) == QLatin1String("order")) {
        return filtered({QStringLiteral("asc"), QStringLiteral("desc")}, context.prefix);
    }
    if (path.last() == QLatin1String("aggregate")) {
        return filtered({QStringLiteral("count")}, context.prefix);
    }
    return {};
}

} // namespace console
