// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparecommand.h"
#include "core/io/jsonvalues.h"

#include "core/compare/comparison.h"
#include "core/remote/servertracestore.h"
#include "core/util/durationformat.h"
#include "comparisoninputs.h"
#include "loadlimitoptions.h"
#include "repeatedoptions.h"
#include "serveroptions.h"
#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace tracedelta::cli {

namespace {

// lupdate files these strings under "CompareCommand"; the struct only gives them that context.
struct CompareCommandText
{
    Q_DECLARE_TR_FUNCTIONS(CompareCommand)
};

nlohmann::json traceRef(const Trace& trace)
{
    nlohmann::json ref{{"file", trace.sourceFile().toStdString()}, {"trace_id", trace.traceId()}};
    if (const auto origin = serverTraceOrigin(trace.sourceFile())) {
        ref["server"] = origin->server.base.toString().toStdString();
        ref["server_kind"] = kindName(origin->server.kind).toStdString();
    }
    return ref;
}

nlohmann::json attributeDifferencesJson(const Candidate& c)
{
    nlohmann::json list = nlohmann::json::array();
    for (const AttributeDifference& d : c.attributeDifferences)
        list.push_back({{"key", d.key}, {"target", d.target}, {"baseline_values", d.baselineValues}});
    return list;
}

nlohmann::json failureJson(const Comparison& comparison, const Failure& f)
{
    const Trace& target = comparison.target();
    nlohmann::json reached = nlohmann::json::array();
    for (SpanIndex s : f.reached)
        reached.push_back(target.serviceText(s) + ": " + target.nameText(s));
    return {{"service", target.serviceText(f.span)}, {"name", target.nameText(f.span)}, {"message", f.message},
            {"after_ns", f.afterNs}, {"retried", f.retried}, {"reached", reached}};
}

// The baselines far outside the others' spread (their notes say so too).
nlohmann::json outlierBaselinesJson(const Comparison& comparison)
{
    nlohmann::json list = nlohmann::json::array();
    for (const std::size_t t : comparison.outlierBaselines()) {
        const Trace& baseline = *comparison.alignment().traces()[t];
        list.push_back({{"file", baseline.sourceFile().toStdString()},
                        {"duration_ns", comparison.hasRequest() ? comparison.requestDurationNs(t) : baseline.wallDurationNs()}});
    }
    return list;
}

nlohmann::json incompleteJson(const Comparison& comparison)
{
    nlohmann::json list = nlohmann::json::array();
    for (const SilentService& silent : comparison.incomplete()) {
        const NodeIndex under = comparison.alignment().node(silent.node).parent;
        const AlignedNode& parent = comparison.alignment().node(under);
        list.push_back({{"service", silent.service},
                        {"under", under > 0 ? parent.service + ": " + parent.name : std::string()},
                        {"baselines_with", silent.baselinesWith},
                        {"baseline_spans", silent.baselineSpans}});
    }
    return list;
}

nlohmann::json comparisonJson(const Comparison& comparison, int top, const std::optional<OccurrenceChoice>& repeated)
{
    const std::size_t T = comparison.targetIndex();
    // Per trace: its extent and, for distributed traces, the request's duration.
    const auto measuredRef = [&](std::size_t t) {
        const Trace& trace = *comparison.alignment().traces()[t];
        nlohmann::json ref = traceRef(trace);
        ref["duration_ns"] = trace.wallDurationNs();
        if (comparison.hasRequest()) {
            const SpanIndex request = comparison.requestSpan(t).span;
            ref["request_duration_ns"] = comparison.requestDurationNs(t);
            ref["request_span"] = trace.serviceText(request) + ": " + trace.nameText(request);
        }
        return ref;
    };
    nlohmann::json baselines = nlohmann::json::array();
    for (std::size_t t = 0; t < comparison.baselineCount(); ++t)
        baselines.push_back(measuredRef(t));
    nlohmann::json candidates = nlohmann::json::array();
    int rank = 0;
    for (const Candidate& c : comparison.candidates()) {
        if (rank == top)
            break;
        const AlignedNode& node = comparison.alignment().node(c.node);
        const NodeMetrics& m = comparison.metrics(c.node);
        const bool hasBaseline = comparison.baselineCount() > 0;
        candidates.push_back({{"rank", ++rank},
                              {"service", node.service},
                              {"name", node.name},
                              {"identity", node.identity},
                              {"path", comparison.alignment().path(c.node)},
                              {"kind", candidateKindName(c.kind).toStdString()},
                              {"baseline_self_ns", hasBaseline ? m.baselineSelf.median : 0},
                              {"target_self_ns", m.selfNs[T]},
                              {"baseline_total_ns", hasBaseline ? m.baselineTotal.median : 0},
                              {"target_total_ns", m.totalNs[T]},
                              {"delta_ns", c.deltaNs},
                              {"baseline_count", hasBaseline ? m.baselineCount.median : 0},
                              {"target_count", m.count[T]},
                              {"on_critical_path", m.onCriticalPath},
                              {"critical_path_baseline_ns", c.criticalPathBaselineNs},
                              {"critical_path_target_ns", c.criticalPathTargetNs},
                              {"attribute_differences", attributeDifferencesJson(c)},
                              {"reason", c.reason.toStdString()}});
        if (c.kind == CandidateKind::Concurrency) {
            nlohmann::json& added = candidates.back();
            if (hasBaseline)
                added["parallelism_baseline"] = c.parallelismBaseline;
            added["parallelism_target"] = c.parallelismTarget;
            added["calls"] = c.calls;
            added["calls_are_children"] = c.aboutChildren;
            if (c.aboutChildren) {
                nlohmann::json burst = nlohmann::json::array();
                for (NodeIndex child : c.burst)
                    burst.push_back(comparison.alignment().node(child).service + ": " + comparison.alignment().node(child).name);
                added["burst"] = burst;
            }
            added[hasBaseline ? "wall_baseline_ns" : "wall_if_concurrent_ns"] = c.wallBaselineNs;
            added["wall_target_ns"] = c.wallTargetNs;
        }
        if (c.targetSpan != NoSpan && comparison.target().hasSpanId(c.targetSpan))
            candidates.back()["target_span_id"] = comparison.target().spanIdText(c.targetSpan);
        if (c.callsCompared >= 2) {
            nlohmann::json calls = nlohmann::json::array();
            for (const ChangedCall& call : c.changedCalls)
                calls.push_back({{"index", call.index}, {"target_ns", call.targetNs}, {"baseline_ns", call.baselineNs}});
            candidates.back()["changed_calls"] = calls;
            candidates.back()["calls_compared"] = c.callsCompared;
        }
        if (c.kind == CandidateKind::Error)
            candidates.back()["failure"] = failureJson(comparison, comparison.failures()[c.failure]);
    }
    nlohmann::json lanePairs = nlohmann::json::array();
    const Alignment& alignment = comparison.alignment();
    for (const LanePair& pair : alignment.lanePairing().pairs()) {
        const Trace& baseline = *alignment.traces()[pair.trace];
        lanePairs.push_back({{"baseline", traceRef(baseline)},
                             {"baseline_lane", baseline.strings().at(baseline.lanes()[static_cast<std::size_t>(pair.lane)].label)},
                             {"target_lane", comparison.target().strings().at(comparison.target().lanes()[static_cast<std::size_t>(pair.targetLane)].label)},
                             {"basis", pair.basis == LanePair::Basis::SameName ? "same_name" : "content"},
                             {"similarity", pair.similarity}});
    }
    nlohmann::json examples = nlohmann::json::array();
    for (const NormalisedNameExample& e : alignment.normalisedNameExamples())
        examples.push_back({{"name", e.name}, {"key", e.key}});
    const nlohmann::json normalisation = {{"enabled", alignment.options().normaliseNames},
                                          {"normalised_names", alignment.normalisedNameCount()},
                                          {"examples", examples}};
    nlohmann::json notes = nlohmann::json::array();
    for (const QString& note : comparison.notes())
        notes.push_back(note.toStdString());
    nlohmann::json doc = {{"baseline", baselines},
            {"target", measuredRef(T)},
            {"verdict", verdictName(comparison.verdict()).toStdString()},
            {"baseline_duration_ns", comparison.baselineDurationNs()},
            {"target_duration_ns", comparison.targetDurationNs()},
            {"delta_ns", comparison.deltaNs()},
            {"request_delta_ns", comparison.hasRequest() ? nlohmann::json(comparison.requestDeltaNs()) : nlohmann::json()},
            {"request_changed", comparison.requestChanged()},
            {"extent_changed", comparison.extentChanged()},
            {"failure", comparison.decisiveFailure() ? failureJson(comparison, *comparison.decisiveFailure()) : nlohmann::json()},
            {"incomplete", incompleteJson(comparison)},
            {"outlier_baselines", outlierBaselinesJson(comparison)},
            {"candidates", candidates},
            {"lane_pairs", lanePairs},
            {"name_normalisation", normalisation},
            {"notes", notes}};
    if (repeated)
        doc["repeated"] = repeatedJson(*repeated);
    return doc;
}

QString comparisonTable(const Comparison& comparison, int top, const std::optional<OccurrenceChoice>& repeated)
{
    QString out;
    if (repeated) {
        out += repeated->choiceSentence() + QLatin1Char('\n');
        if (const QString outliers = repeated->outlierSentence(); !outliers.isEmpty())
            out += outliers + QLatin1Char('\n');
    }
    out += comparison.verdictSentence() + QLatin1Char('\n');
    for (const QString& note : comparison.notes())
        out += note + QLatin1Char('\n');
    out += CompareCommandText::tr("target:   %1 (trace %2)\n")
               .arg(comparison.target().sourceFile(), QString::fromStdString(comparison.target().traceId()));
    // Dozens of occurrences would bury the candidates: the choice sentence names them.
    for (std::size_t t = 0; t < (repeated ? 0 : comparison.baselineCount()); ++t) {
        const Trace& b = *comparison.alignment().traces()[t];
        out += CompareCommandText::tr("baseline: %1 (trace %2), %3\n")
                   .arg(b.sourceFile(), QString::fromStdString(b.traceId()), formatDuration(b.wallDurationNs()));
    }
    if (comparison.candidates().empty() && comparison.verdict() != Verdict::Identical && comparison.verdict() != Verdict::Unrelated)
        out += CompareCommandText::tr("No span explains the difference beyond the thresholds.\n");
    int rank = 0;
    for (const Candidate& c : comparison.candidates()) {
        if (rank == top)
            break;
        out += QStringLiteral("%1. %2\n").arg(++rank).arg(c.reason);
        if (const QStringList figures = comparison.figuresFor(c); !figures.isEmpty())
            out += QStringLiteral("   %1\n").arg(figures.join(QStringLiteral("; ")));
    }
    return out;
}

} // namespace

int runCompare(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CompareCommandText::tr("Compare a target trace with one or more baselines and rank the spans that "
                                        "explain the difference."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("compare"), CompareCommandText::tr("The command."));
    parser.addPositionalArgument(QStringLiteral("baseline"), CompareCommandText::tr("Baseline trace files (normal runs)."), QStringLiteral("BASELINE…"));
    const QCommandLineOption targetOption(QStringLiteral("target"), CompareCommandText::tr("The trace to explain (the slow one)."), QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), CompareCommandText::tr("Print machine-readable JSON."));
    const QCommandLineOption topOption(QStringLiteral("top"), CompareCommandText::tr("Show at most N candidates (default 10)."), QStringLiteral("N"),
                                       QStringLiteral("10"));
    const QCommandLineOption traceIdOption(QStringLiteral("trace-id"), CompareCommandText::tr("Use only traces with this id."), QStringLiteral("ID"));
    const QCommandLineOption exactNamesOption(QStringLiteral("exact-names"),
                                              CompareCommandText::tr("Align span names and lanes exactly as written (no normalisation of "
                                                                     "iteration numbers, ids or thread numbers)."));
    parser.addOptions({targetOption, jsonOption, topOption, traceIdOption, exactNamesOption});
    const LoadLimitOptions limitOptions;
    limitOptions.addTo(parser);
    const ServerOptions serverOptions;
    serverOptions.addTo(parser, true);
    const RepeatedOptions repeatedOptions;
    repeatedOptions.addTo(parser, true);
    if (const auto answered = parseCommandLine(parser, arguments))
        return *answered;
    bool ok = false;
    const int top = parser.value(topOption).toInt(&ok);
    if (!ok || top < 0) {
        printError(CompareCommandText::tr("compare: --top needs a non-negative number"));
        return 2;
    }
    const auto limits = limitOptions.read(parser, QStringLiteral("compare"));
    if (!limits)
        return 2;
    ComparisonInputs inputs;
    if (repeatedOptions.given(parser)) {
        if (const auto failed = repeatedOptions.loadInputs(parser, QStringLiteral("compare"), parser.positionalArguments().mid(1),
                                                           parser.value(traceIdOption), *limits, inputs))
            return *failed;
    } else if (serverOptions.serverGiven(parser)) {
        if (const auto failed = serverOptions.loadInputs(parser, QStringLiteral("compare"), *limits, inputs))
            return *failed;
    } else if (const auto failed = loadComparisonInputs(QStringLiteral("compare"), parser.positionalArguments().mid(1),
                                                        parser.value(targetOption), parser.value(traceIdOption), *limits, inputs)) {
        return *failed;
    }
    ComparisonSettings settings;
    settings.exactNames = parser.isSet(exactNamesOption);
    const Comparison comparison(inputs.baselines, inputs.target, settings);
    if (parser.isSet(jsonOption))
        printOut(QString::fromStdString(tracedelta::json::compactText(comparisonJson(comparison, top, inputs.repeated)))
                 + QLatin1Char('\n'));
    else
        printOut(comparisonTable(comparison, top, inputs.repeated));
    return 0;
}

} // namespace tracedelta::cli
