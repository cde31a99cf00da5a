// SPDX-License-Identifier: GPL-3.0-or-later
// Real regressions nobody built the engine for: cases made from real files in
// ../shared/traces (serialised fan-out, renumbered runs, an added producer, split Zipkin
// reports, changed attributes), each asserting the top finding and its figures.
#include "core/analysis/criticalpath.h"
#include "core/compare/comparison.h"
#include "regressioncases.h"
#include "testsupport.h"

#include <QDirIterator>

using namespace tracedelta;
using test::OtlpDocument;

namespace {

QString shared(const char* relative)
{
    return test::sharedTracesDir() + QLatin1Char('/') + QLatin1String(relative);
}

QString nodeName(const Comparison& c, const Candidate& candidate)
{
    return QString::fromStdString(c.alignment().node(candidate.node).name);
}

QString describe(const Comparison& c)
{
    QStringList lines{c.verdictSentence()};
    for (std::size_t i = 0; i < c.candidates().size() && i < 5; ++i)
        lines << QStringLiteral("%1. [%2] %3").arg(i + 1).arg(candidateKindName(c.candidates()[i].kind), c.candidates()[i].reason);
    return lines.join(QLatin1Char('\n'));
}

// Process and thread ids renumbered, GPU devices shifted, iteration numbers advanced: what a
// second rank or a second run of one program looks like.
nlohmann::json renumberedRun(nlohmann::json doc)
{
    const auto renumber = [](nlohmann::json& value) {
        if (!value.is_number_integer())
            return;
        const std::int64_t id = value.get<std::int64_t>();
        value = id >= 1000 ? id + 5311 : (id + 1) % 8; // OS ids move; device d becomes d+1
    };
    for (auto& event : doc["traceEvents"]) {
        if (event.contains("pid"))
            renumber(event["pid"]);
        if (event.contains("tid") && event["tid"].is_number_integer() && event["tid"].get<std::int64_t>() >= 1000)
            renumber(event["tid"]);
        if (event.value("ph", "") == "M" && event.value("name", "") == "thread_name") {
            std::string label = event["args"].value("name", "");
            const std::size_t digits = label.find_first_of("0123456789");
            if (digits != std::string::npos && label.compare(0, 7, "thread ") == 0) {
                const std::size_t end = label.find_first_not_of("0123456789", digits);
                const std::int64_t id = std::stoll(label.substr(digits, end - digits));
                label.replace(digits, end - digits, std::to_string(id + 5311));
                event["args"]["name"] = label;
            }
        }
        if (event.contains("name") && event["name"].is_string()) {
            std::string name = event["name"];
            if (const std::size_t hash = name.find("Step#"); hash != std::string::npos) {
                name = name.substr(0, hash + 5) + std::to_string(std::stoll(name.substr(hash + 5)) + 100);
                event["name"] = name;
            }
        }
    }
    return doc;
}

// Every process named after its rank, as distributed training jobs name them ("trainer:0:1").
nlohmann::json namedForRank(nlohmann::json doc, int rank)
{
    for (auto& event : doc["traceEvents"]) {
        if (event.value("ph", "") == "M" && event.value("name", "") == "process_name")
            event["args"]["name"] = "trainer:0:" + std::to_string(rank);
    }
    return doc;
}

} // namespace

class TestRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (!QFile::exists(test::sharedTracesDir()))
            QSKIP("../shared/traces is not available");
    }

    // A worker pool shrank to one: the same calls, each as long as before, run one at a time.
    void serialisedFanOutAgainstOneBaseline()
    {
        QTemporaryDir dir;
        const QString before = shared("otlp/hotrod-nplus1-near-miss.json");
        const QString after = test::serialisedCalls(OtlpDocument::load(before), "HTTP GET", "GET /dispatch").save(dir, QStringLiteral("serialised.json"));
        const Comparison c({test::loadSingle(before)}, test::loadSingle(after));
        QVERIFY2(!c.candidates().empty(), qPrintable(describe(c)));
        const Candidate& top = c.candidates().front();
        QVERIFY2(top.kind == CandidateKind::Concurrency, qPrintable(describe(c)));
        QCOMPARE(nodeName(c, top), QStringLiteral("HTTP GET"));
        QCOMPARE(top.calls, 11);
        QVERIFY2(top.parallelismTarget < 1.01, qPrintable(describe(c)));
        QVERIFY(top.parallelismBaseline > 1.15);
        // The calls' wall time grew by the regression itself (the ten calls sum to 505 ms, overlapped in 189 ms).
        QVERIFY2(std::llabs(top.deltaNs - c.deltaNs()) < 1'000'000, qPrintable(describe(c)));
        QVERIFY2(std::llabs(top.criticalPathDeltaNs() - c.deltaNs()) < 2'000'000, qPrintable(describe(c)));
        QVERIFY2(top.reason.contains(QStringLiteral("ran one at a time (parallelism 1.0) instead of 1.2 at once")), qPrintable(top.reason));
        QVERIFY2(top.reason.contains(QStringLiteral("100 % of the")), qPrintable(top.reason));
        // The parent only restates it and is not a separate finding.
        for (const Candidate& other : c.candidates())
            QVERIFY2(nodeName(c, other) != QLatin1String("GET /dispatch"), qPrintable(describe(c)));
    }

    // The same with four baselines that differ by natural jitter, and a jittered target.
    void serialisedFanOutAgainstFourJitteredBaselines()
    {
        QTemporaryDir dir;
        const QString original = shared("otlp/hotrod-nplus1-near-miss.json");
        std::mt19937 random(20261125);
        std::vector<TracePtr> baselines;
        for (int i = 0; i < 4; ++i) {
            OtlpDocument doc = OtlpDocument::load(original);
            doc.jitter(random);
            baselines.push_back(test::loadSingle(doc.save(dir, QStringLiteral("baseline-%1.json").arg(i))));
        }
        OtlpDocument target = OtlpDocument::load(original);
        target.jitter(random);
        target = test::serialisedCalls(target, "HTTP GET", "GET /dispatch");
        const Comparison c(baselines, test::loadSingle(target.save(dir, QStringLiteral("target.json"))));
        QVERIFY2(c.verdict() == Verdict::Slower, qPrintable(c.verdictSentence() + describe(c)));
        QVERIFY2(!c.candidates().empty() && c.candidates().front().kind == CandidateKind::Concurrency, qPrintable(describe(c)));
        QCOMPARE(nodeName(c, c.candidates().front()), QStringLiteral("HTTP GET"));
        QVERIFY(c.candidates().front().parallelismTarget < 1.01);
        // Jitter alone is inside the baselines' spread: nothing else ranks above a tenth of the finding.
        for (std::size_t i = 1; i < c.candidates().size(); ++i)
            QVERIFY2(c.candidates()[i].score < 0.1 * c.candidates().front().score, qPrintable(describe(c)));
    }

    // One trace alone: 13 GetDriver calls one after another under one parent is the N+1 pattern;
    // eleven overlapping HTTP GETs are not.
    void sequentialCallsInOneTrace()
    {
        const Comparison positive({}, test::loadSingle(shared("otlp/hotrod-nplus1-positive.json")));
        const auto concurrency = std::find_if(positive.candidates().begin(), positive.candidates().end(),
                                              [](const Candidate& c) { return c.kind == CandidateKind::Concurrency; });
        QVERIFY(concurrency != positive.candidates().end());
        QCOMPARE(nodeName(positive, *concurrency), QStringLiteral("GetDriver"));
        QCOMPARE(concurrency->calls, 13);
        QVERIFY2(concurrency->reason.contains(QStringLiteral("13 calls one after another under driver: driver.DriverService/FindNearest")),
                 qPrintable(concurrency->reason));
        QVERIFY2(concurrency->reason.contains(QStringLiteral("(the longest call)")), qPrintable(concurrency->reason));
        QCOMPARE(concurrency->wallBaselineNs, std::int64_t(30'450'000) + concurrency->wallBaselineNs % 10'000); // the 30.45 ms call

        const Comparison nearMiss({}, test::loadSingle(shared("otlp/hotrod-nplus1-near-miss.json")));
        for (const Candidate& c : nearMiss.candidates())
            QVERIFY2(c.kind != CandidateKind::Concurrency, qPrintable(c.reason));
    }

    // Two runs of one PyTorch program: new process and thread ids, another GPU, later
    // iteration numbers. Nothing else differs, so the runs are identical.
    void renumberedProfilerRunIsIdentical()
    {
        QTemporaryDir dir;
        const QString control = shared("chrome/kineto-trace_diff-control.json.gz");
        const nlohmann::json renumbered = renumberedRun(test::readJson(control));
        const TracePtr first = test::loadSingle(control);
        const TracePtr second = test::loadSingle(test::saveJson(dir, QStringLiteral("rank1.json"), renumbered));
        QVERIFY(first && second);
        const Comparison c({first}, second);
        QVERIFY2(c.verdict() == Verdict::Identical, qPrintable(describe(c)));
        QVERIFY(c.candidates().empty());
        const QString notes = c.notes().join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("ProfilerStep#1009 → ProfilerStep#{n}")), qPrintable(notes));

        // As written, the iterations look added and missing.
        ComparisonSettings exact;
        exact.exactNames = true;
        const Comparison strict({first}, second, exact);
        QVERIFY(strict.verdict() != Verdict::Identical);
        QVERIFY(std::any_of(strict.candidates().begin(), strict.candidates().end(),
                            [](const Candidate& k) { return k.kind == CandidateKind::Removed || k.kind == CandidateKind::Added; }));
    }

    // Two ranks of one job: the lanes pair by role, and the slices nested in them follow that
    // pairing, not the raw process name that holds the rank (which made every nested node
    // "missing" and "new in the target").
    void ranksPairNestedSlicesByLane()
    {
        QTemporaryDir dir;
        const nlohmann::json control = test::readJson(shared("chrome/kineto-trace_diff-control.json.gz"));
        const TracePtr rank0 = test::loadSingle(test::saveJson(dir, QStringLiteral("rank0.json"), namedForRank(control, 0)));
        const TracePtr rank1 = test::loadSingle(test::saveJson(dir, QStringLiteral("rank1.json"), namedForRank(renumberedRun(control), 1)));
        QVERIFY(rank0 && rank1);
        const Comparison c({rank0}, rank1);
        QVERIFY2(c.verdict() == Verdict::Identical, qPrintable(describe(c)));
        for (const AlignedNode& node : c.alignment().nodes()) {
            if (node.parent > 0)
                QVERIFY2(node.spans[0].size() == node.spans[1].size(), node.name.c_str());
        }
    }

    // A second-long message publish on a branch that does not move the trace's end, next to
    // a 7 ms improvement: the new span is the news.
    void addedAsynchronousSpanOutranksAWobble()
    {
        QTemporaryDir dir;
        const QString path = shared("otlp/hotrod-nplus1-positive.json");
        OtlpDocument doc = OtlpDocument::load(path);
        nlohmann::json* root = nullptr;
        nlohmann::json* firstDriver = nullptr;
        doc.forEachSpan([&](nlohmann::json& span, const std::string&) {
            if (span["name"] == "GET /dispatch")
                root = &span;
            if (span["name"] == "GetDriver" && (!firstDriver || OtlpDocument::start(span) < OtlpDocument::start(*firstDriver)))
                firstDriver = &span;
        });
        QVERIFY(root && firstDriver);
        const std::int64_t driverEnd = OtlpDocument::end(*firstDriver);
        OtlpDocument::setTimes(*firstDriver, OtlpDocument::start(*firstDriver), driverEnd - 7'000'000);
        doc.shiftAfter(driverEnd, -7'000'000);
        const std::int64_t publishStart = OtlpDocument::start(*root) + 100'000'000;
        doc.addSpan(*root, "00000000feed0001", "publish dispatch-events", publishStart, publishStart + 1'050'000'000, 4);
        const Comparison c({test::loadSingle(path)}, test::loadSingle(doc.save(dir, QStringLiteral("publish.json"))));
        QVERIFY(c.deltaNs() < 0);
        QVERIFY2(!c.candidates().empty(), qPrintable(describe(c)));
        QVERIFY2(nodeName(c, c.candidates().front()) == QLatin1String("publish dispatch-events"), qPrintable(describe(c)));
        QCOMPARE(c.candidates().front().kind, CandidateKind::Added);
        // It fills the time the request waited (Jaeger's critical path runs through it), so the
        // request's own self time fell by as much; that is the publish's doing, not a finding.
        QCOMPARE(c.candidates().front().criticalPathTargetNs, std::int64_t(1'050'000'000));
        for (const Candidate& other : c.candidates())
            QVERIFY2(other.kind != CandidateKind::SelfTime || nodeName(c, other) != QLatin1String("GET /dispatch"), qPrintable(describe(c)));
    }

    // The same work reordered inside the parent's slack: about the same, not "different".
    void reorderedWorkIsSimilar()
    {
        QTemporaryDir dir;
        const QString path = shared("otlp/hotrod-sibling-errors.json");
        OtlpDocument doc = OtlpDocument::load(path);
        const std::int64_t t0 = OtlpDocument::start(*doc.spanById("a1b2c3d4e5f60718"));
        // GetCart ran 5–15 ms and Charge 20–60 ms (payment 22–58 ms); now Charge first, then GetCart.
        OtlpDocument::setTimes(*doc.spanById("b2c3d4e5f6071829"), t0 + 50'000'000, t0 + 60'000'000);
        for (nlohmann::json* charge : {doc.spanById("c3d4e5f60718293a"), doc.spanById("d4e5f60718293a4b")}) {
            QVERIFY(charge);
            OtlpDocument::setTimes(*charge, OtlpDocument::start(*charge) - 15'000'000, OtlpDocument::end(*charge) - 15'000'000);
        }
        const Comparison c({test::loadSingle(path)}, test::loadSingle(doc.save(dir, QStringLiteral("reordered.json"))));
        QVERIFY2(c.verdict() == Verdict::Similar, qPrintable(describe(c)));
        QVERIFY(c.candidates().empty());
    }

    // Four jittered baselines with a cache hit; the target misses the cache, fails and is slow.
    void attributeDifferencesOfTheTopCandidate()
    {
        QTemporaryDir dir;
        const QString path = shared("otlp/hotrod-sibling-errors.json");
        std::mt19937 random(7);
        const auto variant = [&](bool slow) {
            OtlpDocument doc = OtlpDocument::load(path);
            doc.jitter(random, 0.05);
            nlohmann::json* payment = doc.spanById("d4e5f60718293a4b");
            (*payment)["attributes"] = nlohmann::json::array({test::otlpAttribute("cache.hit", slow ? "false" : "true"),
                                                              test::otlpAttribute("request.uuid", slow ? "5f0c6a2e-0d55-4a4e-9d1e-3b1f7c9a0e11"
                                                                                                       : "9a1b2c3d-0000-4a4e-9d1e-3b1f7c9a0e11")});
            payment->erase("status"); // the capture's payment failed; in the baselines it succeeds
            if (slow) {
                const std::int64_t end = OtlpDocument::end(*payment);
                doc.shiftAfter(end - 1, 80'000'000);
                (*payment)["status"] = {{"code", 2}, {"message", "card declined"}};
                (*payment)["events"] = nlohmann::json::array(
                    {{{"timeUnixNano", std::to_string(end)}, {"name", "exception"},
                      {"attributes", nlohmann::json::array({test::otlpAttribute("exception.type", "CardDeclined")})}}});
            }
            return doc;
        };
        std::vector<TracePtr> baselines;
        for (int i = 0; i < 4; ++i)
            baselines.push_back(test::loadSingle(variant(false).save(dir, QStringLiteral("b%1.json").arg(i))));
        const Comparison c(baselines, test::loadSingle(variant(true).save(dir, QStringLiteral("target.json"))));
        QVERIFY2(c.candidates().size() >= 2, qPrintable(describe(c)));
        // The new error leads, with its message, and the attributes that differ beside the error's own.
        const Candidate& failed = c.candidates().front();
        QCOMPARE(failed.kind, CandidateKind::Error);
        QCOMPARE(c.verdict(), Verdict::Failed);
        QCOMPARE(QString::fromStdString(c.alignment().node(failed.node).service), QStringLiteral("payment"));
        QVERIFY2(failed.reason.contains(QStringLiteral("“card declined”")), qPrintable(failed.reason));
        QVERIFY2(failed.reason.contains(QStringLiteral("cache.hit=false")), qPrintable(failed.reason));
        for (const AttributeDifference& d : failed.attributeDifferences)
            QVERIFY2(!describesTheError(d.key), d.key.c_str());
        const Candidate& top = c.candidates()[1];
        QCOMPARE(QString::fromStdString(c.alignment().node(top.node).service), QStringLiteral("payment"));
        QCOMPARE(top.kind, CandidateKind::SelfTime);
        std::map<std::string, AttributeDifference> differences;
        for (const AttributeDifference& d : top.attributeDifferences)
            differences[d.key] = d;
        QVERIFY(differences.count("cache.hit"));
        QCOMPARE(differences["cache.hit"].target, std::string("false"));
        QCOMPARE(differences["cache.hit"].baselineValues, std::vector<std::string>(4, "true"));
        QCOMPARE(differences["status"].target, std::string("error"));
        QVERIFY(differences.count("event exception"));
        QCOMPARE(differences["event exception: exception.type"].target, std::string("CardDeclined"));
        QVERIFY2(!differences.count("request.uuid"), "a UUID names the request, not a difference");
        QVERIFY2(top.reason.contains(QStringLiteral("status=error (absent in 4/4 baselines)")), qPrintable(top.reason));
    }

    // Zipkin reports one span in two parts (annotations in one, timing in the other); they
    // merge as in Zipkin's UI, so the split trace equals the original.
    void zipkinPartialReportsMerge()
    {
        QTemporaryDir dir;
        const QString path = shared("zipkin/yelp.json");
        nlohmann::json doc = test::readJson(path);
        nlohmann::json split = nlohmann::json::array();
        int splitCount = 0;
        for (const auto& span : doc) {
            if (span.value("shared", false) || !span.contains("duration") || splitCount >= 3) {
                split.push_back(span);
                continue;
            }
            ++splitCount;
            nlohmann::json timing = span;
            timing.erase("annotations");
            timing.erase("tags");
            nlohmann::json details = {{"traceId", span["traceId"]}, {"id", span["id"]}, {"localEndpoint", span["localEndpoint"]},
                                      {"tags", span.value("tags", nlohmann::json::object())},
                                      {"annotations", span.value("annotations", nlohmann::json::array())}};
            if (span.contains("name"))
                details["name"] = span["name"];
            split.push_back(details);
            split.push_back(timing);
        }
        QCOMPARE(splitCount, 3);
        const TracePtr original = test::loadSingle(path);
        const TracePtr merged = test::loadSingle(test::saveJson(dir, QStringLiteral("split.json"), split));
        QCOMPARE(merged->spanCount(), original->spanCount());
        QVERIFY(test::hasDiagnostic(*merged, QStringLiteral("reported in several parts")));
        const Comparison c({original}, merged);
        QVERIFY2(c.verdict() == Verdict::Identical, qPrintable(describe(c)));
    }

    // A mark for what is disproportionate, not for whatever is in the top five.
    void disproportionateSelfTimeIsAPartOfTheTrace()
    {
        const TracePtr trace = test::loadSingle(test::sampleFile("inference-normal-1.json"));
        const Comparison alone({}, trace);
        int marked = 0;
        for (NodeIndex n = 1; n < static_cast<NodeIndex>(alone.alignment().nodes().size()); ++n) {
            if (!alone.metrics(n).disproportionateSelfTime)
                continue;
            ++marked;
            QVERIFY2(alone.metrics(n).selfNs[0] * 20 >= trace->wallDurationNs(), alone.alignment().node(n).name.c_str());
        }
        QVERIFY(marked >= 1);
        QVERIFY2(marked < trace->spanCount() / 2, qPrintable(QString::number(marked)));
    }

    // Property: the critical-path charges of a trace add up to its duration, for every file.
    void criticalPathChargesAddUpToTheDuration()
    {
        int traces = 0;
        QDirIterator files(test::sharedTracesDir(), {QStringLiteral("*.json"), QStringLiteral("*.json.gz")}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const LoadResult result = loadTraceFile(files.next());
            for (const TracePtr& trace : result.traces) {
                const CriticalPathCharges charges = criticalPathCharges(*trace);
                std::int64_t sum = charges.uncoveredNs;
                for (std::int64_t ns : charges.perSpan) {
                    QVERIFY(ns >= 0);
                    sum += ns;
                }
                QVERIFY2(sum == trace->wallDurationNs(), qPrintable(trace->sourceFile()));
                ++traces;
            }
        }
        QVERIFY(traces > 50);
    }
};

QTEST_GUILESS_MAIN(TestRegressions)
#include "tst_regressions.moc"
