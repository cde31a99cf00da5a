// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/timeline/panescene.h"
#include "ui/viewmodel/iciclelayout.h"

#include <QRect>

class QPainter;

namespace tracedelta {

struct IcicleGeometry
{
    static constexpr int RowHeight = 18;
    int scrollY = 0;

    double rowTop(int depth) const { return static_cast<double>(depth * RowHeight - scrollY); }
    int depthAt(int y) const { return (y + scrollY) / RowHeight; }
};

// Paints a time-ordered icicle. Spans narrower than a pixel are merged into one mark per
// run (coloured by the most important change in it), so a zoomed-out frame of a million
// spans costs one pass over the visible rows, not a million rectangles.
// Returns the number of marks drawn (bars plus merged runs), for benchmarks.
std::size_t paintIcicle(QPainter& painter, const QRect& viewport, const PaneScene& scene, const IcicleLayout& layout,
                        const IcicleGeometry& geometry);

QRectF icicleBarRect(const PaneScene& scene, const IcicleLayout& layout, const IcicleGeometry& geometry, SpanIndex span);

} // namespace tracedelta
