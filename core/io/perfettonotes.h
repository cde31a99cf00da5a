// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/tracebuilder.h"
#include "protowire.h"

#include <QString>

#include <cstdint>
#include <map>
#include <string>

namespace tracedelta {

// What a Perfetto trace held besides spans, and what could not be read, for the load notes.
struct PerfettoNotes
{
    std::map<std::string, int> skipped;       // packet or event kind (untranslated) → count
    std::map<std::string, int> skippedFtrace; // ftrace event name → count
    int unknownInterned = 0;
    int lostState = 0;
    int unconverted = 0;
    std::uint32_t unconvertedClock = 0;
    int malformedPackets = 0;
    std::size_t firstMalformedOffset = 0;
};
void reportPerfettoNotes(const PerfettoNotes& notes, TraceBuilder& builder);

// The kind of a TracePacket payload by its field number (trace_packet.proto), for the notes:
// a QT_TRANSLATE_NOOP text of the "Importer" context.
const char* packetKind(std::uint32_t field);
// An ftrace event's name by its field number in FtraceEvent (ftrace_event.proto).
std::string ftraceEventName(std::uint32_t field);
// Chrome's process types (ProcessDescriptor.ChromeProcessType) as Chrome's JSON names them.
std::string chromeProcessTypeName(int type);
// What is wrong with the bytes a protowire::Reader stopped at.
QString wireProblemText(const protowire::Reader& reader);

} // namespace tracedelta
