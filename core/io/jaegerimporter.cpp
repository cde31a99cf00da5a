// SPDX-License-Identifier: GPL-3.0-or-later
#include "jaegerimporter.h"

#include "jsonvalues.h"

#include <QCoreApplication>

#include <unordered_map>

namespace tracedelta {

namespace {

using json::member;
using Severity = Diagnostic::Severity;

struct Process
{
    std::string service;
    std::vector<std::pair<std::string, std::string>> tags;
};

Process readProcess(const nlohmann::json& value)
{
    Process process;
    process.service = json::text(member(value, "serviceName"));
    if (const auto* tags = member(value, "tags"); tags && tags->is_array()) {
        for (const auto& tag : *tags)
            process.tags.emplace_back("process." + json::text(member(tag, "key")), json::text(member(tag, "value")));
    }
    return process;
}

SpanKind kindFromTag(const std::string& value)
{
    if (value == "server")
        return SpanKind::Server;
    if (value == "client")
        return SpanKind::Client;
    if (value == "producer")
        return SpanKind::Producer;
    if (value == "consumer")
        return SpanKind::Consumer;
    if (value == "internal")
        return SpanKind::Internal;
    return SpanKind::Unspecified;
}

class JaegerTraceReader
{
public:
    JaegerTraceReader(TraceGroups& groups, ProblemTally& problems)
        : m_groups(groups)
        , m_problems(problems)
    {
    }

    void readTrace(const nlohmann::json& trace)
    {
        std::unordered_map<std::string, Process> processes;
        if (const auto* map = member(trace, "processes"); map && map->is_object()) {
            for (const auto& [key, value] : map->items())
                processes.emplace(key, readProcess(value));
        }
        const auto* spans = member(trace, "spans");
        if (!spans || !spans->is_array()) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n trace object(s) without a \"spans\" array were skipped"));
            return;
        }
        const std::string traceId = json::text(member(trace, "traceID"));
        for (const auto& span : *spans)
            readSpan(span, traceId, processes);
    }

private:
    void readSpan(const nlohmann::json& span, const std::string& fallbackTraceId,
                  const std::unordered_map<std::string, Process>& processes)
    {
        if (!span.is_object()) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span entr(y/ies) that are not JSON objects were skipped"));
            return;
        }
        std::string traceId = json::text(member(span, "traceID"));
        if (traceId.empty())
            traceId = fallbackTraceId;
        TraceBuilder& builder = m_groups.builderFor(traceId);

        SpanDraft draft;
        draft.spanId = builder.intern(json::text(member(span, "spanID")));
        draft.name = builder.intern(json::text(member(span, "operationName")));
        const auto start = json::microsToNanos(member(span, "startTime"));
        const auto duration = json::microsToNanos(member(span, "duration"));
        if (!start)
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no readable startTime; placed at time 0"));
        if (!duration)
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no readable duration; shown with zero length"));
        draft.startNs = start.value_or(0);
        draft.durationNs = duration.value_or(0);

        const Process* process = nullptr;
        Process inlineProcess;
        if (const auto* inlined = member(span, "process"); inlined && inlined->is_object()) {
            inlineProcess = readProcess(*inlined);
            process = &inlineProcess;
        } else if (const auto found = processes.find(json::text(member(span, "processID"))); found != processes.end()) {
            process = &found->second;
        }
        std::string service = process ? process->service : std::string();
        if (service.empty()) {
            service = "unknown_service";
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no service name; shown as unknown_service"));
        }
        draft.service = builder.intern(service);

        std::vector<std::pair<std::string, std::string>> tags;
        if (const auto* list = member(span, "tags"); list && list->is_array()) {
            for (const auto& tag : *list) {
                std::string key = json::text(member(tag, "key"));
                std::string value = json::text(member(tag, "value"));
                if (key == "span.kind")
                    draft.kind = kindFromTag(value);
                if ((key == "error" && value == "true") || (key == "otel.status_code" && value == "ERROR"))
                    draft.status = SpanStatus::Error;
                tags.emplace_back(std::move(key), std::move(value));
            }
        }

        // The first CHILD_OF in the same trace is the parent; a span linked only by
        // FOLLOWS_FROM still belongs under that span (jaeger-ui does the same).
        struct Ref
        {
            ReferenceType type;
            std::string traceId;
            std::string spanId;
        };
        std::vector<Ref> refs;
        if (const auto* list = member(span, "references"); list && list->is_array()) {
            for (const auto& ref : *list) {
                const std::string type = json::text(member(ref, "refType"));
                refs.push_back({type == "FOLLOWS_FROM" ? ReferenceType::FollowsFrom : ReferenceType::ChildOf,
                                json::text(member(ref, "traceID")), json::text(member(ref, "spanID"))});
            }
        }
        int parentRef = -1;
        for (ReferenceType wanted : {ReferenceType::ChildOf, ReferenceType::FollowsFrom}) {
            for (int r = 0; r < static_cast<int>(refs.size()) && parentRef < 0; ++r) {
                if (refs[r].type == wanted && (refs[r].traceId.empty() || refs[r].traceId == traceId))
                    parentRef = r;
            }
        }
        if (parentRef >= 0)
            draft.parentSpanId = builder.intern(refs[parentRef].spanId);
        else if (const auto* legacy = member(span, "parentSpanID"))
            draft.parentSpanId = builder.intern(json::text(legacy));
        if (draft.parentSpanId != 0 && builder.intern("0") == draft.parentSpanId)
            draft.parentSpanId = 0; // some exporters write "0" for "no parent"

        builder.addSpan(draft);
        for (const auto& [key, value] : tags)
            builder.addAttribute(key, value);
        if (process) {
            for (const auto& [key, value] : process->tags)
                builder.addAttribute(key, value);
        }
        for (int r = 0; r < static_cast<int>(refs.size()); ++r) {
            if (r != parentRef)
                builder.addReference(refs[r].type, refs[r].traceId, refs[r].spanId);
        }
        if (const auto* logs = member(span, "logs"); logs && logs->is_array()) {
            for (const auto& log : *logs) {
                const auto time = json::microsToNanos(member(log, "timestamp"));
                std::string name = "log";
                const auto* fields = member(log, "fields");
                if (fields && fields->is_array()) {
                    for (const auto& field : *fields) {
                        const std::string key = json::text(member(field, "key"));
                        if (key == "event" || key == "message") {
                            name = json::text(member(field, "value"));
                            break;
                        }
                    }
                }
                builder.addEvent(time.value_or(draft.startNs), name);
                if (fields && fields->is_array()) {
                    for (const auto& field : *fields)
                        builder.addEventAttribute(json::text(member(field, "key")), json::text(member(field, "value")));
                }
            }
        }
        if (const auto* warnings = member(span, "warnings"); warnings && warnings->is_array() && !warnings->empty())
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) carry warnings from the Jaeger backend"),
                           Severity::Info);
    }

    TraceGroups& m_groups;
    ProblemTally& m_problems;
};

} // namespace

ImportResult importJaeger(std::string_view text, DocumentShape shape, const QString& sourceFile,
                          const LoadControl* control)
{
    ImportResult result;
    TraceGroups groups(TraceFormat::Jaeger, sourceFile);
    ProblemTally problems;
    JaegerTraceReader reader(groups, problems);
    using Visit = JsonRecordReader::Visit;
    const auto isTrace = [shape](const JsonPath& path, JsonValueKind kind) {
        if (shape == DocumentShape::JaegerBareTrace)
            return path.empty() ? Visit::Capture : Visit::Skip;
        if (path.size() == 1 && path[0] == "data")
            return kind == JsonValueKind::Object ? Visit::Capture : Visit::Skip;
        if (path.size() == 2 && path[0] == "data" && path[1] == "[]")
            return Visit::Capture;
        return Visit::Skip;
    };
    SpanLimit limit(control);
    const auto onTrace = [&](nlohmann::json&& trace, const JsonPath&) {
        reader.readTrace(trace);
        return limit.allows(groups.spanCount());
    };
    const JsonRecordReader::Result read = JsonRecordReader().read(text, isTrace, onTrace, control);
    if (limit.reportIfExceeded(result) || failedRead(read, result, groups.spanCount()))
        return result;
    reportReaderNotes(read, groups);
    if (groups.empty()) {
        result.problem = QCoreApplication::translate("Importer", "the Jaeger document holds no traces");
        return result;
    }
    problems.reportTo(groups);
    result.traces = groups.build();
    return result;
}

} // namespace tracedelta
