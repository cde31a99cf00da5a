// SPDX-License-Identifier: GPL-3.0-or-later
#include "selftime.h"

#include "../model/trace.h"
#include "../util/timearithmetic.h"

#include <algorithm>

namespace tracedelta {

std::int64_t uncoveredTime(std::int64_t begin, std::int64_t end, std::vector<Interval>& intervals)
{
    std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
    std::int64_t covered = 0;
    std::int64_t reach = begin; // everything before reach is already counted
    for (const Interval& i : intervals) {
        const std::int64_t from = std::max(i.begin, reach);
        const std::int64_t to = std::min(i.end, end);
        if (to > from) {
            covered += to - from;
            reach = to;
        }
    }
    return (end - begin) - covered;
}

std::int64_t coveredTime(std::vector<Interval>& intervals)
{
    std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
    std::int64_t covered = 0;
    bool open = false;
    std::int64_t reach = 0;
    for (const Interval& i : intervals) {
        const std::int64_t from = open ? std::max(i.begin, reach) : i.begin;
        if (i.end > from) {
            covered = timemath::add(covered, timemath::sub(i.end, from));
            reach = i.end;
            open = true;
        }
    }
    return covered;
}

std::vector<std::int64_t> computeSelfTimes(const Trace& trace)
{
    std::vector<std::int64_t> self(trace.spanCount());
    std::vector<Interval> scratch;
    for (SpanIndex i = 0; i < trace.spanCount(); ++i) {
        const auto kids = trace.children(i);
        if (kids.empty()) {
            self[i] = trace.durationNs(i);
            continue;
        }
        scratch.clear();
        for (SpanIndex c : kids)
            scratch.push_back({trace.startNs(c), trace.endNs(c)});
        self[i] = uncoveredTime(trace.startNs(i), trace.endNs(i), scratch);
    }
    return self;
}

} // namespace tracedelta
