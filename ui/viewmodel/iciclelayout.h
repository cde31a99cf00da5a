// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/trace.h"

#include <cstdint>
#include <vector>

namespace tracedelta {

// A time-ordered icicle (flame chart) of one trace: one row per depth, spans sorted by
// start. Top-level spans on different lanes (Chrome threads) get their own block of
// rows, so concurrent threads do not paint over each other. A running maximum of end times per row lets a painter jump straight to the
// first span that reaches into the visible window, so a frame costs what is visible.
class IcicleLayout
{
public:
    IcicleLayout() = default;
    explicit IcicleLayout(const Trace& trace);

    int rowCount() const { return static_cast<int>(m_rows.size()); }
    int rowOf(SpanIndex span) const { return m_rowOfSpan[static_cast<std::size_t>(span)]; }
    // Rows where a new lane block starts (for separators).
    const std::vector<int>& blockStarts() const { return m_blockStarts; }
    const std::vector<SpanIndex>& row(int depth) const { return m_rows[static_cast<std::size_t>(depth)]; }
    // Start and end times of row(depth), copied side by side so a frame reads them sequentially.
    const std::vector<std::int64_t>& starts(int depth) const { return m_starts[static_cast<std::size_t>(depth)]; }
    const std::vector<std::int64_t>& ends(int depth) const { return m_ends[static_cast<std::size_t>(depth)]; }
    // Index into row(depth) of the first span whose end is after `timeNs`.
    std::size_t firstEndingAfter(int depth, std::int64_t timeNs) const;
    // The innermost span of row `depth` under `timeNs` ± toleranceNs, or NoSpan.
    SpanIndex spanAt(const Trace& trace, int depth, std::int64_t timeNs, std::int64_t toleranceNs) const;

private:
    std::vector<std::vector<SpanIndex>> m_rows;
    std::vector<std::int32_t> m_rowOfSpan;
    std::vector<int> m_blockStarts;
    std::vector<std::vector<std::int64_t>> m_starts;
    std::vector<std::vector<std::int64_t>> m_ends;
    std::vector<std::vector<std::int64_t>> m_maxEnd;
};

} // namespace tracedelta
