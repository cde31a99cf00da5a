// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlpprotobuf.h"

#include "jsonpipeline.h"
#include "otlpspans.h"
#include "protowire.h"
#include "io/proto/otlp_trace.pb.h" // generated from core/io/proto/otlp_trace.proto

#include <QByteArray>
#include <QCoreApplication>

#include <google/protobuf/io/coded_stream.h>

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace tracedelta {

namespace {

using nlohmann::json;

std::string hex(const std::string& bytes)
{
    return QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())).toHex().toStdString();
}

json anyValueJson(const otlp::AnyValue& value);

json keyValuesJson(const google::protobuf::RepeatedPtrField<otlp::KeyValue>& list)
{
    json out = json::array();
    for (const otlp::KeyValue& kv : list)
        out.push_back(json{{"key", kv.key()}, {"value", anyValueJson(kv.value())}});
    return out;
}

// The OTLP/JSON encoding: 64-bit integers as decimal strings, bytes as base64.
json anyValueJson(const otlp::AnyValue& value)
{
    switch (value.value_case()) {
    case otlp::AnyValue::kStringValue: return json{{"stringValue", value.string_value()}};
    case otlp::AnyValue::kBoolValue: return json{{"boolValue", value.bool_value()}};
    case otlp::AnyValue::kIntValue: return json{{"intValue", std::to_string(value.int_value())}};
    case otlp::AnyValue::kDoubleValue: return json{{"doubleValue", value.double_value()}};
    case otlp::AnyValue::kArrayValue: {
        json values = json::array();
        for (const otlp::AnyValue& v : value.array_value().values())
            values.push_back(anyValueJson(v));
        return json{{"arrayValue", json{{"values", std::move(values)}}}};
    }
    case otlp::AnyValue::kKvlistValue:
        return json{{"kvlistValue", json{{"values", keyValuesJson(value.kvlist_value().values())}}}};
    case otlp::AnyValue::kBytesValue: {
        const std::string& b = value.bytes_value();
        return json{{"bytesValue",
                     QByteArray::fromRawData(b.data(), static_cast<qsizetype>(b.size())).toBase64().toStdString()}};
    }
    case otlp::AnyValue::VALUE_NOT_SET: break;
    }
    return json::object();
}

json spanJson(const otlp::Span& span)
{
    json out{{"traceId", hex(span.trace_id())},
             {"spanId", hex(span.span_id())},
             {"name", span.name()},
             {"kind", static_cast<int>(span.kind())},
             {"startTimeUnixNano", std::to_string(span.start_time_unix_nano())},
             {"endTimeUnixNano", std::to_string(span.end_time_unix_nano())}};
    if (!span.parent_span_id().empty())
        out["parentSpanId"] = hex(span.parent_span_id());
    if (!span.trace_state().empty())
        out["traceState"] = span.trace_state();
    if (span.flags() != 0)
        out["flags"] = span.flags();
    if (span.attributes_size() > 0)
        out["attributes"] = keyValuesJson(span.attributes());
    if (span.events_size() > 0) {
        json events = json::array();
        for (const otlp::Span::Event& event : span.events()) {
            json e{{"timeUnixNano", std::to_string(event.time_unix_nano())}, {"name", event.name()}};
            if (event.attributes_size() > 0)
                e["attributes"] = keyValuesJson(event.attributes());
            events.push_back(std::move(e));
        }
        out["events"] = std::move(events);
    }
    if (span.links_size() > 0) {
        json links = json::array();
        for (const otlp::Span::Link& link : span.links()) {
            json l{{"traceId", hex(link.trace_id())}, {"spanId", hex(link.span_id())}};
            if (link.attributes_size() > 0)
                l["attributes"] = keyValuesJson(link.attributes());
            links.push_back(std::move(l));
        }
        out["links"] = std::move(links);
    }
    if (span.has_status()) {
        json status{{"code", static_cast<int>(span.status().code())}};
        if (!span.status().message().empty())
            status["message"] = span.status().message();
        out["status"] = std::move(status);
    }
    return out;
}

void appendRequest(const otlp::ExportTraceServiceRequest& request, json& resourceSpans, std::size_t& spans)
{
    for (const otlp::ResourceSpans& rs : request.resource_spans()) {
        json resource{{"attributes", keyValuesJson(rs.resource().attributes())}};
        json scopes = json::array();
        for (const otlp::ScopeSpans& ss : rs.scope_spans()) {
            json scope{{"name", ss.scope().name()}};
            if (!ss.scope().version().empty())
                scope["version"] = ss.scope().version();
            json list = json::array();
            for (const otlp::Span& span : ss.spans())
                list.push_back(spanJson(span));
            spans += static_cast<std::size_t>(ss.spans_size());
            scopes.push_back(json{{"scope", std::move(scope)}, {"spans", std::move(list)}});
        }
        resourceSpans.push_back(json{{"resource", std::move(resource)}, {"scopeSpans", std::move(scopes)}});
    }
}

// Straight into the model: the same fields OTLP/JSON's reader gives OtlpResourceReader, with
// attribute values spelt as it spells them (64-bit integers in decimal, doubles as JSON prints
// them, bytes in base64, lists as "[a, b]" and "{k: v}"). Values nested deeper than a record
// may be (LoadLimits::maxValueNesting) are cut off with the JSON readers' marker.
std::string anyValueText(const otlp::AnyValue& value, int depth);

std::string listText(const google::protobuf::RepeatedPtrField<otlp::AnyValue>& values, int depth)
{
    std::string out = "[";
    for (const otlp::AnyValue& item : values)
        out += (out.size() > 1 ? ", " : "") + anyValueText(item, depth + 1);
    return out + "]";
}

std::string keyedListText(const google::protobuf::RepeatedPtrField<otlp::KeyValue>& values, int depth)
{
    std::string out = "{";
    for (const otlp::KeyValue& kv : values)
        out += (out.size() > 1 ? ", " : "") + kv.key() + ": " + anyValueText(kv.value(), depth + 1);
    return out + "}";
}

std::string anyValueText(const otlp::AnyValue& value, int depth)
{
    if (depth > LoadLimits().maxValueNesting)
        return TruncatedValueMarker;
    switch (value.value_case()) {
    case otlp::AnyValue::kStringValue: return value.string_value();
    case otlp::AnyValue::kBoolValue: return value.bool_value() ? "true" : "false";
    case otlp::AnyValue::kIntValue: return std::to_string(value.int_value());
    case otlp::AnyValue::kDoubleValue:
        // JSON has no NaN or infinity: nlohmann writes null, which reads as no text.
        return std::isfinite(value.double_value()) ? json(value.double_value()).dump() : std::string();
    case otlp::AnyValue::kArrayValue: return listText(value.array_value().values(), depth);
    case otlp::AnyValue::kKvlistValue: return keyedListText(value.kvlist_value().values(), depth);
    case otlp::AnyValue::kBytesValue: {
        const std::string& b = value.bytes_value();
        return QByteArray::fromRawData(b.data(), static_cast<qsizetype>(b.size())).toBase64().toStdString();
    }
    case otlp::AnyValue::VALUE_NOT_SET: break;
    }
    return {};
}

KeyValues keyValues(const google::protobuf::RepeatedPtrField<otlp::KeyValue>& list)
{
    KeyValues out;
    out.reserve(static_cast<std::size_t>(list.size()));
    for (const otlp::KeyValue& kv : list)
        out.emplace_back(kv.key(), anyValueText(kv.value(), 0));
    return out;
}

// Unix ns as the JSON reader takes them: beyond a signed 64-bit number there is no time.
std::optional<std::int64_t> unixNanos(std::uint64_t ns)
{
    if (ns > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return std::nullopt;
    return static_cast<std::int64_t>(ns);
}

void spanFields(const otlp::Span& span, OtlpSpanFields& f)
{
    f.clear();
    f.traceId = hex(span.trace_id());
    f.spanId = hex(span.span_id());
    f.parentSpanId = hex(span.parent_span_id());
    f.name = span.name();
    const int kind = static_cast<int>(span.kind());
    f.kind = kind >= 1 && kind <= 5 ? static_cast<SpanKind>(kind) : SpanKind::Unspecified;
    if (span.has_status()) {
        const int code = static_cast<int>(span.status().code());
        f.status = code == 2 ? SpanStatus::Error : code == 1 ? SpanStatus::Ok : SpanStatus::Unset;
        if (!span.status().message().empty())
            f.statusMessage = span.status().message();
    }
    f.start = unixNanos(span.start_time_unix_nano());
    f.end = unixNanos(span.end_time_unix_nano());
    f.attributes = keyValues(span.attributes());
    for (const otlp::Span::Event& event : span.events())
        f.events.push_back({unixNanos(event.time_unix_nano()), event.name(), keyValues(event.attributes())});
    for (const otlp::Span::Link& link : span.links())
        f.links.emplace_back(hex(link.trace_id()), hex(link.span_id()));
}

// One request's spans into the reader; false when the span limit or Cancel stopped it.
bool readRequest(const otlp::ExportTraceServiceRequest& request, OtlpResourceReader& reader, const TraceGroups& groups,
                 SpanLimit& limit, const LoadControl* control)
{
    OtlpSpanFields fields;
    std::int64_t read = 0;
    for (const otlp::ResourceSpans& rs : request.resource_spans()) {
        const OtlpResource resource = reader.readResource(keyValues(rs.resource().attributes()));
        for (const otlp::ScopeSpans& ss : rs.scope_spans()) {
            for (const otlp::Span& span : ss.spans()) {
                spanFields(span, fields);
                reader.readSpan(fields, resource, ss.scope().name());
                if (!limit.allows(groups.spanCount()))
                    return false;
                if ((++read & 0x3fff) == 0 && control && control->cancelled())
                    return false;
            }
        }
    }
    return true;
}

// Message boundaries of a length-delimited stream, or nothing when the prefixes do not
// chain exactly to the end of the data.
std::optional<std::vector<std::string_view>> splitVarintDelimited(std::string_view bytes)
{
    std::vector<std::string_view> messages;
    std::size_t at = 0;
    while (at < bytes.size()) {
        std::uint64_t length = 0;
        if (protowire::readVarint(bytes, at, length) != protowire::Problem::None)
            return std::nullopt;
        if (length == 0 || length > bytes.size() - at)
            return std::nullopt;
        messages.push_back(bytes.substr(at, length));
        at += length;
    }
    return messages;
}

std::optional<std::vector<std::string_view>> splitBigEndianDelimited(std::string_view bytes)
{
    std::vector<std::string_view> messages;
    std::size_t at = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < 4)
            return std::nullopt;
        const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])); };
        const std::uint32_t length = b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
        at += 4;
        if (length == 0 || length > bytes.size() - at)
            return std::nullopt;
        messages.push_back(bytes.substr(at, length));
        at += length;
    }
    return messages;
}

bool parseAll(const std::vector<std::string_view>& parts, json& resourceSpans, std::size_t& spans)
{
    otlp::ExportTraceServiceRequest request;
    for (const std::string_view part : parts) {
        if (part.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            return false;
        if (!request.ParseFromArray(part.data(), static_cast<int>(part.size())))
            return false;
        appendRequest(request, resourceSpans, spans);
    }
    return true;
}

} // namespace

OtlpProtobufDocument decodeOtlpProtobufMessage(std::string_view bytes)
{
    OtlpProtobufDocument result;
    json resourceSpans = json::array();
    std::size_t spans = 0;
    if (!parseAll({bytes}, resourceSpans, spans)) {
        result.problem = QCoreApplication::translate("Importer", "the body is not a valid OTLP protobuf ExportTraceServiceRequest "
                                                                 "(truncated, or not protobuf)");
        return result;
    }
    result.ok = true;
    result.spans = spans;
    result.document = json{{"resourceSpans", std::move(resourceSpans)}};
    return result;
}

ImportResult importOtlpProtobuf(std::string_view bytes, const QString& sourceFile, const LoadControl* control)
{
    ImportResult result;
    result.parser = ParserPath::Bulk;
    if (bytes.empty()) {
        result.problem = QCoreApplication::translate("Importer", "the protobuf data is empty");
        return result;
    }
    // Framed streams first: a plain message would take a length prefix for an unknown field
    // and "succeed" with nothing in it.
    std::vector<std::vector<std::string_view>> framings;
    if (auto parts = splitBigEndianDelimited(bytes))
        framings.push_back(std::move(*parts));
    if (auto parts = splitVarintDelimited(bytes); parts && parts->size() > 1)
        framings.push_back(std::move(*parts));
    framings.push_back({bytes});
    otlp::ExportTraceServiceRequest request;
    for (const auto& parts : framings) {
        // Each framing is tried on its own model; the first whose every message parses and
        // that holds spans is the file's.
        TraceGroups groups(TraceFormat::Otlp, sourceFile, control);
        ProblemTally problems;
        OtlpResourceReader reader(groups, problems);
        SpanLimit limit(control);
        bool parsed = true;
        bool stopped = false;
        for (const std::string_view part : parts) {
            if (part.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())
                || !request.ParseFromArray(part.data(), static_cast<int>(part.size()))) {
                parsed = false;
                break;
            }
            if (!readRequest(request, reader, groups, limit, control)) {
                stopped = true;
                break;
            }
        }
        if (limit.reportIfExceeded(result))
            return result;
        if (stopped) {
            result.cancelled = true;
            return result;
        }
        if (!parsed || groups.spanCount() == 0) {
            limit.withdraw();
            continue;
        }
        if (const int messages = static_cast<int>(parts.size()); messages > 1)
            groups.addFileDiagnostic(Diagnostic::Severity::Info,
                                     QCoreApplication::translate("Importer", "read as a stream of %n length-delimited protobuf message(s)",
                                                                 nullptr, messages));
        finishGroups(groups, problems, 0, QString(), result);
        return result;
    }
    result.problem = QCoreApplication::translate(
        "Importer", "not an OTLP protobuf trace message (ExportTraceServiceRequest or TracesData), or it is truncated");
    return result;
}

std::string otlpExportResponseProtobuf(std::int64_t rejectedSpans, const std::string& errorMessage)
{
    otlp::ExportTraceServiceResponse response;
    if (rejectedSpans > 0 || !errorMessage.empty()) {
        response.mutable_partial_success()->set_rejected_spans(rejectedSpans);
        response.mutable_partial_success()->set_error_message(errorMessage);
    }
    return response.SerializeAsString();
}

std::string otlpErrorStatusProtobuf(int code, const std::string& message)
{
    otlp::RpcStatus status;
    status.set_code(code);
    status.set_message(message);
    return status.SerializeAsString();
}

} // namespace tracedelta
