#pragma once

#include "results/resultdiff.h"
#include "session/sessiontypes.h"

#include "json/jsontree.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QList>
#include <QPersistentModelIndex>
#include <QTimer>

namespace console {

/**
 * A query result as a tree: namespaces → entities → attributes and nested links, indexing the
 * immutable JsonTree without copying values.
 *
 * Live results arrive as full snapshots. updateResultAsync() diffs the new snapshot against the shown
 * one on a worker thread (computeResultDiff) and applies it keyed by entity id: only rows that were
 * added, removed or changed are signalled, so expansion, selection and scroll position survive, and
 * changed cells flash for a moment. Items below the entity level are created only when a view asks
 * for them.
 */
class ResultTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultTreeModel)
public:
    enum Column {
        KeyColumn,
        ValueColumn,
        ColumnCount,
    };
    enum Role {
        /** The value for sorting and copying: QString, double, qint64, bool or null QVariant. */
        RawValueRole = Qt::UserRole + 1,
        /** Compact JSON of the node. */
        JsonRole,
        /** Path like goals[3].todos[0].title */
        JsonPathRole,
        /** Id of the entity the node belongs to. */
        EntityIdRole,
        /** NodeKind of the node. */
        NodeKindRole,
    };
    enum class NodeKind {
        Namespace,
        Entity,
        Value,
    };

    /** One node of the model (opaque outside the model's source). */
    struct Item;

    explicit ResultTreeModel(QObject *parent = nullptr);
    ~ResultTreeModel() override;

    ResultSnapshot result() const { return m_result; }
    /** Replaces the whole result with a model reset (first result, or when the query changed). */
    void setResult(const ResultSnapshot &result);
    /** Applies diff if it was computed against result(); returns false for a stale diff. */
    bool applyDiff(const ResultDiff &diff);
    /** Diffs tree against the shown result on a worker thread, then applies it. Latest call wins. */
    void updateResultAsync(const ResultSnapshot &result);
    void clear();
    /** Whether a diff is running on the worker. */
    bool isUpdating() const { return m_diffRunning; }

    /** How long a changed cell stays highlighted (0 switches flashing off). */
    void setFlashDuration(int ms) { m_flashMs = ms; }
    int flashDuration() const { return m_flashMs; }

    /** Turns a namespace and link label into the link's target namespace (for nested entities). */
    void setLinkResolver(std::function<QString(const QString &ns, const QString &label)> resolver);

    int namespaceCount() const;
    QByteArray namespaceName(int row) const;
    int namespaceRow(QByteArrayView name) const;
    QModelIndex namespaceIndex(int row) const;
    qsizetype entityCount(int nsRow) const;
    instant::JsonNode entity(int nsRow, qsizetype row) const;
    /** Attribute names of a namespace's entities ("id" first), for table columns. */
    QList<QByteArray> columns(int nsRow) const;
    qsizetype totalEntities() const;
    /** 0 … 1 while the cell (key of the entity at row) is flashing after a change, else 0. */
    qreal entityFlash(int nsRow, qsizetype row, QByteArrayView key) const;

    instant::JsonNode node(const QModelIndex &index) const;
    NodeKind kind(const QModelIndex &index) const;
    QString jsonPath(const QModelIndex &index) const;
    /** The entity index belongs to (itself or its nearest enclosing entity); invalid ref if none. */
    EntityRef entityRef(const QModelIndex &index) const;
    /** Attribute name of index inside its entity (empty for namespaces and entities). */
    QString attributeName(const QModelIndex &index) const;
    /** Index of the entity with id inside namespace nsRow (column 0), invalid if absent. */
    QModelIndex entityIndex(int nsRow, QByteArrayView id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** A result was applied; counts of entities changed/added/removed and the time spent. */
    void resultApplied(qsizetype changed, qsizetype added, qsizetype removed, qint64 diffUs, qint64 applyUs);
    void columnsChanged(int nsRow);
    /** Emitted on each step of the flash animation (the table model repaints with it). */
    void flashTick();

private:
    Item *itemFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Item *item, int column) const;
    void ensureChildren(Item *item) const;
    void resetFromDiff(const ResultDiff &diff);
    void reconcile(Item *item, const instant::JsonNode &newJson, const NamespaceDiff *plan);
    void rebind(Item *item, const instant::JsonNode &newJson);
    void startFlash(Item *item, const instant::JsonNode &oldJson, const instant::JsonNode &newJson);
    void onFlashTimer();
    void startDiff();
    qreal flashOf(const Item *item) const;

    ResultSnapshot m_result;
    std::unique_ptr<Item> m_root;
    std::function<QString(const QString &, const QString &)> m_linkResolver;

    std::optional<ResultSnapshot> m_pending;
    bool m_diffRunning = false;
    quint64 m_generation = 0;

    QElapsedTimer m_clock;
    QTimer m_flashTimer;
    QList<QPersistentModelIndex> m_flashing;
    int m_flashMs = 1500;
};

} // namespace console
