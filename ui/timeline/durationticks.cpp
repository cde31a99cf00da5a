// SPDX-License-Identifier: GPL-3.0-or-later
#include "durationticks.h"

#include <cmath>

namespace tracedelta {

double durationTickStep(double lengthNs, int targetCount)
{
    if (lengthNs <= 0 || targetCount <= 0)
        return 1.0;
    const double raw = lengthNs / targetCount;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double mantissa = raw / magnitude;
    double nice = 10.0;
    for (const double candidate : {1.0, 2.0, 2.5, 5.0}) {
        if (mantissa <= candidate) {
            nice = candidate;
            break;
        }
    }
    return std::max(1.0, nice * magnitude);
}

std::vector<double> durationTicks(double startNs, double endNs, int targetCount)
{
    std::vector<double> ticks;
    const double step = durationTickStep(endNs - startNs, targetCount);
    for (double t = std::ceil(startNs / step) * step; t <= endNs && ticks.size() < 1000; t += step)
        ticks.push_back(t);
    return ticks;
}

} // namespace tracedelta
