#include "instamlprocessor.h"

#include "jsonutil.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace sandbox {

namespace {

// Thrown while processing; caught once in InstamlProcessor::process().
struct StepFailure {
    ApiError error;
};

[[noreturn]] void failValidation(const QString &dataType, const QJsonValue &input, const QJsonArray &errors)
{
    throw StepFailure {ApiError::validationFailed(dataType, input, errors)};
}

[[noreturn]] void failMessage(const QString &dataType, const QJsonValue &input, const QString &message)
{
    failValidation(dataType, input, QJsonArray {QJsonObject {{u"message"_s, message}}});
}

const QStringList &actionNames()
{
    static const QStringList names {u"create"_s, u"update"_s, u"merge"_s, u"link"_s, u"unlink"_s, u"delete"_s,
        u"ruleParams"_s, u"add-attr"_s, u"update-attr"_s, u"delete-attr"_s};
    return names;
}

bool isLookupString(const QJsonValue &value)
{
    return value.isString() && value.toString().startsWith(u"lookup__"_s);
}

// ---- spec validation, mirroring clojure.spec's explain and the server's best-problem pick ------------

struct Problem {
    int pathLength = 0;
    QJsonArray in;
    QJsonValue expected;
};

QJsonArray at(std::initializer_list<QJsonValue> items)
{
    QJsonArray array;
    for (const QJsonValue &item : items) {
        array.append(item);
    }
    return array;
}

// Problems of an eid against ::lookup; empty when it conforms.
QList<Problem> lookupProblems(const QJsonValue &eid, const QJsonArray &in, int basePath)
{
    if (jsonutil::parseUuid(eid) || eid.isObject() || isLookupString(eid)) {
        return {};
    }
    if (eid.isArray()) {
        const QJsonArray pair = eid.toArray();
        if (pair.size() == 2) {
            if (pair.at(0).isString()) {
                return {};
            }
            QJsonArray elementIn = in;
            elementIn.append(0);
            return {Problem {basePath + 3, elementIn, u"string?"_s}};
        }
    }
    return {
        Problem {basePath + 1, in, u"instant.admin.model/coercible-uuid?"_s},
        Problem {basePath + 3, in,
            eid.isArray() ? QJsonValue(at({u"="_s, at({u"count"_s, u"%"_s}), 2})) : QJsonValue(u"vector?"_s)},
        Problem {basePath + 3, in, u"map?"_s},
        Problem {basePath + 3, in, u"instant.admin.model/lookup?"_s},
    };
}

QList<Problem> stepProblems(const QJsonValue &stepValue, int index)
{
    QList<Problem> problems;
    const QJsonArray stepIn = at({index});
    if (!stepValue.isArray()) {
        const QJsonValue pred
            = at({u"fn"_s, at({u"%"_s}), at({u"or"_s, at({u"nil?"_s, u"%"_s}), at({u"sequential?"_s, u"%"_s})})});
        for (qsizetype i = 0; i < actionNames().size(); ++i) {
            problems.append(Problem {1, stepIn, pred});
        }
        return problems;
    }
    const QJsonArray step = stepValue.toArray();
    const QString action = step.isEmpty() ? QString() : step.at(0).toString();
    for (const QString &name : actionNames()) {
        if (step.isEmpty()) {
            problems.append(Problem {2, stepIn, at({name})});
        } else if (!step.at(0).isString() || name != action) {
            problems.append(Problem {2, at({index, 0}), at({name})});
        }
    }
    if (!actionNames().contains(action)) {
        return problems;
    }

    // clojure.spec's cat reports only the first element it runs out of.
    bool exhausted = false;
    auto need = [&](qsizetype position, const QJsonValue &pred) {
        if (step.size() <= position) {
            if (!exhausted) {
                problems.append(Problem {3, stepIn, pred});
            }
            exhausted = true;
            return false;
        }
        return true;
    };
    auto extra = [&](qsizetype allowed) {
        if (step.size() > allowed) {
            problems.append(Problem {1, at({index, int(allowed)}), u"Extra input"_s});
        }
    };
    auto checkEtypeEid = [&]() {
        if (need(1, u"string?"_s) && !step.at(1).isString()) {
            problems.append(Problem {3, at({index, 1}), u"string?"_s});
        }
        if (need(2, u"instant.admin.model/lookup"_s)) {
            problems.append(lookupProblems(step.at(2), at({index, 2}), 3));
        }
    };

    if (action == u"create"_s || action == u"update"_s || action == u"merge"_s || action == u"ruleParams"_s) {
        checkEtypeEid();
        if (need(3, u"map?"_s) && !step.at(3).isObject()) {
            problems.append(Problem {3, at({index, 3}), u"map?"_s});
        }
        if (action == u"update"_s || action == u"merge"_s) {
            if (step.size() > 4) {
                const QJsonValue opts = step.at(4);
                if (!opts.isNull() && !opts.isObject()) {
                    problems.append(Problem {1, at({index, 4}), u"Extra input"_s});
                } else if (opts.isObject()) {
                    const QJsonValue upsert = opts.toObject().value(u"upsert");
                    if (!upsert.isUndefined() && !upsert.isNull() && !upsert.isBool()) {
                        problems.append(Problem {5, at({index, 4, u"upsert"_s}), u"boolean?"_s});
                    }
                }
            }
            extra(5);
        } else {
            extra(4);
        }
    } else if (action == u"link"_s || action == u"unlink"_s) {
        checkEtypeEid();
        if (need(3, u"map?"_s)) {
            if (!step.at(3).isObject()) {
                problems.append(Problem {3, at({index, 3}), u"map?"_s});
            } else {
                const QJsonObject links = step.at(3).toObject();
                for (auto it = links.begin(); it != links.end(); ++it) {
                    const QJsonArray valueIn = at({index, 3, it.key()});
                    QList<Problem> single = lookupProblems(it.value(), valueIn, 5);
                    if (single.isEmpty()) {
                        continue;
                    }
                    if (it.value().isArray()) {
                        const QJsonArray targets = it.value().toArray();
                        QList<Problem> listProblems;
                        for (qsizetype i = 0; i < targets.size(); ++i) {
                            QJsonArray targetIn = valueIn;
                            targetIn.append(int(i));
                            listProblems.append(lookupProblems(targets.at(i), targetIn, 5));
                        }
                        if (listProblems.isEmpty()) {
                            continue;
                        }
                        problems.append(listProblems);
                    }
                    problems.append(single);
                }
            }
        }
        extra(4);
    } else if (action == u"delete"_s) {
        checkEtypeEid();
    } else if (action == u"add-attr"_s || action == u"update-attr"_s) {
        if (need(1, u"map?"_s) && !step.at(1).isObject()) {
            problems.append(Problem {2, at({index, 1}), u"map?"_s});
        }
        extra(2);
    } else if (action == u"delete-attr"_s) {
        if (need(1, u"instant.admin.model/coercible-uuid?"_s) && !jsonutil::parseUuid(step.at(1))) {
            problems.append(Problem {2, at({index, 1}), u"instant.admin.model/coercible-uuid?"_s});
        }
        extra(2);
    }
    return problems;
}

bool hasMatchingAlternative(const QJsonValue &stepValue, const QList<Problem> &problems)
{
    if (!stepValue.isArray() || stepValue.toArray().isEmpty()) {
        return false;
    }
    // A valid step yields exactly the op-mismatch problems of the nine other alternatives.
    return problems.size() == actionNames().size() - 1
        && std::all_of(problems.begin(), problems.end(), [](const Problem &p) { return p.pathLength == 2; })
        && actionNames().contains(stepValue.toArray().at(0).toString());
}

int lastInKey(const QJsonArray &in)
{
    const QJsonValue last = in.isEmpty() ? QJsonValue() : in.last();
    return last.isDouble() ? last.toInt() : 0;
}

// ---- converted steps ---------------------------------------------------------------------------

// An entity reference: a UUID or a lookup [attr, value].
struct Ref {
    bool lookup = false;
    QUuid id;
    QUuid attrId;
    QJsonValue value;
    QJsonValue original;
};

struct TxStep {
    enum class Op {
        AddAttr,
        DeleteAttr,
        DeleteEntity,
        AddTriple,
        DeepMerge,
        Retract,
    };
    enum class Mode {
        Default,
        Upsert,
        Update,
        Create,
    };
    Op op = Op::AddTriple;
    Ref entity;
    const Attr *attr = nullptr;
    QUuid attrId;
    QJsonValue value;
    std::optional<Ref> valueRef; // link targets
    Mode mode = Mode::Default;
    QString etype;
    Attr newAttr;
    bool identityTriple = false;

    QJsonArray vectorized() const
    {
        static const char16_t *names[]
            = {u"add-attr", u"delete-attr", u"delete-entity", u"add-triple", u"deep-merge-triple", u"retract-triple"};
        QJsonArray array {QString::fromUtf16(names[int(op)])};
        array.append(entity.original);
        if (op == Op::DeleteEntity) {
            array.append(etype);
        } else {
            array.append(jsonutil::uuidText(attrId));
            array.append(valueRef ? valueRef->original : value);
        }
        return array;
    }
};

class Processor {
public:
    Processor(const AppData &before, AppData &work, const TransactOptions &options)
        : m_before(before)
        , m_work(work)
        , m_options(options)
        , m_now(QDateTime::currentMSecsSinceEpoch())
    { }

    void run(const QJsonArray &steps)
    {
        m_steps = steps;
        validateSpec();
        addExplicitAttrs();
        createMissingAttrs();
        QList<QList<TxStep>> converted;
        for (const QJsonValue &step : steps) {
            converted.append(convert(step.toArray()));
        }
        checkSystemColumns(converted);
        validateMode(converted);
        execute(expandDeletes(converted));
        validateRequired();
    }

    // Checks that run before the writes (update, delete, view) come first, then the create checks, as on
    // the server, which evaluates create rules against the written data.
    QList<TransactEffect> effects() const
    {
        QList<TransactEffect> effects = m_preEffects;
        effects.append(m_postEffects);
        for (const auto &[target, etype] : m_createdTargets) {
            // The far end of a link that did not exist before is viewed if the transaction wrote it.
            if (m_touched.contains({target, etype})) {
                appendEffect(effects, TransactEffect {TransactEffect::Scope::Object, u"view"_s, etype, target, {}});
            }
        }
        return effects;
    }

private:
    bool isAdmin() const { return m_options.identity.kind == Identity::Kind::Admin; }

    // ---- validation ----------------------------------------------------------------------------

    void validateSpec()
    {
        QList<Problem> problems;
        bool valid = true;
        for (qsizetype i = 0; i < m_steps.size(); ++i) {
            const QList<Problem> stepProblemList = stepProblems(m_steps.at(i), int(i));
            if (!hasMatchingAlternative(m_steps.at(i), stepProblemList)) {
                valid = false;
                problems.append(stepProblemList);
            }
        }
        if (valid) {
            return;
        }
        checkEntityIds();
        std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
            const auto key = [](const Problem &p) { return std::tuple(p.pathLength, p.in.size(), lastInKey(p.in)); };
            return key(a) < key(b);
        });
        const Problem &best = problems.last();
        failValidation(
            u"steps"_s, m_steps, QJsonArray {QJsonObject {{u"expected"_s, best.expected}, {u"in"_s, best.in}}});
    }

    void checkEntityIds()
    {
        static const QStringList withEid {
            u"create"_s, u"update"_s, u"merge"_s, u"link"_s, u"unlink"_s, u"delete"_s, u"ruleParams"_s};
        for (qsizetype i = 0; i < m_steps.size(); ++i) {
            const QJsonArray step = m_steps.at(i).toArray();
            if (step.size() < 3 || !withEid.contains(step.at(0).toString())) {
                continue;
            }
            const QJsonValue eid = step.at(2);
            if (jsonutil::parseUuid(eid) || isLookupString(eid) || eid.isArray() || eid.isObject()) {
                continue;
            }
            const QString printed = eid.isString() ? eid.toString() : jsonutil::toText(eid);
            const QString message
                = u"Invalid entity ID '%1'. Entity IDs must be UUIDs or lookup references."_s.arg(printed);
            failValidation(
                u"steps"_s, m_steps, QJsonArray {QJsonObject {{u"message"_s, message}, {u"in"_s, at({int(i), 2})}}});
        }
    }

    // ---- lookups -------------------------------------------------------------------------------

    // [label, value] of a lookup eid, or nothing for a plain id.
    std::optional<std::pair<QString, QJsonValue>> lookupPair(const QJsonValue &eid) const
    {
        if (eid.isString()) {
            if (!isLookupString(eid)) {
                return std::nullopt;
            }
            const QStringList parts = eid.toString().split(u"__"_s);
            const QString label = parts.value(1);
            const QString json = parts.mid(2).join(u"__"_s);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson("[" + json.toUtf8() + "]", &error);
            if (error.error != QJsonParseError::NoError || doc.array().size() != 1) {
                failValidation(u"lookup"_s, eid,
                    QJsonArray {QJsonObject {{u"message"_s, u"lookup value is invalid"_s},
                        {u"hint"_s, QJsonObject {{u"attribute"_s, label}, {u"value"_s, json}}}}});
            }
            return std::pair(label, doc.array().at(0));
        }
        if (eid.isArray()) {
            const QJsonArray pair = eid.toArray();
            return std::pair(pair.at(0).toString(), pair.at(1));
        }
        if (eid.isObject()) {
            const QJsonObject object = eid.toObject();
            if (object.size() != 1) {
                failMessage(u"lookup"_s, eid, u"lookup must be an object with a single unique attr and value."_s);
            }
            return std::pair(object.begin().key(), object.begin().value());
        }
        return std::nullopt;
    }

    bool isRefLookup(const QString &etype, const QString &label) const
    {
        return label.contains(u'.') && !m_work.seekForward(etype, label);
    }

    QString refLookupLabel(const QString &label, const QJsonValue &lookup) const
    {
        const QStringList parts = label.split(u'.');
        if (parts.size() != 2 || parts.at(1) != u"id"_s) {
            failMessage(u"lookup"_s, lookup, u"%1 is not a valid lookup attribute."_s.arg(label));
        }
        return parts.at(0);
    }

    Ref extractRef(const QString &etype, const QJsonValue &eid) const
    {
        Ref ref;
        ref.original = eid;
        const auto pair = lookupPair(eid);
        if (!pair) {
            ref.id = jsonutil::parseUuid(eid).value_or(QUuid());
            return ref;
        }
        const QString label = isRefLookup(etype, pair->first)
            ? refLookupLabel(pair->first, QJsonArray {pair->first, pair->second})
            : pair->first;
        const Attr *attr = m_work.seekForward(etype, label);
        if (!attr || !attr->unique) {
            failMessage(u"lookup"_s, eid, u"%1 is not a unique attribute on %2"_s.arg(pair->first, etype));
        }
        ref.lookup = true;
        ref.attrId = attr->id;
        ref.value = pair->second;
        if (attr->isRef) {
            if (const auto uuid = jsonutil::parseUuid(ref.value)) {
                ref.value = jsonutil::uuidText(*uuid);
            }
        }
        return ref;
    }

    std::optional<QUuid> resolve(const AppData &data, const Ref &ref) const
    {
        if (!ref.lookup) {
            return ref.id;
        }
        const QSet<QUuid> found = data.entitiesWithValue(ref.attrId, jsonutil::toText(ref.value));
        if (found.isEmpty()) {
            return std::nullopt;
        }
        return *found.begin();
    }

    // ---- attribute auto-creation (§7.4) --------------------------------------------------------

    void addAttr(const Attr &attr)
    {
        m_created.append(attr);
        m_work.putAttr(attr);
        recordAttr(u"create"_s, attr.id);
    }

    Attr objectAttr(const QString &etype, const QString &label, bool unique, bool indexed) const
    {
        Attr attr;
        attr.id = QUuid::createUuid();
        attr.forwardIdentId = QUuid::createUuid();
        attr.etype = etype;
        attr.label = label;
        attr.unique = unique;
        attr.indexed = indexed;
        return attr;
    }

    Attr refAttr(const QString &etype, const QString &label, bool one) const
    {
        Attr attr = objectAttr(etype, label, one, one);
        attr.isRef = true;
        attr.reverseIdentId = QUuid::createUuid();
        attr.reverseEtype = label;
        attr.reverseLabel = etype;
        attr.cardinalityMany = !one;
        return attr;
    }

    void addAttrsForRefLookup(const QString &label, const QString &etype)
    {
        if (!m_work.seekForward(etype, label) && !m_work.seekReverse(etype, label)) {
            addAttr(refAttr(etype, label, true));
        }
    }

    void addAttrsForLookup(const std::pair<QString, QJsonValue> &pair, const QString &etype)
    {
        if (isRefLookup(etype, pair.first)) {
            addAttrsForRefLookup(refLookupLabel(pair.first, QJsonArray {pair.first, pair.second}), etype);
        } else if (!m_work.seekForward(etype, pair.first)) {
            addAttr(objectAttr(etype, pair.first, true, true));
        }
    }

    void createMissingAttrs()
    {
        static const QStringList lookupActions {
            u"link"_s, u"unlink"_s, u"create"_s, u"update"_s, u"merge"_s, u"delete"_s};
        for (const QJsonValue &value : std::as_const(m_steps)) {
            const QJsonArray step = value.toArray();
            const QString action = step.at(0).toString();
            if (!lookupActions.contains(action)) {
                continue;
            }
            const QString etype = step.at(1).toString();
            if (const auto pair = lookupPair(step.at(2))) {
                addAttrsForLookup(*pair, etype);
            }
            if (action != u"link"_s) {
                continue;
            }
            const QJsonObject links = step.at(3).toObject();
            for (auto it = links.begin(); it != links.end(); ++it) {
                const QJsonArray targets = it.value().isArray() ? it.value().toArray() : QJsonArray {it.value()};
                for (const QJsonValue &target : targets) {
                    const auto pair = lookupPair(target);
                    if (!pair) {
                        continue;
                    }
                    addAttrsForRefLookup(it.key(), etype);
                    const Attr *fwd = m_work.seekForward(etype, it.key());
                    const Attr *rev = m_work.seekReverse(etype, it.key());
                    const QString linkEtype = fwd && fwd->isRef ? fwd->reverseEtype : rev ? rev->etype : it.key();
                    addAttrsForLookup(*pair, linkEtype);
                }
            }
        }

        static const QStringList objActions {u"link"_s, u"unlink"_s, u"create"_s, u"update"_s, u"merge"_s};
        for (const QJsonValue &value : std::as_const(m_steps)) {
            const QJsonArray step = value.toArray();
            const QString action = step.at(0).toString();
            if (!objActions.contains(action)) {
                continue;
            }
            const QString etype = step.at(1).toString();
            if (!m_work.seekForward(etype, u"id"_s)) {
                addAttr(objectAttr(etype, u"id"_s, true, false));
            }
            const bool updates = action != u"link"_s && action != u"unlink"_s;
            const QJsonObject object = step.at(3).toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                const Attr *fwd = m_work.seekForward(etype, it.key());
                if (updates && !fwd) {
                    addAttr(objectAttr(etype, it.key(), it.key() == u"id"_s, false));
                } else if (!updates && !fwd && !m_work.seekReverse(etype, it.key())) {
                    addAttr(refAttr(etype, it.key(), false));
                }
            }
        }

        if (m_options.throwOnMissingAttrs && !m_created.isEmpty()) {
            QJsonArray names;
            for (const Attr &attr : std::as_const(m_created)) {
                names.append(attr.friendlyName());
            }
            failValidation(u"steps"_s, m_steps,
                QJsonArray {QJsonObject {{u"message"_s, u"Attributes are missing in your schema"_s},
                    {u"hint"_s, QJsonObject {{u"attributes"_s, names}}}}});
        }
    }

    // Attributes added by add-attr steps exist for the rest of the transaction, auto-creation included.
    void addExplicitAttrs()
    {
        for (qsizetype i = 0; i < m_steps.size(); ++i) {
            const QJsonArray step = m_steps.at(i).toArray();
            if (step.at(0).toString() != u"add-attr"_s) {
                continue;
            }
            const Attr attr = Attr::fromJson(step.at(1).toObject());
            if (attr.id.isNull() || attr.etype.isEmpty() || attr.label.isEmpty()
                || (attr.isRef && (attr.reverseEtype.isEmpty() || attr.reverseLabel.isEmpty()))) {
                // The server's tx-step spec rejects attributes without an id or an identity.
                failValidation(u"tx-steps"_s, m_steps,
                    QJsonArray {
                        QJsonObject {{u"expected"_s, u"instant.db.model.attr/attr"_s}, {u"in"_s, at({int(i), 1})}}});
            }
            applyAddAttr(attr);
            recordAttr(u"create"_s, attr.id);
        }
    }

    // ---- conversion ----------------------------------------------------------------------------

    QList<TxStep> convert(const QJsonArray &step)
    {
        const QString action = step.at(0).toString();
        const QString etype = step.at(1).toString();
        QJsonObject object = step.at(3).toObject();
        object.remove(u"id"_s);
        QList<TxStep> result;

        if (action == u"create"_s || action == u"update"_s || action == u"merge"_s) {
            const Ref ref = extractRef(etype, step.at(2));
            TxStep::Mode mode = TxStep::Mode::Default;
            if (action == u"create"_s) {
                mode = TxStep::Mode::Create;
            } else {
                const QJsonValue upsert = step.at(4).toObject().value(u"upsert");
                if (upsert.isBool()) {
                    mode = upsert.toBool() ? TxStep::Mode::Upsert : TxStep::Mode::Update;
                }
            }
            TxStep idStep;
            idStep.op = TxStep::Op::AddTriple;
            idStep.entity = ref;
            idStep.attr = m_work.seekForward(etype, u"id"_s);
            idStep.identityTriple = true;
            idStep.mode = mode;
            idStep.etype = etype;
            result.append(idStep);
            for (auto it = object.begin(); it != object.end(); ++it) {
                TxStep triple;
                triple.op = action == u"merge"_s ? TxStep::Op::DeepMerge : TxStep::Op::AddTriple;
                triple.entity = ref;
                triple.attr = m_work.seekForward(etype, it.key());
                triple.value = it.value();
                triple.mode = mode;
                triple.etype = etype;
                result.append(triple);
            }
        } else if (action == u"link"_s || action == u"unlink"_s) {
            const Ref ref = extractRef(etype, step.at(2));
            if (ref.lookup) {
                TxStep idStep;
                idStep.op = TxStep::Op::AddTriple;
                idStep.entity = ref;
                idStep.attr = m_work.seekForward(etype, u"id"_s);
                idStep.identityTriple = true;
                idStep.etype = etype;
                result.append(idStep);
            }
            const bool link = action == u"link"_s;
            const QJsonObject links = step.at(3).toObject();
            for (auto it = links.begin(); it != links.end(); ++it) {
                const Attr *fwd = m_work.seekForward(etype, it.key());
                const Attr *rev = m_work.seekReverse(etype, it.key());
                if (!fwd && !rev) {
                    continue;
                }
                const QJsonArray targets = it.value().isArray() ? it.value().toArray() : QJsonArray {it.value()};
                for (const QJsonValue &target : targets) {
                    TxStep triple;
                    triple.op = link ? TxStep::Op::AddTriple : TxStep::Op::Retract;
                    if (fwd) {
                        triple.entity = ref;
                        triple.attr = fwd;
                        if (fwd->isRef) {
                            triple.valueRef = extractRef(fwd->reverseEtype, target);
                        } else {
                            triple.value = target;
                        }
                    } else {
                        triple.entity = extractRef(rev->etype, target);
                        triple.attr = rev;
                        triple.valueRef = ref;
                    }
                    triple.etype = triple.attr->etype;
                    result.append(triple);
                }
            }
        } else if (action == u"delete"_s) {
            TxStep del;
            del.op = TxStep::Op::DeleteEntity;
            del.entity = extractRef(etype, step.at(2));
            del.etype = etype;
            result.append(del);
        } else if (action == u"ruleParams"_s) {
            extractRef(etype, step.at(2));
        } else if (action == u"add-attr"_s) {
            // Already applied by addExplicitAttrs().
        } else if (action == u"delete-attr"_s) {
            TxStep del;
            del.op = TxStep::Op::DeleteAttr;
            del.attrId = jsonutil::parseUuid(step.at(1)).value_or(QUuid());
            result.append(del);
        } else {
            failValidation(u"action"_s, action,
                QJsonArray {QJsonObject {{u"message"_s, QString(u"Unsupported action "_s + action)},
                    {u"hint"_s, QJsonObject {{u"value"_s, action}}}}});
        }
        for (TxStep &txStep : result) {
            if (txStep.attr) {
                txStep.attrId = txStep.attr->id;
            }
        }
        return result;
    }

    // ---- checks before writing -----------------------------------------------------------------

    void checkSystemColumns(const QList<QList<TxStep>> &converted)
    {
        for (const QList<TxStep> &steps : converted) {
            for (const TxStep &step : steps) {
                if (!step.etype.startsWith(u'$')) {
                    continue;
                }
                if (step.op == TxStep::Op::DeleteEntity) {
                    if (!isAdmin() && step.etype != u"$files"_s) {
                        failMessage(u"tx-step"_s, step.vectorized(),
                            u"%1 is a system entity. You aren't allowed to delete this directly."_s.arg(step.etype));
                    }
                    continue;
                }
                if (!step.attr || !step.attr->system || m_options.allowSystemColumns) {
                    continue;
                }
                const QString etype = step.attr->etype;
                const QString label = step.attr->label;
                const bool editable = label == u"id"_s || (etype == u"$files"_s && label == u"path"_s);
                const bool allowed = editable || (etype != u"$files"_s && etype != u"$streams"_s && isAdmin());
                if (!allowed) {
                    failMessage(u"tx-step"_s, step.vectorized(),
                        u"%1.%2 is a system column. You aren't allowed to change this directly."_s.arg(etype, label));
                }
            }
        }
    }

    void validateMode(const QList<QList<TxStep>> &converted)
    {
        QJsonArray existing;
        QStringList existingIds;
        QJsonArray missing;
        QStringList missingIds;
        for (const QList<TxStep> &steps : converted) {
            for (const TxStep &step : steps) {
                if (step.op != TxStep::Op::AddTriple && step.op != TxStep::Op::DeepMerge) {
                    continue;
                }
                if (step.mode != TxStep::Mode::Create && step.mode != TxStep::Mode::Update) {
                    continue;
                }
                bool exists = false;
                if (step.entity.lookup) {
                    exists = resolve(m_before, step.entity).has_value();
                } else {
                    exists = m_before.inEtype(step.entity.id, step.etype);
                }
                const QString printed
                    = step.entity.lookup ? jsonutil::toText(step.entity.original) : jsonutil::uuidText(step.entity.id);
                if (step.mode == TxStep::Mode::Create && exists) {
                    existing.append(step.vectorized());
                    existingIds.append(printed);
                } else if (step.mode == TxStep::Mode::Update && !exists) {
                    missing.append(step.vectorized());
                    missingIds.append(printed);
                }
            }
        }
        if (!existing.isEmpty()) {
            failMessage(u"tx-step"_s, existing, u"Creating entities that exist: "_s + existingIds.join(u", "_s));
        }
        if (!missing.isEmpty()) {
            failMessage(u"tx-step"_s, missing, u"Updating entities that don't exist: "_s + missingIds.join(u", "_s));
        }
    }

    // Resolves delete lookups and adds the cascaded deletes, all against the committed state.
    QList<TxStep> expandDeletes(const QList<QList<TxStep>> &converted)
    {
        QList<TxStep> flat;
        QList<std::pair<QUuid, QString>> queue;
        for (const QList<TxStep> &steps : converted) {
            for (TxStep step : steps) {
                if (step.op == TxStep::Op::DeleteEntity) {
                    const auto id = resolve(m_before, step.entity);
                    if (!id) {
                        continue;
                    }
                    step.entity = Ref {false, *id, {}, {}, jsonutil::uuidText(*id)};
                    queue.append({*id, step.etype});
                }
                flat.append(step);
            }
        }

        QSet<QString> seen;
        for (const auto &[id, etype] : std::as_const(queue)) {
            seen.insert(jsonutil::uuidText(id) + etype);
        }
        for (qsizetype i = 0; i < queue.size(); ++i) {
            const auto [id, etype] = queue.at(i);
            QList<std::pair<QUuid, QString>> children;
            for (const Attr *attr : m_before.liveAttrs()) {
                if (!attr->isRef) {
                    continue;
                }
                if (attr->onDelete == u"cascade"_s && attr->reverseEtype == etype) {
                    const QString target = jsonutil::toText(jsonutil::uuidText(id));
                    for (const QUuid &source : m_before.entitiesWithValue(attr->id, target)) {
                        children.append({source, attr->etype});
                    }
                }
                if (attr->onDeleteReverse == u"cascade"_s && attr->etype == etype) {
                    for (const TripleValue &value : m_before.values(id, attr->id)) {
                        if (const auto target = jsonutil::parseUuid(value.value)) {
                            children.append({*target, attr->reverseEtype});
                        }
                    }
                }
            }
            for (const auto &child : std::as_const(children)) {
                const QString key = jsonutil::uuidText(child.first) + child.second;
                if (seen.contains(key)) {
                    continue;
                }
                seen.insert(key);
                queue.append(child);
                TxStep del;
                del.op = TxStep::Op::DeleteEntity;
                del.entity = Ref {false, child.first, {}, {}, jsonutil::uuidText(child.first)};
                del.etype = child.second;
                flat.append(del);
            }
        }
        return flat;
    }

    // Entities this transaction wrote to must still hold every required attribute of their namespace.
    void validateRequired() const
    {
        QMap<std::pair<QString, QString>, QStringList> missing;
        QJsonArray records;
        QList<std::pair<QUuid, QString>> touched(m_touched.begin(), m_touched.end());
        std::sort(touched.begin(), touched.end(), [](const auto &a, const auto &b) {
            return std::tuple(a.second, jsonutil::uuidText(a.first))
                < std::tuple(b.second, jsonutil::uuidText(b.first));
        });
        for (const auto &[id, etype] : std::as_const(touched)) {
            if (!m_work.inEtype(id, etype)) {
                continue;
            }
            for (const Attr *attr : m_work.etypeAttrs(etype)) {
                if (!attr->required || !m_work.values(id, attr->id).isEmpty()) {
                    continue;
                }
                missing[{etype, attr->label}].append(jsonutil::uuidText(id));
                records.append(QJsonObject {{u"entity_id"_s, jsonutil::uuidText(id)}, {u"etype"_s, etype},
                    {u"label"_s, attr->label}, {u"attr_id"_s, jsonutil::uuidText(attr->id)}});
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        QStringList parts;
        for (auto it = missing.cbegin(); it != missing.cend(); ++it) {
            const QString name = it.key().first + u'/' + it.key().second;
            parts.append(it.value().size() == 1
                    ? u"Missing required attribute `%1`: %2"_s.arg(name, it.value().first())
                    : u"Missing required attributes `%1`: %2"_s.arg(name, it.value().join(u", "_s)));
        }
        throw StepFailure {
            ApiError {400, u"validation-failed"_s, parts.join(u". "_s), QJsonObject {{u"records"_s, records}}}};
    }

    // ---- execution -----------------------------------------------------------------------------

    void execute(const QList<TxStep> &steps)
    {
        // The server groups steps by operation and runs the groups in order of first appearance.
        QList<TxStep::Op> order;
        for (const TxStep &step : steps) {
            if (!order.contains(step.op)) {
                order.append(step.op);
            }
            // Deleting a parent retracts the links of its cascaded children: read them before anything is written.
            if (step.op == TxStep::Op::DeleteEntity) {
                before(step.entity.id, step.etype);
            }
        }
        for (const TxStep::Op op : std::as_const(order)) {
            for (const TxStep &step : steps) {
                if (step.op == op) {
                    apply(step);
                }
            }
        }
    }

    // ---- effects, as the server's permission checks see them -------------------------------------

    static void appendEffect(QList<TransactEffect> &list, const TransactEffect &effect)
    {
        const bool duplicate = std::any_of(list.cbegin(), list.cend(), [&](const TransactEffect &e) {
            return e.scope == effect.scope && e.action == effect.action && e.etype == effect.etype
                && e.entityId == effect.entityId;
        });
        if (!duplicate) {
            list.append(effect);
        }
    }

    // The server checks each new attribute on its own; deletes share one check, as they carry no attribute.
    void recordAttr(const QString &action, const QUuid &attrId = {})
    {
        QList<TransactEffect> &list = action == u"create"_s ? m_postEffects : m_preEffects;
        appendEffect(list, TransactEffect {TransactEffect::Scope::Attr, action, u"attrs"_s, attrId, {}});
    }

    // The entity as it was before the transaction, read the first time a step reaches it. Only steps on
    // `etype` change membership in `etype`, and each of those asks here before it writes.
    const std::pair<bool, QJsonObject> &before(const QUuid &id, const QString &etype)
    {
        const std::pair<QUuid, QString> key {id, etype};
        if (const auto it = m_beforeState.constFind(key); it != m_beforeState.cend()) {
            return it.value();
        }
        QJsonObject data;
        const bool existed = m_work.inEtype(id, etype);
        if (existed) {
            for (const Attr *attr : m_work.etypeAttrs(etype)) {
                const QList<TripleValue> values = m_work.values(id, attr->id);
                if (values.isEmpty()) {
                    continue;
                }
                if (attr->cardinalityMany) {
                    QJsonArray array;
                    for (const TripleValue &value : values) {
                        array.append(value.value);
                    }
                    data.insert(attr->label, array);
                } else {
                    data.insert(attr->label, values.first().value);
                }
            }
            data.insert(u"id"_s, jsonutil::uuidText(id));
        }
        return m_beforeState.insert(key, {existed, data}).value();
    }

    void recordObject(const QString &action, const QUuid &id, const QString &etype, const QJsonObject &data)
    {
        QList<TransactEffect> &list = action == u"create"_s ? m_postEffects : m_preEffects;
        appendEffect(list, TransactEffect {TransactEffect::Scope::Object, action, etype, id, data});
    }

    // A write to one entity: an update if it existed before the transaction, else a create.
    void recordWrite(const QUuid &id, const QString &etype)
    {
        const auto &[existed, data] = before(id, etype);
        recordObject(existed ? u"update"_s : u"create"_s, id, etype, data);
    }

    // A link or unlink: the source is updated (or created), the target is viewed.
    void recordLink(const QUuid &source, const Attr &attr, const QUuid &target, bool link)
    {
        const bool sourceExisted = before(source, attr.etype).first;
        if (sourceExisted || link) {
            recordWrite(source, attr.etype);
        }
        const auto &[targetExisted, targetData] = before(target, attr.reverseEtype);
        if (targetExisted) {
            recordObject(u"view"_s, target, attr.reverseEtype, targetData);
        } else if (link) {
            m_createdTargets.insert({target, attr.reverseEtype});
        }
    }

    void apply(const TxStep &step)
    {
        switch (step.op) {
        case TxStep::Op::AddAttr:
            applyAddAttr(step.newAttr);
            break;
        case TxStep::Op::DeleteAttr:
            recordAttr(u"delete"_s);
            applyDeleteAttr(step.attrId);
            break;
        case TxStep::Op::DeleteEntity:
            recordObject(u"delete"_s, step.entity.id, step.etype, before(step.entity.id, step.etype).second);
            applyDelete(step.entity.id, step.etype);
            break;
        case TxStep::Op::AddTriple:
        case TxStep::Op::DeepMerge:
            applyAdd(step);
            break;
        case TxStep::Op::Retract:
            applyRetract(step);
            break;
        }
    }

    void applyAddAttr(const Attr &attr)
    {
        if (m_work.attr(attr.id)) {
            return;
        }
        const Attr *clash = m_work.seekForward(attr.etype, attr.label);
        if (clash && clash->id != attr.id) {
            throw StepFailure {
                ApiError {400, u"record-not-unique"_s, u"`%1` already exists on `%2`"_s.arg(attr.label, attr.etype),
                    QJsonObject {{u"record-type"_s, u"ident"_s}, {u"etype"_s, attr.etype}, {u"label"_s, attr.label}}}};
        }
        m_work.putAttr(attr);
    }

    void applyDeleteAttr(const QUuid &id)
    {
        const Attr *existing = m_work.attr(id);
        if (!existing || existing->isDeleted()) {
            return;
        }
        Attr attr = *existing;
        const QString prefix = jsonutil::uuidText(attr.id) + u"_deleted$"_s;
        const Attr *idAttr = m_work.seekForward(attr.etype, u"id"_s);
        QJsonObject snapshot {{u"is_indexed"_s, attr.indexed}, {u"is_required"_s, attr.required}};
        snapshot.insert(u"id_attr_id"_s, idAttr ? QJsonValue(jsonutil::uuidText(idAttr->id)) : QJsonValue());
        attr.metadata.insert(u"soft_delete_snapshot"_s, snapshot);
        attr.etype = prefix + attr.etype;
        attr.label = prefix + attr.label;
        if (attr.isRef) {
            attr.reverseEtype = prefix + attr.reverseEtype;
            attr.reverseLabel = prefix + attr.reverseLabel;
        }
        attr.indexed = false;
        attr.required = false;
        attr.deletionMarkedAt = m_now;
        m_work.putAttr(attr);
    }

    void applyDelete(const QUuid &id, const QString &etype)
    {
        if (const Entity *entity = m_work.entity(id)) {
            const QList<QUuid> attrIds = entity->values.keys();
            for (const QUuid &attrId : attrIds) {
                const Attr *attr = m_work.attr(attrId);
                if (!attr || attr->etype == etype) {
                    m_work.retractAll(id, attrId);
                }
            }
        }
        // Links pointing at the entity go too.
        const QString target = jsonutil::toText(jsonutil::uuidText(id));
        for (const Attr *attr : m_work.liveAttrs()) {
            if (!attr->isRef || attr->reverseEtype != etype) {
                continue;
            }
            for (const QUuid &source : m_work.entitiesWithValue(attr->id, target)) {
                m_work.retractTriple(source, attr->id, target);
            }
        }
    }

    QUuid entityFor(const Ref &ref)
    {
        if (!ref.lookup) {
            return ref.id;
        }
        const QString key = jsonutil::uuidText(ref.attrId) + jsonutil::toText(ref.value);
        if (const auto id = resolve(m_work, ref)) {
            return *id;
        }
        // An unknown lookup value creates the entity, holding just that value.
        const QUuid id = QUuid::createUuid();
        const Attr attr = *m_work.attr(ref.attrId);
        recordWrite(id, attr.etype);
        writeTriple(id, attr, ref.value);
        m_createdByLookup.insert(key);
        return id;
    }

    void applyAdd(const TxStep &step)
    {
        const Attr *current = m_work.attr(step.attrId);
        if (!current) {
            return;
        }
        // A copy: writing triples may add inferred types, which replaces the stored attribute.
        const Attr attr = *current;
        const QUuid id = entityFor(step.entity);
        QJsonValue value = step.value;
        if (step.identityTriple) {
            value = jsonutil::uuidText(id);
        } else if (step.valueRef) {
            value = jsonutil::uuidText(entityFor(*step.valueRef));
        } else if (attr.isRef) {
            const auto uuid = jsonutil::parseUuid(value);
            if (!uuid) {
                throw StepFailure {ApiError::validationFailed(u"eid"_s, value,
                    QJsonArray {QJsonObject {{u"message"_s, u"Expected link value to be a uuid."_s},
                        {u"hint"_s, QJsonObject {{u"tx-step"_s, step.vectorized()}}}}})};
            }
            value = jsonutil::uuidText(*uuid);
        }
        if (step.entity.lookup && attr.id == step.entity.attrId
            && m_createdByLookup.contains(jsonutil::uuidText(step.entity.attrId) + jsonutil::toText(step.entity.value))
            && jsonutil::toText(value) != jsonutil::toText(step.entity.value)) {
            failMessage(u"lookup"_s, QJsonArray {step.entity.original},
                u"Updates with lookups can only update the lookup attribute if an entity with the unique attribute "
                u"value already exists."_s);
        }
        if (step.op == TxStep::Op::DeepMerge) {
            const QList<TripleValue> current = m_work.values(id, attr.id);
            value = jsonutil::deepMerge(current.isEmpty() ? QJsonValue() : current.first().value, value);
        }
        if (attr.isRef) {
            recordLink(id, attr, *jsonutil::parseUuid(value), true);
        } else {
            recordWrite(id, attr.etype);
        }
        writeTriple(id, attr, value);
    }

    void writeTriple(const QUuid &id, const Attr &attr, const QJsonValue &value)
    {
        checkDataType(attr, id, value);
        if (attr.unique && !value.isNull()) {
            const QString text = jsonutil::toText(value);
            for (const QUuid &holder : m_work.entitiesWithValue(attr.id, text)) {
                if (holder != id) {
                    throw StepFailure {ApiError {400, u"record-not-unique"_s,
                        u"`%1` is a unique attribute on `%2` and an entity already exists with `%2.%1` = %3"_s.arg(
                            attr.label, attr.etype, text),
                        QJsonObject {{u"record-type"_s, u"triple"_s}, {u"attr-id"_s, jsonutil::uuidText(attr.id)},
                            {u"etype"_s, attr.etype}, {u"label"_s, attr.label}, {u"value"_s, text}}}};
                }
            }
        }
        m_work.addTriple(id, attr, value, m_now);
        m_touched.insert({id, attr.etype});
        if (!attr.isRef && !value.isNull()) {
            const QString type = value.isString() ? u"string"_s
                : value.isDouble()                ? u"number"_s
                : value.isBool()                  ? u"boolean"_s
                                                  : u"json"_s;
            if (!attr.inferredTypes.contains(type)) {
                Attr updated = attr;
                updated.inferredTypes.append(type);
                m_work.putAttr(updated);
            }
        }
    }

    void checkDataType(const Attr &attr, const QUuid &id, const QJsonValue &value) const
    {
        const QString type = attr.checkedDataType;
        if (type.isEmpty() || value.isNull()) {
            return;
        }
        bool ok = true;
        if (type == u"string"_s) {
            ok = value.isString();
        } else if (type == u"number"_s) {
            ok = value.isDouble();
        } else if (type == u"boolean"_s) {
            ok = value.isBool();
        } else if (type == u"date"_s) {
            ok = value.isDouble() || (value.isString() && jsonutil::parseDate(value));
        }
        if (ok) {
            return;
        }
        QJsonObject hint {{u"namespace"_s, attr.etype}, {u"attribute"_s, attr.label}, {u"value"_s, value},
            {u"checked-data-type"_s, type}, {u"attr-id"_s, jsonutil::uuidText(attr.id)},
            {u"entity-id"_s, jsonutil::uuidText(id)}};
        throw StepFailure {ApiError {400, u"validation-failed"_s,
            u"Invalid value type for %1. Value must be a %2 but the provided value type is %3."_s.arg(
                attr.friendlyName(), type, jsonutil::typeName(value)),
            hint}};
    }

    void applyRetract(const TxStep &step)
    {
        const Attr *current = m_work.attr(step.attrId);
        if (!current) {
            return;
        }
        // A copy: writing triples may add inferred types, which replaces the stored attribute.
        const Attr attr = *current;
        const auto id = resolve(m_work, step.entity);
        if (!id) {
            return;
        }
        QJsonValue value = step.value;
        if (step.valueRef) {
            const auto target = resolve(m_work, *step.valueRef);
            if (!target) {
                return;
            }
            value = jsonutil::uuidText(*target);
        } else if (attr.isRef) {
            if (const auto uuid = jsonutil::parseUuid(value)) {
                value = jsonutil::uuidText(*uuid);
            }
        }
        if (attr.isRef) {
            if (const auto target = jsonutil::parseUuid(value)) {
                recordLink(*id, attr, *target, false);
            }
        }
        m_work.retractTriple(*id, attr.id, jsonutil::toText(value));
        m_touched.insert({*id, attr.etype});
    }

    const AppData &m_before;
    AppData &m_work;
    const TransactOptions &m_options;
    const qint64 m_now;
    QJsonArray m_steps;
    QList<Attr> m_created;
    QSet<QString> m_createdByLookup;
    QSet<std::pair<QUuid, QString>> m_touched;
    QHash<std::pair<QUuid, QString>, std::pair<bool, QJsonObject>> m_beforeState;
    QList<TransactEffect> m_preEffects;
    QList<TransactEffect> m_postEffects;
    QSet<std::pair<QUuid, QString>> m_createdTargets;
};

} // namespace

InstamlProcessor::InstamlProcessor(const AppData &before, AppData &work, const TransactOptions &options)
    : m_before(before)
    , m_work(work)
    , m_options(options)
{ }

std::expected<void, ApiError> InstamlProcessor::process(const QJsonArray &steps)
{
    try {
        Processor processor(m_before, m_work, m_options);
        processor.run(steps);
        m_effects = processor.effects();
        return {};
    } catch (const StepFailure &failure) {
        return std::unexpected(failure.error);
    }
}

} // namespace sandbox
