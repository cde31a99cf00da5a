// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/style/viewpalette.h"
#include "ui/viewmodel/baselinedistribution.h"
#include "ui/viewmodel/comparisonhighlights.h"

#include "core/util/timearithmetic.h"

#include <QColor>

#include <cstdint>
#include <vector>

namespace tracedelta {

// Maps absolute span times of one trace to x pixels through the shared time window.
struct TimeMapping
{
    double left = 0;
    double width = 1;
    std::int64_t originNs = 0;
    std::int64_t viewStartNs = 0;
    std::int64_t viewEndNs = 1;

    double pixelsPerNs() const { return width / static_cast<double>(std::max<std::int64_t>(1, viewEndNs - viewStartNs)); }
    double x(std::int64_t absoluteNs) const
    {
        return left + static_cast<double>(timemath::sub(timemath::sub(absoluteNs, originNs), viewStartNs)) * pixelsPerNs();
    }
    std::int64_t absoluteTime(double pixelX) const
    {
        std::int64_t offset = 0;
        if (!timemath::toNanos((pixelX - left) / pixelsPerNs(), offset))
            offset = pixelX < left ? timemath::MinTimeNs : timemath::MaxTimeNs;
        return timemath::add(timemath::add(originNs, viewStartNs), offset);
    }
    std::int64_t visibleStartAbsolute() const { return timemath::add(originNs, viewStartNs); }
    std::int64_t visibleEndAbsolute() const { return timemath::add(originNs, viewEndNs); }
};

// Everything a painter needs to draw one trace's spans: the trace, how the comparison
// marks its spans, what is selected, hovered and matched by the search, and the colours.
struct PaneScene
{
    const Trace* trace = nullptr;
    std::size_t traceIndex = 0;
    const Alignment* alignment = nullptr;             // may be null: no comparison yet
    const ComparisonHighlights* highlights = nullptr; // may be null
    const std::vector<bool>* searchMatches = nullptr; // null or empty: no search active
    const std::vector<QColor>* serviceColors = nullptr; // indexed by service StringId
    // Overlay mode: the baselines' spread drawn under each target bar; null otherwise.
    const BaselineDistribution* distribution = nullptr;
    NodeIndex selectedNode = NoNode;
    SpanIndex selectedSpan = NoSpan; // the exact span clicked in this trace, if any
    NodeIndex hoveredNode = NoNode;
    ViewPalette palette;
    TimeMapping mapping;

    NodeIndex node(SpanIndex span) const { return alignment ? alignment->nodeOf(traceIndex, span) : NoNode; }
    bool searchActive() const { return searchMatches && !searchMatches->empty(); }
    bool dimmed(SpanIndex span) const { return searchActive() && !(*searchMatches)[static_cast<std::size_t>(span)]; }
    SpanMark mark(SpanIndex span) const { return highlights ? highlights->mark(traceIndex, span) : SpanMark::None; }
    // An error status or an exception event: marked on the bar wherever it is drawn.
    bool failed(SpanIndex span) const;
    bool hotspot(SpanIndex span) const { return highlights && highlights->isSelfTimeHotspot(traceIndex, span); }
    bool selected(SpanIndex span) const
    {
        return span == selectedSpan || (selectedNode > 0 && node(span) == selectedNode);
    }
    bool hovered(SpanIndex span) const { return hoveredNode > 0 && node(span) == hoveredNode; }
    int candidateRank(SpanIndex span) const
    {
        const NodeIndex n = node(span);
        return highlights && n > 0 ? highlights->candidateRank(n) : 0;
    }
    QColor fill(SpanIndex span) const;
    const DurationSpread* spread(SpanIndex span) const
    {
        if (!distribution || distribution->traceIndex() != traceIndex)
            return nullptr;
        const DurationSpread& s = distribution->spreadOf(span);
        return s.baselines > 0 ? &s : nullptr;
    }
};

// Service colours for every service of a trace, indexed by StringId.
std::vector<QColor> serviceColorTable(const Trace& trace, const ViewPalette& palette);

} // namespace tracedelta
