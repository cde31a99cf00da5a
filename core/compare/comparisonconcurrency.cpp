// SPDX-License-Identifier: GPL-3.0-or-later
// Concurrency findings: the same calls overlapping less than in the baselines, and (one trace
// alone) calls made one after another that could have run at once.
#include "comparison.h"

#include "../analysis/selftime.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace tracedelta {

bool Comparison::concurrencyChanged(std::span<const std::int64_t> sums, std::span<const std::int64_t> walls, Candidate& out) const
{
    const std::size_t T = targetIndex();
    if (walls[T] <= 0)
        return false;
    std::vector<double> parallelism;
    for (std::size_t t = 0; t < T; ++t) {
        if (walls[t] > 0)
            parallelism.push_back(static_cast<double>(sums[t]) / static_cast<double>(walls[t]));
    }
    if (parallelism.empty())
        return false;
    std::sort(parallelism.begin(), parallelism.end());
    const BaselineStats baselineWall = baselineOf(walls);
    const std::size_t half = parallelism.size() / 2;
    const double baselineParallelism = parallelism.size() % 2 ? parallelism[half] : (parallelism[half - 1] + parallelism[half]) / 2;
    const double targetParallelism = static_cast<double>(sums[T]) / static_cast<double>(walls[T]);
    const std::int64_t deltaWall = timemath::sub(walls[T], baselineWall.median);
    if (!significant(deltaWall, baselineWall, walls[T]))
        return false;
    if (std::fabs(targetParallelism - baselineParallelism) < m_settings.parallelismChange)
        return false;
    if (baselineCount() >= 2 && targetParallelism >= parallelism.front() && targetParallelism <= parallelism.back())
        return false;
    // Had the calls overlapped as much as before, their wall time would be sum ÷ old parallelism;
    // the rest of the change is the concurrency's doing.
    const double expectedWall = static_cast<double>(sums[T]) / baselineParallelism;
    const double unexplained = static_cast<double>(walls[T]) - expectedWall;
    if ((unexplained > 0) != (deltaWall > 0) || std::fabs(unexplained) < 0.5 * static_cast<double>(timemath::abs(deltaWall)))
        return false;
    out.kind = CandidateKind::Concurrency;
    out.deltaNs = deltaWall;
    out.wallSpread = baselineWall;
    out.parallelismBaseline = baselineParallelism;
    out.parallelismTarget = targetParallelism;
    out.wallBaselineNs = baselineWall.median;
    out.wallTargetNs = walls[T];
    return true;
}

// Lost concurrency means the same calls now overlap less. An added call among fifteen
// short ones, or one call that waited longer, changes the children's parallelism without
// any overlap being lost: those calls are the news, reported on their own. So only the
// children that ran as in the baselines (same count, total within the baselines' range)
// are measured, and a claim is made only for the part of their union's growth that their
// own growth does not explain (concurrencyChanged).
bool Comparison::burstConcurrencyChanged(NodeIndex n, Candidate& out) const
{
    const std::size_t traceCount = m_alignment.traces().size();
    const std::size_t T = targetIndex();
    const auto& nodes = m_alignment.nodes();
    out.burst.clear();
    out.calls = 0;
    for (NodeIndex c : nodes[n].children) {
        const NodeMetrics& m = m_metrics[c];
        if (m.change == NodeChange::Unchanged && m.count[T] > 0 && m.baselineCount.min > 0 && !inSilentGap(c)) {
            out.burst.push_back(c);
            out.calls += m.count[T];
        }
    }
    if (out.calls < 2)
        return false;
    std::vector<std::int64_t> sums(traceCount, 0);
    std::vector<std::int64_t> walls(traceCount, 0);
    std::vector<Interval> intervals;
    for (std::size_t t = 0; t < traceCount; ++t) {
        const Trace& trace = *m_alignment.traces()[t];
        intervals.clear();
        for (NodeIndex c : out.burst) {
            for (SpanIndex s : nodes[c].spans[t])
                intervals.push_back({trace.startNs(s), trace.endNs(s)});
            sums[t] = timemath::add(sums[t], m_metrics[c].totalNs[t]);
        }
        walls[t] = coveredTime(intervals);
    }
    return concurrencyChanged(sums, walls, out);
}


// One trace alone: N calls to one operation under one parent span, one after another, is
// the N+1 pattern; what running them at once could save is the sum minus the longest call.
void Comparison::findSequentialCalls()
{
    const Trace& trace = target();
    const std::size_t T = targetIndex();
    std::vector<bool> reported(m_alignment.nodes().size(), false);
    std::unordered_map<NodeIndex, std::vector<SpanIndex>> byNode;
    std::vector<Interval> intervals;
    for (SpanIndex parent = 0; parent < trace.spanCount(); ++parent) {
        const auto kids = trace.children(parent);
        if (static_cast<int>(kids.size()) < m_settings.sequentialCallsPattern)
            continue;
        byNode.clear();
        for (SpanIndex c : kids)
            byNode[m_alignment.nodeOf(T, c)].push_back(c);
        for (const auto& [node, calls] : byNode) {
            if (static_cast<int>(calls.size()) < m_settings.sequentialCallsPattern || reported[node])
                continue;
            intervals.clear();
            std::int64_t sum = 0;
            std::int64_t longest = 0;
            for (SpanIndex c : calls) {
                intervals.push_back({trace.startNs(c), trace.endNs(c)});
                sum = timemath::add(sum, trace.durationNs(c));
                longest = std::max(longest, trace.durationNs(c));
            }
            const std::int64_t wall = coveredTime(intervals);
            const std::int64_t saving = timemath::sub(sum, longest);
            if (wall <= 0 || static_cast<double>(sum) > 1.05 * static_cast<double>(wall) || saving < m_settings.minimumDeltaNs)
                continue;
            reported[node] = true;
            Candidate c;
            c.node = node;
            c.kind = CandidateKind::Concurrency;
            c.deltaNs = saving;
            c.calls = static_cast<int>(calls.size());
            c.parallelismTarget = static_cast<double>(sum) / static_cast<double>(wall);
            c.wallTargetNs = wall;
            c.wallBaselineNs = longest; // what the calls would take at once
            m_candidates.push_back(c);
        }
    }
}

} // namespace tracedelta
