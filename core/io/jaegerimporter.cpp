// SPDX-License-Identifier: GPL-3.0-or-later
#include "jaegerimporter.h"

#include "jsonvalues.h"

#include <QCoreApplication>

#include <optional>
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

// One span's fields as the file gives them, before its process is known (Jaeger writes
// "processes" after "spans"): both parsers fill these, one emitter turns them into the model.
struct PendingSpan
{
    struct Ref
    {
        ReferenceType type = ReferenceType::ChildOf;
        std::string traceId;
        std::string spanId;
    };
    struct Log
    {
        std::optional<std::int64_t> time;
        std::vector<std::pair<std::string, std::string>> fields;
    };

    bool isObject = true;
    std::string traceId;
    std::string spanId;
    std::string name;
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> duration;
    std::optional<Process> inlineProcess;
    std::string processId;
    std::vector<std::pair<std::string, std::string>> tags;
    std::vector<Ref> refs;
    std::optional<std::string> legacyParent;
    std::vector<Log> logs;
    bool hasWarnings = false;
};

PendingSpan pendingFromJson(const nlohmann::json& span)
{
    PendingSpan p;
    if (!span.is_object()) {
        p.isObject = false;
        return p;
    }
    p.traceId = json::text(member(span, "traceID"));
    p.spanId = json::text(member(span, "spanID"));
    p.name = json::text(member(span, "operationName"));
    p.start = json::microsToNanos(member(span, "startTime"));
    p.duration = json::microsToNanos(member(span, "duration"));
    if (const auto* inlined = member(span, "process"); inlined && inlined->is_object())
        p.inlineProcess = readProcess(*inlined);
    else
        p.processId = json::text(member(span, "processID"));
    if (const auto* list = member(span, "tags"); list && list->is_array()) {
        for (const auto& tag : *list)
            p.tags.emplace_back(json::text(member(tag, "key")), json::text(member(tag, "value")));
    }
    if (const auto* list = member(span, "references"); list && list->is_array()) {
        for (const auto& ref : *list) {
            const std::string type = json::text(member(ref, "refType"));
            p.refs.push_back({type == "FOLLOWS_FROM" ? ReferenceType::FollowsFrom : ReferenceType::ChildOf,
                              json::text(member(ref, "traceID")), json::text(member(ref, "spanID"))});
        }
    }
    if (const auto* legacy = member(span, "parentSpanID"))
        p.legacyParent = json::text(legacy);
    if (const auto* logs = member(span, "logs"); logs && logs->is_array()) {
        for (const auto& log : *logs) {
            PendingSpan::Log l;
            l.time = json::microsToNanos(member(log, "timestamp"));
            if (const auto* fields = member(log, "fields"); fields && fields->is_array()) {
                for (const auto& field : *fields)
                    l.fields.emplace_back(json::text(member(field, "key")), json::text(member(field, "value")));
            }
            p.logs.push_back(std::move(l));
        }
    }
    const auto* warnings = member(span, "warnings");
    p.hasWarnings = warnings && warnings->is_array() && !warnings->empty();
    return p;
}

class JaegerTraceReader
{
public:
    JaegerTraceReader(TraceGroups& groups, ProblemTally& problems)
        : m_groups(groups)
        , m_problems(problems)
    {
    }

    // The robust path: a whole trace object as one nlohmann value.
    void readTrace(const nlohmann::json& trace)
    {
        std::unordered_map<std::string, Process> processes;
        if (const auto* map = member(trace, "processes"); map && map->is_object()) {
            for (const auto& [key, value] : map->items())
                processes.emplace(key, readProcess(value));
        }
        const auto* spans = member(trace, "spans");
        if (!spans || !spans->is_array()) {
            noSpans();
            return;
        }
        const std::string traceId = json::text(member(trace, "traceID"));
        for (const auto& span : *spans)
            emitSpan(pendingFromJson(span), traceId, processes);
    }

    void noSpans()
    {
        m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n trace object(s) without a \"spans\" array were skipped"));
    }

    void emitSpan(const PendingSpan& span, const std::string& fallbackTraceId,
                  const std::unordered_map<std::string, Process>& processes)
    {
        if (!span.isObject) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span entr(y/ies) that are not JSON objects were skipped"));
            return;
        }
        const std::string& traceId = span.traceId.empty() ? fallbackTraceId : span.traceId;
        TraceBuilder& builder = m_groups.builderFor(traceId);

        SpanDraft draft;
        draft.spanId = builder.intern(span.spanId);
        draft.name = builder.intern(span.name);
        if (!span.start)
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no readable startTime; placed at time 0"));
        if (!span.duration)
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no readable duration; shown with zero length"));
        draft.startNs = span.start.value_or(0);
        draft.durationNs = span.duration.value_or(0);

        const Process* process = nullptr;
        if (span.inlineProcess)
            process = &*span.inlineProcess;
        else if (const auto found = processes.find(span.processId); found != processes.end())
            process = &found->second;
        if (process && !process->service.empty()) {
            draft.service = builder.intern(process->service);
        } else {
            draft.service = builder.intern("unknown_service");
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no service name; shown as unknown_service"));
        }
        for (const auto& [key, value] : span.tags) {
            if (key == "span.kind")
                draft.kind = kindFromTag(value);
            if ((key == "error" && value == "true") || (key == "otel.status_code" && value == "ERROR"))
                draft.status = SpanStatus::Error;
        }

        // The first CHILD_OF in the same trace is the parent; a span linked only by
        // FOLLOWS_FROM still belongs under that span (jaeger-ui does the same).
        const auto& refs = span.refs;
        int parentRef = -1;
        for (ReferenceType wanted : {ReferenceType::ChildOf, ReferenceType::FollowsFrom}) {
            for (int r = 0; r < static_cast<int>(refs.size()) && parentRef < 0; ++r) {
                if (refs[r].type == wanted && (refs[r].traceId.empty() || refs[r].traceId == traceId))
                    parentRef = r;
            }
        }
        if (parentRef >= 0)
            draft.parentSpanId = builder.intern(refs[parentRef].spanId);
        else if (span.legacyParent)
            draft.parentSpanId = builder.intern(*span.legacyParent);
        if (draft.parentSpanId != 0 && builder.intern("0") == draft.parentSpanId)
            draft.parentSpanId = 0; // some exporters write "0" for "no parent"

        builder.addSpan(draft);
        for (const auto& [key, value] : span.tags)
            builder.addAttribute(key, value);
        if (process) {
            for (const auto& [key, value] : process->tags)
                builder.addAttribute(key, value);
        }
        for (int r = 0; r < static_cast<int>(refs.size()); ++r) {
            if (r != parentRef)
                builder.addReference(refs[r].type, refs[r].traceId, refs[r].spanId);
        }
        for (const PendingSpan::Log& log : span.logs) {
            std::string name = "log";
            for (const auto& [key, value] : log.fields) {
                if (key == "event" || key == "message") {
                    name = value;
                    break;
                }
            }
            builder.addEvent(log.time.value_or(draft.startNs), name);
            for (const auto& [key, value] : log.fields)
                builder.addEventAttribute(key, value);
        }
        if (span.hasWarnings)
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) carry warnings from the Jaeger backend"), Severity::Info);
    }

private:
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
