// SPDX-License-Identifier: GPL-3.0-or-later
#include "iciclepainter.h"

#include "ui/timeline/ganttpainter.h"
#include "ui/timeline/spanbarpainter.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace tracedelta {

namespace {

// Which mark wins when several spans share one pixel: changes before plain spans.
int markPriority(SpanMark mark)
{
    switch (mark) {
    case SpanMark::Added: return 5;
    case SpanMark::Concurrency: return 4;
    case SpanMark::Slower: return 4;
    case SpanMark::Removed: return 3;
    case SpanMark::CountChanged: return 2;
    case SpanMark::Faster: return 1;
    case SpanMark::None: break;
    }
    return 0;
}

struct MergedRun
{
    double x0 = 0;
    double x1 = -1;
    SpanIndex representative = NoSpan;
    int priority = -1;
    bool active() const { return representative != NoSpan; }
};

} // namespace

QRectF icicleBarRect(const PaneScene& scene, const IcicleLayout& layout, const IcicleGeometry& geometry, SpanIndex span)
{
    const double x0 = scene.mapping.x(scene.trace->startNs(span));
    const double x1 = scene.mapping.x(scene.trace->endNs(span));
    return QRectF(x0, geometry.rowTop(layout.rowOf(span)) + 1, std::max(1.0, x1 - x0),
                  IcicleGeometry::RowHeight - 2);
}

std::size_t paintIcicle(QPainter& painter, const QRect& viewport, const PaneScene& scene, const IcicleLayout& layout,
                        const IcicleGeometry& geometry)
{
    painter.fillRect(viewport, scene.palette.background);
    paintTimeGrid(painter, viewport, scene);
    const TimeMapping& mapping = scene.mapping;
    const std::int64_t visibleStart = mapping.visibleStartAbsolute();
    const std::int64_t visibleEnd = mapping.visibleEndAbsolute();
    const QRectF area(viewport);
    const int firstDepth = std::max(0, geometry.depthAt(0));
    const int lastDepth = std::min(layout.rowCount() - 1, geometry.depthAt(viewport.height()));
    std::size_t marks = 0;

    painter.save();
    painter.setClipRect(viewport);
    for (int depth = firstDepth; depth <= lastDepth; ++depth) {
        const double top = viewport.top() + geometry.rowTop(depth) + 1;
        const double height = IcicleGeometry::RowHeight - 2;
        const std::span<const SpanIndex> spans = layout.row(depth);
        const Trace& trace = *scene.trace;
        const bool anySelection = scene.selectedNode > 0 || scene.selectedSpan != NoSpan;
        MergedRun run;
        const auto flush = [&] {
            if (!run.active())
                return;
            QColor color = scene.fill(run.representative);
            painter.fillRect(QRectF(std::floor(run.x0), top, std::max(1.0, std::ceil(run.x1) - std::floor(run.x0)), height),
                             color);
            ++marks;
            run = MergedRun{};
        };
        for (std::size_t k = layout.firstEndingAfter(trace, depth, visibleStart); k < spans.size(); ++k) {
            const SpanIndex span = spans[k];
            const std::int64_t start = trace.startNs(span);
            if (start > visibleEnd)
                break;
            const std::int64_t end = trace.endNs(span);
            if (end < visibleStart)
                continue;
            const double x0 = mapping.x(start);
            const double x1 = mapping.x(end);
            if (x1 - x0 < 1.0 && !(anySelection && scene.selected(span))) {
                const int priority = markPriority(scene.mark(span));
                if (run.active() && x0 <= run.x1 + 1.0) {
                    run.x1 = std::max(run.x1, x1);
                    if (priority > run.priority) {
                        run.priority = priority;
                        run.representative = span;
                    }
                } else {
                    flush();
                    run = MergedRun{x0, x1, span, priority};
                }
                continue;
            }
            flush();
            paintSpanBar(painter, QRectF(x0, top, std::max(1.0, x1 - x0), height), area, scene, span, LabelPlacement::InsideOnly);
            ++marks;
        }
        flush();
    }
    painter.setPen(QPen(scene.palette.mutedText, 1, Qt::DotLine));
    for (const int start : layout.blockStarts()) {
        const double y = viewport.top() + geometry.rowTop(start);
        if (start > 0 && y >= viewport.top() && y <= viewport.bottom())
            painter.drawLine(QPointF(viewport.left(), y), QPointF(viewport.right(), y));
    }
    painter.restore();
    return marks;
}

} // namespace tracedelta
