// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace tracedelta {

// A readable step (1, 2, 2.5 or 5 × 10^k ns) giving about `targetCount` ticks over `lengthNs`.
// The ruler and the grid lines in the panes both use it, so they line up.
double durationTickStep(double lengthNs, int targetCount);

// Tick positions (axis ns) inside [startNs, endNs].
std::vector<double> durationTicks(double startNs, double endNs, int targetCount);

} // namespace tracedelta
