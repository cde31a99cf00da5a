// SPDX-License-Identifier: GPL-3.0-or-later
#include "ganttpainter.h"

#include "durationticks.h"
#include "spanbarpainter.h"
#include "timeruler.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace tracedelta {

namespace {

constexpr int MaxIndentDepth = 16;

void paintLabel(QPainter& painter, const QRectF& cell, const PaneScene& scene, const GanttRows& rows, SpanIndex span)
{
    const Trace& trace = *scene.trace;
    const int depth = std::min(trace.depth(span), MaxIndentDepth);
    double x = cell.left() + 4 + depth * GanttGeometry::IndentStep;
    const double midY = cell.center().y();
    if (!trace.children(span).empty())
        paintFoldArrow(painter, x, midY, rows.isCollapsed(span), scene.palette.mutedText);
    x += 11;
    const QColor service = scene.serviceColors && trace.service(span) < scene.serviceColors->size()
        ? (*scene.serviceColors)[trace.service(span)]
        : scene.palette.unchangedNode;
    painter.fillRect(QRectF(x, cell.top() + 4, 4, cell.height() - 8), service);
    x += 8;

    QString text = QString::fromStdString(trace.nameText(span));
    if (rows.isCollapsed(span))
        text += QStringLiteral("  (+%1)").arg(trace.subtreeEnd(span) - span - 1);
    const QString serviceText = QString::fromStdString(trace.serviceText(span));
    const QFontMetricsF metrics(painter.font());
    const double available = cell.right() - x - 4;
    if (available < 10)
        return;
    QColor textColor = scene.palette.text;
    if (scene.dimmed(span))
        textColor.setAlpha(110);
    painter.setPen(textColor);
    const QString name = metrics.elidedText(text, Qt::ElideRight, available);
    painter.drawText(QRectF(x, cell.top(), available, cell.height()), Qt::AlignVCenter | Qt::AlignLeft, name);
    const double used = metrics.horizontalAdvance(name) + 8;
    if (!serviceText.isEmpty() && available - used > 30) {
        painter.setPen(scene.palette.mutedText);
        painter.drawText(QRectF(x + used, cell.top(), available - used, cell.height()), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(serviceText, Qt::ElideRight, available - used));
    }
}

} // namespace

void paintFoldArrow(QPainter& painter, double x, double midY, bool collapsed, const QColor& color)
{
    QPainterPath arrow;
    if (collapsed) {
        arrow.moveTo(x + 2, midY - 4);
        arrow.lineTo(x + 7, midY);
        arrow.lineTo(x + 2, midY + 4);
    } else {
        arrow.moveTo(x, midY - 2);
        arrow.lineTo(x + 8, midY - 2);
        arrow.lineTo(x + 4, midY + 3);
    }
    arrow.closeSubpath();
    painter.fillPath(arrow, color);
}

void paintTimeGrid(QPainter& painter, const QRect& area, const PaneScene& scene)
{
    const TimeMapping& m = scene.mapping;
    painter.setPen(QPen(scene.palette.grid, 1));
    for (const double tick : durationTicks(static_cast<double>(m.viewStartNs), static_cast<double>(m.viewEndNs),
                                           TimeRuler::tickTargetCount(static_cast<int>(m.width)))) {
        const double x = std::floor(m.left + (tick - static_cast<double>(m.viewStartNs)) * m.pixelsPerNs()) + 0.5;
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
}

QRectF ganttBarRect(const PaneScene& scene, const GanttRows& rows, const GanttGeometry& geometry, SpanIndex span)
{
    const int row = rows.rowOf(span);
    if (row < 0)
        return {};
    const double x0 = scene.mapping.x(scene.trace->startNs(span));
    const double x1 = scene.mapping.x(scene.trace->endNs(span));
    return QRectF(x0, geometry.rowTop(row) + 3, std::max(1.0, x1 - x0), GanttGeometry::RowHeight - 6);
}

void paintGantt(QPainter& painter, const QRect& viewport, const PaneScene& scene, const GanttRows& rows,
                const GanttGeometry& geometry)
{
    painter.fillRect(viewport, scene.palette.background);
    const QRect labelArea(viewport.left(), viewport.top(), geometry.labelWidth, viewport.height());
    const QRect timeArea(viewport.left() + geometry.labelWidth, viewport.top(), viewport.width() - geometry.labelWidth,
                         viewport.height());
    const int first = geometry.firstVisibleRow();
    const int last = std::min(rows.rowCount() - 1, geometry.rowAt(viewport.height()));
    for (int row = first; row <= last; ++row) {
        if (row % 2 == 1)
            painter.fillRect(QRectF(viewport.left(), viewport.top() + geometry.rowTop(row), viewport.width(),
                                    GanttGeometry::RowHeight),
                             scene.palette.alternateRow);
    }
    paintTimeGrid(painter, timeArea, scene);
    painter.fillRect(labelArea, scene.palette.labelBackground);

    painter.save();
    painter.setClipRect(timeArea);
    for (int row = first; row <= last; ++row) {
        const SpanIndex span = rows.rows()[static_cast<std::size_t>(row)];
        QRectF bar = ganttBarRect(scene, rows, geometry, span).translated(0, viewport.top());
        if (bar.right() < timeArea.left() || bar.left() > timeArea.right()) {
            // Off-screen: show where it is, so the row is never silently empty.
            painter.setPen(scene.palette.mutedText);
            painter.drawText(QRectF(timeArea.left() + 4, bar.top(), timeArea.width() - 8, bar.height()),
                             Qt::AlignVCenter | (bar.right() < timeArea.left() ? Qt::AlignLeft : Qt::AlignRight),
                             bar.right() < timeArea.left() ? QStringLiteral("◂ ") + spanBarLabel(scene, span)
                                                          : spanBarLabel(scene, span) + QStringLiteral(" ▸"));
            continue;
        }
        paintSpanBar(painter, bar, QRectF(timeArea), scene, span);
    }
    painter.restore();

    painter.save();
    painter.setClipRect(labelArea);
    for (int row = first; row <= last; ++row) {
        const SpanIndex span = rows.rows()[static_cast<std::size_t>(row)];
        const QRectF cell(labelArea.left(), viewport.top() + geometry.rowTop(row), labelArea.width(),
                          GanttGeometry::RowHeight);
        if (scene.selected(span))
            painter.fillRect(cell, scene.palette.grid);
        paintLabel(painter, cell, scene, rows, span);
    }
    painter.restore();
    painter.setPen(scene.palette.grid);
    painter.drawLine(labelArea.topRight(), labelArea.bottomRight());
}

} // namespace tracedelta
