// SPDX-License-Identifier: GPL-3.0-or-later
#include "ganttcanvas.h"

#include <QPainter>

#include <algorithm>

namespace tracedelta {

namespace {
// Very large traces open with deep levels folded, so the first screen is an overview.
constexpr SpanIndex FoldThreshold = 5000;
constexpr int FoldDepth = 3;
} // namespace

GanttCanvas::GanttCanvas(PaneData data, TimeAxis* axis, SelectionState* selection, QWidget* parent)
    : TraceCanvas(std::move(data), axis, selection, parent)
    , m_rows(m_data.trace)
{
    if (m_data.trace->spanCount() > FoldThreshold)
        m_rows.collapseBelowDepth(FoldDepth);
    setPackedTracks(packsByDefault(*m_data.trace));
}

bool GanttCanvas::packsByDefault(const Trace& trace)
{
    return isTraceEventFamily(trace.format()) && !trace.lanes().empty();
}

void GanttCanvas::setPackedTracks(bool packed)
{
    packed = packed && !m_data.trace->lanes().empty();
    if (packed == m_packed)
        return;
    m_packed = packed;
    if (m_packed && m_tracks.tracks().empty())
        m_tracks = TrackLayout(m_data.trace);
    rowsChanged();
}

void GanttCanvas::setLabelWidth(int pixels)
{
    const int width = std::max(80, pixels);
    if (width == m_labelWidth)
        return;
    m_labelWidth = width;
    update();
    Q_EMIT timelineLeftChanged(m_labelWidth);
}

// Narrow panes (side by side) give the tree less room so the timeline keeps most of it.
void GanttCanvas::resizeEvent(QResizeEvent* event)
{
    setLabelWidth(std::clamp(width() / 4, 140, 280));
    TraceCanvas::resizeEvent(event);
}

GanttGeometry GanttCanvas::geometry() const
{
    GanttGeometry g;
    g.labelWidth = m_labelWidth;
    g.scrollY = scrollY();
    return g;
}

int GanttCanvas::contentHeight() const
{
    return (m_packed ? m_tracks.rowCount() : m_rows.rowCount()) * GanttGeometry::RowHeight;
}

void GanttCanvas::paintContent(QPainter& painter, const QRect& viewport, const PaneScene& scene) const
{
    if (m_packed)
        paintTracks(painter, viewport, scene, m_tracks, geometry());
    else
        paintGantt(painter, viewport, scene, m_rows, geometry());
}

QRectF GanttCanvas::barRect(const PaneScene& scene, SpanIndex span) const
{
    return m_packed ? trackBarRect(scene, m_tracks, geometry(), span) : ganttBarRect(scene, m_rows, geometry(), span);
}

SpanIndex GanttCanvas::spanAt(const QPoint& pos) const
{
    const int row = geometry().rowAt(pos.y());
    if (pos.y() < 0 || row < 0)
        return NoSpan;
    if (m_packed) {
        if (row >= m_tracks.rowCount() || pos.x() < m_labelWidth)
            return NoSpan;
        const PaneScene s = scene();
        const std::int64_t tolerance = static_cast<std::int64_t>(2.0 / s.mapping.pixelsPerNs());
        return m_tracks.spanAt(row, s.mapping.absoluteTime(pos.x()), tolerance);
    }
    if (row >= m_rows.rowCount())
        return NoSpan;
    return m_rows.rows()[static_cast<std::size_t>(row)];
}

SpanIndex GanttCanvas::topSpan() const
{
    const int row = geometry().firstVisibleRow();
    if (!m_packed)
        return row < m_rows.rowCount() ? m_rows.rows()[static_cast<std::size_t>(row)] : NoSpan;
    // A packed row holds many slices: the first one in view stands for it.
    const PaneScene s = scene();
    const QRect area = timelineArea();
    for (int r = row; r < std::min(row + 3, m_tracks.rowCount()); ++r) {
        const auto [begin, end] = m_tracks.visibleRange(r, s.mapping.absoluteTime(area.left()), s.mapping.absoluteTime(area.right()));
        if (begin < end)
            return m_tracks.spansOnRow(r)[begin];
    }
    return NoSpan;
}

// A span per row: up and down walk the rows, left goes to the parent, right into the
// first child (unfolding it), as in a tree view. Packed tracks step like the icicle.
SpanIndex GanttCanvas::stepFrom(SpanIndex span, int key) const
{
    if (m_packed)
        return TraceCanvas::stepFrom(span, key);
    const int row = m_rows.rowOf(span);
    switch (key) {
    case Qt::Key_Up: return row > 0 ? m_rows.rows()[static_cast<std::size_t>(row - 1)] : NoSpan;
    case Qt::Key_Down: return row >= 0 && row + 1 < m_rows.rowCount() ? m_rows.rows()[static_cast<std::size_t>(row + 1)] : NoSpan;
    case Qt::Key_Left: return m_data.trace->parent(span);
    case Qt::Key_Right:
        return m_data.trace->children(span).empty() ? NoSpan : m_data.trace->children(span).front();
    default: return NoSpan;
    }
}

bool GanttCanvas::handleClick(const QPoint& pos)
{
    if (m_packed) {
        const int row = geometry().rowAt(pos.y());
        if (pos.x() < m_labelWidth && pos.y() >= 0 && row < m_tracks.rowCount()) {
            const int track = m_tracks.trackOfRow(row);
            if (m_tracks.depthOfRow(row) == 0 && m_tracks.tracks()[static_cast<std::size_t>(track)].depthCount > 1) {
                m_tracks.toggle(track);
                rowsChanged();
            }
            return true;
        }
        return TraceCanvas::handleClick(pos);
    }
    const SpanIndex span = spanAt(pos);
    if (span != NoSpan && pos.x() < m_labelWidth && !m_data.trace->children(span).empty()) {
        const int depth = std::min<int>(m_data.trace->depth(span), 16);
        const int arrowLeft = 4 + depth * GanttGeometry::IndentStep;
        if (pos.x() >= arrowLeft - 3 && pos.x() <= arrowLeft + 12) {
            m_rows.toggle(span);
            rowsChanged();
            return true;
        }
    }
    return TraceCanvas::handleClick(pos);
}

void GanttCanvas::revealSpan(SpanIndex span)
{
    if (m_packed && m_tracks.rowOf(span) < 0) {
        m_tracks.expandTo(span);
        rowsChanged();
    } else if (!m_packed && m_rows.rowOf(span) < 0) {
        m_rows.expandTo(span);
        rowsChanged();
    }
    TraceCanvas::revealSpan(span);
}

void GanttCanvas::rowsChanged()
{
    Q_EMIT contentHeightChanged(contentHeight());
    setScrollY(scrollY());
    update();
}

} // namespace tracedelta
