// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceloader.h"

#include <QStringList>

#include <functional>
#include <vector>

namespace tracedelta {

// Progress of one file of several: bytes read of its total.
using FileProgress = std::function<void(int fileIndex, std::int64_t done, std::int64_t total)>;

// Loads the files at once on all cores (at most one worker per core), each into its own
// model, and returns one result per file in the files' order, whatever order they
// finished in. A file that fails stops none of the others; the cancel flag in `control`
// stops them all. `progress` is called from the workers.
std::vector<LoadResult> loadTraceFiles(const QStringList& files, const LoadControl& control, const FileProgress& progress = {});

} // namespace tracedelta
