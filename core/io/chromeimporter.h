// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"

#include "textwindow.h"

#include <functional>
#include <optional>

namespace tracedelta {

// Chrome/Perfetto trace-event JSON (array or {"traceEvents":[…]}, unterminated arrays
// allowed). One file is one trace; each process/thread is a lane and slices nest by
// time containment within their thread. Spans are X events plus matched B/E pairs.
// `releaseText` frees the text once the importer needs it no more (the model is built after).
// `capacity`: bytes readable from text.data() (≥ size + 64 spares the bulk parser a copy).
ImportResult importChrome(std::string_view text, DocumentShape shape, const QString& sourceFile,
                          const LoadControl* control, std::size_t capacity = 0,
                          const std::function<void()>& releaseText = {});

// The same from a text read through a window (a big file, read as it is parsed): the
// import's result, or nothing when the file needs the in-memory readers (an unusual layout,
// or anything the bulk reader cannot read exactly; they say what).
std::optional<ImportResult> importChromeStreamed(TextWindow& text, DocumentShape shape, const QString& sourceFile,
                                                 const LoadControl* control);

} // namespace tracedelta
