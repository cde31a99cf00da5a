// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <vector>

namespace tracedelta {

// Spans on the critical path below `root`, as Jaeger defines it: walk back from the
// root's end, each time stepping into the child that finished last before the current
// point. Returns a flag per span of the trace.
std::vector<bool> criticalPath(const Trace& trace, SpanIndex root);

// The critical path of every top-level span.
std::vector<bool> criticalPath(const Trace& trace);

} // namespace tracedelta
