#pragma once

#include <expected>
#include <vector>

#include <QAbstractListModel>
#include <QJsonArray>

#include "txstep.h"

namespace console {

/** The builder's list of steps; each row shows a one-line summary and whether the step is valid. */
class StepsModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepsModel)

public:
    enum Role {
        OperationRole = Qt::UserRole,
        ErrorRole,
        HighlightedRole,
    };

    struct Error {
        int row = -1;
        StepError error;
    };

    explicit StepsModel(QObject *parent = nullptr);
    ~StepsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int appendStep(const TxStep &step);
    void removeStep(int row);
    void moveStep(int from, int to);
    void clear();
    const TxStep &step(int row) const;
    void setStep(int row, const TxStep &step);
    const std::vector<TxStep> &steps() const { return m_steps; }

    /** The exact `steps` array, or the first invalid step. */
    std::expected<QJsonArray, Error> stepsJson() const;
    bool containsDeletes() const;

    /** Marks the step the server blamed (spec §2.4: hint.in starts with the step index); -1 clears. */
    void setHighlightedRow(int row);
    int highlightedRow() const { return m_highlighted; }

Q_SIGNALS:
    void stepsChanged();

private:
    std::vector<TxStep> m_steps;
    int m_highlighted = -1;
};

} // namespace console
