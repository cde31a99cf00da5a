// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <optional>
#include <string>
#include <string_view>

namespace tracedelta {

// How the document is laid out, which tells an importer where its records are.
enum class DocumentShape {
    Unknown,
    ChromeArray,           // [ event, ... ]
    ChromeObject,          // { "traceEvents": [ ... ] }
    ZipkinSpans,           // [ span, ... ]
    ZipkinTraces,          // [ [ span, ... ], ... ]
    ZipkinSingleSpan,      // { span }
    JaegerEnvelope,        // { "data": [ trace, ... ] } or { "data": trace }
    JaegerBareTrace,       // { "traceID": ..., "spans": [...] }
    OtlpDocument,          // { "resourceSpans": [...] } (also Tempo's "batches")
    PerfettoPackets,       // protobuf: Trace { repeated TracePacket packet = 1; }
};

struct SniffResult
{
    std::optional<TraceFormat> format;
    DocumentShape shape = DocumentShape::Unknown;
    // Filled when the content cannot be identified: what was seen instead.
    std::string problem;
    std::size_t errorOffset = 0;
    bool parseError = false;
};

// Identifies the trace format from the first structure of the document (Perfetto's protobuf
// from its first packets), reading as little as possible. Never looks at the file name.
SniffResult sniffFormat(std::string_view text);

} // namespace tracedelta
