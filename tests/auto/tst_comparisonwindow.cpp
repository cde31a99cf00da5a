// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison window, checked on what it draws: pixels of offscreen-rendered panes.
#include "regressioncases.h"
#include "testsupport.h"
#include "core/util/durationformat.h"
#include "ui/comparisonview.h"
#include "ui/flame/diffflamegraph.h"
#include "ui/flame/iciclecanvas.h"
#include "ui/mainwindow.h"
#include "ui/navigation/selectionstate.h"
#include "ui/navigation/timeaxis.h"
#include "ui/panels/detailspanel.h"
#include "ui/panels/noticebar.h"
#include "ui/panels/rootcausepanel.h"
#include "ui/panels/tracespanel.h"
#include "ui/qcustomplotinclude.h"
#include "ui/timeline/ganttcanvas.h"
#include "ui/timeline/timeruler.h"
#include "ui/timeline/tracepane.h"
#include "ui/timeline/spanbarpainter.h"

#include <QApplication>
#include <QListWidget>
#include <QPushButton>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextBlock>
#include <QTextBrowser>

using namespace tracedelta;

namespace {

bool isReddish(QRgb c)
{
    return qRed(c) > qGreen(c) + 60 && qRed(c) > qBlue(c) + 60;
}

bool isOrange(QRgb c)
{
    return qRed(c) > 200 && qGreen(c) > 100 && qGreen(c) < 190 && qBlue(c) < 90;
}

bool isTeal(QRgb c)
{
    return qRed(c) < 120 && qGreen(c) > qRed(c) + 40 && qBlue(c) > qRed(c) + 40 && std::abs(qGreen(c) - qBlue(c)) < 50;
}

bool isGreen(QRgb c)
{
    return qGreen(c) > qRed(c) + 50 && qGreen(c) > qBlue(c) + 50;
}

// Share of pixels inside `rect` (shrunk by `inset` to skip outlines) that satisfy `test`.
template<typename Test>
double share(const QImage& image, const QRectF& rect, Test test, int inset = 3)
{
    const QRect r = rect.toAlignedRect().adjusted(inset, inset, -inset, -inset).intersected(image.rect());
    if (r.isEmpty())
        return 0;
    int hits = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            hits += test(image.pixel(x, y)) ? 1 : 0;
    }
    return static_cast<double>(hits) / (r.width() * r.height());
}

QImage render(QWidget* widget)
{
    return widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

QStringList sampleFiles()
{
    return {test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-normal-2.json"),
            test::sampleFile("inference-normal-3.json"), test::sampleFile("inference-normal-4.json"),
            test::sampleFile("inference-spike.json")};
}

} // namespace

class TestComparisonWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    // The bundled samples, compared and shown: four baselines, the spike as the target.
    bool openSamples()
    {
        // These cases look at the stacked panes: chosen as a user would in View, so the
        // automatic overlay for more than three baselines stays off.
        QSettings().setValue(QStringLiteral("overlayBaselines"), false);
        m_window = std::make_unique<MainWindow>();
        m_window->setTheme(MainWindow::Theme::Light);
        m_window->resize(1500, 1000);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        m_window->openFiles(sampleFiles());
        if (!compared.wait(30000))
            return false;
        QCoreApplication::processEvents();
        return m_window->comparison() && m_window->comparisonView()->ganttCanvases().size() == 5;
    }

    const Comparison& comparison() const { return *m_window->comparison(); }
    NodeIndex topNode() const { return comparison().candidates().front().node; }
    // Opens normal-1…N of the OpenTelemetry fixtures and the given runs in a window of `size`.
    bool openOtelRuns(int normalRuns, const QStringList& others, QSize size, bool light = false)
    {
        return openFixtureRuns(QStringLiteral("otel-services"), normalRuns, others, size, light);
    }

    bool openFixtureRuns(const QString& folder, int normalRuns, const QStringList& others, QSize size, bool light = false)
    {
        const QString dir = QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/fixtures/") + folder + QLatin1Char('/');
        QStringList files;
        for (int i = 1; i <= normalRuns; ++i)
            files << dir + QStringLiteral("normal-%1.json.gz").arg(i);
        for (const QString& other : others)
            files << dir + other + QStringLiteral(".json.gz");
        m_window = std::make_unique<MainWindow>();
        if (light)
            m_window->setTheme(MainWindow::Theme::Light);
        m_window->resize(size);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        m_window->openFiles(files);
        if (!compared.wait(30000))
            return false;
        QCoreApplication::processEvents();
        return true;
    }

    SpanIndex spanOf(NodeIndex node, std::size_t trace) const
    {
        const auto& spans = comparison().alignment().node(node).spans[trace];
        return spans.empty() ? NoSpan : spans.front();
    }

private Q_SLOTS:
    // Recent files, window state and theme go to a throw-away settings location.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { m_window.reset(); }

    void timeAxisZoomPanAndReveal()
    {
        const TracePtr a = test::makeTrace("a", {{"r", nullptr, "svc", "root", 0, 1000}});
        const TracePtr b = test::makeTrace("b", {{"r", nullptr, "svc", "root", 5000, 400}});
        TimeAxis axis;
        axis.setTraces({a, b});
        QCOMPARE(axis.extentNs(), std::int64_t(1'000'000'000));
        axis.zoom(4.0, 0.0);
        QCOMPARE(axis.viewStartNs(), std::int64_t(0));
        QCOMPARE(axis.viewLengthNs(), std::int64_t(250'000'000));
        axis.pan(-10'000'000); // cannot pan before the start
        QCOMPARE(axis.viewStartNs(), std::int64_t(0));
        axis.reveal(900'000'000, 910'000'000);
        QVERIFY(axis.viewStartNs() <= 900'000'000 && axis.viewEndNs() >= 910'000'000);
        QCOMPARE(axis.viewLengthNs(), std::int64_t(250'000'000));
        axis.zoom(1e12); // clamped to the minimum window
        QCOMPARE(axis.viewLengthNs(), TimeAxis::MinimumViewNs);
        axis.reset();
        QVERIFY(axis.isZoomedOut());
        axis.setAlignment(TimeAxis::Alignment::AbsoluteWallClock);
        QCOMPARE(axis.originNs(0), axis.originNs(1));
        QCOMPARE(axis.extentNs(), std::int64_t(5'400'000'000));
    }

    void topCandidateIsRedAndHatchedInTheTargetPane()
    {
        QVERIFY(openSamples());
        const std::size_t target = comparison().targetIndex();
        const NodeIndex node = topNode();
        QCOMPARE(QString::fromStdString(comparison().alignment().node(node).name), QStringLiteral("preprocess-request"));
        const SpanIndex span = spanOf(node, target);
        GanttCanvas* targetPane = m_window->comparisonView()->ganttCanvases()[target];
        const QRectF bar = targetPane->spanRect(span);
        QVERIFY(!bar.isEmpty());

        // Where the bar must be: its start and end mapped through the shared axis.
        const Trace& trace = comparison().target();
        const TimeAxis* axis = m_window->timeAxis();
        const double width = targetPane->width() - targetPane->timelineLeft();
        const double expectedLeft = targetPane->timelineLeft()
            + double(trace.startNs(span) - axis->originNs(target) - axis->viewStartNs()) * width / double(axis->viewLengthNs());
        const double expectedRight = expectedLeft + double(trace.durationNs(span)) * width / double(axis->viewLengthNs());
        QVERIFY2(std::abs(bar.left() - expectedLeft) < 1.0, qPrintable(QString::number(bar.left() - expectedLeft)));
        QVERIFY(std::abs(bar.right() - expectedRight) < 1.0);

        // Slower: red fill; disproportionate self time: orange hatching over the self-time part.
        const QImage image = render(targetPane);
        const double red = share(image, bar, isReddish);
        const double orange = share(image, bar, isOrange);
        QVERIFY2(red > 0.3, qPrintable(QString::number(red)));
        QVERIFY2(orange > 0.05, qPrintable(QString::number(orange)));
        // The orange outline runs along the bar's top edge.
        QVERIFY(isOrange(image.pixel(int(bar.center().x()), int(bar.top() + 1.5))));

        // In a baseline pane the same span is not marked: it is the normal case.
        GanttCanvas* baselinePane = m_window->comparisonView()->ganttCanvases()[0];
        const QRectF baselineBar = baselinePane->spanRect(spanOf(node, 0));
        QCOMPARE(share(render(baselinePane), baselineBar, isReddish), 0.0);

        // The same node in the target's icicle and in the differential flame graph.
        m_window->comparisonView()->setMode(ComparisonView::Mode::FlameGraphs);
        QCoreApplication::processEvents();
        IcicleCanvas* icicle = m_window->comparisonView()->icicleCanvases()[target];
        QVERIFY(share(render(icicle), icicle->spanRect(span), isReddish) > 0.3);
        // Its layout is the one made beside the comparison, off the GUI thread.
        QCOMPARE(icicle->layout().get(), m_window->session()->outcome().icicleLayouts[target].get());
        if (const QByteArray dir = qgetenv("TRACEDELTA_SCREENSHOT_DIR"); !dir.isEmpty())
            m_window->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/flame-graphs.png"));
        DiffFlameGraph* diff = m_window->comparisonView()->diffFlameGraph();
        QVERIFY(share(render(diff), diff->nodeRect(node), isReddish) > 0.5);
    }

    void zoomingOnePaneMovesEveryPane()
    {
        QVERIFY(openSamples());
        const auto& panes = m_window->comparisonView()->ganttCanvases();
        GanttCanvas* first = panes.front();
        GanttCanvas* last = panes.back();
        auto* lastRuler = static_cast<TracePane*>(last->parentWidget())->ruler();
        const QStringList ticksBefore = lastRuler->tickLabels();
        const QImage before = render(last);
        const std::int64_t lengthBefore = m_window->timeAxis()->viewLengthNs();

        const QPointF at(first->timelineLeft() + 40, 30);
        QWheelEvent wheel(at, first->mapToGlobal(at), QPoint(), QPoint(0, 360), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(first, &wheel);
        QCoreApplication::processEvents();
        QVERIFY(m_window->timeAxis()->viewLengthNs() < lengthBefore / 1.5);
        // The other pane follows: its ruler and its picture change.
        lastRuler->grab();
        QVERIFY(lastRuler->tickLabels() != ticksBefore);
        QVERIFY(render(last) != before);
        // The time under the cursor stays under the cursor.
        const double fraction = 40.0 / (first->width() - first->timelineLeft());
        const double anchorBefore = fraction * double(lengthBefore);
        const double anchorAfter = double(m_window->timeAxis()->viewStartNs()) + fraction * double(m_window->timeAxis()->viewLengthNs());
        QVERIFY2(std::abs(anchorAfter - anchorBefore) < double(lengthBefore) / 1000, qPrintable(QString::number(anchorAfter - anchorBefore)));

        // Keys on another pane pan everyone; 0 resets.
        IcicleCanvas* icicle = m_window->comparisonView()->icicleCanvases()[1];
        QTest::keyClick(icicle, Qt::Key_D);
        QVERIFY(m_window->timeAxis()->viewStartNs() > 0);
        QTest::keyClick(icicle, Qt::Key_0);
        QVERIFY(m_window->timeAxis()->isZoomedOut());
    }

    void choosingACandidateSelectsItEverywhere()
    {
        QVERIFY(openSamples());
        const NodeIndex node = topNode();
        const std::size_t target = comparison().targetIndex();
        GanttCanvas* targetPane = m_window->comparisonView()->ganttCanvases()[target];
        // Fold the candidate's parent away: selecting it must unfold it again.
        const SpanIndex span = spanOf(node, target);
        targetPane->rows().setCollapsed(comparison().target().parent(span), true);
        QCOMPARE(targetPane->rows().rowOf(span), -1);

        m_window->rootCausePanel()->list()->setCurrentRow(0);
        QCOMPARE(m_window->selection()->selectedNode(), node);
        QVERIFY(targetPane->rows().rowOf(span) >= 0);
        for (std::size_t t = 0; t < comparison().alignment().traces().size(); ++t) {
            const SpanIndex counterpart = spanOf(node, t);
            QVERIFY(counterpart != NoSpan);
            GanttCanvas* gantt = m_window->comparisonView()->ganttCanvases()[t];
            QVERIFY(gantt->scene().selected(counterpart));
            QVERIFY(m_window->comparisonView()->icicleCanvases()[t]->scene().selected(counterpart));
            // The selection outline (black in the light palette) is drawn on the bar's edge.
            const QRectF bar = gantt->spanRect(counterpart);
            const QRgb edge = render(gantt).pixel(int(bar.center().x()), int(bar.top()));
            QVERIFY2(qGray(edge) < 60, qPrintable(QColor(edge).name()));
        }
        QVERIFY(m_window->detailsPanel()->html().contains(QLatin1String("preprocess-request")));
        QVERIFY(m_window->detailsPanel()->distributionChart()->isVisible());
        QCOMPARE(m_window->detailsPanel()->distributionChart()->graph(0)->dataCount(), 4);

        // Clicking a span in a pane selects its node, and the list follows.
        GanttCanvas* baselinePane = m_window->comparisonView()->ganttCanvases()[0];
        const SpanIndex root = comparison().alignment().traces()[0]->mainRoot();
        const QRectF rootBar = baselinePane->spanRect(root);
        QTest::mouseClick(baselinePane, Qt::LeftButton, {}, rootBar.center().toPoint());
        QCOMPARE(m_window->selection()->selectedSpan(), root);
        QCOMPARE(m_window->rootCausePanel()->list()->currentRow(), -1);
        // Hovering a span outlines its counterparts in the other panes.
        QTest::mouseMove(baselinePane, rootBar.center().toPoint());
        const NodeIndex rootNode = comparison().alignment().nodeOf(0, root);
        QCOMPARE(m_window->selection()->hoveredNode(), rootNode);
        GanttCanvas* targetGantt = m_window->comparisonView()->ganttCanvases()[target];
        QVERIFY(targetGantt->scene().hovered(spanOf(rootNode, target)));
        // Double-click lines up the span's counterparts and zooms the shared axis to the longest.
        QTest::mouseDClick(baselinePane, Qt::LeftButton, {}, rootBar.center().toPoint());
        QCOMPARE(m_window->timeAxis()->alignment(), TimeAxis::Alignment::AtSpan);
        std::int64_t longest = 0;
        for (std::size_t t = 0; t < comparison().alignment().traces().size(); ++t)
            longest = std::max(longest, comparison().alignment().traces()[t]->durationNs(spanOf(rootNode, t)));
        QVERIFY(m_window->timeAxis()->viewLengthNs() >= longest);
        QVERIFY(m_window->timeAxis()->viewLengthNs() < longest * 12 / 10);
    }

    // In a narrow Details dock, lines break between words only ("Critical path", never
    // "Critic al path"), and the figures table names traces by their file.
    void detailsBreakLinesBetweenWords()
    {
        QVERIFY(openSamples());
        m_window->rootCausePanel()->list()->setCurrentRow(0);
        QTextBrowser* text = m_window->detailsPanel()->textView();
        text->resize(260, 600);
        text->document()->setTextWidth(240);
        const QString plain = text->toPlainText();
        QVERIFY2(plain.contains(QStringLiteral("inference-normal-1.json")) && !plain.contains(QStringLiteral("baseline · inference-normal-1.json")),
                 qPrintable(plain));
        int blocks = 0;
        for (QTextBlock block = text->document()->begin(); block.isValid(); block = block.next()) {
            const QString line = block.text();
            const QTextLayout* layout = block.layout();
            for (int i = 1; layout && i < layout->lineCount(); ++i) {
                const int at = layout->lineAt(i).textStart();
                QVERIFY2(!(line.at(at - 1).isLetter() && line.at(at).isLetter()),
                         qPrintable(QStringLiteral("“%1” broken at %2").arg(line).arg(at)));
            }
            ++blocks;
        }
        QVERIFY(blocks > 10);
    }

    // A Perfetto recording's flows are links between slices: a span's Details name the slice
    // its flow came from, and that slice's Details the one it went to.
    void detailsListAProfilesFlows()
    {
        const QString dir = QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/fixtures/chromium-proto/");
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        m_window->openFiles({dir + QStringLiteral("normal-1.pftrace.gz"), dir + QStringLiteral("normal-2.pftrace.gz")});
        QVERIFY(compared.wait(30000));
        const std::size_t t = comparison().targetIndex();
        const Trace& trace = comparison().target();
        const SpanReference* flow = nullptr;
        for (const SpanReference& r : trace.references())
            flow = !flow && r.type == ReferenceType::Link && r.target != NoSpan ? &r : flow;
        QVERIFY(flow);
        QVERIFY(trace.startNs(flow->target) <= trace.startNs(flow->from)); // from the earlier slice to the later
        m_window->selection()->selectSpan(comparison().alignment().nodeOf(t, flow->from), t, flow->from);
        QString html = m_window->detailsPanel()->html();
        QVERIFY2(html.contains(QStringLiteral("Flow from")) && html.contains(QString::fromStdString(trace.nameText(flow->target)).toHtmlEscaped()),
                 qPrintable(html));
        if (const QString shots = qEnvironmentVariable("TRACEDELTA_SCREENSHOTS"); !shots.isEmpty())
            m_window->grab().save(shots + QStringLiteral("/details-flow.png"));
        m_window->selection()->selectSpan(comparison().alignment().nodeOf(t, flow->target), t, flow->target);
        html = m_window->detailsPanel()->html();
        QVERIFY2(html.contains(QStringLiteral("Flow to")), qPrintable(html));
        // A slice has no span kind or status: no row that would read " · unset".
        QVERIFY2(!html.contains(QStringLiteral("Kind · status")), qPrintable(html));
    }

    void searchDimsWhatDoesNotMatchAndFoldingHidesRows()
    {
        QVERIFY(openSamples());
        GanttCanvas* pane = m_window->comparisonView()->ganttCanvases().back();
        const Trace& trace = comparison().target();
        const SpanIndex root = trace.mainRoot();
        const QRectF rootBar = pane->spanRect(root);
        const QRgb before = render(pane).pixel(rootBar.center().toPoint());
        m_window->selection()->setSearchText(QStringLiteral("AUTHENTICATE"));
        QVERIFY(pane->scene().dimmed(root));
        const QRgb after = render(pane).pixel(rootBar.center().toPoint());
        QVERIFY(qGray(after) > qGray(before) + 40); // faded towards the background
        bool authenticateMatches = false;
        for (SpanIndex s = 0; s < trace.spanCount(); ++s)
            authenticateMatches = authenticateMatches || (trace.nameText(s) == "authenticate" && !pane->scene().dimmed(s));
        QVERIFY(authenticateMatches);
        m_window->selection()->setSearchText(QString());
        QVERIFY(!pane->scene().dimmed(root));

        // Clicking the root's fold arrow leaves one row.
        const int rows = pane->rows().rowCount();
        QVERIFY(rows > 1);
        const int rootRow = pane->rows().rowOf(root);
        QTest::mouseClick(pane, Qt::LeftButton, {}, QPoint(6, rootRow * GanttGeometry::RowHeight + 10 - pane->scrollY()));
        QCOMPARE(pane->rows().rowCount(), rows - (trace.subtreeEnd(root) - root - 1));
    }

    void darkPaletteRendersDark()
    {
        QVERIFY(openSamples());
        m_window->setTheme(MainWindow::Theme::Dark);
        QCoreApplication::processEvents();
        GanttCanvas* pane = m_window->comparisonView()->ganttCanvases().back();
        const QImage image = render(pane);
        // Bottom-right corner: background below the last row.
        QVERIFY(qGray(image.pixel(image.width() - 5, image.height() - 5)) < 60);
        const QRectF bar = pane->spanRect(spanOf(topNode(), comparison().targetIndex()));
        QVERIFY(share(image, bar, isReddish) > 0.3);
        m_window->setTheme(MainWindow::Theme::Light);
        QCoreApplication::processEvents();
        QVERIFY(qGray(render(pane).pixel(image.width() - 5, image.height() - 5)) > 200);
    }

    void addedIsGreenAndRemovedIsGreyInTheirPanes()
    {
        const TracePtr baseline = test::makeTrace("base", {{"r", nullptr, "api", "GET /cart", 0, 100},
                                                           {"c", "r", "cache", "cache-lookup", 10, 40},
                                                           {"d", "r", "db", "SELECT cart", 55, 40}});
        const TracePtr target = test::makeTrace("slow", {{"r", nullptr, "api", "GET /cart", 0, 100},
                                                         {"d", "r", "db", "SELECT cart", 10, 40},
                                                         {"x", "r", "api", "retry-backoff", 55, 40}});
        auto comparison = std::make_shared<const Comparison>(std::vector<TracePtr>{baseline}, target);
        auto highlights = std::make_shared<const ComparisonHighlights>(*comparison);
        TimeAxis axis;
        SelectionState selection;
        ComparisonView view(&axis, &selection);
        view.resize(1000, 600);
        view.setComparison(comparison, highlights, {{QStringLiteral("baseline"), Qt::blue}, {QStringLiteral("target"), Qt::red}});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        GanttCanvas* basePane = view.ganttCanvases()[0];
        const SpanIndex cache = baseline->findSpanById("c");
        const QRectF removed = basePane->spanRect(cache);
        const double grey = share(render(basePane), removed, [](QRgb c) {
            return std::abs(qRed(c) - qGreen(c)) < 12 && std::abs(qGreen(c) - qBlue(c)) < 12 && qGray(c) < 215;
        });
        QVERIFY2(grey > 0.9, qPrintable(QString::number(grey)));

        GanttCanvas* targetPane = view.ganttCanvases()[1];
        const QRectF added = targetPane->spanRect(target->findSpanById("x"));
        QVERIFY(share(render(targetPane), added, isGreen) > 0.5);
        // The removed node is in the differential flame graph too, with its baseline width.
        const NodeIndex removedNode = comparison->alignment().nodeOf(0, cache);
        QVERIFY(!view.diffFlameGraph()->nodeRect(removedNode).isEmpty());
    }

    // Side by side, each pane's ruler is narrower: it shows fewer labels, never overlapping
    // ones; back on top of each other, more again. The flame graphs' rulers label too.
    void rulerLabelsFitTheirWidth()
    {
        QVERIFY(openSamples());
        const auto check = [this](const char* when) {
            QCoreApplication::processEvents();
            const QList<TimeRuler*> rulers = m_window->comparisonView()->findChildren<TimeRuler*>();
            QVERIFY(!rulers.isEmpty());
            for (TimeRuler* ruler : rulers) {
                if (!ruler->isVisible())
                    continue;
                ruler->findChild<QCustomPlot*>()->replot();
                const QStringList labels = ruler->tickLabels();
                const QFontMetrics metrics(ruler->font());
                int needed = 0;
                for (const QString& label : labels)
                    needed += metrics.horizontalAdvance(label) + 8;
                QVERIFY2(needed <= ruler->width(), qPrintable(QStringLiteral("%1: %2 in %3 px").arg(QLatin1String(when), labels.join(QLatin1Char(' '))).arg(ruler->width())));
                QVERIFY2(labels.size() >= 2, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(when), labels.join(QLatin1Char(' ')))));
            }
        };
        m_window->comparisonView()->setOrientation(Qt::Horizontal);
        check("side by side");
        m_window->comparisonView()->setOrientation(Qt::Vertical);
        check("stacked");
        m_window->comparisonView()->setMode(ComparisonView::Mode::FlameGraphs);
        check("flame graphs");
    }

    // One slow call among ten (real OpenTelemetry JS recordings), chosen as the target by its
    // request's duration: choosing the finding in the
    // root-cause list selects that very call, and the details show its time, not the sum.
    void findingAboutOneCallSelectsThatCall()
    {
        QVERIFY(openOtelRuns(4, {QStringLiteral("one-slow-call"), QStringLiteral("queue-wait")}, QSize(1400, 900)));
        QVERIFY2(comparison().target().sourceFile().endsWith(QStringLiteral("one-slow-call.json.gz")), qPrintable(comparison().target().sourceFile()));
        const Candidate& top = comparison().candidates().front();
        QCOMPARE(top.changedCalls.size(), std::size_t(1));
        auto* causes = m_window->findChild<RootCausePanel*>()->findChild<QListWidget*>();
        QVERIFY(causes->item(0)->text().contains(QStringLiteral("call #7")));
        causes->setCurrentRow(-1);
        causes->setCurrentRow(0);
        QCoreApplication::processEvents();
        QCOMPARE(m_window->selection()->selectedNode(), top.node);
        QCOMPARE(m_window->selection()->selectedSpan(), top.targetSpan);
        QCOMPARE(m_window->selection()->selectedTrace(), comparison().targetIndex());
        const QString details = m_window->findChild<DetailsPanel*>()->html();
        QVERIFY2(details.contains(formatDuration(comparison().target().durationNs(top.targetSpan))), qPrintable(details));
        // Its attributes as written, the numbers among them too (kept in their ids, not as strings).
        const Trace& target = comparison().target();
        int numbers = 0;
        for (const Attribute& a : target.attributes(top.targetSpan)) {
            numbers += a.value.isNumber() ? 1 : 0;
            const QString text = m_window->findChild<DetailsPanel*>()->textView()->toPlainText();
            const auto key = text.indexOf(target.strings().qstring(a.key));
            QVERIFY2(key >= 0 && text.indexOf(target.valueText(a.value).qstring(), key) > key, qPrintable(target.strings().qstring(a.key)));
        }
        QVERIFY(numbers > 0);
        if (qEnvironmentVariableIsSet("TRACEDELTA_SCREENSHOTS"))
            m_window->grab().save(qEnvironmentVariable("TRACEDELTA_SCREENSHOTS") + QStringLiteral("/one-slow-call.png"));
    }

    // A page's own stage, an async slice on its own lane (Chromium's blink.user_timing): the
    // finding selects its node, whose slice in the target lies on that lane, and the details
    // name it.
    void findingOnAnAsyncLaneSelectsItsSlice()
    {
        QVERIFY(openFixtureRuns(QStringLiteral("chromium"), 4, {QStringLiteral("slow-stage")}, QSize(1400, 900)));
        QVERIFY2(comparison().target().sourceFile().endsWith(QStringLiteral("slow-stage.json.gz")), qPrintable(comparison().target().sourceFile()));
        const Candidate& top = comparison().candidates().front();
        auto* causes = m_window->findChild<RootCausePanel*>()->findChild<QListWidget*>();
        QVERIFY(causes->item(0)->text().contains(QStringLiteral("layer_3")));
        causes->setCurrentRow(-1);
        causes->setCurrentRow(0);
        QCoreApplication::processEvents();
        const Trace& target = comparison().target();
        QCOMPARE(m_window->selection()->selectedNode(), top.node);
        const SpanIndex span = spanOf(top.node, comparison().targetIndex());
        QVERIFY(span != NoSpan);
        QCOMPARE(target.nameText(span), std::string("layer_3"));
        QCOMPARE(target.strings().at(target.lanes()[static_cast<std::size_t>(target.lane(span))].label), std::string("Renderer / blink.user_timing"));
        const QString details = m_window->findChild<DetailsPanel*>()->html();
        QVERIFY2(details.contains(QStringLiteral("layer_3")), qPrintable(details));
        if (qEnvironmentVariableIsSet("TRACEDELTA_SCREENSHOTS"))
            m_window->grab().save(qEnvironmentVariable("TRACEDELTA_SCREENSHOTS") + QStringLiteral("/slow-stage.png"));
    }

    // The Flame graphs tab opens on the top candidate (or the selection), even when the
    // target's icicle is only a few rows tall and the candidate sits deeper.
    void flameGraphsOpenOnTheCandidate()
    {
        QSettings().setValue(QStringLiteral("overlayBaselines"), false);
        QVERIFY(openOtelRuns(4, {QStringLiteral("one-slow-call")}, QSize(1024, 640)));
        const std::size_t target = comparison().targetIndex();
        const Candidate& top = comparison().candidates().front();
        const SpanIndex span = top.targetSpan != NoSpan ? top.targetSpan : spanOf(top.node, target);
        QVERIFY(comparison().target().depth(span) >= 3);
        IcicleCanvas* icicle = m_window->comparisonView()->icicleCanvases()[target];
        m_window->comparisonView()->setMode(ComparisonView::Mode::FlameGraphs);
        QTest::qWait(20);
        const QRectF cell = icicle->spanRect(span);
        QVERIFY2(!cell.isEmpty() && cell.top() >= 0 && cell.bottom() <= icicle->height(),
                 qPrintable(QStringLiteral("cell %1–%2 in a %3 px pane").arg(cell.top()).arg(cell.bottom()).arg(icicle->height())));
        QVERIFY(icicle->height() < icicle->contentHeight()); // it had to scroll
        DiffFlameGraph* diff = m_window->comparisonView()->diffFlameGraph();
        const QRectF node = diff->nodeRect(top.node);
        QVERIFY(!node.isEmpty() && node.top() >= 0 && node.bottom() <= diff->height());
        if (qEnvironmentVariableIsSet("TRACEDELTA_SCREENSHOTS"))
            m_window->grab().save(qEnvironmentVariable("TRACEDELTA_SCREENSHOTS") + QStringLiteral("/flame-opens-on-candidate.png"));
    }

    // The user chooses the target in the Traces panel: the notice of the automatic choice
    // goes (it would name the wrong trace), and a verdict with long notes in a small
    // Root causes panel can be read to its end (it scrolls; it was cut off).
    void choosingTheTargetWithdrawsTheNoticeAndTheVerdictScrolls()
    {
        QVERIFY(openOtelRuns(5, {QStringLiteral("holdout2-normal-4")}, QSize(907, 800)));
        auto* notice = m_window->findChild<NoticeBar*>();
        QVERIFY(notice && notice->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("normal-4.json.gz")), qPrintable(notice->text()));
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        m_window->setTarget(5);
        QVERIFY(compared.wait(30000));
        QCoreApplication::processEvents();
        QVERIFY(comparison().target().sourceFile().endsWith(QStringLiteral("holdout2-normal-4.json.gz")));
        QVERIFY(!notice->isVisible());
        auto* panel = m_window->findChild<RootCausePanel*>();
        QVERIFY(panel);
        QVERIFY2(panel->verdictText().contains(QStringLiteral("The largest of them")), qPrintable(panel->verdictText()));
        auto* verdict = panel->findChild<QLabel*>();
        auto* area = panel->findChild<QScrollArea*>();
        QVERIFY(verdict && area);
        // The whole text fits the label (the area scrolls over it) and the area shows at least two lines.
        QVERIFY2(verdict->height() >= verdict->heightForWidth(verdict->width()),
                 qPrintable(QStringLiteral("label %1 px for %2 px of text").arg(verdict->height()).arg(verdict->heightForWidth(verdict->width()))));
        QVERIFY(area->viewport()->height() >= 2 * verdict->fontMetrics().lineSpacing());
        if (qEnvironmentVariableIsSet("TRACEDELTA_SCREENSHOTS"))
            m_window->grab().save(qEnvironmentVariable("TRACEDELTA_SCREENSHOTS") + QStringLiteral("/verdict-scrolls.png"));
    }

    // Opening one more file into an open comparison keeps the target (the new file is a
    // baseline, and the notice bar offers to make it the target); a trace received live takes
    // the target with an Undo; nothing changes without a word.
    void addedFilesJoinAsBaselinesAndTargetChangesAreAnnounced()
    {
        QVERIFY(openOtelRuns(5, {QStringLiteral("background-sync")}, QSize(1400, 900)));
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        const QString dir = QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/fixtures/otel-services/");
        auto* notice = m_window->findChild<NoticeBar*>();
        QVERIFY(notice && notice->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("background-sync.json.gz")) && notice->text().contains(QStringLiteral("slowest of the 6")),
                 qPrintable(notice->text()));
        QVERIFY(comparison().target().sourceFile().endsWith(QStringLiteral("background-sync.json.gz")));

        // File → Open of a normal run: it joins as a baseline; the target and verdict stay.
        compared.clear();
        m_window->openFiles({dir + QStringLiteral("normal-extra.json.gz")});
        QVERIFY(compared.wait(30000));
        QVERIFY(comparison().target().sourceFile().endsWith(QStringLiteral("background-sync.json.gz")));
        QCOMPARE(comparison().baselineCount(), std::size_t(6));
        QVERIFY2(notice->isVisible() && notice->text().contains(QStringLiteral("still background-sync.json.gz")), qPrintable(notice->text()));
        if (qEnvironmentVariableIsSet("TRACEDELTA_SCREENSHOTS"))
            m_window->grab().save(qEnvironmentVariable("TRACEDELTA_SCREENSHOTS") + QStringLiteral("/added-as-baseline.png"));
        auto* makeTarget = notice->findChild<QPushButton*>(QStringLiteral("noticeAction"));
        QVERIFY(makeTarget && makeTarget->isVisible() && makeTarget->text().contains(QStringLiteral("normal-extra.json.gz")));
        // One click makes the new file the target, as the user asked.
        compared.clear();
        makeTarget->click();
        QVERIFY(compared.wait(30000));
        QVERIFY(comparison().target().sourceFile().endsWith(QStringLiteral("normal-extra.json.gz")));
        QVERIFY(!notice->isVisible());
        // background-sync is a baseline now, far outside the others' spread: the Traces panel says so.
        QCOMPARE(comparison().outlierBaselines().size(), std::size_t(1));
        auto* traces = m_window->findChild<TracesPanel*>();
        const QList<QTreeWidgetItem*> rows = traces->tree()->findItems(QStringLiteral("background-sync.json.gz"), Qt::MatchExactly, 0);
        QCOMPARE(rows.size(), 1);
        QVERIFY2(rows.front()->text(1).contains(QStringLiteral("outlier")), qPrintable(rows.front()->text(1)));

        // Received live while the user has chosen a target: a baseline too.
        compared.clear();
        m_window->openFiles({dir + QStringLiteral("retry.json.gz")}, Arrival::Live);
        QVERIFY(compared.wait(30000));
        QVERIFY(comparison().target().sourceFile().endsWith(QStringLiteral("normal-extra.json.gz")));
    }

    // A failed span (error status or exception event) carries a solid error corner on its bar in
    // the Gantt view and in the target's icicle, and "failed" in its label; spans that did not
    // fail have none.
    void failedSpansAreMarkedOnTheirBars()
    {
        QVERIFY(openOtelRuns(4, {QStringLiteral("retry")}, QSize(1400, 900), true));
        QVERIFY(comparison().target().sourceFile().endsWith(QStringLiteral("retry.json.gz")));
        const Trace& target = comparison().target();
        const std::size_t targetIndex = comparison().targetIndex();
        SpanIndex failed = NoSpan;
        SpanIndex fine = NoSpan;
        for (SpanIndex s = 0; s < target.spanCount(); ++s) {
            if (spanFailed(target, s)) {
                if (failed == NoSpan || target.durationNs(s) > target.durationNs(failed))
                    failed = s;
            }
            else if (!spanFailed(target, s) && target.parent(s) == NoSpan)
                fine = s;
        }
        QVERIFY(failed != NoSpan && fine != NoSpan);

        const auto isErrorRed = [](QRgb c) { return qRed(c) > 180 && qGreen(c) < 60 && qBlue(c) < 90; };
        // The corner: a few pixels in from the bar's top-right, inside the triangle.
        const auto corner = [](const QRectF& bar) { return QRectF(bar.right() - 4, bar.top() + 1, 3, 2); };
        GanttCanvas* pane = m_window->comparisonView()->ganttCanvases()[targetIndex];
        pane->setScrollY(pane->scrollY() + int(pane->spanRect(failed).top()) - 4);
        QCoreApplication::processEvents();
        const QRectF bar = pane->spanRect(failed);
        // Here a sliver (≈ 4 px at the default zoom): the mark still reaches 6 px left of its end.
        QVERIFY2(bar.width() > 1, qPrintable(QStringLiteral("bar %1 px wide").arg(bar.width())));
        const QImage image = render(pane);
        if (qEnvironmentVariableIsSet("TRACEDELTA_SCREENSHOTS"))
            image.save(qEnvironmentVariable("TRACEDELTA_SCREENSHOTS") + QStringLiteral("/failed-span-pane.png"));
        QVERIFY2(share(image, corner(bar), isErrorRed, 0) > 0.8, qPrintable(QStringLiteral("corner of %1 at %2,%3 in %4x%5").arg(bar.width()).arg(bar.right()).arg(bar.top()).arg(image.width()).arg(image.height())));
        QVERIFY(spanBarLabel(pane->scene(), failed).contains(QStringLiteral("failed")));
        // The root did not fail: its corner is not error red, nor its label.
        pane->setScrollY(0);
        QCoreApplication::processEvents();
        QCOMPARE(share(render(pane), corner(pane->spanRect(fine)), isErrorRed, 0), 0.0);
        QVERIFY(!spanBarLabel(pane->scene(), fine).contains(QStringLiteral("failed")));

        m_window->comparisonView()->setMode(ComparisonView::Mode::FlameGraphs);
        QCoreApplication::processEvents();
        IcicleCanvas* icicle = m_window->comparisonView()->icicleCanvases()[targetIndex];
        const QRectF cell = icicle->spanRect(failed);
        QVERIFY(cell.width() > 1);
        QVERIFY(share(render(icicle), corner(cell), isErrorRed, 0) > 0.8);
        // The differential flame graph marks the node where the target failed and no baseline did.
        const auto errorCandidate = std::find_if(comparison().candidates().begin(), comparison().candidates().end(),
                                                 [](const Candidate& c) { return c.kind == CandidateKind::Error; });
        QVERIFY(errorCandidate != comparison().candidates().end());
        DiffFlameGraph* diff = m_window->comparisonView()->diffFlameGraph();
        const QImage diffImage = render(diff);
        QVERIFY(share(diffImage, corner(diff->nodeRect(errorCandidate->node)), isErrorRed, 0) > 0.8);
        const NodeIndex root = comparison().alignment().nodeOf(targetIndex, fine);
        QCOMPARE(share(diffImage, corner(diff->nodeRect(root)), isErrorRed, 0), 0.0);
        if (qEnvironmentVariableIsSet("TRACEDELTA_SCREENSHOTS"))
            m_window->grab().save(qEnvironmentVariable("TRACEDELTA_SCREENSHOTS") + QStringLiteral("/failed-span.png"));
    }

    // With no target chosen, a trace received live becomes the target, said with an Undo.
    void aLiveTraceTakesTheTargetWithAnUndo()
    {
        const QString dir = QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/fixtures/otel-services/");
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        m_window->openFiles({dir + QStringLiteral("normal-1.json.gz"), dir + QStringLiteral("normal-2.json.gz")});
        QVERIFY(compared.wait(30000));
        const QString before = comparison().target().sourceFile();
        compared.clear();
        m_window->openFiles({dir + QStringLiteral("retry.json.gz")}, Arrival::Live);
        QVERIFY(compared.wait(30000));
        QVERIFY(comparison().target().sourceFile().endsWith(QStringLiteral("retry.json.gz")));
        auto* notice = m_window->findChild<NoticeBar*>();
        QVERIFY2(notice->isVisible() && notice->text().contains(QStringLiteral("just received")), qPrintable(notice->text()));
        auto* undo = notice->findChild<QPushButton*>(QStringLiteral("noticeUndo"));
        QVERIFY(undo && undo->isVisible());
        compared.clear();
        undo->click();
        QVERIFY(compared.wait(30000));
        QCOMPARE(comparison().target().sourceFile(), before);
    }

    // A real HotROD capture whose fan-out was serialised: the calls that lost their overlap
    // are teal in the target pane, the finding says so, and the details show the figures.
    void serialisedCallsAreMarkedAsAConcurrencyFinding()
    {
        const QString before = test::sharedTracesDir() + QStringLiteral("/otlp/hotrod-nplus1-near-miss.json");
        if (!QFile::exists(before))
            QSKIP("../shared/traces is not available");
        QTemporaryDir dir;
        const QString after = test::serialisedCalls(test::OtlpDocument::load(before), "HTTP GET", "GET /dispatch")
                                  .save(dir, QStringLiteral("serialised.json"));
        m_window = std::make_unique<MainWindow>();
        m_window->setTheme(MainWindow::Theme::Light);
        m_window->resize(1500, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        m_window->openFiles({before, after});
        QVERIFY(compared.wait(30000));
        QCoreApplication::processEvents();
        const Candidate& top = comparison().candidates().front();
        QCOMPARE(top.kind, CandidateKind::Concurrency);

        const auto* causes = m_window->findChild<RootCausePanel*>()->findChild<QListWidget*>();
        QVERIFY(causes->item(0)->text().contains(QStringLiteral("ran one at a time")));
        QVERIFY2(causes->item(0)->toolTip().contains(QStringLiteral("parallelism 1.2 → 1.0")), qPrintable(causes->item(0)->toolTip()));

        // The last of the serialised calls, drawn teal in the target pane; its baseline twin is not.
        const std::size_t target = comparison().targetIndex();
        const Trace& trace = comparison().target();
        const auto& calls = comparison().alignment().node(top.node).spans[target];
        const SpanIndex last = *std::max_element(calls.begin(), calls.end(), [&](SpanIndex a, SpanIndex b) { return trace.startNs(a) < trace.startNs(b); });
        GanttCanvas* targetPane = m_window->comparisonView()->ganttCanvases()[target];
        m_window->timeAxis()->reveal(trace.startNs(last) - m_window->timeAxis()->originNs(target),
                                     trace.endNs(last) - m_window->timeAxis()->originNs(target));
        QCoreApplication::processEvents();
        const QRectF bar = targetPane->spanRect(last);
        QVERIFY(!bar.isEmpty());
        const double teal = share(render(targetPane), bar, isTeal, 1);
        QVERIFY2(teal > 0.3, qPrintable(QString::number(teal)));
        GanttCanvas* baselinePane = m_window->comparisonView()->ganttCanvases()[0];
        const SpanIndex twin = comparison().alignment().node(top.node).spans[0].back();
        QCOMPARE(share(render(baselinePane), baselinePane->spanRect(twin), isTeal, 1), 0.0);

        m_window->selection()->selectNode(top.node, false);
        QCoreApplication::processEvents();
        const QString details = m_window->findChild<DetailsPanel*>()->html();
        QVERIFY(details.contains(QStringLiteral("Parallelism")));
        QVERIFY(details.contains(QStringLiteral("parallelism 1.2 → 1.0")));

        // View → Align Numbered Names off: the comparison runs again with exact names.
        auto* align = m_window->findChild<QAction*>(QStringLiteral("alignNumberedNames"));
        QVERIFY(align && align->isChecked());
        align->setChecked(false);
        QVERIFY(compared.wait(30000));
        QVERIFY(!comparison().alignment().options().normaliseNames);
        align->setChecked(true);
        QVERIFY(compared.wait(30000));
        QVERIFY(comparison().alignment().options().normaliseNames);
    }
};

QTEST_MAIN(TestComparisonWindow)
#include "tst_comparisonwindow.moc"
