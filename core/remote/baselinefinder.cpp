// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselinefinder.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace tracedelta {

namespace {
struct BaselineFinderText
{
    Q_DECLARE_TR_FUNCTIONS(BaselineFinder)
};
} // namespace

TraceSearch baselineSearchFor(const Trace& target, std::int64_t windowNs, int count)
{
    TraceSearch search;
    if (target.spanCount() > 0) {
        const SpanIndex root = target.mainRoot();
        search.service = QString::fromStdString(target.serviceText(root));
        search.operation = QString::fromStdString(target.nameText(root));
    }
    search.startNs = target.traceStartNs() - windowNs;
    search.endNs = target.traceEndNs();
    // Enough to leave room for errors and outliers, few enough to keep Jaeger's answer
    // (whole traces) small.
    search.limit = std::clamp(count * 5, 50, 500);
    return search;
}

BaselineFinding findBaselines(TraceServerClient& client, const Trace& target, const QString& targetId, int count,
                              std::int64_t windowNs)
{
    return findBaselines(client, baselineSearchFor(target, windowNs, count), targetId, count);
}

BaselineFinding findBaselines(TraceServerClient& client, const TraceSearch& search, const QString& targetId, int count)
{
    BaselineFinding finding;
    finding.search = search;
    if (finding.search.service.isEmpty()) {
        finding.error = BaselineFinderText::tr("the target's root span names no service to search for");
        return finding;
    }
    SearchAnswer answer = client.search(finding.search);
    if (!answer.error.isEmpty()) {
        finding.error = answer.error;
        return finding;
    }
    finding.found = std::move(answer.traces);
    const std::vector<QString> ids = chooseBaselines(finding.found, targetId, count);
    for (const QString& id : ids) {
        const auto it = std::find_if(finding.found.begin(), finding.found.end(),
                                     [&id](const FoundTrace& t) { return t.traceId == id; });
        if (it != finding.found.end())
            finding.chosen.push_back(*it);
    }
    if (finding.chosen.empty())
        finding.error = BaselineFinderText::tr("%1 found no trace of %2 “%3” without errors in the window")
                            .arg(client.serverName(), finding.search.service, finding.search.operation);
    return finding;
}

std::optional<std::int64_t> parseWindow(const QString& text)
{
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)"));
    const QString trimmed = text.trimmed().toLower();
    if (trimmed.isEmpty())
        return std::nullopt;
    double total = 0;
    qsizetype position = 0;
    auto it = part.globalMatch(trimmed);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() != position)
            return std::nullopt;
        position = m.capturedEnd();
        const double value = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const double scale = unit == QLatin1String("ms") ? 1e6
                             : unit == QLatin1String("s") ? 1e9
                             : unit == QLatin1String("m") ? 60e9
                             : unit == QLatin1String("h") ? 3600e9
                                                          : 86400e9;
        total += value * scale;
    }
    if (position != trimmed.size() || total <= 0 || total > 365 * 86400e9)
        return std::nullopt;
    return static_cast<std::int64_t>(total);
}

} // namespace tracedelta
