// SPDX-License-Identifier: GPL-3.0-or-later
#include "durationticker.h"

#include "core/util/durationformat.h"
#include "durationticks.h"
#include "timeruler.h"

#include <cmath>

namespace tracedelta {

double DurationTicker::getTickStep(const QCPRange& range)
{
    return durationTickStep(range.size(), TimeRuler::tickTargetCount(m_widthPixels));
}

int DurationTicker::getSubTickCount(double)
{
    return 4;
}

QString DurationTicker::getTickLabel(double tick, const QLocale&, QChar, int)
{
    return formatDuration(std::llround(tick));
}

} // namespace tracedelta
