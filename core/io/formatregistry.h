// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"
#include "textwindow.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <optional>
#include <span>
#include <set>
#include <string>
#include <string_view>

namespace tracedelta {

// The readers of each trace format, in one table: the loader asks it instead of naming
// formats. sniffFormat() says which format and layout a document has; a format's entry
// reads a document of it in memory, or while the file is read (a big file).
struct FormatReader
{
    TraceFormat format;
    // How the format is told from others (formatsniffer.cpp asks each format in the table's
    // order); each may be null. A binary document: its layout from its first bytes, if they are this format's.
    std::optional<DocumentShape> (*shapeOfBinary)(std::string_view head);
    // A JSON document whose root is an array: its layout from the first element, if it is this format's.
    std::optional<DocumentShape> (*shapeOfArray)(const nlohmann::json& firstElement);
    // A JSON object root: its layout from its top-level keys, if they are this format's.
    std::optional<DocumentShape> (*shapeOfObject)(const std::set<std::string>& rootKeys);
    // Top-level keys that decide the format by themselves (the sniff stops reading at them).
    std::set<std::string> decisiveKeys;
    // `capacity`: bytes readable from text.data(); `releaseText` frees the text once read.
    ImportResult (*readText)(std::string_view text, DocumentShape shape, const QString& sourceFile, const LoadControl* control,
                             std::size_t capacity, const std::function<void()>& releaseText);
    // Nothing when the file needs the in-memory readers (they then say what).
    std::optional<ImportResult> (*readStreamed)(TextWindow& text, DocumentShape shape, const QString& sourceFile,
                                                const LoadControl* control);
};

const FormatReader& formatReader(TraceFormat format);
// Every format, in the order sniffing asks them.
std::span<const FormatReader> formatReaders();

} // namespace tracedelta
