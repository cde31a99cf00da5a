// SPDX-License-Identifier: GPL-3.0-or-later
// TraceBuilder::subtree: a span's subtree as a trace of its own, cut by slicing the
// source's columns (its subtree is one pre-order range) instead of rebuilding it from
// drafts. The result is what building the same spans from drafts gives (tested), but
// 10,000 occurrences of a repeated span cost a copy of their spans, not 10,000 builds.
#include "tracebuilder.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace tracedelta {

namespace {

// The span's start from `origin`, or nullopt when it leaves the range the builder keeps
// times in (the builder would clamp it and say so: then the subtree is built from drafts).
std::optional<std::int64_t> shiftedStart(std::int64_t start, std::int64_t duration, std::int64_t origin)
{
    const std::int64_t shifted = timemath::sub(start, origin);
    if (shifted < timemath::MinTimeNs || shifted > timemath::MaxTimeNs || duration > timemath::MaxTimeNs - shifted)
        return std::nullopt;
    return shifted;
}

template<typename T>
std::vector<T> slice(const std::vector<T>& column, SpanIndex begin, SpanIndex end)
{
    return std::vector<T>(column.begin() + begin, column.begin() + end);
}

// A column the builder leaves empty while every value is the default (kinds, status).
template<typename T>
std::vector<T> sliceUnlessDefault(const std::vector<T>& column, SpanIndex begin, SpanIndex end)
{
    if (column.empty() || std::all_of(column.begin() + begin, column.begin() + end, [](T v) { return v == T{}; }))
        return {};
    return slice(column, begin, end);
}

} // namespace

std::shared_ptr<const Trace> TraceBuilder::subtree(const Trace& source, SpanIndex root, std::string traceId)
{
    const SpanIndex end = source.subtreeEnd(root);
    const std::int64_t origin = source.startNs(root);
    // Not through a builder: it would make pools of its own, for nothing, 10,000 times.
    std::unique_ptr<Trace> trace(new Trace);
    Trace& t = *trace;
    t.m_format = source.format();
    t.m_sourceFile = source.sourceFile();
    t.m_traceId = std::move(traceId);
    t.m_strings = source.m_strings;
    t.m_start.reserve(static_cast<std::size_t>(end - root));
    for (SpanIndex s = root; s < end; ++s) {
        const auto start = shiftedStart(source.m_start[s], source.m_duration[s], origin);
        if (!start)
            return nullptr;
        t.m_start.push_back(*start);
    }
    t.m_duration = slice(source.m_duration, root, end);
    t.m_name = slice(source.m_name, root, end);
    t.m_service = slice(source.m_service, root, end);
    t.m_kind = sliceUnlessDefault(source.m_kind, root, end);
    t.m_status = sliceUnlessDefault(source.m_status, root, end);
    const std::int32_t sourceLane = source.lane(root);
    t.m_lanes.push_back({sourceLane >= 0 && static_cast<std::size_t>(sourceLane) < source.m_lanes.size()
                             ? source.m_lanes[static_cast<std::size_t>(sourceLane)].label
                             : StringId(0)});
    t.m_lane.assign(t.m_start.size(), 0); // every span on the root's lane
    sliceTree(t, source, root);
    sliceAttributesAndEvents(t, source, root, origin);
    sliceSpanIds(t, source, root);
    // A span's self time depends on its children's times relative to its own, which the
    // shift (never clamped here) keeps: the source's are the subtree's.
    t.m_self = slice(source.m_self, root, end);
    if (!t.m_start.empty()) {
        t.m_traceStart = *std::min_element(t.m_start.begin(), t.m_start.end());
        t.m_traceEnd = std::numeric_limits<std::int64_t>::min();
        for (SpanIndex n = 0; n < t.spanCount(); ++n)
            t.m_traceEnd = std::max(t.m_traceEnd, t.endNs(n));
        t.m_mainRoot = 0;
    }
    reportSkew(t);
    return std::shared_ptr<const Trace>(trace.release());
}

void TraceBuilder::sliceTree(Trace& t, const Trace& source, SpanIndex root)
{
    const SpanIndex count = source.subtreeEnd(root) - root;
    t.m_parent.resize(count);
    t.m_depth.resize(count);
    t.m_subtreeEnd.resize(count);
    t.m_childBegin.assign(count + 1, 0);
    t.m_childList.reserve(count > 0 ? count - 1 : 0);
    for (SpanIndex n = 0; n < count; ++n) {
        const SpanIndex s = root + n;
        t.m_parent[n] = n == 0 ? NoSpan : source.m_parent[s] - root;
        t.m_depth[n] = n == 0 ? 0
                              : static_cast<std::uint16_t>(
                                    std::min<int>(t.m_depth[t.m_parent[n]] + 1, std::numeric_limits<std::uint16_t>::max()));
        t.m_subtreeEnd[n] = source.m_subtreeEnd[s] - root;
        for (SpanIndex child : source.children(s))
            t.m_childList.push_back(child - root);
        t.m_childBegin[n + 1] = static_cast<std::uint32_t>(t.m_childList.size());
    }
    if (count > 0)
        t.m_roots.push_back(0);
}

void TraceBuilder::sliceAttributesAndEvents(Trace& t, const Trace& source, SpanIndex root, std::int64_t origin)
{
    const SpanIndex end = source.subtreeEnd(root);
    bool anyAttribute = false;
    bool anyEvent = false;
    for (SpanIndex s = root; s < end && !(anyAttribute && anyEvent); ++s) {
        anyAttribute = anyAttribute || !source.attributes(s).empty();
        anyEvent = anyEvent || !source.events(s).empty();
    }
    // As the builder stores them: one list per span, or nothing when no span has any.
    if (anyAttribute) {
        t.m_attributeBegin.reserve(static_cast<std::size_t>(end - root) + 1);
        for (SpanIndex s = root; s < end; ++s) {
            t.m_attributeBegin.push_back(static_cast<std::uint32_t>(t.m_attributes.size()));
            const auto list = source.attributes(s);
            t.m_attributes.insert(t.m_attributes.end(), list.begin(), list.end());
        }
        t.m_attributeBegin.push_back(static_cast<std::uint32_t>(t.m_attributes.size()));
    }
    if (!anyEvent)
        return;
    t.m_eventBegin.reserve(static_cast<std::size_t>(end - root) + 1);
    for (SpanIndex s = root; s < end; ++s) {
        t.m_eventBegin.push_back(static_cast<std::uint32_t>(t.m_events.size()));
        for (const SpanEvent& e : source.events(s)) {
            const std::int64_t time = timemath::clamp(timemath::sub(e.timeNs, origin), timemath::MinTimeNs, timemath::MaxTimeNs);
            t.m_events.push_back({time, e.name, static_cast<std::uint32_t>(t.m_eventAttributes.size())});
            const auto attributes = source.eventAttributes(e);
            t.m_eventAttributes.insert(t.m_eventAttributes.end(), attributes.begin(), attributes.end());
        }
    }
    t.m_eventBegin.push_back(static_cast<std::uint32_t>(t.m_events.size()));
}

void TraceBuilder::sliceSpanIds(Trace& t, const Trace& source, SpanIndex root)
{
    const SpanIndex end = source.subtreeEnd(root);
    SpanIndex first = root;
    while (first < end && !source.hasSpanId(first))
        ++first;
    if (first == end)
        return; // a profile's slices have none: no pool to make
    SpanIdPool pool;
    std::vector<StringId> ids;
    for (SpanIndex s = root; s < end; ++s)
        ids.push_back(source.hasSpanId(s) ? pool.intern(source.spanIdText(s)) : 0);
    if (std::any_of(ids.begin(), ids.end(), [](StringId id) { return id != 0; }))
        t.m_spanIds = pool.spanIds(ids);
}

} // namespace tracedelta
