// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlpimporter.h"

#include "jsonvalues.h"
#include "../util/timearithmetic.h"

#include <QByteArray>
#include <QCoreApplication>

#include <algorithm>
#include <cctype>

namespace tracedelta {

namespace {

using json::member;

bool isHex(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c); });
}

// AnyValue → display text: {"stringValue":"x"} → x, arrays and kvlists as JSON-like text.
std::string anyValueText(const nlohmann::json& value)
{
    if (!value.is_object())
        return json::text(value);
    if (const auto* v = member(value, "stringValue"))
        return json::text(v);
    if (const auto* v = member(value, "intValue"))
        return json::text(v);
    if (const auto* v = member(value, "doubleValue"))
        return json::text(v);
    if (const auto* v = member(value, "boolValue"))
        return json::text(v);
    if (const auto* v = member(value, "bytesValue"))
        return json::text(v);
    if (const auto* v = member(value, "arrayValue")) {
        std::string out = "[";
        if (const auto* values = member(*v, "values"); values && values->is_array()) {
            for (const auto& item : *values)
                out += (out.size() > 1 ? ", " : "") + anyValueText(item);
        }
        return out + "]";
    }
    if (const auto* v = member(value, "kvlistValue")) {
        std::string out = "{";
        if (const auto* values = member(*v, "values"); values && values->is_array()) {
            for (const auto& kv : *values) {
                out += (out.size() > 1 ? ", " : "") + json::text(member(kv, "key")) + ": ";
                if (const auto* inner = member(kv, "value"))
                    out += anyValueText(*inner);
            }
        }
        return out + "}";
    }
    return {};
}

std::vector<std::pair<std::string, std::string>> keyValues(const nlohmann::json* list)
{
    std::vector<std::pair<std::string, std::string>> result;
    if (!list || !list->is_array())
        return result;
    for (const auto& kv : *list) {
        const auto* value = member(kv, "value");
        result.emplace_back(json::text(member(kv, "key")), value ? anyValueText(*value) : std::string());
    }
    return result;
}

SpanKind kindFromOtlp(const nlohmann::json* kind)
{
    if (!kind)
        return SpanKind::Unspecified;
    if (kind->is_number_integer()) {
        const int k = kind->get<int>();
        return k >= 1 && k <= 5 ? static_cast<SpanKind>(k) : SpanKind::Unspecified;
    }
    const std::string name = json::text(kind);
    static const std::pair<const char*, SpanKind> names[] = {
        {"SPAN_KIND_INTERNAL", SpanKind::Internal}, {"SPAN_KIND_SERVER", SpanKind::Server},
        {"SPAN_KIND_CLIENT", SpanKind::Client},     {"SPAN_KIND_PRODUCER", SpanKind::Producer},
        {"SPAN_KIND_CONSUMER", SpanKind::Consumer},
    };
    for (const auto& [text, value] : names) {
        if (name == text)
            return value;
    }
    return SpanKind::Unspecified;
}

SpanStatus statusFromOtlp(const nlohmann::json* status)
{
    const auto* code = status ? member(*status, "code") : nullptr;
    if (!code)
        return SpanStatus::Unset;
    if (code->is_number_integer())
        return code->get<int>() == 2 ? SpanStatus::Error : code->get<int>() == 1 ? SpanStatus::Ok : SpanStatus::Unset;
    const std::string name = json::text(code);
    return name == "STATUS_CODE_ERROR" ? SpanStatus::Error : name == "STATUS_CODE_OK" ? SpanStatus::Ok : SpanStatus::Unset;
}

class OtlpResourceReader
{
public:
    OtlpResourceReader(TraceGroups& groups, ProblemTally& problems)
        : m_groups(groups)
        , m_problems(problems)
    {
    }

    void readResourceSpans(const nlohmann::json& resourceSpans)
    {
        const auto* resource = member(resourceSpans, "resource");
        auto resourceAttributes = keyValues(resource ? member(*resource, "attributes") : nullptr);
        std::string service;
        for (const auto& [key, value] : resourceAttributes) {
            if (key == "service.name")
                service = value;
        }
        if (service.empty()) {
            service = "unknown_service";
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer",
                                             "%n resource(s) have no service.name attribute; their spans are shown as "
                                             "unknown_service"));
        }
        for (const char* scopeKey : {"scopeSpans", "instrumentationLibrarySpans"}) {
            const auto* scopes = member(resourceSpans, scopeKey);
            if (!scopes || !scopes->is_array())
                continue;
            for (const auto& scope : *scopes) {
                const auto* scopeInfo = member(scope, "scope");
                if (!scopeInfo)
                    scopeInfo = member(scope, "instrumentationLibrary");
                const std::string scopeName = scopeInfo ? json::text(member(*scopeInfo, "name")) : std::string();
                const auto* spans = member(scope, "spans");
                if (!spans || !spans->is_array())
                    continue;
                for (const auto& span : *spans)
                    readSpan(span, service, scopeName, resourceAttributes);
            }
        }
    }

private:
    void readSpan(const nlohmann::json& span, const std::string& service, const std::string& scopeName,
                  const std::vector<std::pair<std::string, std::string>>& resourceAttributes)
    {
        if (!span.is_object()) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span entr(y/ies) that are not JSON objects were skipped"));
            return;
        }
        TraceBuilder& builder = m_groups.builderFor(otlpIdToHex(json::text(member(span, "traceId"))));
        SpanDraft draft;
        draft.spanId = builder.internSpanId(otlpIdToHex(json::text(member(span, "spanId"))));
        draft.parentSpanId = builder.internSpanId(otlpIdToHex(json::text(member(span, "parentSpanId"))));
        draft.name = builder.intern(json::text(member(span, "name")));
        draft.service = builder.intern(service);
        draft.kind = kindFromOtlp(member(span, "kind"));
        draft.status = statusFromOtlp(member(span, "status"));
        const auto start = json::integer(member(span, "startTimeUnixNano"));
        const auto end = json::integer(member(span, "endTimeUnixNano"));
        if (!start || !end)
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer",
                                             "%n span(s) lack a readable startTimeUnixNano or endTimeUnixNano"));
        draft.startNs = start.value_or(end.value_or(0));
        draft.durationNs = timemath::sub(end.value_or(draft.startNs), draft.startNs);
        builder.addSpan(draft);

        for (const auto& [key, value] : keyValues(member(span, "attributes")))
            builder.addAttribute(key, value);
        if (const auto* status = member(span, "status"); status && member(*status, "message"))
            builder.addAttribute("otel.status_description", json::text(member(*status, "message")));
        if (!scopeName.empty())
            builder.addAttribute("otel.scope.name", scopeName);
        for (const auto& [key, value] : resourceAttributes)
            builder.addAttribute("resource." + key, value);
        if (const auto* events = member(span, "events"); events && events->is_array()) {
            for (const auto& event : *events) {
                builder.addEvent(json::integer(member(event, "timeUnixNano")).value_or(draft.startNs),
                                 json::text(member(event, "name")));
                for (const auto& [key, value] : keyValues(member(event, "attributes")))
                    builder.addEventAttribute(key, value);
            }
        }
        if (const auto* links = member(span, "links"); links && links->is_array()) {
            for (const auto& link : *links)
                builder.addReference(ReferenceType::Link, otlpIdToHex(json::text(member(link, "traceId"))),
                                     otlpIdToHex(json::text(member(link, "spanId"))));
        }
    }

    TraceGroups& m_groups;
    ProblemTally& m_problems;
};

bool readDocument(std::string_view text, OtlpResourceReader& reader, const LoadControl* control,
                  JsonRecordReader::Result& read, int& skippedSignals, SpanLimit& limit, const TraceGroups& groups)
{
    using Visit = JsonRecordReader::Visit;
    const auto isResource = [&](const JsonPath& path, JsonValueKind) {
        if (path.size() == 1 && (path[0] == "resourceLogs" || path[0] == "resourceMetrics")) {
            ++skippedSignals;
            return Visit::Skip;
        }
        if (path.size() == 2 && (path[0] == "resourceSpans" || path[0] == "batches"))
            return Visit::Capture;
        return Visit::Skip;
    };
    const auto onResource = [&](nlohmann::json&& resource, const JsonPath&) {
        reader.readResourceSpans(resource);
        return limit.allows(groups.spanCount());
    };
    const int truncatedBefore = read.truncatedValues;
    read = JsonRecordReader().read(text, isResource, onResource, control);
    read.truncatedValues += truncatedBefore;
    return read.ok && !read.stopped;
}

} // namespace

std::string otlpIdToHex(const std::string& id)
{
    if (id.empty() || ((id.size() == 16 || id.size() == 32) && isHex(id))) {
        std::string lower = id;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        return lower;
    }
    const QByteArray decoded = QByteArray::fromBase64(QByteArray::fromStdString(id));
    if (decoded.size() == 8 || decoded.size() == 16)
        return decoded.toHex().toStdString();
    return id;
}

ImportResult importOtlp(std::string_view text, const QString& sourceFile, const LoadControl* control)
{
    ImportResult result;
    TraceGroups groups(TraceFormat::Otlp, sourceFile, control);
    ProblemTally problems;
    OtlpResourceReader reader(groups, problems);
    int skippedSignals = 0;
    JsonRecordReader::Result read;
    SpanLimit limit(control);
    if (!readDocument(text, reader, control, read, skippedSignals, limit, groups) && read.rootCompleted && !read.cancelled
        && !read.stopped && !read.outOfMemory) {
        // A complete document followed by more: JSON Lines, as the collector's file exporter writes.
        const int truncatedFirstLine = read.truncatedValues;
        read = JsonRecordReader::Result(); // the first line was read above
        read.truncatedValues = truncatedFirstLine;
        std::size_t lineStart = 0;
        int lineNumber = 0;
        while (lineStart < text.size()) {
            const std::size_t lineEnd = std::min(text.find('\n', lineStart), text.size());
            const std::string_view line = text.substr(lineStart, lineEnd - lineStart);
            ++lineNumber;
            if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
                if (lineNumber > 1 && !readDocument(line, reader, control, read, skippedSignals, limit, groups)) {
                    read.errorOffset += lineStart;
                    break;
                }
            }
            lineStart = lineEnd + 1;
        }
        if (read.ok)
            groups.addFileDiagnostic(Diagnostic::Severity::Info,
                                     QCoreApplication::translate("Importer", "read as JSON Lines (%n line(s))", nullptr,
                                                                 lineNumber));
    }
    if (limit.reportIfExceeded(result) || failedRead(read, result, groups.spanCount()))
        return result;
    reportReaderNotes(read, groups);
    if (skippedSignals > 0)
        groups.addFileDiagnostic(Diagnostic::Severity::Info,
                                 QCoreApplication::translate("Importer", "%n log or metric block(s) skipped", nullptr,
                                                             skippedSignals));
    if (groups.empty()) {
        result.problem = QCoreApplication::translate("Importer", "the OTLP document holds no spans");
        return result;
    }
    problems.reportTo(groups);
    groups.buildInto(result);
    return result;
}

} // namespace tracedelta
