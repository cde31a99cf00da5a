// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlpprotobuf.h"

#include "otlpimporter.h"
#include "io/proto/otlp_trace.pb.h" // generated from core/io/proto/otlp_trace.proto

#include <QByteArray>
#include <QCoreApplication>

#include <google/protobuf/io/coded_stream.h>

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

// Message boundaries of a length-delimited stream, or nothing when the prefixes do not
// chain exactly to the end of the data.
std::optional<std::vector<std::string_view>> splitVarintDelimited(std::string_view bytes)
{
    std::vector<std::string_view> messages;
    std::size_t at = 0;
    while (at < bytes.size()) {
        std::uint64_t length = 0;
        int shift = 0;
        for (;;) {
            if (at >= bytes.size() || shift > 35)
                return std::nullopt;
            const auto byte = static_cast<unsigned char>(bytes[at++]);
            length |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            shift += 7;
            if ((byte & 0x80) == 0)
                break;
        }
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

OtlpProtobufDocument decodeOtlpProtobuf(std::string_view bytes)
{
    OtlpProtobufDocument result;
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
    for (const auto& parts : framings) {
        json resourceSpans = json::array();
        std::size_t spans = 0;
        if (!parseAll(parts, resourceSpans, spans) || spans == 0)
            continue;
        result.ok = true;
        result.messages = parts.size();
        result.spans = spans;
        result.document = json{{"resourceSpans", std::move(resourceSpans)}};
        return result;
    }
    result.problem = QCoreApplication::translate(
        "Importer", "not an OTLP protobuf trace message (ExportTraceServiceRequest or TracesData), or it is truncated");
    return result;
}

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
    result.messages = 1;
    result.spans = spans;
    result.document = json{{"resourceSpans", std::move(resourceSpans)}};
    return result;
}

ImportResult importOtlpProtobuf(std::string_view bytes, const QString& sourceFile, const LoadControl* control)
{
    OtlpProtobufDocument decoded = decodeOtlpProtobuf(bytes);
    if (!decoded.ok) {
        ImportResult result;
        result.problem = decoded.problem;
        return result;
    }
    const std::string text = decoded.document.dump();
    decoded.document = json();
    return importOtlp(text, sourceFile, control);
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
