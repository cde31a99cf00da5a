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
    return {600, heightForWidth(600)};
}

int LegendBar::heightForWidth(int width) const
{
    return heightFor(fontMetrics(), width);
}

void LegendBar::setShowSpread(bool show)
{
    if (show == m_showSpread)
        return;
    m_showSpread = show;
    setFixedHeight(heightForWidth(std::max(100, width())));
    update();
}

void LegendBar::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const int wanted = heightForWidth(width());
    if (wanted != height())
        setFixedHeight(wanted);
}

QStringList LegendBar::labels() const
{
    QStringList labels{tr("slower"),
                       tr("faster"),
                       tr("added"),
                       tr("removed (baseline only)"),
                       tr("call count changed"),
                       tr("concurrency changed"),
                       tr("disproportionate self time"),
                       tr("selected"),
                       tr("counterpart of hovered span")};
    if (m_showSpread)
        labels << tr("baselines: min–max, p10–p90, median");
    return labels;
}

std::vector<LegendBar::Placed> LegendBar::place(const QFontMetrics& metrics, const QRect& area, const QStringList& labels) const
{
    constexpr int Padding = 5;
    const int lineHeight = metrics.height() + 6;
    const int swatchSize = metrics.height() - 4;
    std::vector<Placed> placed;
    int x = area.left() + 6;
    int top = area.top() + Padding;
    for (const QString& label : labels) {
        const int textWidth = metrics.horizontalAdvance(label) + 2;
        const int entryWidth = swatchSize * 2 + 4 + textWidth;
        if (x + entryWidth > area.right() && x > area.left() + 6) {
            x = area.left() + 6;
            top += lineHeight;
        }
        Placed p;
        p.swatch = QRect(x, top + (lineHeight - swatchSize) / 2, swatchSize * 2, swatchSize);
        p.text = QRect(x + swatchSize * 2 + 4, top, textWidth, lineHeight);
        placed.push_back(p);
        x += entryWidth + 14;
    }
    return placed;
}

int LegendBar::heightFor(const QFontMetrics& metrics, int width) const
{
    const auto placed = place(metrics, QRect(0, 0, width, 1000), labels());
    return placed.empty() ? 0 : placed.back().text.bottom() + 1 + 5;
}

void LegendBar::render(QPainter& painter, const QRect& area) const
{
    const ViewPalette p = ViewPalette::forPalette(palette());
    const QStringList texts = labels();
    const auto placed = place(QFontMetrics(painter.font()), area, texts);
    const SpanMark fills[] = {SpanMark::Slower, SpanMark::Faster, SpanMark::Added, SpanMark::Removed,
                              SpanMark::CountChanged, SpanMark::Concurrency};
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const QRect swatch = placed[i].swatch;
        if (i < std::size(fills)) {
            painter.fillRect(swatch, p.markLegendColor(fills[i]));
            if (fills[i] == SpanMark::Removed)
                painter.fillRect(swatch, QBrush(p.mutedText, Qt::Dense6Pattern));
        } else if (i == 6) {
            painter.fillRect(swatch, p.unchangedNode);
            painter.fillRect(swatch, QBrush(p.selfTime, Qt::BDiagPattern));
            painter.setPen(QPen(p.selfTime, 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(swatch.adjusted(1, 1, -1, -1));
        } else if (i == 7 || i == 8) {
            painter.fillRect(swatch, p.unchangedNode);
            painter.setPen(QPen(i == 7 ? p.selection : p.hover, 2, i == 8 ? Qt::DashLine : Qt::SolidLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(swatch.adjusted(1, 1, -1, -1));
        } else {
            // The spread glyph as drawn under target bars.
            const double midY = swatch.center().y() + 0.5;
            painter.setPen(QPen(p.text, 1));
            painter.drawLine(QPointF(swatch.left(), midY), QPointF(swatch.right(), midY));
            painter.drawLine(swatch.topLeft(), swatch.bottomLeft());
            painter.drawLine(swatch.topRight(), swatch.bottomRight());
            painter.fillRect(swatch.adjusted(swatch.width() / 4, 0, -swatch.width() / 4, 0), p.spread);
            painter.setPen(QPen(p.text, 2));
            painter.drawLine(QPointF(swatch.center().x(), swatch.top()), QPointF(swatch.center().x(), swatch.bottom()));
        }
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(placed[i].text, Qt::AlignVCenter | Qt::AlignLeft, texts[static_cast<int>(i)]);
    }
}

void LegendBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, rect());
}

} // namespace tracedelta
