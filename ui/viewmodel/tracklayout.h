// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/trace.h"

#include <cstdint>
#include <span>
#include <vector>

namespace tracedelta {

// Packed tracks for profiles, as Perfetto, chrome://tracing and Tracy draw them: one
// track per thread or stream (the trace's lanes), and inside a track one row per nesting
// depth, with every slice of that depth on the same row. A collapsed track keeps only
// its top row. Rows list their spans by start time, so the slices in a time window are a
// binary search away and a frame never walks the whole trace.
class TrackLayout
{
public:
    struct Track
    {
        std::int32_t lane = -1; // -1: spans without a lane
        int firstRow = 0;       // row of depth 0 in the current layout
        int depthCount = 0;     // rows when expanded (1 + the deepest nesting)
        bool collapsed = false;
        int rowCount() const { return collapsed ? 1 : depthCount; }
    };

    TrackLayout() = default;
    explicit TrackLayout(TracePtr trace);

    const std::vector<Track>& tracks() const { return m_tracks; }
    int rowCount() const { return m_rowCount; }
    // The track a row belongs to and its depth within it.
    int trackOfRow(int row) const;
    int depthOfRow(int row) const { return row - m_tracks[static_cast<std::size_t>(trackOfRow(row))].firstRow; }
    // Spans on a row, ordered by start; `maxDurationNs` of the row bounds the search
    // for spans that began before a window but still reach into it.
    std::span<const SpanIndex> spansOnRow(int row) const;
    std::int64_t maxDurationOnRow(int row) const;
    // The row of `span`, or -1 when its track is collapsed and it is not on top.
    int rowOf(SpanIndex span) const;
    int trackOf(SpanIndex span) const { return m_trackOfSpan[static_cast<std::size_t>(span)]; }
    int localDepth(SpanIndex span) const { return m_localDepth[static_cast<std::size_t>(span)]; }
    // The span on `row` covering time `ns`, else the nearest one within `toleranceNs`.
    SpanIndex spanAt(int row, std::int64_t ns, std::int64_t toleranceNs) const;
    // Spans of `row` overlapping [fromNs, toNs], as a range of spansOnRow(row).
    std::pair<std::size_t, std::size_t> visibleRange(int row, std::int64_t fromNs, std::int64_t toNs) const;

    void setCollapsed(int track, bool collapsed);
    void toggle(int track) { setCollapsed(track, !m_tracks[static_cast<std::size_t>(track)].collapsed); }
    void expandTo(SpanIndex span) { setCollapsed(trackOf(span), false); }
    void expandAll();

private:
    void relayout();

    TracePtr m_trace;
    std::vector<Track> m_tracks;
    std::vector<int> m_trackOfSpan;
    std::vector<std::uint16_t> m_localDepth;
    // Spans of (track, depth) by start, all rows concatenated; a row's slice of it is
    // m_rowSpans[m_rowBegin[k] .. m_rowBegin[k + 1]) where k = m_trackRowBase[track] + depth.
    std::vector<SpanIndex> m_rowSpans;
    std::vector<std::size_t> m_rowBegin;
    std::vector<std::int64_t> m_rowMaxDuration;
    std::vector<int> m_trackRowBase;
    int m_rowCount = 0;
};

} // namespace tracedelta
