// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/compare/comparison.h"
#include "core/compare/namenormalisation.h"
#include "core/compare/relatedness.h"
#include "core/model/tracebuilder.h"
#include "testsupport.h"

#include <nlohmann/json.hpp>

using namespace tracedelta;

namespace {

using test::makeTrace;
using test::SpanSpec;

QString candidateName(const Comparison& c, std::size_t rank)
{
    return QString::fromStdString(c.alignment().node(c.candidates().at(rank).node).name);
}

int rankOf(const Comparison& c, const char* name)
{
    for (std::size_t i = 0; i < c.candidates().size(); ++i) {
        if (candidateName(c, i) == QLatin1String(name))
            return static_cast<int>(i);
    }
    return -1;
}

// A request whose leaf `b` takes leafMs; parents stretch with it.
TracePtr leafTrace(const char* id, double leafMs)
{
    return makeTrace(id, {{"r", nullptr, "api", "GET /orders", 0, 20 + leafMs},
                          {"a", "r", "api", "load-orders", 5, 10 + leafMs},
                          {"b", "a", "db", "SELECT orders", 10, leafMs},
                          {"c", "r", "api", "render", 16 + leafMs, 3}});
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The whole 10 ms faster, taken half a millisecond off each of twenty different operations
    // (each inside its own spread), while a cache call grew 3 ms: the list holds only that growth, and a
    // note says it does not explain the change. Where some span does (every other test
    // here, and the real recordings of tst_otelservices), there is no note.
    void nothingInTheDirectionOfTheWholeIsSaid()
    {
        const auto run = [](const char* id, std::initializer_list<double> pattern, double cacheMs) {
            std::vector<std::string> ids;
            std::vector<std::string> names;
            ids.reserve(20);
            names.reserve(20);
            std::vector<test::SpanSpec> spans;
            double at = 0;
            const std::vector<double> lengths(pattern);
            for (int i = 0; i < 20; ++i) {
                ids.push_back("c" + std::to_string(i));
                names.push_back(std::string("step ") + static_cast<char>('a' + i));
                const double ms = lengths[static_cast<std::size_t>(i) % lengths.size()];
                spans.push_back({ids.back().c_str(), "r", "api", names.back().c_str(), at, ms});
                at += ms;
            }
            spans.push_back({"k", "r", "api", "cache get", at, cacheMs});
            at += cacheMs;
            spans.insert(spans.begin(), {"r", nullptr, "api", "GET /x", 0, at});
            return test::makeTrace(id, spans);
        };
        const std::vector<TracePtr> baselines{run("a", {9.5, 10.5}, 2), run("b", {10.5, 9.5}, 2), run("c", {10.0}, 2)};
        const Comparison c(baselines, run("t", {9.5}, 5));
        QCOMPARE(c.verdict(), Verdict::Faster);
        QVERIFY(!c.candidates().empty());
        for (const Candidate& candidate : c.candidates())
            QVERIFY2(candidate.deltaNs > 0, qPrintable(c.verdictSentence()));
        QVERIFY2(c.notes().join(QLatin1Char('\n')).contains(QStringLiteral("No span changed in the direction of the whole")),
                 qPrintable(c.notes().join(QLatin1Char('\n'))));
        // The same with the cache as before: its growth gone, nothing to list, no note.
        const Comparison quiet(baselines, run("q", {9.5}, 2));
        QCOMPARE(quiet.verdict(), Verdict::Faster);
        QVERIFY(!quiet.notes().join(QLatin1Char('\n')).contains(QStringLiteral("No span changed in the direction")));
    }

    // A service in the middle of the call chain reported nothing: its callee's span names
    // a parent the trace lacks. It sits where the baselines have it, so the gap is one
    // finding's worth of notes and no "missing" plus "new" for the same work; the request
    // is still the true root, not the orphan.
    void middleServiceMissingLeavesOneGap()
    {
        const std::vector<test::SpanSpec> full{{"1", nullptr, "frontend", "GET /page", 0, 100},
                                               {"2", "1", "frontend", "HTTP GET /reviews", 10, 60},
                                               {"3", "2", "reviews", "GET /reviews", 11, 58},
                                               {"4", "3", "reviews", "HTTP GET /ratings", 20, 40},
                                               {"5", "4", "ratings", "GET /ratings", 21, 38}};
        std::vector<test::SpanSpec> dropped;
        for (const test::SpanSpec& spec : full) {
            if (std::string_view(spec.service) != "reviews")
                dropped.push_back(spec);
        }
        const TracePtr baseline = test::makeTrace("b", full);
        const TracePtr target = test::makeTrace("t", dropped);
        QCOMPARE(target->orphanRoots().size(), std::size_t(1));
        const Comparison c({baseline}, target);
        QCOMPARE(c.target().nameText(c.requestSpan(1).span), std::string("GET /page"));
        QCOMPARE(c.requestSpan(1).basis, RequestBasis::OnlyRoot);
        const SpanIndex ratings = target->orphanRoots().front();
        QCOMPARE(c.alignment().nodeOf(1, ratings), c.alignment().nodeOf(0, 4)); // the baseline's GET /ratings
        QCOMPARE(c.incomplete().size(), std::size_t(1));
        QCOMPARE(c.incomplete().front().service, std::string("reviews"));
        QCOMPARE(c.incomplete().front().baselineSpans, 2);
        for (const Candidate& candidate : c.candidates())
            QVERIFY2(candidate.kind != CandidateKind::Added && candidate.kind != CandidateKind::Removed, qPrintable(candidate.reason));
        QVERIFY(c.verdict() != Verdict::Different);
    }

    // Ports and loopback hosts of URLs are run-specific; paths, other hosts and schemes are not.
    void urlsNormaliseTheirPortAndLoopbackHost()
    {
        QCOMPARE(normalisedName("http://127.0.0.1:42997/app.js"), normalisedName("http://localhost:34143/app.js"));
        QCOMPARE(normalisedName("http://127.0.0.1:42997/app.js"), std::string("http://{loopback}:{port}/app.js"));
        QCOMPARE(normalisedName("https://api.example.com:8443/v1"), std::string("https://api.example.com:{port}/v1"));
        QVERIFY(normalisedName("http://127.0.0.1:1/a.js") != normalisedName("http://127.0.0.1:1/b.js"));
        QVERIFY(normalisedName("http://example.com/") != normalisedName("http://example.org/"));
        QCOMPARE(normalisedName("std::map<int, int>"), std::string("std::map<int, int>")); // no URL, untouched
    }

    // Ten numbered stages in every run: each keeps its node, so the slow one is named, and a
    // stage new in the target is added, not merged into the others.
    void numberedNamesInEveryRunKeepTheirNodes()
    {
        const auto run = [](const char* id, double slowStage, bool extraStage) {
            std::vector<test::SpanSpec> spans{{"root", nullptr, "job", "pipeline", 0, 200}};
            static std::vector<std::string> names, ids;
            names.clear();
            ids.clear();
            names.reserve(11);
            ids.reserve(11);
            for (int i = 0; i < (extraStage ? 11 : 10); ++i) {
                names.push_back("layer_" + std::to_string(i));
                ids.push_back("s" + std::to_string(i));
            }
            double at = 0;
            for (std::size_t i = 0; i < names.size(); ++i) {
                const double duration = static_cast<int>(i) == 3 ? slowStage : 10;
                spans.push_back({ids[i].c_str(), "root", "job", names[i].c_str(), at, duration});
                at += duration;
            }
            spans[0].durationMs = at;
            return test::makeTrace(id, spans);
        };
        std::vector<TracePtr> baselines{run("b1", 10, false), run("b2", 10.2, false), run("b3", 9.8, false), run("b4", 10.1, false)};
        const Comparison slow(baselines, run("t", 50, false));
        QVERIFY(!slow.candidates().empty());
        QCOMPARE(slow.alignment().node(slow.candidates().front().node).name, std::string("layer_3"));
        QCOMPARE(slow.alignment().normalisedNameCount(), 0);
        const Comparison added(baselines, run("t2", 10, true));
        QVERIFY(!added.candidates().empty());
        QCOMPARE(added.alignment().node(added.candidates().front().node).name, std::string("layer_10"));
        QCOMPARE(added.candidates().front().kind, CandidateKind::Added);
        // Names found in only one run each still pair by their normalised form, one to one.
        const Comparison renumbered({test::makeTrace("a", {{"r", nullptr, "job", "ProfilerStep#551", 0, 10}})},
                                    test::makeTrace("b", {{"r", nullptr, "job", "ProfilerStep#1009", 0, 10}}));
        QCOMPARE(renumbered.alignment().nodeOf(0, 0), renumbered.alignment().nodeOf(1, 0));
        QCOMPARE(renumbered.alignment().normalisedNameCount(), 2);
    }

    // Chrome lanes carry OS thread ids that change from run to run, and a rank may use other
    // stream numbers: lanes pair by role and by the work on them.
    void chromeLanesAlignAcrossRunsByRoleAndContent()
    {
        struct LaneWork
        {
            const char* lane;
            const char* kernel;
        };
        const auto chromeTrace = [](const char* id, const char* mainThread, std::vector<LaneWork> streams, double stepMs) {
            TraceBuilder builder(TraceFormat::Chrome, QStringLiteral("%1.json").arg(QLatin1String(id)), id);
            const std::int32_t main = builder.addLane(mainThread);
            SpanDraft step;
            step.name = builder.intern("ProfilerStep");
            step.durationNs = static_cast<std::int64_t>(stepMs * 1e6);
            step.lane = main;
            builder.addSpan(step);
            for (const LaneWork& work : streams) {
                SpanDraft kernel;
                kernel.name = builder.intern(work.kernel);
                kernel.startNs = 1'000'000;
                kernel.durationNs = 2'000'000;
                kernel.lane = builder.addLane(work.lane);
                builder.addSpan(kernel);
            }
            return builder.build();
        };
        const TracePtr before = chromeTrace("before", "python3.8 / thread 3113936 (python3.8)",
                                            {{"python3.8 / stream 7", "gemm"}, {"python3.8 / stream 20", "ncclAllReduce"}}, 10);
        const TracePtr after = chromeTrace("after", "python3.8 / thread 2568503 (python3.8)",
                                           {{"python3.8 / stream 15", "ncclAllReduce"}, {"python3.8 / stream 7", "gemm"}}, 30);
        const Comparison c({before}, after);
        const NodeIndex step = c.alignment().nodeOf(1, 0);
        QCOMPARE(c.alignment().nodeOf(0, 0), step);
        QCOMPARE(c.metrics(step).change, NodeChange::Slower);
        // gemm on stream 7 in both; the collective moved from stream 20 to stream 15 and still aligns.
        QCOMPARE(c.alignment().nodeOf(0, 1), c.alignment().nodeOf(1, 2));
        QCOMPARE(c.alignment().nodeOf(0, 2), c.alignment().nodeOf(1, 1));
        QCOMPARE(QString::fromStdString(c.alignment().node(c.alignment().nodeOf(0, 2)).service), QStringLiteral("python3.8 / stream 15"));
        QVERIFY(c.notes().join(QLatin1Char(' ')).contains(QStringLiteral("python3.8 / stream 20 of before.json ↔ python3.8 / stream 15")));
        // Exact names: the renumbered stream no longer pairs.
        ComparisonSettings exact;
        exact.exactNames = true;
        const Comparison strict({before}, after, exact);
        QVERIFY(strict.alignment().nodeOf(0, 2) != strict.alignment().nodeOf(1, 1));
    }

    // A profiler's slice around the whole capture restates the total; the slice that grew ranks first.
    void captureEnvelopeSliceRanksLast()
    {
        const auto chromeTrace = [](const char* id, double workMs) {
            TraceBuilder builder(TraceFormat::Chrome, QStringLiteral("%1.json").arg(QLatin1String(id)), id);
            const std::int32_t envelope = builder.addLane("Process Spans / PyTorch Profiler");
            const std::int32_t main = builder.addLane("python3.8 / thread 1234567 (python3.8)");
            SpanDraft capture;
            capture.name = builder.intern("PyTorch Profiler (0)");
            capture.durationNs = static_cast<std::int64_t>((workMs + 2) * 1e6);
            capture.lane = envelope;
            builder.addSpan(capture);
            SpanDraft work;
            work.name = builder.intern("train_step");
            work.startNs = 1'000'000;
            work.durationNs = static_cast<std::int64_t>(workMs * 1e6);
            work.lane = main;
            const SpanIndex step = builder.addSpan(work);
            SpanDraft forward;
            forward.name = builder.intern("forward");
            forward.startNs = 2'000'000;
            forward.durationNs = 10'000'000;
            forward.lane = main;
            forward.parentDraft = step;
            builder.addSpan(forward);
            return builder.build();
        };
        const Comparison c({chromeTrace("before", 100)}, chromeTrace("after", 300));
        QVERIFY(c.candidates().size() >= 2);
        QCOMPARE(candidateName(c, 0), QStringLiteral("train_step"));
        QCOMPARE(candidateName(c, c.candidates().size() - 1), QStringLiteral("PyTorch Profiler (0)"));
    }

    void inferenceSpikeAgainstOneBaseline()
    {
        const Comparison c({test::loadSingle(test::sampleFile("inference-normal-1.json"))},
                           test::loadSingle(test::sampleFile("inference-spike.json")));
        QCOMPARE(c.verdict(), Verdict::Slower);
        QVERIFY(!c.candidates().empty());
        QCOMPARE(candidateName(c, 0), QStringLiteral("preprocess-request"));
        QCOMPARE(c.candidates()[0].kind, CandidateKind::SelfTime);
        QVERIFY(c.metrics(c.candidates()[0].node).onCriticalPath);
        QVERIFY2(c.candidates()[0].reason.contains(QStringLiteral("775 ms not covered by any child span (40.4 ms in the baseline")),
                 qPrintable(c.candidates()[0].reason));
    }

    void inferenceSpikeAgainstFourBaselines()
    {
        std::vector<TracePtr> baselines;
        for (const char* name : {"inference-normal-1.json", "inference-normal-2.json", "inference-normal-3.json",
                                 "inference-normal-4.json"})
            baselines.push_back(test::loadSingle(test::sampleFile(name)));
        const Comparison c(baselines, test::loadSingle(test::sampleFile("inference-spike.json")));
        QCOMPARE(c.verdict(), Verdict::Slower);
        QCOMPARE(candidateName(c, 0), QStringLiteral("preprocess-request"));
        QVERIFY(c.candidates()[0].reason.contains(QStringLiteral("median in 4 baseline traces")));
        const NodeMetrics& m = c.metrics(c.candidates()[0].node);
        QCOMPARE(m.selfNs.size(), std::size_t(5)); // four baselines and the target
        QVERIFY(m.baselineSelf.min <= m.baselineSelf.median && m.baselineSelf.median <= m.baselineSelf.max);
        QVERIFY(m.robustDeviation > 10);
        // The inference call varies within its normal spread: not a finding.
        QCOMPARE(rankOf(c, "inference-service-post"), -1);
        QCOMPARE(rankOf(c, "run-inference"), -1);
    }

    void identicalTracesSayIdentical()
    {
        const TracePtr spike = test::loadSingle(test::sampleFile("inference-spike.json"));
        const TracePtr again = test::loadSingle(test::sampleFile("inference-spike.json"));
        const Comparison c({spike}, again);
        QCOMPARE(c.verdict(), Verdict::Identical);
        QVERIFY(c.candidates().empty());
        QVERIFY(c.notes().join(QLatin1Char(' ')).contains(QStringLiteral("identical")));
        QVERIFY(c.notes().join(QLatin1Char(' ')).contains(QStringLiteral("loaded twice")));
    }

    void slowerLeafOutranksItsParents()
    {
        const Comparison c({leafTrace("base", 20)}, leafTrace("slow", 80));
        QCOMPARE(c.verdict(), Verdict::Slower);
        QCOMPARE(candidateName(c, 0), QStringLiteral("SELECT orders"));
        QCOMPARE(c.candidates()[0].kind, CandidateKind::SelfTime);
        QCOMPARE(c.candidates()[0].deltaNs, std::int64_t(60'000'000));
        QCOMPARE(rankOf(c, "load-orders"), -1);
        QCOMPARE(rankOf(c, "GET /orders"), -1);
        QCOMPARE(c.metrics(c.candidates()[0].node).change, NodeChange::Slower);
    }

    void addedSubtreeReportedAtItsTop()
    {
        const TracePtr base = makeTrace("b", {{"r", nullptr, "api", "GET /", 0, 50}, {"a", "r", "api", "work", 5, 40}});
        const TracePtr target = makeTrace("t", {{"r", nullptr, "api", "GET /", 0, 90},
                                                {"a", "r", "api", "work", 5, 40},
                                                {"n", "r", "api", "audit-log", 46, 40},
                                                {"m", "n", "kafka", "produce", 50, 30}});
        const Comparison c({base}, target);
        QCOMPARE(candidateName(c, 0), QStringLiteral("audit-log"));
        QCOMPARE(c.candidates()[0].kind, CandidateKind::Added);
        QCOMPARE(rankOf(c, "produce"), -1);
        QCOMPARE(c.metrics(c.alignment().nodeOf(1, 3)).change, NodeChange::Added);
    }

    void removedSubtree()
    {
        const TracePtr base = makeTrace("b", {{"r", nullptr, "api", "GET /", 0, 90},
                                              {"a", "r", "api", "work", 5, 40},
                                              {"n", "r", "cache", "warm-cache", 46, 40},
                                              {"m", "n", "redis", "MGET", 50, 30}});
        const TracePtr target = makeTrace("t", {{"r", nullptr, "api", "GET /", 0, 50}, {"a", "r", "api", "work", 5, 40}});
        const Comparison c({base}, target);
        QCOMPARE(c.verdict(), Verdict::Faster);
        QCOMPARE(candidateName(c, 0), QStringLiteral("warm-cache"));
        QCOMPARE(c.candidates()[0].kind, CandidateKind::Removed);
        QCOMPARE(rankOf(c, "MGET"), -1);
        QVERIFY(c.candidates()[0].reason.contains(QStringLiteral("missing from the target")));
    }

    void nPlusOneCountChange()
    {
        std::vector<SpanSpec> base{{"r", nullptr, "api", "GET /drivers", 0, 40}};
        std::vector<SpanSpec> target{{"r", nullptr, "api", "GET /drivers", 0, 310}};
        static const char* ids[] = {"q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "q13", "q14",
                                    "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22", "q23", "q24", "q25", "q26", "q27", "q28", "q29"};
        for (int i = 0; i < 3; ++i)
            base.push_back({ids[i], "r", "redis", "GetDriver", 5 + 10.0 * i, 10});
        for (int i = 0; i < 30; ++i)
            target.push_back({ids[i], "r", "redis", "GetDriver", 5 + 10.0 * i, 10});
        const Comparison c({makeTrace("b", base)}, makeTrace("t", target));
        QCOMPARE(candidateName(c, 0), QStringLiteral("GetDriver"));
        QCOMPARE(c.candidates()[0].kind, CandidateKind::CountChanged);
        const NodeMetrics& m = c.metrics(c.candidates()[0].node);
        QCOMPARE(m.count[0], 3);
        QCOMPARE(m.count[1], 30);
        QVERIFY(c.candidates()[0].reason.contains(QStringLiteral("30 call(s) vs 3")));
    }

    // Many baselines with the target's trace id make one note, not one each.
    void sharedTraceIdIsOneNote()
    {
        const TracePtr target = leafTrace("same", 40);
        std::vector<TracePtr> baselines;
        for (int i = 0; i < 5; ++i)
            baselines.push_back(leafTrace("same", 10 + i));
        const Comparison c(baselines, target);
        const QString notes = c.notes().join(QLatin1Char('\n'));
        QCOMPARE(notes.count(QStringLiteral("trace id")), 1);
        QVERIFY2(notes.contains(QStringLiteral("5 baselines share the target's trace id (same)")), qPrintable(notes));
        QCOMPARE(candidateName(c, 0), QStringLiteral("SELECT orders"));
    }

    void reorderedSiblingsAlign()
    {
        const TracePtr base = makeTrace("b", {{"r", nullptr, "api", "GET /", 0, 50},
                                              {"x", "r", "api", "fetch-user", 5, 20},
                                              {"y", "r", "api", "fetch-cart", 26, 20}});
        const TracePtr target = makeTrace("t", {{"r", nullptr, "api", "GET /", 0, 50},
                                                {"y", "r", "api", "fetch-cart", 5, 20},
                                                {"x", "r", "api", "fetch-user", 26, 20}});
        const Comparison c({base}, target);
        QCOMPARE(c.alignment().nodes().size(), std::size_t(4)); // root + 3 aligned spans, nothing added or removed
        QVERIFY(c.candidates().empty());
        // Same structure, same durations, another order inside the parent's slack: about the same.
        QCOMPARE(c.verdict(), Verdict::Similar);
        QVERIFY(c.verdictSentence().startsWith(QLatin1String("About the same")));
    }

    void targetInsideNormalSpreadIsNoFinding()
    {
        const Comparison c({leafTrace("b1", 10), leafTrace("b2", 30), leafTrace("b3", 50)}, leafTrace("t", 40));
        QVERIFY2(c.candidates().empty(), c.candidates().empty() ? "" : qPrintable(c.candidates()[0].reason));
        const Comparison outside({leafTrace("b1", 10), leafTrace("b2", 30), leafTrace("b3", 50)}, leafTrace("t", 90));
        QCOMPARE(candidateName(outside, 0), QStringLiteral("SELECT orders"));
    }

    void singleTraceReportsDisproportionateSelfTime()
    {
        const Comparison c({}, test::loadSingle(test::sampleFile("inference-spike.json")));
        QVERIFY(!c.candidates().empty());
        QCOMPARE(candidateName(c, 0), QStringLiteral("preprocess-request"));
        QVERIFY2(c.candidates()[0].reason.contains(QStringLiteral("self time 775 ms of 1.21 s (64 %)")),
                 qPrintable(c.candidates()[0].reason));
    }

    void criticalPathFollowsLastFinishingChild()
    {
        const TracePtr trace = makeTrace("cp", {{"r", nullptr, "api", "root", 0, 100},
                                                {"p1", "r", "api", "parallel-fast", 10, 30},
                                                {"p2", "r", "api", "parallel-slow", 10, 80},
                                                {"s", "p2", "db", "query", 20, 50}});
        const Comparison c({}, trace);
        const auto onPath = [&](SpanIndex s) { return c.metrics(c.alignment().nodeOf(0, s)).onCriticalPath; };
        for (SpanIndex s = 0; s < trace->spanCount(); ++s) {
            const bool expected = trace->nameText(s) != "parallel-fast";
            QCOMPARE(onPath(s), expected);
        }
    }

    // A PyTorch profile against a Zipkin trace, a Jaeger trace against a Zipkin one: nothing in
    // common, so the verdict says so and no causes are ranked.
    void unrelatedTracesAreNotRanked_data()
    {
        QTest::addColumn<QString>("baseline");
        QTest::addColumn<QString>("target");
        QTest::newRow("profile vs zipkin") << "chrome/kineto-cupti-profiler.json.gz" << "zipkin/yelp.json";
        QTest::newRow("jaeger vs zipkin") << "jaeger/stats-normal.json" << "zipkin/netflix.json";
        QTest::newRow("two zipkin services") << "zipkin/yelp.json" << "zipkin/netflix.json";
    }

    void unrelatedTracesAreNotRanked()
    {
        QFETCH(QString, baseline);
        QFETCH(QString, target);
        const QString dir = test::sharedTracesDir() + QLatin1Char('/');
        if (!QFile::exists(dir + baseline))
            QSKIP("../shared/traces is not available");
        const TracePtr b = test::loadSingle(dir + baseline);
        const TracePtr t = test::loadSingle(dir + target);
        QVERIFY(b && t);
        const Comparison comparison({b}, t);
        QCOMPARE(comparison.verdict(), Verdict::Unrelated);
        QVERIFY(comparison.candidates().empty());
        QVERIFY(comparison.verdictSentence().startsWith(QLatin1String("Unrelated")));
        QVERIFY(!comparison.notes().isEmpty());
        const QString note = comparison.notes().front();
        QVERIFY2(note.contains(QFileInfo(target).fileName()) && note.contains(QFileInfo(baseline).fileName()), qPrintable(note));
        QVERIFY2(note.contains(QLatin1String("share no root operation")), qPrintable(note));
    }

    // Related runs stay related: the samples, the kineto before/after pair, and a set where one
    // baseline of three is from another request (named in a note, the rest still compared).
    void relatedRunsAreStillCompared()
    {
        const TracePtr spike = test::loadSingle(test::sampleFile("inference-spike.json"));
        const TracePtr normal = test::loadSingle(test::sampleFile("inference-normal-1.json"));
        QCOMPARE(Comparison({normal}, spike).verdict(), Verdict::Slower);
        const QString dir = test::sharedTracesDir() + QLatin1Char('/');
        if (!QFile::exists(dir + QLatin1String("zipkin/netflix.json")))
            QSKIP("../shared/traces is not available");
        const TracePtr stranger = test::loadSingle(dir + QLatin1String("zipkin/netflix.json"));
        const Comparison mixed({normal, stranger, test::loadSingle(test::sampleFile("inference-normal-2.json"))}, spike);
        QCOMPARE(mixed.verdict(), Verdict::Slower);
        QVERIFY(!mixed.candidates().empty());
        QVERIFY(mixed.notes().join(QLatin1Char(' ')).contains(QLatin1String("1 baseline(s) share no root operation and few operations")));
        const QString control = dir + QLatin1String("chrome/kineto-trace_diff-control.json.gz");
        const QString test = dir + QLatin1String("chrome/kineto-trace_diff-test.json.gz");
        QVERIFY(relatedness(*test::loadSingle(control), *test::loadSingle(test)).sharedRoot
                || !relatedness(*test::loadSingle(control), *test::loadSingle(test)).unrelated());
    }

    // Real files, modified in the test: the modified span must rank first.
    void realTraceWithOneSpanStretched()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/jaeger/stats-spans-among-each-other.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        nlohmann::json doc = nlohmann::json::parse(file.readAll().toStdString());
        // Stretch the "GET /owners" span d944 by 5 ms: later spans shift, ancestors grow.
        const std::string victim = "d944";
        const std::int64_t extra = 5000;
        std::int64_t victimEnd = 0;
        std::map<std::string, std::string> parentOf;
        for (auto& span : doc["spans"]) {
            const std::string id = span["spanID"];
            if (!span["references"].empty())
                parentOf[id] = span["references"][0]["spanID"];
            if (id.size() >= 4 && id.substr(id.size() - 4) == victim)
                victimEnd = span["startTime"].get<std::int64_t>() + span["duration"].get<std::int64_t>();
        }
        std::string victimId;
        for (auto& span : doc["spans"]) {
            const std::string id = span["spanID"];
            if (id.substr(id.size() - 4) == victim) {
                victimId = id;
                span["duration"] = span["duration"].get<std::int64_t>() + extra;
            } else if (span["startTime"].get<std::int64_t>() >= victimEnd) {
                span["startTime"] = span["startTime"].get<std::int64_t>() + extra;
            }
        }
        for (std::string at = parentOf[victimId]; !at.empty(); at = parentOf.count(at) ? parentOf[at] : std::string()) {
            for (auto& span : doc["spans"]) {
                if (span["spanID"] == at)
                    span["duration"] = span["duration"].get<std::int64_t>() + extra;
            }
        }
        QTemporaryDir dir;
        const QString modified = test::writeFile(dir, QStringLiteral("stretched.json"), QByteArray::fromStdString(doc.dump()));
        const Comparison c({test::loadSingle(path)}, test::loadSingle(modified));
        QCOMPARE(c.verdict(), Verdict::Slower);
        QVERIFY(!c.candidates().empty());
        const AlignedNode& top = c.alignment().node(c.candidates()[0].node);
        QCOMPARE(c.target().spanIdText(top.spans[1].front()), victimId);
        QCOMPARE(c.candidates()[0].deltaNs, extra * 1000);
    }

    void realTraceWithOneSpanAdded()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/zipkin/yelp.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        nlohmann::json doc = nlohmann::json::parse(file.readAll().toStdString());
        // A new 30 ms call under the root span, with the root stretched to hold it.
        nlohmann::json* root = nullptr;
        for (auto& span : doc) {
            if (!span.contains("parentId"))
                root = &span;
        }
        QVERIFY(root);
        const std::int64_t rootEnd = (*root)["timestamp"].get<std::int64_t>() + (*root)["duration"].get<std::int64_t>();
        (*root)["duration"] = (*root)["duration"].get<std::int64_t>() + 30000;
        nlohmann::json added = {{"traceId", (*root)["traceId"]}, {"id", "00000000000feed1"}, {"parentId", (*root)["id"]},
                                {"name", "fraud-check"}, {"timestamp", rootEnd}, {"duration", 30000},
                                {"localEndpoint", {{"serviceName", "fraud"}}}};
        doc.push_back(added);
        QTemporaryDir dir;
        const QString modified = test::writeFile(dir, QStringLiteral("added.json"), QByteArray::fromStdString(doc.dump()));
        const Comparison c({test::loadSingle(path)}, test::loadSingle(modified));
        QCOMPARE(candidateName(c, 0), QStringLiteral("fraud-check"));
        QCOMPARE(c.candidates()[0].kind, CandidateKind::Added);
    }
};

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
