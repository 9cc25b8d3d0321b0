#pragma once

#include "json/jsontree.h"

#include <vector>

#include <QByteArray>
#include <QList>
#include <QString>

namespace console {

/** A query result: the object of spec §6.3 inside a decoded tree that keeps it alive. */
struct ResultSnapshot {
    instant::JsonTree tree;
    /** `{ "<namespace>": [entity, …] }`, a node of tree (for a plain query reply, tree.root()). */
    instant::JsonNode root;

    static ResultSnapshot of(const instant::JsonTree &tree) { return {tree, tree.root()}; }
    bool isNull() const { return tree.isNull(); }
    friend bool operator==(const ResultSnapshot &a, const ResultSnapshot &b)
    {
        return a.tree == b.tree && a.root == b.root;
    }
};

/** How the entities of one top-level namespace changed between two results. */
struct NamespaceDiff {
    QByteArray name;
    /** Row of this namespace in the old result, -1 if it is new. */
    qsizetype oldRow = -1;
    /** For every entity row of the new result: its row in the old result, or -1 if it is new. */
    std::vector<qsizetype> oldRowOfNew;
    /** For every entity row of the new result: whether its JSON differs from the old one. */
    std::vector<bool> changed;
    /** Old rows that are gone, ascending. */
    std::vector<qsizetype> removedOldRows;
    /** Whether the entities kept from the old result appear in a different order. */
    bool reordered = false;
    /** Entity keys (ids) in the new order, for the model's keyed lookups. */
    std::vector<QByteArray> keys;
    /** Every attribute name seen on this namespace's entities, in first-seen order (table columns). */
    QList<QByteArray> columns;
};

/**
 * The keyed difference between two query results (spec §5.3: each refresh-ok is a full snapshot),
 * computed on a worker thread so the model only has to emit signals for what changed.
 */
struct ResultDiff {
    ResultSnapshot oldResult;
    ResultSnapshot newResult;
    /** One entry per namespace of the new result, in its order. */
    std::vector<NamespaceDiff> namespaces;
    /** Old namespace rows that are gone, ascending. */
    std::vector<qsizetype> removedNamespaceRows;
    /** Number of changed, added and removed entities. */
    qsizetype changedEntities = 0;
    qsizetype addedEntities = 0;
    qsizetype removedEntities = 0;
    /** Time the worker spent, for the status bar and the benchmark. */
    qint64 elapsedUs = 0;

    bool isEmpty() const { return changedEntities == 0 && addedEntities == 0 && removedEntities == 0; }
};

/** Deep, order-sensitive equality of two JSON values (objects compare key by key in order). */
bool jsonEqual(const instant::JsonNode &a, const instant::JsonNode &b);

/** The key of an element of an array: its "id" if it is an object with one, otherwise its position. */
QByteArray elementKey(const instant::JsonNode &element, qsizetype position);

/** Compares two results; either may be null (everything added / removed). Thread-safe. */
ResultDiff computeResultDiff(const ResultSnapshot &oldResult, const ResultSnapshot &newResult);

/** The column names of one namespace's entities (first-seen order, "id" first). */
QList<QByteArray> collectColumns(const instant::JsonNode &entities);

} // namespace console
