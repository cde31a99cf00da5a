// SPDX-License-Identifier: GPL-3.0-or-later
// On-demand painting benchmark: one frame of the Gantt timeline, the icicle and the
// differential flame graph of a generated trace into a 1920×1080 image, fully zoomed
// out and zoomed deep into the middle. Prints a table of median frame times.
#include "core/compare/comparison.h"
#include "core/model/tracebuilder.h"
#include "ui/flame/diffflamegraph.h"
#include "ui/flame/iciclepainter.h"
#include "ui/timeline/trackpainter.h"
#include "ui/viewmodel/baselinedistribution.h"
#include "core/io/traceloader.h"
#include "ui/navigation/selectionstate.h"
#include "ui/timeline/ganttpainter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <random>

using namespace tracedelta;

namespace {

constexpr int FrameWidth = 1920;
constexpr int FrameHeight = 1080;
constexpr int Repetitions = 15;

// Properly nested calls: every span splits its interval among up to 6 sequential
// children with gaps (self time), breadth first until `spans` spans exist.
TracePtr nestedTrace(int spans, unsigned seed, double stretchMiddle)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> fanout(2, 6);
    TraceBuilder builder(TraceFormat::Otlp, QStringLiteral("synthetic-%1").arg(seed), std::string("t").append(std::to_string(seed)));
    const StringId services[] = {builder.intern("frontend"), builder.intern("orders"), builder.intern("db"),
                                 builder.intern("cache"), builder.intern("payments")};
    std::vector<StringId> names;
    for (int i = 0; i < 60; ++i)
        names.push_back(builder.intern("operation-" + std::to_string(i)));
    struct Pending
    {
        int id;
        std::int64_t start;
        std::int64_t duration;
    };
    std::deque<Pending> queue{{1, 0, 10'000'000'000}};
    int next = 2;
    SpanDraft root;
    root.spanId = builder.internSpanId("1");
    root.service = services[0];
    root.name = names[0];
    root.durationNs = 10'000'000'000;
    builder.addSpan(root);
    while (!queue.empty() && next <= spans) {
        const Pending parent = queue.front();
        queue.pop_front();
        const int children = std::min(fanout(random), spans - next + 1);
        const std::int64_t slot = parent.duration / (children + 1);
        for (int c = 0; c < children; ++c) {
            SpanDraft d;
            d.spanId = builder.internSpanId(std::to_string(next));
            d.parentSpanId = builder.internSpanId(std::to_string(parent.id));
            d.service = services[next % 5];
            d.name = names[static_cast<std::size_t>((parent.id * 7 + c) % 60)];
            d.startNs = parent.start + slot / 2 + c * slot;
            d.durationNs = slot * 9 / 10;
            if (stretchMiddle > 1.0 && next == spans / 2)
                d.durationNs = static_cast<std::int64_t>(static_cast<double>(d.durationNs) * stretchMiddle);
            builder.addSpan(d);
            queue.push_back({next, d.startNs, d.durationNs});
            ++next;
        }
    }
    return builder.build();
}

template<typename Paint>
double medianFrameMs(Paint paint)
{
    QImage image(FrameWidth, FrameHeight, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> times;
    for (int i = 0; i < Repetitions; ++i) {
        QPainter painter(&image);
        QElapsedTimer timer;
        timer.start();
        paint(painter);
        painter.end();
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void benchmark(int spans)
{
    QElapsedTimer setup;
    setup.start();
    const TracePtr baseline = nestedTrace(spans, 1, 1.0);
    const TracePtr target = nestedTrace(spans, 1, 1.3);
    auto comparison = std::make_shared<const Comparison>(std::vector<TracePtr>{baseline}, target);
    auto highlights = std::make_shared<const ComparisonHighlights>(*comparison);
    const GanttRows rows(target);
    const IcicleLayout icicle(*target);
    const double setupSeconds = static_cast<double>(setup.elapsed()) / 1000.0;

    const ViewPalette palette = ViewPalette::light();
    const std::vector<QColor> serviceColors = serviceColorTable(*target, palette);
    PaneScene scene;
    scene.trace = target.get();
    scene.traceIndex = comparison->targetIndex();
    scene.alignment = &comparison->alignment();
    scene.highlights = highlights.get();
    scene.serviceColors = &serviceColors;
    scene.palette = palette;
    GanttGeometry gantt;
    scene.mapping.originNs = target->traceStartNs();

    const auto frame = [&](bool deep, int labelWidth) {
        scene.mapping.left = labelWidth;
        scene.mapping.width = FrameWidth - labelWidth;
        const std::int64_t extent = target->wallDurationNs();
        scene.mapping.viewStartNs = deep ? extent / 2 : 0;
        scene.mapping.viewEndNs = deep ? extent / 2 + extent / 100'000 : extent;
    };
    const QRect viewport(0, 0, FrameWidth, FrameHeight);

    frame(false, gantt.labelWidth);
    gantt.scrollY = 0;
    const double ganttOut = medianFrameMs([&](QPainter& p) { paintGantt(p, viewport, scene, rows, gantt); });
    frame(true, gantt.labelWidth);
    gantt.scrollY = rows.rowCount() / 2 * GanttGeometry::RowHeight;
    const double ganttDeep = medianFrameMs([&](QPainter& p) { paintGantt(p, viewport, scene, rows, gantt); });

    IcicleGeometry icicleGeometry;
    std::size_t marks = 0;
    frame(false, 0);
    const double icicleOut = medianFrameMs([&](QPainter& p) { marks = paintIcicle(p, viewport, scene, icicle, icicleGeometry); });
    const std::size_t marksOut = marks;
    frame(true, 0);
    const double icicleDeep = medianFrameMs([&](QPainter& p) { marks = paintIcicle(p, viewport, scene, icicle, icicleGeometry); });

    // Overlay mode: the same Gantt frame with the baseline's spread under every bar.
    const BaselineDistribution distribution(*comparison);
    scene.distribution = &distribution;
    frame(false, gantt.labelWidth);
    gantt.scrollY = 0;
    const double overlayOut = medianFrameMs([&](QPainter& p) { paintGantt(p, viewport, scene, rows, gantt); });
    scene.distribution = nullptr;
    std::printf("  (overlay mode, Gantt out: %.2f ms)\n", overlayOut);

    SelectionState selection;
    DiffFlameGraph diff(comparison, highlights, &selection);
    diff.resize(FrameWidth, FrameHeight);
    const double diffOut = medianFrameMs([&](QPainter& p) { diff.render(p, viewport); });

    std::printf("| %9d | %7.1f s | %6.2f ms | %6.2f ms | %6.2f ms (%zu marks) | %6.2f ms | %6.2f ms (%zu nodes) |\n", spans,
                setupSeconds, ganttOut, ganttDeep, icicleOut, marksOut, icicleDeep, diffOut,
                comparison->alignment().nodes().size());
    std::fflush(stdout);
}

// Packed tracks on a real profile: the kineto "test" capture (68k slices, 10 tracks).
void benchmarkPackedTracks()
{
    const QString path = QStringLiteral(TRACEDELTA_SOURCE_DIR "/../shared/traces/chrome/kineto-trace_diff-test.json.gz");
    const LoadResult loaded = loadTraceFile(path);
    if (!loaded.ok() || loaded.traces.empty()) {
        std::printf("packed tracks: %s not found, skipped\n", qPrintable(path));
        return;
    }
    const TracePtr trace = loaded.traces.front();
    QElapsedTimer setup;
    setup.start();
    const TrackLayout layout(trace);
    const double layoutMs = static_cast<double>(setup.nsecsElapsed()) / 1e6;
    const ViewPalette palette = ViewPalette::light();
    const std::vector<QColor> serviceColors = serviceColorTable(*trace, palette);
    PaneScene scene;
    scene.trace = trace.get();
    scene.serviceColors = &serviceColors;
    scene.palette = palette;
    scene.mapping.originNs = trace->traceStartNs();
    GanttGeometry geometry;
    scene.mapping.left = geometry.labelWidth;
    scene.mapping.width = FrameWidth - geometry.labelWidth;
    const QRect viewport(0, 0, FrameWidth, FrameHeight);
    const std::int64_t extent = trace->wallDurationNs();
    scene.mapping.viewStartNs = 0;
    scene.mapping.viewEndNs = extent;
    const double out = medianFrameMs([&](QPainter& p) { paintTracks(p, viewport, scene, layout, geometry); });
    scene.mapping.viewStartNs = extent / 2;
    scene.mapping.viewEndNs = extent / 2 + extent / 1000;
    const double deep = medianFrameMs([&](QPainter& p) { paintTracks(p, viewport, scene, layout, geometry); });
    std::printf("packed tracks, kineto test (%d slices): %d rows in %zu tracks (span per row: %d rows); layout %.1f ms; "
                "frame zoomed out %.2f ms, zoomed 1000x %.2f ms\n",
                trace->spanCount(), layout.rowCount(), layout.tracks().size(), trace->spanCount(), layoutMs, out, deep);
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QApplication app(argc, argv);
    std::printf("Median of %d frames into a %dx%d image; target trace with the spans below, compared with one baseline.\n",
                Repetitions, FrameWidth, FrameHeight);
    std::printf("| spans | setup (2 traces, compare) | Gantt out | Gantt deep | icicle out | icicle deep | diff flame |\n");
    std::printf("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (const int spans : {100'000, 1'000'000})
        benchmark(spans);
    benchmarkPackedTracks();
    return 0;
}
