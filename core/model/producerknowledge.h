// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace tracedelta {

// What TraceDelta knows about particular trace producers, in one place. Every rule that
// depends on who wrote a trace (clang -ftime-trace, Chromium, PyTorch/kineto) reads this
// table; nothing else names a producer. See producerknowledge.cpp for the table itself
// and the facts behind each entry.

using EventArgs = std::span<const std::pair<std::string_view, std::string_view>>;

// A summary row a producer writes beside its events — a sum over many of them, not a
// time span (clang's "Total ParseClass" with args {count, avg ms}). Importers keep such
// rows as the trace's aggregate table instead of spans.
bool isAggregateEvent(std::string_view name, EventArgs args);

// Where a producer keeps the identity of an occurrence that its name does not say: the
// header a "Source" parses (args.detail), the script an "EvaluateScript" runs
// (args.data.url). Paths are argument keys, a dot stepping into a JSON object value.
// Empty: the name is the whole identity.
std::span<const std::string_view> identityArgPaths(std::string_view spanName);

// Generic scheduling or dispatch slices that wrap whatever work a thread does
// (Chromium's "ThreadControllerImpl::RunTask", mojo message dispatch), and summaries laid
// over such work (Chromium's "AnimationFrame" async slices): they are never the cause
// themselves, only containers of it.
bool isSchedulerWrapper(std::string_view spanName);
// Of those, the summaries: their time is other events' time again (a wrapper's own time is
// its own), so a change in them explains nothing the events inside do not.
bool isSummaryOverlay(std::string_view spanName);

// The value at `path` (see identityArgPaths) of one argument list, empty when absent. A
// value that is a JSON object is looked into by the rest of the path; strings are
// returned without their quotes.
std::string argumentAt(EventArgs args, std::string_view path);

} // namespace tracedelta
