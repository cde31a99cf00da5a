// SPDX-License-Identifier: GPL-3.0-or-later
#include "criticalpath.h"

#include <algorithm>

namespace tracedelta {

namespace {

void markCritical(const Trace& trace, SpanIndex root, std::vector<bool>& onPath)
{
    struct Frame
    {
        SpanIndex span;
        std::int64_t until; // only children ending before this point can be on the path
    };
    std::vector<Frame> work{{root, trace.endNs(root)}};
    while (!work.empty()) {
        const Frame frame = work.back();
        work.pop_back();
        onPath[frame.span] = true;
        const auto kids = trace.children(frame.span);
        std::vector<SpanIndex> byEnd(kids.begin(), kids.end());
        std::sort(byEnd.begin(), byEnd.end(), [&](SpanIndex a, SpanIndex b) { return trace.endNs(a) > trace.endNs(b); });
        std::int64_t cursor = std::min(frame.until, trace.endNs(frame.span));
        for (SpanIndex child : byEnd) {
            // A child outliving its parent only counts up to the parent's end.
            const std::int64_t childEnd = std::min(trace.endNs(child), frame.until);
            if (childEnd > cursor || trace.startNs(child) >= cursor)
                continue;
            work.push_back({child, childEnd});
            cursor = trace.startNs(child);
            if (cursor <= trace.startNs(frame.span))
                break;
        }
    }
}

} // namespace

std::vector<bool> criticalPath(const Trace& trace, SpanIndex root)
{
    std::vector<bool> onPath(trace.spanCount(), false);
    if (root != NoSpan)
        markCritical(trace, root, onPath);
    return onPath;
}

std::vector<bool> criticalPath(const Trace& trace)
{
    std::vector<bool> onPath(trace.spanCount(), false);
    for (SpanIndex root : trace.roots())
        markCritical(trace, root, onPath);
    return onPath;
}

} // namespace tracedelta
