// SPDX-License-Identifier: GPL-3.0-or-later
#include "zipkinimporter.h"

#include "jsonpipeline.h"
#include "recordbatches.h"
#include "simdjsonvalues.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <optional>
#include <unordered_map>

namespace tracedelta {

namespace {


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
// Texts are interned into the span's builder as they are read (a million pending spans
// would otherwise hold a dozen strings each); name and parent go into the draft at the end,
// after every part of the span is merged.
struct PendingSpan
{
    TraceBuilder* builder = nullptr;
    SpanDraft draft;
    StringId name = 0;
    StringId parent = 0; // a span id (TraceBuilder::internSpanId)
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> duration;
    std::vector<std::pair<StringId, ValueId>> tags;
    std::vector<std::pair<std::int64_t, StringId>> annotations;
    bool shared = false;
    bool hasService = false;
    int parts = 1;
};

// What makes span records parts of one span: the same trace (builder), id and service,
// and the same side of a shared id.
struct SpanPartKey
{
    const TraceBuilder* builder;
    StringId id;
    StringId service;
    bool shared;
    bool operator==(const SpanPartKey&) const = default;
};

std::size_t hashOf(const SpanPartKey& k)
{
    std::size_t h = std::hash<const void*>()(k.builder);
    h = h * 1000003u ^ k.id;
    h = h * 1000003u ^ k.service;
    h = h * 2u + (k.shared ? 1u : 0u);
    return h ^ (h >> 29);
}

// The pending span of each key: open addressing, the keys in one array. A node-based map
// cost one allocation a span, and handing a million freed nodes back to the system took a
// fifth of a 1M-span load.
class SpanPartIndex
{
public:
    // The index already kept for `key`, or `index` kept for it.
    std::size_t findOrAdd(const SpanPartKey& key, std::size_t index)
    {
        if (2 * (m_count + 1) > m_slots.size())
            grow();
        Slot& slot = m_slots[slotOf(key)];
        if (slot.used)
            return slot.index;
        slot = {key, static_cast<std::uint32_t>(index), true};
        ++m_count;
        return index;
    }
    void release()
    {
        std::vector<Slot>().swap(m_slots);
        m_count = 0;
    }

private:
    struct Slot
    {
        SpanPartKey key{};
        std::uint32_t index = 0; // below LoadLimits::maxSpans
        bool used = false;
    };
    std::size_t slotOf(const SpanPartKey& key) const
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t at = hashOf(key) & mask;
        while (m_slots[at].used && !(m_slots[at].key == key))
            at = (at + 1) & mask;
        return at;
    }
    void grow()
    {
        std::vector<Slot> old(std::max<std::size_t>(64, m_slots.size() * 2));
        old.swap(m_slots);
        for (const Slot& slot : old) {
            if (slot.used)
                m_slots[slotOf(slot.key)] = slot;
        }
    }
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

// Pending spans kept compactly until every part of each is read: the fixed fields in one
// record, tags and annotations in two shared lists (a span's run to the next one's start).
// A span that gets a second part moves to a full PendingSpan of its own (rare).
class PendingSpanStore
{
public:
    std::size_t size() const { return m_spans.size(); }

    void add(const PendingSpan& span)
    {
        Record r;
        r.builder = span.builder;
        r.spanId = span.draft.spanId;
        r.service = span.draft.service;
        r.name = span.name;
        r.parent = span.parent;
        r.start = span.start.value_or(0);
        r.duration = span.duration.value_or(0);
        r.tagBegin = static_cast<std::uint32_t>(m_tags.size());
        r.annotationBegin = static_cast<std::uint32_t>(m_annotations.size());
        r.kind = span.draft.kind;
        r.status = span.draft.status;
        r.flags = (span.start ? HasStart : 0) | (span.duration ? HasDuration : 0) | (span.shared ? Shared : 0)
            | (span.draft.sharedServerHalf ? SharedServerHalf : 0) | (span.hasService ? HasService : 0);
        m_spans.push_back(r);
        m_tags.insert(m_tags.end(), span.tags.begin(), span.tags.end());
        m_annotations.insert(m_annotations.end(), span.annotations.begin(), span.annotations.end());
    }

    // The span as it was added (or as last replaced).
    void load(std::size_t i, PendingSpan& out) const
    {
        if (const auto merged = m_merged.find(i); merged != m_merged.end()) {
            out = merged->second;
            return;
        }
        const Record& r = m_spans[i];
        out.draft = SpanDraft();
        out.start.reset();
        out.duration.reset();
        out.parts = 1;
        out.builder = r.builder;
        out.draft.spanId = r.spanId;
        out.draft.service = r.service;
        out.draft.kind = r.kind;
        out.draft.status = r.status;
        out.draft.sharedServerHalf = (r.flags & SharedServerHalf) != 0;
        out.name = r.name;
        out.parent = r.parent;
        if (r.flags & HasStart)
            out.start = r.start;
        if (r.flags & HasDuration)
            out.duration = r.duration;
        out.shared = (r.flags & Shared) != 0;
        out.hasService = (r.flags & HasService) != 0;
        const std::size_t tagEnd = i + 1 < m_spans.size() ? m_spans[i + 1].tagBegin : m_tags.size();
        const std::size_t annotationEnd = i + 1 < m_spans.size() ? m_spans[i + 1].annotationBegin : m_annotations.size();
        out.tags.assign(m_tags.begin() + r.tagBegin, m_tags.begin() + static_cast<std::ptrdiff_t>(tagEnd));
        out.annotations.assign(m_annotations.begin() + r.annotationBegin, m_annotations.begin() + static_cast<std::ptrdiff_t>(annotationEnd));
    }

    void replace(std::size_t i, PendingSpan span) { m_merged[i] = std::move(span); }

    // Room in each builder for the spans, tags and annotations it is about to get, so a
    // million drafts are not grown by doubling (merged spans may bring a few more).
    void reserveBuilders() const
    {
        std::unordered_map<TraceBuilder*, std::array<std::size_t, 3>> need;
        for (std::size_t i = 0; i < m_spans.size(); ++i) {
            const Record& r = m_spans[i];
            auto& n = need[r.builder];
            ++n[0];
            n[1] += (i + 1 < m_spans.size() ? m_spans[i + 1].tagBegin : m_tags.size()) - r.tagBegin;
            n[2] += (i + 1 < m_spans.size() ? m_spans[i + 1].annotationBegin : m_annotations.size()) - r.annotationBegin;
        }
        for (const auto& [builder, n] : need)
            builder->reserve(n[0], n[1], n[2]);
    }

    void clear()
    {
        std::vector<Record>().swap(m_spans);
        std::vector<std::pair<StringId, ValueId>>().swap(m_tags);
        std::vector<std::pair<std::int64_t, StringId>>().swap(m_annotations);
        m_merged.clear();
    }

private:
    enum Flag : std::uint8_t { HasStart = 1, HasDuration = 2, Shared = 4, SharedServerHalf = 8, HasService = 16 };
    struct Record
    {
        TraceBuilder* builder = nullptr;
        std::int64_t start = 0;
        std::int64_t duration = 0;
        StringId spanId = 0;
        StringId service = 0;
        StringId name = 0;
        StringId parent = 0;
        std::uint32_t tagBegin = 0;
        std::uint32_t annotationBegin = 0;
        SpanKind kind = SpanKind::Unspecified;
        SpanStatus status = SpanStatus::Unset;
        std::uint8_t flags = 0;
    };
    std::vector<Record> m_spans;
    std::vector<std::pair<StringId, ValueId>> m_tags;
    std::vector<std::pair<std::int64_t, StringId>> m_annotations;
    std::unordered_map<std::size_t, PendingSpan> m_merged;
};

// One span record's fields as the file gives them (text as json::text() makes it), whichever
// parser read them.
struct ZipkinSpanFields
{
    bool isObject = true;
    std::string traceId;
    std::string id;
    std::string parentId;
    std::string name;
    std::string kind;
    bool shared = false;
    std::string localService;
    std::vector<std::pair<std::optional<std::int64_t>, std::string>> annotations;
    std::optional<std::int64_t> timestamp;
    std::optional<std::int64_t> duration;
    std::vector<std::pair<std::string, std::string>> tags; // in key order, keys unique
    std::optional<std::string> remoteService;

    // As new, keeping the room of its texts and lists (a batch's fields are reused).
    void clear()
    {
        isObject = true;
        for (std::string* text : {&traceId, &id, &parentId, &name, &kind, &localService})
            text->clear();
        shared = false;
        annotations.clear();
        timestamp.reset();
        duration.reset();
        tags.clear();
        remoteService.reset();
    }
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

    void readSpan(const ZipkinSpanFields& span)
    {
        if (!span.isObject) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span entr(y/ies) that are not JSON objects were skipped"));
            return;
        }
        const std::string traceId = normalisedId(span.traceId);
        PendingSpan& part = m_part;
        part.tags.clear();
        part.annotations.clear();
        part.draft = SpanDraft();
        part.parts = 1;
        part.builder = &m_groups.builderFor(traceId);
        TraceBuilder& builder = *part.builder;
        SpanDraft& draft = part.draft;
        const std::string id = normalisedId(span.id);
        draft.spanId = builder.internSpanId(id);
        part.parent = builder.internSpanId(normalisedId(span.parentId));
        part.name = builder.intern(span.name);
        draft.kind = kindFromZipkin(span.kind);
        part.shared = span.shared;
        draft.sharedServerHalf = part.shared && draft.kind == SpanKind::Server;

        const std::string& service = span.localService;
        part.hasService = !service.empty();
        draft.service = builder.intern(service.empty() ? std::string("unknown_service") : service);

        for (const auto& [time, value] : span.annotations) {
            if (time)
                part.annotations.emplace_back(*time, builder.intern(value));
        }
        part.start = span.timestamp;
        part.duration = span.duration;
        for (const auto& [key, value] : span.tags) {
            if (key == "error")
                draft.status = SpanStatus::Error;
            part.tags.emplace_back(builder.intern(key), builder.internValue(value));
        }
        if (span.remoteService)
            part.tags.emplace_back(builder.intern("remoteEndpoint.serviceName"), builder.internValue(*span.remoteService));
        // Client and server halves of a shared id stay two spans; parts of one span merge.
        const SpanPartKey key{&builder, draft.spanId, builder.intern(service), part.shared};
        if (!id.empty()) {
            const std::size_t known = m_byKey.findOrAdd(key, m_pending.size());
            if (known != m_pending.size()) {
                PendingSpan into;
                m_pending.load(known, into);
                merge(into, std::move(part));
                m_pending.replace(known, std::move(into));
                return;
            }
        }
        m_pending.add(part);
    }

    // Hands the (merged) spans to their builders, in the order they were first seen.
    void finish()
    {
        m_byKey.release(); // parts are merged: the index of them goes before the drafts are made
        m_pending.reserveBuilders();
        int merged = 0;
        PendingSpan& p = m_part;
        for (std::size_t i = 0; i < m_pending.size(); ++i) {
            m_pending.load(i, p);
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
            p.draft.name = p.name;
            p.draft.parentSpanId = p.parent;
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
        placeUntimedSpans();
    }

private:
    static void merge(PendingSpan& into, PendingSpan&& part)
    {
        ++into.parts;
        SpanDraft& a = into.draft;
        const SpanDraft& b = part.draft;
        if (into.name == 0 || into.builder->strings().at(into.name) == "unknown")
            into.name = part.name;
        if (into.parent == 0)
            into.parent = part.parent;
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
        std::unordered_map<TraceBuilder*, std::int64_t> traceStart; // once per trace, however many are untimed
        for (const auto& [builder, index] : m_untimed) {
            auto [start, inserted] = traceStart.try_emplace(builder, std::numeric_limits<std::int64_t>::max());
            if (inserted) {
                for (SpanIndex i = 0; i < builder->draftCount(); ++i) {
                    if (builder->draftStartNs(i) != 0)
                        start->second = std::min(start->second, builder->draftStartNs(i));
                }
            }
            builder->setDraftStart(index, start->second == std::numeric_limits<std::int64_t>::max() ? 0 : start->second);
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span(s) have no timestamp; placed at the trace start"));
        }
        m_untimed.clear();
    }

    TraceGroups& m_groups;
    ProblemTally& m_problems;
    PendingSpanStore m_pending;
    PendingSpan m_part; // one record as read (its lists keep their room)
    SpanPartIndex m_byKey;
    std::vector<std::pair<TraceBuilder*, SpanIndex>> m_untimed;
};

// One span record's fields, walked with simdjson (its texts copied into the fields).
class ZipkinFieldReader
{
public:
    explicit ZipkinFieldReader(int maxNesting)
        : m_values(maxNesting)
    {
    }

    bool text(simdjson::ondemand::value& v, std::string& out) { return m_values.text(v, out); }


    // The "serviceName" of an endpoint object; nullopt when the object has none.
    bool serviceName(simdjson::ondemand::value& v, std::optional<std::string>& out)
    {
        out.reset();
        return forEachMember(v, [&](std::string_view key, simdjson::ondemand::value& value) {
            if (key != "serviceName")
                return SimdValueReader::skip(value);
            std::string name;
            if (!text(value, name))
                return false;
            out = std::move(name);
            return true;
        });
    }

    bool readSpan(simdjson::ondemand::value& v, ZipkinSpanFields& f)
    {
        m_values.clear();
        // A key given twice: the last one counts, as in nlohmann's object.
        return forEachMember(v, f.isObject, [&](std::string_view key, simdjson::ondemand::value& value) {
            bool ok = true;
            if (key == "traceId") {
                ok = text(value, f.traceId);
            } else if (key == "id") {
                ok = text(value, f.id);
            } else if (key == "parentId") {
                ok = text(value, f.parentId);
            } else if (key == "name") {
                ok = text(value, f.name);
            } else if (key == "kind") {
                ok = text(value, f.kind);
            } else if (key == "shared") {
                simdjson::ondemand::json_type t;
                ok = !value.type().get(t);
                f.shared = false;
                if (ok && t == simdjson::ondemand::json_type::boolean)
                    ok = !value.get_bool().get(f.shared);
                else if (ok)
                    ok = SimdValueReader::skip(value);
            } else if (key == "localEndpoint") {
                std::optional<std::string> name;
                ok = serviceName(value, name);
                f.localService = name.value_or(std::string());
            } else if (key == "remoteEndpoint") {
                ok = serviceName(value, f.remoteService);
            } else if (key == "timestamp") {
                ok = SimdValueReader::micros(value, f.timestamp);
            } else if (key == "duration") {
                ok = SimdValueReader::micros(value, f.duration);
            } else if (key == "annotations") {
                ok = annotations(value, f.annotations);
            } else if (key == "tags") {
                ok = tags(value, f.tags);
            } else {
                ok = SimdValueReader::skip(value);
            }
            return ok;
        });
    }

    bool annotations(simdjson::ondemand::value& v, std::vector<std::pair<std::optional<std::int64_t>, std::string>>& out)
    {
        out.clear();
        return forEachElement(v, [&](simdjson::ondemand::value& item) {
            auto& annotation = out.emplace_back(); // time, value
            return forEachMember(item, [&](std::string_view key, simdjson::ondemand::value& fieldValue) {
                if (key == "timestamp")
                    return SimdValueReader::micros(fieldValue, annotation.first);
                if (key == "value")
                    return text(fieldValue, annotation.second);
                return SimdValueReader::skip(fieldValue);
            });
        });
    }

    bool tags(simdjson::ondemand::value& v, std::vector<std::pair<std::string, std::string>>& out)
    {
        out.clear();
        const bool read = forEachMember(v, [&](std::string_view key, simdjson::ondemand::value& value) {
            std::string k(key);
            std::string valueText;
            if (!text(value, valueText))
                return false;
            std::erase_if(out, [&k](const auto& t) { return t.first == k; });
            out.emplace_back(std::move(k), std::move(valueText));
            return true;
        });
        if (!read)
            return false;
        // In key order, as the robust path's nlohmann object holds them.
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        return true;
    }

private:
    SimdValueReader m_values;
};

// The bulk path: simdjson On-Demand reads each span record straight into its fields (no
// DOM per span); it gives up, and the robust path reads the file, on anything it cannot
// read exactly alike (including shapes the robust path reads in its own way, such as an
// array nested in a span list).
class SimdZipkinReader
{
public:
    using Outcome = BulkOutcome;

    // For progress: the size of the whole text (0 when someone else reports progress).
    void setProgressTotal(std::size_t bytes) { m_progressTotal = bytes; }

    // `maxNesting`: values nested deeper make the reader give up (the robust reader cuts
    // them); by default a little inside the load limit, so that near it the robust path decides.
    SimdZipkinReader(ZipkinSpanReader& reader, const LoadControl* control, std::optional<int> maxNesting = std::nullopt)
        : m_reader(reader)
        , m_control(control)
        , m_maxNesting(maxNesting.value_or((control ? control->limits.maxValueNesting : LoadLimits().maxValueNesting) - 4))
        , m_fields(m_maxNesting)
    {
    }

    // One span record (one the robust reader recovered), without progress or Cancel.
    Outcome readRecord(simdjson::ondemand::value& value)
    {
        ZipkinSpanFields fields;
        if (!m_fields.readSpan(value, fields))
            return Outcome::GaveUp;
        m_reader.readSpan(fields);
        return Outcome::Done;
    }

    // A list of spans (or of traces) a batch at a time (see readArrayInBatches); NotApplicable
    // for a single span or when batches are turned off.
    Outcome readInBatches(TextWindow& text, DocumentShape shape, SpanLimit& limit)
    {
        const std::size_t batchBytes = m_control ? m_control->bulkBatchBytes : LoadControl().bulkBatchBytes;
        if (batchBytes == 0 || shape == DocumentShape::ZipkinSingleSpan)
            return Outcome::NotApplicable;
        const std::size_t open = findTopLevelArray(text);
        if (open == std::string_view::npos)
            return Outcome::NotApplicable;
        std::size_t close = 0;
        SpanBatches decoder(*this, shape, limit);
        if (const Outcome o = readArrayInBatches(text, open, batchBytes, m_control, decoder, close); o != Outcome::Done)
            return o;
        return text.rest(close).find_first_not_of(" \t\r\n", 1) == std::string_view::npos ? Outcome::Done : Outcome::GaveUp;
    }

    Outcome read(std::string_view text, std::size_t capacity, DocumentShape shape, SpanLimit& limit)
    {
        const PaddedInput input(text, capacity);
        simdjson::ondemand::parser parser;
        simdjson::ondemand::document doc;
        if (parser.iterate(input.view()).get(doc))
            return Outcome::GaveUp;
        m_doc = &doc;
        m_text = text;
        m_progressBase = 0;
        if (shape == DocumentShape::ZipkinSingleSpan) {
            simdjson::ondemand::value root;
            if (doc.get_value().get(root))
                return Outcome::GaveUp;
            if (const Outcome o = readOne(root, limit); o != Outcome::Done)
                return o;
        } else {
            simdjson::ondemand::array list;
            if (doc.get_array().get(list))
                return Outcome::GaveUp;
            if (const Outcome o = readList(list, shape, limit); o != Outcome::Done)
                return o;
        }
        const char* after = nullptr;
        if (!doc.current_location().get(after))
            return Outcome::GaveUp; // something after the document: the robust path says what
        return Outcome::Done;
    }

private:
    Outcome readList(simdjson::ondemand::array& list, DocumentShape shape, SpanLimit& limit)
    {
        for (auto element : list) {
            simdjson::ondemand::value value;
            if (element.get(value))
                return Outcome::GaveUp;
            const auto readSpan = [&](simdjson::ondemand::value& span) { return readOne(span, limit); };
            if (const Outcome o = forEachSpanIn(value, shape, readSpan); o != Outcome::Done)
                return o;
        }
        return Outcome::Done;
    }

    Outcome readOne(simdjson::ondemand::value& value, SpanLimit& limit)
    {
        ZipkinSpanFields fields;
        if (!m_fields.readSpan(value, fields))
            return Outcome::GaveUp;
        m_reader.readSpan(fields);
        if (!limit.allows(static_cast<std::int64_t>(m_reader.spanCount())))
            return Outcome::LimitExceeded;
        if ((++m_read & 0x3fff) == 0 && m_control) {
            if (m_control->cancelled())
                return Outcome::Cancelled;
            const char* at = nullptr;
            if (m_control->progress && !m_doc->current_location().get(at))
                m_control->progress(static_cast<std::int64_t>(m_progressBase + (at - m_text.data())),
                                    static_cast<std::int64_t>(m_progressTotal ? m_progressTotal : m_text.size()));
        }
        return Outcome::Done;
    }

    // Each span of one element of the span list: the element itself, or in a list of traces
    // each span in it; GaveUp at an element of the other kind (the robust path reads that).
    template <class Each>
    static Outcome forEachSpanIn(simdjson::ondemand::value& value, DocumentShape shape, Each&& each)
    {
        simdjson::ondemand::json_type type;
        if (value.type().get(type))
            return Outcome::GaveUp;
        const bool nested = type == simdjson::ondemand::json_type::array;
        if (nested != (shape == DocumentShape::ZipkinTraces))
            return Outcome::GaveUp;
        if (!nested)
            return each(value);
        simdjson::ondemand::array trace;
        if (value.get_array().get(trace))
            return Outcome::GaveUp;
        for (auto inner : trace) {
            simdjson::ondemand::value span;
            if (inner.get(span))
                return Outcome::GaveUp;
            if (const Outcome o = each(span); o != Outcome::Done)
                return o;
        }
        return Outcome::Done;
    }

    // The span list's batches in two steps (see BatchDecoder): a batch's spans are walked into a
    // slot's fields (on the helper thread when two cores read), then handed to the reader.
    class SpanBatches final : public RecordBatches<ZipkinSpanFields, ZipkinFieldReader>
    {
    public:
        SpanBatches(SimdZipkinReader& owner, DocumentShape shape, SpanLimit& limit)
            : RecordBatches(owner.m_maxNesting, 128, limit, owner.m_control, owner.m_progressTotal)
            , m_reader(owner.m_reader)
            , m_shape(shape)
        {
        }

        BulkOutcome decode(int slot, simdjson::ondemand::array& elements, std::string_view text) override
        {
            Slot& s = begin(slot, text);
            const auto decodeSpan = [&s](simdjson::ondemand::value& span) {
                return s.walker.readSpan(span, add(s)) ? Outcome::Done : Outcome::GaveUp;
            };
            for (auto element : elements) {
                simdjson::ondemand::value value;
                if (element.get(value))
                    return Outcome::GaveUp;
                if (const Outcome o = forEachSpanIn(value, m_shape, decodeSpan); o != Outcome::Done)
                    return o;
            }
            return Outcome::Done;
        }

        BulkOutcome map(int slot, std::size_t textOffset) override
        {
            return mapSlot(
                slot, textOffset, [this](const ZipkinSpanFields& span) { m_reader.readSpan(span); },
                [this] { return static_cast<std::int64_t>(m_reader.spanCount()); });
        }

    private:
        ZipkinSpanReader& m_reader;
        DocumentShape m_shape;
    };

    ZipkinSpanReader& m_reader;
    const LoadControl* m_control;
    int m_maxNesting;
    ZipkinFieldReader m_fields;
    std::int64_t m_read = 0;
    simdjson::ondemand::document* m_doc = nullptr;
    std::string_view m_text;
    std::size_t m_progressBase = 0;
    std::size_t m_progressTotal = 0;
};

// One reading of a Zipkin file, whichever tier reads it (see jsonpipeline.h).
class ZipkinPass
{
public:
    ZipkinPass(const QString& sourceFile, const LoadControl* control)
        : m_control(control)
        , m_groups(TraceFormat::Zipkin, sourceFile, control)
        , m_reader(m_groups, m_problems)
        , m_fast(m_reader, control)
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
        // The records the robust reader recovers go to the bulk reader's mapper; their depth
        // is already cut to the limit.
        SimdZipkinReader recovery(m_reader, nullptr, (m_control ? m_control->limits : LoadLimits()).maxValueNesting + 1);
        const auto onSpan = [&](simdjson::ondemand::value& span, const JsonPath&) {
            const BulkOutcome o = recovery.readRecord(span);
            return o == BulkOutcome::Done && !limit.allows(m_reader.spanCount()) ? BulkOutcome::LimitExceeded : o;
        };
        const JsonRecordReader::Result read = readRecordsRobustly(text, isSpan, onSpan, m_control, m_unreadable);
        return robustReadSucceeded(read, limit, m_reader.spanCount(), m_groups, result);
    }

    void finish(ImportResult& result)
    {
        m_reader.finish();
        finishGroups(m_groups, m_problems, m_unreadable, QCoreApplication::translate("Importer", "the Zipkin document holds no spans"),
                     result);
    }

private:
    const LoadControl* m_control;
    TraceGroups m_groups;
    ProblemTally m_problems;
    ZipkinSpanReader m_reader;
    SimdZipkinReader m_fast;
    int m_unreadable = 0;
};

} // namespace

namespace {

// Zipkin v2: an array of spans (or of traces, each an array), or one span.
std::optional<DocumentShape> zipkinShapeOfArray(const nlohmann::json& first)
{
    if (first.is_array())
        return DocumentShape::ZipkinTraces;
    if (first.is_object() && first.contains("traceId") && (first.contains("id") || first.contains("timestamp")))
        return DocumentShape::ZipkinSpans;
    return std::nullopt;
}

std::optional<DocumentShape> zipkinShapeOfObject(const std::set<std::string>& keys)
{
    return keys.count("traceId") && (keys.count("id") || keys.count("timestamp")) ? std::optional(DocumentShape::ZipkinSingleSpan)
                                                                                 : std::nullopt;
}

} // namespace

FormatReader zipkinFormatReader()
{
    return {TraceFormat::Zipkin, nullptr, zipkinShapeOfArray, zipkinShapeOfObject, {},
            jsonpipeline::import<ZipkinPass>, jsonpipeline::importStreamed<ZipkinPass>};
}

} // namespace tracedelta
