#include "checkresultsmodel.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>

namespace console {

CheckResultsModel::CheckResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

CheckResultsModel::~CheckResultsModel() = default;

int CheckResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CheckResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ResultColumn:
            if (!row.pass) {
                //: The rule returned something other than true or false
                return tr("non-boolean");
            }
            return *row.pass ? tr("pass") : tr("fail");
        case NamespaceColumn:
            return row.ns;
        case EntityColumn:
            return row.entity;
        case ActionColumn:
            return row.action;
        case RuleColumn:
            return row.rule.isEmpty() ? tr("(no rule: allowed by default)") : row.rule;
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn && row.pass) {
            return QBrush(*row.pass ? QColor(0x2e, 0x7d, 0x32) : QColor(0xd3, 0x2f, 0x2f));
        }
        return {};
    case PassRole:
        return row.pass ? QVariant(*row.pass) : QVariant();
    case CheckRole:
        return row.check;
    default:
        return {};
    }
}

QVariant CheckResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ResultColumn:
        return tr("Result");
    case NamespaceColumn:
        return tr("Namespace");
    case EntityColumn:
        return tr("Entity");
    case ActionColumn:
        return tr("Action");
    case RuleColumn:
        return tr("Rule");
    default:
        return {};
    }
}

void CheckResultsModel::setChecks(const QJsonArray &checks)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &value : checks) {
        const QJsonObject check = value.toObject();
        const QJsonObject program = check.value(u"program").toObject();
        Row row;
        row.check = check;
        // Transaction checks carry check-pass?; query checks only the raw rule value in check.
        const QJsonValue pass = check.contains(u"check-pass?") ? check.value(u"check-pass?") : check.value(u"check");
        if (pass.isBool()) {
            row.pass = pass.toBool();
        }
        row.ns = check.contains(u"etype") ? check.value(u"etype").toString() : check.value(u"entity").toString();
        row.entity = check.contains(u"eid") ? check.value(u"eid").toString() : check.value(u"id").toString();
        const QString action
            = check.contains(u"action") ? check.value(u"action").toString() : program.value(u"action").toString();
        const QString scope = check.value(u"scope").toString();
        row.action = scope.isEmpty() ? action : tr("%1 (%2)").arg(action, scope);
        row.rule = program.value(u"display-code").toString();
        if (row.rule.isEmpty()) {
            row.rule = program.value(u"code").toString();
        }
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

int CheckResultsModel::passCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.pass == true; }));
}

int CheckResultsModel::failCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.pass == false; }));
}

} // namespace console
