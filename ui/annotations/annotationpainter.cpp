// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationpainter.h"

#include "ui/timeline/spanbarpainter.h"

#include <QPainter>
#include <QTextOption>

#include <algorithm>

namespace tracedelta {

namespace {

constexpr double MaxNoteWidth = 320;
constexpr double Padding = 5;
const QColor NoteFill(0xff, 0xf4, 0xb8);
const QColor NoteBorder(0x8a, 0x6d, 0x00);
const QColor NoteText(0x20, 0x1a, 0x00);
const QColor BandFill(0x3d, 0x7e, 0xd8, 45);
const QColor BandEdge(0x3d, 0x7e, 0xd8);

QRectF noteBox(QPainter& painter, const QString& text, QPointF topLeft, const QRect& viewport)
{
    const QFontMetricsF metrics(painter.font());
    const QRectF textBounds = metrics.boundingRect(QRectF(0, 0, MaxNoteWidth, 10000), Qt::TextWordWrap, text);
    QRectF box(topLeft, QSizeF(textBounds.width() + 2 * Padding, textBounds.height() + 2 * Padding));
    // Keep the whole note on the picture.
    box.moveLeft(std::clamp(box.left(), double(viewport.left()) + 2, std::max(double(viewport.left()) + 2, viewport.right() - box.width() - 2)));
    box.moveTop(std::clamp(box.top(), double(viewport.top()) + 2, std::max(double(viewport.top()) + 2, viewport.bottom() - box.height() - 2)));
    return box;
}

void drawNote(QPainter& painter, const QRectF& box, const QString& text)
{
    painter.setPen(QPen(NoteBorder, 1));
    painter.setBrush(NoteFill);
    painter.drawRoundedRect(box, 3, 3);
    painter.setPen(NoteText);
    painter.drawText(box.adjusted(Padding, Padding, -Padding, -Padding), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
}

// Where a span note's box goes: where the user put it, else the first of a few places
// around the arrow's tip (above right, below right, right of the bar, above left, below
// left) that hides the least of the other bars and labels.
QRectF placeCallout(QPainter& painter, const Annotation& a, const PaneScene& scene, SpanIndex span, const QPointF& tip,
                    const QRectF& bar, const QRect& viewport, const ClutterFunction& clutter)
{
    const QRectF preferred = noteBox(painter, a.text, tip + QPointF(a.offsetX, a.offsetY), viewport);
    if (a.placed || !clutter)
        return preferred;
    const double w = preferred.width();
    // Right of the bar's own label, which is drawn after the bar when it does not fit inside.
    const double label = QFontMetricsF(painter.font()).horizontalAdvance(spanBarLabel(scene, span));
    const double labelEnd = label > bar.width() - 7 ? bar.right() + 6 + label : bar.right();
    const double below = bar.bottom() - tip.y() + 8;
    const QPointF offsets[] = {{a.offsetX, a.offsetY},
                               {a.offsetX, below},
                               {labelEnd - tip.x() + 12, -preferred.height() / 2},
                               {-w - 24, a.offsetY},
                               {-w - 24, below}};
    QRectF best = preferred;
    double bestClutter = 2;
    for (const QPointF& offset : offsets) {
        const QRectF box = noteBox(painter, a.text, tip + offset, viewport);
        // Its own bar is what the arrow points at: covering it is never better.
        const double cost = clutter(box) + (box.intersects(bar) ? 1.0 : 0.0);
        if (cost < bestClutter - 0.02) {
            best = box;
            bestClutter = cost;
        }
    }
    return best;
}

QPointF nearestPointOnRect(const QRectF& rect, const QPointF& point)
{
    return {std::clamp(point.x(), rect.left(), rect.right()), std::clamp(point.y(), rect.top(), rect.bottom())};
}

} // namespace

std::vector<AnnotationHit> paintAnnotations(QPainter& painter, const QRect& viewport, const PaneScene& scene,
                                            const std::vector<Annotation>& annotations,
                                            const std::function<QRectF(SpanIndex)>& barRect, const ClutterFunction& clutter)
{
    std::vector<AnnotationHit> hits;
    painter.save();
    painter.setClipRect(viewport);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const Trace& trace = *scene.trace;
    const QRectF timeArea(scene.mapping.left, viewport.top(), scene.mapping.width, viewport.height());
    // Bands first, so callouts are drawn on top of them.
    for (const Annotation& a : annotations) {
        if (a.kind != Annotation::Kind::Range || !a.belongsTo(trace))
            continue;
        const double x0 = std::max(scene.mapping.x(timemath::add(trace.traceStartNs(), a.startNs)), timeArea.left());
        const double x1 = std::min(scene.mapping.x(timemath::add(trace.traceStartNs(), a.endNs)), timeArea.right());
        if (x1 < timeArea.left() || x0 > timeArea.right())
            continue;
        const QRectF band(x0, viewport.top(), std::max(1.0, x1 - x0), viewport.height());
        painter.fillRect(band, BandFill);
        painter.setPen(QPen(BandEdge, 1, Qt::DashLine));
        painter.drawLine(band.topLeft(), band.bottomLeft());
        painter.drawLine(band.topRight(), band.bottomRight());
        const QRectF box = noteBox(painter, a.text, QPointF(x0 + 4, viewport.top() + 4), viewport);
        drawNote(painter, box, a.text);
        hits.push_back({a.id, box, {}});
    }
    for (const Annotation& a : annotations) {
        if (a.kind != Annotation::Kind::Span || !a.belongsTo(trace))
            continue;
        const SpanIndex span = a.resolveSpan(trace);
        if (span == NoSpan)
            continue;
        const QRectF bar = barRect(span);
        if (bar.isEmpty() || bar.right() < timeArea.left() || bar.left() > timeArea.right() || bar.bottom() < viewport.top()
            || bar.top() > viewport.bottom())
            continue;
        const double visibleLeft = std::max(bar.left(), timeArea.left());
        const double visibleRight = std::min(bar.right(), timeArea.right());
        const QPointF tip(visibleLeft + std::min((visibleRight - visibleLeft) / 2, 40.0), bar.center().y());
        QRectF box = placeCallout(painter, a, scene, span, tip, bar, viewport, clutter);
        // Kept on the picture, a note may land on its own span (a top row): it goes under the
        // bar instead, or above it, so the span's label stays readable.
        if (box.intersects(bar)) {
            if (bar.bottom() + 4 + box.height() <= viewport.bottom())
                box.moveTop(bar.bottom() + 4);
            else if (bar.top() - 4 - box.height() >= viewport.top())
                box.moveBottom(bar.top() - 4);
        }
        if (!box.contains(tip)) {
            painter.setPen(QPen(NoteBorder, 1.5));
            painter.drawLine(nearestPointOnRect(box, tip), tip);
            painter.setBrush(NoteBorder);
            painter.drawEllipse(tip, 3, 3);
        }
        drawNote(painter, box, a.text);
        hits.push_back({a.id, box, box.topLeft() - tip});
    }
    painter.restore();
    return hits;
}

void paintRangePreview(QPainter& painter, const QRect& viewport, double x0, double x1)
{
    const QRectF band(std::min(x0, x1), viewport.top(), std::abs(x1 - x0), viewport.height());
    painter.fillRect(band, BandFill);
    painter.setPen(QPen(BandEdge, 1, Qt::DashLine));
    painter.drawRect(band);
}

} // namespace tracedelta
