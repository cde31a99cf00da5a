// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importresult.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tracedelta {

// The span code OTLP/JSON and OTLP protobuf share: a span's fields as either encoding gives
// them (attribute values as display text), and how a resource's spans become the model.

using KeyValues = std::vector<std::pair<std::string, std::string>>;

// The fields of one span that TraceDelta reads, whichever parser read them: text as
// json::text() gives it, ids as written, times as json::integer() reads them.
struct OtlpSpanFields
{
    struct Event
    {
        std::optional<std::int64_t> time;
        std::string name;
        KeyValues attributes;
    };
    bool isObject = true;
    std::string traceId;
    std::string spanId;
    std::string parentSpanId;
    std::string name;
    SpanKind kind = SpanKind::Unspecified;
    SpanStatus status = SpanStatus::Unset;
    std::optional<std::string> statusMessage;
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    KeyValues attributes;
    std::vector<Event> events;
    std::vector<std::pair<std::string, std::string>> links; // trace id, span id

    void clear() { *this = OtlpSpanFields(); }
};

// What one resource block says about its spans.
struct OtlpResource
{
    KeyValues attributes;
    std::string service;
};

// Hex for OTLP ids, which arrive as hex or, from protobuf-JSON encoders, as base64.
std::string otlpIdToHex(const std::string& id);

// Turns resources and their spans into traces, one builder per trace id.
class OtlpResourceReader
{
public:
    OtlpResourceReader(TraceGroups& groups, ProblemTally& problems)
        : m_groups(groups)
        , m_problems(problems)
    {
    }

    // The resource's service (its service.name; unknown_service, noted, without one).
    OtlpResource readResource(KeyValues attributes);
    void readSpan(const OtlpSpanFields& span, const OtlpResource& resource, const std::string& scopeName);

private:
    TraceGroups& m_groups;
    ProblemTally& m_problems;
};

// The file note for log or metric blocks passed over.
void noteSkippedSignals(TraceGroups& groups, int skippedSignals);

} // namespace tracedelta
