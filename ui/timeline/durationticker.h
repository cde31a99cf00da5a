// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/qcustomplotinclude.h"

namespace tracedelta {

// A QCustomPlot ticker for nanosecond axes: readable steps (the same as the pane grid)
// labelled in human units, "250 ms", "1.5 s".
class DurationTicker : public QCPAxisTicker
{
public:
    void setWidthPixels(int pixels) { m_widthPixels = pixels; }

protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;

private:
    int m_widthPixels = 800;
};

} // namespace tracedelta
