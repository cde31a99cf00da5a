// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workspace/annotation.h"
#include "ui/timeline/panescene.h"

#include <QRectF>

#include <functional>
#include <vector>

class QPainter;

namespace tracedelta {

// Where a note was drawn, so the canvas can let the user drag, edit or delete it.
struct AnnotationHit
{
    std::uint64_t id = 0;
    QRectF box;
    QPointF offset; // of the box from its arrow's tip, as drawn (where a drag starts from)
};

// How much of a rectangle (viewport coordinates) bars and their labels cover, 0–1; the
// callouts the user has not placed go where it is least.
using ClutterFunction = std::function<double(const QRectF&)>;

// Draws the notes that belong to the scene's trace: a callout with an arrow to the span's
// bar, or a shaded band with a label over a time range. `barRect` gives a span's bar in
// viewport coordinates (empty when the span has no bar right now). Text stays text, so
// notes remain searchable in SVG and PDF exports.
std::vector<AnnotationHit> paintAnnotations(QPainter& painter, const QRect& viewport, const PaneScene& scene,
                                            const std::vector<Annotation>& annotations,
                                            const std::function<QRectF(SpanIndex)>& barRect, const ClutterFunction& clutter = {});

// A band being drawn with Shift+drag, before it becomes a note.
void paintRangePreview(QPainter& painter, const QRect& viewport, double x0, double x1);

} // namespace tracedelta
