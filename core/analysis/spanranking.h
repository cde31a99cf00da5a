// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <vector>

namespace tracedelta {

// The n spans with the largest self time, largest first (ties: earlier span first).
std::vector<SpanIndex> topSelfTimeSpans(const Trace& trace, int n);

// A span's id for display; Chrome slices have none, so they are numbered.
QString spanIdLabel(const Trace& trace, SpanIndex span);

} // namespace tracedelta
