// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceserver.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace tracedelta {

// Reading what a Jaeger, Tempo or Zipkin server answered: a search's traces with their
// durations and error flags, a list of service or operation names, and a trace body made
// into a trace file every importer reads. `problem` says what was wrong with a body that
// is not the expected answer (and the result is then empty).

// Jaeger {"data":[trace…]} and Zipkin [[span…]…]: duration = last span end − first span
// start, error = the root span failed (an `error` tag, or otel.status_code ERROR); a failed
// child alone (a retried call) does not make a trace an error. Tempo {"traces":[{traceID,
// durationMs, startTimeUnixNano, rootServiceName, rootTraceName}]} has no error flag; its
// search asks for `status != error` instead.
std::vector<FoundTrace> parseSearchResults(TraceServerKind kind, const QByteArray& body, QString& problem);

// Jaeger {"data":[names]}, Tempo {"tagValues":[names or {value}]}, Zipkin [names];
// sorted, without duplicates.
QStringList parseNameList(const QByteArray& body, QString& problem);

// Jaeger v3 answers {"result":{resourceSpans…}} (one object per chunk, possibly several),
// Tempo v2 {"trace":{…}}: those become one plain OTLP JSON document; other bodies are kept
// as they are.
QByteArray traceFileFromBody(TraceServerKind kind, const QByteArray& body, QString& problem);

} // namespace tracedelta
