// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonhighlights.h"

#include <algorithm>
#include <cmath>

namespace tracedelta {

namespace {

SpanMark markOf(NodeChange change)
{
    switch (change) {
    case NodeChange::Slower: return SpanMark::Slower;
    case NodeChange::Faster: return SpanMark::Faster;
    case NodeChange::Added: return SpanMark::Added;
    case NodeChange::Removed: return SpanMark::Removed;
    case NodeChange::CountChanged: return SpanMark::CountChanged;
    case NodeChange::Unchanged: break;
    }
    return SpanMark::None;
}

// A doubling (or halving) is full intensity; small changes stay pale but visible.
float relativeMagnitude(std::int64_t value, std::int64_t reference)
{
    if (reference <= 0)
        return 1.0f;
    const double ratio = std::abs(static_cast<double>(value - reference)) / static_cast<double>(reference);
    return static_cast<float>(std::clamp(ratio, 0.0, 1.0));
}

} // namespace

ComparisonHighlights::ComparisonHighlights(const Comparison& comparison)
{
    const Alignment& alignment = comparison.alignment();
    const std::size_t traceCount = alignment.traces().size();
    const std::size_t target = comparison.targetIndex();
    const std::size_t nodeCount = alignment.nodes().size();
    m_nodeMark.assign(nodeCount, SpanMark::None);
    m_nodeMagnitude.assign(nodeCount, 0.0f);
    m_candidateRank.assign(nodeCount, 0);
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodeCount); ++n) {
        const NodeMetrics& metrics = comparison.metrics(n);
        // Between unrelated traces every node is "added" or "removed": no news, so no marks.
        if (comparison.verdict() == Verdict::Unrelated)
            continue;
        m_nodeMark[n] = markOf(metrics.change);
        m_nodeMagnitude[n] = metrics.change == NodeChange::CountChanged
            ? relativeMagnitude(metrics.count[target], metrics.baselineCount.median)
            : relativeMagnitude(metrics.totalNs[target], metrics.baselineTotal.median);
    }
    int rank = 0;
    // The calls that ran one at a time (or now overlap) are the finding: mark them as such,
    // whether they are the node's own repeated spans or the children of its spans.
    for (const Candidate& candidate : comparison.candidates()) {
        ++rank;
        if (candidate.node > 0 && m_candidateRank[candidate.node] == 0)
            m_candidateRank[candidate.node] = rank;
        if (candidate.kind != CandidateKind::Concurrency || candidate.node <= 0 || comparison.verdict() == Verdict::Unrelated)
            continue;
        const float magnitude = candidate.parallelismBaseline > 0
            ? static_cast<float>(std::clamp(std::abs(candidate.parallelismBaseline - candidate.parallelismTarget) / candidate.parallelismBaseline, 0.3, 1.0))
            : 1.0f;
        if (candidate.aboutChildren) {
            for (NodeIndex child : candidate.burst) {
                if (m_nodeMark[child] == SpanMark::None || m_nodeMark[child] == SpanMark::Slower || m_nodeMark[child] == SpanMark::Faster) {
                    m_nodeMark[child] = SpanMark::Concurrency;
                    m_nodeMagnitude[child] = magnitude;
                }
            }
        } else {
            m_nodeMark[candidate.node] = SpanMark::Concurrency;
            m_nodeMagnitude[candidate.node] = magnitude;
        }
    }

    m_traces.resize(traceCount);
    for (std::size_t t = 0; t < traceCount; ++t) {
        const Trace& trace = *alignment.traces()[t];
        PerTrace& per = m_traces[t];
        const auto spans = static_cast<std::size_t>(trace.spanCount());
        per.mark.assign(spans, SpanMark::None);
        per.magnitude.assign(spans, 0.0f);
        per.hotspot.assign(spans, false);
        for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
            const NodeIndex node = alignment.nodeOf(t, s);
            if (node <= 0)
                continue;
            const SpanMark nodeMark = m_nodeMark[node];
            const bool isTarget = t == target && comparison.baselineCount() > 0;
            if ((isTarget && nodeMark != SpanMark::Removed) || (!isTarget && nodeMark == SpanMark::Removed)) {
                per.mark[s] = nodeMark;
                per.magnitude[s] = m_nodeMagnitude[node];
            }
            per.hotspot[s] = t == target && comparison.metrics(node).disproportionateSelfTime;
        }
    }
}

} // namespace tracedelta
