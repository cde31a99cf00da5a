// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workspace/workspace.h"

#include <QList>
#include <QString>

#include <vector>

namespace tracedelta {

class TraceSession;

// The last comparisons the user ran (which files, which trace was the target), so Open
// Recent can bring back a whole investigation, not one file at a time. Kept in QSettings.
struct RecentComparison
{
    std::vector<Workspace::TraceRef> traces; // included traces, one of them the target

    // "inference-spike.json vs 4 baselines"
    QString label() const;
    // Every file, one per line, the target marked.
    QString description() const;
};

// Records the session's current comparison (two or more traces from files) at the top.
void rememberComparison(const TraceSession& session);
QList<RecentComparison> recentComparisons();

} // namespace tracedelta
