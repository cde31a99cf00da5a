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
};

// Draws the notes that belong to the scene's trace: a callout with an arrow to the span's
// bar, or a shaded band with a label over a time range. `barRect` gives a span's bar in
// viewport coordinates (empty when the span has no bar right now). Text stays text, so
// notes remain searchable in SVG and PDF exports.
std::vector<AnnotationHit> paintAnnotations(QPainter& painter, const QRect& viewport, const PaneScene& scene,
                                            const std::vector<Annotation>& annotations,
                                            const std::function<QRectF(SpanIndex)>& barRect);

// A band being drawn with Shift+drag, before it becomes a note.
void paintRangePreview(QPainter& painter, const QRect& viewport, double x0, double x1);

} // namespace tracedelta
