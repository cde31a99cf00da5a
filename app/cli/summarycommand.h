// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tracedelta::cli {

// `tracedelta summary FILE… [--json]`: loads each file and prints what it holds.
// Returns 0 when every file loaded, 2 when any failed.
int runSummary(const QStringList& arguments);

} // namespace tracedelta::cli
