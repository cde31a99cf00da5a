// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceserverclient.h"

#include "core/model/trace.h"

#include <optional>

namespace tracedelta {

// Finding normal traces to compare a slow one against: the same root service and
// operation, searched in a window before the target (default the hour before it), then
// chooseBaselines() — no errors, no outliers, the N closest to the median duration.

// The search for the target's main root span, from `windowNs` before its start to its end.
TraceSearch baselineSearchFor(const Trace& target, std::int64_t windowNs, int count);

struct BaselineFinding
{
    TraceSearch search;
    std::vector<FoundTrace> found;  // everything the server answered
    std::vector<FoundTrace> chosen; // in order of closeness to the median
    QString error;
};

BaselineFinding findBaselines(TraceServerClient& client, const Trace& target, const QString& targetId, int count,
                              std::int64_t windowNs);
// The same with a search the user adjusted (another service or operation).
BaselineFinding findBaselines(TraceServerClient& client, const TraceSearch& search, const QString& targetId, int count);

// "1h", "30m", "90s", "1h30m", "2d" → ns; nullopt for anything else.
std::optional<std::int64_t> parseWindow(const QString& text);

constexpr std::int64_t DefaultBaselineWindowNs = 3'600'000'000'000; // one hour
constexpr int DefaultBaselineCount = 10;

} // namespace tracedelta
