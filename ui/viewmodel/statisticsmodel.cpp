// SPDX-License-Identifier: GPL-3.0-or-later
#include "statisticsmodel.h"

#include "core/util/durationformat.h"

#include <QColor>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tracedelta {

StatisticsModel::StatisticsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void StatisticsModel::setStatistics(std::shared_ptr<const OperationStatistics> statistics, QStringList traceLabels)
{
    beginResetModel();
    m_statistics = std::move(statistics);
    m_traceLabels = std::move(traceLabels);
    endResetModel();
}

int StatisticsModel::deltaColumn() const
{
    if (!m_statistics || m_statistics->baselineCount() == 0)
        return -1;
    return 1 + static_cast<int>(m_statistics->traceCount()) * ColumnsPerTrace;
}

int StatisticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_statistics ? 0 : static_cast<int>(m_statistics->rows().size());
}

int StatisticsModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_statistics)
        return 0;
    // Operation, the trace groups, then Δ total, Δ %, Δ self and the candidate rank.
    return 1 + static_cast<int>(m_statistics->traceCount()) * ColumnsPerTrace + (deltaColumn() >= 0 ? 4 : 0);
}

QString StatisticsModel::operationLabel(const OperationRow& row) const
{
    switch (m_statistics->grouping()) {
    case StatisticsGrouping::Lane:
        return QString::fromStdString(row.service).trimmed();
    case StatisticsGrouping::Path: {
        QStringList parts;
        for (const std::string& p : m_statistics->path(row))
            parts << QString::fromStdString(p);
        return parts.join(QStringLiteral(" › "));
    }
    case StatisticsGrouping::Operation:
        break;
    }
    return QStringLiteral("%1: %2").arg(QString::fromStdString(row.service).trimmed(), QString::fromStdString(row.name));
}

QVariant StatisticsModel::data(const QModelIndex& index, int role) const
{
    if (!m_statistics || !index.isValid() || index.row() >= rowCount())
        return {};
    const OperationRow& row = m_statistics->rows()[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (role == NodeRole)
        return row.nodes.empty() ? QVariant() : QVariant(row.nodes.front());
    if (column == 0) {
        if (role == Qt::DisplayRole || role == SortRole)
            return operationLabel(row);
        if (role == Qt::ToolTipRole)
            return operationLabel(row);
        return {};
    }
    const int traceColumns = static_cast<int>(m_statistics->traceCount()) * ColumnsPerTrace;
    if (column <= traceColumns) {
        const auto t = static_cast<std::size_t>((column - 1) / ColumnsPerTrace);
        const int kind = (column - 1) % ColumnsPerTrace;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == SortRole)
            return kind == 0 ? QVariant(row.traces[t].count) : QVariant(static_cast<qlonglong>(kind == 1 ? row.traces[t].totalNs : row.traces[t].selfNs));
        if (role == Qt::DisplayRole)
            return kind == 0 ? QString::number(row.traces[t].count) : formatDuration(kind == 1 ? row.traces[t].totalNs : row.traces[t].selfNs);
        if (role == Qt::ToolTipRole && kind != 0) {
            const SpanDistribution& d = kind == 1 ? row.traces[t].duration : row.traces[t].self;
            return tr("min %1 · median %2 · p90 %3 · max %4")
                .arg(formatDuration(d.min), formatDuration(d.median), formatDuration(d.p90), formatDuration(d.max));
        }
        return {};
    }
    const int which = column - traceColumns - 1; // 0 Δ total, 1 Δ %, 2 Δ self, 3 candidate
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (which) {
        case 0: return static_cast<qlonglong>(row.deltaTotalNs);
        case 1: return row.deltaTotalRelative;
        case 2: return static_cast<qlonglong>(row.deltaSelfNs);
        default: return row.candidateRank == 0 ? std::numeric_limits<int>::max() : row.candidateRank;
        }
    }
    if (role == Qt::DisplayRole) {
        switch (which) {
        case 0: return formatSignedDuration(row.deltaTotalNs);
        case 1: return row.baselineTotalMedianNs > 0 ? QStringLiteral("%1%2 %").arg(row.deltaTotalRelative >= 0 ? QStringLiteral("+") : QString())
                                                               .arg(row.deltaTotalRelative * 100.0, 0, 'f', 0)
                                                     : QString();
        case 2: return formatSignedDuration(row.deltaSelfNs);
        default: return row.candidateRank > 0 ? QStringLiteral("#%1").arg(row.candidateRank) : QString();
        }
    }
    // Δ cells in the highlight colours: red slower, blue faster, stronger for larger changes.
    if (role == Qt::BackgroundRole && which <= 2) {
        const std::int64_t delta = which == 2 ? row.deltaSelfNs : row.deltaTotalNs;
        const bool withinSpread = m_statistics->baselineCount() > 1 && row.traces.back().totalNs >= row.baselineTotalMinNs
            && row.traces.back().totalNs <= row.baselineTotalMaxNs;
        if (delta == 0 || withinSpread)
            return {}; // inside the baselines' own spread: not coloured
        const double relative = row.baselineTotalMedianNs > 0 ? std::fabs(static_cast<double>(delta)) / static_cast<double>(row.baselineTotalMedianNs) : 1.0;
        const int alpha = static_cast<int>(40 + 140 * std::clamp(relative, 0.0, 1.0));
        return delta > 0 ? QColor(0xd6, 0x27, 0x28, alpha) : QColor(0x1f, 0x6f, 0xc4, alpha);
    }
    return {};
}

QVariant StatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || !m_statistics)
        return {};
    const int traceColumns = static_cast<int>(m_statistics->traceCount()) * ColumnsPerTrace;
    if (section == 0)
        return role == Qt::DisplayRole ? (m_statistics->grouping() == StatisticsGrouping::Lane   ? tr("Lane")
                                          : m_statistics->grouping() == StatisticsGrouping::Path ? tr("Path")
                                                                                                 : tr("Operation"))
                                       : QVariant();
    if (section <= traceColumns) {
        const int t = (section - 1) / ColumnsPerTrace;
        const bool target = m_statistics->baselineCount() > 0 && t + 1 == static_cast<int>(m_statistics->traceCount());
        if (role == Qt::ToolTipRole)
            return m_traceLabels.value(t);
        if (role != Qt::DisplayRole)
            return {};
        const QString trace = target ? tr("target") : QStringLiteral("[%1]").arg(t + 1);
        switch ((section - 1) % ColumnsPerTrace) {
        case 0: return tr("%1 calls").arg(trace);
        case 1: return tr("%1 total").arg(trace);
        default: return tr("%1 self").arg(trace);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section - traceColumns - 1) {
    case 0: return tr("Δ total");
    case 1: return tr("Δ %");
    case 2: return tr("Δ self");
    default: return tr("Candidate");
    }
}

} // namespace tracedelta
