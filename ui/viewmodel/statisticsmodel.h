// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/operationstatistics.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>

namespace tracedelta {

// The operation statistics as a table: the operation, then calls · total · self for each
// trace, then the target's change against the baselines. Display text is in human units;
// SortRole gives the raw numbers, NodeRole the aligned node the row stands for.
class StatisticsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, NodeRole };
    static constexpr int ColumnsPerTrace = 3;

    explicit StatisticsModel(QObject* parent = nullptr);

    void setStatistics(std::shared_ptr<const OperationStatistics> statistics, QStringList traceLabels);
    const OperationStatistics* statistics() const { return m_statistics.get(); }
    int rowOfNode(NodeIndex node) const { return m_statistics ? m_statistics->rowOfNode(node) : -1; }
    int deltaColumn() const; // -1 without baselines

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString operationLabel(const OperationRow& row) const;

    std::shared_ptr<const OperationStatistics> m_statistics;
    QStringList m_traceLabels;
};

} // namespace tracedelta
