// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatregistry.h"

#include "chromeimporter.h"
#include "jaegerimporter.h"
#include "otlpimporter.h"
#include "perfettoimporter.h"
#include "zipkinimporter.h"

#include <array>

namespace tracedelta {

const FormatReader& formatReader(TraceFormat format)
{
    // Adding a format is its reader's file and one line here (and its sniff).
    static const std::array<FormatReader, 5> readers{jaegerFormatReader(), zipkinFormatReader(), otlpFormatReader(),
                                                     chromeFormatReader(), perfettoFormatReader()};
    for (const FormatReader& reader : readers) {
        if (reader.format == format)
            return reader;
    }
    return readers.front(); // not reached: every TraceFormat has an entry
}

} // namespace tracedelta
