// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisoninputs.h"

#include "core/io/traceloader.h"
#include "output.h"

#include <QCoreApplication>

namespace tracedelta::cli {

namespace {

// lupdate files these strings under "ComparisonInputs"; the struct only gives them that context.
struct ComparisonInputsText
{
    Q_DECLARE_TR_FUNCTIONS(ComparisonInputs)
};

// Every trace of the files (or only those with the given id). False when a file failed.
bool loadAll(const QStringList& files, const QString& traceId, const LoadLimits& limits, std::vector<TracePtr>& out)
{
    bool ok = true;
    LoadControl control;
    control.limits = limits;
    for (const QString& file : files) {
        LoadResult loaded = loadTraceFile(file, &control);
        if (!loaded.ok()) {
            printError(loaded.error);
            ok = false;
            continue;
        }
        for (TracePtr& trace : loaded.traces) {
            if (traceId.isEmpty() || QString::fromStdString(trace->traceId()) == traceId)
                out.push_back(std::move(trace));
        }
    }
    return ok;
}

} // namespace

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
    std::vector<TracePtr> targets;
    const bool baselinesOk = loadAll(baselineFiles, traceId, limits, out.baselines);
    const bool targetOk = loadAll({targetFile}, traceId, limits, targets);
    if (!baselinesOk || !targetOk)
        return 2;
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
