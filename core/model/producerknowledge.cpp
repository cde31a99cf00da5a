// SPDX-License-Identifier: GPL-3.0-or-later
#include "producerknowledge.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace tracedelta {

namespace {

struct IdentityRule
{
    std::string_view name; // the span name, exactly; empty: any span name
    std::array<std::string_view, 2> paths;
};

// The table. Facts, as recorded on this machine (tests/fixtures/*/README.md):
// - clang -ftime-trace (clang 14): every phase event names what it works on in
//   args.detail — the header for "Source", the class for "ParseClass" and
//   "InstantiateClass", the function for "InstantiateFunction", "OptFunction",
//   "CodeGen Function", the pass's target for "RunPass" — so any span with a "detail"
//   argument is identified by it.
// - Chromium (devtools.timeline): "EvaluateScript", "v8.compile", "v8.compileModule" and
//   "v8.evaluateModule" carry args.data.url; "FunctionCall" args.data.functionName and
//   args.data.url; "ParseHTML" args.beginData.url; "EventDispatch" args.data.type ("load",
//   "DOMContentLoaded"); "TimerFire" nothing stable (timer ids are per run).
// - PyTorch/kineto: operator names already say which operator; its identity arguments
//   (External id, Sequence number) are per run, so none is used.
constexpr IdentityRule identityRules[] = {
    {"EvaluateScript", {"data.url", {}}},
    {"v8.compile", {"data.url", {}}},
    {"v8.compileModule", {"data.url", {}}},
    {"v8.evaluateModule", {"data.url", {}}},
    {"v8.produceCache", {"data.url", {}}},
    {"FunctionCall", {"data.functionName", "data.url"}},
    {"ParseHTML", {"beginData.url", {}}},
    {"EventDispatch", {"data.type", {}}},
    {"XHRLoad", {"data.url", {}}},
    {"XHRReadyStateChange", {"data.url", {}}},
    {{}, {"detail", {}}},
};

// Chromium's task runners and IPC dispatch (category "toplevel" and mojo): every task on
// every thread runs inside one of these, so their counts and times follow the work. Methods
// named "…::RunTask…" are task runners by their name (isTaskRunner); these are the rest.
constexpr std::string_view schedulerWrappers[] = {
    "ThreadPool_RunTask",
    "RunTask",
    "SimpleWatcher::OnHandleReady",
    "Receive mojo message",
    "Closed mojo endpoint",
    "EpollEvent",
    "BlinkScheduler_PerformMicrotaskCheckpoint",
    "ThreadController active",
    "SequenceManager::DoIdleWork",
};

// Chromium's frame summaries (devtools.timeline, the Long Animation Frames instrumentation):
// async slices over a frame and its stages, whose time is the main thread's work already
// shown by its own events (EvaluateScript, Layout …). "FireAnimationFrame" is that work.
constexpr std::string_view frameSummaryPrefix = "AnimationFrame";

std::string textOf(const nlohmann::json& value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

} // namespace

bool isAggregateEvent(std::string_view name, EventArgs args)
{
    // clang's TimeTraceProfiler writes, after all events, one "Total <phase>" complete event per
    // phase with exactly these two arguments, each on a thread id of its own.
    if (!name.starts_with("Total ") || args.size() != 2)
        return false;
    const auto has = [&](std::string_view key) {
        return std::any_of(args.begin(), args.end(), [&](const auto& a) { return a.first == key; });
    };
    return has("count") && has("avg ms");
}

std::span<const std::string_view> identityArgPaths(std::string_view spanName)
{
    for (const IdentityRule& rule : identityRules) {
        if (rule.name.empty() || rule.name == spanName)
            return {rule.paths.data(), rule.paths[1].empty() ? std::size_t(1) : std::size_t(2)};
    }
    return {};
}

bool isSummaryOverlay(std::string_view spanName)
{
    return spanName.starts_with(frameSummaryPrefix)
        && (spanName.size() == frameSummaryPrefix.size() || spanName.substr(frameSummaryPrefix.size()).starts_with("::"));
}

// Chromium names a task runner's slice after its RunTask method, whichever class it is
// ("cc::SingleThreadTaskGraphRunner::RunTask", "…::RunTaskWithLockAcquired").
bool isTaskRunner(std::string_view spanName)
{
    const std::size_t scope = spanName.rfind("::");
    return scope != std::string_view::npos && spanName.substr(scope + 2).starts_with("RunTask");
}

bool isSchedulerWrapper(std::string_view spanName)
{
    return isSummaryOverlay(spanName) || isTaskRunner(spanName)
        || std::find(std::begin(schedulerWrappers), std::end(schedulerWrappers), spanName) != std::end(schedulerWrappers);
}

std::string argumentAt(EventArgs args, std::string_view path)
{
    const std::size_t dot = path.find('.');
    const std::string_view key = path.substr(0, dot);
    const auto found = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == key; });
    if (found == args.end())
        return {};
    if (dot == std::string_view::npos)
        return std::string(found->second);
    // A nested argument: the value is an object's JSON text (how the importers keep objects).
    const nlohmann::json object = nlohmann::json::parse(found->second, nullptr, false);
    if (!object.is_object())
        return {};
    const nlohmann::json* at = &object;
    std::string_view rest = path.substr(dot + 1);
    while (true) {
        const std::size_t next = rest.find('.');
        const auto member = at->find(std::string(rest.substr(0, next)));
        if (member == at->end())
            return {};
        at = &*member;
        if (next == std::string_view::npos)
            return textOf(*at);
        if (!at->is_object())
            return {};
        rest = rest.substr(next + 1);
    }
}

} // namespace tracedelta
