// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tracedelta::cli {

// `tracedelta receive [--listen HOST:PORT] [-o DIR] [--quiet-time SECONDS] [--max-body SIZE]
//  [--exit-after N]`: an OTLP/HTTP receiver that writes each trace to DIR as OTLP/JSON
// once no span arrived for it for the quiet time; Ctrl+C writes the traces still open.
int runReceive(const QStringList& arguments);

} // namespace tracedelta::cli
