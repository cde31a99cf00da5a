// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"

#include <cstdint>
#include <vector>

namespace tracedelta {

// How a span is marked in the views, from the comparison's point of view.
// Concurrency: the calls of a "concurrency" finding (they lost or gained their overlap).
enum class SpanMark : std::uint8_t { None, Slower, Faster, Added, Removed, CountChanged, Concurrency };

// The comparison's findings flattened per span, so painting a bar is a table lookup.
// Target spans carry slower/faster/added/count marks and the self-time hotspot flag;
// baseline spans carry "removed" (missing from the target).
class ComparisonHighlights
{
public:
    ComparisonHighlights() = default;
    explicit ComparisonHighlights(const Comparison& comparison);

    SpanMark mark(std::size_t trace, SpanIndex span) const { return m_traces[trace].mark[span]; }
    // 0..1: how large the change is relative to the baseline (intensity of red/blue).
    float magnitude(std::size_t trace, SpanIndex span) const { return m_traces[trace].magnitude[span]; }
    bool isSelfTimeHotspot(std::size_t trace, SpanIndex span) const { return m_traces[trace].hotspot[span]; }

    SpanMark nodeMark(NodeIndex node) const { return m_nodeMark[node]; }
    float nodeMagnitude(NodeIndex node) const { return m_nodeMagnitude[node]; }
    // 1-based rank among the root-cause candidates, 0 when the node is not one.
    int candidateRank(NodeIndex node) const { return m_candidateRank[node]; }
    std::size_t traceCount() const { return m_traces.size(); }

private:
    struct PerTrace
    {
        std::vector<SpanMark> mark;
        std::vector<float> magnitude;
        std::vector<bool> hotspot;
    };
    std::vector<PerTrace> m_traces;
    std::vector<SpanMark> m_nodeMark;
    std::vector<float> m_nodeMagnitude;
    std::vector<int> m_candidateRank;
};

} // namespace tracedelta
