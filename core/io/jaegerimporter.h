// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"

#include <functional>

namespace tracedelta {

// Jaeger UI/query JSON: {"data":[trace…]}, {"data":trace} or a bare trace; times in µs.
ImportResult importJaeger(std::string_view text, DocumentShape shape, const QString& sourceFile,
                          const LoadControl* control, std::size_t capacity = 0,
                          const std::function<void()>& releaseText = {});

} // namespace tracedelta
