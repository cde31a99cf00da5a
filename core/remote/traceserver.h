// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <cstdint>
#include <optional>
#include <vector>

namespace tracedelta {

// The HTTP APIs of the tracing backends TraceDelta fetches from: where a trace, a search
// and the services/operations lists live, how an id is found in a pasted UI link, and
// which of a search's traces make good baselines. No networking here.
//
// JaegerV3 and TempoV2 differ only in the trace-by-id endpoint (OTLP JSON wrapped in
// "result" / "trace"); searches and lists use the API every version of the server answers.
enum class TraceServerKind { Jaeger, JaegerV3, Tempo, TempoV2, Zipkin };

// "jaeger", "jaeger-v3", "tempo", "tempo-v2", "zipkin" (command line, settings, workspaces).
QString kindName(TraceServerKind kind);
std::optional<TraceServerKind> kindFromName(const QString& name);
// The backend a URL most likely is, by its default port (3200 Tempo, 9411 Zipkin, else Jaeger).
TraceServerKind guessKind(const QUrl& base);

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

// GET …/api/traces/{id} (Jaeger, Tempo), …/api/v3/traces/{id} (Jaeger v3),
// …/api/v2/traces/{id} (Tempo v2), …/api/v2/trace/{id} (Zipkin).
QUrl traceUrl(const TraceServer& server, const QString& traceId);
// Jaeger: /api/traces?service=&operation=&start=&end=&limit= (µs); Tempo: /api/search?q={TraceQL}&start=&end=&limit= (s);
// Zipkin: /api/v2/traces?serviceName=&spanName=&endTs=&lookback=&limit= (ms).
// Tempo's query also asks for `status != error`: its search results carry no error flag.
QUrl searchUrl(const TraceServer& server, const TraceSearch& search);
// Jaeger /api/services, Tempo /api/search/tag/service.name/values, Zipkin /api/v2/services.
QUrl servicesUrl(const TraceServer& server);
// Jaeger /api/services/{s}/operations, Tempo /api/v2/search/tag/name/values?q={resource.service.name="s"},
// Zipkin /api/v2/spans?serviceName=s.
QUrl operationsUrl(const TraceServer& server, const QString& service);

// A trace id (16 or 32 hex digits, lower-cased) in what the user pasted: the id itself or a
// Jaeger, Zipkin or Grafana/Tempo UI link; nothing when there is none.
std::optional<QString> traceIdFromText(const QString& text);

// One trace of a search's answer.
struct FoundTrace
{
    QString traceId;
    std::int64_t durationNs = 0;
    bool error = false;
    std::int64_t startNs = 0; // wall clock
    QString rootName;         // "service: operation" when the server says
};

// From a search around the target: drop the target, traces with errors and outliers
// (beyond 3 median absolute deviations of the median duration), then take the `count`
// closest to the median, in order of closeness.
std::vector<QString> chooseBaselines(const std::vector<FoundTrace>& found, const QString& targetId, int count);

} // namespace tracedelta
