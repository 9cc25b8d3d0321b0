#pragma once

#include "session/sessiontypes.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>

namespace console {

class ResultTreeModel;

/**
 * One namespace of a result as a table: a row per entity, a column per attribute ("id" first). It is a
 * view onto ResultTreeModel and forwards its keyed row changes, so a sorting proxy on top keeps its
 * selection when a live result changes.
 */
class ResultTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultTableModel)
public:
    enum Role {
        /** Value for sorting: QString, double, qint64, bool, or a null QVariant. */
        SortRole = Qt::UserRole + 1,
        /** Compact JSON of the cell's value. */
        JsonRole,
        EntityIdRole,
    };

    explicit ResultTableModel(ResultTreeModel *source, QObject *parent = nullptr);
    ~ResultTableModel() override;

    QByteArray namespaceName() const { return m_namespace; }
    void setNamespace(const QByteArray &name);

    /** When true, cells other than "id" can be edited; edits are reported by editRequested(). */
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    QByteArray columnKey(int column) const;
    EntityRef entityRef(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void editRequested(const console::EntityRef &entity, const QString &attribute, const QJsonValue &value);

private:
    bool isOurs(const QModelIndex &sourceParent) const;
    void resolveNamespace();
    void onColumnsChanged(int nsRow);
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onFlashTick();

    QPointer<ResultTreeModel> m_source;
    QByteArray m_namespace;
    int m_nsRow = -1;
    QList<QByteArray> m_columns;
    bool m_editable = false;
    bool m_resetting = false;
    QList<QPersistentModelIndex> m_flashing;
    QList<QPersistentModelIndex> m_layoutIndexes;
    QList<QByteArray> m_layoutKeys;
};

} // namespace console
