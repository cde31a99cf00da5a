// SPDX-License-Identifier: GPL-3.0-or-later
#include "iciclecanvas.h"

#include <QPainter>

namespace tracedelta {

IcicleCanvas::IcicleCanvas(PaneData data, TimeAxis* axis, SelectionState* selection, std::shared_ptr<const IcicleLayout> layout,
                           QWidget* parent)
    : TraceCanvas(std::move(data), axis, selection, parent)
    , m_layout(layout ? std::move(layout) : std::make_shared<const IcicleLayout>(*m_data.trace))
{
}

IcicleGeometry IcicleCanvas::geometry() const
{
    IcicleGeometry g;
    g.scrollY = scrollY();
    return g;
}

int IcicleCanvas::contentHeight() const
{
    return m_layout->rowCount() * IcicleGeometry::RowHeight;
}

void IcicleCanvas::paintContent(QPainter& painter, const QRect& viewport, const PaneScene& scene) const
{
    paintIcicle(painter, viewport, scene, *m_layout, geometry());
}

QRectF IcicleCanvas::barRect(const PaneScene& scene, SpanIndex span) const
{
    return icicleBarRect(scene, *m_layout, geometry(), span);
}

SpanIndex IcicleCanvas::spanAt(const QPoint& pos) const
{
    const PaneScene s = scene();
    const std::int64_t tolerance = static_cast<std::int64_t>(2.0 / s.mapping.pixelsPerNs());
    return m_layout->spanAt(*m_data.trace, geometry().depthAt(pos.y()), s.mapping.absoluteTime(pos.x()), tolerance);
}

} // namespace tracedelta
