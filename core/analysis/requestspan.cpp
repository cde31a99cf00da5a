// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestspan.h"

namespace tracedelta {

RequestSpan findRequestSpan(const Trace& trace)
{
    const auto roots = trace.roots();
    // Chrome trace events (browsers, compilers, PyTorch) have lanes of work, not a request.
    if (trace.format() == TraceFormat::Chrome || roots.empty())
        return {};
    if (roots.size() == 1)
        return {roots.front(), RequestBasis::OnlyRoot};
    SpanIndex earliest = NoSpan;
    SpanIndex earliestServer = NoSpan;
    for (SpanIndex r : roots) {
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
