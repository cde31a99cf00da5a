// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisoninputs.h"

#include "core/io/parallelloader.h"
#include "output.h"

#include <QCoreApplication>

namespace tracedelta::cli {

namespace {

// lupdate files these strings under "ComparisonInputs"; the struct only gives them that context.
struct ComparisonInputsText
{
    Q_DECLARE_TR_FUNCTIONS(ComparisonInputs)
};

// Every trace of the files (or only those with the given id), the files loaded at once on
// all cores. False when a file failed (its message printed, in the files' order).
bool loadAll(const QStringList& files, const QString& traceId, const LoadLimits& limits, std::vector<std::vector<TracePtr>>& out)
{
    LoadControl control;
    control.limits = limits;
    std::vector<LoadResult> loaded = loadTraceFiles(files, control);
    bool ok = true;
    out.assign(loaded.size(), {});
    for (std::size_t f = 0; f < loaded.size(); ++f) {
        if (!loaded[f].ok()) {
            printError(loaded[f].error);
            ok = false;
            continue;
        }
        for (TracePtr& trace : loaded[f].traces) {
            if (traceId.isEmpty() || QString::fromStdString(trace->traceId()) == traceId)
                out[f].push_back(std::move(trace));
        }
    }
    return ok;
}

} // namespace

std::optional<int> loadAllTraces(const QString& command, const QStringList& files, const QString& traceId, const LoadLimits& limits,
                                 std::vector<TracePtr>& out)
{
    std::vector<std::vector<TracePtr>> perFile;
    if (!loadAll(files, traceId, limits, perFile))
        return 2;
    for (std::vector<TracePtr>& traces : perFile)
        for (TracePtr& trace : traces)
            out.push_back(std::move(trace));
    if (out.empty()) {
        printError(ComparisonInputsText::tr("%1: the files hold no trace%2")
                       .arg(command, traceId.isEmpty() ? QString() : ComparisonInputsText::tr(" with id %1").arg(traceId)));
        return 2;
    }
    return std::nullopt;
}

std::optional<int> loadComparisonInputs(const QString& command, QStringList baselineFiles, QString targetFile,
                                        const QString& traceId, const LoadLimits& limits, ComparisonInputs& out)
{
    if (targetFile.isEmpty()) {
        if (baselineFiles.size() != 2) {
            printError(ComparisonInputsText::tr("%1: give BASELINE… --target FILE, or exactly two files A B (A baseline, B target)").arg(command));
            return 2;
        }
        targetFile = baselineFiles.takeLast();
    }
    std::vector<std::vector<TracePtr>> perFile;
    if (!loadAll(baselineFiles + QStringList{targetFile}, traceId, limits, perFile))
        return 2;
    std::vector<TracePtr> targets = std::move(perFile.back());
    perFile.pop_back();
    for (std::vector<TracePtr>& traces : perFile)
        for (TracePtr& trace : traces)
            out.baselines.push_back(std::move(trace));
    if (targets.empty()) {
        printError(ComparisonInputsText::tr("%1: %2 holds no trace%3")
                       .arg(command, targetFile, traceId.isEmpty() ? QString() : ComparisonInputsText::tr(" with id %1").arg(traceId)));
        return 2;
    }
    if (targets.size() > 1)
        printError(ComparisonInputsText::tr("%1: %2 holds %3 traces; using the first (%4). Pick one with --trace-id.")
                       .arg(command, targetFile)
                       .arg(targets.size())
                       .arg(QString::fromStdString(targets.front()->traceId())));
    out.target = targets.front();
    return std::nullopt;
}

} // namespace tracedelta::cli
