// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ganttpainter.h"
#include "tracecanvas.h"
#include "trackpainter.h"

namespace tracedelta {

// One trace as a Gantt timeline. Distributed traces get the span tree convention of
// Jaeger and Tempo (a collapsible span per row); profiles get packed tracks (one track
// per thread or stream, a row per nesting depth), as Perfetto and Tracy draw them.
class GanttCanvas : public TraceCanvas
{
    Q_OBJECT
public:
    GanttCanvas(PaneData data, TimeAxis* axis, SelectionState* selection, QWidget* parent = nullptr);

    int contentHeight() const override;
    QRectF barRect(const PaneScene& scene, SpanIndex span) const override;
    SpanIndex spanAt(const QPoint& pos) const override;
    SpanIndex topSpan() const override;
    int timelineLeft() const override { return m_labelWidth; }
    GanttRows& rows() { return m_rows; }
    const TrackLayout& tracks() const { return m_tracks; }
    // Packed tracks instead of a span per row; only traces with lanes can be packed.
    void setPackedTracks(bool packed);
    bool packedTracks() const { return m_packed; }
    static bool packsByDefault(const Trace& trace);
    void setLabelWidth(int pixels);

protected:
    void paintContent(QPainter& painter, const QRect& viewport, const PaneScene& scene) const override;
    void revealSpan(SpanIndex span) override;
    bool handleClick(const QPoint& pos) override;
    SpanIndex stepFrom(SpanIndex span, int key) const override;
    void resizeEvent(QResizeEvent* event) override;

private:
    GanttGeometry geometry() const;
    void rowsChanged();

    GanttRows m_rows;
    TrackLayout m_tracks;
    bool m_packed = false;
    int m_labelWidth = 260;
};

} // namespace tracedelta
