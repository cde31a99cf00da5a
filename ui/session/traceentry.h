// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/trace.h"

#include <QColor>

namespace tracedelta {

// A loaded trace as the session holds it.
struct TraceEntry
{
    TracePtr trace;
    QColor color;
    bool included = true;       // part of the comparison (as a baseline unless it is the target)
    bool changedOnDisk = false; // the file was modified since it was loaded
};

} // namespace tracedelta
