// SPDX-License-Identifier: GPL-3.0-or-later
#include "legendbar.h"

#include "style/viewpalette.h"
#include "timeline/spanbarpainter.h"

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

std::vector<LegendBar::Entry> LegendBar::entries(Use use) const
{
    std::vector<Entry> list{Entry::Slower,       Entry::Faster,      Entry::Added,    Entry::Removed,
                            Entry::CountChanged, Entry::Concurrency, Entry::SelfTime, Entry::Failed,
                            Entry::Selected};
    if (use == Use::Screen)
        list.push_back(Entry::Hovered);
    if (m_showSpread)
        list.push_back(Entry::Spread);
    return list;
}

QString LegendBar::label(Entry entry)
{
    switch (entry) {
    case Entry::Slower: return tr("slower");
    case Entry::Faster: return tr("faster");
    case Entry::Added: return tr("added");
    case Entry::Removed: return tr("removed (baseline only)");
    case Entry::CountChanged: return tr("call count changed");
    case Entry::Concurrency: return tr("concurrency changed");
    case Entry::SelfTime: return tr("disproportionate self time");
    case Entry::Failed: return tr("failed (error status or exception)");
    case Entry::Selected: return tr("selected");
    case Entry::Hovered: return tr("counterpart of hovered span");
    case Entry::Spread: return tr("baselines: min–max, p10–p90, median");
    }
    return {};
}

QStringList LegendBar::labels(Use use) const
{
    QStringList texts;
    for (const Entry entry : entries(use))
        texts << label(entry);
    return texts;
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

int LegendBar::heightFor(const QFontMetrics& metrics, int width, Use use) const
{
    const auto placed = place(metrics, QRect(0, 0, width, 1000), labels(use));
    return placed.empty() ? 0 : placed.back().text.bottom() + 1 + 5;
}

void LegendBar::render(QPainter& painter, const QRect& area, Use use) const
{
    const std::vector<Entry> list = entries(use);
    const QStringList texts = labels(use);
    const auto placed = place(QFontMetrics(painter.font()), area, texts);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        paintSwatch(painter, placed[i].swatch, list[i]);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(placed[i].text, Qt::AlignVCenter | Qt::AlignLeft, texts[static_cast<int>(i)]);
    }
}

void LegendBar::paintSwatch(QPainter& painter, const QRect& swatch, Entry entry) const
{
    const ViewPalette p = ViewPalette::forPalette(palette());
    const auto mark = [](Entry e) {
        switch (e) {
        case Entry::Slower: return SpanMark::Slower;
        case Entry::Faster: return SpanMark::Faster;
        case Entry::Added: return SpanMark::Added;
        case Entry::Removed: return SpanMark::Removed;
        case Entry::CountChanged: return SpanMark::CountChanged;
        default: return SpanMark::Concurrency;
        }
    };
    switch (entry) {
    case Entry::Slower:
    case Entry::Faster:
    case Entry::Added:
    case Entry::Removed:
    case Entry::CountChanged:
    case Entry::Concurrency:
        painter.fillRect(swatch, p.markLegendColor(mark(entry)));
        if (entry == Entry::Removed)
            painter.fillRect(swatch, QBrush(p.mutedText, Qt::Dense6Pattern));
        return;
    case Entry::SelfTime:
        painter.fillRect(swatch, p.unchangedNode);
        painter.fillRect(swatch, QBrush(p.selfTime, Qt::BDiagPattern));
        painter.setPen(QPen(p.selfTime, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(swatch.adjusted(1, 1, -1, -1));
        return;
    case Entry::Failed: {
        painter.fillRect(swatch, p.unchangedNode);
        paintErrorCorner(painter, QRectF(swatch).adjusted(0, -1, 1, 1), p.error);
        return;
    }
    case Entry::Selected:
    case Entry::Hovered:
        painter.fillRect(swatch, p.unchangedNode);
        painter.setPen(QPen(entry == Entry::Selected ? p.selection : p.hover, 2,
                            entry == Entry::Hovered ? Qt::DashLine : Qt::SolidLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(swatch.adjusted(1, 1, -1, -1));
        return;
    case Entry::Spread: {
        // The spread glyph as drawn under target bars.
        const double midY = swatch.center().y() + 0.5;
        painter.setPen(QPen(p.text, 1));
        painter.drawLine(QPointF(swatch.left(), midY), QPointF(swatch.right(), midY));
        painter.drawLine(swatch.topLeft(), swatch.bottomLeft());
        painter.drawLine(swatch.topRight(), swatch.bottomRight());
        painter.fillRect(swatch.adjusted(swatch.width() / 4, 0, -swatch.width() / 4, 0), p.spread);
        painter.setPen(QPen(p.text, 2));
        painter.drawLine(QPointF(swatch.center().x(), swatch.top()), QPointF(swatch.center().x(), swatch.bottom()));
        return;
    }
    }
}

void LegendBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, rect());
}

} // namespace tracedelta
