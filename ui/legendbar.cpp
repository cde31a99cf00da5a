// SPDX-License-Identifier: GPL-3.0-or-later
#include "legendbar.h"

#include "style/viewpalette.h"

#include <QPainter>

namespace tracedelta {

LegendBar::LegendBar(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize LegendBar::sizeHint() const
{
    return {600, fontMetrics().height() + 10};
}

void LegendBar::render(QPainter& painter, const QRect& area) const
{
    const ViewPalette p = ViewPalette::forPalette(palette());
    enum class Swatch { Fill, Hatch, Outline, Dashed };
    struct Entry
    {
        QString label;
        QColor color;
        Swatch swatch;
        SpanMark mark;
    };
    const Entry entries[] = {
        {tr("slower"), p.markLegendColor(SpanMark::Slower), Swatch::Fill, SpanMark::Slower},
        {tr("faster"), p.markLegendColor(SpanMark::Faster), Swatch::Fill, SpanMark::Faster},
        {tr("added"), p.markLegendColor(SpanMark::Added), Swatch::Fill, SpanMark::Added},
        {tr("removed (baseline only)"), p.markLegendColor(SpanMark::Removed), Swatch::Fill, SpanMark::Removed},
        {tr("call count changed"), p.markLegendColor(SpanMark::CountChanged), Swatch::Fill, SpanMark::CountChanged},
        {tr("concurrency changed"), p.markLegendColor(SpanMark::Concurrency), Swatch::Fill, SpanMark::Concurrency},
        {tr("disproportionate self time"), p.selfTime, Swatch::Hatch, SpanMark::None},
        {tr("selected"), p.selection, Swatch::Outline, SpanMark::None},
        {tr("counterpart of hovered span"), p.hover, Swatch::Dashed, SpanMark::None},
    };
    const QFontMetrics metrics(painter.font());
    int x = area.left() + 6;
    const int swatchSize = metrics.height() - 4;
    const int y = area.top() + (area.height() - swatchSize) / 2;
    for (const Entry& entry : entries) {
        const QRect swatch(x, y, swatchSize * 2, swatchSize);
        switch (entry.swatch) {
        case Swatch::Fill:
            painter.fillRect(swatch, entry.color);
            if (entry.mark == SpanMark::Removed)
                painter.fillRect(swatch, QBrush(p.mutedText, Qt::Dense6Pattern));
            break;
        case Swatch::Hatch:
            painter.fillRect(swatch, p.unchangedNode);
            painter.fillRect(swatch, QBrush(entry.color, Qt::BDiagPattern));
            painter.setPen(QPen(entry.color, 2));
            painter.drawRect(swatch.adjusted(1, 1, -1, -1));
            break;
        case Swatch::Outline:
        case Swatch::Dashed:
            painter.fillRect(swatch, p.unchangedNode);
            painter.setPen(QPen(entry.color, 2, entry.swatch == Swatch::Dashed ? Qt::DashLine : Qt::SolidLine));
            painter.drawRect(swatch.adjusted(1, 1, -1, -1));
            break;
        }
        x += swatch.width() + 4;
        painter.setPen(palette().color(QPalette::WindowText));
        const int textWidth = metrics.horizontalAdvance(entry.label);
        painter.drawText(QRect(x, area.top(), textWidth + 2, area.height()), Qt::AlignVCenter | Qt::AlignLeft, entry.label);
        x += textWidth + 14;
        if (x > area.right())
            break;
    }
}

void LegendBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, rect());
}

} // namespace tracedelta
