// SPDX-License-Identifier: GPL-3.0-or-later
#include "iciclelayout.h"

#include <algorithm>
#include <unordered_map>

namespace tracedelta {

IcicleLayout::IcicleLayout(const Trace& trace)
{
    // Blocks: one per lane of the top-level spans, in order of first appearance.
    const auto count = static_cast<std::size_t>(trace.spanCount());
    std::vector<std::int32_t> block(count, 0);
    std::vector<int> blockDepth;
    std::unordered_map<std::int32_t, std::int32_t> blockOfLane;
    for (SpanIndex i = 0; i < trace.spanCount(); ++i) {
        const SpanIndex parent = trace.parent(i);
        std::int32_t b = 0;
        if (parent == NoSpan) {
            b = blockOfLane.try_emplace(trace.lane(i), static_cast<std::int32_t>(blockOfLane.size())).first->second;
        } else {
            b = block[static_cast<std::size_t>(parent)];
        }
        block[static_cast<std::size_t>(i)] = b;
        if (static_cast<std::size_t>(b) >= blockDepth.size())
            blockDepth.resize(static_cast<std::size_t>(b) + 1, 0);
        blockDepth[static_cast<std::size_t>(b)] = std::max(blockDepth[static_cast<std::size_t>(b)], trace.depth(i) + 1);
    }
    int offset = 0;
    std::vector<int> blockOffset;
    for (const int depth : blockDepth) {
        blockOffset.push_back(offset);
        m_blockStarts.push_back(offset);
        offset += depth;
    }
    m_rows.resize(static_cast<std::size_t>(offset));
    m_rowOfSpan.resize(count);
    for (SpanIndex i = 0; i < trace.spanCount(); ++i) {
        const int row = blockOffset[static_cast<std::size_t>(block[static_cast<std::size_t>(i)])] + trace.depth(i);
        m_rowOfSpan[static_cast<std::size_t>(i)] = row;
        m_rows[static_cast<std::size_t>(row)].push_back(i);
    }
    m_maxEnd.resize(m_rows.size());
    m_starts.resize(m_rows.size());
    m_ends.resize(m_rows.size());
    for (std::size_t d = 0; d < m_rows.size(); ++d) {
        auto& row = m_rows[d];
        std::stable_sort(row.begin(), row.end(),
                         [&trace](SpanIndex a, SpanIndex b) { return trace.startNs(a) < trace.startNs(b); });
        auto& maxEnd = m_maxEnd[d];
        maxEnd.reserve(row.size());
        std::int64_t running = INT64_MIN;
        m_starts[d].reserve(row.size());
        m_ends[d].reserve(row.size());
        for (const SpanIndex s : row) {
            running = std::max(running, trace.endNs(s));
            maxEnd.push_back(running);
            m_starts[d].push_back(trace.startNs(s));
            m_ends[d].push_back(trace.endNs(s));
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
    if (depth < 0 || depth >= rowCount())
        return NoSpan;
    const auto& spans = row(depth);
    SpanIndex best = NoSpan;
    for (std::size_t k = firstEndingAfter(depth, timemath::sub(timemath::sub(timeNs, toleranceNs), 1)); k < spans.size(); ++k) {
        const SpanIndex s = spans[k];
        if (trace.startNs(s) > timemath::add(timeNs, toleranceNs))
            break;
        if (timemath::add(trace.endNs(s), toleranceNs) < timeNs)
            continue;
        if (best == NoSpan || trace.durationNs(s) < trace.durationNs(best))
            best = s;
    }
    return best;
}

} // namespace tracedelta
