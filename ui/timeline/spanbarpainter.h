// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "panescene.h"

#include <QRectF>

class QPainter;

namespace tracedelta {

// Draws one span's bar the same way in every view: fill by change or service, hatched
// self time and an orange outline for hotspots, selection and hover outlines, event
// ticks, and "name · duration" when there is room (beside the bar only where rows
// hold one bar each, as in the Gantt view). `area` is the visible timeline part.
enum class LabelPlacement { Anywhere, InsideOnly };
void paintSpanBar(QPainter& painter, const QRectF& bar, const QRectF& area, const PaneScene& scene, SpanIndex span,
                  LabelPlacement placement = LabelPlacement::Anywhere);

// The mark of a failed span or node: a solid corner at the right end of `visible`, sized by
// its height (at most 12 px) and at least 6 px wide even on a sliver of a bar.
void paintErrorCorner(QPainter& painter, const QRectF& visible, const QColor& ink);

// Text shown on or next to a bar: "#1 preprocess-request · 1.2 s".
QString spanBarLabel(const PaneScene& scene, SpanIndex span);

} // namespace tracedelta
