// SPDX-License-Identifier: GPL-3.0-or-later
#include "spanbarpainter.h"

#include "core/util/durationformat.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>

namespace tracedelta {

namespace {

// The parts of the bar not covered by children: where the self time is spent.
void paintSelfTimeHatch(QPainter& painter, const QRectF& bar, const QRectF& area, const PaneScene& scene, SpanIndex span)
{
    const Trace& trace = *scene.trace;
    const QBrush hatch(scene.palette.selfTime, Qt::BDiagPattern);
    const auto paintGap = [&](std::int64_t from, std::int64_t to) {
        const double x0 = std::max(scene.mapping.x(from), area.left());
        const double x1 = std::min(scene.mapping.x(to), area.right());
        if (x1 - x0 >= 1.0)
            painter.fillRect(QRectF(x0, bar.top(), x1 - x0, bar.height()), hatch);
    };
    std::int64_t cursor = trace.startNs(span);
    const std::int64_t end = trace.endNs(span);
    for (const SpanIndex child : trace.children(span)) {
        const std::int64_t childStart = std::clamp(trace.startNs(child), trace.startNs(span), end);
        if (childStart > cursor)
            paintGap(cursor, childStart);
        cursor = std::max(cursor, std::min(trace.endNs(child), end));
    }
    if (end > cursor)
        paintGap(cursor, end);
}

// A box plot on the time axis, starting where the target's span starts: whisker from the
// baselines' fastest to slowest, box from p10 to p90, a tick at the median. Drawn in a
// strip under the bar, so a target bar longer than all of them never hides it.
void paintSpread(QPainter& painter, const QRectF& strip, const QRectF& area, const PaneScene& scene, SpanIndex span,
                 const DurationSpread& spread)
{
    const std::int64_t start = scene.trace->startNs(span);
    const auto x = [&](std::int64_t duration) { return scene.mapping.x(timemath::add(start, duration)); };
    const double midY = std::floor(strip.center().y()) + 0.5;
    painter.save();
    painter.setClipRect(area.intersected(QRectF(area.left(), strip.top(), area.width(), strip.height())));
    QColor ink = scene.palette.text;
    if (scene.dimmed(span))
        ink.setAlpha(90);
    painter.setPen(QPen(ink, 1));
    painter.drawLine(QPointF(x(spread.minNs), midY), QPointF(x(spread.maxNs), midY));
    painter.drawLine(QPointF(x(spread.minNs), strip.top() + 1), QPointF(x(spread.minNs), strip.bottom() - 1));
    painter.drawLine(QPointF(x(spread.maxNs), strip.top() + 1), QPointF(x(spread.maxNs), strip.bottom() - 1));
    const double boxLeft = x(spread.p10Ns);
    const QRectF box(boxLeft, strip.top(), std::max(1.0, x(spread.p90Ns) - boxLeft), strip.height());
    QColor boxFill = scene.palette.spread;
    if (scene.dimmed(span))
        boxFill.setAlpha(boxFill.alpha() / 3);
    painter.fillRect(box, boxFill);
    painter.setPen(QPen(ink, 2));
    const double median = std::round(x(spread.medianNs));
    painter.drawLine(QPointF(median, strip.top()), QPointF(median, strip.bottom()));
    painter.restore();
}

} // namespace

void paintErrorCorner(QPainter& painter, const QRectF& visible, const QColor& ink)
{
    const double size = std::min(visible.height() - 2, 12.0);
    if (size < 4)
        return;
    // A short failure is often the cause: a sliver still gets a mark the eye can find.
    const double width = std::max(std::min(visible.width(), size), std::min(size, 6.0));
    const QPointF corner(visible.right(), visible.top());
    const QPointF points[] = {corner, corner - QPointF(width, 0), corner + QPointF(0, size)};
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    painter.drawPolygon(points, 3);
    painter.restore();
}

QString spanBarLabel(const PaneScene& scene, SpanIndex span)
{
    QString label = QString::fromStdString(scene.trace->nameText(span)) + QStringLiteral(" · ")
        + formatDuration(scene.trace->durationNs(span));
    if (scene.failed(span))
        label += QStringLiteral(" · ") + QCoreApplication::translate("SpanBar", "failed");
    // Only the top candidates get a badge; hundreds of "#773 … 0 ns" would hide them.
    constexpr int BadgedCandidates = 10;
    if (const int rank = scene.candidateRank(span);
        rank > 0 && rank <= BadgedCandidates && scene.mark(span) != SpanMark::Removed)
        label.prepend(QStringLiteral("#%1 ").arg(rank));
    return label;
}

namespace {
void paintBarLabel(QPainter& painter, const QRectF& bar, const QRectF& visible, const QRectF& area, const PaneScene& scene,
                   SpanIndex span, LabelPlacement placement);
} // namespace

void paintSpanBar(QPainter& painter, const QRectF& fullBar, const QRectF& area, const PaneScene& scene, SpanIndex span,
                  LabelPlacement placement)
{
    QRectF bar = fullBar;
    if (const DurationSpread* spread = scene.spread(span)) {
        const double stripHeight = std::max(5.0, std::floor(fullBar.height() * 0.4));
        bar.setHeight(fullBar.height() - stripHeight);
        paintSpread(painter, QRectF(fullBar.left(), bar.bottom(), fullBar.width(), stripHeight), area, scene, span, *spread);
    }
    QRectF visible = bar.intersected(QRectF(area.left(), bar.top(), area.width(), bar.height()));
    if (visible.width() < 1.0)
        visible.setWidth(1.0);
    painter.fillRect(visible, scene.fill(span));
    if (scene.mark(span) == SpanMark::Removed)
        painter.fillRect(visible, QBrush(scene.palette.mutedText, Qt::Dense6Pattern));

    if (scene.hotspot(span) && !scene.dimmed(span) && visible.width() >= 3) {
        paintSelfTimeHatch(painter, bar, area, scene, span);
        painter.setPen(QPen(scene.palette.selfTime, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(visible.adjusted(1, 1, -1, -1));
    }

    const auto& events = scene.trace->events(span);
    if (!events.empty() && visible.width() >= 4) {
        painter.setPen(QPen(scene.palette.text, 1));
        double lastX = -1;
        for (const SpanEvent& event : events) {
            const double x = std::floor(scene.mapping.x(event.timeNs)) + 0.5;
            if (x < visible.left() || x > visible.right() || x == lastX)
                continue;
            painter.drawLine(QPointF(x, bar.bottom() - 5), QPointF(x, bar.bottom()));
            lastX = x;
        }
    }

    if (scene.failed(span)) {
        // Error status or an exception event (a timeout is reported so), in a colour no change uses.
        QColor ink = scene.palette.error;
        if (scene.dimmed(span))
            ink.setAlpha(110);
        paintErrorCorner(painter, visible, ink);
    }

    if (scene.selected(span)) {
        painter.setPen(QPen(scene.palette.selection, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(visible.adjusted(0, 0, 0, 0));
    } else if (scene.hovered(span)) {
        QPen pen(scene.palette.hover, 2, Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(visible);
    }

    // Text inside the bar when it fits, else after it, else before it. A bar made lower by the
    // baselines' spread strip gets a smaller font, so the label neither runs into the strip
    // nor is cut by the next row.
    painter.save();
    if (QFont font = painter.font(); QFontMetricsF(font).height() > bar.height() + 1) {
        font.setPixelSize(std::max(7, static_cast<int>(bar.height()) + 1));
        painter.setFont(font);
    }
    paintBarLabel(painter, bar, visible, area, scene, span, placement);
    painter.restore();
}

namespace {

void paintBarLabel(QPainter& painter, const QRectF& bar, const QRectF& visible, const QRectF& area, const PaneScene& scene,
                   SpanIndex span, LabelPlacement placement)
{
    const QFontMetricsF metrics(painter.font());
    const bool outside = placement == LabelPlacement::Anywhere;
    const double roomAfter = outside ? area.right() - visible.right() : 0.0;
    const double roomBefore = outside ? visible.left() - area.left() : 0.0;
    if (visible.width() < 24 && roomAfter < 60 && roomBefore < 60)
        return;
    const QString label = spanBarLabel(scene, span);
    const double textWidth = metrics.horizontalAdvance(label);
    QColor textColor = scene.palette.barText;
    QRectF textRect = visible.adjusted(4, 0, -3, 0);
    Qt::Alignment alignment = Qt::AlignVCenter | Qt::AlignLeft;
    if (textWidth > textRect.width()) {
        if (roomAfter > textWidth * 0.5 + 8) {
            textRect = QRectF(visible.right() + 4, bar.top(), roomAfter - 4, bar.height());
            textColor = scene.palette.text;
        } else if (roomBefore > std::max(textRect.width(), 60.0)) {
            textRect = QRectF(area.left(), bar.top(), roomBefore - 4, bar.height());
            alignment = Qt::AlignVCenter | Qt::AlignRight;
            textColor = scene.palette.text;
        }
    }
    if (scene.dimmed(span))
        textColor.setAlpha(110);
    if (textRect.width() < 16)
        return;
    const QString shown = metrics.elidedText(label, Qt::ElideRight, textRect.width());
    if (textColor == scene.palette.barText && scene.hotspot(span)) {
        // Keep the label readable on top of the self-time hatching.
        const double backing = std::min(textRect.width(), metrics.horizontalAdvance(shown)) + 6;
        painter.fillRect(QRectF(textRect.left() - 3, bar.top() + 2, backing, bar.height() - 4), scene.fill(span));
    }
    painter.setPen(textColor);
    painter.drawText(textRect, alignment, shown);
}

} // namespace

} // namespace tracedelta
