// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"

#include "textwindow.h"

#include <functional>
#include <optional>

namespace tracedelta {

// Jaeger UI/query JSON: {"data":[trace…]}, {"data":trace} or a bare trace; times in µs.
ImportResult importJaeger(std::string_view text, DocumentShape shape, const QString& sourceFile,
                          const LoadControl* control, std::size_t capacity = 0,
                          const std::function<void()>& releaseText = {});

// The same from a text read through a window (a big file, read as it is parsed): the
// import's result, or nothing when the file needs the in-memory readers.
std::optional<ImportResult> importJaegerStreamed(TextWindow& text, DocumentShape shape, const QString& sourceFile,
                                                 const LoadControl* control);

} // namespace tracedelta
