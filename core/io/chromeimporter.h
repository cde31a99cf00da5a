// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatregistry.h"

namespace tracedelta {

// Chrome/Perfetto trace-event JSON (array or {"traceEvents":[…]}, unterminated arrays
// allowed). One file is one trace; each process/thread is a lane and slices nest by
// time containment within their thread. Spans are X events plus matched B/E pairs.
// Its entry in the table of format readers (formatregistry.h).
FormatReader chromeFormatReader();

} // namespace tracedelta
