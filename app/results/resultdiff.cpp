#include "results/resultdiff.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

namespace console {

bool jsonEqual(const instant::JsonNode &a, const instant::JsonNode &b)
{
    if (a.type() != b.type()) {
        return false;
    }
    switch (a.type()) {
    case instant::JsonNode::Type::Null:
        return true;
    case instant::JsonNode::Type::Bool:
        return a.toBool() == b.toBool();
    case instant::JsonNode::Type::Number:
        // The same spelling is the same number; only different spellings need converting.
        if (a.numberText() == b.numberText()) {
            return true;
        }
        if (a.isInteger() && b.isInteger()) {
            return a.toInt64() == b.toInt64();
        }
        return a.toDouble() == b.toDouble() && a.isInteger() == b.isInteger();
    case instant::JsonNode::Type::String:
        return a.stringView() == b.stringView();
    case instant::JsonNode::Type::Array: {
        const qsizetype n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (qsizetype i = 0; i < n; ++i) {
            if (!jsonEqual(a.at(i), b.at(i))) {
                return false;
            }
        }
        return true;
    }
    case instant::JsonNode::Type::Object: {
        const qsizetype n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (qsizetype i = 0; i < n; ++i) {
            if (a.keyView(i) != b.keyView(i) || !jsonEqual(a.at(i), b.at(i))) {
                return false;
            }
        }
        return true;
    }
    }
    return false;
}

QByteArray elementKey(const instant::JsonNode &element, qsizetype position)
{
    if (element.isObject()) {
        const instant::JsonNode id = element.value("id");
        if (id.isString()) {
            const QUtf8StringView view = id.stringView();
            return QByteArray(view.data(), view.size());
        }
    }
    // Positions cannot collide with UUIDs, so both kinds of key share one hash.
    return QByteArray("#") + QByteArray::number(position);
}

QList<QByteArray> collectColumns(const instant::JsonNode &entities)
{
    QList<QByteArray> columns {QByteArrayLiteral("id")};
    QSet<QByteArray> seen {QByteArrayLiteral("id")};
    const qsizetype n = entities.size();
    for (qsizetype row = 0; row < n; ++row) {
        const instant::JsonNode entity = entities.at(row);
        const qsizetype members = entity.size();
        for (qsizetype k = 0; k < members; ++k) {
            const QUtf8StringView keyView = entity.keyView(k);
            // Most entities share their key set: check the cheap common case before allocating.
            if (k < columns.size() && columns.at(k) == QByteArrayView(keyView.data(), keyView.size())) {
                continue;
            }
            QByteArray key(keyView.data(), keyView.size());
            if (!seen.contains(key)) {
                seen.insert(key);
                columns.append(key);
            }
        }
    }
    return columns;
}

ResultDiff computeResultDiff(const ResultSnapshot &oldResult, const ResultSnapshot &newResult)
{
    QElapsedTimer clock;
    clock.start();
    ResultDiff diff;
    diff.oldResult = oldResult;
    diff.newResult = newResult;

    const instant::JsonNode oldRoot = oldResult.root;
    const instant::JsonNode newRoot = newResult.root;

    QHash<QByteArray, qsizetype> oldNamespaceRows;
    for (qsizetype i = 0; i < oldRoot.size(); ++i) {
        const QUtf8StringView key = oldRoot.keyView(i);
        oldNamespaceRows.insert(QByteArray(key.data(), key.size()), i);
    }

    QSet<qsizetype> keptNamespaces;
    diff.namespaces.reserve(std::size_t(newRoot.size()));
    for (qsizetype n = 0; n < newRoot.size(); ++n) {
        NamespaceDiff ns;
        const QUtf8StringView nameView = newRoot.keyView(n);
        ns.name = QByteArray(nameView.data(), nameView.size());
        ns.oldRow = oldNamespaceRows.value(ns.name, -1);
        if (ns.oldRow >= 0) {
            keptNamespaces.insert(ns.oldRow);
        }

        const instant::JsonNode newEntities = newRoot.at(n);
        const instant::JsonNode oldEntities = ns.oldRow >= 0 ? oldRoot.at(ns.oldRow) : instant::JsonNode();
        const qsizetype newCount = newEntities.size();
        const qsizetype oldCount = oldEntities.size();

        QHash<QByteArray, qsizetype> oldRows;
        oldRows.reserve(oldCount);
        for (qsizetype r = 0; r < oldCount; ++r) {
            oldRows.insert(elementKey(oldEntities.at(r), r), r);
        }

        ns.oldRowOfNew.resize(std::size_t(newCount), -1);
        ns.changed.resize(std::size_t(newCount), false);
        ns.keys.reserve(std::size_t(newCount));
        std::vector<bool> oldKept(std::size_t(oldCount), false);
        qsizetype lastOldRow = -1;
        for (qsizetype r = 0; r < newCount; ++r) {
            const instant::JsonNode entity = newEntities.at(r);
            QByteArray key = elementKey(entity, r);
            const auto found = oldRows.constFind(key);
            if (found != oldRows.cend() && !oldKept[std::size_t(*found)]) {
                const qsizetype oldRow = *found;
                oldKept[std::size_t(oldRow)] = true;
                ns.oldRowOfNew[std::size_t(r)] = oldRow;
                if (oldRow < lastOldRow) {
                    ns.reordered = true;
                }
                lastOldRow = oldRow;
                if (!jsonEqual(oldEntities.at(oldRow), entity)) {
                    ns.changed[std::size_t(r)] = true;
                    ++diff.changedEntities;
                }
            } else {
                ++diff.addedEntities;
            }
            ns.keys.push_back(std::move(key));
        }
        for (qsizetype r = 0; r < oldCount; ++r) {
            if (!oldKept[std::size_t(r)]) {
                ns.removedOldRows.push_back(r);
                ++diff.removedEntities;
            }
        }
        ns.columns = collectColumns(newEntities);
        diff.namespaces.push_back(std::move(ns));
    }

    for (qsizetype i = 0; i < oldRoot.size(); ++i) {
        if (!keptNamespaces.contains(i)) {
            diff.removedNamespaceRows.push_back(i);
            diff.removedEntities += oldRoot.at(i).size();
        }
    }
    diff.elapsedUs = clock.nsecsElapsed() / 1000;
    return diff;
}

} // namespace console
