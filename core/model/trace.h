// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"
#include "spanids.h"
#include "stringpool.h"
#include "../util/timearithmetic.h"

#include <QString>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace tracedelta {

using SpanIndex = std::int32_t;
inline constexpr SpanIndex NoSpan = -1;

enum class TraceFormat : std::uint8_t { Jaeger, Zipkin, Otlp, Chrome, Perfetto };
// Chrome's trace-event JSON and Perfetto's protobuf: profiles of one program (processes and
// threads as lanes, slices nesting by time), read into the same model, compared alike.
inline bool isTraceEventFamily(TraceFormat format) { return format == TraceFormat::Chrome || format == TraceFormat::Perfetto; }
enum class SpanKind : std::uint8_t { Unspecified, Internal, Server, Client, Producer, Consumer };
enum class SpanStatus : std::uint8_t { Unset, Ok, Error };
enum class ReferenceType : std::uint8_t { ChildOf, FollowsFrom, Link };

QString formatName(TraceFormat format);
QString spanKindName(SpanKind kind);

struct Attribute
{
    StringId key = 0;
    ValueId value; // its text: Trace::valueText / StringPool::valueText
};

// An event's attributes run from its attributeBegin to the next event's (16 bytes an event,
// not 24): read them with Trace::eventAttributes.
struct SpanEvent
{
    std::int64_t timeNs = 0;
    StringId name = 0;
    std::uint32_t attributeBegin = 0;
};

// Every reference a span declared (parent links included), so views can show
// FOLLOWS_FROM and span links even though the tree only uses the parent.
struct SpanReference
{
    SpanIndex from = NoSpan;
    SpanIndex target = NoSpan; // NoSpan when the referenced span is not in this trace
    ReferenceType type = ReferenceType::ChildOf;
    StringId traceId = 0;
    StringId spanId = 0; // only when `target` is NoSpan (else target's id is the one)
};

// A summary row a producer wrote beside its events (clang's "Total ParseClass"): a sum
// over many occurrences, kept as a table, never as a span (see producerknowledge.h).
struct AggregateRow
{
    StringId name = 0;
    std::int64_t totalNs = 0;
    std::int64_t count = 0;
};

// A row group: a service for distributed traces, a process/thread for Chrome traces.
struct Lane
{
    StringId label = 0;
};

// An immutable trace. Spans are stored struct-of-arrays in tree pre-order (children
// ordered by start), so a span's subtree is the index range [i, subtreeEnd(i)).
// All times are integer nanoseconds since the Unix epoch (Chrome: since the trace's clock origin).
class Trace
{
public:
    TraceFormat format() const { return m_format; }
    const QString& sourceFile() const { return m_sourceFile; }
    const std::string& traceId() const { return m_traceId; }
    const StringPool& strings() const { return *m_strings; }
    ValueText valueText(ValueId value) const { return m_strings->valueText(value); }
    const Diagnostics& diagnostics() const { return m_diagnostics; }

    SpanIndex spanCount() const { return static_cast<SpanIndex>(m_start.size()); }
    std::int64_t startNs(SpanIndex i) const { return m_start[i]; }
    std::int64_t durationNs(SpanIndex i) const { return m_duration[i]; }
    // The builder keeps start and end inside ±timemath::MaxTimeNs; saturating all the same.
    std::int64_t endNs(SpanIndex i) const { return timemath::add(m_start[i], m_duration[i]); }
    std::int64_t selfNs(SpanIndex i) const { return m_self[i]; }
    SpanIndex parent(SpanIndex i) const { return m_parent[i]; }
    SpanIndex subtreeEnd(SpanIndex i) const { return m_subtreeEnd[i]; }
    int depth(SpanIndex i) const { return m_depth[i]; }
    std::span<const SpanIndex> children(SpanIndex i) const;
    std::span<const SpanIndex> roots() const { return m_roots; }
    // Roots that name a parent the file does not hold (a service that reported nothing, a
    // dropped batch): top-level here, but not where the request started. Ascending.
    std::span<const SpanIndex> orphanRoots() const { return m_orphanRoots; }
    bool isOrphanRoot(SpanIndex i) const { return std::binary_search(m_orphanRoots.begin(), m_orphanRoots.end(), i); }

    StringId name(SpanIndex i) const { return m_name[i]; }
    StringId service(SpanIndex i) const { return m_service[i]; }
    SpanKind kind(SpanIndex i) const { return m_kind.empty() ? SpanKind::Unspecified : m_kind[i]; }
    SpanStatus status(SpanIndex i) const { return m_status.empty() ? SpanStatus::Unset : m_status[i]; }
    std::int32_t lane(SpanIndex i) const { return m_lane[i]; }
    const std::string& nameText(SpanIndex i) const { return m_strings->at(m_name[i]); }
    const std::string& serviceText(SpanIndex i) const { return m_strings->at(m_service[i]); }
    bool hasSpanId(SpanIndex i) const { return m_spanIds.has(static_cast<std::size_t>(i)); }
    std::string spanIdText(SpanIndex i) const { return m_spanIds.text(static_cast<std::size_t>(i)); }

    std::span<const Attribute> attributes(SpanIndex i) const;
    std::span<const SpanEvent> events(SpanIndex i) const;
    // `event` is one of events(i)'s elements (a copy has none).
    std::span<const Attribute> eventAttributes(const SpanEvent& event) const;
    std::span<const SpanReference> references() const { return m_references; }
    std::span<const Lane> lanes() const { return m_lanes; }
    std::span<const AggregateRow> aggregates() const { return m_aggregates; }

    std::int64_t traceStartNs() const { return m_traceStart; }
    std::int64_t traceEndNs() const { return m_traceEnd; }
    std::int64_t wallDurationNs() const { return timemath::sub(m_traceEnd, m_traceStart); }
    // The longest top-level span (earliest on ties): what users call "the root".
    SpanIndex mainRoot() const { return m_mainRoot; }
    // Distinct services in order of first appearance in the tree.
    std::vector<StringId> services() const;
    SpanIndex findSpanById(std::string_view spanId) const;

    std::size_t bytesUsed() const;

private:
    friend class TraceBuilder;
    Trace() = default;
    // Copied only to derive a view (TraceBuilder::withShiftedSpans): a trace can be 1 GB
    // (its strings are shared, not copied).
    Trace(const Trace&) = default;

    TraceFormat m_format = TraceFormat::Jaeger;
    QString m_sourceFile;
    std::string m_traceId;
    // Shared with the traces cut from this one (TraceBuilder::subtree), so their string ids
    // are this trace's; nothing changes a pool once its trace is built.
    std::shared_ptr<StringPool> m_strings;
    Diagnostics m_diagnostics;

    std::vector<std::int64_t> m_start;
    std::vector<std::int64_t> m_duration;
    std::vector<std::int64_t> m_self;
    std::vector<SpanIndex> m_parent;
    std::vector<SpanIndex> m_subtreeEnd;
    std::vector<std::uint16_t> m_depth;
    std::vector<StringId> m_name;
    std::vector<StringId> m_service;
    SpanIds m_spanIds;
    std::vector<SpanKind> m_kind;     // empty when every span's is Unspecified (Chrome)
    std::vector<SpanStatus> m_status; // empty when every span's is Unset
    std::vector<std::int32_t> m_lane;
    std::vector<std::uint32_t> m_childBegin; // spanCount + 1 offsets into m_childList
    std::vector<SpanIndex> m_childList;
    std::vector<SpanIndex> m_roots;
    std::vector<SpanIndex> m_orphanRoots;
    // Offsets into m_attributes, one per attribute list + 1; empty when there are none. A
    // list per span, unless many spans carry the same attributes (a Chrome category and
    // nothing else): then m_attributeListOf names each span's list, and a million spans
    // share a few lists.
    std::vector<std::uint32_t> m_attributeBegin;
    std::vector<std::uint32_t> m_attributeListOf;
    std::vector<Attribute> m_attributes;
    std::vector<std::uint32_t> m_eventBegin; // spanCount + 1 offsets into m_events; empty when there are none
    std::vector<SpanEvent> m_events;
    std::vector<Attribute> m_eventAttributes;
    std::vector<SpanReference> m_references;
    std::vector<Lane> m_lanes;
    std::vector<AggregateRow> m_aggregates;

    std::int64_t m_traceStart = 0;
    std::int64_t m_traceEnd = 0;
    SpanIndex m_mainRoot = NoSpan;
};

using TracePtr = std::shared_ptr<const Trace>;

} // namespace tracedelta
