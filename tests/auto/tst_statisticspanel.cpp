// SPDX-License-Identifier: GPL-3.0-or-later
// The Statistics tab and the session behind the window, driven without a window where
// possible: sorting, filtering, grouping, TSV, and selection shared with the panes.
#include "testsupport.h"
#include "ui/mainwindow.h"
#include "ui/navigation/selectionstate.h"
#include "ui/panels/rootcausepanel.h"
#include "ui/panels/statisticspanel.h"
#include "ui/session/tracesession.h"
#include "ui/viewmodel/statisticsmodel.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>

using namespace tracedelta;

namespace {

QStringList samples()
{
    return {test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-normal-2.json"),
            test::sampleFile("inference-spike.json")};
}

} // namespace

class TestStatisticsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The session loads, picks the last file as the target and compares, with no widget.
    void sessionComparesWithoutAWindow()
    {
        TraceSession session;
        QSignalSpy compared(&session, &TraceSession::comparisonFinished);
        session.load(samples());
        QVERIFY(compared.wait(30000));
        QCOMPARE(session.entries().size(), std::size_t(3));
        QCOMPARE(session.targetIndex(), std::size_t(2));
        const ComparisonOutcome& outcome = session.outcome();
        QVERIFY(outcome.comparison && outcome.highlights);
        for (const auto& statistics : outcome.statistics)
            QVERIFY(statistics && !statistics->rows().empty());
        QCOMPARE(session.comparedEntries(), (std::vector<std::size_t>{0, 1, 2}));
        // Leaving a baseline out compares again with two traces; the target cannot leave.
        QVERIFY(session.setIncluded(0, false));
        QVERIFY(compared.wait(30000));
        QCOMPARE(session.outcome().comparison->alignment().traces().size(), std::size_t(2));
        QVERIFY(!session.setIncluded(2, false));
        session.setTarget(0);
        QVERIFY(compared.wait(30000));
        QCOMPARE(session.outcome().comparison->target().sourceFile(), test::sampleFile("inference-normal-1.json"));
    }

    void tableSortsFiltersGroupsAndFollowsTheSelection()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy compared(&window, &MainWindow::comparisonFinished);
        window.openFiles(samples());
        QVERIFY(compared.wait(30000));
        StatisticsPanel* panel = window.statisticsPanel();
        QSortFilterProxyModel* proxy = panel->proxy();
        StatisticsModel* model = panel->model();
        QVERIFY(proxy->rowCount() > 3);
        // At the dock's default size, Δ total and Δ % are in view without scrolling.
        for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
            if (dock->widget() == panel)
                dock->raise();
        }
        QCoreApplication::processEvents();
        const QHeaderView* header = panel->view()->horizontalHeader();
        for (const int column : {model->deltaColumn(), model->deltaColumn() + 1}) {
            const int right = header->sectionViewportPosition(column) + header->sectionSize(column);
            QVERIFY2(header->sectionViewportPosition(column) >= 0 && right <= panel->view()->viewport()->width(),
                     qPrintable(QStringLiteral("column %1 ends at %2 of %3 px").arg(column).arg(right).arg(panel->view()->viewport()->width())));
        }
        // Sorted by Δ total, largest first: the spike's preprocess-request heads the table.
        const int delta = model->deltaColumn();
        QVERIFY(delta > 0);
        QCOMPARE(proxy->data(proxy->index(0, 0)).toString(), QStringLiteral("gateway: preprocess-request"));
        for (int r = 1; r < proxy->rowCount(); ++r)
            QVERIFY(proxy->data(proxy->index(r - 1, delta), StatisticsModel::SortRole).toLongLong()
                    >= proxy->data(proxy->index(r, delta), StatisticsModel::SortRole).toLongLong());
        QCOMPARE(proxy->data(proxy->index(0, delta + 3)).toString(), QStringLiteral("#1"));
        // The Δ cell of a regression is red.
        const QColor background = proxy->data(proxy->index(0, delta), Qt::BackgroundRole).value<QColor>();
        QVERIFY(background.isValid() && background.red() > background.blue());
        // Sorting by another column: calls of the target, ascending.
        panel->view()->sortByColumn(1 + 2 * StatisticsModel::ColumnsPerTrace, Qt::AscendingOrder);
        for (int r = 1; r < proxy->rowCount(); ++r)
            QVERIFY(proxy->data(proxy->index(r - 1, 7), StatisticsModel::SortRole).toInt()
                    <= proxy->data(proxy->index(r, 7), StatisticsModel::SortRole).toInt());
        // Filtering by name.
        panel->findChild<QLineEdit*>()->setText(QStringLiteral("preprocess"));
        QCOMPARE(proxy->rowCount(), 1);
        const QString tsv = panel->tableAsTsv();
        QCOMPARE(tsv.count(QLatin1Char('\n')), 2);
        // As shown: the name, the changes, the target's figures, then the baselines'.
        QVERIFY2(tsv.startsWith(QStringLiteral("Operation\tΔ total\tΔ %\tΔ self\tCandidate\ttarget calls\ttarget total\ttarget self\t[1] calls")),
                 qPrintable(tsv.section(QLatin1Char('\n'), 0, 0)));
        QVERIFY(tsv.contains(QStringLiteral("gateway: preprocess-request\t+")));

        // Choosing the row selects the node everywhere, including the root-cause list.
        panel->view()->selectRow(0);
        const NodeIndex node = window.selection()->selectedNode();
        QVERIFY(node > 0);
        QCOMPARE(QString::fromStdString(window.comparison()->alignment().node(node).name), QStringLiteral("preprocess-request"));
        const auto* causes = window.rootCausePanel()->findChild<QListWidget*>();
        QCOMPARE(causes->currentRow(), 0);
        // And back: selecting in the root-cause list moves the table's current row.
        panel->findChild<QLineEdit*>()->clear();
        const NodeIndex other = window.comparison()->candidates().size() > 1 ? window.comparison()->candidates()[1].node
                                                                              : window.comparison()->alignment().node(node).parent;
        window.selection()->selectNode(other, false);
        const QModelIndex current = panel->view()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(model->rowOfNode(other), proxy->mapToSource(current).row());

        // For looking at it: TRACEDELTA_SCREENSHOT_DIR=/tmp/x saves the window with the tab raised.
        if (const QString dir = qEnvironmentVariable("TRACEDELTA_SCREENSHOT_DIR"); !dir.isEmpty()) {
            for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
                if (dock->widget() == panel)
                    dock->raise();
            }
            QCoreApplication::processEvents();
            window.grab().save(dir + QStringLiteral("/statistics-tab.png"));
        }

        // Grouping by path: one row per aligned node.
        panel->setGrouping(StatisticsGrouping::Path);
        QCOMPARE(static_cast<std::size_t>(proxy->rowCount()), window.comparison()->alignment().nodes().size() - 1);
        QVERIFY(proxy->headerData(0, Qt::Horizontal).toString() == QStringLiteral("Path"));
    }
};

QTEST_MAIN(TestStatisticsPanel)
#include "tst_statisticspanel.moc"
