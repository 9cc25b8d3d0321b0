#include "instaqlevaluator.h"

#include "jsonutil.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace sandbox {

namespace {

// Thrown while validating; caught once in InstaqlEvaluator::run().
struct QueryFailure {
    ApiError error;
};

enum class Op {
    Eq,
    In,
    Not,
    IsNull,
    NotNull,
    Gt,
    Gte,
    Lt,
    Lte,
    Like,
    Ilike,
    IdPrefix,
};

struct Hop {
    const Attr *attr = nullptr;
    bool forward = true;
};

struct Cond {
    enum class Kind {
        And,
        Or,
        Leaf,
    };
    Kind kind = Kind::Leaf;
    QList<Cond> children;

    // Leaf: the links to follow, then the attribute whose values are tested.
    bool resolvable = true;
    QList<Hop> hops;
    Hop target;
    bool isId = false;
    Op op = Op::Eq;
    QJsonValue value;
    QJsonArray values;
};

struct Form {
    QString key;
    QString etype; // empty when the link or namespace is unknown
    const Attr *link = nullptr;
    bool linkForward = true;
    QJsonArray in;
    int level = 0;

    QList<Cond> where;
    bool hasOrder = false;
    QString orderKey;
    bool desc = false;
    qint64 limit = 0;
    qint64 first = 0;
    qint64 last = 0;
    std::optional<qint64> offset;
    std::optional<QJsonArray> after;
    std::optional<QJsonArray> before;
    bool afterInclusive = false;
    bool beforeInclusive = false;
    bool aggregateCount = false;
    std::optional<QStringList> fields;
    QList<Form> children;
};

QJsonArray appended(QJsonArray array, std::initializer_list<QJsonValue> items)
{
    for (const QJsonValue &item : items) {
        array.append(item);
    }
    return array;
}

bool isPositiveInt(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == std::floor(value.toDouble()) && value.toDouble() > 0;
}

QString likeToRegex(const QString &pattern)
{
    QString regex;
    for (const QChar c : pattern) {
        if (c == u'%') {
            regex += u".*"_s;
        } else if (c == u'_') {
            regex += u'.';
        } else {
            regex += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression::anchoredPattern(regex);
}

class Evaluator {
public:
    Evaluator(const AppData &data, const QueryOptions &options, const Store::FileUrlBuilder &urlBuilder)
        : m_data(data)
        , m_options(options)
        , m_urlBuilder(urlBuilder)
    { }

    QueryResult run(const QJsonObject &query)
    {
        m_root = query;
        m_root.remove(u"$$ruleParams"_s);
        const QList<Form> forms = parseForms(m_root, {}, QString(), 0);
        QueryResult result;
        for (const Form &form : forms) {
            result.tree.insert(form.key, evaluateTop(form, result));
        }
        return result;
    }

private:
    [[noreturn]] void fail(const QJsonArray &errors) const
    {
        throw QueryFailure {ApiError::validationFailed(u"query"_s, m_root, errors)};
    }

    [[noreturn]] void fail(const QString &expected, const QJsonArray &in, const QString &message,
        const QString &expectedKey = u"expected"_s) const
    {
        QJsonObject error;
        error.insert(expectedKey, expected);
        error.insert(u"in"_s, in);
        if (!message.isEmpty()) {
            error.insert(u"message"_s, message);
        }
        fail(QJsonArray {error});
    }

    // ---- parsing -------------------------------------------------------------------------------

    QList<Form> parseForms(const QJsonObject &object, const QJsonArray &in, const QString &parentEtype, int level)
    {
        QList<Form> forms;
        for (auto it = object.begin(); it != object.end(); ++it) {
            Form form;
            form.key = it.key();
            form.in = appended(in, {it.key()});
            form.level = level;
            if (level == 0) {
                form.etype = it.key();
            } else if (!parentEtype.isEmpty()) {
                if (const Attr *fwd = m_data.seekForward(parentEtype, it.key()); fwd && fwd->isRef) {
                    form.link = fwd;
                    form.etype = fwd->reverseEtype;
                } else if (const Attr *rev = m_data.seekReverse(parentEtype, it.key())) {
                    form.link = rev;
                    form.linkForward = false;
                    form.etype = rev->etype;
                }
            }
            if (!it.value().isObject()) {
                fail(u"map?"_s, form.in, {});
            }
            const QJsonObject node = it.value().toObject();
            const QJsonValue options = node.value(u"$");
            if (!options.isUndefined() && !options.isNull() && !options.isObject()) {
                fail(u"map?"_s, appended(form.in, {u"$"_s}), {});
            }
            parseOptions(form, options.toObject());
            QJsonObject children = node;
            children.remove(u"$"_s);
            form.children = parseForms(children, form.in, form.etype, level + 1);
            forms.append(form);
        }
        return forms;
    }

    void parseOptions(Form &form, QJsonObject options)
    {
        const QJsonArray optionsIn = appended(form.in, {u"$"_s});
        auto present = [&](const char16_t *key) {
            const QJsonValue value = options.value(QStringView(key));
            return !value.isUndefined() && !value.isNull() && !(value.isBool() && !value.toBool());
        };

        if (options.contains(u"where"_s) && !options.value(u"where").isNull()) {
            const QJsonValue where = options.value(u"where");
            if (!where.isObject()) {
                fail(u"map?"_s, appended(optionsIn, {u"where"_s}), {});
            }
            form.where = parseWhere(form, where.toObject(), optionsIn);
        }
        if (options.contains(u"order"_s) && !options.value(u"order").isNull()) {
            const QJsonValue order = options.value(u"order");
            const QJsonArray orderIn = appended(optionsIn, {u"order"_s});
            if (!order.isObject()) {
                fail(u"map?"_s, orderIn, {});
            }
            const QJsonObject map = order.toObject();
            if (map.size() > 1) {
                fail(u"single-key?"_s, orderIn,
                    u"We only support a single key in the `order` clause. Got %1."_s.arg(map.keys().join(u',')));
            }
            if (map.size() == 1) {
                const QJsonValue direction = map.begin().value();
                if (direction != u"asc"_s && direction != u"desc"_s) {
                    fail(u"valid-direction?"_s, appended(orderIn, {map.begin().key()}),
                        u"We only support \"asc\" or \"desc\" in the `order` clause. Got %1."_s.arg(
                            jsonutil::toText(direction)));
                }
                form.hasOrder = true;
                form.orderKey = map.begin().key();
                form.desc = direction == u"desc"_s;
            }
        }
        auto positive = [&](const char16_t *key, const QString &what, qint64 &target) {
            if (!present(key)) {
                return;
            }
            const QJsonValue value = options.value(QStringView(key));
            if (!isPositiveInt(value)) {
                fail(u"supported-options?"_s, appended(optionsIn, {QString::fromUtf16(key)}),
                    u"The %1 field must be a positive integer. Got %2."_s.arg(what, jsonutil::toText(value)));
            }
            target = qint64(value.toDouble());
        };
        positive(u"limit", u"limit"_s, form.limit);
        positive(u"first", u"first"_s, form.first);
        positive(u"last", u"last"_s, form.last);
        if (present(u"offset")) {
            const QJsonValue value = options.value(u"offset");
            if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()) || value.toDouble() < 0) {
                fail(u"supported-options?"_s, appended(optionsIn, {u"offset"_s}),
                    u"The offset field must be a non-negative integer. Got %1."_s.arg(jsonutil::toText(value)));
            }
            form.offset = qint64(value.toDouble());
        }
        if (present(u"after")) {
            form.after = parseCursor(options.value(u"after"), appended(optionsIn, {u"after"_s}));
        }
        if (options.contains(u"afterInclusive"_s) && !options.value(u"afterInclusive").isNull()) {
            const QJsonValue value = options.value(u"afterInclusive");
            if (!value.isBool()) {
                fail(u"boolean?"_s, appended(optionsIn, {u"afterInclusive"_s}), {});
            }
            form.afterInclusive = value.toBool();
        }
        if (present(u"before")) {
            form.before = parseCursor(options.value(u"before"), appended(optionsIn, {u"before"_s}));
        }
        if (options.contains(u"beforeInclusive"_s) && !options.value(u"beforeInclusive").isNull()) {
            const QJsonValue value = options.value(u"beforeInclusive");
            if (!value.isBool()) {
                fail(u"boolean?"_s, appended(optionsIn, {u"beforeInclusive"_s}), {});
            }
            form.beforeInclusive = value.toBool();
        }
        if (present(u"aggregate")) {
            const QJsonValue value = options.value(u"aggregate");
            if (value != u"count"_s) {
                fail(u"supported-options?"_s, appended(optionsIn, {u"aggregate"_s}),
                    u"The aggregate field only accepts \"count\", got %1."_s.arg(jsonutil::toText(value)));
            }
            form.aggregateCount = true;
        }
        const QJsonValue fields = options.value(u"fields");
        if (present(u"fields")) {
            if (!fields.isArray()) {
                fail(u"array?"_s, appended(optionsIn, {u"fields"_s}),
                    u"The `fields` property should be an array of field names."_s);
            }
            QStringList names;
            for (const QJsonValue &name : fields.toArray()) {
                names.append(name.toString());
            }
            form.fields = names;
        }

        for (const char16_t *key : {u"where", u"order", u"limit", u"first", u"last", u"offset", u"before", u"after",
                 u"beforeInclusive", u"afterInclusive", u"aggregate", u"fields"}) {
            options.remove(QString::fromUtf16(key));
        }
        if (!options.isEmpty()) {
            fail(u"supported-options?"_s, optionsIn,
                u"We only support `where`, `order`, `limit`, `offset`, `before`, and `after` clauses."_s);
        }
        if (form.level > 0 && (form.offset || form.after || form.before)) {
            fail(u"supported-options?"_s, optionsIn,
                u"We currently only support `offset`, `before`, and `after` clauses on the top-level field. "
                u"Limit fields will be ignored"_s);
        }
        QStringList limits;
        if (form.limit) {
            limits.append(u"`limit`"_s);
        }
        if (form.first) {
            limits.append(u"`first`"_s);
        }
        if (form.last) {
            limits.append(u"`last`"_s);
        }
        if (limits.size() > 1) {
            fail(u"supported-options?"_s, optionsIn, u"Only provide one of %1."_s.arg(limits.join(u" or "_s)));
        }
    }

    QJsonArray parseCursor(const QJsonValue &value, const QJsonArray &in)
    {
        auto err = [&](const QString &message) { fail(u"join-row?"_s, in, message); };
        if (!value.isArray()) {
            err(u"Expected a join row for the cursor, got %1."_s.arg(jsonutil::toText(value)));
        }
        const QJsonArray cursor = value.toArray();
        if (cursor.size() != 3 && cursor.size() != 4) {
            err(u"Expected a join row with 4 items for the cursor, got %1."_s.arg(jsonutil::toText(value)));
        }
        if (!jsonutil::parseUuid(cursor.at(1))) {
            err(u"Expected a join row with a uuid attribute id in the second position, got %1."_s.arg(
                jsonutil::toText(cursor.at(1))));
        }
        if (cursor.size() == 4 && !cursor.at(3).isNull()
            && !(cursor.at(3).isDouble() && cursor.at(3).toDouble() == std::floor(cursor.at(3).toDouble()))) {
            err(u"Expected a join row with an integer created_at in the last position, got %1."_s.arg(
                jsonutil::toText(cursor.at(3))));
        }
        return cursor;
    }

    QList<Cond> parseWhere(const Form &form, const QJsonObject &where, const QJsonArray &optionsIn)
    {
        QList<Cond> conds;
        for (auto it = where.begin(); it != where.end(); ++it) {
            const QString key = it.key();
            const QJsonValue value = it.value();
            if ((key == u"or"_s || key == u"and"_s) && value.isArray()) {
                Cond group;
                group.kind = key == u"or"_s ? Cond::Kind::Or : Cond::Kind::And;
                for (const QJsonValue &clause : value.toArray()) {
                    if (!clause.isObject()) {
                        fail(u"map?"_s, appended(optionsIn, {key}), {});
                    }
                    Cond inner;
                    inner.kind = Cond::Kind::And;
                    inner.children = parseWhere(form, clause.toObject(), optionsIn);
                    group.children.append(inner);
                }
                if (group.children.isEmpty()) {
                    fail(u"non-empty-list?"_s, appended(optionsIn, {key}),
                        u"The list of `%1` conditions can't be empty."_s.arg(key));
                }
                conds.append(group);
                continue;
            }
            if (key == u"$entityIdStartsWith"_s) {
                Cond cond;
                cond.op = Op::IdPrefix;
                cond.isId = true;
                cond.value = value;
                conds.append(cond);
                continue;
            }
            if (value.isObject() && value.toObject().size() > 1) {
                // Several operators on one key: each one must hold.
                Cond group;
                group.kind = Cond::Kind::And;
                const QJsonObject ops = value.toObject();
                for (auto op = ops.begin(); op != ops.end(); ++op) {
                    group.children.append(parseLeaf(form, key, QJsonObject {{op.key(), op.value()}}));
                }
                conds.append(group);
                continue;
            }
            conds.append(parseLeaf(form, key, value));
        }
        return conds;
    }

    Cond parseLeaf(const Form &form, const QString &key, const QJsonValue &value)
    {
        Cond cond;
        const QStringList path = key.split(u'.');
        QString etype = form.etype;
        for (qsizetype i = 0; i + 1 < path.size(); ++i) {
            const Attr *fwd = etype.isEmpty() ? nullptr : m_data.seekForward(etype, path.at(i));
            const Attr *rev = etype.isEmpty() ? nullptr : m_data.seekReverse(etype, path.at(i));
            if (!fwd && !rev) {
                cond.resolvable = false;
                etype.clear();
                continue;
            }
            const Attr *attr = fwd ? fwd : rev;
            if (!attr->isRef) {
                throw QueryFailure {ApiError::validationFailed(u"attr"_s, attr->toJson(),
                    QJsonArray {QJsonObject {{u"message"_s, u"%1.%2 needs to be a link"_s.arg(etype, path.at(i))}}})};
            }
            cond.hops.append(Hop {attr, fwd != nullptr});
            etype = fwd ? attr->reverseEtype : attr->etype;
        }
        const QString label = path.last();
        const QJsonArray valueIn = appended(form.in, {u"$"_s, u"where"_s, label});
        if (label == u"id"_s) {
            cond.isId = true;
        } else if (!etype.isEmpty()) {
            if (const Attr *fwd = m_data.seekForward(etype, label)) {
                cond.target = Hop {fwd, true};
            } else if (const Attr *rev = m_data.seekReverse(etype, label)) {
                cond.target = Hop {rev, false};
            } else {
                cond.resolvable = false;
            }
        } else {
            cond.resolvable = false;
        }

        if (!value.isObject()) {
            cond.op = Op::Eq;
            cond.value = value;
        } else {
            const QJsonObject ops = value.toObject();
            const QString op = ops.isEmpty() ? QString() : ops.begin().key();
            const QJsonValue arg = ops.isEmpty() ? QJsonValue() : ops.begin().value();
            cond.value = arg;
            if (op == u"$in"_s || op == u"in"_s) {
                cond.op = Op::In;
                cond.values = arg.isArray() ? arg.toArray() : QJsonArray {arg};
            } else if (op == u"$not"_s || op == u"$ne"_s) {
                cond.op = Op::Not;
            } else if (op == u"$isNull"_s) {
                cond.op = arg.toBool() ? Op::IsNull : Op::NotNull;
            } else if (op == u"$gt"_s) {
                cond.op = Op::Gt;
            } else if (op == u"$gte"_s) {
                cond.op = Op::Gte;
            } else if (op == u"$lt"_s) {
                cond.op = Op::Lt;
            } else if (op == u"$lte"_s) {
                cond.op = Op::Lte;
            } else if (op == u"$like"_s) {
                cond.op = Op::Like;
            } else if (op == u"$ilike"_s) {
                cond.op = Op::Ilike;
            } else if (op == u"$entityIdStartsWith"_s) {
                cond.op = Op::IdPrefix;
            } else {
                // Not an operator map: an object value compared as a whole.
                cond.op = Op::Eq;
                cond.value = value;
            }
        }
        if (cond.resolvable && cond.target.attr) {
            checkValue(cond, *cond.target.attr, valueIn, label);
        }
        return cond;
    }

    QString typeOfValue(const QJsonValue &value) const { return jsonutil::typeName(value); }

    void checkValue(Cond &cond, const Attr &attr, const QJsonArray &valueIn, const QString &label)
    {
        const bool comparison = cond.op == Op::Gt || cond.op == Op::Gte || cond.op == Op::Lt || cond.op == Op::Lte
            || cond.op == Op::Like || cond.op == Op::Ilike;
        if (attr.isRef) {
            auto uuidError = [&](const QJsonValue &v) {
                fail(u"uuid?"_s, valueIn, u"Expected %1 to be a uuid, got %2"_s.arg(label, jsonutil::toText(v)));
            };
            if (cond.op == Op::Eq && !jsonutil::parseUuid(cond.value)) {
                uuidError(cond.value);
            }
            if (cond.op == Op::Not && !jsonutil::parseUuid(cond.value)) {
                uuidError(QJsonObject {{u"$not"_s, cond.value}});
            }
            if (cond.op == Op::In) {
                for (const QJsonValue &v : std::as_const(cond.values)) {
                    if (!jsonutil::parseUuid(v)) {
                        fail(u"uuid?"_s, valueIn,
                            u"Expected %1 to match on a uuid, found %2 in %3"_s.arg(
                                label, jsonutil::toText(v), jsonutil::toText(cond.values)));
                    }
                }
            }
            return;
        }
        if (comparison) {
            const QString opName = cond.op == Op::Gt ? u"$gt"_s
                : cond.op == Op::Gte                 ? u"$gte"_s
                : cond.op == Op::Lt                  ? u"$lt"_s
                : cond.op == Op::Lte                 ? u"$lte"_s
                : cond.op == Op::Like                ? u"$like"_s
                                                     : u"$ilike"_s;
            if (!attr.indexed) {
                fail(u"indexed?"_s, valueIn,
                    u"The `%1` attribute must be indexed to use comparison operators."_s.arg(attr.friendlyName()),
                    u"expected?"_s);
            }
            if (attr.checkedDataType.isEmpty()) {
                fail(u"checked-data-type?"_s, valueIn,
                    u"The `%1` attribute must have an enforced type to use comparison operators."_s.arg(
                        attr.friendlyName()),
                    u"expected?"_s);
            }
            const QJsonArray opIn = appended(valueIn, {opName});
            if ((cond.op == Op::Like || cond.op == Op::Ilike) && !cond.value.isString()) {
                fail(u"string?"_s, opIn,
                    u"The $like value for `%1` must be a string, but the query got the value `%2` of type `%3`."_s.arg(
                        attr.friendlyName(), jsonutil::toText(cond.value), typeOfValue(cond.value)),
                    u"expected?"_s);
            }
            checkTyped(attr, cond.value, opIn);
            return;
        }
        if (attr.checkedDataType.isEmpty()) {
            return;
        }
        if (cond.op == Op::Eq || cond.op == Op::Not) {
            checkTyped(attr, cond.value, valueIn);
        } else if (cond.op == Op::In) {
            for (const QJsonValue &v : std::as_const(cond.values)) {
                checkTyped(attr, v, valueIn);
            }
        }
    }

    void checkTyped(const Attr &attr, const QJsonValue &value, const QJsonArray &in)
    {
        const QString type = attr.checkedDataType;
        if (value.isNull() || value.isUndefined()) {
            return;
        }
        auto invalid = [&] {
            fail(type + u'?', in,
                u"The data type of `%1` is `%2`, but the query got the value `%3` of type `%4`."_s.arg(
                    attr.friendlyName(), type, jsonutil::toText(value), typeOfValue(value)),
                u"expected?"_s);
        };
        if (type == u"date"_s) {
            if (value.isDouble()) {
                return;
            }
            if (!value.isString()) {
                invalid();
            }
            static const QStringList relative {u"tomorrow"_s, u"now"_s, u"yesterday"_s, u"today"_s};
            if (relative.contains(value.toString()) || !jsonutil::parseDate(value)) {
                fail(u"date-string?"_s, in,
                    u"The data type of `%1` is `date`, but the query got value `%2` of type `%3`."_s.arg(
                        attr.friendlyName(), jsonutil::toText(value), typeOfValue(value)),
                    u"expected?"_s);
            }
            return;
        }
        if ((type == u"string"_s && !value.isString()) || (type == u"number"_s && !value.isDouble())
            || (type == u"boolean"_s && !value.isBool())) {
            invalid();
        }
    }

    // ---- evaluation ----------------------------------------------------------------------------

    // An app without rules falls back to Instant's defaults for system namespaces: a user sees
    // only their own $users row, and every other system namespace ($files included) is hidden.
    bool visible(const QUuid &entityId, const QString &etype) const
    {
        if (m_options.identity.kind == Identity::Kind::Admin || !etype.startsWith(u'$')) {
            return true;
        }
        if (etype == u"$users"_s) {
            return m_options.identity.kind == Identity::Kind::User && entityId == m_options.identity.userId;
        }
        return false;
    }

    QList<QUuid> follow(const QUuid &entityId, const Hop &hop) const
    {
        QList<QUuid> result;
        if (hop.forward) {
            for (const TripleValue &v : m_data.values(entityId, hop.attr->id)) {
                if (const auto uuid = jsonutil::parseUuid(v.value)) {
                    result.append(*uuid);
                }
            }
        } else {
            const QSet<QUuid> sources
                = m_data.entitiesWithValue(hop.attr->id, jsonutil::toText(jsonutil::uuidText(entityId)));
            result = QList<QUuid>(sources.begin(), sources.end());
        }
        return result;
    }

    // The values a leaf tests on one reached entity.
    QList<QJsonValue> leafValues(const Cond &cond, const QUuid &entityId) const
    {
        if (cond.isId) {
            return {jsonutil::uuidText(entityId)};
        }
        QList<QJsonValue> values;
        if (cond.target.attr->isRef) {
            for (const QUuid &id : follow(entityId, cond.target)) {
                values.append(jsonutil::uuidText(id));
            }
            return values;
        }
        for (const TripleValue &v : m_data.values(entityId, cond.target.attr->id)) {
            values.append(v.value);
        }
        return values;
    }

    QJsonValue comparable(const Cond &cond, const QJsonValue &value) const
    {
        if (cond.isId || (cond.target.attr && cond.target.attr->isRef)) {
            if (const auto uuid = jsonutil::parseUuid(value)) {
                return jsonutil::uuidText(*uuid);
            }
            return value;
        }
        if (cond.target.attr && cond.target.attr->checkedDataType == u"date"_s && !value.isNull()) {
            if (const auto ms = jsonutil::parseDate(value)) {
                return double(*ms);
            }
        }
        return value;
    }

    bool equal(const Cond &cond, const QJsonValue &stored, const QJsonValue &wanted) const
    {
        return jsonutil::toText(comparable(cond, stored)) == jsonutil::toText(comparable(cond, wanted));
    }

    bool matchLeaf(const Cond &cond, const QUuid &entityId) const
    {
        if (cond.op == Op::IdPrefix && cond.hops.isEmpty()) {
            return jsonutil::uuidText(entityId).startsWith(cond.value.toString());
        }
        if (!cond.resolvable) {
            return false;
        }
        // Walk the links; a hop that leads nowhere makes the path null.
        QList<QUuid> current {entityId};
        bool brokenPath = false;
        for (const Hop &hop : cond.hops) {
            QList<QUuid> next;
            for (const QUuid &id : std::as_const(current)) {
                const QList<QUuid> targets = follow(id, hop);
                if (targets.isEmpty()) {
                    brokenPath = true;
                }
                next.append(targets);
            }
            current = next;
        }
        bool anyMissing = brokenPath;
        for (const QUuid &id : std::as_const(current)) {
            const QList<QJsonValue> values = leafValues(cond, id);
            bool hasNonNull = false;
            for (const QJsonValue &v : values) {
                hasNonNull = hasNonNull || !v.isNull();
            }
            if (!hasNonNull) {
                anyMissing = true;
            }
            if (matchValues(cond, values, id)) {
                return true;
            }
        }
        if (cond.op == Op::IsNull || cond.op == Op::Not) {
            return anyMissing;
        }
        if (cond.op == Op::In && anyMissing && cond.values.contains(QJsonValue(QJsonValue::Null))) {
            return true;
        }
        return false;
    }

    bool matchValues(const Cond &cond, const QList<QJsonValue> &values, const QUuid &entityId) const
    {
        switch (cond.op) {
        case Op::Eq:
            return std::any_of(values.begin(), values.end(), [&](const auto &v) { return equal(cond, v, cond.value); });
        case Op::In:
            for (const QJsonValue &v : values) {
                for (const QJsonValue &wanted : cond.values) {
                    if (equal(cond, v, wanted)) {
                        return true;
                    }
                }
            }
            return false;
        case Op::Not:
            return std::any_of(values.begin(), values.end(),
                [&](const auto &v) { return !v.isNull() && !equal(cond, v, cond.value); });
        case Op::IsNull:
            return false;
        case Op::NotNull:
            return std::any_of(values.begin(), values.end(), [](const auto &v) { return !v.isNull(); });
        case Op::Gt:
        case Op::Gte:
        case Op::Lt:
        case Op::Lte: {
            const QJsonValue wanted = comparable(cond, cond.value);
            for (const QJsonValue &raw : values) {
                const QJsonValue v = comparable(cond, raw);
                if (v.isNull() || v.type() != wanted.type()) {
                    continue;
                }
                const int c = jsonutil::compare(v, wanted);
                if ((cond.op == Op::Gt && c > 0) || (cond.op == Op::Gte && c >= 0) || (cond.op == Op::Lt && c < 0)
                    || (cond.op == Op::Lte && c <= 0)) {
                    return true;
                }
            }
            return false;
        }
        case Op::Like:
        case Op::Ilike: {
            const QRegularExpression re(likeToRegex(cond.value.toString()),
                cond.op == Op::Ilike ? QRegularExpression::CaseInsensitiveOption : QRegularExpression::NoPatternOption);
            return std::any_of(values.begin(), values.end(),
                [&](const auto &v) { return v.isString() && re.match(v.toString()).hasMatch(); });
        }
        case Op::IdPrefix:
            return jsonutil::uuidText(entityId).startsWith(cond.value.toString());
        }
        return false;
    }

    bool matches(const QList<Cond> &conds, const QUuid &entityId) const
    {
        for (const Cond &cond : conds) {
            if (!matchCond(cond, entityId)) {
                return false;
            }
        }
        return true;
    }

    bool matchCond(const Cond &cond, const QUuid &entityId) const
    {
        switch (cond.kind) {
        case Cond::Kind::And:
            return matches(cond.children, entityId);
        case Cond::Kind::Or:
            return std::any_of(cond.children.begin(), cond.children.end(),
                [&](const Cond &child) { return matchCond(child, entityId); });
        case Cond::Kind::Leaf:
            return matchLeaf(cond, entityId);
        }
        return false;
    }

    // ---- ordering ------------------------------------------------------------------------------

    struct SortKey {
        QUuid id;
        QString idText;
        QJsonValue value; // order value; undefined when ordering by creation time
        qint64 createdAt = 0;
        qint64 valueCreatedAt = 0;
    };

    SortKey sortKey(const QUuid &id, const Attr *orderAttr) const
    {
        SortKey key;
        key.id = id;
        key.idText = jsonutil::uuidText(id);
        const Entity *entity = m_data.entity(id);
        key.createdAt = entity ? entity->createdAt : 0;
        key.valueCreatedAt = key.createdAt;
        if (orderAttr) {
            key.value = QJsonValue(QJsonValue::Null);
            const QList<TripleValue> values = m_data.values(id, orderAttr->id);
            if (!values.isEmpty()) {
                key.value = values.first().value;
                key.valueCreatedAt = values.first().createdAt;
                if (orderAttr->checkedDataType == u"date"_s) {
                    if (const auto ms = jsonutil::parseDate(key.value)) {
                        key.value = double(*ms);
                    }
                }
            }
        }
        return key;
    }

    static int compareKeys(const SortKey &a, const SortKey &b, bool byValue)
    {
        if (byValue) {
            if (const int c = jsonutil::compare(a.value, b.value)) {
                return c;
            }
        } else if (a.createdAt != b.createdAt) {
            return a.createdAt < b.createdAt ? -1 : 1;
        }
        return a.idText.compare(b.idText);
    }

    QList<SortKey> sorted(const QList<QUuid> &ids, const Attr *orderAttr, bool desc) const
    {
        QList<SortKey> keys;
        keys.reserve(ids.size());
        for (const QUuid &id : ids) {
            keys.append(sortKey(id, orderAttr));
        }
        const bool byValue = orderAttr != nullptr;
        std::sort(keys.begin(), keys.end(), [&](const SortKey &a, const SortKey &b) {
            const int c = compareKeys(a, b, byValue);
            return desc ? c > 0 : c < 0;
        });
        return keys;
    }

    // ---- tree building -------------------------------------------------------------------------

    QList<QUuid> candidates(const Form &form) const
    {
        // An equality on the entity's own attribute narrows the scan to the value index.
        std::optional<QSet<QUuid>> narrowed;
        for (const Cond &cond : form.where) {
            if (cond.kind != Cond::Kind::Leaf || !cond.resolvable || !cond.hops.isEmpty() || cond.op != Op::Eq) {
                continue;
            }
            if (cond.isId) {
                const auto uuid = jsonutil::parseUuid(cond.value);
                narrowed = uuid ? QSet<QUuid> {*uuid} : QSet<QUuid> {};
                break;
            }
            const Attr *attr = cond.target.attr;
            if (attr && cond.target.forward && attr->checkedDataType != u"date"_s) {
                narrowed = m_data.entitiesWithValue(attr->id, jsonutil::toText(comparable(cond, cond.value)));
                break;
            }
        }
        const QList<QUuid> pool
            = narrowed ? QList<QUuid>(narrowed->begin(), narrowed->end()) : m_data.etypeEntities(form.etype);
        QList<QUuid> result;
        for (const QUuid &id : pool) {
            if (m_data.inEtype(id, form.etype) && visible(id, form.etype) && matches(form.where, id)) {
                result.append(id);
            }
        }
        return result;
    }

    QJsonArray evaluateTop(const Form &form, QueryResult &result)
    {
        const bool paginates
            = form.limit || form.first || form.last || form.offset || form.before || form.after || form.hasOrder;
        if (form.aggregateCount && m_options.identity.kind != Identity::Kind::Admin) {
            fail(u"admin?"_s, appended(form.in, {u"$"_s, u"aggregate"_s}),
                u"Aggregates are currently only available for admin queries."_s);
        }
        if (form.aggregateCount && !form.children.isEmpty()) {
            fail(u"valid-query?"_s, appended(form.in, {u"$"_s, u"aggregate"_s}),
                u"You can not combine aggregates with child queries at this time."_s);
        }

        const Attr *orderAttr = nullptr;
        bool byCreation = true;
        if (paginates) {
            const QString key = form.hasOrder ? form.orderKey : u"serverCreatedAt"_s;
            byCreation = key == u"serverCreatedAt"_s;
            const Attr *cursorAttr
                = byCreation ? m_data.seekForward(form.etype, u"id"_s) : m_data.seekForward(form.etype, key);
            const QJsonArray orderIn = appended(form.in, {u"$"_s, u"order"_s});
            if (!cursorAttr) {
                fail(u"supported-order?"_s, orderIn,
                    u"There is no `%1` attribute for %2."_s.arg(byCreation ? u"id"_s : key, form.etype));
            }
            if (!byCreation) {
                checkOrderAttr(*cursorAttr, orderIn);
                orderAttr = cursorAttr;
            }
            checkCursorAttr(form.before, u"before"_s, *cursorAttr, form);
            checkCursorAttr(form.after, u"after"_s, *cursorAttr, form);
        } else if (form.hasOrder && form.orderKey != u"serverCreatedAt"_s) {
            orderAttr = m_data.seekForward(form.etype, form.orderKey);
        }

        const QList<QUuid> ids = candidates(form);
        if (form.aggregateCount) {
            result.aggregate.insert(form.key, QJsonObject {{u"count"_s, double(ids.size())}});
            return {};
        }
        const QList<SortKey> all = sorted(ids, orderAttr, form.desc);
        if (!paginates) {
            return buildEntities(form, all);
        }

        const Attr *cursorAttr = byCreation ? m_data.seekForward(form.etype, u"id"_s) : orderAttr;
        QList<SortKey> window;
        for (const SortKey &key : all) {
            if (form.after && !passesCursor(key, *form.after, byCreation, form.desc, true, form.afterInclusive)) {
                continue;
            }
            if (form.before && !passesCursor(key, *form.before, byCreation, form.desc, false, form.beforeInclusive)) {
                continue;
            }
            window.append(key);
        }
        qsizetype start = qMin<qsizetype>(form.offset.value_or(0), window.size());
        qsizetype end = window.size();
        const qint64 pageSize = form.limit ? form.limit : form.first;
        if (pageSize) {
            end = qMin<qsizetype>(start + pageSize, window.size());
        } else if (form.last) {
            start = qMax<qsizetype>(start, end - form.last);
        }
        const QList<SortKey> page = window.mid(start, end - start);

        auto indexInAll = [&](const SortKey &key) {
            for (qsizetype i = 0; i < all.size(); ++i) {
                if (all.at(i).id == key.id) {
                    return i;
                }
            }
            return qsizetype(-1);
        };
        bool hasNext = false;
        bool hasPrevious = false;
        if (!page.isEmpty()) {
            hasNext = indexInAll(page.last()) < all.size() - 1;
            hasPrevious = (form.after || form.offset.value_or(0) > 0 || form.last) && indexInAll(page.first()) > 0;
        } else {
            hasPrevious = form.offset.value_or(0) > 0 || form.after.has_value();
        }
        QJsonObject info;
        info.insert(u"start-cursor"_s, page.isEmpty() ? QJsonValue() : cursorOf(page.first(), *cursorAttr, byCreation));
        info.insert(u"end-cursor"_s, page.isEmpty() ? QJsonValue() : cursorOf(page.last(), *cursorAttr, byCreation));
        info.insert(u"has-next-page?"_s, hasNext);
        info.insert(u"has-previous-page?"_s, hasPrevious);
        result.pageInfo.insert(form.key, info);
        return buildEntities(form, page);
    }

    void checkOrderAttr(const Attr &attr, const QJsonArray &orderIn) const
    {
        QJsonArray errors;
        auto add = [&](const QString &message) {
            errors.append(
                QJsonObject {{u"expected"_s, u"supported-order?"_s}, {u"in"_s, orderIn}, {u"message"_s, message}});
        };
        if (!attr.indexed) {
            add(u"The `%1` attribute is not indexed. Only indexed and typed attributes can be used to order by."_s.arg(
                attr.friendlyName()));
        }
        if (attr.checkedDataType.isEmpty()) {
            add(u"The `%1` attribute is not typed. Only typed and indexed attributes can be used to order by."_s.arg(
                attr.friendlyName()));
        }
        if (attr.cardinalityMany) {
            add(u"The `%1` attribute has cardinality `many`. Only attributes with cardinality `one` can be used to "
                u"order by."_s.arg(attr.friendlyName()));
        }
        if (!errors.isEmpty()) {
            fail(errors);
        }
    }

    void checkCursorAttr(
        const std::optional<QJsonArray> &cursor, const QString &which, const Attr &orderAttr, const Form &form) const
    {
        if (!cursor) {
            return;
        }
        const QUuid cursorAttrId = jsonutil::parseUuid(cursor->at(1)).value_or(QUuid());
        if (cursorAttrId == orderAttr.id) {
            return;
        }
        auto orderLabel = [](const Attr &attr) { return attr.label == u"id"_s ? u"serverCreatedAt"_s : attr.label; };
        const Attr *cursorAttr = m_data.attr(cursorAttrId);
        const QString detail = cursorAttr
            ? u"The query orders by `%1`, but the query that returned the cursor orders by `%2`."_s.arg(
                orderLabel(orderAttr), orderLabel(*cursorAttr))
            : u"The query orders by `%1`, but the query that returned the cursor orders by a missing attribute."_s.arg(
                orderLabel(orderAttr));
        fail(u"valid-cursor?"_s, appended(form.in, {u"$"_s, which}), u"Invalid %1 cursor. %2"_s.arg(which, detail));
    }

    bool passesCursor(
        const SortKey &key, const QJsonArray &cursor, bool byCreation, bool desc, bool after, bool inclusive) const
    {
        SortKey other;
        other.idText
            = jsonutil::parseUuid(cursor.at(0)).transform(jsonutil::uuidText).value_or(cursor.at(0).toString());
        other.createdAt = qint64(cursor.at(3).toDouble());
        other.value = cursor.at(2);
        if (!byCreation) {
            const Attr *attr = m_data.attr(jsonutil::parseUuid(cursor.at(1)).value_or(QUuid()));
            if (attr && attr->checkedDataType == u"date"_s) {
                if (const auto ms = jsonutil::parseDate(other.value)) {
                    other.value = double(*ms);
                }
            }
        }
        int c = compareKeys(key, other, !byCreation);
        if (desc) {
            c = -c;
        }
        if (c == 0) {
            return inclusive;
        }
        return after ? c > 0 : c < 0;
    }

    QJsonArray cursorOf(const SortKey &key, const Attr &attr, bool byCreation) const
    {
        const QJsonValue value = byCreation ? QJsonValue(key.idText) : rawOrderValue(key.id, attr);
        return QJsonArray {
            key.idText, jsonutil::uuidText(attr.id), value, double(byCreation ? key.createdAt : key.valueCreatedAt)};
    }

    QJsonValue rawOrderValue(const QUuid &id, const Attr &attr) const
    {
        const QList<TripleValue> values = m_data.values(id, attr.id);
        return values.isEmpty() ? QJsonValue(QJsonValue::Null) : values.first().value;
    }

    QJsonArray buildEntities(const Form &form, const QList<SortKey> &keys) const
    {
        QJsonArray array;
        for (const SortKey &key : keys) {
            array.append(buildEntity(form, key.id));
        }
        return array;
    }

    QJsonObject buildEntity(const Form &form, const QUuid &id) const
    {
        QJsonObject object;
        object.insert(u"id"_s, jsonutil::uuidText(id));
        const bool isFiles = form.etype == u"$files"_s;
        for (const Attr *attr : m_data.etypeAttrs(form.etype)) {
            if (attr->label == u"id"_s || attr->cardinalityMany) {
                continue;
            }
            if (form.fields && !form.fields->contains(attr->label)) {
                continue;
            }
            const QList<TripleValue> values = m_data.values(id, attr->id);
            if (values.isEmpty()) {
                continue;
            }
            object.insert(attr->label, values.first().value);
        }
        if (isFiles && (!form.fields || form.fields->contains(u"url"_s)) && m_urlBuilder) {
            if (const Attr *location = m_data.seekForward(form.etype, u"location-id"_s)) {
                const QList<TripleValue> values = m_data.values(id, location->id);
                if (!values.isEmpty()) {
                    object.insert(u"url"_s, m_urlBuilder(m_data.appId, values.first().value.toString()));
                }
            }
        }
        for (const Form &child : form.children) {
            object.insert(child.key, buildChild(child, id));
        }
        return object;
    }

    QJsonValue buildChild(const Form &form, const QUuid &parentId) const
    {
        const bool singular
            = m_options.inference && form.link && (form.linkForward ? !form.link->cardinalityMany : form.link->unique);
        QList<QUuid> ids;
        if (form.link) {
            for (const QUuid &id : follow(parentId, Hop {form.link, form.linkForward})) {
                if (!ids.contains(id) && m_data.inEtype(id, form.etype) && visible(id, form.etype)
                    && matches(form.where, id)) {
                    ids.append(id);
                }
            }
        }
        const Attr *orderAttr = nullptr;
        if (form.hasOrder && form.orderKey != u"serverCreatedAt"_s) {
            // An unknown nested order attribute leaves every value missing: creation order by id.
            orderAttr = m_data.seekForward(form.etype, form.orderKey);
        }
        const QJsonArray entities = buildEntities(form, sorted(ids, orderAttr, form.desc));
        if (singular) {
            return entities.isEmpty() ? QJsonValue(QJsonValue::Null) : entities.first();
        }
        return entities;
    }

    const AppData &m_data;
    const QueryOptions &m_options;
    const Store::FileUrlBuilder &m_urlBuilder;
    QJsonObject m_root;
};

} // namespace

InstaqlEvaluator::InstaqlEvaluator(
    const AppData &data, const QueryOptions &options, const Store::FileUrlBuilder &urlBuilder)
    : m_data(data)
    , m_options(options)
    , m_urlBuilder(urlBuilder)
{ }

std::expected<QueryResult, ApiError> InstaqlEvaluator::run(const QJsonObject &query)
{
    try {
        Evaluator evaluator(m_data, m_options, m_urlBuilder);
        return evaluator.run(query);
    } catch (const QueryFailure &failure) {
        return std::unexpected(failure.error);
    }
}

} // namespace sandbox
