// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparison.h"

#include <optional>
#include <string>
#include <vector>

namespace tracedelta {

// How rows group the spans: one row per operation (service and normalised name, wherever
// it is called), per aligned path from the root, or per lane (thread, stream, service).
enum class StatisticsGrouping { Operation, Path, Lane };

QString groupingName(StatisticsGrouping grouping); // "operation", "path", "lane"
std::optional<StatisticsGrouping> groupingFromName(const QString& name);

// Distribution of one quantity over the spans of a row in one trace.
struct SpanDistribution
{
    std::int64_t min = 0;
    std::int64_t median = 0;
    std::int64_t p90 = 0;
    std::int64_t max = 0;
};

struct OperationRow
{
    std::string service; // as shown: the target's lane or service
    std::string name;    // as shown: the target's name (the key may be normalised)
    std::vector<NodeIndex> nodes;  // aligned nodes the row covers, for selecting it in the views
    // Per trace, in the comparison's order (baselines first, target last).
    struct TraceFigures
    {
        int count = 0;
        std::int64_t totalNs = 0;
        std::int64_t selfNs = 0;
        SpanDistribution duration;
        SpanDistribution self;
    };
    std::vector<TraceFigures> traces;
    std::vector<int> counts() const;
    std::vector<std::int64_t> totals() const;
    std::vector<std::int64_t> selfs() const;
    // Against the baselines (zero without baselines): the target minus the baselines' median.
    std::int64_t baselineTotalMedianNs = 0;
    std::int64_t baselineTotalMinNs = 0;
    std::int64_t baselineTotalMaxNs = 0;
    std::int64_t baselineSelfMedianNs = 0;
    std::int64_t deltaTotalNs = 0;
    std::int64_t deltaSelfNs = 0;
    double deltaTotalRelative = 0; // Δ ÷ baseline median; 0 when the baseline median is 0
    int candidateRank = 0;         // best rank of a root-cause candidate in the row, 0 for none
};

// Every operation of every compared trace in one table: what takes the time, how many
// calls, and how that changed against the baselines. Refers to the comparison's
// alignment, so it must not outlive the comparison it was made from.
class OperationStatistics
{
public:
    OperationStatistics() = default;
    OperationStatistics(const Comparison& comparison, StatisticsGrouping grouping);

    StatisticsGrouping grouping() const { return m_grouping; }
    std::size_t traceCount() const { return m_traceCount; }
    std::size_t baselineCount() const { return m_traceCount > 0 ? m_traceCount - 1 : 0; }
    const std::vector<OperationRow>& rows() const { return m_rows; }
    // The row holding an aligned node, or -1.
    int rowOfNode(NodeIndex node) const;
    // Path grouping: "service:operation" of each node from the root down to the row's node.
    std::vector<std::string> path(const OperationRow& row) const;

private:
    const Alignment* m_alignment = nullptr;
    StatisticsGrouping m_grouping = StatisticsGrouping::Operation;
    std::size_t m_traceCount = 0;
    std::vector<OperationRow> m_rows;
    std::vector<int> m_rowOfNode;
};

} // namespace tracedelta
