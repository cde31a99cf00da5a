// SPDX-License-Identifier: GPL-3.0-or-later
// Self time against values worked out by hand from jaeger-ui's TraceStatistics fixtures.
#include "core/analysis/selftime.h"
#include "testsupport.h"

using namespace tracedelta;

class TestSelfTime : public QObject
{
    Q_OBJECT

private:
    static SpanIndex spanEndingWith(const Trace& trace, const char* suffix)
    {
        for (SpanIndex i = 0; i < trace.spanCount(); ++i) {
            if (QString::fromStdString(trace.spanIdText(i)).endsWith(QLatin1String(suffix)))
                return i;
        }
        return NoSpan;
    }

private Q_SLOTS:
    void uncoveredTime_data()
    {
        QTest::addColumn<qint64>("begin");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<QList<qint64>>("intervals"); // begin, end pairs
        QTest::addColumn<qint64>("expected");
        QTest::newRow("no children") << 0ll << 100ll << QList<qint64>{} << 100ll;
        QTest::newRow("sequential") << 0ll << 100ll << QList<qint64>{10, 20, 30, 50} << 70ll;
        QTest::newRow("overlapping") << 0ll << 100ll << QList<qint64>{10, 40, 30, 60} << 50ll;
        QTest::newRow("nested in sibling") << 0ll << 100ll << QList<qint64>{10, 90, 20, 30} << 20ll;
        QTest::newRow("sticks out both ends") << 50ll << 100ll << QList<qint64>{0, 60, 90, 200} << 30ll;
        QTest::newRow("entirely outside") << 0ll << 10ll << QList<qint64>{20, 30} << 10ll;
        QTest::newRow("covers everything") << 0ll << 10ll << QList<qint64>{0, 10, 2, 3} << 0ll;
        QTest::newRow("unsorted input") << 0ll << 100ll << QList<qint64>{70, 80, 10, 20} << 80ll;
    }

    void uncoveredTime()
    {
        QFETCH(qint64, begin);
        QFETCH(qint64, end);
        QFETCH(QList<qint64>, intervals);
        QFETCH(qint64, expected);
        std::vector<Interval> list;
        for (qsizetype i = 0; i + 1 < intervals.size(); i += 2)
            list.push_back({intervals[i], intervals[i + 1]});
        QCOMPARE(tracedelta::uncoveredTime(begin, end, list), expected);
    }

    void jaegerStatistics_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("spanSuffix");
        QTest::addColumn<qint64>("selfMicros");
        QTest::newRow("normal root") << "stats-normal.json" << "b46b" << 2403ll;
        QTest::newRow("normal server") << "stats-normal.json" << "de0b" << 760ll;
        QTest::newRow("normal two queries") << "stats-normal.json" << "bc3b" << 1666ll;
        QTest::newRow("normal leaf") << "stats-normal.json" << "623e" << 52ll;
        QTest::newRow("children longer than parent") << "stats-overlapping-children-longer-than-parent.json" << "f205"
                                                     << 30ll;
        QTest::newRow("overlapping children") << "stats-overlapping-children.json" << "f205" << 3ll;
        QTest::newRow("async child after parent") << "stats-single-child-longer-starts-after.json" << "f205" << 40ll;
        QTest::newRow("async child itself") << "stats-single-child-longer-starts-after.json" << "7e32" << 300ll;
        QTest::newRow("span longer than parent: root") << "stats-span-longer-than-parent.json" << "6ffd" << 3366ll;
        QTest::newRow("span longer than parent: clipped union") << "stats-span-longer-than-parent.json" << "4193"
                                                                << 1215ll;
        QTest::newRow("span longer than parent: two queries") << "stats-span-longer-than-parent.json" << "b50a"
                                                              << 6671ll;
        QTest::newRow("among each other: root") << "stats-spans-among-each-other.json" << "d70a" << 743ll;
        QTest::newRow("among each other: middle") << "stats-spans-among-each-other.json" << "3741" << 1281ll;
        QTest::newRow("among each other: nine overlapping queries") << "stats-spans-among-each-other.json" << "d944"
                                                                    << 1665ll;
        QTest::newRow("three short children") << "stats-three-short-children.json" << "f205" << 5ll;
        QTest::newRow("children at trace start") << "stats-two-children-at-trace-start.json" << "f205" << 0ll;
    }

    void jaegerStatistics()
    {
        QFETCH(QString, file);
        QFETCH(QString, spanSuffix);
        QFETCH(qint64, selfMicros);
        const QString path = test::sharedTracesDir() + QStringLiteral("/jaeger/") + file;
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        const SpanIndex span = spanEndingWith(*trace, spanSuffix.toLatin1().constData());
        QVERIFY2(span != NoSpan, qPrintable(spanSuffix));
        QCOMPARE(trace->selfNs(span), selfMicros * 1000);
    }
};

QTEST_GUILESS_MAIN(TestSelfTime)
#include "tst_selftime.moc"
