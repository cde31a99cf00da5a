// SPDX-License-Identifier: GPL-3.0-or-later
#include "summarycommand.h"
#include "core/io/jsonvalues.h"

#include "core/analysis/occurrences.h"
#include "core/analysis/spanranking.h"
#include "core/io/traceloader.h"
#include "core/util/durationformat.h"
#include "output.h"
#include "loadlimitoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>

namespace tracedelta::cli {

namespace {

// lupdate files these strings under "SummaryCommand"; the struct only gives them that context.
struct SummaryCommandText
{
    Q_DECLARE_TR_FUNCTIONS(SummaryCommand)
};

// Shown per trace: the units most worth comparing (their slowest occurrence furthest from the median).
constexpr std::size_t ShownRepeatedUnits = 10;

nlohmann::json repeatedUnitsJson(const std::vector<RepeatedUnit>& units)
{
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < std::min(units.size(), ShownRepeatedUnits); ++i) {
        const RepeatedUnit& u = units[i];
        list.push_back({{"name", u.name}, {"lane", u.lane}, {"count", u.count}, {"median_ns", u.spread.median},
                        {"p90_ns", u.spread.p90}, {"max_ns", u.spread.max}});
    }
    return list;
}

nlohmann::json traceJson(const Trace& trace)
{
    nlohmann::json services = nlohmann::json::array();
    for (StringId service : trace.services())
        services.push_back(trace.strings().at(service));
    nlohmann::json top = nlohmann::json::array();
    for (SpanIndex span : topSelfTimeSpans(trace, 5)) {
        top.push_back({{"span_id", spanIdLabel(trace, span).toStdString()},
                       {"name", trace.nameText(span)},
                       {"service", trace.serviceText(span)},
                       {"self_ns", trace.selfNs(span)},
                       {"total_ns", trace.durationNs(span)}});
    }
    nlohmann::json diagnostics = nlohmann::json::array();
    for (const Diagnostic& d : trace.diagnostics()) {
        diagnostics.push_back({{"severity", d.severity == Diagnostic::Severity::Error ? "error" : "warning"},
                               {"message", d.message.toStdString()}});
    }
    nlohmann::json aggregates = nlohmann::json::array();
    for (const AggregateRow& row : trace.aggregates())
        aggregates.push_back({{"name", trace.strings().at(row.name)}, {"total_ns", row.totalNs}, {"count", row.count}});
    const SpanIndex root = trace.mainRoot();
    nlohmann::json rootJson = nlohmann::json::object();
    if (root != NoSpan)
        rootJson = {{"name", trace.nameText(root)}, {"service", trace.serviceText(root)}};
    return {{"file", trace.sourceFile().toStdString()},
            {"format", formatName(trace.format()).toStdString()},
            {"trace_id", trace.traceId()},
            {"span_count", trace.spanCount()},
            {"services", services},
            {"start_unix_ns", trace.traceStartNs()},
            {"duration_ns", trace.wallDurationNs()},
            {"root", rootJson},
            {"top_self_time", top},
            {"aggregates", aggregates},
            {"repeated_units", repeatedUnitsJson(findRepeatedUnits(trace))},
            {"diagnostics", diagnostics}};
}

QString traceTable(const Trace& trace)
{
    QString out;
    const SpanIndex root = trace.mainRoot();
    out += SummaryCommandText::tr("%1 — %2 trace %3\n")
               .arg(trace.sourceFile(), formatName(trace.format()), QString::fromStdString(trace.traceId()));
    out += SummaryCommandText::tr("  spans: %1   services: %2   duration: %3\n")
               .arg(trace.spanCount())
               .arg(trace.services().size())
               .arg(formatDuration(trace.wallDurationNs()));
    if (root != NoSpan)
        out += SummaryCommandText::tr("  root: %1: %2\n").arg(QString::fromStdString(trace.serviceText(root)),
                                          QString::fromStdString(trace.nameText(root)));
    out += SummaryCommandText::tr("  largest self time:\n");
    for (SpanIndex span : topSelfTimeSpans(trace, 5)) {
        out += QStringLiteral("    %1  %2  %3 of %4  %5: %6\n")
                   .arg(formatDuration(trace.selfNs(span)), 10)
                   .arg(formatShare(trace.selfNs(span), trace.durationNs(span)), 5)
                   .arg(SummaryCommandText::tr("self"))
                   .arg(formatDuration(trace.durationNs(span)), -10)
                   .arg(QString::fromStdString(trace.serviceText(span)), QString::fromStdString(trace.nameText(span)));
    }
    if (!trace.aggregates().empty()) {
        out += SummaryCommandText::tr("  producer's totals (sums over occurrences, not spans):\n");
        for (const AggregateRow& row : trace.aggregates()) {
            out += QStringLiteral("    %1  %2  %3\n")
                       .arg(formatDuration(row.totalNs), 10)
                       .arg(SummaryCommandText::tr("%n time(s)", nullptr, static_cast<int>(std::min<std::int64_t>(row.count, INT32_MAX))), -12)
                       .arg(QString::fromStdString(trace.strings().at(row.name)));
        }
    }
    const std::vector<RepeatedUnit> units = findRepeatedUnits(trace);
    if (!units.empty())
        out += SummaryCommandText::tr("  repeated units (compare one with the others: compare FILE --repeated NAME):\n");
    for (std::size_t i = 0; i < std::min(units.size(), ShownRepeatedUnits); ++i) {
        const RepeatedUnit& u = units[i];
        out += SummaryCommandText::tr("    %1×  median %2  p90 %3  max %4  %5 (%6)\n")
                   .arg(u.count, 6)
                   .arg(formatDuration(u.spread.median), formatDuration(u.spread.p90), formatDuration(u.spread.max),
                        QString::fromStdString(u.name), QString::fromStdString(u.lane));
    }
    for (const Diagnostic& d : trace.diagnostics())
        out += QStringLiteral("  %1: %2\n").arg(severityName(d.severity), d.message);
    return out;
}

} // namespace

int runSummary(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(SummaryCommandText::tr("Print what trace files hold: spans, services, duration, largest self times."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("summary"), SummaryCommandText::tr("The command."));
    parser.addPositionalArgument(QStringLiteral("files"), SummaryCommandText::tr("Trace files (Jaeger, Zipkin, OTLP or Chrome JSON, optionally .gz)."),
                                 QStringLiteral("FILE…"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), SummaryCommandText::tr("Print machine-readable JSON."));
    parser.addOption(jsonOption);
    const LoadLimitOptions limitOptions;
    limitOptions.addTo(parser);
    if (const auto answered = parseCommandLine(parser, arguments))
        return *answered;
    const auto limits = limitOptions.read(parser, QStringLiteral("summary"));
    if (!limits)
        return 2;
    LoadControl control;
    control.limits = *limits;
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.isEmpty()) {
        printError(SummaryCommandText::tr("summary: no trace files given"));
        return 2;
    }
    bool anyFailed = false;
    nlohmann::json traces = nlohmann::json::array();
    QString table;
    for (const QString& file : files) {
        const LoadResult loaded = loadTraceFile(file, &control);
        if (!loaded.ok()) {
            printError(loaded.error);
            anyFailed = true;
            continue;
        }
        for (const TracePtr& trace : loaded.traces) {
            if (parser.isSet(jsonOption))
                traces.push_back(traceJson(*trace));
            else
                table += traceTable(*trace) + QLatin1Char('\n');
        }
    }
    if (parser.isSet(jsonOption))
        printOut(QString::fromStdString(tracedelta::json::compactText(nlohmann::json{{"traces", traces}}))
                 + QLatin1Char('\n'));
    else
        printOut(table);
    return anyFailed ? 2 : 0;
}

} // namespace tracedelta::cli
