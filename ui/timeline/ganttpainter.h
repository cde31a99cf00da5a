// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "panescene.h"
#include "ui/viewmodel/ganttrows.h"

#include <QRect>

class QPainter;

namespace tracedelta {

// Paints a Gantt timeline: a label column with the span tree, and one bar per row on the
// time axis. Only rows inside `viewport` are touched, so the cost of a frame does not
// depend on the size of the trace.
struct GanttGeometry
{
    static constexpr int RowHeight = 20;
    static constexpr int IndentStep = 12;
    int labelWidth = 260;
    int scrollY = 0; // pixels scrolled from the first row

    int firstVisibleRow() const { return scrollY / RowHeight; }
    double rowTop(int row) const { return static_cast<double>(row * RowHeight - scrollY); }
    int rowAt(int y) const { return (y + scrollY) / RowHeight; }
};

void paintGantt(QPainter& painter, const QRect& viewport, const PaneScene& scene, const GanttRows& rows,
                const GanttGeometry& geometry);

// The bar of `span` in viewport coordinates (x by time, y by row); empty when it has no row.
QRectF ganttBarRect(const PaneScene& scene, const GanttRows& rows, const GanttGeometry& geometry, SpanIndex span);

// The ▸ / ▾ in a label column: folded or unfolded, with its left edge at x.
void paintFoldArrow(QPainter& painter, double x, double midY, bool collapsed, const QColor& color);

// Vertical grid lines at the ruler's ticks.
void paintTimeGrid(QPainter& painter, const QRect& area, const PaneScene& scene);

} // namespace tracedelta
