// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace tracedelta {

// A problem found while loading that did not stop the trace from loading.
struct Diagnostic
{
    enum class Severity { Info, Warning, Error };
    Severity severity = Severity::Warning;
    QString message;
};

using Diagnostics = std::vector<Diagnostic>;

QString severityName(Diagnostic::Severity severity);

} // namespace tracedelta
