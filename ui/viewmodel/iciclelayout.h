// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/trace.h"

#include <cstdint>
#include <span>
#include <vector>

namespace tracedelta {

// A time-ordered icicle (flame chart) of one trace: one row per depth, spans sorted by
// start. Top-level spans on different lanes (Chrome threads) get their own block of
// rows, so concurrent threads do not paint over each other. A running maximum of end
// times per row lets a painter jump straight to the first span that reaches into the
// visible window, so a frame costs what is visible.
//
// Compact (issue 28): about 8.5 bytes per span. The rows are one array cut by offsets,
// times are read from the trace's own columns (its spans are in start order per lane, so a
// row reads them nearly in sequence), and the running maximum is kept once per 16 spans.
class IcicleLayout
{
public:
    IcicleLayout() = default;
    explicit IcicleLayout(const Trace& trace);

    int rowCount() const { return m_rowBegin.empty() ? 0 : static_cast<int>(m_rowBegin.size()) - 1; }
    int rowOf(SpanIndex span) const { return m_rowOfSpan[static_cast<std::size_t>(span)]; }
    // Rows where a new lane block starts (for separators).
    const std::vector<int>& blockStarts() const { return m_blockStarts; }
    // The spans of one row, by start.
    std::span<const SpanIndex> row(int depth) const
    {
        const auto d = static_cast<std::size_t>(depth);
        return {m_order.data() + m_rowBegin[d], m_rowBegin[d + 1] - m_rowBegin[d]};
    }
    // Index into row(depth) of the first span whose end is after `timeNs` (`trace`: the one
    // the layout was made of).
    std::size_t firstEndingAfter(const Trace& trace, int depth, std::int64_t timeNs) const;
    // The innermost span of row `depth` under `timeNs` ± toleranceNs, or NoSpan.
    SpanIndex spanAt(const Trace& trace, int depth, std::int64_t timeNs, std::int64_t toleranceNs) const;

private:
    static constexpr std::size_t StrideOfMaxEnd = 16;

    std::vector<SpanIndex> m_order;          // the rows one after the other
    std::vector<std::uint32_t> m_rowBegin;   // row d is m_order[m_rowBegin[d], m_rowBegin[d + 1])
    std::vector<std::int32_t> m_rowOfSpan;
    std::vector<int> m_blockStarts;
    // Per row, after each run of StrideOfMaxEnd spans (and the last, shorter one): the
    // greatest end time from the row's start to there. Row d's entries begin at
    // m_maxEndBegin[d].
    std::vector<std::int64_t> m_maxEnd;
    std::vector<std::uint32_t> m_maxEndBegin;
};

} // namespace tracedelta
