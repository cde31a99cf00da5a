// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"
#include "importresult.h"
#include "jsonrecordreader.h"

#include <QString>

#include <vector>

namespace tracedelta {

// Everything one file produced: its traces, or one message naming the file and what
// is wrong with it (and where, for syntax errors).
struct LoadResult
{
    QString file;
    std::vector<TracePtr> traces;
    QString error;
    bool cancelled = false;
    ParserPath parser = ParserPath::Robust;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// Reads, decompresses, detects the format from content and imports. Safe to call from
// any thread; never throws.
LoadResult loadTraceFile(const QString& path, const LoadControl* control = nullptr);

} // namespace tracedelta
