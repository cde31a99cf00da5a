// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ganttpainter.h"
#include "ui/viewmodel/tracklayout.h"

namespace tracedelta {

// Paints packed tracks: the thread or stream names in the label column and every slice
// on the row of its nesting depth. Only the slices inside the visible window are
// visited, and slices narrower than a pixel that land on an already painted pixel are
// skipped, so a zoomed-out profile of 100k slices paints as fast as a small one.
void paintTracks(QPainter& painter, const QRect& viewport, const PaneScene& scene, const TrackLayout& layout,
                 const GanttGeometry& geometry);

// The bar of `span` in viewport coordinates; empty when its track is collapsed above it.
QRectF trackBarRect(const PaneScene& scene, const TrackLayout& layout, const GanttGeometry& geometry, SpanIndex span);

// The label of a track: its thread or stream name.
QString trackLabel(const Trace& trace, const TrackLayout::Track& track);

} // namespace tracedelta
