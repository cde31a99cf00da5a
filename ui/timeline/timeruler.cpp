// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeruler.h"

#include "durationticker.h"
#include "ui/navigation/timeaxis.h"

#include <QVBoxLayout>
#include "ui/qcustomplotinclude.h"

#include <cmath>

namespace tracedelta {


TimeRuler::TimeRuler(TimeAxis* axis, int leftMargin, QWidget* parent)
    : QWidget(parent)
    , m_axis(axis)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setFixedHeight(26);

    m_plot->yAxis->setVisible(false);
    QCPAxis* x = m_plot->xAxis;
    x->setTicker(QSharedPointer<QCPAxisTicker>(new DurationTicker));
    x->setTickLengthIn(0);
    x->setTickLengthOut(5);
    x->setSubTickLengthIn(0);
    x->setSubTickLengthOut(2);
    x->setTickLabelPadding(1);
    x->setBasePen(Qt::NoPen);
    m_plot->axisRect()->setAutoMargins(QCP::msNone);
    setLeftMargin(leftMargin);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    // Ticks and labels hang below the axis, which sits at the top of the strip.
    x->setTickLabelSide(QCPAxis::lsOutside);

    connect(x, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this](const QCPRange& range) {
        if (m_updating)
            return;
        m_updating = true;
        m_axis->setView(std::llround(range.lower), std::llround(range.upper));
        m_updating = false;
        followAxis(); // the axis may have clamped the range
    });
    connect(m_axis, &TimeAxis::viewChanged, this, &TimeRuler::followAxis);
    applyPalette();
    followAxis();
}

int TimeRuler::tickTargetCount(int widthPixels)
{
    return std::max(2, widthPixels / 110);
}

void TimeRuler::setLeftMargin(int pixels)
{
    m_leftMargin = pixels;
    // The axis is the top edge of a zero-height rect: labels below it fill the strip.
    m_plot->axisRect()->setMargins(QMargins(pixels, 0, 0, 24));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QStringList TimeRuler::tickLabels() const
{
    QStringList labels;
    for (const QString& label : m_plot->xAxis->tickVectorLabels())
        labels << label;
    return labels;
}

void TimeRuler::followAxis()
{
    // From this widget's own width: the plot's axis rect is resized after this widget, so
    // during a resize (Side by Side, a dock moving) it still has the old width.
    m_plot->xAxis->ticker().staticCast<DurationTicker>()->setWidthPixels(std::max(0, width() - m_leftMargin));
    m_updating = true;
    m_plot->xAxis->setRange(static_cast<double>(m_axis->viewStartNs()), static_cast<double>(m_axis->viewEndNs()));
    m_updating = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimeRuler::applyPalette()
{
    const QPalette& p = palette();
    m_plot->setBackground(p.color(QPalette::Window));
    QCPAxis* x = m_plot->xAxis;
    x->setTickLabelColor(p.color(QPalette::WindowText));
    x->setTickPen(QPen(p.color(QPalette::WindowText)));
    x->setSubTickPen(QPen(p.color(QPalette::Mid)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimeRuler::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void TimeRuler::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    followAxis();
}

} // namespace tracedelta
