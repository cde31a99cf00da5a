// SPDX-License-Identifier: GPL-3.0-or-later
#include "clockskew.h"

#include "comparison.h"
#include "../model/tracebuilder.h"

#include <algorithm>
#include <map>

namespace tracedelta {

SkewAdjusted adjustClockSkew(const TracePtr& trace)
{
    SkewAdjusted result{trace, {}};
    if (!trace || isTraceEventFamily(trace->format()))
        return result;
    const Trace& t = *trace;
    constexpr std::int64_t rounding = 1'000'000;
    std::vector<std::int64_t> shift(static_cast<std::size_t>(t.spanCount()), 0);
    std::map<std::pair<StringId, StringId>, std::vector<std::int64_t>> moved; // (caller, callee) → shifts
    // Pre-order: a parent's shift is final before its children are looked at.
    for (SpanIndex s = 0; s < t.spanCount(); ++s) {
        const SpanIndex p = t.parent(s);
        if (p == NoSpan)
            continue;
        shift[static_cast<std::size_t>(s)] = shift[static_cast<std::size_t>(p)];
        if (t.service(s) == t.service(p))
            continue;
        const std::int64_t childStart = timemath::add(t.startNs(s), shift[static_cast<std::size_t>(s)]);
        const std::int64_t childEnd = timemath::add(childStart, t.durationNs(s));
        const std::int64_t parentStart = timemath::add(t.startNs(p), shift[static_cast<std::size_t>(p)]);
        const std::int64_t parentEnd = timemath::add(parentStart, t.durationNs(p));
        const bool linked = t.kind(s) == SpanKind::Consumer || t.kind(p) == SpanKind::Producer;
        const bool startsBefore = timemath::sub(parentStart, childStart) > rounding;
        // The caller waited for the answer (a CLIENT that did not fail, one not longer than the caller).
        const bool endsAfterWaitingCaller = !linked && t.kind(p) == SpanKind::Client && !spanFailed(t, p)
            && t.durationNs(s) <= t.durationNs(p) && timemath::sub(childEnd, parentEnd) > rounding;
        if (!startsBefore && !endsAfterWaitingCaller)
            continue;
        const std::int64_t latency = t.durationNs(s) <= t.durationNs(p) && !linked ? (t.durationNs(p) - t.durationNs(s)) / 2 : 0;
        const std::int64_t delta = timemath::sub(timemath::add(parentStart, latency), childStart);
        shift[static_cast<std::size_t>(s)] = timemath::add(shift[static_cast<std::size_t>(s)], delta);
        moved[{t.service(p), t.service(s)}].push_back(delta);
    }
    if (moved.empty())
        return result;
    for (auto& [services, deltas] : moved) {
        std::sort(deltas.begin(), deltas.end());
        result.shifts.push_back({t.strings().at(services.first), t.strings().at(services.second), sortedMedian(deltas),
                                 static_cast<int>(deltas.size())});
    }
    result.trace = TraceBuilder::withShiftedSpans(t, shift);
    return result;
}

} // namespace tracedelta
