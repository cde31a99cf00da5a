// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <cstdint>
#include <optional>
#include <vector>

namespace tracedelta {

// The HTTP APIs of the tracing backends TraceDelta fetches from (issue 14, work in
// progress): where a trace and a search live, how an id is found in a pasted UI link,
// and which of a search's traces make good baselines. No networking here.
enum class TraceServerKind { Jaeger, Tempo, Zipkin };

struct TraceServer
{
    TraceServerKind kind = TraceServerKind::Jaeger;
    QUrl base; // e.g. http://jaeger:16686, http://tempo:3200, http://zipkin:9411
};

struct TraceSearch
{
    QString service;
    QString operation;
    std::int64_t startNs = 0; // window, wall clock
    std::int64_t endNs = 0;
    int limit = 50;
};

// GET …/api/traces/{id} (Jaeger, Tempo), …/api/v2/trace/{id} (Zipkin).
QUrl traceUrl(const TraceServer& server, const QString& traceId);
// Jaeger: /api/traces?service=&operation=&start=&end=&limit= (µs); Tempo: /api/search?q={TraceQL}&start=&end=&limit= (s);
// Zipkin: /api/v2/traces?serviceName=&spanName=&endTs=&lookback=&limit= (ms).
QUrl searchUrl(const TraceServer& server, const TraceSearch& search);

// A trace id (16 or 32 hex digits, lower-cased) in what the user pasted: the id itself or a
// Jaeger, Zipkin or Grafana/Tempo UI link; nothing when there is none.
std::optional<QString> traceIdFromText(const QString& text);

struct FoundTrace
{
    QString traceId;
    std::int64_t durationNs = 0;
    bool error = false;
};

// From a search around the target: drop the target, traces with errors and outliers
// (beyond 3 median absolute deviations of the median duration), then take the `count`
// closest to the median, in order of closeness.
std::vector<QString> chooseBaselines(const std::vector<FoundTrace>& found, const QString& targetId, int count);

} // namespace tracedelta
