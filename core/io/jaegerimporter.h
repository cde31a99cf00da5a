// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatregistry.h"

namespace tracedelta {

// Jaeger UI/query JSON: {"data":[trace…]}, {"data":trace} or a bare trace; times in µs.
// Its entry in the table of format readers (formatregistry.h).
FormatReader jaegerFormatReader();

} // namespace tracedelta
