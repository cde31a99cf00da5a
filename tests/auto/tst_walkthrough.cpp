// SPDX-License-Identifier: GPL-3.0-or-later
// The walkthrough a new user takes, driven through the real main window: five normal runs
// and a slow one, a seventh file added through File → Open (the real dialog), the window
// shrunk to 1024×640, every view mode, an export. Throughout, the target stays the same and
// its pane stays inside the window. With TRACEDELTA_SCREENSHOTS set, each step is saved
// there as a PNG to look at.
#include "testsupport.h"
#include "windowtestsupport.h"
#include "ui/comparisonview.h"
#include "ui/export/reportpicture.h"
#include "ui/flame/iciclecanvas.h"
#include "ui/mainwindow.h"
#include "ui/style/elidedlabel.h"
#include "ui/timeline/ganttcanvas.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

using namespace tracedelta;

// A helper's QVERIFY returns from the helper only; stop the walkthrough there too.
#define CHECKED(step)                  \
    do {                               \
        step;                          \
        if (QTest::currentTestFailed()) \
            return;                    \
    } while (false)

namespace {

const QString FixtureDir = QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/fixtures/otel-services/");

// The part of `widget` that shows inside the window: not scrolled away, not clipped by a
// parent, not cut off by the window's edge.
QRect visiblePart(const QWidget* widget, const QWidget* window)
{
    if (!widget->isVisible())
        return {};
    QRect visible = widget->visibleRegion().boundingRect();
    if (visible.isEmpty())
        return {};
    visible.moveTopLeft(widget->mapTo(window, visible.topLeft()));
    return visible.intersected(window->rect());
}

} // namespace

class TestWalkthrough : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QString m_shots = qEnvironmentVariable("TRACEDELTA_SCREENSHOTS");

    void shoot(const QString& name)
    {
        QCoreApplication::processEvents();
        if (!m_shots.isEmpty())
            m_window->grab().save(m_shots + QLatin1Char('/') + name + QStringLiteral(".png"));
    }

    const Comparison& comparison() const { return *m_window->comparison(); }

    // The target's pane in the current view mode is shown inside the window, some rows of it
    // and at least 300 px wide.
    void verifyTargetVisible(const char* step)
    {
        QCoreApplication::processEvents();
        const std::size_t target = comparison().targetIndex();
        ComparisonView* view = m_window->comparisonView();
        const TraceCanvas* pane = view->mode() == ComparisonView::Mode::Timelines
            ? static_cast<const TraceCanvas*>(view->ganttCanvases()[target])
            : static_cast<const TraceCanvas*>(view->icicleCanvases()[target]);
        const QRect visible = visiblePart(pane, m_window.get());
        // Timelines: five rows (100 px). Flame graphs share the tab with the differential
        // graph: three rows (54 px). Either way all of it when it has fewer rows.
        const int rows = view->mode() == ComparisonView::Mode::Timelines ? 100 : 54;
        const int wanted = std::min(rows, pane->contentHeight());
        QVERIFY2(visible.height() >= wanted && visible.width() >= 300,
                 qPrintable(QStringLiteral("%1: the target pane shows %2×%3 px at (%4, %5) of a %6×%7 window")
                                .arg(QLatin1String(step))
                                .arg(visible.width())
                                .arg(visible.height())
                                .arg(visible.x())
                                .arg(visible.y())
                                .arg(m_window->width())
                                .arg(m_window->height())));
    }

    void verifyNothingCutOff(const char* step)
    {
        QCoreApplication::processEvents();
        const QRect status = visiblePart(m_window->statusBar(), m_window.get());
        QVERIFY2(status.height() >= m_window->statusBar()->height() - 1 && status.height() > 10,
                 qPrintable(QStringLiteral("%1: status bar shows %2 of %3 px").arg(QLatin1String(step)).arg(status.height()).arg(m_window->statusBar()->height())));
        for (QToolBar* toolbar : m_window->findChildren<QToolBar*>()) {
            if (!toolbar->isVisible())
                continue;
            // Qt shows the extension button (») when a toolbar's items do not fit.
            for (QToolButton* button : toolbar->findChildren<QToolButton*>(QStringLiteral("qt_toolbar_ext_button")))
                QVERIFY2(!button->isVisible(), qPrintable(QStringLiteral("%1: toolbar '%2' overflows").arg(QLatin1String(step), toolbar->windowTitle())));
        }
        auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("searchEdit"));
        QVERIFY(search);
        const QRect box = visiblePart(search, m_window.get());
        QVERIFY2(box.width() >= 120, qPrintable(QStringLiteral("%1: search box %2 px wide").arg(QLatin1String(step)).arg(box.width())));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void walkthrough()
    {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->setTheme(MainWindow::Theme::Light);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        QStringList files;
        for (int i = 1; i <= 5; ++i)
            files << FixtureDir + QStringLiteral("normal-%1.json.gz").arg(i);
        files << FixtureDir + QStringLiteral("one-slow-call.json.gz");
        m_window->openFiles(files);
        QVERIFY(compared.wait(30000));
        const QString target = comparison().target().sourceFile();
        QVERIFY(target.endsWith(QStringLiteral("one-slow-call.json.gz")));
        // Five baselines stacked would leave each a few rows: overlaid, and the status bar says so.
        QAction* overlay = test::actionNamed(m_window.get(), QStringLiteral("&Overlay Baselines"));
        QVERIFY(overlay && overlay->isChecked() && m_window->comparisonView()->overlayActive());
        QVERIFY(m_window->statusBar()->findChild<ElidedLabel*>()->fullText().contains(QStringLiteral("5 baseline(s) overlaid")));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("one-slow-call.json.gz vs 5 baselines[*] — TraceDelta"));
        QVERIFY(!m_window->isWindowModified());
        shoot(QStringLiteral("walkthrough-1-six-traces"));
        CHECKED(verifyTargetVisible("six traces, 1400×900"));

        // File → Open, through the dialog itself: a seventh run joins as a baseline.
        compared.clear();
        test::answerFileDialog(FixtureDir + QStringLiteral("normal-extra.json.gz"));
        QAction* open = test::actionNamed(m_window.get(), QStringLiteral("&Open…"));
        QVERIFY(open);
        open->trigger();
        QVERIFY(compared.wait(30000));
        QCOMPARE(comparison().target().sourceFile(), target);
        QCOMPARE(comparison().baselineCount(), std::size_t(6));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("one-slow-call.json.gz vs 6 baselines[*] — TraceDelta"));
        shoot(QStringLiteral("walkthrough-2-seventh-added"));
        CHECKED(verifyTargetVisible("seven traces, 1400×900"));

        // A small screen: nothing cut off, the target still in view.
        m_window->resize(1024, 640);
        QTest::qWait(50);
        QCOMPARE(m_window->size(), QSize(1024, 640)); // not held wider or taller by its minimum size
        shoot(QStringLiteral("walkthrough-3-1024x640"));
        CHECKED(verifyNothingCutOff("1024×640"));
        CHECKED(verifyTargetVisible("1024×640"));

        // The user stacks the baselines (View → Overlay Baselines): remembered, and the target
        // stays pinned in view while six baselines scroll below it.
        overlay->trigger();
        QVERIFY(!m_window->comparisonView()->overlayActive());
        QCOMPARE(QSettings().value(QStringLiteral("overlayBaselines")), QVariant(false));
        shoot(QStringLiteral("walkthrough-4-stacked"));
        CHECKED(verifyTargetVisible("stacked, 1024×640"));
        m_window->comparisonView()->setMode(ComparisonView::Mode::FlameGraphs);
        shoot(QStringLiteral("walkthrough-5-flame-graphs"));
        CHECKED(verifyTargetVisible("flame graphs, 1024×640"));
        m_window->comparisonView()->setMode(ComparisonView::Mode::Timelines);
        QAction* sideBySide = test::actionNamed(m_window.get(), QStringLiteral("&Side by Side"));
        QVERIFY(sideBySide);
        sideBySide->trigger();
        QCOMPARE(m_window->comparisonView()->orientation(), Qt::Horizontal);
        shoot(QStringLiteral("walkthrough-6-side-by-side"));
        CHECKED(verifyTargetVisible("side by side, 1024×640"));
        sideBySide->trigger();
        CHECKED(verifyNothingCutOff("1024×640, after switching views"));
        QCOMPARE(comparison().target().sourceFile(), target);

        // The export follows the pinned target: its pane comes first.
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("walkthrough.png"));
        QCOMPARE(m_window->exportImage(png), QString());
        QVERIFY(!QImage(png).isNull());
        const ReportPicture picture(*m_window->comparisonView(), m_window->pictureSettings());
        // The top candidate, which the views were scrolled to: the target's bar above every baseline's.
        const AlignedNode& top = comparison().alignment().node(comparison().candidates().front().node);
        const std::size_t targetIndex = comparison().targetIndex();
        const QRectF targetBar = picture.spanRect(targetIndex, top.spans[targetIndex].front());
        QVERIFY(!targetBar.isEmpty());
        int baselinesBelow = 0;
        for (std::size_t t = 0; t < top.spans.size(); ++t) {
            if (t == targetIndex || top.spans[t].empty())
                continue;
            const QRectF bar = picture.spanRect(t, top.spans[t].front());
            QVERIFY(bar.isEmpty() || bar.top() > targetBar.bottom());
            baselinesBelow += bar.isEmpty() ? 0 : 1;
        }
        QVERIFY(baselinesBelow > 0);
        if (!m_shots.isEmpty()) {
            QFile::remove(m_shots + QStringLiteral("/walkthrough-7-export.png"));
            QFile::copy(png, m_shots + QStringLiteral("/walkthrough-7-export.png"));
        }

        // The user's choice wins over the automatic overlay from now on.
        compared.clear();
        m_window->openFiles({FixtureDir + QStringLiteral("retry.json.gz")});
        QVERIFY(compared.wait(30000));
        QCOMPARE(comparison().target().sourceFile(), target);
        QVERIFY(!m_window->comparisonView()->overlayActive());
        CHECKED(verifyTargetVisible("eight traces, stacked, 1024×640"));
    }
};

QTEST_MAIN(TestWalkthrough)
#include "tst_walkthrough.moc"
