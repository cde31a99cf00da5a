// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spanidpool.h"
#include "trace.h"

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

// Collects drafts from an importer and produces an immutable Trace: resolves parents,
// repairs what can be repaired (cycles, self-parents, negative durations) and records
// each repair as a diagnostic, orders spans in tree pre-order and computes self times.
class TraceBuilder
{
public:
    TraceBuilder(TraceFormat format, QString sourceFile, std::string traceId);

    StringId intern(std::string_view text) { return m_trace->m_strings.intern(text); }
    const StringPool& strings() const { return m_trace->m_strings; }
    // Span ids (SpanDraft::spanId, parentSpanId) live in a pool of their own: the trace
    // keeps them as numbers where it can (SpanIds).
    StringId internSpanId(std::string_view text) { return m_spanIdPool.intern(text); }
    SpanIndex draftCount() const { return static_cast<SpanIndex>(m_drafts.size()); }
    const SpanDraft& draft(SpanIndex i) const { return m_drafts[i]; }
    SpanDraft& draft(SpanIndex i) { return m_drafts[i]; }

    // Attributes, events and references added afterwards belong to this span.
    // Room for what an importer knows it will add (spans, their attributes and events).
    void reserve(std::size_t spans, std::size_t attributes, std::size_t events);
    SpanIndex addSpan(const SpanDraft& draft);
    void addAttribute(std::string_view key, std::string_view value);
    void addAttribute(StringId key, StringId value) { m_attributes.push_back({key, value}); }
    void addEvent(std::int64_t timeNs, std::string_view name);
    void addEvent(std::int64_t timeNs, StringId name);
    void addEventAttribute(std::string_view key, std::string_view value);
    void addEventAttribute(StringId key, StringId value);
    void addReference(ReferenceType type, std::string_view traceId, std::string_view spanId);
    std::int32_t addLane(std::string_view label);
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
    };

    std::vector<SpanIndex> resolveParents();
    void breakCycles(std::vector<SpanIndex>& parents);
    void reportSkew();

    std::unique_ptr<Trace> m_trace;
    SpanIdPool m_spanIdPool;
    std::vector<SpanDraft> m_drafts;
    std::vector<std::uint32_t> m_draftAttributeBegin;
    std::vector<Attribute> m_attributes;
    std::vector<std::uint32_t> m_draftEventBegin;
    std::vector<SpanEvent> m_events;
    std::vector<Attribute> m_eventAttributes;
    std::vector<PendingReference> m_references;
    std::int64_t* m_spanTally = nullptr;
    const std::atomic<bool>* m_cancel = nullptr;
};

} // namespace tracedelta
