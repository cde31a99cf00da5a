// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 30 in the window: right-click a frame of a real Chromium recording → "Compare with the
// Other 59 FireAnimationFrame", the Occurrences dock's distribution (checked on its pixels), a
// click on a dot retargets, and the way back to the whole trace.
// With TRACEDELTA_SCREENSHOT_DIR set, it also saves the README's screenshots there.
#include "testsupport.h"
#include "core/io/traceloader.h"
#include "core/workspace/workspace.h"
#include "ui/actions/occurrenceactions.h"
#include "ui/annotations/annotationstore.h"
#include "ui/panels/noticebar.h"
#include "ui/session/tracesession.h"
#include "ui/comparisonview.h"
#include "ui/mainwindow.h"
#include "ui/navigation/selectionstate.h"
#include "ui/panels/occurrencespanel.h"
#include "ui/qcustomplotinclude.h"
#include "ui/timeline/ganttcanvas.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

using namespace tracedelta;

namespace {

QString chromiumFrames()
{
    return QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/fixtures/chromium-frames/frames-60.json.gz");
}

// Shows the window and opens the frames recording in it; true once its comparison is done.
bool showWithFrames(MainWindow& window)
{
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QSignalSpy compared(&window, &MainWindow::comparisonFinished);
    window.openFiles({chromiumFrames()});
    return compared.wait(60000);
}

// The frame holding the most Layout spans, found on the model (not by the code under test).
SpanIndex frameWithMostLayouts(const Trace& trace)
{
    SpanIndex best = NoSpan;
    int bestCount = -1;
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        if (trace.nameText(s) != "FireAnimationFrame")
            continue;
        int layouts = 0;
        for (SpanIndex d = s; d < trace.subtreeEnd(s); ++d)
            layouts += trace.nameText(d) == "Layout" ? 1 : 0;
        if (layouts > bestCount) {
            bestCount = layouts;
            best = s;
        }
    }
    return best;
}

// Share of the pixels within `radius` of `center` that satisfy `test`.
template<typename Test>
double shareAround(const QImage& image, QPoint center, int radius, Test test)
{
    int hits = 0;
    int all = 0;
    for (int y = center.y() - radius; y <= center.y() + radius; ++y) {
        for (int x = center.x() - radius; x <= center.x() + radius; ++x) {
            if (!image.rect().contains(x, y))
                continue;
            ++all;
            hits += test(image.pixel(x, y)) ? 1 : 0;
        }
    }
    return all == 0 ? 0 : static_cast<double>(hits) / all;
}

bool isTargetRed(QRgb c)
{
    return qRed(c) > 180 && qGreen(c) < 90 && qBlue(c) < 90;
}

bool isBaselineBlue(QRgb c)
{
    return qBlue(c) > 150 && qRed(c) < 90 && qGreen(c) < 150;
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("TRACEDELTA_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name);
}

} // namespace

class TestOccurrencesWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void rightClickedFrameIsComparedWithItsSiblings()
    {
        MainWindow window;
        window.setTheme(MainWindow::Theme::Light);
        window.resize(1500, 950);
        QVERIFY(showWithFrames(window));
        QSignalSpy compared(&window, &MainWindow::comparisonFinished);
        QCOMPARE(window.comparison()->alignment().traces().size(), std::size_t(1));
        // Before: the dock lists the repeated spans of the trace, frames among them.
        OccurrencesPanel* panel = window.occurrences()->panel();
        QVERIFY(!panel->unitList()->findItems(QStringLiteral("FireAnimationFrame"), Qt::MatchExactly).isEmpty());

        const TracePtr trace = window.traces().front();
        const SpanIndex slowFrame = frameWithMostLayouts(*trace);
        QVERIFY(slowFrame != NoSpan);
        // A right-click on the frame's bar in the pane, and the action chosen in the menu it opens.
        GanttCanvas* pane = window.comparisonView()->ganttCanvases().front();
        const QRectF bar = pane->spanRect(slowFrame);
        QVERIFY2(!bar.isEmpty(), "the slow frame's bar is not drawn");
        const QPoint at = bar.center().toPoint();
        QVERIFY(pane->spanAt(at) == slowFrame);
        QStringList offered;
        bool chosen = false;
        compared.clear();
        QTimer::singleShot(0, &window, [&] {
            auto* popup = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!popup)
                return;
            for (QAction* action : popup->actions()) {
                offered << action->text();
                if (action->text() == QStringLiteral("Compare with the Other 59 FireAnimationFrame") && !chosen) {
                    chosen = true;
                    action->trigger();
                }
            }
            popup->close();
        });
        QContextMenuEvent rightClick(QContextMenuEvent::Mouse, at, pane->mapToGlobal(at));
        QApplication::sendEvent(pane, &rightClick);
        QVERIFY2(chosen, qPrintable(offered.join(QStringLiteral(" | "))));
        QVERIFY(compared.wait(60000));

        const auto& choice = window.session()->occurrences();
        QVERIFY(choice);
        QCOMPARE(choice->occurrences[choice->target].span, slowFrame);
        const Comparison& comparison = *window.comparison();
        QCOMPARE(comparison.baselineCount(), std::size_t(59));
        QVERIFY(!comparison.candidates().empty());
        QCOMPARE(comparison.alignment().node(comparison.candidates().front().node).name, std::string("Layout"));
        // 59 baselines do not fit stacked: overlaid on the target's timeline.
        QVERIFY(window.comparisonView()->overlayActive());

        // The distribution: the target's dot red, a typical frame's blue.
        window.occurrences()->dock()->show();
        window.occurrences()->dock()->raise();
        QCoreApplication::processEvents();
        panel->plot()->replot();
        const QImage image = panel->grab().toImage();
        QVERIFY(shareAround(image, panel->dotPosition(choice->target).toPoint(), 3, isTargetRed) > 0.5);
        std::size_t typical = 0;
        while (typical == choice->target
               || std::binary_search(choice->outliers.begin(), choice->outliers.end(), typical))
            ++typical;
        QVERIFY(shareAround(image, panel->dotPosition(typical).toPoint(), 2, isBaselineBlue) > 0.5);
        QVERIFY(panel->sentence().contains(QStringLiteral("of 60 FireAnimationFrame took > 2× the median of")));
        if (qEnvironmentVariableIsSet("TRACEDELTA_SCREENSHOT_DIR")) {
            // For the README: the dock wide enough to read.
            window.resizeDocks({window.occurrences()->dock()}, {640}, Qt::Horizontal);
            QCoreApplication::processEvents();
            panel->plot()->replot();
            saveScreenshot(panel, QStringLiteral("occurrences-distribution.png"));
        }
        saveScreenshot(&window, QStringLiteral("occurrences-comparison.png"));

        // A click on a typical frame's dot makes it the target.
        compared.clear();
        const QPoint dot = panel->plot()->mapFrom(panel, panel->dotPosition(typical).toPoint());
        QTest::mouseClick(panel->plot(), Qt::LeftButton, {}, dot);
        QVERIFY(compared.wait(60000));
        QCOMPARE(window.session()->occurrences()->target, typical);
        QCOMPARE(QString::fromStdString(window.comparison()->target().traceId()).section(QLatin1Char(' '), 1, 1),
                 QStringLiteral("#%1").arg(typical));

        // And back to the whole trace.
        compared.clear();
        panel->backButton()->click();
        QVERIFY(compared.wait(60000));
        QVERIFY(!window.session()->occurrences());
        QCOMPARE(window.comparison()->alignment().traces().size(), std::size_t(1));
        QCOMPARE(window.comparison()->target().spanCount(), trace->spanCount());

        // A unit of the list, double-clicked, compares its slowest occurrence with the others.
        const QList<QTreeWidgetItem*> frames = panel->unitList()->findItems(QStringLiteral("FireAnimationFrame"), Qt::MatchExactly);
        QVERIFY(!frames.isEmpty());
        compared.clear();
        Q_EMIT panel->unitList()->itemActivated(frames.front(), 0);
        QVERIFY(compared.wait(60000));
        QVERIFY(window.session()->occurrences());
        QCOMPARE(window.session()->occurrences()->occurrences[window.session()->occurrences()->target].span, slowFrame);

        // Closing the trace the occurrences come from leaves nothing of them behind.
        compared.clear();
        window.closeTrace(0);
        QVERIFY(compared.count() > 0 || compared.wait(60000));
        QVERIFY(!window.session()->occurrences());
        QVERIFY(!window.comparison());
    }

    // The workspace keeps the comparison of occurrences: reopened, the same frame is the
    // target among the same siblings, with the note written on it, and Back still works.
    void workspaceRestoresTheOccurrenceComparisonWithItsNote()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("frames.tdelta"));
        constexpr std::size_t Frame = 12; // not the slowest: the workspace must keep which one
        std::string targetId;
        {
            MainWindow window;
            QVERIFY(showWithFrames(window));
            QSignalSpy compared(&window, &MainWindow::comparisonFinished);
            const std::vector<TracePtr> traces = window.traces();
            const std::vector<Occurrence> frames = findOccurrences(traces, QStringLiteral("FireAnimationFrame"));
            QCOMPARE(frames.size(), std::size_t(60));
            compared.clear();
            QVERIFY(window.session()->compareOccurrences(0, QStringLiteral("FireAnimationFrame"), frames[Frame].span));
            QVERIFY(compared.wait(60000));
            QCOMPARE(window.session()->occurrences()->target, Frame);
            const Trace& shown = window.comparison()->target();
            targetId = shown.traceId();
            window.annotations()->add(spanAnnotation(shown, 0, QStringLiteral("Frame 12: what is different here?")));
            QCOMPARE(window.saveWorkspaceTo(path), QString());
        }

        MainWindow reopened;
        reopened.setTheme(MainWindow::Theme::Light);
        reopened.resize(1500, 950);
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        QSignalSpy restored(&reopened, &MainWindow::workspaceRestored);
        QCOMPARE(reopened.openWorkspace(path), QString());
        QVERIFY(restored.wait(60000));
        const auto& choice = reopened.session()->occurrences();
        QVERIFY(choice);
        QCOMPARE(choice->name, QStringLiteral("FireAnimationFrame"));
        QCOMPARE(choice->target, Frame);
        QCOMPARE(choice->selection, BaselineSelection::All);
        const Comparison& comparison = *reopened.comparison();
        QCOMPARE(comparison.baselineCount(), std::size_t(59));
        QCOMPARE(comparison.target().traceId(), targetId);
        QVERIFY(reopened.occurrences()->dock()->isVisible());

        // The note is on the target occurrence's pane: drawn there, and gone when removed.
        QCOMPARE(reopened.annotations()->annotations().size(), std::size_t(1));
        const Annotation note = reopened.annotations()->annotations().front();
        QVERIFY(note.belongsTo(comparison.target()));
        QCOMPARE(note.resolveSpan(comparison.target()), SpanIndex(0));
        GanttCanvas* pane = nullptr;
        for (GanttCanvas* canvas : reopened.comparisonView()->ganttCanvases()) {
            if (canvas->data().traceIndex == comparison.alignment().traces().size() - 1)
                pane = canvas;
        }
        QVERIFY(pane);
        QCoreApplication::processEvents();
        saveScreenshot(&reopened, QStringLiteral("occurrences-workspace-restored.png"));
        const QImage withNote = pane->grab().toImage();
        reopened.annotations()->remove(note.id);
        QCoreApplication::processEvents();
        QVERIFY(pane->grab().toImage() != withNote);

        // And back to the whole trace.
        QSignalSpy compared(&reopened, &MainWindow::comparisonFinished);
        reopened.occurrences()->panel()->backButton()->click();
        QVERIFY(compared.wait(60000));
        QVERIFY(!reopened.session()->occurrences());
        QCOMPARE(reopened.comparison()->alignment().traces().size(), std::size_t(1));
        QCOMPARE(reopened.comparison()->target().spanCount(), reopened.traces().front()->spanCount());
    }

    // A workspace naming an occurrence the trace does not have (edited by hand, or the file
    // changed): the notice says why, the whole trace is shown, and the notes are kept.
    void workspaceWithAMissingOccurrenceSaysSo_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("reason");
        QTest::newRow("index out of range") << QStringLiteral("FireAnimationFrame") << 999
                                            << QStringLiteral("there is no occurrence 999 of \"FireAnimationFrame\" (0 to 59)");
        QTest::newRow("name no longer occurs") << QStringLiteral("NoSuchFrame") << 0 << QStringLiteral("\"NoSuchFrame\" occurs 0 time(s)");
    }

    void workspaceWithAMissingOccurrenceSaysSo()
    {
        QFETCH(QString, name);
        QFETCH(int, target);
        QFETCH(QString, reason);
        const LoadResult loaded = loadTraceFile(chromiumFrames());
        QVERIFY(loaded.ok());
        Workspace workspace;
        workspace.traces.push_back({chromiumFrames(), loaded.traces.front()->traceId(), true, true, std::nullopt});
        Annotation band;
        band.kind = Annotation::Kind::Range;
        band.text = QStringLiteral("the slow part");
        band.traceFile = chromiumFrames();
        band.traceId = loaded.traces.front()->traceId();
        band.startNs = 0;
        band.endNs = 100'000'000;
        workspace.annotations.push_back(band);
        workspace.occurrences = Workspace::OccurrenceMode{chromiumFrames(), loaded.traces.front()->traceId(), name, target, false};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("edited.tdelta"));
        QString error;
        QVERIFY2(saveWorkspace(workspace, path, error), qPrintable(error));

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy restored(&window, &MainWindow::workspaceRestored);
        QCOMPARE(window.openWorkspace(path), QString());
        QVERIFY(restored.wait(60000));
        const QString notice = window.findChild<NoticeBar*>()->text();
        QVERIFY2(notice.contains(reason) && notice.contains(QStringLiteral("compared as a whole")), qPrintable(notice));
        QVERIFY(!window.session()->occurrences());
        QCOMPARE(window.traces().size(), std::size_t(1));
        QCOMPARE(window.comparison()->alignment().traces().size(), std::size_t(1));
        QCOMPARE(window.annotations()->annotations().size(), std::size_t(1));
        QVERIFY(window.annotations()->annotations().front().belongsTo(window.comparison()->target()));
    }

    // A span that occurs once offers no comparison with siblings.
    void singleSpanOffersNothing()
    {
        MainWindow window;
        QVERIFY(showWithFrames(window));
        const Trace& trace = *window.traces().front();
        std::vector<int> uses(trace.strings().size(), 0);
        for (SpanIndex s = 0; s < trace.spanCount(); ++s)
            ++uses[trace.name(s)];
        SpanIndex once = NoSpan;
        for (SpanIndex s = 0; s < trace.spanCount() && once == NoSpan; ++s) {
            if (uses[trace.name(s)] == 1)
                once = s;
        }
        QVERIFY(once != NoSpan);
        QMenu menu;
        Q_EMIT window.selection()->spanMenuAboutToShow(&menu, 0, once);
        for (QAction* action : menu.actions())
            QVERIFY(!action->text().startsWith(QStringLiteral("Compare with the Other")));
    }
};

QTEST_MAIN(TestOccurrencesWindow)
#include "tst_occurrenceswindow.moc"
