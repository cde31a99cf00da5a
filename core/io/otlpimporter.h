// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"

#include "textwindow.h"

#include <functional>
#include <optional>

namespace tracedelta {

// OTLP/JSON (protobuf JSON mapping): resourceSpans/scopeSpans, the legacy
// instrumentationLibrarySpans, Tempo's "batches", and the collector file exporter's
// JSON Lines (one document per line, logs and metrics lines skipped). Times in ns.
// `capacity` and `releaseText` as for importChrome().
ImportResult importOtlp(std::string_view text, const QString& sourceFile, const LoadControl* control,
                        std::size_t capacity = 0, const std::function<void()>& releaseText = {});

// The same from a text read through a window (a big file, read as it is parsed): the
// import's result, or nothing when the file needs the in-memory readers.
std::optional<ImportResult> importOtlpStreamed(TextWindow& text, const QString& sourceFile, const LoadControl* control);

// Hex for OTLP ids, which arrive as hex or, from protobuf-JSON encoders, as base64.
std::string otlpIdToHex(const std::string& id);

} // namespace tracedelta
