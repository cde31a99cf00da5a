// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tracedelta::cli {

// `tracedelta export BASELINE… --target FILE -o OUT.(png|svg|pdf|html|md) [--view gantt|flame|diff]
//  [--annotate-top N] [--note "SPAN_NAME=text"]… [--width W --height H]`, and `export A B -o OUT`.
// Renders offscreen (needs a QApplication, no display).
int runExport(const QStringList& arguments);

} // namespace tracedelta::cli
