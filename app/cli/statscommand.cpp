// SPDX-License-Identifier: GPL-3.0-or-later
#include "statscommand.h"
#include "core/io/jsonvalues.h"

#include "comparisoninputs.h"
#include "loadlimitoptions.h"
#include "repeatedoptions.h"
#include "output.h"
#include "core/compare/operationstatistics.h"
#include "core/util/durationformat.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

namespace tracedelta::cli {

namespace {

struct StatsCommandText
{
    Q_DECLARE_TR_FUNCTIONS(StatsCommand)
};

enum class SortKey { Self, Total, Count, Delta };

// Row order: the target's figure (or the change) first, largest first; ties by name.
std::vector<std::size_t> sortedRows(const OperationStatistics& stats, SortKey key)
{
    const auto& rows = stats.rows();
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    const auto value = [&](const OperationRow& r) -> std::int64_t {
        switch (key) {
        case SortKey::Self: return r.traces.back().selfNs;
        case SortKey::Total: return r.traces.back().totalNs;
        case SortKey::Count: return r.traces.back().count;
        case SortKey::Delta: return timemath::abs(r.deltaTotalNs);
        }
        return 0;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::int64_t va = value(rows[a]);
        const std::int64_t vb = value(rows[b]);
        if (va != vb)
            return va > vb;
        return std::tie(rows[a].service, rows[a].name) < std::tie(rows[b].service, rows[b].name);
    });
    return order;
}

nlohmann::json rowJson(const OperationStatistics& stats, const OperationRow& r)
{
    const auto pick = [&](auto member) {
        nlohmann::json list = nlohmann::json::array();
        for (const OperationRow::TraceFigures& f : r.traces)
            list.push_back(f.duration.*member);
        return list;
    };
    nlohmann::json row = {{"service", r.service},
                          {"name", r.name},
                          {"count", r.counts()},
                          {"total_ns", r.totals()},
                          {"self_ns", r.selfs()},
                          {"min_ns", pick(&SpanDistribution::min)},
                          {"median_ns", pick(&SpanDistribution::median)},
                          {"p90_ns", pick(&SpanDistribution::p90)},
                          {"max_ns", pick(&SpanDistribution::max)},
                          {"delta_total_ns", r.deltaTotalNs},
                          {"delta_self_ns", r.deltaSelfNs}};
    if (stats.grouping() == StatisticsGrouping::Path)
        row["path"] = stats.path(r);
    if (stats.baselineCount() > 0) {
        row["baseline_total_median_ns"] = r.baselineTotalMedianNs;
        row["baseline_total_min_ns"] = r.baselineTotalMinNs;
        row["baseline_total_max_ns"] = r.baselineTotalMaxNs;
    }
    if (r.candidateRank > 0)
        row["candidate_rank"] = r.candidateRank;
    return row;
}

QString label(const OperationStatistics& stats, const OperationRow& r)
{
    if (stats.grouping() == StatisticsGrouping::Lane)
        return QString::fromStdString(r.service).trimmed();
    if (stats.grouping() == StatisticsGrouping::Path) {
        QStringList parts;
        for (const std::string& p : stats.path(r))
            parts << QString::fromStdString(p);
        return parts.join(QStringLiteral(" › "));
    }
    return QStringLiteral("%1: %2").arg(QString::fromStdString(r.service).trimmed(), QString::fromStdString(r.name));
}

QString elided(const QString& text, int width)
{
    return text.size() <= width ? text.leftJustified(width) : text.left(width - 1) + QChar(0x2026);
}

// A readable table: per trace count · total · self, then the change; human units.
QString textTable(const OperationStatistics& stats, const std::vector<std::size_t>& order, int top, const QStringList& traceNames)
{
    const std::size_t traces = stats.traceCount();
    QString out;
    for (std::size_t t = 0; t < traces; ++t)
        out += StatsCommandText::tr("[%1] %2%3\n").arg(t + 1).arg(traceNames[static_cast<int>(t)],
                                                              t + 1 == traces && traces > 1 ? StatsCommandText::tr(" (target)") : QString());
    constexpr int nameWidth = 48;
    QString header = elided(StatsCommandText::tr("operation"), nameWidth);
    for (std::size_t t = 0; t < traces; ++t)
        header += QStringLiteral("  %1").arg(StatsCommandText::tr("[%1] calls   total    self").arg(t + 1));
    if (traces > 1)
        header += QStringLiteral("  %1").arg(StatsCommandText::tr("Δ total vs median"));
    out += header + QLatin1Char('\n');
    int shown = 0;
    for (std::size_t index : order) {
        if (top > 0 && shown++ == top)
            break;
        const OperationRow& r = stats.rows()[index];
        QString line = elided(label(stats, r), nameWidth);
        for (std::size_t t = 0; t < traces; ++t)
            line += QStringLiteral("  %1 %2 %3")
                        .arg(QString::number(r.traces[t].count).rightJustified(9), formatDuration(r.traces[t].totalNs).rightJustified(8),
                             formatDuration(r.traces[t].selfNs).rightJustified(8));
        if (traces > 1) {
            line += QStringLiteral("  %1").arg(formatSignedDuration(r.deltaTotalNs).rightJustified(9));
            if (r.candidateRank > 0)
                line += StatsCommandText::tr("  candidate #%1").arg(r.candidateRank);
        }
        out += line + QLatin1Char('\n');
    }
    return out;
}

} // namespace

int runStats(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(StatsCommandText::tr("Count, total and self time of every operation, per trace and against the baselines."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("stats"), StatsCommandText::tr("The command."));
    parser.addPositionalArgument(QStringLiteral("files"), StatsCommandText::tr("Trace files; with several, the last is the target."),
                                 QStringLiteral("FILE…"));
    const QCommandLineOption targetOption(QStringLiteral("target"), StatsCommandText::tr("The trace to compare with the others."), QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), StatsCommandText::tr("Print machine-readable JSON."));
    const QCommandLineOption byOption(QStringLiteral("by"), StatsCommandText::tr("Group rows by operation, path or lane (default operation)."),
                                      QStringLiteral("operation|path|lane"), QStringLiteral("operation"));
    const QCommandLineOption sortOption(QStringLiteral("sort"), StatsCommandText::tr("Order rows by self, total, count or delta (default: delta "
                                                                                     "with baselines, else self)."),
                                        QStringLiteral("self|total|count|delta"));
    const QCommandLineOption topOption(QStringLiteral("top"), StatsCommandText::tr("Show at most N rows (default 30 in text, all in JSON)."),
                                       QStringLiteral("N"));
    const QCommandLineOption traceIdOption(QStringLiteral("trace-id"), StatsCommandText::tr("Use only traces with this id."), QStringLiteral("ID"));
    const QCommandLineOption exactNamesOption(QStringLiteral("exact-names"), StatsCommandText::tr("Group names exactly as written."));
    parser.addOptions({targetOption, jsonOption, byOption, sortOption, topOption, traceIdOption, exactNamesOption});
    const RepeatedOptions repeatedOptions;
    repeatedOptions.addTo(parser);
    const LoadLimitOptions limitOptions;
    limitOptions.addTo(parser);
    if (const auto answered = parseCommandLine(parser, arguments))
        return *answered;

    const auto grouping = groupingFromName(parser.value(byOption));
    if (!grouping) {
        printError(StatsCommandText::tr("stats: --by must be operation, path or lane, not \"%1\"").arg(parser.value(byOption)));
        return 2;
    }
    QStringList files = parser.positionalArguments().mid(1);
    const QStringList allFiles = files;
    QString target = parser.value(targetOption);
    if (target.isEmpty() && !repeatedOptions.given(parser)) {
        if (files.isEmpty()) {
            printError(StatsCommandText::tr("stats: give one or more trace files"));
            return 2;
        }
        target = files.takeLast();
    }
    const bool compared = !files.isEmpty() || repeatedOptions.given(parser);
    const QString sortName = parser.value(sortOption).isEmpty() ? (compared ? QStringLiteral("delta") : QStringLiteral("self"))
                                                                : parser.value(sortOption);
    const QStringList sortNames{QStringLiteral("self"), QStringLiteral("total"), QStringLiteral("count"), QStringLiteral("delta")};
    if (!sortNames.contains(sortName)) {
        printError(StatsCommandText::tr("stats: --sort must be self, total, count or delta, not \"%1\"").arg(sortName));
        return 2;
    }
    int top = parser.isSet(jsonOption) ? 0 : 30;
    if (parser.isSet(topOption)) {
        bool ok = false;
        top = parser.value(topOption).toInt(&ok);
        if (!ok || top < 0) {
            printError(StatsCommandText::tr("stats: --top needs a non-negative number"));
            return 2;
        }
    }
    const auto limits = limitOptions.read(parser, QStringLiteral("stats"));
    if (!limits)
        return 2;
    ComparisonInputs inputs;
    if (repeatedOptions.given(parser)) {
        if (const auto failed = repeatedOptions.loadInputs(parser, QStringLiteral("stats"), allFiles, parser.value(traceIdOption), *limits, inputs))
            return *failed;
    } else if (const auto failed = loadComparisonInputs(QStringLiteral("stats"), files, target, parser.value(traceIdOption), *limits, inputs)) {
        return *failed;
    }
    ComparisonSettings settings;
    settings.exactNames = parser.isSet(exactNamesOption);
    const Comparison comparison(inputs.baselines, inputs.target, settings);
    const OperationStatistics stats(comparison, *grouping);
    const auto order = sortedRows(stats, static_cast<SortKey>(sortNames.indexOf(sortName)));

    QStringList traceNames;
    for (const TracePtr& trace : comparison.alignment().traces())
        traceNames << QStringLiteral("%1 (trace %2)").arg(trace->sourceFile(), QString::fromStdString(trace->traceId()));
    if (parser.isSet(jsonOption)) {
        nlohmann::json traces = nlohmann::json::array();
        for (std::size_t t = 0; t < comparison.alignment().traces().size(); ++t) {
            const Trace& trace = *comparison.alignment().traces()[t];
            traces.push_back({{"file", trace.sourceFile().toStdString()},
                              {"trace_id", trace.traceId()},
                              {"role", t == comparison.targetIndex() && compared ? "target" : compared ? "baseline" : "trace"},
                              {"duration_ns", trace.wallDurationNs()}});
        }
        nlohmann::json rows = nlohmann::json::array();
        int shown = 0;
        for (std::size_t index : order) {
            if (top > 0 && shown++ == top)
                break;
            rows.push_back(rowJson(stats, stats.rows()[index]));
        }
        nlohmann::json doc = {{"grouping", groupingName(*grouping).toStdString()},
                              {"sort", sortName.toStdString()},
                              {"traces", traces},
                              {"rows", rows}};
        if (inputs.repeated)
            doc["repeated"] = repeatedJson(*inputs.repeated);
        printOut(QString::fromStdString(tracedelta::json::compactText(doc)) + QLatin1Char('\n'));
    } else {
        printOut((inputs.repeated ? inputs.repeated->choiceSentence() + QLatin1Char('\n') : QString())
                 + textTable(stats, order, top, traceNames));
    }
    return 0;
}

} // namespace tracedelta::cli
