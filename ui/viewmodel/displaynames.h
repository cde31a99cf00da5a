// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"
#include "core/model/diagnostic.h"

#include <QString>

namespace tracedelta {

// Words for the window. The core's names ("slower", "count_changed", "warning") are
// identifiers shared with the JSON output and stay fixed; these follow the language.
QString changeDisplayName(NodeChange change);
QString candidateKindDisplayName(CandidateKind kind);
QString severityDisplayName(Diagnostic::Severity severity);

} // namespace tracedelta
