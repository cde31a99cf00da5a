// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <vector>

namespace tracedelta {

// The critical path as Jaeger defines it — walk back from a span's end, each time stepping
// into the child that finished last before the current point — cut into segments, each charged to the span whose own time it is:
// the time between two critical children belongs to their parent, the rest to the child
// the walk stepped into. Top-level spans are walked like children of one virtual span
// covering the whole trace, whose share (time in no top-level span) is `uncoveredNs`.
// Unlike Jaeger, a span's window reaches to its latest descendant's end: work that outlives
// its parent (a call abandoned on timeout, a message consumed after the publish returned)
// stays on the path as that work, and the gap before it is its parent's (the waiting).
// The charges and uncoveredNs add up exactly to the trace's wall duration, so per-span
// differences between two runs add up exactly to the difference of their durations.
struct CriticalPathCharges
{
    std::vector<std::int64_t> perSpan;
    std::int64_t uncoveredNs = 0;
    // The spans the walk passed through (a flag per span): with several top-level spans
    // (profile lanes, async roots) only those on the path are marked.
    std::vector<bool> onPath;
};
CriticalPathCharges criticalPathCharges(const Trace& trace);

} // namespace tracedelta
