#include "results/resulttreemodel.h"

#include "console_debug.h"
#include "results/numberformat.h"
#include "theme.h"

#include <QColor>
#include <QFont>
#include <QFutureWatcher>
#include <QHash>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

#include <map>

namespace console {

struct ResultTreeModel::Item {
    Item *parent = nullptr;
    qsizetype row = 0;
    instant::JsonNode json;
    /** Namespace name, entity id, member key, or "#<position>" for array elements without id. */
    QByteArray key;
    std::vector<std::unique_ptr<Item>> children;
    bool built = false;
    /** Namespace items only: the attribute names of its entities. */
    QList<QByteArray> columns;
    /** When the last change was seen (ms of the model clock), -1 if never. */
    qint64 flashStart = -1;
    /** Member keys that changed (entity items); empty means the whole item. */
    QList<QByteArray> flashKeys;
};

namespace {

constexpr int kMaxRunsBeforeReset = 256;
constexpr int kFlashStepMs = 60;
constexpr qsizetype kMaxDisplayChars = 500;

void renumber(std::vector<std::unique_ptr<ResultTreeModel::Item>> &children, qsizetype from)
{
    for (qsizetype i = from; i < qsizetype(children.size()); ++i) {
        children[std::size_t(i)]->row = i;
    }
}

QString scalarText(const instant::JsonNode &node)
{
    switch (node.type()) {
    case instant::JsonNode::Type::Null:
        return QStringLiteral("null");
    case instant::JsonNode::Type::Bool:
        return node.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case instant::JsonNode::Type::Number:
        return javaScriptNumberText(node);
    case instant::JsonNode::Type::String: {
        QString text = node.toString();
        if (text.size() > kMaxDisplayChars) {
            text.truncate(kMaxDisplayChars);
            text.append(QChar(0x2026));
        }
        return text;
    }
    case instant::JsonNode::Type::Array:
    case instant::JsonNode::Type::Object:
        break;
    }
    return {};
}

QVariant rawValue(const instant::JsonNode &node)
{
    switch (node.type()) {
    case instant::JsonNode::Type::Null:
        return {};
    case instant::JsonNode::Type::Bool:
        return node.toBool();
    case instant::JsonNode::Type::Number:
        if (node.isInteger()) {
            return qint64(node.toInt64());
        }
        return node.toDouble();
    case instant::JsonNode::Type::String:
        return node.toString();
    case instant::JsonNode::Type::Array:
    case instant::JsonNode::Type::Object:
        return QString::fromUtf8(node.toJson());
    }
    return {};
}

bool isEntity(const ResultTreeModel::Item *item)
{
    return item->json.isObject() && item->parent && item->parent->json.isArray() && item->json.contains("id");
}

QString entitySummary(const instant::JsonNode &entity)
{
    QStringList parts;
    const qsizetype n = entity.size();
    for (qsizetype i = 0; i < n && parts.size() < 3; ++i) {
        const instant::JsonNode value = entity.at(i);
        if (value.isArray() || value.isObject() || entity.keyView(i) == QUtf8StringView("id")) {
            continue;
        }
        QString text = scalarText(value);
        if (text.size() > 40) {
            text = text.left(40) + QChar(0x2026);
        }
        parts.append(entity.key(i) + QStringLiteral(": ") + text);
    }
    return parts.join(QStringLiteral("  \u00b7  "));
}

} // namespace

ResultTreeModel::ResultTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Item>())
{
    m_root->built = true;
    m_clock.start();
    m_flashTimer.setInterval(kFlashStepMs);
    connect(&m_flashTimer, &QTimer::timeout, this, &ResultTreeModel::onFlashTimer);
}

ResultTreeModel::~ResultTreeModel() = default;

void ResultTreeModel::setLinkResolver(std::function<QString(const QString &, const QString &)> resolver)
{
    m_linkResolver = std::move(resolver);
}

void ResultTreeModel::setResult(const ResultSnapshot &result)
{
    ++m_generation;
    m_pending.reset();
    resetFromDiff(computeResultDiff(ResultSnapshot(), result));
}

void ResultTreeModel::clear()
{
    ++m_generation;
    m_pending.reset();
    beginResetModel();
    m_root = std::make_unique<Item>();
    m_root->built = true;
    m_result = {};
    m_flashing.clear();
    endResetModel();
}

void ResultTreeModel::updateResultAsync(const ResultSnapshot &result)
{
    m_pending = result;
    if (!m_diffRunning) {
        startDiff();
    }
}

void ResultTreeModel::startDiff()
{
    if (!m_pending) {
        return;
    }
    const ResultSnapshot newResult = *m_pending;
    m_pending.reset();
    const ResultSnapshot oldResult = m_result;
    m_diffRunning = true;
    const quint64 generation = m_generation;

    auto *watcher = new QFutureWatcher<ResultDiff>(this);
    connect(watcher, &QFutureWatcher<ResultDiff>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_diffRunning = false;
        if (generation != m_generation) {
            // setResult() or clear() replaced everything meanwhile.
            startDiff();
            return;
        }
        const ResultDiff diff = watcher->result();
        if (!applyDiff(diff)) {
            // The shown result changed under the worker; diff the newest snapshot again.
            if (!m_pending) {
                m_pending = diff.newResult;
            }
        }
        startDiff();
    });
    watcher->setFuture(QtConcurrent::run(computeResultDiff, oldResult, newResult));
}

void ResultTreeModel::resetFromDiff(const ResultDiff &diff)
{
    QElapsedTimer clock;
    clock.start();
    beginResetModel();
    m_flashing.clear();
    m_result = diff.newResult;
    m_root = std::make_unique<Item>();
    m_root->built = true;
    m_root->json = m_result.root;

    const instant::JsonNode root = m_result.root;
    m_root->children.reserve(diff.namespaces.size());
    for (std::size_t n = 0; n < diff.namespaces.size(); ++n) {
        const NamespaceDiff &nsDiff = diff.namespaces[n];
        auto ns = std::make_unique<Item>();
        ns->parent = m_root.get();
        ns->row = qsizetype(n);
        ns->json = root.at(qsizetype(n));
        ns->key = nsDiff.name;
        ns->columns = nsDiff.columns;
        ns->built = true;
        ns->children.reserve(nsDiff.keys.size());
        for (std::size_t r = 0; r < nsDiff.keys.size(); ++r) {
            auto entity = std::make_unique<Item>();
            entity->parent = ns.get();
            entity->row = qsizetype(r);
            entity->json = ns->json.at(qsizetype(r));
            entity->key = nsDiff.keys[r];
            ns->children.push_back(std::move(entity));
        }
        m_root->children.push_back(std::move(ns));
    }
    endResetModel();
    Q_EMIT resultApplied(0, diff.addedEntities, diff.removedEntities, diff.elapsedUs, clock.nsecsElapsed() / 1000);
}

bool ResultTreeModel::applyDiff(const ResultDiff &diff)
{
    if (!(diff.oldResult == m_result)) {
        return false;
    }
    if (m_result.isNull()) {
        resetFromDiff(diff);
        return true;
    }

    // Thousands of scattered insertions or removals cost more as row signals than as one reset.
    qsizetype runs = qsizetype(diff.removedNamespaceRows.size());
    for (const NamespaceDiff &ns : diff.namespaces) {
        runs += qsizetype(ns.removedOldRows.size());
        runs += std::count(ns.oldRowOfNew.cbegin(), ns.oldRowOfNew.cend(), -1);
    }
    if (runs > kMaxRunsBeforeReset) {
        qCDebug(lcUi) << "result changed in" << runs << "places; resetting the model";
        resetFromDiff(diff);
        return true;
    }

    QElapsedTimer clock;
    clock.start();
    const instant::JsonNode newRoot = diff.newResult.root;
    Item *root = m_root.get();
    ensureChildren(root);

    // Namespaces: the plan for the root level is derived from the per-namespace entries.
    NamespaceDiff rootPlan;
    rootPlan.removedOldRows = diff.removedNamespaceRows;
    qsizetype last = -1;
    for (const NamespaceDiff &ns : diff.namespaces) {
        rootPlan.oldRowOfNew.push_back(ns.oldRow);
        rootPlan.changed.push_back(true);
        rootPlan.keys.push_back(ns.name);
        if (ns.oldRow >= 0) {
            rootPlan.reordered = rootPlan.reordered || ns.oldRow < last;
            last = ns.oldRow;
        }
    }

    // Root structure first (removals, order, insertions), without descending.
    {
        for (auto it = rootPlan.removedOldRows.rbegin(); it != rootPlan.removedOldRows.rend(); ++it) {
            const qsizetype row = *it;
            beginRemoveRows(QModelIndex(), int(row), int(row));
            root->children.erase(root->children.begin() + row);
            renumber(root->children, row);
            endRemoveRows();
        }
        if (rootPlan.reordered) {
            beginResetModel();
            std::map<QByteArray, std::unique_ptr<Item>> byName;
            for (auto &child : root->children) {
                byName[child->key] = std::move(child);
            }
            root->children.clear();
            for (const NamespaceDiff &ns : diff.namespaces) {
                if (ns.oldRow >= 0) {
                    root->children.push_back(std::move(byName[ns.name]));
                }
            }
            renumber(root->children, 0);
            endResetModel();
        }
        for (std::size_t n = 0; n < diff.namespaces.size(); ++n) {
            const NamespaceDiff &nsDiff = diff.namespaces[n];
            if (nsDiff.oldRow >= 0) {
                continue;
            }
            auto ns = std::make_unique<Item>();
            ns->parent = root;
            ns->json = newRoot.at(qsizetype(n));
            ns->key = nsDiff.name;
            ns->columns = nsDiff.columns;
            ns->built = true;
            for (std::size_t r = 0; r < nsDiff.keys.size(); ++r) {
                auto entity = std::make_unique<Item>();
                entity->parent = ns.get();
                entity->row = qsizetype(r);
                entity->json = ns->json.at(qsizetype(r));
                entity->key = nsDiff.keys[r];
                ns->children.push_back(std::move(entity));
            }
            beginInsertRows(QModelIndex(), int(n), int(n));
            root->children.insert(root->children.begin() + qsizetype(n), std::move(ns));
            renumber(root->children, qsizetype(n));
            endInsertRows();
        }
    }
    root->json = newRoot;

    for (std::size_t n = 0; n < diff.namespaces.size(); ++n) {
        const NamespaceDiff &nsDiff = diff.namespaces[n];
        Item *ns = root->children[n].get();
        if (nsDiff.oldRow < 0) {
            continue;
        }
        reconcile(ns, newRoot.at(qsizetype(n)), &nsDiff);
        if (ns->columns != nsDiff.columns) {
            ns->columns = nsDiff.columns;
            Q_EMIT columnsChanged(int(n));
        }
        const QModelIndex nsIndex = indexFor(ns, ValueColumn);
        Q_EMIT dataChanged(nsIndex, nsIndex, {Qt::DisplayRole});
    }

    m_result = diff.newResult;
    Q_EMIT resultApplied(
        diff.changedEntities, diff.addedEntities, diff.removedEntities, diff.elapsedUs, clock.nsecsElapsed() / 1000);
    return true;
}

void ResultTreeModel::reconcile(Item *item, const instant::JsonNode &newJson, const NamespaceDiff *plan)
{
    const QModelIndex parentIndex = indexFor(item, KeyColumn);
    const instant::JsonNode oldJson = item->json;

    if (!item->built) {
        // No child item exists yet: views only know the child count.
        const qsizetype oldCount = oldJson.size();
        const qsizetype newCount = newJson.size();
        if (newCount < oldCount) {
            beginRemoveRows(parentIndex, int(newCount), int(oldCount - 1));
            item->json = newJson;
            endRemoveRows();
        } else if (newCount > oldCount) {
            beginInsertRows(parentIndex, int(oldCount), int(newCount - 1));
            item->json = newJson;
            endInsertRows();
        } else {
            item->json = newJson;
        }
        return;
    }

    // Without a plan (below the namespace level), compute one the same way the worker does.
    NamespaceDiff local;
    if (!plan) {
        QHash<QByteArray, qsizetype> oldRows;
        for (const auto &child : item->children) {
            oldRows.insert(child->key, child->row);
        }
        std::vector<bool> kept(item->children.size(), false);
        qsizetype last = -1;
        const bool isObject = newJson.isObject();
        for (qsizetype r = 0; r < newJson.size(); ++r) {
            QByteArray key;
            if (isObject) {
                const QUtf8StringView view = newJson.keyView(r);
                key = QByteArray(view.data(), view.size());
            } else {
                key = elementKey(newJson.at(r), r);
            }
            const auto found = oldRows.constFind(key);
            qsizetype oldRow = -1;
            if (found != oldRows.cend() && !kept[std::size_t(*found)]) {
                oldRow = *found;
                kept[std::size_t(oldRow)] = true;
                local.reordered = local.reordered || oldRow < last;
                last = oldRow;
            }
            local.oldRowOfNew.push_back(oldRow);
            local.changed.push_back(
                oldRow >= 0 && !jsonEqual(item->children[std::size_t(oldRow)]->json, newJson.at(r)));
            local.keys.push_back(std::move(key));
        }
        for (std::size_t r = 0; r < kept.size(); ++r) {
            if (!kept[r]) {
                local.removedOldRows.push_back(qsizetype(r));
            }
        }
        plan = &local;
    }

    // Rows change during removals; a reorder needs the rows the plan speaks of.
    QHash<const Item *, qsizetype> originalRow;
    if (plan->reordered) {
        for (const auto &child : item->children) {
            originalRow.insert(child.get(), child->row);
        }
    }

    // 1. Removals, last run first so earlier rows keep their numbers.
    const std::vector<qsizetype> &removed = plan->removedOldRows;
    for (qsizetype i = qsizetype(removed.size()) - 1; i >= 0;) {
        qsizetype first = removed[std::size_t(i)];
        const qsizetype lastRow = first;
        while (i > 0 && removed[std::size_t(i - 1)] == first - 1) {
            --i;
            --first;
        }
        --i;
        beginRemoveRows(parentIndex, int(first), int(lastRow));
        item->children.erase(item->children.begin() + first, item->children.begin() + lastRow + 1);
        renumber(item->children, first);
        endRemoveRows();
    }

    // 2. Order of the survivors, as a layout change that moves persistent indexes along.
    if (plan->reordered) {
        Q_EMIT layoutAboutToBeChanged({QPersistentModelIndex(parentIndex)}, QAbstractItemModel::VerticalSortHint);
        QHash<qsizetype, qsizetype> newRowOfOld;
        for (std::size_t r = 0; r < plan->oldRowOfNew.size(); ++r) {
            if (plan->oldRowOfNew[r] >= 0) {
                newRowOfOld.insert(plan->oldRowOfNew[r], qsizetype(r));
            }
        }
        std::stable_sort(item->children.begin(), item->children.end(),
            [&](const std::unique_ptr<Item> &a, const std::unique_ptr<Item> &b) {
                return newRowOfOld.value(originalRow.value(a.get())) < newRowOfOld.value(originalRow.value(b.get()));
            });
        renumber(item->children, 0);
        const QModelIndexList persistent = persistentIndexList();
        for (const QModelIndex &index : persistent) {
            Item *child = static_cast<Item *>(index.internalPointer());
            if (child && child->parent == item) {
                changePersistentIndex(index, createIndex(int(child->row), index.column(), child));
            }
        }
        Q_EMIT layoutChanged({QPersistentModelIndex(parentIndex)}, QAbstractItemModel::VerticalSortHint);
    }

    // 3. Insertions in ascending runs; rows before each run already match the new order.
    const qsizetype newCount = qsizetype(plan->oldRowOfNew.size());
    for (qsizetype r = 0; r < newCount;) {
        if (plan->oldRowOfNew[std::size_t(r)] >= 0) {
            ++r;
            continue;
        }
        qsizetype end = r;
        while (end + 1 < newCount && plan->oldRowOfNew[std::size_t(end + 1)] < 0) {
            ++end;
        }
        std::vector<std::unique_ptr<Item>> fresh;
        for (qsizetype k = r; k <= end; ++k) {
            auto child = std::make_unique<Item>();
            child->parent = item;
            child->json = newJson.at(k);
            child->key = plan->keys[std::size_t(k)];
            child->flashStart = m_clock.elapsed();
            fresh.push_back(std::move(child));
        }
        beginInsertRows(parentIndex, int(r), int(end));
        item->children.insert(
            item->children.begin() + r, std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
        renumber(item->children, r);
        endInsertRows();
        if (m_flashMs > 0) {
            for (qsizetype k = r; k <= end; ++k) {
                m_flashing.append(QPersistentModelIndex(indexFor(item->children[std::size_t(k)].get(), KeyColumn)));
            }
        }
        r = end + 1;
    }

    // 4. Values: unchanged children point into the new tree; changed ones are reconciled and flash.
    item->json = newJson;
    for (qsizetype r = 0; r < newCount; ++r) {
        if (plan->oldRowOfNew[std::size_t(r)] < 0) {
            continue;
        }
        Item *child = item->children[std::size_t(r)].get();
        const instant::JsonNode childJson = newJson.at(r);
        if (!plan->changed[std::size_t(r)]) {
            rebind(child, childJson);
            continue;
        }
        const instant::JsonNode before = child->json;
        reconcile(child, childJson, nullptr);
        startFlash(child, before, childJson);
        Q_EMIT dataChanged(indexFor(child, KeyColumn), indexFor(child, ValueColumn));
    }
    if (!m_flashing.isEmpty() && !m_flashTimer.isActive()) {
        m_flashTimer.start();
    }
}

void ResultTreeModel::rebind(Item *item, const instant::JsonNode &newJson)
{
    item->json = newJson;
    if (!item->built) {
        return;
    }
    for (std::size_t i = 0; i < item->children.size(); ++i) {
        rebind(item->children[i].get(), newJson.at(qsizetype(i)));
    }
}

void ResultTreeModel::startFlash(Item *item, const instant::JsonNode &oldJson, const instant::JsonNode &newJson)
{
    if (m_flashMs <= 0) {
        return;
    }
    item->flashStart = m_clock.elapsed();
    item->flashKeys.clear();
    if (oldJson.isObject() && newJson.isObject()) {
        for (qsizetype i = 0; i < newJson.size(); ++i) {
            const QUtf8StringView key = newJson.keyView(i);
            const instant::JsonNode before = oldJson.value(key);
            if (!before.isValid() || !jsonEqual(before, newJson.at(i))) {
                item->flashKeys.append(QByteArray(key.data(), key.size()));
            }
        }
    }
    m_flashing.append(QPersistentModelIndex(indexFor(item, KeyColumn)));
}

void ResultTreeModel::onFlashTimer()
{
    const qint64 now = m_clock.elapsed();
    QList<QPersistentModelIndex> still;
    for (const QPersistentModelIndex &index : std::as_const(m_flashing)) {
        if (!index.isValid()) {
            continue;
        }
        Item *item = static_cast<Item *>(index.internalPointer());
        const bool done = now - item->flashStart >= m_flashMs;
        if (done) {
            item->flashStart = -1;
            item->flashKeys.clear();
        } else {
            still.append(index);
        }
        Q_EMIT dataChanged(
            index.sibling(index.row(), KeyColumn), index.sibling(index.row(), ValueColumn), {Qt::BackgroundRole});
    }
    m_flashing = still;
    Q_EMIT flashTick();
    if (m_flashing.isEmpty()) {
        m_flashTimer.stop();
    }
}

qreal ResultTreeModel::flashOf(const Item *item) const
{
    if (item->flashStart < 0 || m_flashMs <= 0) {
        return 0;
    }
    const qint64 age = m_clock.elapsed() - item->flashStart;
    if (age >= m_flashMs) {
        return 0;
    }
    return 1.0 - qreal(age) / m_flashMs;
}

ResultTreeModel::Item *ResultTreeModel::itemFor(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return m_root.get();
    }
    return static_cast<Item *>(index.internalPointer());
}

QModelIndex ResultTreeModel::indexFor(const Item *item, int column) const
{
    if (!item || item == m_root.get()) {
        return {};
    }
    return createIndex(int(item->row), column, const_cast<Item *>(item));
}

void ResultTreeModel::ensureChildren(Item *item) const
{
    if (item->built) {
        return;
    }
    item->built = true;
    const instant::JsonNode json = item->json;
    const qsizetype n = json.size();
    item->children.reserve(std::size_t(n));
    const bool isObject = json.isObject();
    for (qsizetype i = 0; i < n; ++i) {
        auto child = std::make_unique<Item>();
        child->parent = item;
        child->row = i;
        child->json = json.at(i);
        if (isObject) {
            const QUtf8StringView key = json.keyView(i);
            child->key = QByteArray(key.data(), key.size());
        } else {
            child->key = elementKey(child->json, i);
        }
        item->children.push_back(std::move(child));
    }
}

int ResultTreeModel::namespaceCount() const
{
    return int(m_root->children.size());
}

QByteArray ResultTreeModel::namespaceName(int row) const
{
    if (row < 0 || row >= namespaceCount()) {
        return {};
    }
    return m_root->children[std::size_t(row)]->key;
}

int ResultTreeModel::namespaceRow(QByteArrayView name) const
{
    for (std::size_t i = 0; i < m_root->children.size(); ++i) {
        if (m_root->children[i]->key == name) {
            return int(i);
        }
    }
    return -1;
}

QModelIndex ResultTreeModel::namespaceIndex(int row) const
{
    if (row < 0 || row >= namespaceCount()) {
        return {};
    }
    return indexFor(m_root->children[std::size_t(row)].get(), KeyColumn);
}

qsizetype ResultTreeModel::entityCount(int nsRow) const
{
    if (nsRow < 0 || nsRow >= namespaceCount()) {
        return 0;
    }
    return qsizetype(m_root->children[std::size_t(nsRow)]->children.size());
}

instant::JsonNode ResultTreeModel::entity(int nsRow, qsizetype row) const
{
    if (row < 0 || row >= entityCount(nsRow)) {
        return {};
    }
    return m_root->children[std::size_t(nsRow)]->children[std::size_t(row)]->json;
}

QList<QByteArray> ResultTreeModel::columns(int nsRow) const
{
    if (nsRow < 0 || nsRow >= namespaceCount()) {
        return {};
    }
    return m_root->children[std::size_t(nsRow)]->columns;
}

qsizetype ResultTreeModel::totalEntities() const
{
    qsizetype total = 0;
    for (const auto &ns : m_root->children) {
        total += qsizetype(ns->children.size());
    }
    return total;
}

qreal ResultTreeModel::entityFlash(int nsRow, qsizetype row, QByteArrayView key) const
{
    if (row < 0 || row >= entityCount(nsRow)) {
        return 0;
    }
    const Item *item = m_root->children[std::size_t(nsRow)]->children[std::size_t(row)].get();
    const qreal strength = flashOf(item);
    if (strength <= 0) {
        return 0;
    }
    if (item->flashKeys.isEmpty() || item->flashKeys.contains(key.toByteArray())) {
        return strength;
    }
    return 0;
}

instant::JsonNode ResultTreeModel::node(const QModelIndex &index) const
{
    return itemFor(index)->json;
}

ResultTreeModel::NodeKind ResultTreeModel::kind(const QModelIndex &index) const
{
    const Item *item = itemFor(index);
    if (item->parent == m_root.get()) {
        return NodeKind::Namespace;
    }
    if (item != m_root.get() && isEntity(item)) {
        return NodeKind::Entity;
    }
    return NodeKind::Value;
}

QString ResultTreeModel::jsonPath(const QModelIndex &index) const
{
    QStringList parts;
    for (const Item *item = itemFor(index); item && item != m_root.get(); item = item->parent) {
        if (item->parent == m_root.get()) {
            parts.prepend(QString::fromUtf8(item->key));
        } else if (item->parent->json.isArray()) {
            parts.prepend(QStringLiteral("[%1]").arg(item->row));
        } else {
            const QString key = QString::fromUtf8(item->key);
            static const QRegularExpression plain(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*$"));
            if (plain.match(key).hasMatch()) {
                parts.prepend(QStringLiteral(".") + key);
            } else {
                QString escaped = key;
                escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                    .replace(QLatin1Char('"'), QStringLiteral("\\\""));
                parts.prepend(QStringLiteral("[\"") + escaped + QStringLiteral("\"]"));
            }
        }
    }
    return parts.join(QString());
}

EntityRef ResultTreeModel::entityRef(const QModelIndex &index) const
{
    const Item *entity = itemFor(index);
    while (entity && entity != m_root.get() && !isEntity(entity)) {
        entity = entity->parent;
    }
    if (!entity || entity == m_root.get()) {
        return {};
    }

    // The namespace of a nested entity follows the link labels down from the top-level namespace.
    QList<const Item *> chain;
    for (const Item *item = entity; item && item != m_root.get(); item = item->parent) {
        chain.prepend(item);
    }
    QString ns = QString::fromUtf8(chain.first()->key);
    for (qsizetype i = 1; i < chain.size(); ++i) {
        const Item *item = chain.at(i);
        if (item->parent->json.isObject() && item->json.isArray()) {
            const QString label = QString::fromUtf8(item->key);
            ns = m_linkResolver ? m_linkResolver(ns, label) : QString();
            if (ns.isEmpty()) {
                ns = label;
            }
        }
    }
    return EntityRef {ns, entity->json.value("id").toString()};
}

QString ResultTreeModel::attributeName(const QModelIndex &index) const
{
    const Item *item = itemFor(index);
    if (item == m_root.get() || item->parent == m_root.get() || isEntity(item)) {
        return {};
    }
    while (item->parent && !isEntity(item->parent)) {
        item = item->parent;
        if (item == m_root.get()) {
            return {};
        }
    }
    return QString::fromUtf8(item->key);
}

QModelIndex ResultTreeModel::entityIndex(int nsRow, QByteArrayView id) const
{
    if (nsRow < 0 || nsRow >= namespaceCount()) {
        return {};
    }
    const Item *ns = m_root->children[std::size_t(nsRow)].get();
    for (const auto &child : ns->children) {
        if (child->key == id) {
            return indexFor(child.get(), KeyColumn);
        }
    }
    return {};
}

QModelIndex ResultTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0)) {
        return {};
    }
    Item *item = itemFor(parent);
    ensureChildren(item);
    if (row >= int(item->children.size())) {
        return {};
    }
    return createIndex(row, column, item->children[std::size_t(row)].get());
}

QModelIndex ResultTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    const Item *item = static_cast<Item *>(child.internalPointer());
    return indexFor(item->parent, KeyColumn);
}

int ResultTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    const Item *item = itemFor(parent);
    if (item->built) {
        return int(item->children.size());
    }
    return int(item->json.size());
}

int ResultTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ResultTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant ResultTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const Item *item = static_cast<Item *>(index.internalPointer());
    const bool isNamespace = item->parent == m_root.get();
    const instant::JsonNode json = item->json;

    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn) {
            if (isNamespace || !item->parent->json.isArray()) {
                return QString::fromUtf8(item->key);
            }
            if (isEntity(item)) {
                return json.value("id").toString();
            }
            return QStringLiteral("[%1]").arg(item->row);
        }
        if (isNamespace) {
            return tr("%n entities", nullptr, int(json.size()));
        }
        if (json.isArray()) {
            return tr("[%n items]", nullptr, int(json.size()));
        }
        if (json.isObject()) {
            return isEntity(item) ? entitySummary(json) : tr("{%n keys}", nullptr, int(json.size()));
        }
        return scalarText(json);
    case RawValueRole:
        return rawValue(json);
    case JsonRole:
        return QString::fromUtf8(json.toJson());
    case JsonPathRole:
        return jsonPath(index);
    case EntityIdRole:
        return entityRef(index).id;
    case NodeKindRole:
        return int(kind(index));
    case Qt::FontRole:
        if (isNamespace && index.column() == KeyColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() != ValueColumn || isNamespace) {
            return {};
        }
        switch (json.type()) {
        case instant::JsonNode::Type::String:
            return Theme::isDark() ? QColor(0x98, 0xc3, 0x79) : QColor(0x1f, 0x7a, 0x3a);
        case instant::JsonNode::Type::Number:
            return Theme::isDark() ? QColor(0x61, 0xaf, 0xef) : QColor(0x1c, 0x5a, 0xc4);
        case instant::JsonNode::Type::Bool:
        case instant::JsonNode::Type::Null:
            return Theme::isDark() ? QColor(0xc6, 0x78, 0xdd) : QColor(0x8a, 0x2b, 0xb3);
        case instant::JsonNode::Type::Array:
        case instant::JsonNode::Type::Object:
            return Theme::isDark() ? QColor(0x9a, 0xa0, 0xab) : QColor(0x6b, 0x71, 0x7c);
        }
        return {};
    case Qt::BackgroundRole: {
        const qreal strength = flashOf(item);
        if (strength <= 0) {
            return {};
        }
        QColor color = Theme::flashColor();
        color.setAlphaF(float(0.85 * strength));
        return color;
    }
    default:
        return {};
    }
}

QVariant ResultTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == KeyColumn ? tr("Key") : tr("Value");
}

} // namespace console
