// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"

#include <functional>

namespace tracedelta {

// Zipkin v2 JSON: an array of spans, an array of traces (arrays) or one span; times in µs.
ImportResult importZipkin(std::string_view text, DocumentShape shape, const QString& sourceFile,
                          const LoadControl* control, std::size_t capacity = 0,
                          const std::function<void()>& releaseText = {});

} // namespace tracedelta
