// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/trace.h"

#include <cstdint>
#include <vector>

namespace tracedelta {

// A time-ordered icicle (flame chart) of one trace: one row per depth, spans sorted by
// start. A running maximum of end times per row lets a painter jump straight to the
// first span that reaches into the visible window, so a frame costs what is visible.
class IcicleLayout
{
public:
    IcicleLayout() = default;
    explicit IcicleLayout(const Trace& trace);

    int depthCount() const { return static_cast<int>(m_rows.size()); }
    const std::vector<SpanIndex>& row(int depth) const { return m_rows[static_cast<std::size_t>(depth)]; }
    // Index into row(depth) of the first span whose end is after `timeNs`.
    std::size_t firstEndingAfter(int depth, std::int64_t timeNs) const;
    // The innermost span of row `depth` under `timeNs` ± toleranceNs, or NoSpan.
    SpanIndex spanAt(const Trace& trace, int depth, std::int64_t timeNs, std::int64_t toleranceNs) const;

private:
    std::vector<std::vector<SpanIndex>> m_rows;
    std::vector<std::vector<std::int64_t>> m_maxEnd;
};

} // namespace tracedelta
