// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 30: one occurrence of a repeated span (a frame, a training step, a call) compared with
// its siblings in the same trace — the occurrences found, the target and baselines chosen, each
// cut into a trace of its own, and the whole comparison run on them, from the core and from
// the command line on real recordings.
#include "core/analysis/occurrences.h"
#include "clirun.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace tracedelta;

namespace {

// Everything a trace holds, as text (names, not string ids), to compare two traces whole.
QString everythingOf(const Trace& t)
{
    const auto text = [&t](StringId id) { return QString::fromStdString(t.strings().at(id)); };
    QString out = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                      .arg(formatName(t.format()), t.sourceFile(), QString::fromStdString(t.traceId()))
                      .arg(t.spanCount())
                      .arg(t.traceStartNs())
                      .arg(t.traceEndNs())
                      .arg(t.mainRoot())
                      .arg(t.references().size() + t.aggregates().size());
    for (const Lane& lane : t.lanes())
        out += QStringLiteral("lane %1\n").arg(text(lane.label));
    for (SpanIndex r : t.roots())
        out += QStringLiteral("root %1%2\n").arg(r).arg(t.isOrphanRoot(r) ? QStringLiteral(" orphan") : QString());
    for (SpanIndex i = 0; i < t.spanCount(); ++i) {
        out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 |")
                   .arg(t.startNs(i))
                   .arg(t.durationNs(i))
                   .arg(t.selfNs(i))
                   .arg(t.parent(i))
                   .arg(t.subtreeEnd(i))
                   .arg(t.depth(i))
                   .arg(t.lane(i))
                   .arg(text(t.name(i)), text(t.service(i)));
        out += QStringLiteral(" %1 %2 id=%3 children").arg(int(t.kind(i))).arg(int(t.status(i))).arg(QString::fromStdString(t.spanIdText(i)));
        for (SpanIndex c : t.children(i))
            out += QStringLiteral(" %1").arg(c);
        for (const Attribute& a : t.attributes(i))
            out += QStringLiteral(" %1=%2").arg(text(a.key), t.valueText(a.value).qstring());
        for (const SpanEvent& e : t.events(i)) {
            out += QStringLiteral(" event %1 %2:").arg(e.timeNs).arg(text(e.name));
            for (const Attribute& a : t.eventAttributes(e))
                out += QStringLiteral(" %1=%2").arg(text(a.key), t.valueText(a.value).qstring());
        }
        out += QLatin1Char('\n');
    }
    for (const Diagnostic& d : t.diagnostics())
        out += QStringLiteral("diagnostic %1 %2\n").arg(int(d.severity)).arg(d.message);
    return out;
}

QString chromiumFrames()
{
    return QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/fixtures/chromium-frames/frames-60.json.gz");
}

// A trace of one lane with `steps` top-level spans named step#0, step#1, …; step `slow` takes
// 10× longer, and each step holds a child "work" (with a nested "step#inner" that must count
// as part of its step, not as an occurrence of its own).
TracePtr steppedTrace(int steps, int slow)
{
    TraceBuilder builder(TraceFormat::Chrome, QStringLiteral("steps.json"), "steps");
    const std::int32_t lane = builder.addLane("python / thread 1 (main)");
    std::int64_t at = 5'000'000;
    for (int i = 0; i < steps; ++i) {
        const std::int64_t duration = i == slow ? 10'000'000 : 1'000'000 + 1000 * (i % 3);
        SpanDraft step;
        step.name = builder.intern("step#" + std::to_string(i));
        step.startNs = at;
        step.durationNs = duration;
        step.lane = lane;
        const SpanIndex parent = builder.addSpan(step);
        SpanDraft work;
        work.name = builder.intern("work");
        work.parentDraft = parent;
        work.startNs = at + 100;
        work.durationNs = duration / 2;
        work.lane = lane;
        const SpanIndex workIndex = builder.addSpan(work);
        SpanDraft inner = work;
        inner.name = builder.intern("step#inner");
        inner.parentDraft = workIndex;
        inner.startNs = at + 200;
        inner.durationNs = 50;
        builder.addSpan(inner);
        at += duration + 500'000;
    }
    return builder.build();
}

} // namespace

class TestRepeated : public QObject
{
    Q_OBJECT

private:
    using Run = test::CliRun;
    static Run run(const QStringList& arguments) { return test::runCli(arguments); }

    // How many spans named `name` lie in the subtree of the `nameOfRoot` span that starts
    // `startNs` after the trace's start (counted on the model itself, not by the code under test).
    static int spansInside(const Trace& trace, const std::string& nameOfRoot, std::int64_t startNs, const std::string& name)
    {
        for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
            if (trace.nameText(s) != nameOfRoot || trace.startNs(s) - trace.traceStartNs() != startNs)
                continue;
            int count = 0;
            for (SpanIndex d = s; d < trace.subtreeEnd(s); ++d)
                count += trace.nameText(d) == name ? 1 : 0;
            return count;
        }
        return -1;
    }

private Q_SLOTS:
    void findsOutermostOccurrencesByNameAndPattern()
    {
        const TracePtr trace = steppedTrace(12, 7);
        const std::vector<TracePtr> traces{trace};
        QCOMPARE(findOccurrences(traces, QStringLiteral("step#3")).size(), std::size_t(1));
        const std::vector<Occurrence> steps = findOccurrences(traces, QStringLiteral("step#*"));
        // step#inner sits inside each step: part of it, not a 13th … 24th occurrence.
        QCOMPARE(steps.size(), std::size_t(12));
        for (std::size_t i = 1; i < steps.size(); ++i)
            QVERIFY(steps[i].offsetNs > steps[i - 1].offsetNs);
        QCOMPARE(steps.front().offsetNs, 0);
        QVERIFY(findOccurrences(traces, QStringLiteral("nothing*")).empty());
    }

    void choosesSlowestAndTypicalBaselines()
    {
        const std::vector<TracePtr> traces{steppedTrace(12, 7)};
        QString error;
        const auto all = chooseOccurrences(traces, QStringLiteral("step#*"), {}, BaselineSelection::All, &error);
        QVERIFY2(all, qPrintable(error));
        QCOMPARE(all->target, std::size_t(7));
        QCOMPARE(all->baselines.size(), std::size_t(11));
        QCOMPARE(all->outliers, std::vector<std::size_t>{7});
        QVERIFY(all->outlierSentence().startsWith(QStringLiteral("1 of 12 step#* took > 2× the median")));

        // Typical baselines leave the outlier out — here it is the target, so only with another target.
        const auto typical = chooseOccurrences(traces, QStringLiteral("step#*"), {TargetOccurrence::By::Index, 2, 0},
                                               BaselineSelection::Typical, &error);
        QVERIFY(typical);
        QCOMPARE(typical->target, std::size_t(2));
        QCOMPARE(typical->baselines.size(), std::size_t(10));
        QVERIFY(std::find(typical->baselines.begin(), typical->baselines.end(), std::size_t(7)) == typical->baselines.end());

        // By time: 0.1 ms into the 5th step is that step.
        const auto byTime = chooseOccurrences(traces, QStringLiteral("step#*"),
                                              {TargetOccurrence::By::Time, 0, all->occurrences[4].offsetNs + 100'000},
                                              BaselineSelection::All, &error);
        QVERIFY(byTime);
        QCOMPARE(byTime->target, std::size_t(4));

        QVERIFY(!chooseOccurrences(traces, QStringLiteral("step#*"), {TargetOccurrence::By::Index, 12, 0}, BaselineSelection::All, &error));
        QVERIFY(error.contains(QStringLiteral("0 to 11")));
        QVERIFY(!chooseOccurrences(traces, QStringLiteral("step#3"), {}, BaselineSelection::All, &error));
        QVERIFY(error.contains(QStringLiteral("at least two")));
    }

    void parsesTargetAndBaselineOptions()
    {
        QVERIFY(parseTargetOccurrence(QStringLiteral("slowest"))->by == TargetOccurrence::By::Slowest);
        QCOMPARE(parseTargetOccurrence(QStringLiteral("37"))->index, 37);
        QCOMPARE(parseTargetOccurrence(QStringLiteral("1.5s"))->timeNs, 1'500'000'000);
        QCOMPARE(parseTargetOccurrence(QStringLiteral("850ms"))->timeNs, 850'000'000);
        QCOMPARE(parseTargetOccurrence(QStringLiteral("300us"))->timeNs, 300'000);
        QVERIFY(!parseTargetOccurrence(QStringLiteral("-1")));
        QVERIFY(!parseTargetOccurrence(QStringLiteral("soon")));
        QVERIFY(parseBaselineSelection(QStringLiteral("typical")) == BaselineSelection::Typical);
        QVERIFY(!parseBaselineSelection(QStringLiteral("some")));
    }

    void occurrenceTraceIsTheSubtreeFromItsStart()
    {
        const TracePtr trace = steppedTrace(12, 7);
        const std::vector<TracePtr> traces{trace};
        const std::vector<Occurrence> steps = findOccurrences(traces, QStringLiteral("step#*"));
        const TracePtr cut = occurrenceTrace(*trace, steps[7], 7);
        QCOMPARE(cut->spanCount(), 3);
        QCOMPARE(cut->startNs(0), 0);
        QCOMPARE(cut->durationNs(0), trace->durationNs(steps[7].span));
        QCOMPARE(cut->startNs(1), 100);
        QCOMPARE(cut->parent(2), 1);
        QCOMPARE(cut->strings().at(cut->lanes()[0].label), std::string("python / thread 1 (main)"));
        QCOMPARE(cut->format(), TraceFormat::Chrome);
        QVERIFY(QString::fromStdString(cut->traceId()).startsWith(QStringLiteral("step#7 #7 (at ")));
    }

    // occurrenceTrace slices the source's columns; the result must be the trace that building
    // the same spans from drafts gives, field by field (string ids aside: the slice shares
    // its source's strings).
    void slicedOccurrenceIsTheOneBuiltFromDrafts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("chromium frames") << chromiumFrames() << QStringLiteral("FireAnimationFrame");
        QTest::newRow("otel services") << QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/fixtures/otel-services/clock-skew.json.gz")
                                       << QString();
        QTest::newRow("hotrod") << test::sharedTracesDir() + QStringLiteral("/otlp/hotrod-nplus1-positive.json")
                                << QStringLiteral("*GetDriver*");
        QTest::newRow("clang") << test::sharedTracesDir() + QStringLiteral("/chrome/clang-ftime-trace-clang11-small.json")
                               << QString();
    }

    void slicedOccurrenceIsTheOneBuiltFromDrafts()
    {
        QFETCH(QString, file);
        QFETCH(QString, pattern);
        if (!QFileInfo::exists(file))
            QSKIP("../shared/traces is not available");
        const LoadResult loaded = loadTraceFile(file);
        QVERIFY(loaded.ok());
        const TracePtr trace = loaded.traces.front();
        if (pattern.isEmpty()) {
            const auto units = findRepeatedUnits(*trace, 2);
            QVERIFY(!units.empty());
            pattern = QString::fromStdString(units.front().name);
        }
        const std::vector<TracePtr> traces{trace};
        const std::vector<Occurrence> occurrences = findOccurrences(traces, pattern);
        QVERIFY2(occurrences.size() >= 2, qPrintable(pattern));
        for (std::size_t i = 0; i < occurrences.size(); ++i) {
            const TracePtr sliced = occurrenceTrace(*trace, occurrences[i], i);
            const TracePtr built = occurrenceTraceFromDrafts(*trace, occurrences[i], sliced->traceId());
            QVERIFY(sliced && built);
            QCOMPARE(&sliced->strings(), &trace->strings());
            QCOMPARE(everythingOf(*sliced), everythingOf(*built));
        }
    }

    void repeatedUnitsListIterationsAndFrequentNames()
    {
        const std::vector<RepeatedUnit> units = findRepeatedUnits(*steppedTrace(12, 7));
        const auto named = [&](const std::string& name) {
            return std::find_if(units.begin(), units.end(), [&](const RepeatedUnit& u) { return u.name == name; });
        };
        QVERIFY(named("step#*") != units.end());
        QCOMPARE(named("step#*")->count, 12);
        QCOMPARE(named("step#*")->spread.max, 10'000'000);
        QVERIFY(named("work") != units.end());
        QCOMPARE(named("work")->count, 12);
        // The unit with the slow step comes first: its slowest is furthest beyond its median.
        QCOMPARE(units.front().name, std::string("step#*"));
    }

    // The issue's "done when": 60 frames of a real Chromium recording, frame #37 forces 200 layouts.
    void chromiumFrameThatForcesLayoutsIsExplained()
    {
        const LoadResult loaded = loadTraceFile(chromiumFrames());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const Run r = run({QStringLiteral("compare"), chromiumFrames(), QStringLiteral("--repeated"), QStringLiteral("FireAnimationFrame"),
                           QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject doc = r.json();
        const QJsonObject repeated = doc[QStringLiteral("repeated")].toObject();
        QCOMPARE(repeated[QStringLiteral("name")].toString(), QStringLiteral("FireAnimationFrame"));
        QCOMPARE(repeated[QStringLiteral("occurrences")].toInt(), 60);
        QCOMPARE(repeated[QStringLiteral("baseline_count")].toInt(), 59);
        QCOMPARE(doc[QStringLiteral("baseline")].toArray().size(), 59);
        // The target is the frame holding the forced layouts, counted on the model directly.
        const qint64 start = repeated[QStringLiteral("target_start_ns")].toInteger();
        QVERIFY(spansInside(*loaded.traces.front(), "FireAnimationFrame", start, "Layout") >= 150);
        QVERIFY(repeated[QStringLiteral("target_duration_ns")].toInteger() > 10 * repeated[QStringLiteral("baseline_median_ns")].toInteger());
        const QJsonArray outliers = repeated[QStringLiteral("outliers")].toArray();
        QVERIFY(std::any_of(outliers.begin(), outliers.end(), [&](const QJsonValue& o) {
            return o[QStringLiteral("index")].toInt() == repeated[QStringLiteral("target_index")].toInt();
        }));
        const QJsonArray candidates = doc[QStringLiteral("candidates")].toArray();
        QVERIFY(!candidates.isEmpty());
        QCOMPARE(candidates[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("Layout"));
        QCOMPARE(doc[QStringLiteral("verdict")].toString(), QStringLiteral("slower"));

        // The same frame by its index and by its time; typical baselines leave outliers out.
        const QString index = QString::number(repeated[QStringLiteral("target_index")].toInt());
        const Run byIndex = run({QStringLiteral("compare"), chromiumFrames(), QStringLiteral("--repeated"), QStringLiteral("FireAnim*"),
                                 QStringLiteral("--target-occurrence"), index, QStringLiteral("--baselines"), QStringLiteral("typical"),
                                 QStringLiteral("--json")});
        QCOMPARE(byIndex.exitCode, 0);
        const QJsonObject typical = byIndex.json()[QStringLiteral("repeated")].toObject();
        QCOMPARE(typical[QStringLiteral("target_start_ns")].toInteger(), start);
        QCOMPARE(typical[QStringLiteral("baselines")].toString(), QStringLiteral("typical"));
        QCOMPARE(typical[QStringLiteral("baseline_count")].toInt(), 60 - static_cast<int>(outliers.size()));
        const Run byTime = run({QStringLiteral("compare"), chromiumFrames(), QStringLiteral("--repeated"), QStringLiteral("FireAnimationFrame"),
                                QStringLiteral("--target-occurrence"), QStringLiteral("%1us").arg((start + 1000) / 1000), QStringLiteral("--json")});
        QCOMPARE(byTime.json()[QStringLiteral("repeated")].toObject()[QStringLiteral("target_index")].toInt(), index.toInt());
    }

    void chromiumFramesInSummaryStatsAndText()
    {
        const Run summary = run({QStringLiteral("summary"), chromiumFrames(), QStringLiteral("--json")});
        QCOMPARE(summary.exitCode, 0);
        const QJsonArray units = summary.json()[QStringLiteral("traces")].toArray()[0].toObject()[QStringLiteral("repeated_units")].toArray();
        const auto frames = std::find_if(units.begin(), units.end(), [](const QJsonValue& u) {
            return u[QStringLiteral("name")].toString() == QLatin1String("FireAnimationFrame");
        });
        QVERIFY(frames != units.end());
        QCOMPARE((*frames)[QStringLiteral("count")].toInt(), 60);
        QVERIFY((*frames)[QStringLiteral("max_ns")].toInteger() > (*frames)[QStringLiteral("p90_ns")].toInteger());

        const Run stats = run({QStringLiteral("stats"), chromiumFrames(), QStringLiteral("--repeated"), QStringLiteral("FireAnimationFrame"),
                               QStringLiteral("--json")});
        QVERIFY2(stats.exitCode == 0, stats.err.constData());
        QCOMPARE(stats.json()[QStringLiteral("repeated")].toObject()[QStringLiteral("occurrences")].toInt(), 60);
        QCOMPARE(stats.json()[QStringLiteral("traces")].toArray().size(), 60);

        const Run text = run({QStringLiteral("compare"), chromiumFrames(), QStringLiteral("--repeated"), QStringLiteral("FireAnimationFrame")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("of 60 FireAnimationFrame took > 2× the median of"));
        QVERIFY(text.out.contains("baselines: all 59 others"));
    }

    void badRepeatedOptionsAreRefusedClearly()
    {
        const Run none = run({QStringLiteral("compare"), chromiumFrames(), QStringLiteral("--repeated"), QStringLiteral("NoSuchSpan")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains("\"NoSuchSpan\" occurs 0 time(s)"));
        const Run index = run({QStringLiteral("compare"), chromiumFrames(), QStringLiteral("--repeated"), QStringLiteral("FireAnimationFrame"),
                               QStringLiteral("--target-occurrence"), QStringLiteral("60")});
        QCOMPARE(index.exitCode, 2);
        QVERIFY(index.err.contains("0 to 59"));
        const Run baselines = run({QStringLiteral("compare"), chromiumFrames(), QStringLiteral("--repeated"), QStringLiteral("FireAnimationFrame"),
                                   QStringLiteral("--baselines"), QStringLiteral("some")});
        QCOMPARE(baselines.exitCode, 2);
        QVERIFY(baselines.err.contains("--baselines must be all or typical"));
        // --target names a file: with --repeated it would have been ignored.
        const Run target = run({QStringLiteral("compare"), chromiumFrames(), QStringLiteral("--repeated"), QStringLiteral("FireAnimationFrame"),
                                QStringLiteral("--target"), chromiumFrames()});
        QCOMPARE(target.exitCode, 2);
        QVERIFY2(target.err.contains("--target-occurrence, not --target"), target.err.constData());
    }

    // A PyTorch profile's training steps (ProfilerStep#N): the slowest step against the others.
    void kinetoProfilerSteps()
    {
        const QString file = test::sharedTracesDir() + QStringLiteral("/chrome/kineto-trace_diff-control.json.gz");
        if (!QFileInfo::exists(file))
            QSKIP("../shared/traces is not available");
        const Run r = run({QStringLiteral("compare"), file, QStringLiteral("--repeated"), QStringLiteral("ProfilerStep#*"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject doc = r.json();
        const QJsonObject repeated = doc[QStringLiteral("repeated")].toObject();
        QCOMPARE(repeated[QStringLiteral("occurrences")].toInt(), 6);
        QCOMPARE(repeated[QStringLiteral("baseline_count")].toInt(), 5);
        // The slowest step is the last one, ProfilerStep#1014 (81 ms against 75–78 ms).
        QCOMPARE(repeated[QStringLiteral("target_index")].toInt(), 5);
        QVERIFY(doc[QStringLiteral("target")].toObject()[QStringLiteral("trace_id")].toString().startsWith(QStringLiteral("ProfilerStep#1014 #5")));
        const QJsonArray candidates = doc[QStringLiteral("candidates")].toArray();
        QVERIFY(!candidates.isEmpty());
        const QJsonObject top = candidates[0].toObject();
        QVERIFY(top[QStringLiteral("delta_ns")].toInteger() > 0);
        QVERIFY(top[QStringLiteral("target_total_ns")].toInteger() <= repeated[QStringLiteral("target_duration_ns")].toInteger());
        // The extra step time is in the backward pass's own time.
        QCOMPARE(top[QStringLiteral("name")].toString(), QStringLiteral("## backward ##"));
    }

    // HotROD's N+1: 13 serial GetDriver calls of one request; the slowest call against the others.
    void hotrodRepeatedCalls()
    {
        const QString file = test::sharedTracesDir() + QStringLiteral("/otlp/hotrod-nplus1-positive.json");
        if (!QFileInfo::exists(file))
            QSKIP("../shared/traces is not available");
        const Run r = run({QStringLiteral("compare"), file, QStringLiteral("--repeated"), QStringLiteral("*GetDriver*"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject doc = r.json();
        const QJsonObject repeated = doc[QStringLiteral("repeated")].toObject();
        QCOMPARE(repeated[QStringLiteral("occurrences")].toInt(), 13);
        QCOMPARE(repeated[QStringLiteral("baseline_count")].toInt(), 12);
        // The target is the longest GetDriver call, measured on the model directly.
        const LoadResult loaded = loadTraceFile(file);
        QVERIFY(loaded.ok());
        std::int64_t longest = 0;
        const Trace& trace = *loaded.traces.front();
        for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
            if (trace.nameText(s) == "GetDriver")
                longest = std::max(longest, trace.durationNs(s));
        }
        QCOMPARE(repeated[QStringLiteral("target_duration_ns")].toInteger(), longest);
        const QJsonArray candidates = doc[QStringLiteral("candidates")].toArray();
        QVERIFY(!candidates.isEmpty());
        QCOMPARE(candidates[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("GetDriver"));
    }
};

QTEST_GUILESS_MAIN(TestRepeated)
#include "tst_repeated.moc"
