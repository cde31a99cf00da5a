// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ganttpainter.h"
#include "tracecanvas.h"

namespace tracedelta {

// One trace as a Gantt timeline: a collapsible span tree on the left, bars on the right.
class GanttCanvas : public TraceCanvas
{
    Q_OBJECT
public:
    GanttCanvas(PaneData data, TimeAxis* axis, SelectionState* selection, QWidget* parent = nullptr);

    int contentHeight() const override;
    QRectF barRect(const PaneScene& scene, SpanIndex span) const override;
    SpanIndex spanAt(const QPoint& pos) const override;
    int timelineLeft() const override { return m_labelWidth; }
    GanttRows& rows() { return m_rows; }
    void setLabelWidth(int pixels);

protected:
    void paintContent(QPainter& painter, const QRect& viewport, const PaneScene& scene) const override;
    void revealSpan(SpanIndex span) override;
    bool handleClick(const QPoint& pos) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    GanttGeometry geometry() const;
    void rowsChanged();

    GanttRows m_rows;
    int m_labelWidth = 260;
};

} // namespace tracedelta
