// SPDX-License-Identifier: GPL-3.0-or-later
#include "criticalpath.h"

#include <algorithm>

namespace tracedelta {

namespace {

// Walks one window [begin, until) of `parent` back from its end. Each child the walk
// steps into is pushed with its own window (clipped to the parent's); the time between
// them goes to `charge(parent)`. `spans` are the parent's children.
// `reach` is each span's end or its latest descendant's, whichever is later: a call abandoned
// on timeout, or a message consumed after its publish returned, keeps the work going after
// its parent ended, and the path follows that work rather than charging its time to an ancestor.
template<typename Charge, typename Push>
void walkWindow(const Trace& trace, const std::vector<std::int64_t>& reach, std::span<const SpanIndex> spans, std::int64_t begin,
                std::int64_t until, std::vector<SpanIndex>& byEnd, Charge&& charge, Push&& push)
{
    byEnd.assign(spans.begin(), spans.end());
    std::sort(byEnd.begin(), byEnd.end(), [&](SpanIndex a, SpanIndex b) { return reach[a] > reach[b]; });
    std::int64_t cursor = until;
    for (SpanIndex child : byEnd) {
        if (cursor <= begin)
            break;
        // A child's work counts up to the end of its parent's window (which reaches as far as its descendants).
        const std::int64_t childEnd = std::min(reach[child], until);
        // Clock skew can put a child wholly before its parent's start: not part of the parent's window.
        if (childEnd > cursor || trace.startNs(child) >= cursor || childEnd <= begin)
            continue;
        const std::int64_t childBegin = std::max(trace.startNs(child), begin);
        charge(timemath::sub(cursor, childEnd));
        push(child, childBegin, childEnd);
        cursor = childBegin;
    }
    if (cursor > begin)
        charge(timemath::sub(cursor, begin));
}

struct Frame
{
    SpanIndex span;
    std::int64_t begin;
    std::int64_t until;
};

// Profilers write a childless slice on its own lane around the whole capture ("PyTorch
// Profiler (0)"); it depends on nothing and nothing waits for it, so the walk skips it.
std::vector<SpanIndex> walkableRoots(const Trace& trace)
{
    std::vector<SpanIndex> roots;
    const std::int64_t wall = trace.wallDurationNs();
    for (SpanIndex r : trace.roots()) {
        const bool envelope = isTraceEventFamily(trace.format()) && trace.lanes().size() > 1 && trace.children(r).empty()
            && static_cast<double>(trace.durationNs(r)) >= 0.9 * static_cast<double>(wall);
        if (!envelope)
            roots.push_back(r);
    }
    return roots;
}

// Walks the frames and everything they step into: `visit(span)` for each span on the
// path, `charge(span, ns)` for each piece of it that is the span's own.
template<typename Visit, typename Charge>
void walkFrames(const Trace& trace, const std::vector<std::int64_t>& reach, std::vector<Frame> work, Visit&& visit, Charge&& charge)
{
    std::vector<SpanIndex> scratch;
    while (!work.empty()) {
        const Frame frame = work.back();
        work.pop_back();
        visit(frame.span);
        walkWindow(trace, reach, trace.children(frame.span), frame.begin, frame.until, scratch,
                   [&](std::int64_t ns) { charge(frame.span, ns); },
                   [&](SpanIndex child, std::int64_t b, std::int64_t e) { work.push_back({child, b, e}); });
    }
}

// Top-level spans are children of one virtual span covering the trace, so of several
// lanes (a profile's threads and streams) only those the walk passes through count; the
// virtual span's own share is the time in no top-level span.
std::vector<Frame> topLevelFrames(const Trace& trace, const std::vector<std::int64_t>& reach, std::int64_t& uncoveredNs)
{
    std::vector<Frame> work;
    std::vector<SpanIndex> scratch;
    walkWindow(trace, reach, walkableRoots(trace), trace.traceStartNs(), trace.traceEndNs(), scratch,
               [&](std::int64_t ns) { uncoveredNs = timemath::add(uncoveredNs, ns); },
               [&](SpanIndex child, std::int64_t b, std::int64_t e) { work.push_back({child, b, e}); });
    return work;
}

// Pre-order storage: children come after their parent, so one backward pass suffices.
std::vector<std::int64_t> reachOf(const Trace& trace)
{
    std::vector<std::int64_t> reach(static_cast<std::size_t>(trace.spanCount()));
    for (SpanIndex s = 0; s < trace.spanCount(); ++s)
        reach[static_cast<std::size_t>(s)] = trace.endNs(s);
    for (SpanIndex s = trace.spanCount() - 1; s >= 0; --s) {
        const SpanIndex parent = trace.parent(s);
        if (parent != NoSpan)
            reach[static_cast<std::size_t>(parent)] = std::max(reach[static_cast<std::size_t>(parent)], reach[static_cast<std::size_t>(s)]);
    }
    return reach;
}

} // namespace

CriticalPathCharges criticalPathCharges(const Trace& trace)
{
    CriticalPathCharges result;
    result.perSpan.assign(static_cast<std::size_t>(trace.spanCount()), 0);
    result.onPath.assign(static_cast<std::size_t>(trace.spanCount()), false);
    const std::vector<std::int64_t> reach = reachOf(trace);
    walkFrames(trace, reach, topLevelFrames(trace, reach, result.uncoveredNs), [&](SpanIndex s) { result.onPath[s] = true; },
               [&](SpanIndex s, std::int64_t ns) {
                   std::int64_t& own = result.perSpan[static_cast<std::size_t>(s)];
                   own = timemath::add(own, ns);
               });
    return result;
}

} // namespace tracedelta
