// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatregistry.h"

namespace tracedelta {

// Zipkin v2 JSON: an array of spans, an array of traces (arrays) or one span; times in µs.
// Its entry in the table of format readers (formatregistry.h).
FormatReader zipkinFormatReader();

} // namespace tracedelta
