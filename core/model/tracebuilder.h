// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spanidpool.h"
#include "trace.h"

#include <algorithm>
#include <atomic>

namespace tracedelta {

// One span as an importer read it, before parent links are resolved.
struct SpanDraft
{
    StringId spanId = 0;            // from TraceBuilder::internSpanId
    StringId parentSpanId = 0;      // resolved by id; 0 = no parent
    SpanIndex parentDraft = NoSpan; // or given directly (Chrome nesting); wins over parentSpanId
    StringId name = 0;
    StringId service = 0;
    std::int64_t startNs = 0;
    std::int64_t durationNs = 0;
    SpanKind kind = SpanKind::Unspecified;
    SpanStatus status = SpanStatus::Unset;
    std::int32_t lane = -1;
    bool sharedServerHalf = false; // Zipkin "shared": the server side of an RPC reusing the client's id
};

// One column of drafts that costs nothing while every value in it is `Default`: most
// formats leave some fields unset (Chrome: span ids, kinds, status), and a million spans'
// worth of defaults would be held until build().
template<typename T, T Default = T{}>
class DraftColumn
{
public:
    // `index` is the draft's (every draft before it has a value, stored or not).
    void push(std::size_t index, T value)
    {
        if (m_values.empty()) {
            if (value == Default)
                return;
            materialize(index);
        }
        m_values.push_back(value);
    }
    T operator[](std::size_t index) const { return m_values.empty() ? Default : m_values[index]; }
    bool allDefault() const { return m_values.empty(); }
    void reserve(std::size_t count) { m_reserve = count; if (!m_values.empty()) m_values.reserve(count); }
    void release() { std::vector<T>().swap(m_values); }
    // The values, `count` of them (materialised when all are Default); the column is empty after.
    std::vector<T> take(std::size_t count)
    {
        if (m_values.empty())
            materialize(count);
        return std::move(m_values);
    }

private:
    void materialize(std::size_t count)
    {
        m_values.reserve(std::max(m_reserve, count + 1));
        m_values.assign(count, Default);
    }

    std::vector<T> m_values;
    std::size_t m_reserve = 0;
};

// Collects drafts from an importer and produces an immutable Trace: resolves parents,
// repairs what can be repaired (cycles, self-parents, negative durations) and records
// each repair as a diagnostic, orders spans in tree pre-order and computes self times.
//
// Drafts are kept column by column, like the model, and build() turns them into the
// model one column at a time, freeing each draft column once its model column is made:
// drafts and model are never held whole side by side (for a million spans that was the
// peak of a load).
class TraceBuilder
{
public:
    // A copy of `trace` with each span (and its events) moved by shiftNs[span]; self times
    // and the trace's extent follow. For derived views in the analysis (clock-skew
    // adjustment): the loaded trace itself stays as in its file.
    static std::shared_ptr<const Trace> withShiftedSpans(const Trace& trace, const std::vector<std::int64_t>& shiftNs);
    // The subtree of `root` as a trace of its own, as building its spans from drafts would
    // make it (times from the root's start, every span on the root's lane, no references),
    // but sliced from the source's columns and sharing its strings. Null when a time would
    // leave the range the builder keeps times in: build that one from drafts (it clamps).
    static std::shared_ptr<const Trace> subtree(const Trace& source, SpanIndex root, std::string traceId);

    TraceBuilder(TraceFormat format, QString sourceFile, std::string traceId);

    StringId intern(std::string_view text) { return m_trace->m_strings->intern(text); }
    ValueId internValue(std::string_view text) { return m_trace->m_strings->internValue(text); }
    const StringPool& strings() const { return *m_trace->m_strings; }
    // Span ids (SpanDraft::spanId, parentSpanId) live in a pool of their own: the trace
    // keeps them as numbers where it can (SpanIds).
    StringId internSpanId(std::string_view text) { return m_spanIdPool.intern(text); }
    SpanIndex draftCount() const { return static_cast<SpanIndex>(m_start.size()); }
    std::int64_t draftStartNs(SpanIndex i) const { return m_start[i]; }
    void setDraftStart(SpanIndex i, std::int64_t startNs) { m_start[i] = startNs; }

    // Room for what an importer knows it will add (spans, their attributes and events).
    void reserve(std::size_t spans, std::size_t attributes, std::size_t events);
    // Attributes, events and references added afterwards belong to this span.
    SpanIndex addSpan(const SpanDraft& draft);
    void addAttribute(std::string_view key, std::string_view value);
    void addAttribute(StringId key, ValueId value) { m_attributes.push_back({key, value}); }
    void addEvent(std::int64_t timeNs, std::string_view name);
    void addEvent(std::int64_t timeNs, StringId name);
    void addEventAttribute(std::string_view key, std::string_view value);
    void addEventAttribute(StringId key, ValueId value);
    void addReference(ReferenceType type, std::string_view traceId, std::string_view spanId);
    // A reference between two spans already added, by their draft indices (a flow between
    // slices of a profile, whose spans have no ids to name).
    void addReferenceBetween(SpanIndex fromDraft, SpanIndex toDraft, ReferenceType type);
    std::int32_t addLane(std::string_view label);
    void addAggregate(std::string_view name, std::int64_t totalNs, std::int64_t count);
    void addDiagnostic(Diagnostic::Severity severity, const QString& message);

    std::shared_ptr<const Trace> build();

    // Counts every span added to any builder sharing the counter (all traces of one file),
    // so an importer can enforce LoadLimits::maxSpans.
    void setSpanTally(std::int64_t* tally) { m_spanTally = tally; }
    // build() checks this flag between its steps and every 64k spans within them, and
    // returns nullptr once it is set: the build of a million spans stops within milliseconds.
    void setCancelFlag(const std::atomic<bool>* cancel) { m_cancel = cancel; }

private:
    struct PendingReference
    {
        SpanIndex from;
        ReferenceType type;
        StringId traceId;
        StringId spanId;
        SpanIndex targetDraft = NoSpan; // instead of an id: addReferenceBetween
    };
    struct Tree; // parents, children and pre-order of the drafts (tracebuilder.cpp)

    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    void repairTimes();
    std::vector<SpanIndex> resolveParents();
    void breakCycles(std::vector<SpanIndex>& parents);
    bool orderTree(Tree& tree);
    bool fillSpanColumns(const Tree& tree);
    void fillAttributes(const Tree& tree);
    void fillEvents(const Tree& tree);
    void fillChildren(const Tree& tree);
    void fillReferencesAndIds(const Tree& tree);
    static void reportSkew(Trace& trace);
    // subtree()'s parts (subtreetrace.cpp).
    static void sliceTree(Trace& trace, const Trace& source, SpanIndex root);
    static void sliceAttributesAndEvents(Trace& trace, const Trace& source, SpanIndex root, std::int64_t origin);
    static void sliceSpanIds(Trace& trace, const Trace& source, SpanIndex root);

    std::unique_ptr<Trace> m_trace;
    SpanIdPool m_spanIdPool;
    // The drafts, a column per field of SpanDraft.
    std::vector<std::int64_t> m_start;
    std::vector<std::int64_t> m_duration;
    std::vector<StringId> m_name;
    std::vector<std::int32_t> m_lane;
    DraftColumn<StringId> m_service;
    DraftColumn<StringId> m_spanId;
    DraftColumn<StringId> m_parentSpanId;
    DraftColumn<SpanIndex, NoSpan> m_parentDraft;
    DraftColumn<SpanKind> m_kind;
    DraftColumn<SpanStatus> m_status;
    DraftColumn<bool> m_sharedServerHalf;
    DraftColumn<std::uint32_t> m_attributeBegin; // into m_attributes; all 0 while there are none
    std::vector<Attribute> m_attributes;
    DraftColumn<std::uint32_t> m_eventBegin; // into m_events; all 0 while there are none
    std::vector<SpanEvent> m_events;
    std::vector<Attribute> m_eventAttributes;
    std::vector<PendingReference> m_references;
    std::int64_t* m_spanTally = nullptr;
    const std::atomic<bool>* m_cancel = nullptr;
};

} // namespace tracedelta
