// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iciclepainter.h"
#include "ui/timeline/tracecanvas.h"

namespace tracedelta {

// One trace as a time-ordered icicle (flame chart) on the shared time axis.
class IcicleCanvas : public TraceCanvas
{
    Q_OBJECT
public:
    IcicleCanvas(PaneData data, TimeAxis* axis, SelectionState* selection, QWidget* parent = nullptr);

    int contentHeight() const override;
    QRectF barRect(const PaneScene& scene, SpanIndex span) const override;
    SpanIndex spanAt(const QPoint& pos) const override;

protected:
    void paintContent(QPainter& painter, const QRect& viewport, const PaneScene& scene) const override;

private:
    IcicleGeometry geometry() const;

    IcicleLayout m_layout;
};

} // namespace tracedelta
