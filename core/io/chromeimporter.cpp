// SPDX-License-Identifier: GPL-3.0-or-later
#include "chromeimporter.h"

#include "../model/producerknowledge.h"

#include "jsonbatches.h"
#include "jsonpipeline.h"
#include "simdjsonvalues.h"
#include "../util/cancellablesort.h"
#include "../util/timearithmetic.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <charconv>
#include <deque>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace tracedelta {

namespace {


struct Slice
{
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int32_t lane = 0;
    StringId name = 0;
    StringId category = 0;
    std::uint32_t argBegin = 0;
    std::uint32_t argEnd = 0;
    std::uint32_t order = 0; // position in the file, to keep ties stable
};

struct Mark // a B, E or instant event
{
    std::int64_t time = 0;
    std::int32_t lane = 0;
    char phase = 0;
    StringId name = 0;
    StringId category = 0;
    std::uint32_t argBegin = 0;
    std::uint32_t argEnd = 0;
    std::uint32_t order = 0;
};

// The fields of one trace event that TraceDelta reads, whichever parser read them: text as
// nlohmann's json::text() gives it (strings unescaped, numbers and structures as compact
// JSON), times in ns (nullopt when missing or unreadable).
struct ChromeEvent
{
    bool isObject = true;
    std::string_view ph;
    std::string_view name;
    std::string_view cat;
    std::string_view pid;
    std::string_view tid;
    std::optional<std::int64_t> ts;
    std::optional<std::int64_t> dur;
    std::vector<std::pair<std::string_view, std::string_view>> args; // when "args" is an object

    void clear()
    {
        isObject = true;
        ph = name = cat = pid = tid = {};
        ts.reset();
        dur.reset();
        args.clear();
    }
};

// Hands out the marks of one thread at one timestamp in the order that keeps the stack
// consistent: an E closing the open slice first, then B's, then the rest in file order.
// Linear in the group's size, however many events share the timestamp.
class GroupPicker
{
public:
    GroupPicker(const std::vector<Mark>& marks, const std::uint32_t* begin, const std::uint32_t* end)
        : m_marks(marks)
        , m_begin(begin)
        , m_size(static_cast<std::size_t>(end - begin))
        , m_taken(m_size, false)
    {
        for (std::size_t k = 0; k < m_size; ++k) {
            const Mark& mark = m_marks[m_begin[k]];
            if (mark.phase == 'B')
                m_begins.push_back(k);
            else if (mark.phase == 'E')
                m_endsByName[mark.name].push_back(k);
        }
    }

    bool done() const { return m_takenCount == m_size; }

    std::uint32_t next(std::optional<StringId> openName)
    {
        std::size_t k = m_size;
        if (openName) {
            if (auto found = m_endsByName.find(*openName); found != m_endsByName.end())
                k = firstUntaken(found->second);
        }
        if (k == m_size && m_beginCursor < m_begins.size())
            k = m_begins[m_beginCursor];
        if (k == m_size) {
            while (m_taken[m_cursor])
                ++m_cursor;
            k = m_cursor;
        }
        take(k);
        return m_begin[k];
    }

private:
    // Front of a queue of positions, skipping those already taken another way.
    std::size_t firstUntaken(std::deque<std::size_t>& queue)
    {
        while (!queue.empty() && m_taken[queue.front()])
            queue.pop_front();
        return queue.empty() ? m_size : queue.front();
    }

    void take(std::size_t k)
    {
        m_taken[k] = true;
        ++m_takenCount;
        while (m_beginCursor < m_begins.size() && m_taken[m_begins[m_beginCursor]])
            ++m_beginCursor;
    }

    const std::vector<Mark>& m_marks;
    const std::uint32_t* m_begin;
    std::size_t m_size;
    std::vector<bool> m_taken;
    std::size_t m_takenCount = 0;
    std::size_t m_cursor = 0;
    std::vector<std::size_t> m_begins;
    std::size_t m_beginCursor = 0;
    std::unordered_map<StringId, std::deque<std::size_t>> m_endsByName;
};

class ChromeEventReader
{
public:
    ChromeEventReader(TraceBuilder& builder, const LoadControl* control)
        : m_builder(builder)
        , m_control(control)
    {
        m_builder.setCancelFlag(control ? control->cancel : nullptr);
    }

    void readEvent(const ChromeEvent& event)
    {
        ++m_eventCount;
        if (!event.isObject) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n trace event(s) that are not JSON objects were skipped"));
            return;
        }
        const char ph = event.ph.size() == 1 ? event.ph[0] : '?';
        if (ph == 'M') {
            readMetadata(event);
            return;
        }
        if (ph != 'X' && ph != 'B' && ph != 'E' && ph != 'i' && ph != 'I' && ph != 'R') {
            ++m_skippedPhases[std::string(event.ph)];
            return;
        }
        if (!event.ts) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n trace event(s) without a readable \"ts\" were skipped"));
            return;
        }
        const std::int64_t time = *event.ts;
        if (ph == 'X' && isAggregateEvent(event.name, event.args)) {
            readAggregate(event);
            return;
        }
        const std::int32_t lane = laneOf(event.pid, event.tid);
        const StringId name = m_builder.intern(event.name);
        const StringId category = m_builder.intern(event.cat);
        const auto argBegin = static_cast<std::uint32_t>(m_args.size());
        for (const auto& [key, value] : event.args)
            m_args.push_back({m_builder.intern(key), m_builder.intern(value)});
        const auto argEnd = static_cast<std::uint32_t>(m_args.size());
        const auto order = static_cast<std::uint32_t>(m_eventCount); // below LoadLimits::maxSpans
        if (ph == 'X') {
            if (!event.dur) {
                m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n complete event(s) have no \"dur\"; shown with zero length"),
                               Diagnostic::Severity::Info);
            }
            m_slices.push_back({time, timemath::add(time, event.dur.value_or(0)), lane, name, category, argBegin, argEnd, order});
        } else {
            m_marks.push_back({time, lane, ph, name, category, argBegin, argEnd, order});
        }
    }

    // False when Cancel came first.
    bool build()
    {
        matchBeginEnd();
        if (cancelled() || !nestAndEmit())
            return false;
        reportSkipped();
        m_problems.reportTo(m_builder);
        // The builder holds every span now; the events need not wait for its model.
        m_sliceCount = m_slices.size();
        std::vector<Slice>().swap(m_slices);
        std::vector<Mark>().swap(m_marks);
        std::vector<std::uint32_t>().swap(m_instants);
        std::vector<Attribute>().swap(m_args);
        return true;
    }

    std::size_t sliceCount() const { return std::max(m_slices.size(), m_sliceCount); }
    std::int64_t eventCount() const { return m_eventCount; }
    int unclosedBegins() const { return m_unclosed; }

private:
    std::int32_t laneOf(std::string_view pid, std::string_view tid)
    {
        // Consecutive events are mostly on one thread: skip the map for them.
        if (m_lastLane >= 0 && m_laneKeys[m_lastLane].first == pid && m_laneKeys[m_lastLane].second == tid)
            return m_lastLane;
        auto [it, inserted] = m_laneIndex.try_emplace({std::string(pid), std::string(tid)}, static_cast<std::int32_t>(m_laneKeys.size()));
        if (inserted)
            m_laneKeys.push_back({std::string(pid), std::string(tid)});
        m_lastLane = it->second;
        return it->second;
    }

    // A producer's summary row (clang's "Total Source"): its duration is the sum over the
    // phase's occurrences, "count" how many there were.
    void readAggregate(const ChromeEvent& event)
    {
        std::int64_t count = 0;
        for (const auto& [key, value] : event.args) {
            if (key == "count")
                std::from_chars(value.data(), value.data() + value.size(), count);
        }
        m_builder.addAggregate(event.name, event.dur.value_or(0), count);
        m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n aggregate event(s) (sums the producer wrote beside its events, such as "
                                                       "clang's “Total …”) kept as a summary table, not as spans"),
                       Diagnostic::Severity::Info);
    }

    void readMetadata(const ChromeEvent& event)
    {
        std::string_view label;
        for (const auto& [key, value] : event.args) {
            if (key == "name")
                label = value;
        }
        if (label.empty())
            return;
        if (event.name == "process_name")
            m_processNames[std::string(event.pid)] = std::string(label);
        else if (event.name == "thread_name")
            m_threadNames[{std::string(event.pid), std::string(event.tid)}] = std::string(label);
    }

    // Pairs B with E per thread. Events at the same timestamp are taken in the order
    // that keeps the stack consistent: an E closing the open slice first, then B's,
    // then remaining E's, so zero-length pairs written as "E before B" still match.
    void matchBeginEnd()
    {
        std::vector<std::uint32_t> byLaneTime(m_marks.size());
        std::iota(byLaneTime.begin(), byLaneTime.end(), 0);
        const bool sorted = cancellableSort(byLaneTime.begin(), byLaneTime.end(), [this](std::uint32_t a, std::uint32_t b) {
            const Mark& x = m_marks[a];
            const Mark& y = m_marks[b];
            return std::tie(x.lane, x.time, x.order) < std::tie(y.lane, y.time, y.order);
        }, cancelFlag());
        if (!sorted)
            return; // build() sees Cancel next
        std::vector<std::uint32_t> open;
        int extraEnds = 0;
        int strayEnds = 0;
        std::vector<StringId> closedEarly; // slices ended by an "E" of another name
        int mismatched = 0;
        std::size_t i = 0;
        while (i < byLaneTime.size()) {
            std::size_t groupEnd = i;
            const Mark& first = m_marks[byLaneTime[i]];
            while (groupEnd < byLaneTime.size() && m_marks[byLaneTime[groupEnd]].lane == first.lane
                   && m_marks[byLaneTime[groupEnd]].time == first.time)
                ++groupEnd;
            if (i == 0 || m_marks[byLaneTime[i - 1]].lane != first.lane) {
                m_unclosed += static_cast<int>(open.size());
                open.clear();
                closedEarly.clear();
            }
            GroupPicker picker(m_marks, byLaneTime.data() + i, byLaneTime.data() + groupEnd);
            while (!picker.done()) {
                const std::uint32_t m = picker.next(open.empty() ? std::optional<StringId>() : m_marks[open.back()].name);
                const Mark& mark = m_marks[m];
                if (mark.phase == 'B') {
                    open.push_back(m);
                } else if (mark.phase == 'E') {
                    if (open.empty()) {
                        ++extraEnds;
                        continue;
                    }
                    // A named end that names no open slice ends nothing (as Perfetto and
                    // speedscope read it), rather than cutting short whatever is open —
                    // unless its slice was closed early by a swapped end ("E alpha, E beta"
                    // for "B alpha, B beta"), whose pairing by nesting it completes.
                    if (mark.name != 0
                        && std::none_of(open.begin(), open.end(), [&](std::uint32_t o) { return m_marks[o].name == mark.name; })) {
                        const auto owed = std::find(closedEarly.begin(), closedEarly.end(), mark.name);
                        if (owed == closedEarly.end()) {
                            ++strayEnds;
                            continue;
                        }
                        closedEarly.erase(owed);
                    }
                    const Mark& begin = m_marks[open.back()];
                    open.pop_back();
                    if (begin.name != mark.name && mark.name != 0) {
                        ++mismatched;
                        closedEarly.push_back(begin.name);
                    }
                    m_slices.push_back({begin.time, mark.time, begin.lane, begin.name, begin.category, begin.argBegin,
                                        begin.argEnd, begin.order});
                } else {
                    m_instants.push_back(m);
                }
            }
            i = groupEnd;
        }
        m_unclosed += static_cast<int>(open.size());
        using S = Diagnostic::Severity;
        if (extraEnds > 0)
            m_builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                    "%n \"E\" event(s) without a matching \"B\" were ignored", nullptr, extraEnds));
        if (strayEnds > 0)
            m_builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                    "%n \"E\" event(s) name no open slice and were ignored", nullptr, strayEnds));
        if (mismatched > 0)
            m_builder.addDiagnostic(S::Info, QCoreApplication::translate("Importer",
                                                 "%n \"E\" event(s) close a slice of a different name; matched by nesting",
                                                 nullptr, mismatched));
        if (m_unclosed > 0)
            m_builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                    "%n \"B\" event(s) are never closed and are not shown", nullptr, m_unclosed));
    }

    bool cancelled() const { return m_control && m_control->cancelled(); }
    const std::atomic<bool>* cancelFlag() const { return m_control ? m_control->cancel : nullptr; }

    bool nestAndEmit()
    {
        const bool sorted = cancellableSort(m_slices.begin(), m_slices.end(), [](const Slice& a, const Slice& b) {
            if (a.lane != b.lane)
                return a.lane < b.lane;
            if (a.start != b.start)
                return a.start < b.start;
            if (a.end != b.end)
                return a.end > b.end; // the longer one encloses
            return a.order < b.order;
        }, cancelFlag());
        if (!sorted || cancelled())
            return false;
        std::vector<SpanIndex> parent(m_slices.size(), NoSpan);
        std::vector<SpanIndex> stack;
        int partialOverlaps = 0;
        for (std::size_t i = 0; i < m_slices.size(); ++i) {
            const Slice& s = m_slices[i];
            if (i > 0 && m_slices[i - 1].lane != s.lane)
                stack.clear();
            while (!stack.empty()) {
                const Slice& top = m_slices[stack.back()];
                if (s.start >= top.start && s.end <= top.end)
                    break;
                if (s.start < top.end)
                    ++partialOverlaps;
                stack.pop_back();
            }
            parent[i] = stack.empty() ? NoSpan : stack.back();
            stack.push_back(static_cast<SpanIndex>(i));
        }
        if (partialOverlaps > 0)
            m_builder.addDiagnostic(Diagnostic::Severity::Warning,
                                    QCoreApplication::translate("Importer",
                                                                "%n slice(s) overlap a slice on the same thread without "
                                                                "nesting; shown beside it",
                                                                nullptr, partialOverlaps));

        // Instants by the slice that hosts them (in file order within one), flat: most
        // slices host none, and a list per slice would cost more than the slice.
        std::vector<std::pair<SpanIndex, std::uint32_t>> hosted;
        hosted.reserve(m_instants.size());
        int unattached = 0;
        for (std::uint32_t m : m_instants) {
            const Mark& mark = m_marks[m];
            auto it = std::upper_bound(m_slices.begin(), m_slices.end(), std::make_pair(mark.lane, mark.time),
                                       [](const std::pair<std::int32_t, std::int64_t>& key, const Slice& s) {
                                           return key < std::make_pair(s.lane, s.start);
                                       });
            SpanIndex host = NoSpan;
            if (it != m_slices.begin()) {
                SpanIndex candidate = static_cast<SpanIndex>(it - m_slices.begin() - 1);
                while (candidate != NoSpan && m_slices[candidate].lane == mark.lane && m_slices[candidate].end < mark.time)
                    candidate = parent[candidate];
                if (candidate != NoSpan && m_slices[candidate].lane == mark.lane)
                    host = candidate;
            }
            if (host == NoSpan)
                ++unattached;
            else
                hosted.emplace_back(host, m);
        }
        std::stable_sort(hosted.begin(), hosted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        if (unattached > 0)
            m_builder.addDiagnostic(Diagnostic::Severity::Info,
                                    QCoreApplication::translate("Importer",
                                                                "%n instant event(s) lie outside every slice of their "
                                                                "thread and are not shown",
                                                                nullptr, unattached));

        std::vector<std::int32_t> builderLane(m_laneKeys.size());
        for (std::size_t l = 0; l < m_laneKeys.size(); ++l)
            builderLane[l] = m_builder.addLane(laneLabel(static_cast<std::int32_t>(l)));
        std::vector<StringId> laneService(m_laneKeys.size());
        for (std::size_t l = 0; l < m_laneKeys.size(); ++l)
            laneService[l] = m_builder.intern(processLabel(m_laneKeys[l].first));
        const StringId categoryKey = m_builder.intern("category");
        // Sized once: a million spans grown by doubling would hold one and a half copies at a time.
        std::size_t attributes = 0;
        for (const Slice& s : m_slices)
            attributes += (s.category != 0 ? 1 : 0) + (s.argEnd - s.argBegin);
        m_builder.reserve(m_slices.size(), attributes, hosted.size());
        auto nextHosted = hosted.cbegin();
        for (std::size_t i = 0; i < m_slices.size(); ++i) {
            if ((i & 0xffff) == 0 && cancelled())
                return false;
            const Slice& s = m_slices[i];
            SpanDraft draft;
            draft.parentDraft = parent[i];
            draft.name = s.name;
            draft.service = laneService[s.lane];
            draft.lane = builderLane[s.lane];
            draft.startNs = s.start;
            draft.durationNs = timemath::sub(s.end, s.start);
            m_builder.addSpan(draft);
            if (s.category != 0)
                m_builder.addAttribute(categoryKey, s.category);
            for (auto a = s.argBegin; a < s.argEnd; ++a)
                m_builder.addAttribute(m_args[a].key, m_args[a].value);
            for (; nextHosted != hosted.cend() && static_cast<std::size_t>(nextHosted->first) == i; ++nextHosted) {
                const Mark& mark = m_marks[nextHosted->second];
                m_builder.addEvent(mark.time, mark.name);
                for (auto a = mark.argBegin; a < mark.argEnd; ++a)
                    m_builder.addEventAttribute(m_args[a].key, m_args[a].value);
            }
        }
        return true;
    }

    std::string processLabel(const std::string& pid) const
    {
        const auto found = m_processNames.find(pid);
        return found != m_processNames.end() ? found->second : "Process " + pid;
    }

    std::string laneLabel(std::int32_t lane) const
    {
        const auto& [pid, tid] = m_laneKeys[lane];
        const auto thread = m_threadNames.find({pid, tid});
        return processLabel(pid) + " / " + (thread != m_threadNames.end() ? thread->second : "Thread " + tid);
    }

    void reportSkipped()
    {
        if (m_skippedPhases.empty())
            return;
        int total = 0;
        QString detail;
        for (const auto& [phase, count] : m_skippedPhases) {
            total += count;
            if (!detail.isEmpty())
                detail += QStringLiteral(", ");
            detail += QStringLiteral("%1: %2").arg(QString::fromStdString(phase)).arg(count);
        }
        m_builder.addDiagnostic(Diagnostic::Severity::Info,
                                QCoreApplication::translate("Importer",
                                                            "%n event(s) of kinds that are not spans (async, flow, "
                                                            "counter, sample, object) were not shown",
                                                            nullptr, total)
                                    + QStringLiteral(" (") + detail + QLatin1Char(')'));
    }

    TraceBuilder& m_builder;
    const LoadControl* m_control;
    ProblemTally m_problems;
    std::int64_t m_eventCount = 0;
    std::vector<Slice> m_slices;
    std::vector<Mark> m_marks;
    std::vector<std::uint32_t> m_instants;
    std::vector<Attribute> m_args;
    std::map<std::pair<std::string, std::string>, std::int32_t> m_laneIndex;
    std::vector<std::pair<std::string, std::string>> m_laneKeys;
    std::int32_t m_lastLane = -1;
    std::map<std::string, std::string> m_processNames;
    std::map<std::pair<std::string, std::string>, std::string> m_threadNames;
    std::map<std::string, int> m_skippedPhases;
    int m_unclosed = 0;
    std::size_t m_sliceCount = 0; // kept when build() frees the slices
};

// The bulk path: simdjson On-Demand reads the events straight into the reader, without a
// DOM per event. It gives up (and the robust nlohmann path reads the file instead, with its
// messages, diagnostics and tolerance of a missing "]") on anything it cannot read exactly
// as that path would: a syntax error, a truncated file, a number beyond 64 bits, arguments
// nested deeper than the limit.
ImportResult& finishChrome(ChromeEventReader& reader, TraceBuilder& builder, ImportResult& result)
{
    if (!reader.build()) {
        result.cancelled = true;
        return result;
    }
    if (reader.sliceCount() == 0) {
        result.problem = reader.unclosedBegins() > 0
            ? QCoreApplication::translate("Importer", "the trace holds no complete slices (%n \"B\" event(s) never closed)",
                                          nullptr, reader.unclosedBegins())
            : QCoreApplication::translate("Importer", "the trace holds no slices (no \"X\" events or \"B\"/\"E\" pairs)");
        return result;
    }
    if (TracePtr trace = builder.build())
        result.traces.push_back(std::move(trace));
    else
        result.cancelled = true;
    return result;
}

class SimdChromeReader
{
public:
    // `maxNesting`: values nested deeper make the reader give up. By default a little inside
    // the load limit: the robust path cuts values nested deeper than the limit inside an event
    // (the event and "args" are levels of their own), so near the limit it decides.
    SimdChromeReader(ChromeEventReader& reader, const LoadControl* control, std::optional<int> maxNesting = std::nullopt)
        : m_reader(reader)
        , m_control(control)
        , m_values(maxNesting.value_or((control ? control->limits.maxValueNesting : LoadLimits().maxValueNesting) - 3))
    {
    }

    using Outcome = BulkOutcome;

    // One event (one the robust reader recovered), without progress or Cancel.
    Outcome readRecord(simdjson::ondemand::value& value)
    {
        if (!readEvent(value, m_event))
            return Outcome::GaveUp;
        m_reader.readEvent(m_event);
        return Outcome::Done;
    }


    // For progress: the size of the whole text (0 when someone else reports progress).
    void setProgressTotal(std::size_t bytes) { m_progressTotal = bytes; }

    // The traceEvents array a batch of events at a time (see readArrayInBatches): the
    // parser's index covers one batch, not the file, Cancel is seen within a batch, and a
    // text read through a window needs only the batch in memory. NotApplicable when the
    // document's frame is one only read() reads (no plainly named array).
    Outcome readInBatches(TextWindow& text, DocumentShape shape, SpanLimit& limit)
    {
        const std::size_t batchBytes = m_control ? m_control->bulkBatchBytes : LoadControl().bulkBatchBytes;
        if (batchBytes == 0)
            return Outcome::NotApplicable;
        const bool bareArray = shape == DocumentShape::ChromeArray;
        const std::size_t open = bareArray ? findTopLevelArray(text) : findFirstArrayMember(text, "traceEvents");
        if (open == std::string_view::npos)
            return Outcome::NotApplicable;
        // What surrounds the array is read as read() reads it, with the array left empty; the
        // part before it is in the window now, not once the batches have moved on.
        std::string frame(bareArray ? std::string_view() : text.range(0, open + 1));
        std::size_t close = 0;
        const auto readBatch = [&](simdjson::ondemand::array& events, simdjson::ondemand::document& doc,
                                   std::string_view batchText, std::size_t textOffset) {
            m_progressBase = textOffset;
            return readEvents(events, doc, batchText, limit);
        };
        if (const Outcome o = readArrayInBatches(text, open, batchBytes, m_control, readBatch, close); o != Outcome::Done)
            return o;
        const std::string_view after = text.rest(close);
        if (bareArray)
            return after.find_first_not_of(" \t\r\n", 1) == std::string_view::npos ? Outcome::Done : Outcome::GaveUp;
        frame.reserve(frame.size() + after.size() + simdjson::SIMDJSON_PADDING);
        frame.append(after);
        m_progressBase = 0;
        return read(frame, frame.capacity(), shape, limit);
    }

    Outcome read(std::string_view text, std::size_t capacity, DocumentShape shape, SpanLimit& limit)
    {
        const PaddedInput input(text, capacity);
        simdjson::ondemand::parser parser;
        simdjson::ondemand::document doc;
        if (parser.iterate(input.view()).get(doc))
            return Outcome::GaveUp;
        if (shape == DocumentShape::ChromeArray) {
            simdjson::ondemand::array events;
            if (doc.get_array().get(events))
                return Outcome::GaveUp;
            if (const Outcome o = readEvents(events, doc, text, limit); o != Outcome::Done)
                return o;
        } else {
            simdjson::ondemand::object root;
            if (doc.get_object().get(root))
                return Outcome::GaveUp;
            for (auto field : root) {
                std::string_view key;
                if (SimdValueReader::keyError(field, key))
                    return Outcome::GaveUp;
                simdjson::ondemand::value value = field.value();
                if (key != "traceEvents") {
                    if (!skip(value))
                        return Outcome::GaveUp;
                    continue;
                }
                simdjson::ondemand::array events;
                if (value.get_array().get(events))
                    return Outcome::GaveUp;
                if (const Outcome o = readEvents(events, doc, text, limit); o != Outcome::Done)
                    return o;
            }
        }
        // Anything after the document (the robust path says what) makes the fast path give up.
        const char* after = nullptr;
        if (!doc.current_location().get(after))
            return Outcome::GaveUp;
        return Outcome::Done;
    }

private:
    Outcome readEvents(simdjson::ondemand::array& events, simdjson::ondemand::document& doc, std::string_view text, SpanLimit& limit)
    {
        for (auto element : events) {
            simdjson::ondemand::value value;
            if (element.get(value) || !readEvent(value, m_event))
                return Outcome::GaveUp;
            m_reader.readEvent(m_event);
            if (!limit.allows(m_reader.eventCount()))
                return Outcome::LimitExceeded;
            if ((m_reader.eventCount() & 0x3fff) == 0 && m_control) {
                if (m_control->cancelled())
                    return Outcome::Cancelled;
                const char* at = nullptr;
                if (m_control->progress && !doc.current_location().get(at))
                    m_control->progress(static_cast<std::int64_t>(m_progressBase + (at - text.data())),
                                        static_cast<std::int64_t>(m_progressTotal ? m_progressTotal : text.size()));
            }
        }
        return Outcome::Done;
    }

    bool readEvent(simdjson::ondemand::value value, ChromeEvent& event)
    {
        event.clear();
        m_values.clear();
        return forEachMember(value, event.isObject, [&](std::string_view key, simdjson::ondemand::value& v) {
            if (key == "ph")
                return text(v, event.ph);
            if (key == "name")
                return text(v, event.name);
            if (key == "cat")
                return text(v, event.cat);
            if (key == "pid")
                return text(v, event.pid);
            if (key == "tid")
                return text(v, event.tid);
            if (key == "ts")
                return micros(v, event.ts);
            if (key == "dur")
                return micros(v, event.dur);
            if (key == "args")
                return args(v, event);
            return skip(v);
        });
    }

    bool args(simdjson::ondemand::value& v, ChromeEvent& event)
    {
        const bool read = forEachMember(v, [&](std::string_view key, simdjson::ondemand::value& value) {
            std::string_view valueText;
            if (!text(value, valueText))
                return false;
            // Duplicate keys: the last one wins, as in nlohmann's object.
            const auto same = std::find_if(event.args.begin(), event.args.end(), [key](const auto& a) { return a.first == key; });
            if (same != event.args.end())
                event.args.erase(same);
            event.args.emplace_back(key, valueText);
            return true;
        });
        if (!read)
            return false;
        // In key order, as the robust path's nlohmann object holds them.
        std::sort(event.args.begin(), event.args.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        return true;
    }

    static bool skip(simdjson::ondemand::value& v) { return SimdValueReader::skip(v); }
    static bool micros(simdjson::ondemand::value& v, std::optional<std::int64_t>& out) { return SimdValueReader::micros(v, out); }
    bool text(simdjson::ondemand::value& v, std::string_view& out) { return m_values.text(v, out); }

    ChromeEventReader& m_reader;
    const LoadControl* m_control;
    ChromeEvent m_event;
    SimdValueReader m_values;
    std::size_t m_progressBase = 0;
    std::size_t m_progressTotal = 0;
};

std::string chromeTraceName(const QString& sourceFile)
{
    QString traceName = QFileInfo(sourceFile).fileName();
    for (const char* suffix : {".gz", ".json"}) {
        if (traceName.endsWith(QLatin1String(suffix)))
            traceName.chop(static_cast<int>(qstrlen(suffix)));
    }
    return traceName.toStdString();
}

// One reading of a Chrome trace-event file, whichever tier reads it (see jsonpipeline.h).
class ChromePass
{
public:
    ChromePass(const QString& sourceFile, const LoadControl* control)
        : m_control(control)
        , m_builder(TraceFormat::Chrome, sourceFile, chromeTraceName(sourceFile))
        , m_reader(m_builder, control)
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
        const auto isEvent = [shape](const JsonPath& path, JsonValueKind) {
            if (shape == DocumentShape::ChromeArray)
                return path.size() == 1 ? Visit::Capture : Visit::Skip;
            return path.size() == 2 && path[0] == "traceEvents" ? Visit::Capture : Visit::Skip;
        };
        // The events the robust reader recovers go to the bulk reader's mapper; their depth
        // is already cut to the limit.
        SimdChromeReader recovery(m_reader, nullptr, (m_control ? m_control->limits : LoadLimits()).maxValueNesting + 1);
        const auto onEvent = [&](simdjson::ondemand::value& event, const JsonPath&) {
            const BulkOutcome o = recovery.readRecord(event);
            return o == BulkOutcome::Done && !limit.allows(m_reader.eventCount()) ? BulkOutcome::LimitExceeded : o;
        };
        int unreadable = 0;
        const JsonRecordReader::Result read = readRecordsRobustly(text, isEvent, onEvent, m_control, unreadable);
        // The format allows the closing "]" to be missing (a trace written by a process that
        // was killed); only an end of input inside the event array qualifies.
        const bool unterminatedArray = !read.ok && !read.cancelled && read.errorOffset >= text.size()
            && read.depthAtError >= (shape == DocumentShape::ChromeArray ? 1 : 2);
        if (limit.reportIfExceeded(result) || (!unterminatedArray && failedRead(read, result, m_reader.eventCount())))
            return false;
        reportReaderNotes(read, m_builder);
        if (unterminatedArray && read.endedInsideRecord)
            m_builder.addDiagnostic(Diagnostic::Severity::Warning,
                                    QCoreApplication::translate("Importer", "the file ends inside an event; that event was ignored"));
        ProblemTally problems;
        reportUnreadableRecords(unreadable, problems);
        problems.reportTo(m_builder);
        return true;
    }

    void finish(ImportResult& result) { finishChrome(m_reader, m_builder, result); }

private:
    const LoadControl* m_control;
    TraceBuilder m_builder;
    ChromeEventReader m_reader;
    SimdChromeReader m_fast;
};

} // namespace

FormatReader chromeFormatReader()
{
    return {TraceFormat::Chrome, jsonpipeline::import<ChromePass>, jsonpipeline::importStreamed<ChromePass>};
}

} // namespace tracedelta
