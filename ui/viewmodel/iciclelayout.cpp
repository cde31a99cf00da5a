// SPDX-License-Identifier: GPL-3.0-or-later
#include "iciclelayout.h"

#include <algorithm>
#include <climits>
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
    int rows = 0;
    std::vector<int> blockOffset;
    for (const int depth : blockDepth) {
        blockOffset.push_back(rows);
        m_blockStarts.push_back(rows);
        rows += depth;
    }
    // Counted first, so each array is allocated once at its final size.
    m_rowOfSpan.resize(count);
    std::vector<std::uint32_t> filled(static_cast<std::size_t>(rows) + 1, 0);
    for (SpanIndex i = 0; i < trace.spanCount(); ++i) {
        const int row = blockOffset[static_cast<std::size_t>(block[static_cast<std::size_t>(i)])] + trace.depth(i);
        m_rowOfSpan[static_cast<std::size_t>(i)] = row;
        ++filled[static_cast<std::size_t>(row) + 1];
    }
    std::vector<std::int32_t>().swap(block);
    for (std::size_t d = 1; d < filled.size(); ++d)
        filled[d] += filled[d - 1];
    m_rowBegin = filled;
    m_order.resize(count);
    for (SpanIndex i = 0; i < trace.spanCount(); ++i)
        m_order[filled[static_cast<std::size_t>(m_rowOfSpan[static_cast<std::size_t>(i)])]++] = i;

    m_maxEndBegin.reserve(static_cast<std::size_t>(rows) + 1);
    m_maxEndBegin.push_back(0);
    for (int d = 0; d < rows; ++d) {
        const std::size_t size = m_rowBegin[static_cast<std::size_t>(d) + 1] - m_rowBegin[static_cast<std::size_t>(d)];
        m_maxEndBegin.push_back(m_maxEndBegin.back() + static_cast<std::uint32_t>((size + StrideOfMaxEnd - 1) / StrideOfMaxEnd));
    }
    m_maxEnd.resize(m_maxEndBegin.back());
    for (int d = 0; d < rows; ++d) {
        SpanIndex* begin = m_order.data() + m_rowBegin[static_cast<std::size_t>(d)];
        SpanIndex* end = m_order.data() + m_rowBegin[static_cast<std::size_t>(d) + 1];
        std::stable_sort(begin, end, [&trace](SpanIndex a, SpanIndex b) { return trace.startNs(a) < trace.startNs(b); });
        std::int64_t running = INT64_MIN;
        std::int64_t* maxEnd = m_maxEnd.data() + m_maxEndBegin[static_cast<std::size_t>(d)];
        for (std::size_t k = 0; begin + k != end; ++k) {
            running = std::max(running, trace.endNs(begin[k]));
            if ((k + 1) % StrideOfMaxEnd == 0 || begin + k + 1 == end)
                maxEnd[k / StrideOfMaxEnd] = running;
        }
    }
}

std::size_t IcicleLayout::firstEndingAfter(const Trace& trace, int depth, std::int64_t timeNs) const
{
    const std::span<const SpanIndex> spans = row(depth);
    const auto d = static_cast<std::size_t>(depth);
    const std::int64_t* maxima = m_maxEnd.data() + m_maxEndBegin[d];
    const std::size_t runs = m_maxEndBegin[d + 1] - m_maxEndBegin[d];
    // The first run whose running maximum passes timeNs holds the answer.
    const std::size_t run = static_cast<std::size_t>(std::upper_bound(maxima, maxima + runs, timeNs) - maxima);
    if (run == runs)
        return spans.size();
    std::int64_t running = run == 0 ? INT64_MIN : maxima[run - 1];
    for (std::size_t k = run * StrideOfMaxEnd; k < spans.size(); ++k) {
        running = std::max(running, trace.endNs(spans[k]));
        if (running > timeNs)
            return k;
    }
    return spans.size();
}

SpanIndex IcicleLayout::spanAt(const Trace& trace, int depth, std::int64_t timeNs, std::int64_t toleranceNs) const
{
    if (depth < 0 || depth >= rowCount())
        return NoSpan;
    const std::span<const SpanIndex> spans = row(depth);
    SpanIndex best = NoSpan;
    for (std::size_t k = firstEndingAfter(trace, depth, timemath::sub(timemath::sub(timeNs, toleranceNs), 1)); k < spans.size(); ++k) {
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
