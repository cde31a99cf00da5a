// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "annotation.h"
#include "core/remote/servertracestore.h"

#include <QString>

#include <optional>
#include <vector>

namespace tracedelta {

// Everything needed to reopen an investigation exactly: the files, which trace is the
// target and which take part, the annotations and the view. Saved as `.tdelta` JSON.
struct Workspace
{
    struct TraceRef
    {
        QString file;
        std::string traceId;
        bool included = true;
        bool target = false;
        // A trace fetched from a server: reopening fetches it again when the file is gone.
        std::optional<ServerTraceOrigin> server;
    };
    struct ViewState
    {
        int mode = 0;             // 0 timelines, 1 flame graphs
        bool sideBySide = false;
        bool absoluteTime = false;
        std::int64_t viewStartNs = 0;
        std::int64_t viewEndNs = 0; // 0: fully zoomed out
        QString search;
    };

    // One occurrence of a repeated span compared with its siblings in one trace, instead of
    // the traces with each other (issue 30): restored when the trace still has them.
    struct OccurrenceMode
    {
        QString file; // the trace the occurrences are in
        std::string traceId;
        QString name; // the name or pattern ("ProfilerStep#*")
        int target = 0; // 0-based, in order of start
        bool typicalBaselines = false; // else all the other occurrences
        bool operator==(const OccurrenceMode& other) const = default;
    };

    std::vector<TraceRef> traces;
    std::vector<Annotation> annotations;
    ViewState view;
    std::optional<OccurrenceMode> occurrences; // none: the traces compared with each other

    QByteArray toJson() const;
    // Relative file paths are resolved against the workspace file's folder.
    static bool fromJson(const QByteArray& json, const QString& workspacePath, Workspace& out, QString& error);
    bool operator==(const Workspace& other) const;
};

// Writes atomically (QSaveFile): a failed save never leaves a half-written workspace.
bool saveWorkspace(const Workspace& workspace, const QString& path, QString& error);
bool loadWorkspace(const QString& path, Workspace& out, QString& error);

} // namespace tracedelta
