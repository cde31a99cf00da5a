// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chromeeventreader.h"
#include "perfettoclocks.h"
#include "protowire.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tracedelta {

// Reads Perfetto TracePackets (field numbers of Perfetto's protos/perfetto/trace/) into the
// trace-event reader Chrome's JSON uses, as the events Chrome's JSON export would write:
// track events (and legacy events) as X/B/E/instant events on their thread's lane, names
// and categories resolved through each sequence's interned data, processes and threads named
// from descriptors and process trees, atrace markers from ftrace print events. What holds no
// spans (counters, samples, logs, metadata, scheduling) is counted by kind for the notes.
class PerfettoPacketReader
{
public:
    explicit PerfettoPacketReader(ChromeEventSink& events);
    // Where the events go from now on (a queue while another thread reads them, then the reader itself).
    void setSink(ChromeEventSink& events) { m_events = &events; }
    ~PerfettoPacketReader();

    // One packet; false when its bytes are not a well-formed message (problem() says what,
    // problemOffset() where within the packet).
    bool readPacket(std::string_view packet);
    const QString& problem() const { return m_problem; }
    std::size_t problemOffset() const { return m_problemOffset; }
    // A packet the caller skipped because readPacket() found it malformed, at `offset` in the file.
    void countMalformed(std::size_t offset)
    {
        if (m_malformedPackets++ == 0)
            m_firstMalformedOffset = offset;
    }

    // Names lanes first seen before their track was described, and writes the notes.
    void finish(TraceBuilder& builder);

private:
    struct Track
    {
        std::uint64_t parent = 0;
        std::string name;
        std::int64_t pid = -1;
        std::int64_t tid = -1;
        bool isCounter = false;
    };
    struct Lane
    {
        std::string pid;
        std::string tid;
    };
    struct Sequence
    {
        std::unordered_map<std::uint64_t, std::string> names;
        std::unordered_map<std::uint64_t, std::string> categories;
        std::unordered_map<std::uint64_t, std::string> annotationNames;
        std::unordered_map<std::uint64_t, std::string> annotationStrings;
        std::optional<std::uint64_t> defaultTrack;
        std::optional<std::uint32_t> defaultClock;
        PerfettoClocks::SequenceClocks clocks;
        // A sequence of the older kind names its thread in a ThreadDescriptor packet and times
        // its events in µs relative to a reference.
        Track thread;
        std::int64_t referenceUs = 0;
        bool stateValid = false;
    };

    struct PacketFields
    {
        std::optional<std::uint64_t> timestamp;
        std::optional<std::uint32_t> clock;
        std::optional<std::int64_t> time; // in the trace clock
        std::uint32_t sequenceId = 0;
        std::uint32_t flags = 0;
        bool cleared = false;
        bool dropped = false;
        std::vector<std::string_view> interned; // a message field written twice merges
        std::string_view defaults, snapshot, trackEvent, trackDescriptor, processDescriptor, threadDescriptor,
            processTree, ftrace;
        std::uint32_t otherPayload = 0;
    };
    enum class LaneChoice { Lane, Counter, Async };

    bool malformed(const protowire::Reader& reader, std::size_t base, const char* what);
    Sequence& sequence(std::uint32_t id);
    void clearIncrementalState(Sequence& seq);
    bool readInternedData(std::string_view bytes, Sequence& seq);
    bool readDefaults(std::string_view bytes, Sequence& seq);
    bool readTrackDescriptor(std::string_view bytes);
    bool readProcessDescriptor(std::string_view bytes, std::int64_t& pid, int chromeType);
    bool readThreadDescriptor(std::string_view bytes, Track& thread, std::int64_t* referenceUs);
    bool readProcessTree(std::string_view bytes);
    bool readTrackEvent(const PacketFields& packet, Sequence& seq);
    bool readAnnotations(const Sequence& seq);
    nlohmann::json annotationValue(std::string_view bytes, const Sequence& seq, int depth, std::string& name, bool& ok);
    bool readFtraceBundle(std::string_view bytes, Sequence& seq);
    void readAtraceMarker(std::int64_t time, std::int64_t tid, std::string_view text);
    bool trackEventLane(char phase, const Sequence& seq, std::uint64_t track, bool hasTrack,
                        std::optional<std::pair<std::int64_t, std::int64_t>> legacyThread, Lane& lane);
    LaneChoice laneForTrack(std::uint64_t uuid, Lane& lane);
    void nameProcess(std::int64_t pid, const std::string& name);
    void nameThread(std::int64_t pid, std::int64_t tid, const std::string& name);
    void nameLane(const Lane& lane, const std::string& name);
    void skip(const char* kind, int count = 1) { m_skipped[kind] += count; }
    void emit(char phase, std::int64_t time, const Lane& lane, std::string_view name, std::string_view category,
              std::optional<std::int64_t> duration = std::nullopt);

    ChromeEventSink* m_events;
    ChromeEvent m_event;
    PerfettoClocks m_clocks;
    char m_phase[1] = {'X'};
    std::unordered_map<std::uint32_t, std::unique_ptr<Sequence>> m_sequences;
    std::unordered_map<std::uint64_t, Track> m_tracks;
    std::set<std::uint64_t> m_undescribedLanes; // tracks whose events came before their descriptor
    std::unordered_map<std::int64_t, std::string> m_processNames;
    std::map<std::pair<std::string, std::string>, std::string> m_laneNames;
    std::unordered_map<std::int64_t, std::int64_t> m_tgidOfTid; // from process trees and atrace
    std::map<std::string, int> m_skipped;                       // kind → packets or events
    std::map<std::string, int> m_skippedFtrace;                 // ftrace event name → count
    std::vector<std::pair<std::string, std::string>> m_argStore;
    std::vector<std::string_view> m_annotations;
    std::string m_categoryScratch;
    std::string m_asyncId; // the async track of the event being read, else empty
    int m_unknownInterned = 0;
    int m_lostState = 0;
    int m_unconverted = 0;
    int m_malformedPackets = 0;
    std::size_t m_firstMalformedOffset = 0;
    QString m_problem;
    std::size_t m_problemOffset = 0;
};

} // namespace tracedelta
