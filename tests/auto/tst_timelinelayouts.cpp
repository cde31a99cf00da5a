// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline layouts checked on real files: packed tracks for profiles (one track per
// thread or stream, a row per depth) and what they paint.
#include "testsupport.h"
#include "core/compare/comparison.h"
#include "ui/annotations/annotationpainter.h"
#include "ui/annotations/annotationstore.h"
#include "ui/comparisonview.h"
#include "ui/flame/iciclecanvas.h"
#include "ui/legendbar.h"
#include "ui/navigation/selectionstate.h"
#include "ui/navigation/timeaxis.h"
#include "ui/timeline/ganttcanvas.h"
#include "ui/viewmodel/tracklayout.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <cmath>
#include <set>

using namespace tracedelta;

class TimelineLayoutsTest : public QObject
{
    Q_OBJECT

private:
    // The bundled inference samples: four normal runs and the spike as target.
    std::shared_ptr<const Comparison> sampleComparison()
    {
        std::vector<TracePtr> baselines;
        for (const char* name : {"inference-normal-1.json", "inference-normal-2.json", "inference-normal-3.json",
                                 "inference-normal-4.json"})
            baselines.push_back(test::loadSingle(test::sampleFile(name)));
        return std::make_shared<const Comparison>(baselines, test::loadSingle(test::sampleFile("inference-spike.json")));
    }

    std::vector<PaneTitle> titlesFor(const Comparison& comparison)
    {
        std::vector<PaneTitle> titles;
        for (std::size_t t = 0; t < comparison.alignment().traces().size(); ++t)
            titles.push_back({ComparisonView::paneTitle(*comparison.alignment().traces()[t], t == comparison.targetIndex()),
                              Qt::blue});
        return titles;
    }

    TracePtr kinetoControl()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/chrome/kineto-trace_diff-control.json.gz");
        if (!QFile::exists(path))
            return nullptr;
        return test::loadSingle(path);
    }

private Q_SLOTS:
    void kinetoHasOneTrackPerThreadWithRowsByDepth()
    {
        const TracePtr trace = kinetoControl();
        if (!trace)
            QSKIP("../shared/traces not present");
        const TrackLayout layout(trace);
        std::set<std::int32_t> lanesWithSpans;
        std::vector<int> deepest(trace->lanes().size(), -1);
        for (SpanIndex s = 0; s < trace->spanCount(); ++s) {
            lanesWithSpans.insert(trace->lane(s));
            // Chrome slices nest within their thread only, so tree depth is the depth in the track.
            deepest[static_cast<std::size_t>(trace->lane(s))] =
                std::max(deepest[static_cast<std::size_t>(trace->lane(s))], trace->depth(s));
        }
        QCOMPARE(layout.tracks().size(), lanesWithSpans.size());
        QVERIFY(layout.tracks().size() >= 4); // CPU threads and GPU streams
        int rows = 0;
        for (const TrackLayout::Track& track : layout.tracks()) {
            QCOMPARE(track.depthCount, deepest[static_cast<std::size_t>(track.lane)] + 1);
            QCOMPARE(track.firstRow, rows);
            rows += track.depthCount;
        }
        QCOMPARE(layout.rowCount(), rows);
        // Far fewer rows than slices: that is the point.
        QVERIFY2(layout.rowCount() * 100 < trace->spanCount(), qPrintable(QString::number(layout.rowCount())));

        // Every slice is on exactly the row of its track and depth, rows sorted by start.
        std::size_t placed = 0;
        for (int row = 0; row < layout.rowCount(); ++row) {
            const auto spans = layout.spansOnRow(row);
            placed += spans.size();
            for (std::size_t i = 0; i < spans.size(); ++i) {
                QCOMPARE(layout.rowOf(spans[i]), row);
                if (i > 0)
                    QVERIFY(trace->startNs(spans[i - 1]) <= trace->startNs(spans[i]));
            }
        }
        QCOMPARE(placed, static_cast<std::size_t>(trace->spanCount()));
    }

    void findsTheSliceUnderAPointAndCollapses()
    {
        const TracePtr trace = kinetoControl();
        if (!trace)
            QSKIP("../shared/traces not present");
        TrackLayout layout(trace);
        // A nested slice: its row is one below its parent's.
        SpanIndex child = NoSpan;
        for (SpanIndex s = 0; s < trace->spanCount() && child == NoSpan; ++s) {
            if (trace->parent(s) != NoSpan && trace->durationNs(s) > 1000)
                child = s;
        }
        QVERIFY(child != NoSpan);
        const int row = layout.rowOf(child);
        QCOMPARE(row, layout.rowOf(trace->parent(child)) + 1);
        const std::int64_t middle = trace->startNs(child) + trace->durationNs(child) / 2;
        QCOMPARE(layout.spanAt(row, middle, 0), child);
        QCOMPARE(layout.spanAt(row - 1, middle, 0), trace->parent(child));

        const int track = layout.trackOf(child);
        const int before = layout.rowCount();
        layout.setCollapsed(track, true);
        QCOMPARE(layout.rowOf(child), -1);
        QCOMPARE(layout.rowCount(), before - layout.tracks()[static_cast<std::size_t>(track)].depthCount + 1);
        layout.expandTo(child);
        QCOMPARE(layout.rowOf(child), row);
    }

    void paintsSlicesOfOneDepthOnOneRow()
    {
        const TracePtr trace = kinetoControl();
        if (!trace)
            QSKIP("../shared/traces not present");
        TimeAxis axis;
        SelectionState selection;
        axis.setTraces({trace});
        GanttCanvas canvas(PaneData{trace, 0, nullptr, nullptr}, &axis, &selection);
        QVERIFY(canvas.packedTracks());
        canvas.resize(1200, 600);
        QCOMPARE(canvas.contentHeight(), canvas.tracks().rowCount() * GanttGeometry::RowHeight);

        // The top-level ProfilerStep slices of the main thread: several siblings, one row.
        const TrackLayout& layout = canvas.tracks();
        const auto topRow = layout.spansOnRow(0);
        QVERIFY(topRow.size() >= 3);
        const PaneScene scene = canvas.scene();
        QImage image(canvas.size(), QImage::Format_ARGB32);
        QPainter painter(&image);
        canvas.render(painter, image.rect());
        painter.end();
        int checked = 0;
        for (const SpanIndex span : topRow) {
            const QRectF bar = canvas.spanRect(span);
            if (bar.width() < 8)
                continue;
            QCOMPARE(bar.top(), canvas.spanRect(topRow[0]).top());
            const QPoint probe(static_cast<int>(bar.left() + 3), static_cast<int>(bar.center().y()));
            QCOMPARE(QColor(image.pixel(probe)).name(), scene.fill(span).name());
            QCOMPARE(canvas.spanAt(probe), span);
            ++checked;
        }
        QVERIFY(checked >= 3);

        // Clicking the track name folds the track to its top row, and again unfolds it.
        const int rows = layout.rowCount();
        const int firstTrackRows = layout.tracks()[0].depthCount;
        QTest::mouseClick(&canvas, Qt::LeftButton, {}, QPoint(8, GanttGeometry::RowHeight / 2));
        QCOMPARE(layout.rowCount(), rows - firstTrackRows + 1);
        QTest::mouseClick(&canvas, Qt::LeftButton, {}, QPoint(8, GanttGeometry::RowHeight / 2));
        QCOMPARE(layout.rowCount(), rows);

        // The span-per-row tree is still there for those who want it.
        canvas.setPackedTracks(false);
        QVERIFY(canvas.contentHeight() > 100 * GanttGeometry::RowHeight);
        canvas.setPackedTracks(true);
        QVERIFY(canvas.contentHeight() < 100 * GanttGeometry::RowHeight);
    }

    void spreadIsTheBaselinesFiveFigures()
    {
        const auto comparison = sampleComparison();
        const BaselineDistribution distribution(*comparison);
        const Trace& target = comparison->target();
        // The root: one call per trace, so the spread is of the four baselines' root durations.
        std::vector<std::int64_t> roots;
        for (std::size_t b = 0; b < comparison->baselineCount(); ++b) {
            const Trace& baseline = *comparison->alignment().traces()[b];
            roots.push_back(baseline.durationNs(baseline.mainRoot()));
        }
        std::sort(roots.begin(), roots.end());
        const DurationSpread& spread = distribution.spreadOf(target.mainRoot());
        QCOMPARE(spread.baselines, 4);
        QCOMPARE(spread.minNs, roots.front());
        QCOMPARE(spread.maxNs, roots.back());
        QCOMPARE(spread.medianNs, sortedMedian(roots));
        QVERIFY(spread.p10Ns >= spread.minNs && spread.p90Ns <= spread.maxNs && spread.p10Ns <= spread.p90Ns);
    }

    void overlayDrawsTheSpreadUnderTheTargetBars()
    {
        const auto comparison = sampleComparison();
        TimeAxis axis;
        SelectionState selection;
        ComparisonView view(&axis, &selection);
        view.resize(1400, 900);
        view.setComparison(comparison, std::make_shared<const ComparisonHighlights>(*comparison), titlesFor(*comparison));
        const std::size_t target = comparison->targetIndex();
        QVERIFY(view.paneShown(0));
        QVERIFY(view.legend()->heightFor(view.legend()->fontMetrics(), 1400) > 0);
        const int legendBefore = view.legend()->heightFor(view.legend()->fontMetrics(), 300);

        view.setOverlayBaselines(true);
        QVERIFY(view.overlayActive());
        for (std::size_t t = 0; t < comparison->baselineCount(); ++t)
            QVERIFY(!view.paneShown(t));
        QVERIFY(view.paneShown(target));
        // The legend explains the glyph, and at a narrow width it wraps onto more lines.
        QVERIFY(view.legend()->heightFor(view.legend()->fontMetrics(), 300) > legendBefore);

        GanttCanvas* canvas = view.ganttCanvases()[target];
        canvas->resize(1200, 400);
        const PaneScene scene = canvas->scene();
        QVERIFY(scene.distribution);
        QImage image(canvas->size(), QImage::Format_ARGB32);
        QPainter painter(&image);
        canvas->render(painter, image.rect());
        painter.end();

        const Trace& trace = comparison->target();
        int checkedSpans = 0;
        for (SpanIndex span = 0; span < trace.spanCount(); ++span) {
            const DurationSpread* spread = scene.spread(span);
            if (!spread || spread->maxNs - spread->minNs < trace.durationNs(trace.mainRoot()) / 50)
                continue;
            const QRectF bar = canvas->spanRect(span);
            // The strip below the bar: the whisker's end caps at the min and max.
            const int y = static_cast<int>(bar.bottom() - 2);
            const auto ink = [&](double x) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const QColor c(image.pixel(static_cast<int>(std::round(x)) + dx, y));
                    if (c.lightness() < 90)
                        return true;
                }
                return false;
            };
            const double xMin = scene.mapping.x(trace.startNs(span) + spread->minNs);
            const double xMax = scene.mapping.x(trace.startNs(span) + spread->maxNs);
            QVERIFY2(ink(xMin), qPrintable(QString::fromStdString(trace.nameText(span))));
            QVERIFY2(ink(xMax), qPrintable(QString::fromStdString(trace.nameText(span))));
            // Halfway between the min cap and the p10 box there is only the thin whisker line.
            const double gap = (xMin + scene.mapping.x(trace.startNs(span) + spread->p10Ns)) / 2;
            if (scene.mapping.x(trace.startNs(span) + spread->p10Ns) - xMin > 8)
                QVERIFY(!ink(gap));
            ++checkedSpans;
        }
        QVERIFY(checkedSpans >= 2);

        view.setOverlayBaselines(false);
        QVERIFY(!canvas->scene().distribution);
        QVERIFY(view.paneShown(0));
    }

    void doubleClickLinesUpTheCounterparts()
    {
        // The spike's inference call starts ~700 ms later than in the normal runs: zooming
        // the shared axis to it used to push its counterparts off-screen.
        const auto comparison = sampleComparison();
        TimeAxis axis;
        SelectionState selection;
        ComparisonView view(&axis, &selection);
        view.setComparison(comparison, std::make_shared<const ComparisonHighlights>(*comparison), titlesFor(*comparison));
        for (GanttCanvas* canvas : view.ganttCanvases())
            canvas->resize(1000, 200);
        GanttCanvas* target = view.ganttCanvases().back();
        const Trace& spike = comparison->target();
        SpanIndex late = NoSpan;
        for (SpanIndex s = 0; s < spike.spanCount(); ++s) {
            if (spike.nameText(s) == "inference-service-post")
                late = s;
        }
        QVERIFY(late != NoSpan);
        QTest::mouseDClick(target, Qt::LeftButton, {}, target->spanRect(late).center().toPoint());
        QCOMPARE(axis.alignment(), TimeAxis::Alignment::AtSpan);
        QCOMPARE(axis.anchorLabel(), QStringLiteral("inference-service-post"));
        const NodeIndex node = comparison->alignment().nodeOf(comparison->targetIndex(), late);
        for (GanttCanvas* canvas : view.ganttCanvases()) {
            const auto& spans = comparison->alignment().node(node).spans[canvas->data().traceIndex];
            QCOMPARE(spans.size(), std::size_t(1));
            const QRectF bar = canvas->spanRect(spans.front());
            // Every counterpart starts at the same x, and all of it is in view.
            QVERIFY(std::abs(bar.left() - target->spanRect(late).left()) < 1.0);
            QVERIFY(bar.left() >= canvas->timelineLeft() && bar.right() <= canvas->width());
        }
        // Back to relative: the span sits at its own time again.
        axis.setAlignment(TimeAxis::Alignment::RelativeToTraceStart);
        QCOMPARE(axis.originNs(comparison->targetIndex()), spike.traceStartNs());
    }

    void arrowKeysStepThroughSpans()
    {
        const auto comparison = sampleComparison();
        TimeAxis axis;
        SelectionState selection;
        ComparisonView view(&axis, &selection);
        view.setComparison(comparison, std::make_shared<const ComparisonHighlights>(*comparison), titlesFor(*comparison));
        GanttCanvas* target = view.ganttCanvases().back();
        target->resize(1000, 300);
        const Trace& spike = comparison->target();
        const std::size_t t = comparison->targetIndex();
        const SpanIndex root = spike.mainRoot();
        selection.selectSpan(comparison->alignment().nodeOf(t, root), t, root);
        QTest::keyClick(target, Qt::Key_Down);
        QCOMPARE(selection.selectedSpan(), target->rows().rows()[1]);
        QTest::keyClick(target, Qt::Key_Down);
        QCOMPARE(selection.selectedSpan(), target->rows().rows()[2]);
        QTest::keyClick(target, Qt::Key_Left);
        QCOMPARE(selection.selectedSpan(), root);
        QTest::keyClick(target, Qt::Key_Right);
        QCOMPARE(selection.selectedSpan(), spike.children(root).front());
        // The selection follows into the other panes through the node.
        QCOMPARE(selection.selectedNode(), comparison->alignment().nodeOf(t, spike.children(root).front()));

        // The icicle: up is the parent, left and right the siblings.
        IcicleCanvas* icicle = view.icicleCanvases().back();
        icicle->resize(1000, 300);
        QTest::keyClick(icicle, Qt::Key_Right);
        QCOMPARE(selection.selectedSpan(), spike.children(root)[1]);
        QTest::keyClick(icicle, Qt::Key_Up);
        QCOMPARE(selection.selectedSpan(), root);

        // Without a selection the arrows still pan.
        selection.clearSelection();
        axis.zoom(4.0, 0.0);
        const std::int64_t before = axis.viewStartNs();
        QTest::keyClick(target, Qt::Key_Right);
        QVERIFY(axis.viewStartNs() > before);
    }

    // A note on a span in the top row cannot sit above it; it goes under the bar, and the
    // span's label stays readable.
    void noteNeverCoversItsOwnSpan()
    {
        const auto comparison = sampleComparison();
        TimeAxis axis;
        SelectionState selection;
        ComparisonView view(&axis, &selection);
        AnnotationStore notes;
        view.setAnnotationStore(&notes);
        view.setComparison(comparison, std::make_shared<const ComparisonHighlights>(*comparison), titlesFor(*comparison));
        GanttCanvas* target = view.ganttCanvases().back();
        target->resize(1000, 300);
        const Trace& spike = comparison->target();
        const SpanIndex root = spike.mainRoot();
        QCOMPARE(target->rows().rowOf(root), 0);
        notes.add(spanAnnotation(spike, root, QStringLiteral("the whole request was slow")));
        const PaneScene scene = target->scene();
        QImage image(target->size(), QImage::Format_ARGB32);
        QPainter painter(&image);
        const auto hits = paintAnnotations(painter, image.rect(), scene, notes.annotations(),
                                           [&](SpanIndex span) { return target->barRect(scene, span); });
        painter.end();
        QCOMPARE(hits.size(), std::size_t(1));
        QVERIFY2(!hits.front().box.intersects(target->spanRect(root)),
                 qPrintable(QStringLiteral("note at y %1, bar at y %2").arg(hits.front().box.top()).arg(target->spanRect(root).top())));
    }

    void stackedPanesScrollToTheSameNode()
    {
        const auto comparison = sampleComparison();
        TimeAxis axis;
        SelectionState selection;
        ComparisonView view(&axis, &selection);
        view.setComparison(comparison, std::make_shared<const ComparisonHighlights>(*comparison), titlesFor(*comparison));
        for (GanttCanvas* canvas : view.ganttCanvases())
            canvas->resize(800, 60); // three rows visible of eight
        GanttCanvas* target = view.ganttCanvases().back();
        // Collapse a subtree in one baseline so the panes' rows differ.
        GanttCanvas* baseline = view.ganttCanvases().front();
        const Trace& baseTrace = *baseline->data().trace;
        baseline->rows().setCollapsed(baseTrace.children(baseTrace.mainRoot()).front(), true);
        target->setScrollY(4 * GanttGeometry::RowHeight);
        const SpanIndex top = target->topSpan();
        const NodeIndex node = comparison->alignment().nodeOf(comparison->targetIndex(), top);
        QVERIFY(node > 0);
        for (GanttCanvas* canvas : view.ganttCanvases()) {
            const auto& spans = comparison->alignment().node(node).spans[canvas->data().traceIndex];
            if (spans.empty() || canvas->rows().rowOf(spans.front()) < 0)
                continue;
            QCOMPARE(canvas->topSpan(), spans.front());
        }
    }
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    TimelineLayoutsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_timelinelayouts.moc"
