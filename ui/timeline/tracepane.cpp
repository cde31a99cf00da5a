// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracepane.h"

#include "timeruler.h"
#include "tracecanvas.h"

#include "ui/style/elidedlabel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>

namespace tracedelta {

TracePane::TracePane(TraceCanvas* canvas, const QString& title, const QColor& traceColor, TimeAxis* axis, QWidget* parent)
    : QWidget(parent)
    , m_canvas(canvas)
    , m_ruler(new TimeRuler(axis, canvas->timelineLeft(), this))
    , m_swatch(new QLabel(this))
    , m_title(new ElidedLabel({}, this))
    , m_scrollBar(new QScrollBar(Qt::Vertical, this))
{
    m_color = traceColor;
    m_swatch->setText(QStringLiteral("■"));
    m_swatch->setStyleSheet(QStringLiteral("color: %1").arg(m_color.name()));
    m_swatch->setContentsMargins(4, 2, 0, 0);
    // Long titles (a file name, the overlay's key) shorten with "…" rather than widen the window.
    m_title->setContentsMargins(4, 2, 4, 0);
    setTitle(title);
    auto* titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(0, 0, 0, 0);
    titleRow->setSpacing(0);
    titleRow->addWidget(m_swatch);
    titleRow->addWidget(m_title, 1);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(titleRow, 0, 0, 1, 2);
    layout->addWidget(m_ruler, 1, 0);
    layout->addWidget(canvas, 2, 0);
    layout->addWidget(m_scrollBar, 2, 1);
    layout->setRowStretch(2, 1);
    canvas->setParent(this);

    connect(m_scrollBar, &QScrollBar::valueChanged, canvas, &TraceCanvas::setScrollY);
    connect(canvas, &TraceCanvas::scrollChanged, m_scrollBar, &QScrollBar::setValue);
    connect(canvas, &TraceCanvas::contentHeightChanged, this, &TracePane::syncScrollBar);
    connect(canvas, &TraceCanvas::timelineLeftChanged, m_ruler, &TimeRuler::setLeftMargin);
    syncScrollBar();
}

void TracePane::setTitle(const QString& title)
{
    m_title->setFullText(title);
}

QString TracePane::title() const
{
    return m_title->fullText();
}

void TracePane::syncScrollBar()
{
    const int page = m_canvas->height();
    m_scrollBar->setRange(0, std::max(0, m_canvas->contentHeight() - page));
    m_scrollBar->setPageStep(page);
    m_scrollBar->setSingleStep(20);
    m_scrollBar->setValue(m_canvas->scrollY());
}

} // namespace tracedelta
