// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <string>
#include <vector>

namespace tracedelta {

// How far one service's spans were moved to sit inside their callers in another service.
struct SkewShift
{
    std::string callerService;
    std::string calleeService;
    std::int64_t shiftNs = 0; // the median shift (positive: the callee's clock was behind)
    int spans = 0;            // spans moved directly (their subtrees moved with them)
};

struct SkewAdjusted
{
    TracePtr trace; // the input itself when nothing was moved
    std::vector<SkewShift> shifts;
};

// Clock skew between services, adjusted as Jaeger's query service and Zipkin's UI do, as a
// derived view for the analysis (the loaded trace stays as in its file). A span called from
// another service cannot start before its caller, nor — when the caller waited for it and
// did not fail — end after it: such a span is moved inside its caller by the
// latency-halving rule (equal network time on both sides), and its subtree with it. Work
// that outlives a caller that gave up (an error, a timeout) is real and stays. Violations
// up to 1 ms are timestamp rounding (the OpenTelemetry JS SDK stamps starts to the ms).
// Trace-event profiles have one clock and are returned as they are.
SkewAdjusted adjustClockSkew(const TracePtr& trace);

} // namespace tracedelta
