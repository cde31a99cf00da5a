// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tracedelta::cli {

// `tracedelta compare BASELINE… --target FILE [--json] [--top N] [--trace-id ID]`
// and the shorthand `tracedelta compare A B` (A baseline, B target).
int runCompare(const QStringList& arguments);

} // namespace tracedelta::cli
