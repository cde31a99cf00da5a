// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "ui/comparisonview.h"
#include "ui/mainwindow.h"
#include "ui/panels/tracespanel.h"
#include "ui/timeline/ganttcanvas.h"

#include <QApplication>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeWidget>

using namespace tracedelta;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Recent files, window state and theme go to a throw-away settings location.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void badFileKeepsTheOthersAndComparisonRuns()
    {
        QTemporaryDir dir;
        const QString bad = test::writeFile(dir, QStringLiteral("broken.json"), "{\"resourceSpans\":[");
        MainWindow window;
        // The bundled icons are there for desktops whose theme lacks them.
        QVERIFY(QFile::exists(QStringLiteral(":/icons/tracedelta.svg")));
        QVERIFY(!window.windowIcon().isNull());
        QSignalSpy loaded(&window, &MainWindow::loadingFinished);
        QSignalSpy compared(&window, &MainWindow::comparisonFinished);
        window.openFiles({test::sampleFile("inference-normal-1.json"), bad, test::sampleFile("inference-spike.json")});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(window.traces().size(), std::size_t(2));
        QCOMPARE(window.loadErrors().size(), 1);
        QVERIFY(window.loadErrors().first().contains(QLatin1String("broken.json")));
        QVERIFY(compared.count() > 0 || compared.wait(20000));
        QVERIFY(window.comparison());
        QCOMPARE(window.comparison()->verdict(), Verdict::Slower);
        const auto* causes = window.findChild<QListWidget*>();
        QVERIFY(causes);
        QVERIFY(causes->count() >= 1);
        QVERIFY2(causes->item(0)->text().contains(QLatin1String("preprocess-request")), qPrintable(causes->item(0)->text()));

        // Choosing the other trace as target flips the question: now it is faster.
        compared.clear();
        window.setTarget(0);
        QVERIFY(compared.wait(20000));
        QCOMPARE(window.comparison()->verdict(), Verdict::Faster);
        QCOMPARE(window.traces().size(), std::size_t(2));
        // Both traces have panes; the failed file is listed with its message.
        QCOMPARE(window.comparisonView()->ganttCanvases().size(), std::size_t(2));
        const QTreeWidget* list = window.tracesPanel()->tree();
        QCOMPARE(list->topLevelItemCount(), 3);
        QVERIFY(list->topLevelItem(2)->text(5).contains(QLatin1String("broken.json")));
    }

    void baselinesCanBeLeftOutClosedAndReloaded()
    {
        QTemporaryDir dir;
        QFile::copy(test::sampleFile("inference-spike.json"), dir.filePath(QStringLiteral("spike.json")));
        MainWindow window;
        QSignalSpy compared(&window, &MainWindow::comparisonFinished);
        window.openFiles({test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-normal-2.json"),
                          dir.filePath(QStringLiteral("spike.json"))});
        QVERIFY(compared.wait(20000));
        QCOMPARE(window.comparison()->baselineCount(), std::size_t(2));

        compared.clear();
        window.setIncluded(0, false);
        QVERIFY(compared.wait(20000));
        QCOMPARE(window.comparison()->baselineCount(), std::size_t(1));
        QCOMPARE(window.comparisonView()->ganttCanvases().size(), std::size_t(2));

        compared.clear();
        window.closeTrace(1);
        QVERIFY(compared.wait(20000));
        QCOMPARE(window.traces().size(), std::size_t(2));
        QCOMPARE(window.comparison()->baselineCount(), std::size_t(0)); // normal-1 is still left out

        // Reloading the target's file keeps it the target and keeps the other trace.
        compared.clear();
        window.reloadTrace(1);
        QVERIFY(compared.wait(20000));
        QCOMPARE(window.traces().size(), std::size_t(2));
        QVERIFY(window.comparison()->target().sourceFile().endsWith(QLatin1String("spike.json")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
