// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracebuilder.h"

#include "../util/releasememory.h"

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
    m_trace->m_strings = std::make_shared<StringPool>();
    m_trace->m_format = format;
    m_trace->m_sourceFile = std::move(sourceFile);
    m_trace->m_traceId = std::move(traceId);
}

void TraceBuilder::reserve(std::size_t spans, std::size_t attributes, std::size_t events)
{
    const std::size_t count = m_start.size() + spans;
    m_start.reserve(count);
    m_duration.reserve(count);
    m_name.reserve(count);
    m_lane.reserve(count);
    m_service.reserve(count);
    m_spanId.reserve(count);
    m_parentSpanId.reserve(count);
    m_parentDraft.reserve(count);
    m_kind.reserve(count);
    m_status.reserve(count);
    m_sharedServerHalf.reserve(count);
    m_attributeBegin.reserve(count + 1); // + 1: the model's end offset (fillAttributes)
    m_eventBegin.reserve(count);
    m_attributes.reserve(m_attributes.size() + attributes);
    m_events.reserve(m_events.size() + events);
}

SpanIndex TraceBuilder::addSpan(const SpanDraft& draft)
{
    const std::size_t index = m_start.size();
    m_start.push_back(draft.startNs);
    m_duration.push_back(draft.durationNs);
    m_name.push_back(draft.name);
    m_lane.push_back(draft.lane);
    m_service.push(index, draft.service);
    m_spanId.push(index, draft.spanId);
    m_parentSpanId.push(index, draft.parentSpanId);
    m_parentDraft.push(index, draft.parentDraft);
    m_kind.push(index, draft.kind);
    m_status.push(index, draft.status);
    m_sharedServerHalf.push(index, draft.sharedServerHalf);
    m_attributeBegin.push(index, static_cast<std::uint32_t>(m_attributes.size()));
    m_eventBegin.push(index, static_cast<std::uint32_t>(m_events.size()));
    if (m_spanTally)
        ++*m_spanTally;
    return static_cast<SpanIndex>(index);
}

void TraceBuilder::addAttribute(std::string_view key, std::string_view value)
{
    m_attributes.push_back({intern(key), internValue(value)});
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
    addEventAttribute(intern(key), internValue(value));
}

void TraceBuilder::addEventAttribute(StringId key, ValueId value)
{
    m_eventAttributes.push_back({key, value});
}

void TraceBuilder::addReference(ReferenceType type, std::string_view traceId, std::string_view spanId)
{
    m_references.push_back({draftCount() - 1, type, intern(traceId), internSpanId(spanId)});
}

void TraceBuilder::addReferenceBetween(SpanIndex fromDraft, SpanIndex toDraft, ReferenceType type)
{
    m_references.push_back({fromDraft, type, 0, 0, toDraft});
}

std::int32_t TraceBuilder::addLane(std::string_view label)
{
    m_trace->m_lanes.push_back({intern(label)});
    return static_cast<std::int32_t>(m_trace->m_lanes.size() - 1);
}

void TraceBuilder::addAggregate(std::string_view name, std::int64_t totalNs, std::int64_t count)
{
    m_trace->m_aggregates.push_back({intern(name), totalNs, count});
}

void TraceBuilder::addDiagnostic(Diagnostic::Severity severity, const QString& message)
{
    m_trace->m_diagnostics.push_back({severity, message});
}

struct TraceBuilder::Tree
{
    std::vector<SpanIndex> parents;        // per draft
    std::vector<std::uint32_t> childBegin; // per draft + 1, into children
    std::vector<SpanIndex> children;       // drafts, in start order under each parent
    std::vector<SpanIndex> roots;          // drafts, in start order
    std::vector<SpanIndex> orphans;        // drafts that name a parent the trace does not hold
    std::vector<SpanIndex> order;          // the draft of each span (pre-order)
    std::vector<SpanIndex> newIndex;       // the span of each draft
};

namespace {

// A draft column that grew by doubling, as the model's: without the room it grew into
// (one column copied at a time, and only when that room is more than an eighth).
template<typename T>
void fitted(std::vector<T>& column)
{
    if (column.capacity() - column.size() > column.size() / 8)
        column.shrink_to_fit();
}

// A draft column rearranged into the model's order, as a copy.
template<typename T, typename Column>
std::vector<T> inSpanOrder(const Column& column, const std::vector<SpanIndex>& order)
{
    std::vector<T> result(order.size());
    for (std::size_t n = 0; n < order.size(); ++n)
        result[n] = column[static_cast<std::size_t>(order[n])];
    return result;
}

// The same for a draft column of its own, freed once copied. (Rearranged in place, a cycle
// of the permutation at a time, it saved one column's copy but jumped across the whole
// column at every step: 10M spans loaded in 15 s instead of 8.)
template<typename T>
std::vector<T> inSpanOrder(std::vector<T>&& column, const std::vector<SpanIndex>& order)
{
    std::vector<T> result = inSpanOrder<T>(column, order);
    std::vector<T>().swap(column);
    return result;
}

template<typename T>
void release(std::vector<T>& v)
{
    std::vector<T>().swap(v);
}

// What draft `d` owns of a list kept by offsets (its attributes, its events): from its
// offset to the next draft's, the last draft's to the list's end.
template<typename Offsets>
std::pair<std::size_t, std::size_t> ownRun(const Offsets& begins, SpanIndex d, SpanIndex count, std::size_t listSize)
{
    return {begins[d], d + 1 < count ? begins[d + 1] : listSize};
}

} // namespace

void TraceBuilder::repairTimes()
{
    int negative = 0;
    for (std::int64_t& duration : m_duration) {
        if (duration < 0) {
            duration = 0;
            ++negative;
        }
    }
    if (negative > 0)
        addDiagnostic(Diagnostic::Severity::Warning,
                      TraceBuilderText::tr("%n span(s) have a negative duration; shown with zero length", nullptr, negative));
    // Every later sum and difference of times relies on this range (see timemath::MaxTimeNs).
    int outOfRange = 0;
    for (std::size_t i = 0; i < m_start.size(); ++i) {
        const std::int64_t start = timemath::clamp(m_start[i], timemath::MinTimeNs, timemath::MaxTimeNs);
        const std::int64_t duration = std::min(m_duration[i], timemath::MaxTimeNs - start);
        if (start != m_start[i] || duration != m_duration[i]) {
            m_start[i] = start;
            m_duration[i] = duration;
            ++outOfRange;
        }
    }
    if (outOfRange > 0)
        addDiagnostic(Diagnostic::Severity::Warning,
                      TraceBuilderText::tr("%n span(s) have a start or end outside the supported time range (about 146 years "
                                           "around 1970); clamped to its edge", nullptr, outOfRange));
    for (SpanEvent& event : m_events)
        event.timeNs = timemath::clamp(event.timeNs, timemath::MinTimeNs, timemath::MaxTimeNs);
}

std::vector<SpanIndex> TraceBuilder::resolveParents()
{
    const SpanIndex count = draftCount();
    std::vector<SpanIndex> parents(count, NoSpan);
    if (m_spanId.allDefault() && m_parentSpanId.allDefault()) {
        // Parents given directly or not at all (Chrome): no ids to look up.
        for (SpanIndex i = 0; i < count; ++i)
            parents[i] = m_parentDraft[i];
        return parents;
    }
    // Where children of an id attach: for a Zipkin shared id that is the server half,
    // because the work below an RPC happens on the server.
    std::unordered_map<StringId, SpanIndex> childTarget;
    std::unordered_map<StringId, SpanIndex> firstWithId;
    childTarget.reserve(count);
    firstWithId.reserve(count);
    std::vector<SpanIndex> sharedHalfOf(count, NoSpan);
    int duplicates = 0;

    for (SpanIndex i = 0; i < count; ++i) {
        const StringId spanId = m_spanId[i];
        if (spanId == 0)
            continue;
        auto [it, inserted] = firstWithId.try_emplace(spanId, i);
        if (inserted) {
            childTarget[spanId] = i;
            continue;
        }
        const SpanIndex first = it->second;
        const bool isServerHalf = m_sharedServerHalf[i];
        const bool firstIsServerHalf = m_sharedServerHalf[first];
        if (isServerHalf != firstIsServerHalf && sharedHalfOf[first] == NoSpan) {
            const SpanIndex server = isServerHalf ? i : first;
            const SpanIndex client = isServerHalf ? first : i;
            sharedHalfOf[server] = client;
            sharedHalfOf[client] = server;
            childTarget[spanId] = server;
        } else {
            ++duplicates;
        }
    }

    int orphans = 0;
    int selfParents = 0;
    for (SpanIndex i = 0; i < count; ++i) {
        if (const SpanIndex given = m_parentDraft[i]; given != NoSpan) {
            parents[i] = given;
            continue;
        }
        if (m_sharedServerHalf[i] && sharedHalfOf[i] != NoSpan) {
            parents[i] = sharedHalfOf[i];
            continue;
        }
        const StringId parentSpanId = m_parentSpanId[i];
        if (parentSpanId == 0)
            continue;
        if (parentSpanId == m_spanId[i] && sharedHalfOf[i] == NoSpan) {
            ++selfParents;
            continue;
        }
        auto found = childTarget.find(parentSpanId);
        if (found == childTarget.end()) {
            ++orphans;
            continue;
        }
        parents[i] = found->second == i ? firstWithId[parentSpanId] : found->second;
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

bool TraceBuilder::orderTree(Tree& tree)
{
    const SpanIndex count = draftCount();
    // Children in start order, so pre-order walks read like a timeline.
    std::vector<SpanIndex> byStart(count);
    std::iota(byStart.begin(), byStart.end(), 0);
    const bool sorted = cancellableSort(byStart.begin(), byStart.end(), [this](SpanIndex a, SpanIndex b) {
        return m_start[a] < m_start[b];
    }, m_cancel, true);
    if (!sorted || cancelled())
        return false;
    tree.childBegin.assign(count + 1, 0);
    for (SpanIndex i = 0; i < count; ++i) {
        if (tree.parents[i] != NoSpan)
            ++tree.childBegin[tree.parents[i] + 1];
    }
    std::partial_sum(tree.childBegin.begin(), tree.childBegin.end(), tree.childBegin.begin());
    tree.children.resize(tree.childBegin.back());
    {
        std::vector<std::uint32_t> fill(tree.childBegin.begin(), tree.childBegin.end() - 1);
        for (SpanIndex i : byStart) {
            if (tree.parents[i] == NoSpan)
                tree.roots.push_back(i);
            else
                tree.children[fill[tree.parents[i]]++] = i;
        }
    }
    // Freed as soon as they are done with, here and below: a million spans' temporaries
    // add up to more than the model.
    release(byStart);

    // Pre-order numbering, iteratively: deep chains must not overflow the stack.
    tree.order.reserve(count);
    tree.newIndex.assign(count, NoSpan);
    std::vector<SpanIndex> stack(tree.roots.rbegin(), tree.roots.rend());
    while (!stack.empty()) {
        if ((tree.order.size() & 0xffff) == 0 && cancelled())
            return false;
        const SpanIndex d = stack.back();
        stack.pop_back();
        tree.newIndex[d] = static_cast<SpanIndex>(tree.order.size());
        tree.order.push_back(d);
        for (auto c = tree.childBegin[d + 1]; c > tree.childBegin[d]; --c)
            stack.push_back(tree.children[c - 1]);
    }
    return true;
}

// From the model's parents: in pre-order a span's children come in the order the tree
// put them (by start), so its list is its children by index. The drafts' own child lists
// are freed by now: a million spans' worth of both would be the peak of the build.
void TraceBuilder::fillChildren(const Tree& tree)
{
    Trace& t = *m_trace;
    const auto count = static_cast<SpanIndex>(t.m_parent.size());
    t.m_childBegin.assign(static_cast<std::size_t>(count) + 1, 0);
    t.m_roots.reserve(tree.roots.size());
    for (SpanIndex n = 0; n < count; ++n) {
        if (t.m_parent[n] != NoSpan)
            ++t.m_childBegin[static_cast<std::size_t>(t.m_parent[n]) + 1];
        else
            t.m_roots.push_back(n);
    }
    std::partial_sum(t.m_childBegin.begin(), t.m_childBegin.end(), t.m_childBegin.begin());
    t.m_childList.resize(t.m_childBegin.back());
    {
        std::vector<std::uint32_t> fill(t.m_childBegin.begin(), t.m_childBegin.end() - 1);
        for (SpanIndex n = 0; n < count; ++n) {
            if (t.m_parent[n] != NoSpan)
                t.m_childList[fill[static_cast<std::size_t>(t.m_parent[n])]++] = n;
        }
    }
    for (SpanIndex o : tree.orphans)
        t.m_orphanRoots.push_back(tree.newIndex[o]);
    std::sort(t.m_orphanRoots.begin(), t.m_orphanRoots.end());
    t.m_subtreeEnd.resize(count);
    for (SpanIndex n = count - 1; n >= 0; --n) {
        const auto kids = t.children(n);
        t.m_subtreeEnd[n] = kids.empty() ? n + 1 : t.m_subtreeEnd[kids.back()];
    }
}

bool TraceBuilder::fillSpanColumns(const Tree& tree)
{
    Trace& t = *m_trace;
    const auto count = static_cast<SpanIndex>(tree.order.size());
    t.m_parent.resize(count);
    t.m_depth.resize(count);
    for (SpanIndex n = 0; n < count; ++n) {
        const SpanIndex parent = tree.parents[tree.order[n]];
        t.m_parent[n] = parent == NoSpan ? NoSpan : tree.newIndex[parent];
        t.m_depth[n] = t.m_parent[n] == NoSpan
            ? 0
            : static_cast<std::uint16_t>(std::min<int>(t.m_depth[t.m_parent[n]] + 1, std::numeric_limits<std::uint16_t>::max()));
    }
    // A column at a time, each draft column becoming the model's.
    const auto drafts = static_cast<std::size_t>(count);
    t.m_start = inSpanOrder(std::move(m_start), tree.order);
    t.m_duration = inSpanOrder(std::move(m_duration), tree.order);
    if (cancelled())
        return false;
    t.m_name = inSpanOrder(std::move(m_name), tree.order);
    t.m_service = inSpanOrder(m_service.take(drafts), tree.order);
    t.m_lane = inSpanOrder(std::move(m_lane), tree.order);
    if (!m_kind.allDefault())
        t.m_kind = inSpanOrder(m_kind.take(drafts), tree.order);
    m_kind.release();
    if (!m_status.allDefault())
        t.m_status = inSpanOrder(m_status.take(drafts), tree.order);
    m_status.release();
    return !cancelled();
}

void TraceBuilder::fillAttributes(const Tree& tree)
{
    Trace& t = *m_trace;
    const auto count = static_cast<SpanIndex>(tree.order.size());
    if (m_attributes.empty()) {
        m_attributeBegin.release();
        return;
    }
    const auto listOf = [&](SpanIndex d) {
        const auto [begin, end] = ownRun(m_attributeBegin, d, count, m_attributes.size());
        return std::span<const Attribute>(m_attributes).subspan(begin, end - begin);
    };
    const auto sameList = [](std::span<const Attribute> a, std::span<const Attribute> b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                          [](const Attribute& x, const Attribute& y) { return x.key == y.key && x.value == y.value; });
    };

    // Many spans with the same few attributes (a Chrome category): one copy of each list
    // and a list number per span. Given up once more than half the spans so far have a list
    // of their own: what sharing saves is small then, and its hash table is not.
    bool shared = true;
    std::vector<std::uint32_t> listOfSpan(count);
    std::vector<std::uint32_t> listBegin{0};
    std::vector<Attribute> lists;
    std::unordered_map<std::uint64_t, std::uint32_t> listByHash;
    for (SpanIndex n = 0; n < count && shared; ++n) {
        const auto list = listOf(tree.order[n]);
        std::uint64_t hash = 14695981039346656037ull ^ list.size();
        for (const Attribute& a : list)
            hash = (hash ^ ((std::uint64_t(a.key) << 32) | a.value.raw)) * 1099511628211ull;
        const auto listCount = static_cast<std::uint32_t>(listBegin.size() - 1);
        const auto [known, inserted] = listByHash.try_emplace(hash, listCount);
        if (!inserted) {
            const std::uint32_t k = known->second;
            if (sameList(list, std::span<const Attribute>(lists).subspan(listBegin[k], listBegin[k + 1] - listBegin[k]))) {
                listOfSpan[n] = k;
                continue;
            }
        }
        listOfSpan[n] = listCount;
        lists.insert(lists.end(), list.begin(), list.end());
        listBegin.push_back(static_cast<std::uint32_t>(lists.size()));
        shared = n < 4096 || 2 * static_cast<std::size_t>(listCount + 1) <= static_cast<std::size_t>(n);
    }
    // Worth it when the repeats it leaves out weigh more than a list's offset for each list.
    shared = shared && (m_attributes.size() - lists.size()) * sizeof(Attribute) > listBegin.size() * sizeof(std::uint32_t);
    listByHash = {};
    if (shared) {
        lists.shrink_to_fit();
        listBegin.shrink_to_fit();
        t.m_attributeListOf = std::move(listOfSpan);
        t.m_attributeBegin = std::move(listBegin);
        t.m_attributes = std::move(lists);
    } else {
        // A list per span: the drafts' lists become the model's as they are, in draft order,
        // each span naming its draft's list where the tree reordered them — a copy would
        // hold every list twice at the peak of a load.
        release(listOfSpan);
        release(listBegin);
        release(lists);
        const std::size_t drafts = tree.newIndex.size(); // the draft columns are the model's by now
        t.m_attributeBegin = m_attributeBegin.take(drafts);
        t.m_attributeBegin.push_back(static_cast<std::uint32_t>(m_attributes.size()));
        fitted(t.m_attributeBegin);
        t.m_attributes = std::move(m_attributes);
        fitted(t.m_attributes);
        bool inDraftOrder = static_cast<std::size_t>(count) == drafts;
        for (SpanIndex n = 0; n < count && inDraftOrder; ++n)
            inDraftOrder = tree.order[n] == n;
        if (!inDraftOrder)
            t.m_attributeListOf.assign(tree.order.begin(), tree.order.end());
    }
    m_attributeBegin.release();
    release(m_attributes);
}

void TraceBuilder::fillEvents(const Tree& tree)
{
    Trace& t = *m_trace;
    const auto count = static_cast<SpanIndex>(tree.order.size());
    if (m_events.empty()) {
        m_eventBegin.release();
        return;
    }
    t.m_eventBegin.reserve(count + 1);
    t.m_events.reserve(m_events.size());
    t.m_eventAttributes.reserve(m_eventAttributes.size());
    for (SpanIndex n = 0; n < count; ++n) {
        const SpanIndex d = tree.order[n];
        t.m_eventBegin.push_back(static_cast<std::uint32_t>(t.m_events.size()));
        // Events move with their span, their attributes with them (they follow each other).
        const auto [eventBegin, eventEnd] = ownRun(m_eventBegin, d, count, m_events.size());
        for (std::size_t e = eventBegin; e < eventEnd; ++e) {
            const std::size_t attributesEnd = e + 1 < m_events.size() ? m_events[e + 1].attributeBegin : m_eventAttributes.size();
            t.m_events.push_back({m_events[e].timeNs, m_events[e].name, static_cast<std::uint32_t>(t.m_eventAttributes.size())});
            t.m_eventAttributes.insert(t.m_eventAttributes.end(), m_eventAttributes.begin() + m_events[e].attributeBegin,
                                       m_eventAttributes.begin() + static_cast<std::ptrdiff_t>(attributesEnd));
        }
    }
    t.m_eventBegin.push_back(static_cast<std::uint32_t>(t.m_events.size()));
    m_eventBegin.release();
    release(m_events);
    release(m_eventAttributes);
}

void TraceBuilder::fillReferencesAndIds(const Tree& tree)
{
    Trace& t = *m_trace;
    const auto count = static_cast<SpanIndex>(tree.order.size());
    if (m_spanId.allDefault() && m_references.empty())
        return;
    std::vector<StringId> spanIdOf = inSpanOrder<StringId>(m_spanId, tree.order);
    m_spanId.release();
    if (!m_references.empty()) {
        std::unordered_map<StringId, SpanIndex> byId;
        for (SpanIndex n = count - 1; n >= 0; --n)
            byId[spanIdOf[n]] = n;
        for (const PendingReference& r : m_references) {
            const auto found = r.spanId == 0 ? byId.end() : byId.find(r.spanId);
            const SpanIndex target = r.targetDraft != NoSpan ? tree.newIndex[r.targetDraft]
                : found == byId.end()                         ? NoSpan
                                                              : found->second;
            const SpanIndex from = tree.newIndex[r.from];
            // The parent link is the tree itself; only other references are kept.
            if (r.type == ReferenceType::ChildOf && target != NoSpan && target == t.m_parent[from])
                continue;
            const StringId spanId = target == NoSpan ? intern(m_spanIdPool.text(r.spanId)) : 0;
            t.m_references.push_back({from, target, r.type, r.traceId, spanId});
        }
        release(m_references);
    }
    t.m_spanIds = m_spanIdPool.spanIds(spanIdOf);
}

std::shared_ptr<const Trace> TraceBuilder::build()
{
    Trace& t = *m_trace;
    const SpanIndex count = draftCount();
    if (cancelled())
        return nullptr;
    repairTimes();

    Tree tree;
    tree.parents = resolveParents();
    if (!m_parentSpanId.allDefault()) {
        for (SpanIndex i = 0; i < count; ++i) {
            if (tree.parents[i] == NoSpan && m_parentSpanId[i] != 0)
                tree.orphans.push_back(i);
        }
    }
    m_parentSpanId.release();
    m_parentDraft.release();
    m_sharedServerHalf.release();
    // Only a big build frees enough to matter; each release costs a walk of the heap, and a
    // compare builds dozens of small traces.
    const bool big = count >= (SpanIndex(1) << 18);
    if (big)
        releaseFreedMemory();
    if (cancelled())
        return nullptr;
    breakCycles(tree.parents);
    if (cancelled() || !orderTree(tree))
        return nullptr;

    // The draft columns become the model's one by one (the drafts' tree last, it orders
    // them all), so the peak is the drafts or the model plus the tree, not both.
    release(tree.childBegin);
    release(tree.children);
    if (big)
        releaseFreedMemory();
    if (!fillSpanColumns(tree))
        return nullptr;
    release(tree.parents);
    fillChildren(tree);
    release(tree.roots);
    fillAttributes(tree);
    if (cancelled())
        return nullptr;
    fillEvents(tree);
    fillReferencesAndIds(tree);
    m_spanIdPool = SpanIdPool();
    tree = Tree();
    if (big)
        releaseFreedMemory(); // the drafts' and the tree's pieces: the model stays, they go

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
    reportSkew(*m_trace);
    return std::shared_ptr<const Trace>(m_trace.release());
}

void TraceBuilder::reportSkew(Trace& t)
{
    int outside = 0;
    for (SpanIndex n = 0; n < t.spanCount(); ++n) {
        const SpanIndex p = t.parent(n);
        if (p != NoSpan && (t.startNs(n) < t.startNs(p) || t.endNs(n) > t.endNs(p)))
            ++outside;
    }
    if (outside > 0)
        t.m_diagnostics.push_back({Diagnostic::Severity::Info,
                      TraceBuilderText::tr("%n span(s) start before or end after their parent (clock skew or asynchronous work)", nullptr,
                         outside)});
}

std::shared_ptr<const Trace> TraceBuilder::withShiftedSpans(const Trace& trace, const std::vector<std::int64_t>& shiftNs)
{
    auto copy = std::shared_ptr<Trace>(new Trace(trace));
    Trace& t = *copy;
    for (SpanIndex s = 0; s < t.spanCount(); ++s) {
        const std::int64_t shift = shiftNs[static_cast<std::size_t>(s)];
        if (shift == 0)
            continue;
        t.m_start[s] = timemath::clamp(timemath::add(t.m_start[s], shift), timemath::MinTimeNs, timemath::MaxTimeNs);
        if (!t.m_eventBegin.empty()) {
            for (std::uint32_t e = t.m_eventBegin[s]; e < t.m_eventBegin[s + 1]; ++e)
                t.m_events[e].timeNs = timemath::clamp(timemath::add(t.m_events[e].timeNs, shift), timemath::MinTimeNs, timemath::MaxTimeNs);
        }
    }
    t.m_self = computeSelfTimes(t);
    if (t.spanCount() > 0) {
        t.m_traceStart = t.m_start[0];
        t.m_traceEnd = t.endNs(0);
        for (SpanIndex s = 1; s < t.spanCount(); ++s) {
            t.m_traceStart = std::min(t.m_traceStart, t.m_start[s]);
            t.m_traceEnd = std::max(t.m_traceEnd, t.endNs(s));
        }
    }
    return copy;
}

} // namespace tracedelta
