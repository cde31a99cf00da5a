// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfettopackets.h"

#include "perfettonotes.h"
#include "../util/timearithmetic.h"

#include <QCoreApplication>

#include <algorithm>

namespace tracedelta {

using protowire::Field;
using protowire::Reader;
using protowire::WireType;

namespace {

// TracePacket fields (trace_packet.proto) this reader uses; every other payload is counted.
enum PacketField : std::uint32_t {
    FtraceEvents = 1, ProcessTreeField = 2, ClockSnapshotField = 6, Timestamp = 8, SequenceId = 10, TrackEventField = 11,
    InternedDataField = 12, SequenceFlags = 13, IncrementalStateCleared = 41, PreviousPacketDropped = 42,
    ProcessDescriptorField = 43, ThreadDescriptorField = 44, TimestampClockId = 58, PacketDefaults = 59,
    TrackDescriptorField = 60,
};
constexpr std::uint32_t SeqIncrementalStateCleared = 1;
constexpr std::uint32_t SeqNeedsIncrementalState = 2;

std::string numberText(std::int64_t n)
{
    return std::to_string(n);
}

} // namespace

PerfettoPacketReader::PerfettoPacketReader(ChromeEventSink& events)
    : m_events(&events)
{
}

PerfettoPacketReader::~PerfettoPacketReader() = default;

bool PerfettoPacketReader::malformed(const Reader& reader, std::size_t base, const char* what)
{
    m_problemOffset = base + reader.problemOffset();
    m_problem = QCoreApplication::translate("Importer", "malformed %1: %2").arg(QLatin1String(what), wireProblemText(reader));
    return false;
}

PerfettoPacketReader::Sequence& PerfettoPacketReader::sequence(std::uint32_t id)
{
    auto [it, inserted] = m_sequences.try_emplace(id);
    if (inserted)
        it->second = std::make_unique<Sequence>();
    return *it->second;
}

void PerfettoPacketReader::clearIncrementalState(Sequence& seq)
{
    seq.names.clear();
    seq.categories.clear();
    seq.annotationNames.clear();
    seq.annotationStrings.clear();
    seq.defaultTrack.reset();
    seq.defaultClock.reset();
    seq.clocks.clear();
    seq.stateValid = true;
}

bool PerfettoPacketReader::readPacket(std::string_view packet)
{
    PacketFields p;
    Reader reader(packet);
    Field f;
    while (reader.next(f)) {
        const bool bytes = f.type == WireType::Bytes;
        switch (f.number) {
        case Timestamp: p.timestamp = f.value; break;
        case TimestampClockId: p.clock = static_cast<std::uint32_t>(f.value); break;
        case SequenceId: p.sequenceId = static_cast<std::uint32_t>(f.value); break;
        case SequenceFlags: p.flags = static_cast<std::uint32_t>(f.value); break;
        case IncrementalStateCleared: p.cleared = f.value != 0; break;
        case PreviousPacketDropped: p.dropped = f.value != 0; break;
        case InternedDataField: p.interned.push_back(f.bytes); break;
        case PacketDefaults: p.defaults = f.bytes; break;
        case ClockSnapshotField: p.snapshot = f.bytes; break;
        case TrackEventField: p.trackEvent = f.bytes; break;
        case TrackDescriptorField: p.trackDescriptor = f.bytes; break;
        case ProcessDescriptorField: p.processDescriptor = f.bytes; break;
        case ThreadDescriptorField: p.threadDescriptor = f.bytes; break;
        case ProcessTreeField: p.processTree = f.bytes; break;
        case FtraceEvents: p.ftrace = f.bytes; break;
        case 3: case 79: case 87: case 98: break; // trusted uid/pid, first packet on sequence, machine
        default:
            if (bytes || f.number == 36)
                p.otherPayload = f.number;
            break;
        }
    }
    if (reader.problem() != protowire::Problem::None)
        return malformed(reader, 0, "packet");
    Sequence& seq = sequence(p.sequenceId);
    if (p.dropped)
        seq.stateValid = false;
    if (p.cleared || (p.flags & SeqIncrementalStateCleared))
        clearIncrementalState(seq);
    if ((p.flags & SeqNeedsIncrementalState) && !seq.stateValid) {
        ++m_lostState; // its interned names and clock deltas refer to packets lost before it
        return true;
    }
    for (const std::string_view interned : p.interned) {
        if (!readInternedData(interned, seq))
            return false;
    }
    if (!p.defaults.empty() && !readDefaults(p.defaults, seq))
        return false;
    if (!p.snapshot.empty() && !m_clocks.readSnapshot(p.snapshot, seq.clocks)) {
        m_problem = QCoreApplication::translate("Importer", "malformed clock snapshot");
        return false;
    }
    if (p.timestamp) {
        // Resolved for every packet: an incremental clock moves with each one.
        p.time = m_clocks.toTraceTime(p.clock.value_or(seq.defaultClock.value_or(m_clocks.traceClock())), *p.timestamp, seq.clocks);
        if (!p.time && (!p.trackEvent.empty() || !p.ftrace.empty()))
            ++m_unconverted;
    }
    if (!p.trackDescriptor.empty())
        return readTrackDescriptor(p.trackDescriptor);
    if (!p.processDescriptor.empty()) {
        std::int64_t pid = -1;
        return readProcessDescriptor(p.processDescriptor, pid, 0);
    }
    if (!p.threadDescriptor.empty())
        return readThreadDescriptor(p.threadDescriptor, seq.thread, &seq.referenceUs);
    if (!p.processTree.empty())
        return readProcessTree(p.processTree);
    if (!p.trackEvent.empty())
        return readTrackEvent(p, seq);
    if (!p.ftrace.empty())
        return readFtraceBundle(p.ftrace, seq);
    if (p.otherPayload != 0)
        skip(packetKind(p.otherPayload));
    return true;
}

bool PerfettoPacketReader::readInternedData(std::string_view bytes, Sequence& seq)
{
    Reader reader(bytes);
    Field f;
    while (reader.next(f)) {
        std::unordered_map<std::uint64_t, std::string>* table = nullptr;
        std::uint32_t textField = 2;
        switch (f.number) {
        case 1: table = &seq.categories; break;       // event_categories: iid 1, name 2
        case 2: table = &seq.names; break;            // event_names
        case 3: table = &seq.annotationNames; break;  // debug_annotation_names
        case 29: table = &seq.annotationStrings; break; // debug_annotation_string_values: iid 1, str 2
        default: continue;
        }
        if (f.type != WireType::Bytes)
            continue;
        std::uint64_t iid = 0;
        std::string_view text;
        Reader entry(f.bytes);
        Field e;
        while (entry.next(e)) {
            if (e.number == 1)
                iid = e.value;
            else if (e.number == textField && e.type == WireType::Bytes)
                text = e.bytes;
        }
        if (entry.problem() != protowire::Problem::None)
            return malformed(entry, 0, "interned data");
        (*table)[iid] = std::string(text);
    }
    return reader.problem() == protowire::Problem::None || malformed(reader, 0, "interned data");
}

bool PerfettoPacketReader::readDefaults(std::string_view bytes, Sequence& seq)
{
    Reader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.number == TimestampClockId) {
            seq.defaultClock = static_cast<std::uint32_t>(f.value);
        } else if (f.number == 11 && f.type == WireType::Bytes) { // track_event_defaults
            Reader inner(f.bytes);
            Field d;
            while (inner.next(d)) {
                if (d.number == 11)
                    seq.defaultTrack = d.value;
            }
            if (inner.problem() != protowire::Problem::None)
                return malformed(inner, 0, "packet defaults");
        }
    }
    return reader.problem() == protowire::Problem::None || malformed(reader, 0, "packet defaults");
}

bool PerfettoPacketReader::readTrackDescriptor(std::string_view bytes)
{
    std::uint64_t uuid = 0;
    Track track;
    std::string_view process;
    std::string_view chromeProcess;
    Reader reader(bytes);
    Field f;
    while (reader.next(f)) {
        switch (f.number) {
        case 1: uuid = f.value; break;
        case 5: track.parent = f.value; break;
        case 2: case 10: case 13: track.name = std::string(f.bytes); break; // name, static_name, atrace_name
        case 3: process = f.bytes; break;
        case 6: chromeProcess = f.bytes; break;
        case 4:
            if (!readThreadDescriptor(f.bytes, track, nullptr))
                return false;
            break;
        case 8: track.isCounter = true; break;
        default: break;
        }
    }
    if (reader.problem() != protowire::Problem::None)
        return malformed(reader, 0, "track descriptor");
    int chromeType = 0;
    Reader types(chromeProcess);
    while (types.next(f)) {
        if (f.number == 1)
            chromeType = static_cast<int>(f.value);
    }
    if (!process.empty() && !readProcessDescriptor(process, track.pid, chromeType))
        return false;
    if (uuid == 0)
        return true;
    m_tracks[uuid] = std::move(track);
    return true;
}

bool PerfettoPacketReader::readProcessDescriptor(std::string_view bytes, std::int64_t& pid, int chromeType)
{
    std::string name;
    std::string cmdline;
    Reader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.number == 1)
            pid = static_cast<std::int32_t>(f.value);
        else if (f.number == 6)
            name = std::string(f.bytes);
        else if (f.number == 2 && cmdline.empty())
            cmdline = std::string(f.bytes);
        else if (f.number == 4 && chromeType == 0)
            chromeType = static_cast<int>(f.value);
    }
    if (reader.problem() != protowire::Problem::None)
        return malformed(reader, 0, "process descriptor");
    // Chrome names a renderer it has not labelled yet by its whole command line; its JSON
    // export calls it by its type ("Renderer"), and so do these lanes.
    if (name.empty() || name == cmdline)
        name = chromeProcessTypeName(chromeType);
    if (pid >= 0 && !name.empty())
        nameProcess(pid, name);
    else if (pid >= 0 && !m_processNames.count(pid)) // a command line names a process only until it is named
        nameProcess(pid, cmdline.substr(0, cmdline.find(' ')));
    return true;
}

bool PerfettoPacketReader::readThreadDescriptor(std::string_view bytes, Track& thread, std::int64_t* referenceUs)
{
    Reader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.number == 1)
            thread.pid = static_cast<std::int32_t>(f.value);
        else if (f.number == 2)
            thread.tid = f.asInt();
        else if (f.number == 5)
            thread.name = std::string(f.bytes);
        else if (f.number == 6 && referenceUs)
            *referenceUs = f.asInt();
    }
    if (reader.problem() != protowire::Problem::None)
        return malformed(reader, 0, "thread descriptor");
    if (thread.tid >= 0 && thread.pid >= 0)
        nameThread(thread.pid, thread.tid, thread.name);
    return true;
}

bool PerfettoPacketReader::readProcessTree(std::string_view bytes)
{
    Reader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if ((f.number != 1 && f.number != 2) || f.type != WireType::Bytes)
            continue;
        std::int64_t id = -1;
        std::int64_t tgid = -1;
        std::string name;
        Reader entry(f.bytes);
        Field e;
        while (entry.next(e)) {
            if (e.number == 1)
                id = static_cast<std::int32_t>(e.value);
            else if (f.number == 2 && e.number == 3)
                tgid = static_cast<std::int32_t>(e.value);
            else if (f.number == 2 && e.number == 2)
                name = std::string(e.bytes);
            else if (f.number == 1 && e.number == 3 && name.empty())
                name = std::string(e.bytes);
        }
        if (entry.problem() != protowire::Problem::None)
            return malformed(entry, 0, "process tree");
        if (f.number == 1 && id >= 0) {
            nameProcess(id, name);
        } else if (id >= 0) {
            if (tgid >= 0)
                m_tgidOfTid[id] = tgid;
            nameThread(tgid >= 0 ? tgid : id, id, name);
        }
    }
    return reader.problem() == protowire::Problem::None || malformed(reader, 0, "process tree");
}

void PerfettoPacketReader::nameProcess(std::int64_t pid, const std::string& name)
{
    if (name.empty())
        return;
    auto [it, inserted] = m_processNames.try_emplace(pid, name);
    if (!inserted && it->second == name)
        return; // Chrome repeats its descriptors with every flush
    it->second = name;
    const std::string pidText = numberText(pid);
    m_event.clear();
    m_event.ph = "M";
    m_event.name = "process_name";
    m_event.pid = pidText;
    m_event.args.emplace_back("name", name);
    m_events->take(m_event);
}

void PerfettoPacketReader::nameThread(std::int64_t pid, std::int64_t tid, const std::string& name)
{
    nameLane(Lane{numberText(pid), numberText(tid)}, name);
}

void PerfettoPacketReader::nameLane(const Lane& lane, const std::string& name)
{
    if (name.empty())
        return;
    auto [it, inserted] = m_laneNames.try_emplace({lane.pid, lane.tid}, name);
    if (!inserted && it->second == name)
        return;
    it->second = name;
    m_event.clear();
    m_event.ph = "M";
    m_event.name = "thread_name";
    m_event.pid = lane.pid;
    m_event.tid = lane.tid;
    m_event.args.emplace_back("name", name);
    m_events->take(m_event);
}

// The lane of a track: its thread's, or for a track of its own (async, custom) a lane named
// after it in its process. A track not described yet gets a lane keyed by its uuid, named
// at the end.
PerfettoPacketReader::LaneChoice PerfettoPacketReader::laneForTrack(std::uint64_t uuid, Lane& lane)
{
    const auto found = m_tracks.find(uuid);
    if (found == m_tracks.end()) {
        lane = Lane{"track " + std::to_string(uuid), std::string()};
        m_undescribedLanes.insert(uuid);
        return LaneChoice::Lane;
    }
    const Track& track = found->second;
    if (track.isCounter)
        return LaneChoice::Counter;
    if (track.tid >= 0 && track.pid >= 0) {
        lane = Lane{numberText(track.pid), numberText(track.tid)};
        return LaneChoice::Lane;
    }
    // Up to the process (or thread) the track belongs to; bounded, as parents may loop.
    const Track* owner = &track;
    std::uint64_t root = uuid;
    for (int depth = 0; depth < 32 && owner->pid < 0 && owner->parent != 0; ++depth) {
        const auto parent = m_tracks.find(owner->parent);
        if (parent == m_tracks.end())
            break;
        root = owner->parent;
        owner = &parent->second;
    }
    const std::string key = "track " + std::to_string(uuid);
    // Chrome's async events sit on unnamed tracks of (or under) their process; its JSON writes
    // them as "b"/"e" events with the track's id, and they are read as those (chromeeventreader.h).
    if (track.name.empty() && owner->pid >= 0) {
        lane = Lane{numberText(owner->pid), std::string()};
        return LaneChoice::Async;
    }
    if (owner->pid >= 0) {
        lane = Lane{numberText(owner->pid), key};
    } else {
        lane = Lane{"track " + std::to_string(root), key};
        const auto rootName = m_tracks.find(root);
        if (rootName != m_tracks.end() && !rootName->second.name.empty() && !m_laneNames.count({lane.pid, std::string()})) {
            m_laneNames[{lane.pid, std::string()}] = rootName->second.name;
            m_event.clear();
            m_event.ph = "M";
            m_event.name = "process_name";
            m_event.pid = lane.pid;
            m_event.args.emplace_back("name", rootName->second.name);
            m_events->take(m_event);
        }
    }
    nameLane(lane, track.name.empty() ? key : track.name);
    return LaneChoice::Lane;
}

void PerfettoPacketReader::emit(char phase, std::int64_t time, const Lane& lane, std::string_view name, std::string_view category,
                                std::optional<std::int64_t> duration)
{
    // On an async track: Chrome JSON's async phases, paired by the track's id (a complete
    // event as its begin and end).
    if (!m_asyncId.empty() && phase == 'X') {
        emit('B', time, lane, name, category);
        emit('E', timemath::add(time, duration.value_or(0)), lane, name, category);
        return;
    }
    if (!m_asyncId.empty())
        phase = phase == 'B' ? 'b' : phase == 'E' ? 'e' : 'n';
    m_phase[0] = phase;
    m_event.ph = std::string_view(m_phase, 1);
    m_event.id = m_asyncId;
    m_event.name = name;
    m_event.cat = category;
    m_event.pid = lane.pid;
    m_event.tid = lane.tid;
    m_event.ts = time;
    m_event.dur = duration;
    m_events->take(m_event);
}

void PerfettoPacketReader::finish(TraceBuilder& builder)
{
    // Tracks described after their first events: their uuid-keyed lanes get the names now.
    for (const std::uint64_t uuid : m_undescribedLanes) {
        const auto found = m_tracks.find(uuid);
        if (found == m_tracks.end())
            continue;
        const Track& track = found->second;
        const Lane lane{"track " + std::to_string(uuid), std::string()};
        const auto process = m_processNames.find(track.pid);
        if (process != m_processNames.end()) {
            m_event.clear();
            m_event.ph = "M";
            m_event.name = "process_name";
            m_event.pid = lane.pid;
            m_event.args.emplace_back("name", process->second);
            m_events->take(m_event);
        }
        nameLane(lane, track.name.empty() ? lane.pid : track.name);
    }
    PerfettoNotes notes;
    notes.skipped = m_skipped;
    notes.skippedFtrace = m_skippedFtrace;
    notes.unknownInterned = m_unknownInterned;
    notes.lostState = m_lostState;
    notes.unconverted = m_unconverted;
    notes.unconvertedClock = m_clocks.traceClock();
    notes.malformedPackets = m_malformedPackets;
    notes.firstMalformedOffset = m_firstMalformedOffset;
    reportPerfettoNotes(notes, builder);
}

} // namespace tracedelta
