// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationstatistics.h"

#include "namenormalisation.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace tracedelta {

namespace {

SpanDistribution distributionOf(std::vector<std::int64_t>& values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    return {values.front(), sortedMedian(values), sortedPercentile(values, 0.9), values.back()};
}

} // namespace

QString groupingName(StatisticsGrouping grouping)
{
    switch (grouping) {
    case StatisticsGrouping::Operation: return QStringLiteral("operation");
    case StatisticsGrouping::Path: return QStringLiteral("path");
    case StatisticsGrouping::Lane: return QStringLiteral("lane");
    }
    return {};
}

std::optional<StatisticsGrouping> groupingFromName(const QString& name)
{
    for (StatisticsGrouping g : {StatisticsGrouping::Operation, StatisticsGrouping::Path, StatisticsGrouping::Lane}) {
        if (groupingName(g) == name)
            return g;
    }
    return std::nullopt;
}

OperationStatistics::OperationStatistics(const Comparison& comparison, StatisticsGrouping grouping)
    : m_alignment(&comparison.alignment())
    , m_grouping(grouping)
    , m_traceCount(comparison.alignment().traces().size())
{
    const Alignment& alignment = comparison.alignment();
    const auto& nodes = alignment.nodes();
    const bool normalise = alignment.options().normaliseNames;
    m_rowOfNode.assign(nodes.size(), -1);

    // Which row each node belongs to: keyed by text, so nodes of one operation under
    // different parents (or lanes) share a row.
    std::unordered_map<std::string, int> rowOfKey;
    if (grouping == StatisticsGrouping::Path)
        m_rows.reserve(nodes.size());
    std::vector<NodeIndex> laneOf(nodes.size(), NoNode); // the top-level ancestor
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
        const AlignedNode& node = nodes[n];
        laneOf[n] = node.parent <= 0 ? n : laneOf[node.parent];
        // One row per node needs no key: a path's row is its node.
        int rowIndex = static_cast<int>(m_rows.size());
        bool newRow = true;
        if (grouping != StatisticsGrouping::Path) {
            std::string key = grouping == StatisticsGrouping::Operation
                ? node.service + '\x1f' + (normalise ? normalisedName(node.name) : node.name)
                : nodes[laneOf[n]].service;
            const auto [it, inserted] = rowOfKey.try_emplace(std::move(key), rowIndex);
            rowIndex = it->second;
            newRow = inserted;
        }
        if (newRow) {
            OperationRow row;
            row.service = grouping == StatisticsGrouping::Lane ? nodes[laneOf[n]].service : node.service;
            row.name = grouping == StatisticsGrouping::Lane ? std::string() : node.name;
            m_rows.push_back(std::move(row));
        }
        m_rowOfNode[n] = rowIndex;
        m_rows[static_cast<std::size_t>(rowIndex)].nodes.push_back(n);
    }

    std::vector<std::int64_t> durations;
    std::vector<std::int64_t> selfs;
    std::vector<std::int64_t> baselineTotals;
    std::vector<std::int64_t> baselineSelfs;
    for (OperationRow& row : m_rows) {
        row.traces.resize(m_traceCount);
        for (std::size_t t = 0; t < m_traceCount; ++t) {
            const Trace& trace = *alignment.traces()[t];
            OperationRow::TraceFigures& figures = row.traces[t];
            durations.clear();
            selfs.clear();
            for (NodeIndex n : row.nodes) {
                for (SpanIndex s : nodes[n].spans[t]) {
                    durations.push_back(trace.durationNs(s));
                    selfs.push_back(trace.selfNs(s));
                    figures.totalNs = timemath::add(figures.totalNs, trace.durationNs(s));
                    figures.selfNs = timemath::add(figures.selfNs, trace.selfNs(s));
                }
            }
            figures.count = static_cast<int>(durations.size());
            figures.duration = distributionOf(durations);
            figures.self = distributionOf(selfs);
        }
        if (baselineCount() > 0) {
            baselineTotals.clear();
            baselineSelfs.clear();
            for (std::size_t t = 0; t + 1 < m_traceCount; ++t) {
                baselineTotals.push_back(row.traces[t].totalNs);
                baselineSelfs.push_back(row.traces[t].selfNs);
            }
            const BaselineStats total = baselineStats(baselineTotals);
            const BaselineStats self = baselineStats(baselineSelfs);
            row.baselineTotalMedianNs = total.median;
            row.baselineTotalMinNs = total.min;
            row.baselineTotalMaxNs = total.max;
            row.baselineSelfMedianNs = self.median;
            row.deltaTotalNs = timemath::sub(row.traces.back().totalNs, total.median);
            row.deltaSelfNs = timemath::sub(row.traces.back().selfNs, self.median);
            row.deltaTotalRelative = total.median > 0 ? static_cast<double>(row.deltaTotalNs) / static_cast<double>(total.median) : 0.0;
        }
    }
    int rank = 0;
    for (const Candidate& c : comparison.candidates()) {
        ++rank;
        if (c.node <= 0 || m_rowOfNode[c.node] < 0)
            continue;
        int& best = m_rows[m_rowOfNode[c.node]].candidateRank;
        if (best == 0 || rank < best)
            best = rank;
    }
}

std::vector<int> OperationRow::counts() const
{
    std::vector<int> out;
    for (const TraceFigures& f : traces)
        out.push_back(f.count);
    return out;
}

std::vector<std::int64_t> OperationRow::totals() const
{
    std::vector<std::int64_t> out;
    for (const TraceFigures& f : traces)
        out.push_back(f.totalNs);
    return out;
}

std::vector<std::int64_t> OperationRow::selfs() const
{
    std::vector<std::int64_t> out;
    for (const TraceFigures& f : traces)
        out.push_back(f.selfNs);
    return out;
}

std::vector<std::string> OperationStatistics::path(const OperationRow& row) const
{
    return m_alignment && !row.nodes.empty() ? m_alignment->path(row.nodes.front()) : std::vector<std::string>();
}

int OperationStatistics::rowOfNode(NodeIndex node) const
{
    return node >= 0 && static_cast<std::size_t>(node) < m_rowOfNode.size() ? m_rowOfNode[node] : -1;
}

} // namespace tracedelta
