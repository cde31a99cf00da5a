// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workspace/annotation.h"

#include <QString>

#include <vector>

namespace tracedelta {

class Comparison;
class OperationStatistics;
class ReportPicture;

// A self-contained incident summary: the verdict, the traces and their durations, the
// ranked candidates with reasons, the user's notes and the annotated picture. `.html`
// embeds the picture; `.md` writes it beside the report as NAME.png. With statistics, the
// 20 operations that changed most (by |Δ total|) follow the candidates.
// Returns an empty string on success, else a message naming the file and the problem.
QString writeIncidentReport(const Comparison& comparison, const ReportPicture& picture,
                            const std::vector<Annotation>& notes, const QString& path,
                            const OperationStatistics* statistics = nullptr);

} // namespace tracedelta
