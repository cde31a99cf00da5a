// SPDX-License-Identifier: GPL-3.0-or-later
#include "zipkinimporter.h"

#include "jsonvalues.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>
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

// One Zipkin span record, read but not yet handed to the builder: Zipkin instrumentation
// often reports one span in several parts (same id, same local endpoint, one with the
// annotations, one with the duration), which the UI merges; so does this reader.
struct PendingSpan
{
    TraceBuilder* builder = nullptr;
    SpanDraft draft; // name and parent are interned when the span is handed over
    std::string name;
    std::string parent;
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> duration;
    std::vector<std::pair<std::string, std::string>> tags;
    std::vector<std::pair<std::int64_t, std::string>> annotations;
    bool shared = false;
    bool hasService = false;
    int parts = 1;
};

class ZipkinSpanReader
{
public:
    ZipkinSpanReader(TraceGroups& groups, ProblemTally& problems)
        : m_groups(groups)
        , m_problems(problems)
    {
    }

    std::size_t spanCount() const { return m_pending.size(); }

    void readSpan(const nlohmann::json& span)
    {
        if (!span.is_object()) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span entr(y/ies) that are not JSON objects were skipped"));
            return;
        }
        const std::string traceId = normalisedId(json::text(member(span, "traceId")));
        PendingSpan part;
        part.builder = &m_groups.builderFor(traceId);
        TraceBuilder& builder = *part.builder;
        SpanDraft& draft = part.draft;
        const std::string id = normalisedId(json::text(member(span, "id")));
        draft.spanId = builder.intern(id);
        part.parent = normalisedId(json::text(member(span, "parentId")));
        part.name = json::text(member(span, "name"));
        draft.kind = kindFromZipkin(json::text(member(span, "kind")));
        const auto* shared = member(span, "shared");
        part.shared = shared && shared->is_boolean() && shared->get<bool>();
        draft.sharedServerHalf = part.shared && draft.kind == SpanKind::Server;

        const std::string service = json::text(member(span, "localEndpoint") ? member(*member(span, "localEndpoint"), "serviceName") : nullptr);
        part.hasService = !service.empty();
        draft.service = builder.intern(service.empty() ? std::string("unknown_service") : service);

        if (const auto* list = member(span, "annotations"); list && list->is_array()) {
            for (const auto& annotation : *list) {
                if (const auto time = json::microsToNanos(member(annotation, "timestamp")))
                    part.annotations.emplace_back(*time, json::text(member(annotation, "value")));
            }
        }
        part.start = json::microsToNanos(member(span, "timestamp"));
        part.duration = json::microsToNanos(member(span, "duration"));
        if (const auto* map = member(span, "tags"); map && map->is_object()) {
            for (const auto& [key, value] : map->items()) {
                if (key == "error")
                    draft.status = SpanStatus::Error;
                part.tags.emplace_back(key, json::text(value));
            }
        }
        if (const auto* remote = member(span, "remoteEndpoint"); remote && remote->is_object()) {
            if (const auto* name = member(*remote, "serviceName"))
                part.tags.emplace_back("remoteEndpoint.serviceName", json::text(name));
        }
        // Client and server halves of a shared id stay two spans; parts of one span merge.
        const std::string key = traceId + '\x1f' + id + '\x1f' + service + (part.shared ? "\x1fshared" : "");
        if (!id.empty()) {
            const auto [it, inserted] = m_byKey.try_emplace(key, m_pending.size());
            if (!inserted) {
                merge(m_pending[it->second], std::move(part));
                return;
            }
        }
        m_pending.push_back(std::move(part));
    }

    // Hands the (merged) spans to their builders, in the order they were first seen.
    void finish()
    {
        int merged = 0;
        for (PendingSpan& p : m_pending) {
            merged += p.parts > 1 ? 1 : 0;
            if (!p.hasService)
                m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no service name; shown as unknown_service"));
            if (p.start)
                p.draft.startNs = *p.start;
            else if (!p.annotations.empty())
                p.draft.startNs = std::min_element(p.annotations.begin(), p.annotations.end())->first;
            else
                m_untimed.push_back({p.builder, p.builder->draftCount()});
            if (!p.duration)
                m_problems.add(QT_TRANSLATE_N_NOOP("Importer",
                                                 "%n span(s) have no duration (incomplete or one-way); shown with zero length"),
                               Diagnostic::Severity::Info);
            p.draft.durationNs = p.duration.value_or(0);
            p.draft.name = p.builder->intern(p.name);
            p.draft.parentSpanId = p.builder->intern(p.parent);
            p.builder->addSpan(p.draft);
            for (const auto& [key, value] : p.tags)
                p.builder->addAttribute(key, value);
            for (const auto& [time, value] : p.annotations)
                p.builder->addEvent(time, value);
        }
        for (int i = 0; i < merged; ++i)
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) reported in several parts (same id and service) were merged, as Zipkin does"),
                           Diagnostic::Severity::Info);
        m_pending.clear();
        m_byKey.clear();
        placeUntimedSpans();
    }

private:
    static void merge(PendingSpan& into, PendingSpan&& part)
    {
        ++into.parts;
        SpanDraft& a = into.draft;
        const SpanDraft& b = part.draft;
        if (into.name.empty() || into.name == "unknown")
            into.name = std::move(part.name);
        if (into.parent.empty())
            into.parent = std::move(part.parent);
        if (a.kind == SpanKind::Unspecified)
            a.kind = b.kind;
        if (b.status == SpanStatus::Error)
            a.status = SpanStatus::Error;
        // The merged span covers every part: earliest start, latest end.
        if (part.start && part.duration && into.start && into.duration) {
            const std::int64_t end = std::max(timemath::add(*into.start, *into.duration), timemath::add(*part.start, *part.duration));
            into.start = std::min(*into.start, *part.start);
            into.duration = timemath::sub(end, *into.start);
        } else {
            if (!into.start || (part.start && *part.start < *into.start))
                into.start = part.start;
            if (!into.duration || (part.duration && *part.duration > *into.duration))
                into.duration = part.duration;
        }
        for (auto& tag : part.tags) {
            if (std::none_of(into.tags.begin(), into.tags.end(), [&](const auto& t) { return t.first == tag.first; }))
                into.tags.push_back(std::move(tag));
        }
        for (auto& annotation : part.annotations) {
            if (std::find(into.annotations.begin(), into.annotations.end(), annotation) == into.annotations.end())
                into.annotations.push_back(std::move(annotation));
        }
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
        m_untimed.clear();
    }

    TraceGroups& m_groups;
    ProblemTally& m_problems;
    std::vector<PendingSpan> m_pending;
    std::unordered_map<std::string, std::size_t> m_byKey;
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
        return limit.allows(reader.spanCount());
    };
    const JsonRecordReader::Result read = JsonRecordReader().read(text, isSpan, onSpan, control);
    if (limit.reportIfExceeded(result) || failedRead(read, result, reader.spanCount()))
        return result;
    reader.finish();
    reportReaderNotes(read, groups);
    if (groups.empty()) {
        result.problem = QCoreApplication::translate("Importer", "the Zipkin document holds no spans");
        return result;
    }
    problems.reportTo(groups);
    result.traces = groups.build();
    return result;
}

} // namespace tracedelta
