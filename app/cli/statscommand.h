// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tracedelta::cli {

// `tracedelta stats FILE… [--target FILE] [--json] [--by operation|path|lane]
//  [--sort self|total|count|delta] [--top N]`: one trace → its operations; several → the
// comparison table (the last file, or --target, is the target).
int runStats(const QStringList& arguments);

} // namespace tracedelta::cli
