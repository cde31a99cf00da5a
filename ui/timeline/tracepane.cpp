// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracepane.h"

#include "timeruler.h"
#include "tracecanvas.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>

namespace tracedelta {

TracePane::TracePane(TraceCanvas* canvas, const QString& title, const QColor& traceColor, TimeAxis* axis, QWidget* parent)
    : QWidget(parent)
    , m_canvas(canvas)
    , m_ruler(new TimeRuler(axis, canvas->timelineLeft(), this))
    , m_title(new QLabel(this))
    , m_scrollBar(new QScrollBar(Qt::Vertical, this))
{
    m_title->setTextFormat(Qt::RichText);
    m_color = traceColor;
    setTitle(title);
    m_title->setContentsMargins(4, 2, 4, 0);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title, 0, 0, 1, 2);
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
    m_title->setText(QStringLiteral("<span style='color:%1'>■</span> %2").arg(m_color.name(), title.toHtmlEscaped()));
}

QString TracePane::title() const
{
    return m_title->text();
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
