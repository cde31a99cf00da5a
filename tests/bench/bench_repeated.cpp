// SPDX-License-Identifier: GPL-3.0-or-later
// On-demand benchmark of issue 30: a generated Chrome trace of 1M events holding 10k
// occurrences of one repeated span ("Frame", each with 99 descendants; frame 3700 does 5×
// the work). Reports the bare load time of the file and, beyond it, the time to list the
// repeated units and to compare the slowest occurrence with the other 9,999 — the issue asks
// ≤ 1 s for each. Asserts nothing.
#include "core/analysis/occurrences.h"
#include "core/compare/comparison.h"
#include "core/io/traceloader.h"
#include "generatedtraces.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace tracedelta;
using namespace tracedelta::bench;

namespace {

constexpr int Frames = 10'000;
constexpr int EventsPerFrame = 100; // the frame, 9 tasks, 10 work slices under each task but the last (9 × 10 = 90)
constexpr int SlowFrame = 3700;

// Event i of frame f: 0 the frame, then per task t (0…8) the task and its 10 slices.
QByteArray frameEvent(int i)
{
    const int frame = i / EventsPerFrame;
    const int k = i % EventsPerFrame;
    const qint64 scale = frame == SlowFrame ? 5 : 1;
    const qint64 frameStart = qint64(frame) * 60'000; // µs: a frame every 60 ms (the slow one takes 50)
    const qint64 wobble = (frame * 7919) % 50;
    QByteArray name;
    qint64 ts = frameStart;
    qint64 dur = 0;
    if (k == 0) {
        name = "Frame";
        dur = 9 * 1'100 * scale + 100 + wobble;
    } else {
        const int task = (k - 1) / 11;
        const int slice = (k - 1) % 11;
        const qint64 taskStart = frameStart + 50 + task * 1'100 * scale;
        if (slice == 0) {
            name = "Task";
            ts = taskStart;
            dur = 1'000 * scale + wobble / 5;
        } else {
            name = "Work_" + QByteArray::number(task * 10 + slice);
            ts = taskStart + 5 + (slice - 1) * 99 * scale;
            dur = 90 * scale;
        }
    }
    return QByteArray(R"({"ph":"X","cat":"app","name":")") + name + R"(","pid":1,"tid":1,"ts":)" + QByteArray::number(ts)
        + R"(,"dur":)" + QByteArray::number(dur) + "}";
}

double secondsOf(QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("frames-1m.json"));
    // 10k frames × 100 events = 1M events, plus nothing else: every event belongs to a frame.
    writeRecords(path, R"({"traceEvents":[)", Frames * EventsPerFrame, frameEvent, R"(]})");

    QElapsedTimer timer;
    timer.start();
    const LoadResult loaded = loadTraceFile(path);
    const double loadSeconds = secondsOf(timer);
    if (!loaded.ok() || loaded.traces.empty()) {
        std::printf("load failed: %s\n", qPrintable(loaded.error));
        return 1;
    }
    const TracePtr trace = loaded.traces.front();

    timer.restart();
    const std::vector<RepeatedUnit> units = findRepeatedUnits(*trace);
    const double unitsSeconds = secondsOf(timer);

    timer.restart();
    QString error;
    const std::vector<TracePtr> traces{trace};
    const auto choice = chooseOccurrences(traces, QStringLiteral("Frame"), {}, BaselineSelection::All, &error);
    if (!choice) {
        std::printf("no occurrences: %s\n", qPrintable(error));
        return 1;
    }
    std::vector<TracePtr> baselines = cutOccurrences(traces, *choice);
    const TracePtr target = baselines.back();
    baselines.pop_back();
    const double cutSeconds = secondsOf(timer);
    timer.restart();
    const Comparison comparison(baselines, target);
    const double compareSeconds = secondsOf(timer);

    std::printf("%-44s %10s\n", "generated Chrome trace, 1M events, 10k Frame", "seconds");
    std::printf("%-44s %10.3f\n", "load (bare)", loadSeconds);
    std::printf("%-44s %10.3f%s\n", "repeated-unit list", unitsSeconds, unitsSeconds > 1 ? "  OVER 1 s" : "");
    std::printf("%-44s %10.3f\n", "  occurrences found and cut into traces", cutSeconds);
    std::printf("%-44s %10.3f\n", "  comparison of the target with 9,999", compareSeconds);
    const double within = cutSeconds + compareSeconds;
    std::printf("%-44s %10.3f%s\n", "within-trace comparison (both above)", within, within > 1 ? "  OVER 1 s" : "");
    std::printf("spans %d, units listed %zu (first: %s, %d×), target #%zu of %zu, top candidate: %s\n", trace->spanCount(), units.size(),
                units.empty() ? "-" : units.front().name.c_str(), units.empty() ? 0 : units.front().count, choice->target,
                choice->occurrences.size(),
                comparison.candidates().empty() ? "-" : comparison.alignment().node(comparison.candidates().front().node).name.c_str());
    return 0;
}
