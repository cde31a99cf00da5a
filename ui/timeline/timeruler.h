// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCustomPlot;

namespace tracedelta {

class TimeAxis;

// The time ruler above a pane: a QCustomPlot axis labelled in human units that follows
// the shared TimeAxis, and that can itself be dragged and wheel-zoomed.
class TimeRuler : public QWidget
{
    Q_OBJECT
public:
    TimeRuler(TimeAxis* axis, int leftMargin, QWidget* parent = nullptr);

    void setLeftMargin(int pixels);
    // The tick labels currently shown, for tests.
    QStringList tickLabels() const;
    static int tickTargetCount(int widthPixels);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void followAxis();
    void applyPalette();

    TimeAxis* m_axis;
    QCustomPlot* m_plot;
    bool m_updating = false;
    int m_leftMargin = 0;
};

} // namespace tracedelta
