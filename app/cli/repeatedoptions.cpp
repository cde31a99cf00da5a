// SPDX-License-Identifier: GPL-3.0-or-later
#include "repeatedoptions.h"

#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace tracedelta::cli {

namespace {
// lupdate files these strings under "RepeatedOptions"; the struct only gives them that context.
struct RepeatedOptionsText
{
    Q_DECLARE_TR_FUNCTIONS(RepeatedOptions)
};
} // namespace

void RepeatedOptions::addTo(QCommandLineParser& parser, bool baselinesShared) const
{
    QCommandLineOption repeated = m_repeated;
    repeated.setDescription(RepeatedOptionsText::tr("Compare one occurrence of a repeated span (a frame, a step, a task; '*' and '?' "
                                                    "match any text and one character) with the other occurrences in FILE…; "
                                                    "--baselines all|typical chooses which."));
    QCommandLineOption target = m_target;
    target.setDescription(RepeatedOptionsText::tr("With --repeated: the occurrence to explain, the slowest (default), a 0-based index "
                                                  "or a time from the trace's start such as 1.2s or 850ms."));
    QCommandLineOption baselines = m_baselines;
    baselines.setDescription(RepeatedOptionsText::tr("With --repeated: compare with all other occurrences (default) or only the typical "
                                                     "ones (outliers beyond 3 robust σ left out)."));
    parser.addOptions({repeated, target});
    if (!baselinesShared)
        parser.addOption(baselines);
}

std::optional<int> RepeatedOptions::loadInputs(const QCommandLineParser& parser, const QString& command, const QStringList& files,
                                               const QString& traceId, const LoadLimits& limits, ComparisonInputs& out) const
{
    // --target names a file; within a trace the target is an occurrence. Saying nothing would
    // compare another one than the user asked for.
    if (parser.optionNames().contains(QStringLiteral("target"))) {
        printError(RepeatedOptionsText::tr("%1: with --repeated, choose the occurrence with --target-occurrence, not --target")
                       .arg(command));
        return 2;
    }
    const auto target = parseTargetOccurrence(parser.value(m_target));
    if (!target) {
        printError(RepeatedOptionsText::tr("%1: --target-occurrence must be slowest, an index or a time such as 1.2s, not \"%2\"")
                       .arg(command, parser.value(m_target)));
        return 2;
    }
    // By name: the option may be the server options' (see addTo).
    const QString baselinesValue = parser.value(m_baselines.names().front());
    const auto selection = parseBaselineSelection(baselinesValue);
    if (!selection) {
        printError(RepeatedOptionsText::tr("%1: --baselines must be all or typical, not \"%2\"").arg(command, baselinesValue));
        return 2;
    }
    if (files.isEmpty()) {
        printError(RepeatedOptionsText::tr("%1: --repeated needs one or more trace files").arg(command));
        return 2;
    }
    std::vector<TracePtr> traces;
    if (const auto failed = loadAllTraces(command, files, traceId, limits, traces))
        return failed;
    QString error;
    auto choice = chooseOccurrences(traces, parser.value(m_repeated), *target, *selection, &error);
    if (!choice) {
        printError(QStringLiteral("%1: %2").arg(command, error));
        return 2;
    }
    out.baselines = cutOccurrences(traces, *choice);
    out.target = out.baselines.back();
    out.baselines.pop_back();
    out.repeated = std::move(*choice);
    return std::nullopt;
}

nlohmann::json repeatedJson(const OccurrenceChoice& choice)
{
    nlohmann::json outliers = nlohmann::json::array();
    for (std::size_t i : choice.outliers)
        outliers.push_back({{"index", i}, {"start_ns", choice.occurrences[i].offsetNs}, {"duration_ns", choice.occurrences[i].durationNs}});
    const Occurrence& target = choice.occurrences[choice.target];
    return {{"name", choice.name.toStdString()},
            {"occurrences", choice.occurrences.size()},
            {"target_index", choice.target},
            {"target_start_ns", target.offsetNs},
            {"target_duration_ns", target.durationNs},
            {"baselines", baselineSelectionName(choice.selection).toStdString()},
            {"baseline_count", choice.baselines.size()},
            {"baseline_median_ns", choice.baselineSpread.median},
            {"baseline_p90_ns", choice.baselineSpread.p90},
            {"outliers", outliers}};
}

} // namespace tracedelta::cli
