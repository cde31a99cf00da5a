// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"

#include <functional>

namespace tracedelta {

// OTLP/JSON (protobuf JSON mapping): resourceSpans/scopeSpans, the legacy
// instrumentationLibrarySpans, Tempo's "batches", and the collector file exporter's
// JSON Lines (one document per line, logs and metrics lines skipped). Times in ns.
// `capacity` and `releaseText` as for importChrome().
ImportResult importOtlp(std::string_view text, const QString& sourceFile, const LoadControl* control,
                        std::size_t capacity = 0, const std::function<void()>& releaseText = {});

// Hex for OTLP ids, which arrive as hex or, from protobuf-JSON encoders, as base64.
std::string otlpIdToHex(const std::string& id);

} // namespace tracedelta
