#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace console {

/**
 * The `check-results` of a permission check, one row per entity and rule. Reads both shapes: query checks
 * (spec §4.6: entity, id, program, check) and transaction checks (§4.7: etype, eid, action, scope, program,
 * check-pass?).
 */
class CheckResultsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckResultsModel)

public:
    enum Column {
        ResultColumn,
        NamespaceColumn,
        EntityColumn,
        ActionColumn,
        RuleColumn,
        ColumnCount,
    };
    enum Role {
        /** true / false for pass / fail; invalid when the rule result is not a boolean. */
        PassRole = Qt::UserRole,
        /** The raw check object. */
        CheckRole,
    };

    explicit CheckResultsModel(QObject *parent = nullptr);
    ~CheckResultsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setChecks(const QJsonArray &checks);
    int passCount() const;
    int failCount() const;

private:
    struct Row {
        QJsonObject check;
        std::optional<bool> pass;
        QString ns;
        QString entity;
        QString action;
        QString rule;
    };
    std::vector<Row> m_rows;
};

} // namespace console
