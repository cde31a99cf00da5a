// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatregistry.h"

namespace tracedelta {

// OTLP/JSON (protobuf JSON mapping): resourceSpans/scopeSpans, the legacy
// instrumentationLibrarySpans, Tempo's "batches", and the collector file exporter's
// JSON Lines (one document per line, logs and metrics lines skipped). Times in ns.
// Its entry in the table of format readers (formatregistry.h).
FormatReader otlpFormatReader();

} // namespace tracedelta
