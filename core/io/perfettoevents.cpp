// SPDX-License-Identifier: GPL-3.0-or-later
// PerfettoPacketReader's events: track events (track_event.proto), their debug annotations
// (debug_annotation.proto) and atrace markers in ftrace print events (ftrace_event.proto).
#include "perfettopackets.h"
#include "jsonvalues.h"

#include "perfettonotes.h"
#include "../util/timearithmetic.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>

#include <algorithm>
#include <charconv>

namespace tracedelta {

using protowire::Field;
using protowire::Reader;
using protowire::WireType;

namespace {

constexpr const char* UnknownName = "unknown name";

const std::string* lookup(const std::unordered_map<std::uint64_t, std::string>& table, std::uint64_t iid)
{
    const auto found = table.find(iid);
    return found != table.end() ? &found->second : nullptr;
}

// DebugAnnotation.NestedValue (the older nested form) as JSON.
nlohmann::json nestedValue(std::string_view bytes, int depth, bool& ok)
{
    if (depth > LoadLimits().maxValueNesting)
        return TruncatedValueMarker;
    int type = 0;
    std::vector<std::string_view> keys;
    std::vector<std::string_view> dictValues;
    std::vector<std::string_view> arrayValues;
    nlohmann::json scalar;
    Reader reader(bytes);
    Field f;
    while (reader.next(f)) {
        switch (f.number) {
        case 1: type = static_cast<int>(f.value); break;
        case 2: keys.push_back(f.bytes); break;
        case 3: dictValues.push_back(f.bytes); break;
        case 4: arrayValues.push_back(f.bytes); break;
        case 5: scalar = f.asInt(); break;
        case 6: scalar = protowire::asDouble(f); break;
        case 7: scalar = f.value != 0; break;
        case 8: scalar = std::string(f.bytes); break;
        default: break;
        }
    }
    ok = ok && reader.problem() == protowire::Problem::None;
    if (type == 1) {
        nlohmann::json object = nlohmann::json::object();
        for (std::size_t i = 0; i < keys.size() && i < dictValues.size(); ++i)
            object[std::string(keys[i])] = nestedValue(dictValues[i], depth + 1, ok);
        return object;
    }
    if (type == 2) {
        nlohmann::json array = nlohmann::json::array();
        for (const std::string_view item : arrayValues)
            array.push_back(nestedValue(item, depth + 1, ok));
        return array;
    }
    return scalar;
}

} // namespace

// One DebugAnnotation as its name and JSON value (dicts and arrays nest, to the load limit's depth).
nlohmann::json PerfettoPacketReader::annotationValue(std::string_view bytes, const Sequence& seq, int depth, std::string& name,
                                                     bool& ok)
{
    if (depth > LoadLimits().maxValueNesting)
        return TruncatedValueMarker;
    nlohmann::json value;
    nlohmann::json entries;
    Reader reader(bytes);
    Field f;
    while (reader.next(f)) {
        switch (f.number) {
        case 1:
            if (const std::string* known = lookup(seq.annotationNames, f.value))
                name = *known;
            else
                name = UnknownName, ++m_unknownInterned;
            break;
        case 10: name = std::string(f.bytes); break;
        case 2: value = f.value != 0; break;
        case 3: value = f.value; break;
        case 4: value = f.asInt(); break;
        case 5: value = protowire::asDouble(f); break;
        case 6: value = std::string(f.bytes); break;
        case 7: {
            char hex[24];
            const auto end = std::to_chars(hex, hex + sizeof hex, f.value, 16).ptr;
            value = "0x" + std::string(hex, end);
            break;
        }
        case 8: value = nestedValue(f.bytes, depth + 1, ok); break;
        case 9: value = std::string(f.bytes); break; // legacy JSON: kept as its text
        case 17:
            if (const std::string* known = lookup(seq.annotationStrings, f.value))
                value = *known;
            else
                ++m_unknownInterned;
            break;
        case 11: {
            if (!entries.is_object())
                entries = nlohmann::json::object();
            std::string key;
            nlohmann::json entry = annotationValue(f.bytes, seq, depth + 1, key, ok);
            entries[key] = std::move(entry);
            break;
        }
        case 12: {
            if (!entries.is_array())
                entries = nlohmann::json::array();
            std::string unused;
            entries.push_back(annotationValue(f.bytes, seq, depth + 1, unused, ok));
            break;
        }
        default: break;
        }
    }
    ok = ok && reader.problem() == protowire::Problem::None;
    return entries.is_null() ? value : entries;
}

bool PerfettoPacketReader::trackEventLane(char phase, const Sequence& seq, std::uint64_t track, bool hasTrack,
                                          std::optional<std::pair<std::int64_t, std::int64_t>> legacyThread, Lane& lane)
{
    m_asyncId.clear();
    if (legacyThread) {
        lane = Lane{std::to_string(legacyThread->first), std::to_string(legacyThread->second)};
        return true;
    }
    // Track 0 is no track: the sequence's thread, as for an event that names none.
    const std::uint64_t uuid = hasTrack ? track : seq.defaultTrack.value_or(0);
    if (uuid != 0) {
        const LaneChoice choice = laneForTrack(uuid, lane);
        if (choice == LaneChoice::Counter)
            skip(QT_TRANSLATE_NOOP("Importer", "counters and statistics"));
        m_asyncId = choice == LaneChoice::Async ? std::to_string(uuid) : std::string();
        return choice == LaneChoice::Lane || choice == LaneChoice::Async;
    }
    if (seq.thread.tid >= 0) {
        lane = Lane{std::to_string(seq.thread.pid), std::to_string(seq.thread.tid)};
        return true;
    }
    // Chrome writes process-wide marks (navigationStart, domComplete: legacy "R" events) and
    // its "__metadata" on no track and no thread; its JSON gives them a thread, the protobuf none.
    if (m_categoryScratch == "__metadata")
        skip(QT_TRANSLATE_NOOP("Importer", "metadata"));
    else if (phase == 'i' || phase == 'I' || phase == 'R' || phase == 'n')
        skip(QT_TRANSLATE_NOOP("Importer", "marks on no thread (navigation timing)"));
    else
        skip(QT_TRANSLATE_NOOP("Importer", "track events on no track"));
    return false;
}

bool PerfettoPacketReader::readTrackEvent(const PacketFields& p, Sequence& seq)
{
    std::optional<std::uint64_t> nameIid;
    std::optional<std::string_view> name;
    std::optional<std::uint64_t> track;
    std::optional<std::int64_t> deltaUs;
    std::optional<std::int64_t> absoluteUs;
    std::string_view legacy;
    int type = 0;
    bool badPacked = false;
    m_categoryScratch.clear();
    m_annotations.clear();
    m_event.flows.clear();
    const auto addFlow = [this](std::uint64_t id, bool terminating) {
        m_event.flows.emplace_back(id, terminating);
    };
    const auto addCategory = [this](std::string_view category) {
        if (!m_categoryScratch.empty())
            m_categoryScratch += ',';
        m_categoryScratch += category;
    };
    Reader reader(p.trackEvent);
    Field f;
    while (reader.next(f)) {
        switch (f.number) {
        case 3:
            badPacked |= !protowire::forEachPacked(f, [&](std::uint64_t iid) {
                const std::string* category = lookup(seq.categories, iid);
                m_unknownInterned += category ? 0 : 1;
                addCategory(category ? std::string_view(*category) : std::string_view(UnknownName));
            });
            break;
        case 22: addCategory(f.bytes); break;
        case 10: nameIid = f.value; break;
        case 23: name = f.bytes; break;
        case 9: type = static_cast<int>(f.value); break;
        case 11: track = f.value; break;
        case 4: m_annotations.push_back(f.bytes); break;
        case 1: deltaUs = f.asInt(); break;
        case 16: absoluteUs = f.asInt(); break;
        case 6: legacy = f.bytes; break;
        // flow_ids (47; 36 before it), terminating_flow_ids (48; 42 before it).
        case 36:
        case 42: badPacked |= !protowire::forEachPacked(f, [&](std::uint64_t id) { addFlow(id, f.number == 42); }); break;
        case 47:
        case 48: badPacked |= !protowire::forEachFixed64(f, [&](std::uint64_t id) { addFlow(id, f.number == 48); }); break;
        default: break;
        }
    }
    if (reader.problem() != protowire::Problem::None)
        return malformed(reader, 0, "track event");
    if (badPacked) {
        m_problem = QCoreApplication::translate("Importer", "malformed track event: a packed list is cut off");
        return false;
    }
    // Legacy events (Chrome's older TRACE_EVENT macros): their own phase, duration and thread.
    char phase = type == 1 ? 'B' : type == 2 ? 'E' : type == 3 ? 'i' : 0;
    std::optional<std::int64_t> duration;
    std::optional<std::pair<std::int64_t, std::int64_t>> legacyThread;
    if (!legacy.empty()) {
        std::int64_t pid = -1;
        std::int64_t tid = -1;
        Reader l(legacy);
        while (l.next(f)) {
            if (f.number == 1)
                nameIid = f.value;
            else if (f.number == 2 && phase == 0)
                phase = static_cast<char>(f.value);
            else if (f.number == 3)
                duration = timemath::mul(f.asInt(), 1000);
            else if (f.number == 18)
                pid = static_cast<std::int32_t>(f.value);
            else if (f.number == 19)
                tid = static_cast<std::int32_t>(f.value);
        }
        if (l.problem() != protowire::Problem::None)
            return malformed(l, 0, "legacy event");
        if (pid >= 0 || tid >= 0)
            legacyThread = std::make_pair(pid >= 0 ? pid : seq.thread.pid, tid >= 0 ? tid : pid);
    }
    if (type == 4) {
        skip(QT_TRANSLATE_NOOP("Importer", "counters and statistics"));
        return true;
    }
    if (phase == 0) {
        skip(QT_TRANSLATE_NOOP("Importer", "track events of no known type"));
        return true;
    }
    std::optional<std::int64_t> time = p.time;
    if (!p.timestamp && absoluteUs) {
        seq.referenceUs = *absoluteUs;
        time = timemath::mul(*absoluteUs, 1000);
    } else if (!p.timestamp && deltaUs) {
        seq.referenceUs = timemath::add(seq.referenceUs, *deltaUs);
        time = timemath::mul(seq.referenceUs, 1000);
    }
    if (!time) {
        if (!p.timestamp)
            ++m_unconverted;
        return true;
    }
    Lane lane;
    if (!trackEventLane(phase, seq, track.value_or(0), track.has_value(), legacyThread, lane))
        return true;
    if (nameIid && !name) {
        const std::string* known = lookup(seq.names, *nameIid);
        m_unknownInterned += known ? 0 : 1;
        name = known ? std::string_view(*known) : std::string_view(UnknownName);
    }
    if (!readAnnotations(seq))
        return false;
    emit(phase, *time, lane, name.value_or(std::string_view()), m_categoryScratch, duration);
    return true;
}

// The event's debug annotations as Chrome's JSON would write its "args": each value as its
// text (strings plain, the rest compact JSON), in key order, the last of equal keys winning.
bool PerfettoPacketReader::readAnnotations(const Sequence& seq)
{
    m_argStore.clear();
    m_event.args.clear();
    bool ok = true;
    for (const std::string_view bytes : m_annotations) {
        std::string key;
        const nlohmann::json value = annotationValue(bytes, seq, 0, key, ok);
        std::string text = value.is_string() ? value.get<std::string>() : value.is_null() ? std::string() : tracedelta::json::compactText(value);
        const auto same = std::find_if(m_argStore.begin(), m_argStore.end(), [&](const auto& a) { return a.first == key; });
        if (same != m_argStore.end())
            same->second = std::move(text);
        else
            m_argStore.emplace_back(std::move(key), std::move(text));
    }
    if (!ok) {
        m_problem = QCoreApplication::translate("Importer", "malformed debug annotation");
        return false;
    }
    std::sort(m_argStore.begin(), m_argStore.end());
    for (const auto& [key, text] : m_argStore)
        m_event.args.emplace_back(key, text);
    return true;
}

bool PerfettoPacketReader::readFtraceBundle(std::string_view bytes, Sequence& seq)
{
    Reader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.number == 4 && f.type == WireType::Bytes) { // compact_sched: switches and wakings as columns
            Reader columns(f.bytes);
            Field c;
            while (columns.next(c)) {
                if (c.number == 1 || c.number == 7)
                    protowire::forEachPacked(c, [&](std::uint64_t) { ++m_skippedFtrace[c.number == 1 ? "sched_switch" : "sched_waking"]; });
            }
            continue;
        }
        if (f.number != 2 || f.type != WireType::Bytes)
            continue;
        std::uint64_t timestamp = 0;
        std::int64_t pid = -1;
        std::string_view print;
        std::uint32_t kind = 0;
        Reader event(f.bytes);
        Field e;
        while (event.next(e)) {
            if (e.number == 1)
                timestamp = e.value;
            else if (e.number == 2)
                pid = static_cast<std::int64_t>(e.value & 0xffffffff);
            else if (e.number == 3 && e.type == WireType::Bytes)
                print = e.bytes;
            else if (e.number > 3 && e.type == WireType::Bytes)
                kind = e.number;
        }
        if (event.problem() != protowire::Problem::None)
            return malformed(event, 0, "ftrace event");
        if (print.empty()) {
            ++m_skippedFtrace[ftraceEventName(kind)];
            continue;
        }
        std::string_view buffer;
        Reader printFields(print);
        while (printFields.next(e)) {
            if (e.number == 2)
                buffer = e.bytes;
        }
        const std::optional<std::int64_t> time = m_clocks.toTraceTime(PerfettoClocks::Boottime, timestamp, seq.clocks);
        if (!time)
            ++m_unconverted;
        else
            readAtraceMarker(*time, pid, buffer);
    }
    return reader.problem() == protowire::Problem::None || malformed(reader, 0, "ftrace bundle");
}

// Android's atrace markers, written to ftrace as text: "B|pid|name" and "E|pid" nest on the
// writing thread; "S|pid|name|cookie" … "F|pid|name|cookie" are async slices of the process,
// a lane per name; "C|pid|name|value" are counters.
void PerfettoPacketReader::readAtraceMarker(std::int64_t time, std::int64_t tid, std::string_view text)
{
    m_event.flows.clear(); // a track event's flows, left by the packet before
    m_asyncId.clear();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\0'))
        text.remove_suffix(1);
    if (text.size() < 1 || (text.size() > 1 && text[1] != '|')) {
        ++m_skippedFtrace["print"];
        return;
    }
    std::string_view fields[4];
    std::size_t count = 0;
    for (std::string_view rest = text; count < 4;) {
        const std::size_t bar = count < 3 ? rest.find('|') : std::string_view::npos;
        fields[count++] = rest.substr(0, bar);
        if (bar == std::string_view::npos)
            break;
        rest.remove_prefix(bar + 1);
    }
    std::int64_t tgid = -1;
    if (count > 1)
        std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), tgid);
    if (tgid < 0) {
        const auto known = m_tgidOfTid.find(tid);
        tgid = known != m_tgidOfTid.end() ? known->second : tid;
    }
    const std::string_view name = count > 2 ? fields[2] : std::string_view();
    m_event.args.clear();
    switch (text[0]) {
    case 'B':
        m_tgidOfTid[tid] = tgid;
        emit('B', time, Lane{std::to_string(tgid), std::to_string(tid)}, name, "atrace");
        break;
    case 'E': emit('E', time, Lane{std::to_string(tgid), std::to_string(tid)}, {}, {}); break;
    case 'I': emit('i', time, Lane{std::to_string(tgid), std::to_string(tid)}, name, "atrace"); break;
    case 'S':
    case 'F': {
        const Lane lane{std::to_string(tgid), "atrace " + std::string(name)};
        nameLane(lane, std::string(name));
        m_event.args.clear();
        emit(text[0] == 'S' ? 'B' : 'E', time, lane, name, "atrace");
        break;
    }
    case 'C': ++m_skippedFtrace["atrace counter"]; break;
    default: ++m_skippedFtrace["print"]; break;
    }
}

} // namespace tracedelta
