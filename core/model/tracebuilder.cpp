// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracebuilder.h"

#include "../analysis/selftime.h"
#include "../util/cancellablesort.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace tracedelta {

namespace {
// lupdate files these strings under "TraceBuilder"; the struct only gives them that context.
struct TraceBuilderText
{
    Q_DECLARE_TR_FUNCTIONS(TraceBuilder)
};
} // namespace

TraceBuilder::TraceBuilder(TraceFormat format, QString sourceFile, std::string traceId)
    : m_trace(new Trace)
{
    m_trace->m_format = format;
    m_trace->m_sourceFile = std::move(sourceFile);
    m_trace->m_traceId = std::move(traceId);
}

void TraceBuilder::reserve(std::size_t spans, std::size_t attributes, std::size_t events)
{
    m_drafts.reserve(m_drafts.size() + spans);
    m_draftAttributeBegin.reserve(m_draftAttributeBegin.size() + spans);
    m_draftEventBegin.reserve(m_draftEventBegin.size() + spans);
    m_attributes.reserve(m_attributes.size() + attributes);
    m_events.reserve(m_events.size() + events);
}

SpanIndex TraceBuilder::addSpan(const SpanDraft& draft)
{
    m_drafts.push_back(draft);
    if (m_spanTally)
        ++*m_spanTally;
    m_draftAttributeBegin.push_back(static_cast<std::uint32_t>(m_attributes.size()));
    m_draftEventBegin.push_back(static_cast<std::uint32_t>(m_events.size()));
    return static_cast<SpanIndex>(m_drafts.size() - 1);
}

void TraceBuilder::addAttribute(std::string_view key, std::string_view value)
{
    m_attributes.push_back({intern(key), intern(value)});
}

void TraceBuilder::addEvent(std::int64_t timeNs, std::string_view name)
{
    addEvent(timeNs, intern(name));
}

void TraceBuilder::addEvent(std::int64_t timeNs, StringId name)
{
    m_events.push_back({timeNs, name, static_cast<std::uint32_t>(m_eventAttributes.size())});
}

void TraceBuilder::addEventAttribute(std::string_view key, std::string_view value)
{
    addEventAttribute(intern(key), intern(value));
}

void TraceBuilder::addEventAttribute(StringId key, StringId value)
{
    m_eventAttributes.push_back({key, value});
}

void TraceBuilder::addReference(ReferenceType type, std::string_view traceId, std::string_view spanId)
{
    m_references.push_back({draftCount() - 1, type, intern(traceId), internSpanId(spanId)});
}

std::int32_t TraceBuilder::addLane(std::string_view label)
{
    m_trace->m_lanes.push_back({intern(label)});
    return static_cast<std::int32_t>(m_trace->m_lanes.size() - 1);
}

void TraceBuilder::addDiagnostic(Diagnostic::Severity severity, const QString& message)
{
    m_trace->m_diagnostics.push_back({severity, message});
}

std::vector<SpanIndex> TraceBuilder::resolveParents()
{
    const SpanIndex count = draftCount();
    // Where children of an id attach: for a Zipkin shared id that is the server half,
    // because the work below an RPC happens on the server.
    std::unordered_map<StringId, SpanIndex> childTarget;
    std::unordered_map<StringId, SpanIndex> firstWithId;
    childTarget.reserve(count);
    firstWithId.reserve(count);
    std::vector<SpanIndex> parents(count, NoSpan);
    std::vector<SpanIndex> sharedHalfOf(count, NoSpan);
    int duplicates = 0;

    for (SpanIndex i = 0; i < count; ++i) {
        const SpanDraft& d = m_drafts[i];
        if (d.spanId == 0)
            continue;
        auto [it, inserted] = firstWithId.try_emplace(d.spanId, i);
        if (inserted) {
            childTarget[d.spanId] = i;
            continue;
        }
        const SpanIndex first = it->second;
        const bool firstIsServerHalf = m_drafts[first].sharedServerHalf;
        if (d.sharedServerHalf != firstIsServerHalf && sharedHalfOf[first] == NoSpan) {
            const SpanIndex server = d.sharedServerHalf ? i : first;
            const SpanIndex client = d.sharedServerHalf ? first : i;
            sharedHalfOf[server] = client;
            sharedHalfOf[client] = server;
            childTarget[d.spanId] = server;
        } else {
            ++duplicates;
        }
    }

    int orphans = 0;
    int selfParents = 0;
    for (SpanIndex i = 0; i < count; ++i) {
        const SpanDraft& d = m_drafts[i];
        if (d.parentDraft != NoSpan) {
            parents[i] = d.parentDraft;
            continue;
        }
        if (d.sharedServerHalf && sharedHalfOf[i] != NoSpan) {
            parents[i] = sharedHalfOf[i];
            continue;
        }
        if (d.parentSpanId == 0)
            continue;
        if (d.parentSpanId == d.spanId && sharedHalfOf[i] == NoSpan) {
            ++selfParents;
            continue;
        }
        auto found = childTarget.find(d.parentSpanId);
        if (found == childTarget.end()) {
            ++orphans;
            continue;
        }
        parents[i] = found->second == i ? firstWithId[d.parentSpanId] : found->second;
        if (parents[i] == i) {
            ++selfParents;
            parents[i] = NoSpan;
        }
    }

    using S = Diagnostic::Severity;
    if (duplicates > 0)
        addDiagnostic(S::Warning,
                      TraceBuilderText::tr("%n span(s) reuse the id of another span; children attach to the first one", nullptr, duplicates));
    if (selfParents > 0)
        addDiagnostic(S::Warning, TraceBuilderText::tr("%n span(s) name themselves as parent; shown as top-level spans", nullptr, selfParents));
    if (orphans > 0)
        addDiagnostic(S::Warning,
                      TraceBuilderText::tr("%n span(s) reference a parent that is not in the file; shown as top-level spans", nullptr, orphans));
    return parents;
}

void TraceBuilder::breakCycles(std::vector<SpanIndex>& parents)
{
    enum : std::uint8_t { Unvisited, OnPath, Done };
    std::vector<std::uint8_t> state(parents.size(), Unvisited);
    std::vector<SpanIndex> path;
    int broken = 0;
    for (SpanIndex start = 0; start < static_cast<SpanIndex>(parents.size()); ++start) {
        path.clear();
        SpanIndex at = start;
        while (at != NoSpan && state[at] == Unvisited) {
            state[at] = OnPath;
            path.push_back(at);
            const SpanIndex up = parents[at];
            if (up != NoSpan && state[up] == OnPath) {
                // The walk came back to itself: cut the link that closes the loop.
                parents[at] = NoSpan;
                ++broken;
                break;
            }
            at = up;
        }
        for (SpanIndex visited : path)
            state[visited] = Done;
    }
    if (broken > 0)
        addDiagnostic(Diagnostic::Severity::Warning,
                      TraceBuilderText::tr("%n cycle(s) in parent links were cut; the span closing each cycle is shown as top-level", nullptr,
                         broken));
}

std::shared_ptr<const Trace> TraceBuilder::build()
{
    Trace& t = *m_trace;
    const SpanIndex count = draftCount();
    const auto cancelled = [this] { return m_cancel && m_cancel->load(std::memory_order_relaxed); };
    // Inside per-span loops: every 64k spans.
    const auto cancelledAt = [&](SpanIndex n) { return (n & 0xffff) == 0 && cancelled(); };
    if (cancelled())
        return nullptr;

    int negative = 0;
    for (SpanDraft& d : m_drafts) {
        if (d.durationNs < 0) {
            d.durationNs = 0;
            ++negative;
        }
    }
    if (negative > 0)
        addDiagnostic(Diagnostic::Severity::Warning,
                      TraceBuilderText::tr("%n span(s) have a negative duration; shown with zero length", nullptr, negative));
    // Every later sum and difference of times relies on this range (see timemath::MaxTimeNs).
    int outOfRange = 0;
    for (SpanDraft& d : m_drafts) {
        const std::int64_t start = timemath::clamp(d.startNs, timemath::MinTimeNs, timemath::MaxTimeNs);
        const std::int64_t duration = std::min(d.durationNs, timemath::MaxTimeNs - start);
        if (start != d.startNs || duration != d.durationNs) {
            d.startNs = start;
            d.durationNs = duration;
            ++outOfRange;
        }
    }
    if (outOfRange > 0)
        addDiagnostic(Diagnostic::Severity::Warning,
                      TraceBuilderText::tr("%n span(s) have a start or end outside the supported time range (about 146 years "
                                           "around 1970); clamped to its edge", nullptr, outOfRange));
    for (SpanEvent& event : m_events)
        event.timeNs = timemath::clamp(event.timeNs, timemath::MinTimeNs, timemath::MaxTimeNs);

    std::vector<SpanIndex> parents = resolveParents();
    if (cancelled())
        return nullptr;
    breakCycles(parents);
    if (cancelled())
        return nullptr;

    // Children in start order, so pre-order walks read like a timeline.
    std::vector<SpanIndex> byStart(count);
    std::iota(byStart.begin(), byStart.end(), 0);
    const bool sorted = cancellableSort(byStart.begin(), byStart.end(), [this](SpanIndex a, SpanIndex b) {
        return m_drafts[a].startNs < m_drafts[b].startNs;
    }, m_cancel, true);
    if (!sorted || cancelled())
        return nullptr;
    std::vector<std::uint32_t> draftChildBegin(count + 1, 0);
    for (SpanIndex i = 0; i < count; ++i) {
        if (parents[i] != NoSpan)
            ++draftChildBegin[parents[i] + 1];
    }
    std::partial_sum(draftChildBegin.begin(), draftChildBegin.end(), draftChildBegin.begin());
    std::vector<SpanIndex> draftChildren(draftChildBegin.back());
    std::vector<std::uint32_t> fill(draftChildBegin.begin(), draftChildBegin.end() - 1);
    std::vector<SpanIndex> draftRoots;
    for (SpanIndex i : byStart) {
        if (parents[i] == NoSpan)
            draftRoots.push_back(i);
        else
            draftChildren[fill[parents[i]]++] = i;
    }
    // Freed as soon as they are done with, here and below: a million spans' temporaries
    // add up to more than the model.
    std::vector<SpanIndex>().swap(byStart);
    std::vector<std::uint32_t>().swap(fill);

    // Pre-order numbering, iteratively: deep chains must not overflow the stack.
    std::vector<SpanIndex> order;
    order.reserve(count);
    std::vector<SpanIndex> newIndex(count, NoSpan);
    std::vector<SpanIndex> stack(draftRoots.rbegin(), draftRoots.rend());
    while (!stack.empty()) {
        if (cancelledAt(static_cast<SpanIndex>(order.size())))
            return nullptr;
        const SpanIndex d = stack.back();
        stack.pop_back();
        newIndex[d] = static_cast<SpanIndex>(order.size());
        order.push_back(d);
        for (auto c = draftChildBegin[d + 1]; c > draftChildBegin[d]; --c)
            stack.push_back(draftChildren[c - 1]);
    }

    t.m_start.resize(count);
    t.m_duration.resize(count);
    t.m_parent.resize(count);
    t.m_depth.resize(count);
    t.m_name.resize(count);
    t.m_service.resize(count);
    std::vector<StringId> spanIdOf(count);
    t.m_kind.resize(count);
    t.m_status.resize(count);
    t.m_lane.resize(count);
    // Offsets into nothing would cost 4 bytes a span: most Chrome traces have no events.
    const bool anyAttributes = !m_attributes.empty();
    const bool anyEvents = !m_events.empty();
    if (anyAttributes)
        t.m_attributeBegin.reserve(count + 1);
    if (anyEvents)
        t.m_eventBegin.reserve(count + 1);
    t.m_attributes.reserve(m_attributes.size());
    t.m_events.reserve(m_events.size());
    t.m_eventAttributes.reserve(m_eventAttributes.size());
    for (SpanIndex n = 0; n < count; ++n) {
        if (cancelledAt(n))
            return nullptr;
        const SpanIndex d = order[n];
        const SpanDraft& s = m_drafts[d];
        t.m_start[n] = s.startNs;
        t.m_duration[n] = s.durationNs;
        t.m_parent[n] = parents[d] == NoSpan ? NoSpan : newIndex[parents[d]];
        t.m_depth[n] = t.m_parent[n] == NoSpan
            ? 0
            : static_cast<std::uint16_t>(std::min<int>(t.m_depth[t.m_parent[n]] + 1, std::numeric_limits<std::uint16_t>::max()));
        t.m_name[n] = s.name;
        t.m_service[n] = s.service;
        spanIdOf[n] = s.spanId;
        t.m_kind[n] = s.kind;
        t.m_status[n] = s.status;
        t.m_lane[n] = s.lane;
        if (anyAttributes) {
            const auto attrEnd = d + 1 < count ? m_draftAttributeBegin[d + 1] : m_attributes.size();
            t.m_attributeBegin.push_back(static_cast<std::uint32_t>(t.m_attributes.size()));
            t.m_attributes.insert(t.m_attributes.end(), m_attributes.begin() + m_draftAttributeBegin[d],
                                  m_attributes.begin() + attrEnd);
        }
        if (!anyEvents)
            continue;
        const auto eventEnd = d + 1 < count ? m_draftEventBegin[d + 1] : m_events.size();
        t.m_eventBegin.push_back(static_cast<std::uint32_t>(t.m_events.size()));
        // Events move with their span, their attributes with them (they follow each other).
        for (auto e = m_draftEventBegin[d]; e < eventEnd; ++e) {
            const std::size_t attributesEnd = e + 1 < m_events.size() ? m_events[e + 1].attributeBegin : m_eventAttributes.size();
            t.m_events.push_back({m_events[e].timeNs, m_events[e].name, static_cast<std::uint32_t>(t.m_eventAttributes.size())});
            t.m_eventAttributes.insert(t.m_eventAttributes.end(), m_eventAttributes.begin() + m_events[e].attributeBegin,
                                       m_eventAttributes.begin() + static_cast<std::ptrdiff_t>(attributesEnd));
        }
    }
    if (anyAttributes)
        t.m_attributeBegin.push_back(static_cast<std::uint32_t>(t.m_attributes.size()));
    if (anyEvents)
        t.m_eventBegin.push_back(static_cast<std::uint32_t>(t.m_events.size()));
    std::vector<SpanDraft>().swap(m_drafts);
    std::vector<std::uint32_t>().swap(m_draftAttributeBegin);
    std::vector<Attribute>().swap(m_attributes);
    std::vector<std::uint32_t>().swap(m_draftEventBegin);
    std::vector<SpanEvent>().swap(m_events);
    std::vector<Attribute>().swap(m_eventAttributes);
    std::vector<SpanIndex>().swap(parents);

    t.m_childBegin.assign(count + 1, 0);
    t.m_childList.resize(draftChildren.size());
    for (SpanIndex n = 0; n < count; ++n) {
        const SpanIndex d = order[n];
        t.m_childBegin[n + 1] = t.m_childBegin[n] + (draftChildBegin[d + 1] - draftChildBegin[d]);
        for (auto c = draftChildBegin[d]; c < draftChildBegin[d + 1]; ++c)
            t.m_childList[t.m_childBegin[n] + (c - draftChildBegin[d])] = newIndex[draftChildren[c]];
    }
    for (SpanIndex r : draftRoots)
        t.m_roots.push_back(newIndex[r]);

    if (cancelled())
        return nullptr;
    t.m_subtreeEnd.resize(count);
    for (SpanIndex n = count - 1; n >= 0; --n) {
        const auto kids = t.children(n);
        t.m_subtreeEnd[n] = kids.empty() ? n + 1 : t.m_subtreeEnd[kids.back()];
    }

    if (!m_references.empty()) {
        std::unordered_map<StringId, SpanIndex> byId;
        for (SpanIndex n = count - 1; n >= 0; --n)
            byId[spanIdOf[n]] = n;
        for (const PendingReference& r : m_references) {
            const auto found = r.spanId == 0 ? byId.end() : byId.find(r.spanId);
            const SpanIndex target = found == byId.end() ? NoSpan : found->second;
            const SpanIndex from = newIndex[r.from];
            // The parent link is the tree itself; only other references are kept.
            if (r.type == ReferenceType::ChildOf && target != NoSpan && target == t.m_parent[from])
                continue;
            const StringId spanId = target == NoSpan ? intern(m_spanIdPool.text(r.spanId)) : 0;
            t.m_references.push_back({from, target, r.type, r.traceId, spanId});
        }
        m_references.clear();
    }
    t.m_spanIds = m_spanIdPool.spanIds(spanIdOf);
    std::vector<StringId>().swap(spanIdOf);
    m_spanIdPool = SpanIdPool();

    if (cancelled())
        return nullptr;
    t.m_self = computeSelfTimes(t);
    if (count > 0) {
        t.m_traceStart = *std::min_element(t.m_start.begin(), t.m_start.end());
        t.m_traceEnd = std::numeric_limits<std::int64_t>::min();
        for (SpanIndex n = 0; n < count; ++n)
            t.m_traceEnd = std::max(t.m_traceEnd, t.endNs(n));
        for (SpanIndex r : t.m_roots) {
            if (t.m_mainRoot == NoSpan || t.m_duration[r] > t.m_duration[t.m_mainRoot])
                t.m_mainRoot = r;
        }
    }
    reportSkew();
    m_drafts.clear();
    return std::shared_ptr<const Trace>(m_trace.release());
}

void TraceBuilder::reportSkew()
{
    const Trace& t = *m_trace;
    int outside = 0;
    for (SpanIndex n = 0; n < t.spanCount(); ++n) {
        const SpanIndex p = t.parent(n);
        if (p != NoSpan && (t.startNs(n) < t.startNs(p) || t.endNs(n) > t.endNs(p)))
            ++outside;
    }
    if (outside > 0)
        addDiagnostic(Diagnostic::Severity::Info,
                      TraceBuilderText::tr("%n span(s) start before or end after their parent (clock skew or asynchronous work)", nullptr,
                         outside));
}

} // namespace tracedelta
