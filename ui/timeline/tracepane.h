// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QWidget>

class QLabel;
class QScrollBar;

namespace tracedelta {

class TimeRuler;
class TraceCanvas;

// A titled pane around one canvas: "baseline · normal-1.json · 412 ms", the time ruler,
// the canvas and its vertical scroll bar.
class TracePane : public QWidget
{
    Q_OBJECT
public:
    TracePane(TraceCanvas* canvas, const QString& title, const QColor& traceColor, class TimeAxis* axis,
              QWidget* parent = nullptr);

    TraceCanvas* canvas() const { return m_canvas; }
    TimeRuler* ruler() const { return m_ruler; }
    QString title() const;
    void setTitle(const QString& title);

private:
    void syncScrollBar();

    TraceCanvas* m_canvas;
    TimeRuler* m_ruler;
    QLabel* m_swatch;
    class ElidedLabel* m_title;
    QColor m_color;
    QScrollBar* m_scrollBar;
};

} // namespace tracedelta
