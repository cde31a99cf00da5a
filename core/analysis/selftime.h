// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace tracedelta {

class Trace;

struct Interval
{
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

// Time in [begin, end) not covered by any of the intervals. Intervals may overlap each
// other and stick out of the range; only the clipped union counts. Sorts the input.
std::int64_t uncoveredTime(std::int64_t begin, std::int64_t end, std::vector<Interval>& intervals);

// Length of the union of the intervals. Sorts the input.
std::int64_t coveredTime(std::vector<Interval>& intervals);

// Self time of every span: its duration minus the union of its children's intervals
// clipped to the span. Indexed like the trace's spans.
std::vector<std::int64_t> computeSelfTimes(const Trace& trace);

} // namespace tracedelta
