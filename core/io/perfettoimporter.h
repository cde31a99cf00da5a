// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatregistry.h"

#include <string_view>

namespace tracedelta {

// Perfetto's protobuf trace (Chrome's and the Perfetto UI's recordings, Android system
// traces, Perfetto SDK programs: .perfetto-trace, .pftrace, .pb), read packet by packet —
// while the file is read when it is big — into the trace-event model Chrome's JSON uses
// (perfettopackets.h). Its entry in the table of format readers (formatregistry.h).
FormatReader perfettoFormatReader();

// True when `head`, the start of a file's (inflated) bytes, is a Perfetto Trace: a run of
// field-1 packets whose contents only a TracePacket has (an OTLP message's fields 1–3 are all
// length-delimited; JSON text has no bytes below 0x09).
bool looksLikePerfettoTrace(std::string_view head);

} // namespace tracedelta
