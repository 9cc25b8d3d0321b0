#include "stepsmodel.h"

#include <QBrush>
#include <QColor>
#include <QPalette>

namespace console {

StepsModel::StepsModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

StepsModel::~StepsModel() = default;

int StepsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_steps.size());
}

QVariant StepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TxStep &step = m_steps.at(static_cast<std::size_t>(index.row()));
    const auto json = step.toJson();

    switch (role) {
    case Qt::DisplayRole: {
        QString entity;
        if (json) {
            const QJsonValue eid = json->at(2);
            entity = eid.isString() ? eid.toString() : tr("lookup %1").arg(step.entity.attribute);
        } else {
            entity = step.entity.form == StepEntity::Form::Id ? step.entity.id : step.entity.attribute;
        }
        //: One line per transaction step: "update goals <id>"
        return tr("%1 %2 %3").arg(TxStep::opName(step.op), step.ns.isEmpty() ? tr("(no namespace)") : step.ns, entity);
    }
    case Qt::ToolTipRole:
    case ErrorRole:
        return json ? QVariant() : QVariant(json.error().message);
    case Qt::ForegroundRole:
        return json ? QVariant() : QVariant(QBrush(QColor(Qt::red)));
    case Qt::BackgroundRole:
        return index.row() == m_highlighted ? QVariant(QBrush(QColor(255, 200, 200))) : QVariant();
    case OperationRole:
        return TxStep::opName(step.op);
    case HighlightedRole:
        return index.row() == m_highlighted;
    default:
        return {};
    }
}

int StepsModel::appendStep(const TxStep &step)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_steps.push_back(step);
    endInsertRows();
    setHighlightedRow(-1);
    Q_EMIT stepsChanged();
    return row;
}

void StepsModel::removeStep(int row)
{
    if (row < 0 || row >= rowCount()) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_steps.erase(m_steps.begin() + row);
    endRemoveRows();
    setHighlightedRow(-1);
    Q_EMIT stepsChanged();
}

void StepsModel::moveStep(int from, int to)
{
    if (from < 0 || from >= rowCount() || to < 0 || to >= rowCount() || from == to) {
        return;
    }
    // beginMoveRows counts the destination before the move, hence +1 when moving down.
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    TxStep moved = m_steps.at(static_cast<std::size_t>(from));
    m_steps.erase(m_steps.begin() + from);
    m_steps.insert(m_steps.begin() + to, moved);
    endMoveRows();
    setHighlightedRow(-1);
    Q_EMIT stepsChanged();
}

void StepsModel::clear()
{
    beginResetModel();
    m_steps.clear();
    m_highlighted = -1;
    endResetModel();
    Q_EMIT stepsChanged();
}

const TxStep &StepsModel::step(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_steps.at(static_cast<std::size_t>(row));
}

void StepsModel::setStep(int row, const TxStep &step)
{
    if (row < 0 || row >= rowCount() || m_steps.at(static_cast<std::size_t>(row)) == step) {
        return;
    }
    m_steps[static_cast<std::size_t>(row)] = step;
    setHighlightedRow(-1);
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT stepsChanged();
}

std::expected<QJsonArray, StepsModel::Error> StepsModel::stepsJson() const
{
    QJsonArray steps;
    for (int row = 0; row < rowCount(); ++row) {
        const auto json = m_steps.at(static_cast<std::size_t>(row)).toJson();
        if (!json) {
            return std::unexpected(Error {row, json.error()});
        }
        steps.append(*json);
    }
    return steps;
}

bool StepsModel::containsDeletes() const
{
    return std::any_of(
        m_steps.cbegin(), m_steps.cend(), [](const TxStep &step) { return step.op == TxStep::Op::Delete; });
}

void StepsModel::setHighlightedRow(int row)
{
    if (row >= rowCount()) {
        row = -1;
    }
    if (row == m_highlighted) {
        return;
    }
    const int previous = m_highlighted;
    m_highlighted = row;
    if (previous >= 0) {
        Q_EMIT dataChanged(index(previous), index(previous));
    }
    if (row >= 0) {
        Q_EMIT dataChanged(index(row), index(row));
    }
}

} // namespace console
