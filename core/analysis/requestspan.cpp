// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestspan.h"

#include <vector>

namespace tracedelta {

RequestSpan findRequestSpan(const Trace& trace)
{
    const auto roots = trace.roots();
    // Chrome trace events (browsers, compilers, PyTorch) have lanes of work, not a request.
    if (isTraceEventFamily(trace.format()) || roots.empty())
        return {};
    // A root that names an absent parent (a silent service's callee) is not where the request
    // started; the true roots are, when there are any.
    std::vector<SpanIndex> candidates;
    for (SpanIndex r : roots) {
        if (!trace.isOrphanRoot(r))
            candidates.push_back(r);
    }
    if (candidates.empty())
        candidates.assign(roots.begin(), roots.end());
    if (candidates.size() == 1)
        return {candidates.front(), RequestBasis::OnlyRoot};
    SpanIndex earliest = NoSpan;
    SpanIndex earliestServer = NoSpan;
    for (SpanIndex r : candidates) {
        if (earliest == NoSpan || trace.startNs(r) < trace.startNs(earliest))
            earliest = r;
        if (trace.kind(r) == SpanKind::Server && (earliestServer == NoSpan || trace.startNs(r) < trace.startNs(earliestServer)))
            earliestServer = r;
    }
    if (earliestServer != NoSpan)
        return {earliestServer, RequestBasis::EarliestServerRoot};
    return {earliest, RequestBasis::EarliestRoot};
}

} // namespace tracedelta
