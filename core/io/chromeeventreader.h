// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importresult.h"
#include "jsonrecordreader.h"

#include "../model/tracebuilder.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tracedelta {

// The trace-event model shared by Chrome's JSON and Perfetto's protobuf: X events, B/E
// pairs matched per thread, instants attached to the slice around them, process and thread
// names from metadata. Both readers hand their events to one ChromeEventReader, so a JSON and
// a protobuf recording of one program give the same lanes, names and nesting.
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
    std::string_view id; // an async event's "id" or "id2" (as its text): its begin and end share it
    std::optional<std::int64_t> ts;
    std::optional<std::int64_t> dur;
    std::vector<std::pair<std::string_view, std::string_view>> args; // when "args" is an object
    // Perfetto's flow ids on a slice: (id, whether the flow ends here). A flow joins the
    // slices that carry its id, each to the one before it in time.
    std::vector<std::pair<std::uint64_t, bool>> flows;

    void clear()
    {
        isObject = true;
        ph = name = cat = pid = tid = id = {};
        ts.reset();
        dur.reset();
        args.clear();
        flows.clear();
    }
};

enum class TraceEventSource { ChromeJson, Perfetto };

// Where a reader hands its trace events: a ChromeEventReader, or a queue to one on another
// thread (the Perfetto reader's packets are decoded on a core of their own).
class ChromeEventSink
{
public:
    virtual ~ChromeEventSink() = default;
    virtual void take(const ChromeEvent& event) = 0;
};

class ChromeEventReader final : public ChromeEventSink
{
public:
    // What the reader keeps of each event until build().
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

    // How B and E events become slices.
    enum class Pairing {
        // Kept until build(), then sorted by thread and time: any order in the file works.
        AfterReading,
        // Paired as they arrive, a thread's open slices on a stack: no event is kept, but
        // each thread's events must come in time order (a Perfetto sequence's do). When one
        // does not, pairedOutOfOrder() says so and the file is to be read again AfterReading.
        WhileReading,
    };

    // `source` picks the wording of the notes (Perfetto has slice ends, not "E" events).
    ChromeEventReader(TraceBuilder& builder, const LoadControl* control, TraceEventSource source = TraceEventSource::ChromeJson,
                      Pairing pairing = Pairing::AfterReading);
    void readEvent(const ChromeEvent& event);
    void take(const ChromeEvent& event) override { readEvent(event); }
    // WhileReading: a thread's events came out of time order; what was built is not valid.
    bool pairedOutOfOrder() const { return m_outOfOrder; }
    // False when Cancel came first.
    bool build();
    // After build(): the slices it made.
    std::size_t sliceCount() const { return m_sliceCount; }
    std::int64_t eventCount() const { return m_eventCount; }
    int unclosedBegins() const { return m_unclosed; }

private:
    std::int32_t laneOf(std::string_view pid, std::string_view tid);
    // A producer's summary row (clang's "Total Source"): its duration is the sum over the
    // phase's occurrences, "count" how many there were.
    void readAggregate(const ChromeEvent& event);
    void readMetadata(const ChromeEvent& event);
    // A nestable async event ("b", "e", "n"; Perfetto's slices on async tracks) with a time:
    // paired by its id, shown on a lane of its process per category ("Renderer /
    // blink.user_timing", where performance.measure() writes).
    void readAsync(char phase, const ChromeEvent& event);
    // The event's args interned into m_args: their range there.
    std::pair<std::uint32_t, std::uint32_t> keepArgs(const ChromeEvent& event);
    // One thread's pairing: its open slices, the slices an end of another name closed early,
    // and (WhileReading) the marks at its latest timestamp, paired once a later one comes.
    struct LanePairing
    {
        std::vector<Mark> open;
        std::vector<std::uint32_t> openSlot; // WhileReading: each open slice's place in its lane's slices
        std::vector<StringId> closedEarly;
        std::vector<Mark> group;
    };
    // What pairing found wrong, for the notes.
    struct PairingTally
    {
        int extraEnds = 0;
        int strayEnds = 0;
        int mismatched = 0;
    };
    void pairOnArrival(const Mark& mark);
    // The marks of one thread at one timestamp, in the order GroupPicker gives them.
    template<typename MarkAt>
    void pairGroup(std::size_t size, MarkAt markAt, LanePairing& lane);
    // One B, E or instant; `instant` is its index in m_marks (kept for nestAndEmit).
    void pairMark(const Mark& mark, LanePairing& lane, std::uint32_t instant);
    void closeLane(LanePairing& lane);
    std::vector<Slice>& laneSlices(std::int32_t lane);
    // The place of a slice whose end never came (WhileReading), left out when the lanes are emitted.
    static constexpr std::int32_t UnclosedLane = -1;
    // nestAndEmit's parts (chromeslicenesting.cpp).
    bool sortLane(std::vector<Slice>& slices) const;
    std::vector<std::pair<SpanIndex, std::uint32_t>> hostInstants(const std::vector<Slice>& slices, const std::vector<SpanIndex>& parent,
                                                                  std::span<const std::uint32_t> instants, int& unattached) const;
    void reportPairing();
    std::vector<std::uint32_t> marksByLaneAndTime() const;
    void keepOnlyInstantMarks();
    // The args of a B/E pair: the begin's, then the end's keys the begin lacks.
    std::pair<std::uint32_t, std::uint32_t> mergedArgs(const Mark& begin, const Mark& end);
    // Pairs B with E per thread. Events at the same timestamp are taken in the order
    // that keeps the stack consistent: an E closing the open slice first, then B's,
    // then remaining E's, so zero-length pairs written as "E before B" still match.
    void matchBeginEnd();
    bool cancelled() const { return m_control && m_control->cancelled(); }
    const std::atomic<bool>* cancelFlag() const { return m_control ? m_control->cancel : nullptr; }
    // What emitting the lanes' slices shares: the builder's lanes and services, and the draft
    // each flow's slice became.
    struct EmitContext
    {
        std::vector<std::int32_t> builderLane;
        std::vector<StringId> laneService;
        StringId categoryKey = 0;
        std::unordered_map<std::uint32_t, SpanIndex> draftOfOrder; // a flow slice's order -> its draft
        std::size_t emitted = 0;
    };
    bool nestAndEmit();
    bool emitLane(const std::vector<Slice>& slices, const std::vector<SpanIndex>& parent,
                  const std::vector<std::pair<SpanIndex, std::uint32_t>>& hosted, EmitContext& context);
    // The flows between the slices just emitted, as links.
    void linkFlows(const std::unordered_map<std::uint32_t, SpanIndex>& draftOfOrder);
    std::string processLabel(const std::string& pid) const;
    std::string laneLabel(std::int32_t lane) const;
    void reportSkipped();
    void pairAsync();
    void reportAsync();
    // An Info note saying how many, when there are any.
    void noteCount(int count, const QString& note)
    {
        if (count > 0)
            m_builder.addDiagnostic(Diagnostic::Severity::Info, note);
    }

    TraceBuilder& m_builder;
    const LoadControl* m_control;
    TraceEventSource m_source;
    ProblemTally m_problems;
    std::int64_t m_eventCount = 0;
    std::vector<Mark> m_marks;
    std::vector<std::uint32_t> m_instants;
    std::vector<Attribute> m_args;
    struct FlowMark
    {
        std::uint64_t id = 0;
        std::uint32_t order = 0; // the slice's (its begin's) order
        bool terminating = false;
    };
    std::vector<FlowMark> m_flowMarks;
    int m_flowLinks = 0;
    int m_flowsWithOneEnd = 0;
    std::map<std::pair<std::string, std::string>, std::int32_t> m_laneIndex;
    std::vector<std::pair<std::string, std::string>> m_laneKeys;
    std::int32_t m_lastLane = -1;
    std::map<std::string, std::string> m_processNames;
    std::map<std::pair<std::string, std::string>, std::string> m_threadNames;
    std::map<std::string, int> m_skippedPhases;
    // Async begins and ends, paired by id once all are read: one id's events come from
    // several threads, so a file (a Perfetto trace's sequences) need not hold them in time order.
    std::map<std::string, std::uint32_t> m_asyncIds; // process, category (JSON), id -> key
    std::vector<std::pair<std::uint32_t, Mark>> m_asyncMarks;                 // key, begin or end
    int m_asyncUnclosed = 0;
    int m_asyncEndsWithoutBegin = 0;
    std::string m_asyncLaneKey;
    Pairing m_pairing;
    std::vector<LanePairing> m_lanePairing; // WhileReading: by lane
    // Each lane's slices. WhileReading, in the order they began (a slice takes its place at its
    // begin), so a lane is mostly in nesting order already and build() sorts only lanes that are not.
    std::vector<std::vector<Slice>> m_laneSlices;
    PairingTally m_pairingTally;
    bool m_outOfOrder = false;
    int m_unclosed = 0;
    std::size_t m_sliceCount = 0; // kept when build() frees the slices
};

// Builds the reader's slices into the builder's trace; a trace with no slices is a problem.
ImportResult& finishChrome(ChromeEventReader& reader, TraceBuilder& builder, ImportResult& result);

} // namespace tracedelta
