// SPDX-License-Identifier: GPL-3.0-or-later
#include "chromeeventreader.h"

#include "../model/producerknowledge.h"
#include "../util/cancellablesort.h"
#include "../util/timearithmetic.h"

#include <QCoreApplication>

#include <charconv>
#include <deque>
#include <numeric>
#include <unordered_map>

namespace tracedelta {

namespace {

// Hands out the marks of one thread at one timestamp in the order that keeps the stack
// consistent: an E naming the open slice first, else the next in file order — unless that
// is an E naming another slice (written before its own zero-length B), when the B's come
// first. File order is what the producer meant for unnamed ends: a slice that ends where
// the next begins ("E", then "B" at one µs) must not swallow it. Linear in the group's
// size, however many events share the timestamp.
template<typename MarkAt>
class GroupPicker
{
public:
    // `markAt(k)`: the group's k-th mark in file order.
    GroupPicker(std::size_t size, MarkAt markAt)
        : m_markAt(markAt)
        , m_size(size)
        , m_taken(m_size, false)
    {
        for (std::size_t k = 0; k < m_size; ++k) {
            const ChromeEventReader::Mark& mark = m_markAt(k);
            if (mark.phase == 'B')
                m_begins.push_back(k);
            else if (mark.phase == 'E')
                m_endsByName[mark.name].push_back(k);
        }
    }

    bool done() const { return m_takenCount == m_size; }

    // The position in the group of the mark to pair next.
    std::size_t next(std::optional<StringId> openName)
    {
        std::size_t k = m_size;
        if (openName) {
            if (auto found = m_endsByName.find(*openName); found != m_endsByName.end())
                k = firstUntaken(found->second);
        }
        if (k == m_size) {
            while (m_taken[m_cursor])
                ++m_cursor;
            k = m_cursor;
            const ChromeEventReader::Mark& mark = m_markAt(k);
            const bool endOfAnother = mark.phase == 'E' && mark.name != 0 && mark.name != openName.value_or(0);
            if (endOfAnother && m_beginCursor < m_begins.size())
                k = m_begins[m_beginCursor];
        }
        take(k);
        return k;
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

    MarkAt m_markAt;
    std::size_t m_size;
    std::vector<bool> m_taken;
    std::size_t m_takenCount = 0;
    std::size_t m_cursor = 0;
    std::vector<std::size_t> m_begins;
    std::size_t m_beginCursor = 0;
    std::unordered_map<StringId, std::deque<std::size_t>> m_endsByName;
};

} // namespace

// An end's args belong to its slice, as Chrome's JSON writes them into one complete event
// (Layout's "endData", UpdateLayoutTree's "elementCount"): rare enough to copy both ranges
// to the end of the store rather than give every slice a second range.
std::pair<std::uint32_t, std::uint32_t> ChromeEventReader::mergedArgs(const Mark& begin, const Mark& end)
{
    if (end.argBegin == end.argEnd)
        return {begin.argBegin, begin.argEnd};
    const auto merged = static_cast<std::uint32_t>(m_args.size());
    for (auto a = begin.argBegin; a < begin.argEnd; ++a)
        m_args.push_back(m_args[a]);
    for (auto a = end.argBegin; a < end.argEnd; ++a) {
        const bool fromBegin = std::any_of(m_args.begin() + merged, m_args.begin() + merged + (begin.argEnd - begin.argBegin),
                                           [&](const Attribute& b) { return b.key == m_args[a].key; });
        if (!fromBegin)
            m_args.push_back(m_args[a]);
    }
    return {merged, static_cast<std::uint32_t>(m_args.size())};
}

ChromeEventReader::ChromeEventReader(TraceBuilder& builder, const LoadControl* control, TraceEventSource source, Pairing pairing)
    : m_builder(builder)
    , m_control(control)
    , m_source(source)
    , m_pairing(pairing)
{
    m_builder.setCancelFlag(control ? control->cancel : nullptr);
}

void ChromeEventReader::readEvent(const ChromeEvent& event)
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
    const bool async = ph == 'b' || ph == 'e' || ph == 'n';
    if (!async && ph != 'X' && ph != 'B' && ph != 'E' && ph != 'i' && ph != 'I' && ph != 'R') {
        ++m_skippedPhases[std::string(event.ph)];
        return;
    }
    if (!event.ts) {
        m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n trace event(s) without a readable \"ts\" were skipped"));
        return;
    }
    if (async) {
        readAsync(ph, event);
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
    const auto [argBegin, argEnd] = keepArgs(event);
    const auto order = static_cast<std::uint32_t>(m_eventCount); // below LoadLimits::maxSpans
    if (ph == 'X' || ph == 'B') {
        for (const auto& [id, terminating] : event.flows)
            m_flowMarks.push_back({id, order, terminating});
    }
    if (ph == 'X') {
        if (!event.dur) {
            m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n complete event(s) have no \"dur\"; shown with zero length"),
                           Diagnostic::Severity::Info);
        }
        const Slice slice{time, timemath::add(time, event.dur.value_or(0)), lane, name, category, argBegin, argEnd, order};
        laneSlices(lane).push_back(slice);
    } else if (m_pairing == Pairing::WhileReading) {
        pairOnArrival({time, lane, ph, name, category, argBegin, argEnd, order});
    } else {
        m_marks.push_back({time, lane, ph, name, category, argBegin, argEnd, order});
    }
}

std::pair<std::uint32_t, std::uint32_t> ChromeEventReader::keepArgs(const ChromeEvent& event)
{
    const auto argBegin = static_cast<std::uint32_t>(m_args.size());
    for (const auto& [key, value] : event.args)
        m_args.push_back({m_builder.intern(key), m_builder.internValue(value)});
    return {argBegin, static_cast<std::uint32_t>(m_args.size())};
}

// A thread's marks wait while they share a timestamp (the picker orders them), and are
// paired once a later one arrives; one that is earlier ends pairing while reading.
void ChromeEventReader::pairOnArrival(const Mark& mark)
{
    if (m_outOfOrder)
        return;
    if (m_lanePairing.size() <= static_cast<std::size_t>(mark.lane))
        m_lanePairing.resize(static_cast<std::size_t>(mark.lane) + 1);
    LanePairing& lane = m_lanePairing[static_cast<std::size_t>(mark.lane)];
    if (!lane.group.empty() && mark.time != lane.group.front().time) {
        if (mark.time < lane.group.front().time) {
            m_outOfOrder = true;
            return;
        }
        pairGroup(lane.group.size(), [&lane](std::size_t k) -> const Mark& { return lane.group[k]; }, lane);
        lane.group.clear();
    }
    lane.group.push_back(mark);
}

bool ChromeEventReader::build()
{
    pairAsync();
    if (m_pairing == Pairing::WhileReading) {
        for (LanePairing& lane : m_lanePairing) {
            pairGroup(lane.group.size(), [&lane](std::size_t k) -> const Mark& { return lane.group[k]; }, lane);
            closeLane(lane);
        }
        std::vector<LanePairing>().swap(m_lanePairing);
        reportPairing();
    } else {
        matchBeginEnd();
    }
    if (cancelled() || !nestAndEmit())
        return false;
    reportSkipped();
    reportAsync();
    noteCount(m_flowLinks, QCoreApplication::translate("Importer", "%n flow step(s) between slices are kept as links (a span's Details list them)",
                                                       nullptr, m_flowLinks));
    noteCount(m_flowsWithOneEnd, QCoreApplication::translate("Importer",
                                                             "%n flow(s) touch only one slice in the trace (the other end came "
                                                             "before tracing started, after it stopped, or on an event that is not a slice)",
                                                             nullptr, m_flowsWithOneEnd));
    m_problems.reportTo(m_builder);
    // The builder holds every span now; the events need not wait for its model.
    std::vector<std::vector<Slice>>().swap(m_laneSlices);
    std::vector<Mark>().swap(m_marks);
    std::vector<std::uint32_t>().swap(m_instants);
    std::vector<Attribute>().swap(m_args);
    return true;
}

std::int32_t ChromeEventReader::laneOf(std::string_view pid, std::string_view tid)
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

void ChromeEventReader::readAggregate(const ChromeEvent& event)
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

void ChromeEventReader::readMetadata(const ChromeEvent& event)
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

// The marks' indices ordered by (lane, time, file order). Lanes are bucketed in one pass;
// a producer writes each thread's events in time order (Perfetto's sequences, most JSON), so
// a bucket is only sorted when it is not in order already. Empty when cancelled.
std::vector<std::uint32_t> ChromeEventReader::marksByLaneAndTime() const
{
    std::vector<std::uint32_t> laneStart(m_laneKeys.size() + 1, 0);
    for (const Mark& mark : m_marks)
        ++laneStart[static_cast<std::size_t>(mark.lane) + 1];
    std::partial_sum(laneStart.begin(), laneStart.end(), laneStart.begin());
    std::vector<std::uint32_t> byLaneTime(m_marks.size());
    std::vector<std::uint32_t> next(laneStart.begin(), laneStart.end() - 1);
    for (std::uint32_t m = 0; m < m_marks.size(); ++m)
        byLaneTime[next[static_cast<std::size_t>(m_marks[m].lane)]++] = m;
    const auto earlier = [this](std::uint32_t a, std::uint32_t b) {
        return std::tie(m_marks[a].time, m_marks[a].order) < std::tie(m_marks[b].time, m_marks[b].order);
    };
    for (std::size_t l = 0; l + 1 < laneStart.size(); ++l) {
        const auto begin = byLaneTime.begin() + laneStart[l];
        const auto end = byLaneTime.begin() + laneStart[l + 1];
        if (!std::is_sorted(begin, end, earlier) && !cancellableSort(begin, end, earlier, cancelFlag()))
            return {};
    }
    return byLaneTime;
}

template<typename MarkAt>
void ChromeEventReader::pairGroup(std::size_t size, MarkAt markAt, LanePairing& lane)
{
    const auto instantIndex = [this](const Mark& mark) {
        if (m_pairing == Pairing::AfterReading)
            return static_cast<std::uint32_t>(&mark - m_marks.data());
        m_marks.push_back(mark); // only instants are kept while reading
        return static_cast<std::uint32_t>(m_marks.size() - 1);
    };
    // Most timestamps hold one mark: it needs no picking.
    if (size == 1) {
        const Mark& mark = markAt(0);
        pairMark(mark, lane, mark.phase == 'B' || mark.phase == 'E' ? 0 : instantIndex(mark));
        return;
    }
    GroupPicker picker(size, markAt);
    while (!picker.done()) {
        const Mark& mark = markAt(picker.next(lane.open.empty() ? std::optional<StringId>() : lane.open.back().name));
        pairMark(mark, lane, mark.phase == 'B' || mark.phase == 'E' ? 0 : instantIndex(mark));
    }
}

void ChromeEventReader::pairMark(const Mark& mark, LanePairing& lane, std::uint32_t instant)
{
    if (mark.phase == 'B') {
        lane.open.push_back(mark);
        if (m_pairing == Pairing::WhileReading) {
            std::vector<Slice>& slices = laneSlices(mark.lane);
            lane.openSlot.push_back(static_cast<std::uint32_t>(slices.size()));
            slices.push_back({mark.time, mark.time, UnclosedLane, 0, 0, 0, 0, 0});
        }
        return;
    }
    if (mark.phase != 'E') {
        m_instants.push_back(instant);
        return;
    }
    if (lane.open.empty()) {
        ++m_pairingTally.extraEnds;
        return;
    }
    // A named end that names no open slice ends nothing (as Perfetto and speedscope read
    // it), rather than cutting short whatever is open — unless its slice was closed early by
    // a swapped end ("E alpha, E beta" for "B alpha, B beta"), whose pairing by nesting it
    // completes.
    if (mark.name != 0 && std::none_of(lane.open.begin(), lane.open.end(), [&](const Mark& o) { return o.name == mark.name; })) {
        const auto owed = std::find(lane.closedEarly.begin(), lane.closedEarly.end(), mark.name);
        if (owed == lane.closedEarly.end()) {
            ++m_pairingTally.strayEnds;
            return;
        }
        lane.closedEarly.erase(owed);
    }
    const Mark begin = lane.open.back();
    lane.open.pop_back();
    if (begin.name != mark.name && mark.name != 0) {
        ++m_pairingTally.mismatched;
        lane.closedEarly.push_back(begin.name);
    }
    const auto [argBegin, argEnd] = mergedArgs(begin, mark);
    const Slice slice{begin.time, mark.time, begin.lane, begin.name, begin.category, argBegin, argEnd, begin.order};
    if (m_pairing == Pairing::WhileReading) {
        laneSlices(begin.lane)[lane.openSlot.back()] = slice;
        lane.openSlot.pop_back();
    } else {
        laneSlices(begin.lane).push_back(slice);
    }
}

std::vector<ChromeEventReader::Slice>& ChromeEventReader::laneSlices(std::int32_t lane)
{
    if (m_laneSlices.size() <= static_cast<std::size_t>(lane))
        m_laneSlices.resize(static_cast<std::size_t>(lane) + 1);
    return m_laneSlices[static_cast<std::size_t>(lane)];
}

void ChromeEventReader::closeLane(LanePairing& lane)
{
    m_unclosed += static_cast<int>(lane.open.size());
    lane.open.clear();
    lane.openSlot.clear();
    lane.closedEarly.clear();
}

void ChromeEventReader::matchBeginEnd()
{
    std::vector<std::uint32_t> byLaneTime = marksByLaneAndTime();
    if (byLaneTime.size() != m_marks.size())
        return; // cancelled: build() sees Cancel next
    LanePairing lane;
    std::size_t i = 0;
    while (i < byLaneTime.size()) {
        std::size_t groupEnd = i;
        const Mark& first = m_marks[byLaneTime[i]];
        while (groupEnd < byLaneTime.size() && m_marks[byLaneTime[groupEnd]].lane == first.lane
               && m_marks[byLaneTime[groupEnd]].time == first.time)
            ++groupEnd;
        if (i > 0 && m_marks[byLaneTime[i - 1]].lane != first.lane)
            closeLane(lane);
        pairGroup(groupEnd - i, [&](std::size_t k) -> const Mark& { return m_marks[byLaneTime[i + k]]; }, lane);
        i = groupEnd;
    }
    closeLane(lane);
    reportPairing();
    keepOnlyInstantMarks();
}

void ChromeEventReader::reportPairing()
{
    using S = Diagnostic::Severity;
    const PairingTally& t = m_pairingTally;
    if (t.extraEnds > 0 && m_source == TraceEventSource::Perfetto)
        m_builder.addDiagnostic(S::Info, QCoreApplication::translate("Importer",
                                             "%n slice end(s) on a track with no open slice were ignored (their "
                                             "begin came before tracing started, or was lost)", nullptr, t.extraEnds));
    else if (t.extraEnds > 0)
        m_builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                "%n \"E\" event(s) without a matching \"B\" were ignored", nullptr, t.extraEnds));
    if (t.strayEnds > 0)
        m_builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                "%n \"E\" event(s) name no open slice and were ignored", nullptr, t.strayEnds));
    if (t.mismatched > 0)
        m_builder.addDiagnostic(S::Info, QCoreApplication::translate("Importer",
                                             "%n \"E\" event(s) close a slice of a different name; matched by nesting",
                                             nullptr, t.mismatched));
    if (m_unclosed > 0 && m_source == TraceEventSource::Perfetto)
        m_builder.addDiagnostic(S::Info, QCoreApplication::translate("Importer",
                                             "%n slice(s) still open when tracing stopped are not shown", nullptr, m_unclosed));
    else if (m_unclosed > 0)
        m_builder.addDiagnostic(S::Warning, QCoreApplication::translate("Importer",
                                                "%n \"B\" event(s) are never closed and are not shown", nullptr, m_unclosed));
}

// Paired, the begins and ends live on as slices: only the instants' marks are read again
// (nestAndEmit hosts them). Freed before the model is built, they are not part of its peak.
void ChromeEventReader::keepOnlyInstantMarks()
{
    std::vector<Mark> instants;
    instants.reserve(m_instants.size());
    for (std::uint32_t& m : m_instants) {
        instants.push_back(m_marks[m]);
        m = static_cast<std::uint32_t>(instants.size() - 1);
    }
    m_marks.swap(instants);
}

std::string ChromeEventReader::processLabel(const std::string& pid) const
{
    const auto found = m_processNames.find(pid);
    return found != m_processNames.end() ? found->second : "Process " + pid;
}

std::string ChromeEventReader::laneLabel(std::int32_t lane) const
{
    const auto& [pid, tid] = m_laneKeys[lane];
    const auto thread = m_threadNames.find({pid, tid});
    return processLabel(pid) + " / " + (thread != m_threadNames.end() ? thread->second : "Thread " + tid);
}

void ChromeEventReader::reportSkipped()
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

} // namespace tracedelta
