// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QListWidget>
#include <QSignalSpy>

using namespace tracedelta;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badFileKeepsTheOthersAndComparisonRuns()
    {
        QTemporaryDir dir;
        const QString bad = test::writeFile(dir, QStringLiteral("broken.json"), "{\"resourceSpans\":[");
        MainWindow window;
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
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
