// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracklayout.h"

#include <algorithm>
#include <limits>
#include <map>

namespace tracedelta {

namespace {
// Deeper nesting shares the last row; a profile this deep is unreadable as rows anyway,
// and the cap keeps a pathological chain from creating millions of empty rows.
constexpr int MaxTrackDepth = 1024;
} // namespace

TrackLayout::TrackLayout(TracePtr trace)
    : m_trace(std::move(trace))
{
    const Trace& t = *m_trace;
    const auto count = static_cast<std::size_t>(t.spanCount());
    m_trackOfSpan.assign(count, 0);
    m_localDepth.assign(count, 0);

    // Tracks in lane order; spans without a lane form one track after them.
    std::map<std::int32_t, int> trackOfLane;
    for (std::size_t i = 0; i < count; ++i)
        trackOfLane.emplace(t.lane(static_cast<SpanIndex>(i)), 0);
    if (auto unlaned = trackOfLane.find(-1); unlaned != trackOfLane.end()) {
        trackOfLane.erase(unlaned);
        trackOfLane.emplace(std::numeric_limits<std::int32_t>::max(), 0);
    }
    for (auto& [lane, track] : trackOfLane) {
        track = static_cast<int>(m_tracks.size());
        m_tracks.push_back(Track{lane == std::numeric_limits<std::int32_t>::max() ? -1 : lane, 0, 1, false});
    }

    // Pre-order: a parent is placed before its children, so its local depth is known.
    for (std::size_t i = 0; i < count; ++i) {
        const auto span = static_cast<SpanIndex>(i);
        const std::int32_t lane = t.lane(span);
        const int track = trackOfLane.at(lane < 0 ? std::numeric_limits<std::int32_t>::max() : lane);
        m_trackOfSpan[i] = track;
        const SpanIndex parent = t.parent(span);
        int depth = 0;
        if (parent != NoSpan && t.lane(parent) == lane)
            depth = std::min(MaxTrackDepth - 1, m_localDepth[static_cast<std::size_t>(parent)] + 1);
        m_localDepth[i] = static_cast<std::uint16_t>(depth);
        Track& tr = m_tracks[static_cast<std::size_t>(track)];
        tr.depthCount = std::max(tr.depthCount, depth + 1);
    }

    m_trackRowBase.resize(m_tracks.size());
    int rows = 0;
    for (std::size_t k = 0; k < m_tracks.size(); ++k) {
        m_trackRowBase[k] = rows;
        rows += m_tracks[k].depthCount;
    }
    std::vector<std::size_t> counts(static_cast<std::size_t>(rows) + 1, 0);
    for (std::size_t i = 0; i < count; ++i)
        ++counts[static_cast<std::size_t>(m_trackRowBase[static_cast<std::size_t>(m_trackOfSpan[i])] + m_localDepth[i]) + 1];
    m_rowBegin.assign(static_cast<std::size_t>(rows) + 1, 0);
    for (std::size_t k = 1; k < m_rowBegin.size(); ++k)
        m_rowBegin[k] = m_rowBegin[k - 1] + counts[k];
    m_rowSpans.resize(count);
    std::vector<std::size_t> fill(m_rowBegin.begin(), m_rowBegin.end() - 1);
    m_rowMaxDuration.assign(static_cast<std::size_t>(rows), 0);
    for (std::size_t i = 0; i < count; ++i) {
        const auto k = static_cast<std::size_t>(m_trackRowBase[static_cast<std::size_t>(m_trackOfSpan[i])] + m_localDepth[i]);
        m_rowSpans[fill[k]++] = static_cast<SpanIndex>(i);
        m_rowMaxDuration[k] = std::max(m_rowMaxDuration[k], t.durationNs(static_cast<SpanIndex>(i)));
    }
    for (std::size_t k = 0; k + 1 < m_rowBegin.size(); ++k) {
        // Pre-order is by start within one parent only; across parents sort to be sure.
        std::stable_sort(m_rowSpans.begin() + static_cast<std::ptrdiff_t>(m_rowBegin[k]),
                         m_rowSpans.begin() + static_cast<std::ptrdiff_t>(m_rowBegin[k + 1]),
                         [&t](SpanIndex a, SpanIndex b) { return t.startNs(a) < t.startNs(b); });
    }
    relayout();
}

void TrackLayout::relayout()
{
    int row = 0;
    for (Track& track : m_tracks) {
        track.firstRow = row;
        row += track.rowCount();
    }
    m_rowCount = row;
}

int TrackLayout::trackOfRow(int row) const
{
    const auto it = std::upper_bound(m_tracks.begin(), m_tracks.end(), row,
                                     [](int r, const Track& track) { return r < track.firstRow; });
    return std::max(0, static_cast<int>(it - m_tracks.begin()) - 1);
}

std::span<const SpanIndex> TrackLayout::spansOnRow(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return {};
    const int track = trackOfRow(row);
    const auto k = static_cast<std::size_t>(m_trackRowBase[static_cast<std::size_t>(track)] + row
                                            - m_tracks[static_cast<std::size_t>(track)].firstRow);
    return std::span<const SpanIndex>(m_rowSpans.data() + m_rowBegin[k], m_rowBegin[k + 1] - m_rowBegin[k]);
}

std::int64_t TrackLayout::maxDurationOnRow(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return 0;
    const int track = trackOfRow(row);
    return m_rowMaxDuration[static_cast<std::size_t>(m_trackRowBase[static_cast<std::size_t>(track)] + row
                                                     - m_tracks[static_cast<std::size_t>(track)].firstRow)];
}

int TrackLayout::rowOf(SpanIndex span) const
{
    if (span < 0 || span >= static_cast<SpanIndex>(m_trackOfSpan.size()))
        return -1;
    const Track& track = m_tracks[static_cast<std::size_t>(trackOf(span))];
    const int depth = localDepth(span);
    if (depth >= track.rowCount())
        return -1;
    return track.firstRow + depth;
}

std::pair<std::size_t, std::size_t> TrackLayout::visibleRange(int row, std::int64_t fromNs, std::int64_t toNs) const
{
    const auto spans = spansOnRow(row);
    const Trace& t = *m_trace;
    const std::int64_t earliest = timemath::sub(fromNs, maxDurationOnRow(row));
    auto first = std::lower_bound(spans.begin(), spans.end(), earliest,
                                  [&t](SpanIndex s, std::int64_t ns) { return t.startNs(s) < ns; });
    auto last = std::upper_bound(first, spans.end(), toNs,
                                 [&t](std::int64_t ns, SpanIndex s) { return ns < t.startNs(s); });
    return {static_cast<std::size_t>(first - spans.begin()), static_cast<std::size_t>(last - spans.begin())};
}

SpanIndex TrackLayout::spanAt(int row, std::int64_t ns, std::int64_t toleranceNs) const
{
    const auto spans = spansOnRow(row);
    const auto [first, last] = visibleRange(row, timemath::sub(ns, toleranceNs), timemath::add(ns, toleranceNs));
    const Trace& t = *m_trace;
    SpanIndex best = NoSpan;
    std::int64_t bestDistance = toleranceNs + 1;
    for (std::size_t i = first; i < last; ++i) {
        const SpanIndex s = spans[i];
        const std::int64_t distance = ns < t.startNs(s) ? t.startNs(s) - ns : (ns > t.endNs(s) ? ns - t.endNs(s) : 0);
        // Inside several (overlapping slices): the shortest is the one drawn on top.
        if (distance < bestDistance || (distance == 0 && bestDistance == 0 && t.durationNs(s) < t.durationNs(best))) {
            best = s;
            bestDistance = distance;
        }
    }
    return best;
}

void TrackLayout::setCollapsed(int track, bool collapsed)
{
    if (track < 0 || track >= static_cast<int>(m_tracks.size()))
        return;
    Track& tr = m_tracks[static_cast<std::size_t>(track)];
    if (tr.collapsed == collapsed)
        return;
    tr.collapsed = collapsed;
    relayout();
}

void TrackLayout::expandAll()
{
    for (Track& track : m_tracks)
        track.collapsed = false;
    relayout();
}

} // namespace tracedelta
