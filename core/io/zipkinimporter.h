// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"

#include "textwindow.h"

#include <functional>
#include <optional>

namespace tracedelta {

// Zipkin v2 JSON: an array of spans, an array of traces (arrays) or one span; times in µs.
ImportResult importZipkin(std::string_view text, DocumentShape shape, const QString& sourceFile,
                          const LoadControl* control, std::size_t capacity = 0,
                          const std::function<void()>& releaseText = {});

// The same from a text read through a window (a big file, read as it is parsed): the
// import's result, or nothing when the file needs the in-memory readers.
std::optional<ImportResult> importZipkinStreamed(TextWindow& text, DocumentShape shape, const QString& sourceFile,
                                                 const LoadControl* control);

} // namespace tracedelta
