// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"
#include "textwindow.h"

#include <functional>
#include <optional>
#include <string_view>

namespace tracedelta {

// The readers of each trace format, in one table: the loader asks it instead of naming
// formats. sniffFormat() says which format and layout a document has; a format's entry
// reads a document of it in memory, or while the file is read (a big file).
struct FormatReader
{
    TraceFormat format;
    // `capacity`: bytes readable from text.data(); `releaseText` frees the text once read.
    ImportResult (*readText)(std::string_view text, DocumentShape shape, const QString& sourceFile, const LoadControl* control,
                             std::size_t capacity, const std::function<void()>& releaseText);
    // Nothing when the file needs the in-memory readers (they then say what).
    std::optional<ImportResult> (*readStreamed)(TextWindow& text, DocumentShape shape, const QString& sourceFile,
                                                const LoadControl* control);
};

const FormatReader& formatReader(TraceFormat format);

} // namespace tracedelta
