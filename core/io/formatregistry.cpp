// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatregistry.h"

#include "chromeimporter.h"
#include "jaegerimporter.h"
#include "otlpimporter.h"
#include "zipkinimporter.h"

#include <array>

namespace tracedelta {

namespace {

// In TraceFormat's order; adding a format is its reader's file and one line here (and the sniff).
const std::array<FormatReader, 4> Readers{{
    {TraceFormat::Jaeger, importJaeger, importJaegerStreamed},
    {TraceFormat::Zipkin, importZipkin, importZipkinStreamed},
    {TraceFormat::Otlp,
     [](std::string_view text, DocumentShape, const QString& file, const LoadControl* control, std::size_t capacity,
        const std::function<void()>& releaseText) { return importOtlp(text, file, control, capacity, releaseText); },
     [](TextWindow& text, DocumentShape, const QString& file, const LoadControl* control) { return importOtlpStreamed(text, file, control); }},
    {TraceFormat::Chrome, importChrome, importChromeStreamed},
}};

} // namespace

const FormatReader& formatReader(TraceFormat format)
{
    for (const FormatReader& reader : Readers) {
        if (reader.format == format)
            return reader;
    }
    return Readers.front(); // not reached: every TraceFormat has an entry
}

} // namespace tracedelta
