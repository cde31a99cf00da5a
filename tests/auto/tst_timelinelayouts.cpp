// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline layouts checked on real files: packed tracks for profiles (one track per
// thread or stream, a row per depth) and what they paint.
#include "testsupport.h"
#include "core/compare/comparison.h"
#include "ui/navigation/selectionstate.h"
#include "ui/navigation/timeaxis.h"
#include "ui/timeline/ganttcanvas.h"
#include "ui/viewmodel/tracklayout.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <set>

using namespace tracedelta;

class TimelineLayoutsTest : public QObject
{
    Q_OBJECT

private:
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
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    TimelineLayoutsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_timelinelayouts.moc"
