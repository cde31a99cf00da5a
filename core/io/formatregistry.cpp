// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatregistry.h"

#include "chromeimporter.h"
#include "jaegerimporter.h"
#include "otlpimporter.h"
#include "perfettoimporter.h"
#include "zipkinimporter.h"

#include <array>

namespace tracedelta {

std::span<const FormatReader> formatReaders()
{
    // Adding a format is its reader's file (with its sniff) and one line here. The order is
    // the sniff's: Perfetto's binary first (its 0x0a start would read as JSON whitespace),
    // then the JSON formats whose keys are most specific.
    static const std::array<FormatReader, 5> readers{perfettoFormatReader(), chromeFormatReader(), otlpFormatReader(),
                                                     jaegerFormatReader(), zipkinFormatReader()};
    return readers;
}

const FormatReader& formatReader(TraceFormat format)
{
    for (const FormatReader& reader : formatReaders()) {
        if (reader.format == format)
            return reader;
    }
    return formatReaders().front(); // not reached: every TraceFormat has an entry
}

} // namespace tracedelta
