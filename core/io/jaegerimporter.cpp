// SPDX-License-Identifier: GPL-3.0-or-later
#include "jaegerimporter.h"

#include "jsonpipeline.h"
#include "simdjsonvalues.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>

#include <optional>
#include <unordered_map>

namespace tracedelta {

namespace {

using Severity = Diagnostic::Severity;

struct Process
{
    std::string service;
    std::vector<std::pair<std::string, std::string>> tags;
};

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

    // As new, keeping the strings' buffers (the bulk path reads every span into one).
    void clear()
    {
        isObject = true;
        traceId.clear();
        spanId.clear();
        name.clear();
        start.reset();
        duration.reset();
        inlineProcess.reset();
        processId.clear();
        tags.clear();
        refs.clear();
        legacyParent.reset();
        logs.clear();
        hasWarnings = false;
    }
};

// The bulk path holds a trace's spans until its processes are read (Jaeger writes them
// after the spans): compactly, each text once in a pool and each span a few ids, instead of
// a dozen strings of its own — a million spans then wait in a fraction of the memory.
class PendingSpanStore
{
public:
    std::size_t size() const { return m_entries.size(); }

    void clear()
    {
        *this = PendingSpanStore();
    }

    void add(const PendingSpan& span)
    {
        Entry e;
        e.isObject = span.isObject;
        e.hasWarnings = span.hasWarnings;
        e.traceId = m_pool.intern(span.traceId);
        e.spanId = m_pool.intern(span.spanId);
        e.name = m_pool.intern(span.name);
        e.processId = m_pool.intern(span.processId);
        e.start = span.start;
        e.duration = span.duration;
        if (span.inlineProcess) {
            e.inlineProcess = static_cast<std::int32_t>(m_inlineProcesses.size());
            m_inlineProcesses.push_back(*span.inlineProcess);
        }
        if (span.legacyParent) {
            e.hasLegacyParent = true;
            e.legacyParent = m_pool.intern(*span.legacyParent);
        }
        e.tagBegin = static_cast<std::uint32_t>(m_tags.size());
        for (const auto& [key, value] : span.tags)
            m_tags.push_back({m_pool.intern(key), m_pool.intern(value)});
        e.refBegin = static_cast<std::uint32_t>(m_refs.size());
        for (const PendingSpan::Ref& ref : span.refs)
            m_refs.push_back({ref.type, m_pool.intern(ref.traceId), m_pool.intern(ref.spanId)});
        e.logBegin = static_cast<std::uint32_t>(m_logs.size());
        for (const PendingSpan::Log& log : span.logs) {
            m_logs.push_back({log.time, static_cast<std::uint32_t>(m_logFields.size())});
            for (const auto& [key, value] : log.fields)
                m_logFields.push_back({m_pool.intern(key), m_pool.intern(value)});
        }
        m_entries.push_back(e);
    }

    // Span i as the reader read it, into `out` (reused: its strings keep their buffers).
    void load(std::size_t i, PendingSpan& out) const
    {
        const Entry& e = m_entries[i];
        const auto text = [this](StringId id) -> const std::string& { return m_pool.at(id); };
        out.isObject = e.isObject;
        out.hasWarnings = e.hasWarnings;
        out.traceId = text(e.traceId);
        out.spanId = text(e.spanId);
        out.name = text(e.name);
        out.processId = text(e.processId);
        out.start = e.start;
        out.duration = e.duration;
        out.inlineProcess.reset();
        if (e.inlineProcess >= 0)
            out.inlineProcess = m_inlineProcesses[static_cast<std::size_t>(e.inlineProcess)];
        out.legacyParent.reset();
        if (e.hasLegacyParent)
            out.legacyParent = text(e.legacyParent);
        const bool last = i + 1 == m_entries.size();
        out.tags.clear();
        for (std::size_t t = e.tagBegin, end = last ? m_tags.size() : m_entries[i + 1].tagBegin; t < end; ++t)
            out.tags.emplace_back(text(m_tags[t].first), text(m_tags[t].second));
        out.refs.clear();
        for (std::size_t r = e.refBegin, end = last ? m_refs.size() : m_entries[i + 1].refBegin; r < end; ++r)
            out.refs.push_back({m_refs[r].type, text(m_refs[r].traceId), text(m_refs[r].spanId)});
        out.logs.clear();
        for (std::size_t l = e.logBegin, end = last ? m_logs.size() : m_entries[i + 1].logBegin; l < end; ++l) {
            PendingSpan::Log& log = out.logs.emplace_back();
            log.time = m_logs[l].time;
            const std::size_t fieldsEnd = l + 1 < m_logs.size() ? m_logs[l + 1].fieldBegin : m_logFields.size();
            for (std::size_t f = m_logs[l].fieldBegin; f < fieldsEnd; ++f)
                log.fields.emplace_back(text(m_logFields[f].first), text(m_logFields[f].second));
        }
    }

private:
    struct Entry
    {
        std::optional<std::int64_t> start;
        std::optional<std::int64_t> duration;
        StringId traceId = 0;
        StringId spanId = 0;
        StringId name = 0;
        StringId processId = 0;
        StringId legacyParent = 0;
        std::int32_t inlineProcess = -1;
        std::uint32_t tagBegin = 0; // tags, references and logs run to the next span's begin
        std::uint32_t refBegin = 0;
        std::uint32_t logBegin = 0;
        bool isObject = true;
        bool hasWarnings = false;
        bool hasLegacyParent = false;
    };
    struct Ref
    {
        ReferenceType type;
        StringId traceId;
        StringId spanId;
    };
    struct Log
    {
        std::optional<std::int64_t> time;
        std::uint32_t fieldBegin; // fields run to the next log's begin
    };

    StringPool m_pool;
    std::vector<Entry> m_entries;
    std::vector<std::pair<StringId, StringId>> m_tags;
    std::vector<Ref> m_refs;
    std::vector<Log> m_logs;
    std::vector<std::pair<StringId, StringId>> m_logFields;
    std::vector<Process> m_inlineProcesses;
};

class JaegerTraceReader
{
public:
    JaegerTraceReader(TraceGroups& groups, ProblemTally& problems)
        : m_groups(groups)
        , m_problems(problems)
    {
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
        draft.spanId = builder.internSpanId(span.spanId);
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
            draft.parentSpanId = builder.internSpanId(refs[parentRef].spanId);
        else if (span.legacyParent)
            draft.parentSpanId = builder.internSpanId(*span.legacyParent);
        if (draft.parentSpanId != 0 && builder.internSpanId("0") == draft.parentSpanId)
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

// The bulk path: simdjson On-Demand reads each span straight into a PendingSpan (no DOM
// of the whole trace), holds a trace's spans until its "processes" (which Jaeger writes
// after them) are known, then emits them. It gives up, and the robust path reads the file,
// on anything it cannot read exactly alike.
class SimdJaegerReader
{
public:
    using Outcome = BulkOutcome;

    // `maxNesting`: values nested deeper make the reader give up (the robust reader cuts
    // them); by default a little inside the load limit, so that near it the robust path decides.
    SimdJaegerReader(JaegerTraceReader& reader, TraceGroups& groups, const LoadControl* control,
                     std::optional<int> maxNesting = std::nullopt)
        : m_reader(reader)
        , m_groups(groups)
        , m_control(control)
        , m_values(maxNesting.value_or((control ? control->limits.maxValueNesting : LoadLimits().maxValueNesting) - 4))
        , m_maxSpans(control ? control->limits.maxSpans : LoadLimits().maxSpans)
    {
    }

    // One trace object (one the robust reader recovered), without progress or Cancel.
    Outcome readRecord(simdjson::ondemand::value& value, SpanLimit& limit)
    {
        simdjson::ondemand::object trace;
        bool ok = true;
        if (SimdValueReader::object(value, trace, ok))
            return readTrace(trace, limit);
        if (!ok)
            return Outcome::GaveUp;
        m_reader.noSpans();
        return Outcome::Done;
    }

    // For progress: the size of the whole text (0 when someone else reports progress).
    void setProgressTotal(std::size_t bytes) { m_progressTotal = bytes; }

    // Each trace's span list a batch of spans at a time (see readArrayInBatches); the rest of
    // each trace (its id, processes) and of the document is read as read() reads it, with
    // the lists left empty. NotApplicable when the layout is one only read() reads.
    Outcome readInBatches(TextWindow& text, DocumentShape shape, SpanLimit& limit)
    {
        const std::size_t batchBytes = m_control ? m_control->bulkBatchBytes : LoadControl().bulkBatchBytes;
        if (batchBytes == 0)
            return Outcome::NotApplicable;
        if (shape == DocumentShape::JaegerBareTrace) {
            std::size_t end = 0;
            if (const Outcome o = readTraceInBatches(text, skipJsonSpace(text, 0, 0), batchBytes, limit, end); o != Outcome::Done)
                return o;
            return text.rest(end).find_first_not_of(" \t\r\n", 1) == std::string_view::npos ? Outcome::Done : Outcome::GaveUp;
        }
        const std::size_t data = findFirstMember(text, skipJsonSpace(text, 0, 0), "data");
        if (data == std::string_view::npos)
            return Outcome::NotApplicable;
        // The document is read again with "data" as an empty list.
        std::string frame(text.range(0, data));
        frame += '[';
        std::size_t at = data;
        const int kind = text.at(data, data);
        if (kind == '{') {
            // {"data": trace}
            if (const Outcome o = readTraceInBatches(text, data, batchBytes, limit, at); o != Outcome::Done)
                return o;
            ++at;
        } else if (kind != '[') {
            return Outcome::NotApplicable;
        } else {
            // A trace that is no object: NotApplicable, read() says what it is.
            const auto readOneTrace = [&](std::size_t traceOpen, std::size_t& end) {
                return readTraceInBatches(text, traceOpen, batchBytes, limit, end);
            };
            if (const Outcome o = readObjectsOfList(text, data, readOneTrace, at); o != Outcome::Done)
                return o;
        }
        if (kind != '[')
            frame += ']'; // the list's own ']' is where `at` stands otherwise
        const std::string_view after = text.rest(at);
        frame.reserve(frame.size() + after.size() + simdjson::SIMDJSON_PADDING);
        frame.append(after);
        m_progressBase = 0;
        return read(frame, frame.capacity(), shape, limit);
    }

    Outcome read(std::string_view text, std::size_t capacity, DocumentShape shape, SpanLimit& limit)
    {
        m_progressBase = 0;
        const PaddedInput input(text, capacity);
        simdjson::ondemand::parser parser;
        simdjson::ondemand::document doc;
        if (parser.iterate(input.view()).get(doc))
            return Outcome::GaveUp;
        m_doc = &doc;
        m_text = text;
        simdjson::ondemand::object root;
        if (doc.get_object().get(root))
            return Outcome::GaveUp;
        if (shape == DocumentShape::JaegerBareTrace) {
            if (const Outcome o = readTrace(root, limit); o != Outcome::Done)
                return o;
        } else {
            for (auto field : root) {
                std::string_view key;
                if (SimdValueReader::keyError(field, key))
                    return Outcome::GaveUp;
                simdjson::ondemand::value value = field.value();
                if (key != "data") {
                    if (!SimdValueReader::skip(value))
                        return Outcome::GaveUp;
                    continue;
                }
                simdjson::ondemand::json_type type;
                if (value.type().get(type))
                    return Outcome::GaveUp;
                if (type == simdjson::ondemand::json_type::object) {
                    simdjson::ondemand::object trace;
                    if (value.get_object().get(trace))
                        return Outcome::GaveUp;
                    if (const Outcome o = readTrace(trace, limit); o != Outcome::Done)
                        return o;
                } else if (type == simdjson::ondemand::json_type::array) {
                    simdjson::ondemand::array traces;
                    if (value.get_array().get(traces))
                        return Outcome::GaveUp;
                    for (auto element : traces) {
                        simdjson::ondemand::value trace;
                        simdjson::ondemand::json_type elementType;
                        if (element.get(trace) || trace.type().get(elementType))
                            return Outcome::GaveUp;
                        if (elementType != simdjson::ondemand::json_type::object) {
                            if (!SimdValueReader::skip(trace))
                                return Outcome::GaveUp;
                            m_reader.noSpans();
                            continue;
                        }
                        simdjson::ondemand::object object;
                        if (trace.get_object().get(object))
                            return Outcome::GaveUp;
                        if (const Outcome o = readTrace(object, limit); o != Outcome::Done)
                            return o;
                    }
                } else if (!SimdValueReader::skip(value)) {
                    return Outcome::GaveUp;
                }
            }
        }
        const char* after = nullptr;
        if (!doc.current_location().get(after))
            return Outcome::GaveUp; // something after the document: the robust path says what
        return Outcome::Done;
    }

private:
    // The trace whose '{' is at `open`: its span list in batches, then the rest of it (with the
    // list left empty) as readTrace() reads it; `end` is the position of its closing '}'.
    Outcome readTraceInBatches(TextWindow& text, std::size_t open, std::size_t batchBytes, SpanLimit& limit, std::size_t& end)
    {
        const std::size_t spansOpen = findFirstMember(text, open, "spans");
        if (spansOpen == std::string_view::npos || text.at(spansOpen, open) != '[')
            return Outcome::NotApplicable;
        std::string frame(text.range(open, spansOpen + 1));
        PendingSpanStore pending;
        PendingSpan scratch;
        std::size_t close = 0;
        const auto readBatch = [&](simdjson::ondemand::array& spans, simdjson::ondemand::document& doc,
                                   std::string_view batchText, std::size_t textOffset) {
            m_doc = &doc;
            m_text = batchText;
            m_progressBase = textOffset;
            return readSpans(spans, pending, scratch, limit);
        };
        if (const Outcome o = readArrayInBatches(text, spansOpen, batchBytes, m_control, readBatch, close); o != Outcome::Done)
            return o;
        end = findEnclosingEnd(text, close + 1, close);
        if (end == std::string_view::npos)
            return Outcome::GaveUp;
        frame.reserve(frame.size() + (end + 1 - close) + simdjson::SIMDJSON_PADDING);
        frame.append(text.range(close, end + 1));
        simdjson::ondemand::document doc;
        simdjson::ondemand::object trace;
        if (m_frameParser.iterate(PaddedInput(frame, frame.capacity()).view()).get(doc) || doc.get_object().get(trace))
            return Outcome::GaveUp;
        m_doc = &doc;
        m_text = frame;
        m_progressBase = 0;
        if (const Outcome o = readTrace(trace, limit, &pending); o != Outcome::Done)
            return o;
        const char* after = nullptr;
        return doc.current_location().get(after) ? Outcome::Done : Outcome::GaveUp;
    }

    Outcome readSpans(simdjson::ondemand::array& spans, PendingSpanStore& pending, PendingSpan& scratch, SpanLimit& limit)
    {
        for (auto element : spans) {
            simdjson::ondemand::value span;
            scratch.clear();
            if (element.get(span) || !readSpan(span, scratch))
                return Outcome::GaveUp;
            pending.add(scratch);
            if (static_cast<std::int64_t>(pending.size()) + m_groups.spanCount() > m_maxSpans)
                return Outcome::GaveUp; // the robust path reports the limit
            if ((++m_spansRead & 0x3fff) == 0 && m_control) {
                limit.note(m_spansRead);
                if (m_control->cancelled())
                    return Outcome::Cancelled;
                const char* at = nullptr;
                if (m_control->progress && !m_doc->current_location().get(at))
                    m_control->progress(static_cast<std::int64_t>(m_progressBase + (at - m_text.data())),
                                        static_cast<std::int64_t>(m_progressTotal ? m_progressTotal : m_text.size()));
            }
        }
        return Outcome::Done;
    }

    // `batched`: the spans of the trace's first "spans" list, read already (the list itself is empty here).
    Outcome readTrace(simdjson::ondemand::object& trace, SpanLimit& limit, PendingSpanStore* batched = nullptr)
    {
        PendingSpanStore own;
        PendingSpanStore& pending = batched ? *batched : own;
        bool listReadInBatches = batched != nullptr;
        PendingSpan scratch; // one span as read, then stored compactly
        std::unordered_map<std::string, Process> processes;
        std::string traceId;
        bool hasSpans = false;
        for (auto field : trace) {
            std::string_view key;
            if (SimdValueReader::keyError(field, key))
                return Outcome::GaveUp;
            simdjson::ondemand::value value = field.value();
            simdjson::ondemand::json_type type;
            if (value.type().get(type))
                return Outcome::GaveUp;
            // A key given twice: the last one counts, as in nlohmann's object.
            if (key == "traceID") {
                if (!text(value, traceId))
                    return Outcome::GaveUp;
            } else if (key == "spans") {
                if (listReadInBatches) {
                    listReadInBatches = false;
                    hasSpans = true;
                    if (!SimdValueReader::skip(value))
                        return Outcome::GaveUp;
                    continue;
                }
                pending.clear();
                hasSpans = type == simdjson::ondemand::json_type::array;
                if (!hasSpans) {
                    if (!SimdValueReader::skip(value))
                        return Outcome::GaveUp;
                    continue;
                }
                simdjson::ondemand::array spans;
                if (value.get_array().get(spans))
                    return Outcome::GaveUp;
                if (const Outcome o = readSpans(spans, pending, scratch, limit); o != Outcome::Done)
                    return o;
            } else if (key == "processes") {
                processes.clear(); // another type than an object is skipped: no processes
                const bool read = forEachMember(value, [&](std::string_view id, simdjson::ondemand::value& processValue) {
                    const std::string processId(id);
                    Process process;
                    if (!readProcess(processValue, process))
                        return false;
                    processes[processId] = std::move(process);
                    return true;
                });
                if (!read)
                    return Outcome::GaveUp;
            } else if (!SimdValueReader::skip(value)) {
                return Outcome::GaveUp;
            }
        }
        if (!hasSpans) {
            m_reader.noSpans();
            return limit.allows(m_groups.spanCount()) ? Outcome::Done : Outcome::LimitExceeded;
        }
        for (std::size_t i = 0; i < pending.size(); ++i) {
            pending.load(i, scratch);
            m_reader.emitSpan(scratch, traceId, processes);
        }
        return limit.allows(m_groups.spanCount()) ? Outcome::Done : Outcome::LimitExceeded;
    }

    bool text(simdjson::ondemand::value& v, std::string& out) { return m_values.text(v, out); }

    // {"key": …, "value": …} as two texts; anything else is ("", "") as member() makes it.
    bool keyValue(simdjson::ondemand::value& v, std::string& key, std::string& value)
    {
        key.clear();
        value.clear();
        return forEachMember(v, [&](std::string_view name, simdjson::ondemand::value& fieldValue) {
            if (name == "key")
                return text(fieldValue, key);
            if (name == "value")
                return text(fieldValue, value);
            return SimdValueReader::skip(fieldValue);
        });
    }

    // A list of key/value objects; another type leaves the list empty.
    bool keyValues(simdjson::ondemand::value& v, std::vector<std::pair<std::string, std::string>>& out, const char* keyPrefix = "")
    {
        out.clear();
        return forEachElement(v, [&](simdjson::ondemand::value& item) {
            std::string key;
            std::string value;
            if (!keyValue(item, key, value))
                return false;
            out.emplace_back(keyPrefix + key, std::move(value));
            return true;
        });
    }

    bool readProcess(simdjson::ondemand::value& v, Process& process)
    {
        return forEachMember(v, [&](std::string_view name, simdjson::ondemand::value& value) {
            if (name == "serviceName")
                return text(value, process.service);
            if (name == "tags")
                return keyValues(value, process.tags, "process.");
            return SimdValueReader::skip(value);
        });
    }

    bool readSpan(simdjson::ondemand::value& v, PendingSpan& span)
    {
        return forEachMember(v, span.isObject, [&](std::string_view name, simdjson::ondemand::value& value) {
            bool read = true;
            if (name == "traceID") {
                read = text(value, span.traceId);
            } else if (name == "spanID") {
                read = text(value, span.spanId);
            } else if (name == "operationName") {
                read = text(value, span.name);
            } else if (name == "startTime") {
                read = SimdValueReader::micros(value, span.start);
            } else if (name == "duration") {
                read = SimdValueReader::micros(value, span.duration);
            } else if (name == "process") {
                Process process;
                simdjson::ondemand::json_type type;
                if (value.type().get(type))
                    return false;
                span.inlineProcess.reset();
                if (type == simdjson::ondemand::json_type::object) {
                    read = readProcess(value, process);
                    span.inlineProcess = std::move(process);
                } else {
                    read = SimdValueReader::skip(value);
                }
            } else if (name == "processID") {
                read = text(value, span.processId);
            } else if (name == "tags") {
                read = keyValues(value, span.tags);
            } else if (name == "references") {
                read = references(value, span.refs);
            } else if (name == "parentSpanID") {
                std::string parent;
                read = text(value, parent);
                span.legacyParent = std::move(parent);
            } else if (name == "logs") {
                read = logs(value, span.logs);
            } else if (name == "warnings") {
                span.hasWarnings = false;
                read = forEachElement(value, [&](simdjson::ondemand::value& item) {
                    if (!SimdValueReader::skip(item))
                        return false;
                    span.hasWarnings = true;
                    return true;
                });
            } else {
                read = SimdValueReader::skip(value);
            }
            return read;
        });
    }

    bool references(simdjson::ondemand::value& v, std::vector<PendingSpan::Ref>& out)
    {
        out.clear();
        return forEachElement(v, [&](simdjson::ondemand::value& item) {
            PendingSpan::Ref& ref = out.emplace_back();
            std::string type;
            const bool read = forEachMember(item, [&](std::string_view name, simdjson::ondemand::value& value) {
                if (name == "refType")
                    return text(value, type);
                if (name == "traceID")
                    return text(value, ref.traceId);
                if (name == "spanID")
                    return text(value, ref.spanId);
                return SimdValueReader::skip(value);
            });
            if (!read)
                return false;
            ref.type = type == "FOLLOWS_FROM" ? ReferenceType::FollowsFrom : ReferenceType::ChildOf;
            return true;
        });
    }

    bool logs(simdjson::ondemand::value& v, std::vector<PendingSpan::Log>& out)
    {
        out.clear();
        return forEachElement(v, [&](simdjson::ondemand::value& item) {
            PendingSpan::Log& log = out.emplace_back();
            return forEachMember(item, [&](std::string_view name, simdjson::ondemand::value& value) {
                if (name == "timestamp")
                    return SimdValueReader::micros(value, log.time);
                if (name == "fields")
                    return keyValues(value, log.fields);
                return SimdValueReader::skip(value);
            });
        });
    }

    JaegerTraceReader& m_reader;
    TraceGroups& m_groups;
    const LoadControl* m_control;
    SimdValueReader m_values;
    std::int64_t m_maxSpans;
    std::int64_t m_spansRead = 0;
    simdjson::ondemand::document* m_doc = nullptr;
    std::string_view m_text;
    std::size_t m_progressBase = 0;
    std::size_t m_progressTotal = 0;
    simdjson::ondemand::parser m_frameParser;
};

// One reading of a Jaeger file, whichever tier reads it (see jsonpipeline.h).
class JaegerPass
{
public:
    JaegerPass(const QString& sourceFile, const LoadControl* control)
        : m_control(control)
        , m_groups(TraceFormat::Jaeger, sourceFile, control)
        , m_reader(m_groups, m_problems)
        , m_fast(m_reader, m_groups, control)
    {
    }

    void setProgressTotal(std::size_t bytes) { m_fast.setProgressTotal(bytes); }
    BulkOutcome readInBatches(TextWindow& text, DocumentShape shape, SpanLimit& limit) { return m_fast.readInBatches(text, shape, limit); }
    BulkOutcome readWhole(std::string_view text, std::size_t capacity, DocumentShape shape, SpanLimit& limit)
    {
        return m_fast.read(text, capacity, shape, limit);
    }

    bool readRobustly(std::string_view text, DocumentShape shape, SpanLimit& limit, ImportResult& result)
    {
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
        // The traces the robust reader recovers go to the bulk reader's mapper; their depth
        // is already cut to the limit.
        SimdJaegerReader recovery(m_reader, m_groups, nullptr, (m_control ? m_control->limits : LoadLimits()).maxValueNesting + 1);
        const auto onTrace = [&](simdjson::ondemand::value& trace, const JsonPath&) { return recovery.readRecord(trace, limit); };
        const JsonRecordReader::Result read = readRecordsRobustly(text, isTrace, onTrace, m_control, m_unreadable);
        return robustReadSucceeded(read, limit, m_groups.spanCount(), m_groups, result);
    }

    void finish(ImportResult& result)
    {
        finishGroups(m_groups, m_problems, m_unreadable, QCoreApplication::translate("Importer", "the Jaeger document holds no traces"),
                     result);
    }

private:
    const LoadControl* m_control;
    TraceGroups m_groups;
    ProblemTally m_problems;
    JaegerTraceReader m_reader;
    SimdJaegerReader m_fast;
    int m_unreadable = 0;
};

} // namespace

namespace {

// The query service's envelope ("data": traces) or one bare trace ("spans").
std::optional<DocumentShape> jaegerShapeOfObject(const std::set<std::string>& keys)
{
    if (keys.count("data"))
        return DocumentShape::JaegerEnvelope;
    if (keys.count("spans"))
        return DocumentShape::JaegerBareTrace;
    return std::nullopt;
}

} // namespace

FormatReader jaegerFormatReader()
{
    return {TraceFormat::Jaeger, nullptr, nullptr, jaegerShapeOfObject, {"data", "spans"},
            jsonpipeline::import<JaegerPass>, jsonpipeline::importStreamed<JaegerPass>};
}

} // namespace tracedelta
