// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselinedistribution.h"

#include <algorithm>

namespace tracedelta {

BaselineDistribution::BaselineDistribution(const Comparison& comparison)
    : m_traceIndex(comparison.targetIndex())
    , m_baselineCount(comparison.baselineCount())
    , m_spread(static_cast<std::size_t>(comparison.target().spanCount()))
{
    const Alignment& alignment = comparison.alignment();
    const auto& traces = alignment.traces();
    std::vector<std::int64_t> values;
    std::vector<std::int64_t> calls;
    for (const AlignedNode& node : alignment.nodes()) {
        if (node.spans.size() <= m_traceIndex)
            continue;
        const std::span<const SpanIndex> targetSpans = node.spans[m_traceIndex];
        for (std::size_t ordinal = 0; ordinal < targetSpans.size(); ++ordinal) {
            values.clear();
            for (std::size_t b = 0; b < m_baselineCount; ++b) {
                const std::span<const SpanIndex> spans = node.spans[b];
                if (spans.empty())
                    continue;
                const Trace& baseline = *traces[b];
                if (spans.size() == targetSpans.size()) {
                    values.push_back(baseline.durationNs(spans[ordinal]));
                    continue;
                }
                calls.clear();
                for (const SpanIndex s : spans)
                    calls.push_back(baseline.durationNs(s));
                std::sort(calls.begin(), calls.end());
                values.push_back(sortedMedian(calls));
            }
            if (values.empty())
                continue;
            std::sort(values.begin(), values.end());
            DurationSpread& spread = m_spread[static_cast<std::size_t>(targetSpans[ordinal])];
            spread.minNs = values.front();
            spread.p10Ns = sortedPercentile(values, 0.1);
            spread.medianNs = sortedMedian(values);
            spread.p90Ns = sortedPercentile(values, 0.9);
            spread.maxNs = values.back();
            spread.baselines = static_cast<int>(values.size());
        }
    }
}

} // namespace tracedelta
