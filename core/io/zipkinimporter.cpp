// SPDX-License-Identifier: GPL-3.0-or-later
#include "zipkinimporter.h"

#include "jsonvalues.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <limits>
#include <unordered_map>

namespace tracedelta {

namespace {

using json::member;

SpanKind kindFromZipkin(const std::string& kind)
{
    if (kind == "SERVER")
        return SpanKind::Server;
    if (kind == "CLIENT")
        return SpanKind::Client;
    if (kind == "PRODUCER")
        return SpanKind::Producer;
    if (kind == "CONSUMER")
        return SpanKind::Consumer;
    return SpanKind::Unspecified;
}

std::string normalisedId(std::string id)
{
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
    return id;
}

class ZipkinSpanReader
{
public:
    ZipkinSpanReader(TraceGroups& groups, ProblemTally& problems)
        : m_groups(groups)
        , m_problems(problems)
    {
    }

    void readSpan(const nlohmann::json& span)
    {
        if (!span.is_object()) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span entr(y/ies) that are not JSON objects were skipped"));
            return;
        }
        const std::string traceId = normalisedId(json::text(member(span, "traceId")));
        TraceBuilder& builder = m_groups.builderFor(traceId);

        SpanDraft draft;
        draft.spanId = builder.intern(normalisedId(json::text(member(span, "id"))));
        draft.parentSpanId = builder.intern(normalisedId(json::text(member(span, "parentId"))));
        draft.name = builder.intern(json::text(member(span, "name")));
        draft.kind = kindFromZipkin(json::text(member(span, "kind")));
        const auto* shared = member(span, "shared");
        draft.sharedServerHalf = shared && shared->is_boolean() && shared->get<bool>() && draft.kind == SpanKind::Server;

        std::string service = json::text(member(span, "localEndpoint") ? member(*member(span, "localEndpoint"), "serviceName") : nullptr);
        if (service.empty()) {
            service = "unknown_service";
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no service name; shown as unknown_service"));
        }
        draft.service = builder.intern(service);

        std::vector<std::pair<std::int64_t, std::string>> annotations;
        if (const auto* list = member(span, "annotations"); list && list->is_array()) {
            for (const auto& annotation : *list) {
                if (const auto time = json::microsToNanos(member(annotation, "timestamp")))
                    annotations.emplace_back(*time, json::text(member(annotation, "value")));
            }
        }
        const auto start = json::microsToNanos(member(span, "timestamp"));
        const auto duration = json::microsToNanos(member(span, "duration"));
        if (start) {
            draft.startNs = *start;
        } else if (!annotations.empty()) {
            draft.startNs = std::min_element(annotations.begin(), annotations.end())->first;
        } else {
            m_untimed.push_back({&builder, builder.draftCount()});
        }
        if (!duration)
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer",
                                             "%n span(s) have no duration (incomplete or one-way); shown with zero length"),
                           Diagnostic::Severity::Info);
        draft.durationNs = duration.value_or(0);

        std::vector<std::pair<std::string, std::string>> tags;
        if (const auto* map = member(span, "tags"); map && map->is_object()) {
            for (const auto& [key, value] : map->items()) {
                if (key == "error")
                    draft.status = SpanStatus::Error;
                tags.emplace_back(key, json::text(value));
            }
        }
        if (const auto* remote = member(span, "remoteEndpoint"); remote && remote->is_object()) {
            if (const auto* name = member(*remote, "serviceName"))
                tags.emplace_back("remoteEndpoint.serviceName", json::text(name));
        }
        builder.addSpan(draft);
        for (const auto& [key, value] : tags)
            builder.addAttribute(key, value);
        for (const auto& [time, value] : annotations)
            builder.addEvent(time, value);
    }

    // Spans without any time sit at their trace's start rather than at 1970.
    void placeUntimedSpans()
    {
        for (const auto& [builder, index] : m_untimed) {
            std::int64_t earliest = std::numeric_limits<std::int64_t>::max();
            for (SpanIndex i = 0; i < builder->draftCount(); ++i) {
                if (builder->draft(i).startNs != 0)
                    earliest = std::min(earliest, builder->draft(i).startNs);
            }
            builder->draft(index).startNs = earliest == std::numeric_limits<std::int64_t>::max() ? 0 : earliest;
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no timestamp; placed at the trace start"));
        }
    }

private:
    TraceGroups& m_groups;
    ProblemTally& m_problems;
    std::vector<std::pair<TraceBuilder*, SpanIndex>> m_untimed;
};

} // namespace

ImportResult importZipkin(std::string_view text, DocumentShape shape, const QString& sourceFile,
                          const LoadControl* control)
{
    ImportResult result;
    TraceGroups groups(TraceFormat::Zipkin, sourceFile);
    ProblemTally problems;
    ZipkinSpanReader reader(groups, problems);
    using Visit = JsonRecordReader::Visit;
    const auto isSpan = [shape](const JsonPath& path, JsonValueKind kind) {
        switch (shape) {
        case DocumentShape::ZipkinSingleSpan:
            return path.empty() ? Visit::Capture : Visit::Skip;
        case DocumentShape::ZipkinTraces:
            return path.size() == 2 ? Visit::Capture : Visit::Skip;
        default:
            return path.size() == 1 && kind != JsonValueKind::Array ? Visit::Capture : Visit::Skip;
        }
    };
    SpanLimit limit(control);
    const auto onSpan = [&](nlohmann::json&& span, const JsonPath&) {
        reader.readSpan(span);
        return limit.allows(groups.spanCount());
    };
    const JsonRecordReader::Result read = JsonRecordReader().read(text, isSpan, onSpan, control);
    if (limit.reportIfExceeded(result) || failedRead(read, result, groups.spanCount()))
        return result;
    reportReaderNotes(read, groups);
    if (groups.empty()) {
        result.problem = QCoreApplication::translate("Importer", "the Zipkin document holds no spans");
        return result;
    }
    reader.placeUntimedSpans();
    problems.reportTo(groups);
    result.traces = groups.build();
    return result;
}

} // namespace tracedelta
