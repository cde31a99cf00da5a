// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <QString>

#include <vector>

namespace tracedelta {

// Which spans of a trace match a search text: a case-insensitive substring of the
// operation name, the service, the span id or any attribute value. The text is
// compared against each distinct interned string once, so a search over 1M spans
// costs one pass over the string pool plus one over the spans. An empty text gives an
// empty vector (no search), not "nothing matches".
std::vector<bool> matchSpans(const Trace& trace, const QString& text);

} // namespace tracedelta
