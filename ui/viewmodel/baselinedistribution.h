// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"

#include <cstdint>
#include <vector>

namespace tracedelta {

// For every span of the target: how long its counterparts took across the baselines, as
// the five figures of a box plot. It is what the overlay mode draws under each target
// bar, so twenty normal runs read as one spread instead of twenty panes.
//
// Each baseline contributes one value per target span: the call with the same ordinal
// when the baseline made as many calls of the node as the target, else the median of its
// calls (a loop that ran 12 times instead of 10 has no "same" call to match).
struct DurationSpread
{
    std::int64_t minNs = 0;
    std::int64_t p10Ns = 0;
    std::int64_t medianNs = 0;
    std::int64_t p90Ns = 0;
    std::int64_t maxNs = 0;
    int baselines = 0; // how many baselines have the span at all; 0: nothing to draw
};

class BaselineDistribution
{
public:
    explicit BaselineDistribution(const Comparison& comparison);

    std::size_t traceIndex() const { return m_traceIndex; }
    const DurationSpread& spreadOf(SpanIndex targetSpan) const { return m_spread[static_cast<std::size_t>(targetSpan)]; }
    std::size_t baselineCount() const { return m_baselineCount; }

private:
    std::size_t m_traceIndex = 0;
    std::size_t m_baselineCount = 0;
    std::vector<DurationSpread> m_spread;
};

} // namespace tracedelta
