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
    // `layout` is the trace's, made elsewhere (off the GUI thread); null: made here.
    IcicleCanvas(PaneData data, TimeAxis* axis, SelectionState* selection, std::shared_ptr<const IcicleLayout> layout = nullptr,
                 QWidget* parent = nullptr);

    const std::shared_ptr<const IcicleLayout>& layout() const { return m_layout; }
    int contentHeight() const override;
    QRectF barRect(const PaneScene& scene, SpanIndex span) const override;
    SpanIndex spanAt(const QPoint& pos) const override;

protected:
    void paintContent(QPainter& painter, const QRect& viewport, const PaneScene& scene) const override;

private:
    IcicleGeometry geometry() const;

    std::shared_ptr<const IcicleLayout> m_layout;
};

} // namespace tracedelta
