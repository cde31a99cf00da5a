// SPDX-License-Identifier: GPL-3.0-or-later
#include "iciclelayout.h"

#include <algorithm>

namespace tracedelta {

IcicleLayout::IcicleLayout(const Trace& trace)
{
    for (SpanIndex i = 0; i < trace.spanCount(); ++i) {
        const auto depth = static_cast<std::size_t>(trace.depth(i));
        if (depth >= m_rows.size())
            m_rows.resize(depth + 1);
        m_rows[depth].push_back(i);
    }
    m_maxEnd.resize(m_rows.size());
    for (std::size_t d = 0; d < m_rows.size(); ++d) {
        auto& row = m_rows[d];
        std::stable_sort(row.begin(), row.end(),
                         [&trace](SpanIndex a, SpanIndex b) { return trace.startNs(a) < trace.startNs(b); });
        auto& maxEnd = m_maxEnd[d];
        maxEnd.reserve(row.size());
        std::int64_t running = INT64_MIN;
        for (const SpanIndex s : row) {
            running = std::max(running, trace.endNs(s));
            maxEnd.push_back(running);
        }
    }
}

std::size_t IcicleLayout::firstEndingAfter(int depth, std::int64_t timeNs) const
{
    const auto& maxEnd = m_maxEnd[static_cast<std::size_t>(depth)];
    return static_cast<std::size_t>(std::upper_bound(maxEnd.begin(), maxEnd.end(), timeNs) - maxEnd.begin());
}

SpanIndex IcicleLayout::spanAt(const Trace& trace, int depth, std::int64_t timeNs, std::int64_t toleranceNs) const
{
    if (depth < 0 || depth >= depthCount())
        return NoSpan;
    const auto& spans = row(depth);
    SpanIndex best = NoSpan;
    for (std::size_t k = firstEndingAfter(depth, timeNs - toleranceNs - 1); k < spans.size(); ++k) {
        const SpanIndex s = spans[k];
        if (trace.startNs(s) > timeNs + toleranceNs)
            break;
        if (trace.endNs(s) + toleranceNs < timeNs)
            continue;
        if (best == NoSpan || trace.durationNs(s) < trace.durationNs(best))
            best = s;
    }
    return best;
}

} // namespace tracedelta
