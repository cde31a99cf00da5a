// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/analysis/occurrences.h"
#include "core/io/loadlimits.h"
#include "core/model/trace.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace tracedelta::cli {

struct ComparisonInputs
{
    std::vector<TracePtr> baselines;
    TracePtr target;
    // With --repeated: the occurrences the target and the baselines were cut from.
    std::optional<OccurrenceChoice> repeated;
};

// Every trace of `files` (only those with `traceId` when it is not empty), in the files'
// order. Prints what went wrong and returns the exit status 2 on failure, nullopt on success.
std::optional<int> loadAllTraces(const QString& command, const QStringList& files, const QString& traceId, const LoadLimits& limits,
                                 std::vector<TracePtr>& out);

// Loads `BASELINE… --target FILE` (or `A B` when targetFile is empty) for `command`.
// Prints what went wrong and returns the exit status 2 on failure, nullopt on success.
std::optional<int> loadComparisonInputs(const QString& command, QStringList baselineFiles, QString targetFile,
                                        const QString& traceId, const LoadLimits& limits, ComparisonInputs& out);

} // namespace tracedelta::cli
