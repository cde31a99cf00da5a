// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceserver.h"

#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace tracedelta {

namespace {

QUrl withPath(const QUrl& base, const QString& path)
{
    // `path` comes percent-encoded (ids and service names may hold '/' or spaces).
    QUrl url = base;
    QString prefix = base.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path, QUrl::TolerantMode);
    return url;
}

QString quoted(const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString kindName(TraceServerKind kind)
{
    switch (kind) {
    case TraceServerKind::Jaeger: return QStringLiteral("jaeger");
    case TraceServerKind::JaegerV3: return QStringLiteral("jaeger-v3");
    case TraceServerKind::Tempo: return QStringLiteral("tempo");
    case TraceServerKind::TempoV2: return QStringLiteral("tempo-v2");
    case TraceServerKind::Zipkin: return QStringLiteral("zipkin");
    }
    return {};
}

std::optional<TraceServerKind> kindFromName(const QString& name)
{
    for (const TraceServerKind kind : {TraceServerKind::Jaeger, TraceServerKind::JaegerV3, TraceServerKind::Tempo,
                                       TraceServerKind::TempoV2, TraceServerKind::Zipkin}) {
        if (name.compare(kindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

TraceServerKind guessKind(const QUrl& base)
{
    switch (base.port()) {
    case 3200: return TraceServerKind::Tempo;
    case 9411: return TraceServerKind::Zipkin;
    default: return TraceServerKind::Jaeger;
    }
}

QUrl traceUrl(const TraceServer& server, const QString& traceId)
{
    const QString id = QString::fromLatin1(QUrl::toPercentEncoding(traceId));
    switch (server.kind) {
    case TraceServerKind::Jaeger:
    case TraceServerKind::Tempo: return withPath(server.base, QStringLiteral("/api/traces/") + id);
    case TraceServerKind::JaegerV3: return withPath(server.base, QStringLiteral("/api/v3/traces/") + id);
    case TraceServerKind::TempoV2: return withPath(server.base, QStringLiteral("/api/v2/traces/") + id);
    case TraceServerKind::Zipkin: return withPath(server.base, QStringLiteral("/api/v2/trace/") + id);
    }
    return {};
}

QUrl servicesUrl(const TraceServer& server)
{
    switch (server.kind) {
    case TraceServerKind::Jaeger:
    case TraceServerKind::JaegerV3: return withPath(server.base, QStringLiteral("/api/services"));
    case TraceServerKind::Tempo:
    case TraceServerKind::TempoV2: return withPath(server.base, QStringLiteral("/api/search/tag/service.name/values"));
    case TraceServerKind::Zipkin: return withPath(server.base, QStringLiteral("/api/v2/services"));
    }
    return {};
}

QUrl operationsUrl(const TraceServer& server, const QString& service)
{
    QUrl url;
    QUrlQuery query;
    switch (server.kind) {
    case TraceServerKind::Jaeger:
    case TraceServerKind::JaegerV3:
        return withPath(server.base, QStringLiteral("/api/services/%1/operations")
                                         .arg(QString::fromLatin1(QUrl::toPercentEncoding(service))));
    case TraceServerKind::Tempo:
    case TraceServerKind::TempoV2:
        url = withPath(server.base, QStringLiteral("/api/v2/search/tag/name/values"));
        query.addQueryItem(QStringLiteral("q"), QStringLiteral("{resource.service.name=%1}").arg(quoted(service)));
        break;
    case TraceServerKind::Zipkin:
        url = withPath(server.base, QStringLiteral("/api/v2/spans"));
        query.addQueryItem(QStringLiteral("serviceName"), service);
        break;
    }
    url.setQuery(query);
    return url;
}

QUrl searchUrl(const TraceServer& server, const TraceSearch& search)
{
    QUrlQuery query;
    QUrl url;
    switch (server.kind) {
    case TraceServerKind::Jaeger:
    case TraceServerKind::JaegerV3:
        url = withPath(server.base, QStringLiteral("/api/traces"));
        query.addQueryItem(QStringLiteral("service"), search.service);
        if (!search.operation.isEmpty())
            query.addQueryItem(QStringLiteral("operation"), search.operation);
        query.addQueryItem(QStringLiteral("start"), QString::number(search.startNs / 1000));
        query.addQueryItem(QStringLiteral("end"), QString::number(search.endNs / 1000));
        query.addQueryItem(QStringLiteral("limit"), QString::number(search.limit));
        break;
    case TraceServerKind::Tempo:
    case TraceServerKind::TempoV2: {
        url = withPath(server.base, QStringLiteral("/api/search"));
        QString traceQl = QStringLiteral("{resource.service.name=%1").arg(quoted(search.service));
        if (!search.operation.isEmpty())
            traceQl += QStringLiteral(" && name=%1").arg(quoted(search.operation));
        traceQl += QStringLiteral(" && status != error}");
        query.addQueryItem(QStringLiteral("q"), traceQl);
        query.addQueryItem(QStringLiteral("start"), QString::number(search.startNs / 1'000'000'000));
        query.addQueryItem(QStringLiteral("end"), QString::number((search.endNs + 999'999'999) / 1'000'000'000));
        query.addQueryItem(QStringLiteral("limit"), QString::number(search.limit));
        break;
    }
    case TraceServerKind::Zipkin:
        url = withPath(server.base, QStringLiteral("/api/v2/traces"));
        query.addQueryItem(QStringLiteral("serviceName"), search.service);
        if (!search.operation.isEmpty())
            query.addQueryItem(QStringLiteral("spanName"), search.operation);
        query.addQueryItem(QStringLiteral("endTs"), QString::number(search.endNs / 1'000'000));
        query.addQueryItem(QStringLiteral("lookback"), QString::number((search.endNs - search.startNs) / 1'000'000));
        query.addQueryItem(QStringLiteral("limit"), QString::number(search.limit));
        break;
    }
    url.setQuery(query);
    return url;
}

std::optional<QString> traceIdFromText(const QString& text)
{
    // Grafana puts the id inside percent-encoded JSON; decode twice (links get re-encoded).
    const QString decoded = QUrl::fromPercentEncoding(QUrl::fromPercentEncoding(text.trimmed().toUtf8()).toUtf8());
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("^([0-9a-fA-F]{32}|[0-9a-fA-F]{16})$")),
        QRegularExpression(QStringLiteral("/traces?/([0-9a-fA-F]{32}|[0-9a-fA-F]{16})(?![0-9a-fA-F])")),
        QRegularExpression(QStringLiteral("(?:traceId|traceID|trace_id|query)\"?\\s*[:=]\\s*\"?([0-9a-fA-F]{32}|[0-9a-fA-F]{16})(?![0-9a-fA-F])")),
    };
    for (const QRegularExpression& pattern : patterns) {
        const QRegularExpressionMatch match = pattern.match(decoded);
        if (match.hasMatch())
            return match.captured(1).toLower();
    }
    return std::nullopt;
}

std::vector<QString> chooseBaselines(const std::vector<FoundTrace>& found, const QString& targetId, int count)
{
    std::vector<FoundTrace> usable;
    for (const FoundTrace& t : found) {
        if (!t.error && t.traceId.compare(targetId, Qt::CaseInsensitive) != 0 && t.durationNs > 0)
            usable.push_back(t);
    }
    if (usable.empty() || count <= 0)
        return {};
    const auto medianOf = [](std::vector<std::int64_t> values) {
        std::sort(values.begin(), values.end());
        const std::size_t n = values.size();
        return n % 2 ? values[n / 2] : std::midpoint(values[n / 2 - 1], values[n / 2]);
    };
    std::vector<std::int64_t> durations;
    for (const FoundTrace& t : usable)
        durations.push_back(t.durationNs);
    const std::int64_t median = medianOf(durations);
    std::vector<std::int64_t> deviations;
    for (const std::int64_t d : durations)
        deviations.push_back(std::llabs(d - median));
    // A floor of 1 % of the median keeps identical durations from rejecting everything else.
    const std::int64_t spread = std::max(medianOf(deviations), median / 100);
    std::vector<FoundTrace> kept;
    for (const FoundTrace& t : usable) {
        if (std::llabs(t.durationNs - median) <= 3 * spread)
            kept.push_back(t);
    }
    std::stable_sort(kept.begin(), kept.end(), [median](const FoundTrace& a, const FoundTrace& b) {
        return std::llabs(a.durationNs - median) < std::llabs(b.durationNs - median);
    });
    std::vector<QString> chosen;
    for (const FoundTrace& t : kept) {
        if (static_cast<int>(chosen.size()) == count)
            break;
        chosen.push_back(t.traceId);
    }
    return chosen;
}

} // namespace tracedelta
