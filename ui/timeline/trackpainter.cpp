// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackpainter.h"

#include "spanbarpainter.h"

#include <QCoreApplication>
#include <QPainter>

#include <cmath>

namespace tracedelta {

QString trackLabel(const Trace& trace, const TrackLayout::Track& track)
{
    if (track.lane < 0 || track.lane >= static_cast<std::int32_t>(trace.lanes().size()))
        return QCoreApplication::translate("TrackPainter", "Other");
    return QString::fromStdString(trace.strings().at(trace.lanes()[static_cast<std::size_t>(track.lane)].label));
}

QRectF trackBarRect(const PaneScene& scene, const TrackLayout& layout, const GanttGeometry& geometry, SpanIndex span)
{
    const int row = layout.rowOf(span);
    if (row < 0)
        return {};
    const double x0 = scene.mapping.x(scene.trace->startNs(span));
    const double x1 = scene.mapping.x(scene.trace->endNs(span));
    return QRectF(x0, geometry.rowTop(row) + 2, std::max(1.0, x1 - x0), GanttGeometry::RowHeight - 4);
}

namespace {

// "python3.8 (12) / GPU 0 stream 7": the thread part names the track; the process part
// goes on the track's second row when it has one, so neither is cut in the middle.
std::pair<QString, QString> splitTrackLabel(const QString& label)
{
    const int slash = label.lastIndexOf(QStringLiteral(" / "));
    if (slash < 0)
        return {label, QString()};
    return {label.mid(slash + 3), label.left(slash)};
}

void paintTrackLabel(QPainter& painter, const QRectF& cell, const PaneScene& scene, const TrackLayout::Track& track)
{
    double x = cell.left() + 4;
    const double midY = cell.center().y();
    if (track.depthCount > 1)
        paintFoldArrow(painter, x, midY, track.collapsed, scene.palette.mutedText);
    x += 13;
    const auto [thread, process] = splitTrackLabel(trackLabel(*scene.trace, track));
    QString text = track.rowCount() > 1 || process.isEmpty() ? thread : thread + QStringLiteral(" · ") + process;
    if (track.collapsed)
        text += QCoreApplication::translate("TrackPainter", "  (+%n level(s))", nullptr, track.depthCount - 1);
    const double available = cell.right() - x - 4;
    if (available < 10)
        return;
    painter.setPen(scene.palette.text);
    const QFontMetricsF metrics(painter.font());
    painter.drawText(QRectF(x, cell.top(), available, cell.height()), Qt::AlignVCenter | Qt::AlignLeft,
                     metrics.elidedText(text, Qt::ElideRight, available));
    if (track.rowCount() > 1 && !process.isEmpty()) {
        painter.setPen(scene.palette.mutedText);
        painter.drawText(QRectF(x, cell.bottom(), available, cell.height()), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(process, Qt::ElideRight, available));
    }
}

} // namespace

void paintTracks(QPainter& painter, const QRect& viewport, const PaneScene& scene, const TrackLayout& layout,
                 const GanttGeometry& geometry)
{
    painter.fillRect(viewport, scene.palette.background);
    const QRect labelArea(viewport.left(), viewport.top(), geometry.labelWidth, viewport.height());
    const QRect timeArea(viewport.left() + geometry.labelWidth, viewport.top(), viewport.width() - geometry.labelWidth,
                         viewport.height());
    const int first = geometry.firstVisibleRow();
    const int last = std::min(layout.rowCount() - 1, geometry.rowAt(viewport.height()));
    const auto& tracks = layout.tracks();

    // Every other track is tinted, so where one thread ends and the next begins is plain.
    for (int row = first; row <= last; ++row) {
        if (layout.trackOfRow(row) % 2 == 1)
            painter.fillRect(QRectF(viewport.left(), viewport.top() + geometry.rowTop(row), viewport.width(),
                                    GanttGeometry::RowHeight),
                             scene.palette.alternateRow);
    }
    paintTimeGrid(painter, timeArea, scene);
    painter.fillRect(labelArea, scene.palette.labelBackground);

    painter.save();
    painter.setClipRect(timeArea);
    const QRectF area(timeArea);
    const std::int64_t from = scene.mapping.absoluteTime(area.left());
    const std::int64_t to = scene.mapping.absoluteTime(area.right());
    SpanIndex selectedOnScreen = NoSpan;
    QRectF selectedBar;
    for (int row = first; row <= last; ++row) {
        const auto spans = layout.spansOnRow(row);
        const auto [begin, end] = layout.visibleRange(row, from, to);
        const double top = viewport.top() + geometry.rowTop(row) + 2;
        double paintedUpTo = -1e300;
        for (std::size_t i = begin; i < end; ++i) {
            const SpanIndex span = spans[i];
            const double x0 = scene.mapping.x(scene.trace->startNs(span));
            const double x1 = scene.mapping.x(scene.trace->endNs(span));
            if (x1 < area.left() || x0 > area.right())
                continue;
            const QRectF bar(x0, top, std::max(1.0, x1 - x0), GanttGeometry::RowHeight - 4);
            if (scene.selected(span)) {
                selectedOnScreen = span;
                selectedBar = bar;
            }
            // Sub-pixel slices on a pixel already painted add nothing visible.
            if (x1 - x0 < 1.0 && std::floor(x0) <= paintedUpTo)
                continue;
            paintSpanBar(painter, bar, area, scene, span, LabelPlacement::InsideOnly);
            paintedUpTo = std::max(paintedUpTo, std::floor(x1));
        }
    }
    // The selection outline goes on top of its neighbours.
    if (selectedOnScreen != NoSpan)
        paintSpanBar(painter, selectedBar, area, scene, selectedOnScreen, LabelPlacement::InsideOnly);
    painter.restore();

    painter.save();
    painter.setClipRect(labelArea);
    for (int row = first; row <= last; ++row) {
        const int track = layout.trackOfRow(row);
        if (row != tracks[static_cast<std::size_t>(track)].firstRow)
            continue;
        const QRectF cell(labelArea.left(), viewport.top() + geometry.rowTop(row), labelArea.width(),
                          GanttGeometry::RowHeight);
        paintTrackLabel(painter, cell, scene, tracks[static_cast<std::size_t>(track)]);
    }
    painter.restore();

    painter.setPen(scene.palette.grid);
    for (int row = std::max(1, first); row <= last + 1; ++row) {
        if (row < layout.rowCount() && layout.depthOfRow(row) != 0)
            continue;
        const double y = std::floor(viewport.top() + geometry.rowTop(row)) + 0.5;
        painter.drawLine(QPointF(viewport.left(), y), QPointF(viewport.right(), y));
    }
    painter.drawLine(labelArea.topRight(), labelArea.bottomRight());
}

} // namespace tracedelta
