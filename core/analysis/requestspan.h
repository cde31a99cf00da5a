// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

namespace tracedelta {

// Which span stands for "the request" in a distributed trace. Services keep working after
// they answer (an audit publish, a cache refresh) and consumers pick messages up after the
// request returned, so the trace's extent is not the latency the caller saw.
enum class RequestBasis : std::uint8_t {
    None,               // a trace-event profile: no request span, only the extent
    OnlyRoot,           // the trace's one root span (roots naming an absent parent aside)
    EarliestServerRoot, // several roots: the earliest-starting root of kind SERVER
    EarliestRoot,       // several roots, none a SERVER: the earliest-starting one
};

struct RequestSpan
{
    SpanIndex span = NoSpan;
    RequestBasis basis = RequestBasis::None;
    std::int64_t durationNs(const Trace& trace) const { return span == NoSpan ? 0 : trace.durationNs(span); }
};

RequestSpan findRequestSpan(const Trace& trace);

} // namespace tracedelta
