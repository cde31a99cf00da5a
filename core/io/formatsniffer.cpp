// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatsniffer.h"

#include "jsonrecordreader.h"
#include "perfettoimporter.h"

#include <set>

namespace tracedelta {

namespace {

bool hasKey(const nlohmann::json& object, const char* key)
{
    return object.is_object() && object.contains(key);
}

SniffResult decided(TraceFormat format, DocumentShape shape)
{
    SniffResult result;
    result.format = format;
    result.shape = shape;
    return result;
}

SniffResult classifyArrayElement(const nlohmann::json& element)
{
    if (element.is_array())
        return decided(TraceFormat::Zipkin, DocumentShape::ZipkinTraces);
    if (hasKey(element, "ph"))
        return decided(TraceFormat::Chrome, DocumentShape::ChromeArray);
    if (hasKey(element, "traceId") && (hasKey(element, "id") || hasKey(element, "timestamp")))
        return decided(TraceFormat::Zipkin, DocumentShape::ZipkinSpans);
    SniffResult unknown;
    unknown.problem = "an array whose first element is neither a Chrome trace event (no \"ph\") nor a Zipkin span "
                      "(no \"traceId\"/\"id\")";
    return unknown;
}

} // namespace

SniffResult sniffFormat(std::string_view text)
{
    // Before the JSON checks: a Trace starts with 0x0a, which JSON would skip as a newline.
    if (looksLikePerfettoTrace(text))
        return decided(TraceFormat::Perfetto, DocumentShape::PerfettoPackets);
    const auto firstChar = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (firstChar == std::string_view::npos) {
        SniffResult empty;
        empty.problem = "the file is empty";
        return empty;
    }
    if (text[firstChar] != '{' && text[firstChar] != '[') {
        SniffResult notJson;
        notJson.problem = "the file does not start with a JSON object or array";
        notJson.parseError = true;
        notJson.errorOffset = firstChar;
        return notJson;
    }

    SniffResult result;
    std::set<std::string> rootKeys;
    const bool rootIsArray = text[firstChar] == '[';
    bool decidedEarly = false;
    using Visit = JsonRecordReader::Visit;
    // Root array: capture its first element and classify it. Root object: collect the
    // keys and stop at the first one that names a format, before reading its value.
    const auto visit = [&](const JsonPath& path, JsonValueKind) {
        if (rootIsArray)
            return path.size() == 1 ? Visit::Capture : Visit::Skip;
        if (path.size() != 1)
            return Visit::Skip;
        rootKeys.insert(path[0]);
        static const std::set<std::string> decisive = {"traceEvents", "resourceSpans", "batches", "data", "spans",
                                                       "resourceLogs", "resourceMetrics"};
        return decisive.count(path[0]) ? Visit::Stop : Visit::Skip;
    };
    const auto classify = [&](nlohmann::json&& record, const JsonPath&) {
        result = classifyArrayElement(record);
        decidedEarly = true;
        return false;
    };
    const JsonRecordReader::Result read = JsonRecordReader().read(text, visit, classify);
    if (decidedEarly)
        return result;
    if (!read.ok && !read.stopped) {
        result.parseError = true;
        result.errorOffset = read.errorOffset;
        result.problem = read.errorMessage;
        return result;
    }
    if (rootIsArray) {
        result.problem = "an empty array: no spans or events";
        return result;
    }
    if (rootKeys.count("traceEvents") || rootKeys.count("ph"))
        return decided(TraceFormat::Chrome, DocumentShape::ChromeObject);
    if (rootKeys.count("resourceSpans") || rootKeys.count("batches") || rootKeys.count("resourceLogs")
        || rootKeys.count("resourceMetrics"))
        return decided(TraceFormat::Otlp, DocumentShape::OtlpDocument);
    if (rootKeys.count("data"))
        return decided(TraceFormat::Jaeger, DocumentShape::JaegerEnvelope);
    if (rootKeys.count("spans"))
        return decided(TraceFormat::Jaeger, DocumentShape::JaegerBareTrace);
    if (rootKeys.count("traceId") && (rootKeys.count("id") || rootKeys.count("timestamp")))
        return decided(TraceFormat::Zipkin, DocumentShape::ZipkinSingleSpan);
    std::string seen;
    for (const std::string& key : rootKeys) {
        if (seen.size() > 80)
            break;
        seen += (seen.empty() ? "" : ", ") + ("\"" + key + "\"");
    }
    result.problem = "not a Jaeger, Zipkin, OTLP or Chrome trace (top-level keys: " + (seen.empty() ? "none" : seen) + ")";
    return result;
}

} // namespace tracedelta
