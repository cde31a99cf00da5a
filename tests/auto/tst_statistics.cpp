// SPDX-License-Identifier: GPL-3.0-or-later
// Operation statistics: aggregates checked against values worked out by hand from the
// Jaeger UI statistics fixtures, and the kineto before/after pair.
#include "core/compare/operationstatistics.h"
#include "testsupport.h"

using namespace tracedelta;

namespace {

const OperationRow* findRow(const OperationStatistics& stats, const char* service, const char* name)
{
    for (const OperationRow& row : stats.rows()) {
        if (QString::fromStdString(row.service).trimmed() == QLatin1String(service) && row.name == name)
            return &row;
    }
    return nullptr;
}

constexpr std::int64_t us = 1000;

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (!QFile::exists(test::sharedTracesDir()))
            QSKIP("../shared/traces is not available");
    }

    // stats-normal: a gateway call, its proxied call, the service and two queries.
    // Self = duration − children, per Jaeger UI's statistics view.
    void jaegerFixtureNormal()
    {
        const Comparison alone({}, test::loadSingle(test::sharedTracesDir() + QStringLiteral("/jaeger/stats-normal.json")));
        const OperationStatistics stats(alone, StatisticsGrouping::Operation);
        QCOMPARE(stats.traceCount(), std::size_t(1));
        QCOMPARE(stats.rows().size(), std::size_t(4));
        const OperationRow* gateway = findRow(stats, "api-gateway", "GET /api/customer/owners/8/pets/10");
        QVERIFY(gateway);
        QCOMPARE(gateway->traces[0].count, 1);
        QCOMPARE(gateway->traces[0].totalNs, 4902 * us);
        QCOMPARE(gateway->traces[0].selfNs, (4902 - 2499) * us);
        const OperationRow* proxied = findRow(stats, "api-gateway", "GET /owners/8/pets/10");
        QVERIFY(proxied);
        QCOMPARE(proxied->traces[0].selfNs, (2499 - 1739) * us);
        const OperationRow* service = findRow(stats, "customers-service", "GET /owners/8/pets/10");
        QVERIFY(service);
        QCOMPARE(service->traces[0].selfNs, (1739 - 52 - 21) * us);
        const OperationRow* query = findRow(stats, "customers-service", "HikariProxyPreparedStatement.executeQuery");
        QVERIFY(query);
        QCOMPARE(query->traces[0].count, 2);
        QCOMPARE(query->traces[0].totalNs, 73 * us);
        QCOMPARE(query->traces[0].duration.min, 21 * us);
        QCOMPARE(query->traces[0].duration.max, 52 * us);
        QCOMPARE(query->traces[0].duration.median, 36500); // midpoint of 21 and 52 µs
        QCOMPARE(query->traces[0].duration.p90, 52 * us);
    }

    // Overlapping children count once; a child outliving its parent counts only inside it.
    void jaegerFixturesWithOverlaps()
    {
        const QString dir = test::sharedTracesDir() + QStringLiteral("/jaeger/");
        const Comparison three({}, test::loadSingle(dir + QStringLiteral("stats-three-short-children.json")));
        const OperationStatistics a(three, StatisticsGrouping::Operation);
        QCOMPARE(findRow(a, "service-one", "send")->traces[0].selfNs, (36 - (223 - 192)) * us);
        const Comparison overlapping({}, test::loadSingle(dir + QStringLiteral("stats-overlapping-children.json")));
        const OperationStatistics b(overlapping, StatisticsGrouping::Operation);
        QCOMPARE(findRow(b, "service-one", "send")->traces[0].selfNs, (36 - (225 - 192)) * us);
        QCOMPARE(findRow(b, "service-two", "async task 1")->traces[0].totalNs, 40 * us);
    }

    // The kineto pair: Memcpy DtoD on the compute stream, 18 calls before and 4645 after.
    void kinetoPairCountsAndTotals()
    {
        const QString dir = test::sharedTracesDir() + QStringLiteral("/chrome/");
        const Comparison c({test::loadSingle(dir + QStringLiteral("kineto-trace_diff-control.json.gz"))},
                           test::loadSingle(dir + QStringLiteral("kineto-trace_diff-test.json.gz")));
        const OperationStatistics stats(c, StatisticsGrouping::Operation);
        const OperationRow* memcpy = findRow(stats, "python3.8 / stream 7", "Memcpy DtoD (Device -> Device)");
        QVERIFY(memcpy);
        QCOMPARE(memcpy->counts(), (std::vector<int>{18, 4645}));
        QCOMPARE(memcpy->totals(), (std::vector<std::int64_t>{2'735'000, 92'932'000}));
        QCOMPARE(memcpy->deltaTotalNs, 92'932'000 - 2'735'000);
        QVERIFY(memcpy->candidateRank > 0);
        // Every node is in exactly one row, whatever the grouping, and no span is lost.
        for (StatisticsGrouping grouping : {StatisticsGrouping::Operation, StatisticsGrouping::Path, StatisticsGrouping::Lane}) {
            const OperationStatistics g(c, grouping);
            std::int64_t spans = 0;
            for (const OperationRow& row : g.rows())
                spans += row.traces[1].count;
            QCOMPARE(spans, std::int64_t(c.target().spanCount()));
            for (NodeIndex n = 1; n < static_cast<NodeIndex>(c.alignment().nodes().size()); ++n)
                QVERIFY(g.rowOfNode(n) >= 0);
        }
        QCOMPARE(OperationStatistics(c, StatisticsGrouping::Path).rows().size(), c.alignment().nodes().size() - 1);
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
