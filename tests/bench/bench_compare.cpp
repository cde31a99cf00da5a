// SPDX-License-Identifier: GPL-3.0-or-later
// On-demand comparison benchmark: align and rank generated traces. Prints a table.
#include "core/compare/comparison.h"
#include "core/compare/operationstatistics.h"
#include "core/io/traceloader.h"
#include "core/model/tracebuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <memory>

#include <cstdio>
#include <random>

using namespace tracedelta;

namespace {

constexpr unsigned regressedSeed = 99;

// A service-call tree of `spans` spans: fan-out 6, names from a small vocabulary so
// repeated calls share nodes as in real traces; `seed` varies durations.
TracePtr syntheticTrace(int spans, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> jitter(0, 200);
    std::string traceId = std::to_string(seed);
    traceId.insert(traceId.begin(), 't');
    TraceBuilder builder(TraceFormat::Otlp, QStringLiteral("synthetic"), traceId);
    const StringId services[] = {builder.intern("frontend"), builder.intern("orders"), builder.intern("db"),
                                 builder.intern("cache")};
    std::vector<StringId> names;
    for (int i = 0; i < 40; ++i)
        names.push_back(builder.intern(std::string("operation ") + char('a' + i % 26) + char('a' + i / 26))); // no digits: "operation-7" would normalise
    for (int i = 0; i < spans; ++i) {
        SpanDraft d;
        d.spanId = builder.internSpanId(std::to_string(i + 1));
        d.parentSpanId = i == 0 ? 0 : builder.internSpanId(std::to_string((i - 1) / 6 + 1));
        d.service = services[i % 4];
        d.name = names[(i * 7) % 40];
        d.startNs = static_cast<std::int64_t>(i) * 1000;
        d.durationNs = 1'000'000'000 - static_cast<std::int64_t>(i) * 900 + jitter(random) * 1000;
        if (seed == regressedSeed && i == spans / 2)
            d.durationNs += 80'000'000; // one slow leaf for the ranking to find
        builder.addSpan(d);
    }
    return builder.build();
}

// A request of about `spans` spans made of groups, each: a CLIENT call into another
// service's SERVER span that makes ten sequential `fetch item` calls, and a PRODUCER publish
// whose CONSUMER starts after it ended. `features` also puts every `driver` SERVER span 5 ms
// before its CLIENT (clock skew to adjust) and, in the regressed run, makes one fetch call of
// one group 80 ms slower and one consumer wait 2.5 s longer. Without `features` the same
// shape has no kinds, no skew and no links: the floor for the distributed-trace rules.
TracePtr distributedTrace(int spans, unsigned seed, bool features)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> jitter(0, 200);
    TraceBuilder builder(TraceFormat::Otlp, QStringLiteral("distributed"), "d" + std::to_string(seed) + (features ? "f" : "p"));
    const StringId frontend = builder.intern("frontend");
    const StringId servicesCalled[] = {builder.intern("driver"), builder.intern("route"), builder.intern("customer")};
    const StringId audit = builder.intern("audit");
    const StringId rootName = builder.intern("GET /dispatch");
    const StringId call = builder.intern("HTTP GET");
    const StringId handle = builder.intern("GET /work");
    const StringId fetch = builder.intern("fetch item");
    const StringId publish = builder.intern("publish order");
    const StringId consume = builder.intern("process order");
    int id = 0;
    const auto add = [&](int parent, StringId service, StringId name, SpanKind kind, std::int64_t start, std::int64_t duration) {
        SpanDraft d;
        d.spanId = builder.internSpanId(std::to_string(++id));
        d.parentSpanId = parent == 0 ? 0 : builder.internSpanId(std::to_string(parent));
        d.service = service;
        d.name = name;
        d.kind = features ? kind : SpanKind::Unspecified;
        d.startNs = start;
        d.durationNs = duration;
        builder.addSpan(d);
        return id;
    };
    const int groups = std::max(1, spans / 14);
    constexpr std::int64_t ms = 1'000'000;
    const std::int64_t groupNs = 130 * ms;
    const int root = add(0, frontend, rootName, SpanKind::Server, 0, groups * groupNs + 10 * ms);
    for (int g = 0; g < groups; ++g) {
        const std::int64_t at = 5 * ms + g * groupNs;
        const StringId service = servicesCalled[g % 3];
        const int client = add(root, frontend, call, SpanKind::Client, at, 110 * ms);
        const bool skewed = features && g % 3 == 0;
        const std::int64_t serverAt = at + 1 * ms - (skewed ? 6 * ms : 0);
        const int server = add(client, service, handle, SpanKind::Server, serverAt, 108 * ms);
        for (int f = 0; f < 10; ++f) {
            std::int64_t duration = 10 * ms + jitter(random) * 1000;
            if (features && seed == regressedSeed && g == groups / 2 && f == 6)
                duration += 80 * ms;
            add(server, service, fetch, SpanKind::Internal, serverAt + 1 * ms + f * 10'500'000, duration);
        }
        const int published = add(root, frontend, publish, SpanKind::Producer, at + 112 * ms, 1 * ms);
        const std::int64_t wait = (features && seed == regressedSeed && g == groups / 3 ? 2505 : 5) * ms; // 2.5 s: beyond 2 % of the 93 s request
        add(published, audit, consume, SpanKind::Consumer, at + 113 * ms + wait, 10 * ms + jitter(random) * 1000);
    }
    return builder.build();
}

template<typename F>
double secondsFor(F&& work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    {
        const TracePtr a = syntheticTrace(100000, 1);
        const TracePtr b = syntheticTrace(100000, regressedSeed);
        std::size_t candidates = 0;
        const double s = secondsFor([&] { candidates = Comparison({a}, b).candidates().size(); });
        std::printf("2 traces x 100k spans           align+rank %.3f s  (%zu candidates)  budget 0.300 s\n", s, candidates);
        double best = s;
        for (int i = 0; i < 3; ++i)
            best = std::min(best, secondsFor([&] { Comparison({a}, b); }));
        std::printf("  best of 4 (memory warm)       %.3f s\n", best);
        const double alignOnly = secondsFor([&] { Alignment({a, b}); });
        std::printf("  of which alignment alone      %.3f s\n", alignOnly);
        ComparisonSettings exact;
        exact.exactNames = true;
        const double exactNames = secondsFor([&] { Comparison({a}, b, exact); });
        std::printf("  with --exact-names            %.3f s\n", exactNames);
        const Comparison comparison({a}, b);
        for (StatisticsGrouping g : {StatisticsGrouping::Operation, StatisticsGrouping::Path, StatisticsGrouping::Lane}) {
            std::size_t rows = 0;
            const double t = secondsFor([&] { rows = OperationStatistics(comparison, g).rows().size(); });
            const double warm = secondsFor([&] { rows = OperationStatistics(comparison, g).rows().size(); });
            std::printf("statistics by %-9s 2 x 100k  %.3f s, again %.3f s  (%zu rows)  budget 0.100 s%s\n", qPrintable(groupingName(g)), t,
                        warm, rows, std::min(t, warm) > 0.1 ? "  OVER" : "");
        }
    }
    {
        // The real before/after pair: 109k and 105k events.
        const QString dir = QStringLiteral(TRACEDELTA_SOURCE_DIR "/../shared/traces/chrome/");
        const LoadResult control = loadTraceFile(dir + QStringLiteral("kineto-trace_diff-control.json.gz"));
        const LoadResult test = loadTraceFile(dir + QStringLiteral("kineto-trace_diff-test.json.gz"));
        if (control.ok() && test.ok()) {
            std::size_t candidates = 0;
            std::unique_ptr<Comparison> comparison;
            const double s = secondsFor([&] {
                comparison = std::make_unique<Comparison>(std::vector<TracePtr>{control.traces.front()}, test.traces.front());
                candidates = comparison->candidates().size();
            });
            std::printf("kineto pair 109k vs 105k events align+rank %.3f s  (%zu candidates)  budget 0.300 s%s\n", s, candidates,
                        s > 0.3 ? "  OVER" : "");
            for (StatisticsGrouping g : {StatisticsGrouping::Operation, StatisticsGrouping::Path, StatisticsGrouping::Lane}) {
                std::size_t rows = 0;
                const double t = secondsFor([&] { rows = OperationStatistics(*comparison, g).rows().size(); });
                std::printf("statistics by %-9s kineto   %.3f s  (%zu rows)  budget 0.100 s%s\n", qPrintable(groupingName(g)), t, rows,
                            t > 0.1 ? "  OVER" : "");
            }
        } else {
            std::printf("kineto pair not found in ../shared/traces: skipped\n");
        }
    }
    {
        std::vector<TracePtr> baselines;
        for (unsigned i = 0; i < 20; ++i)
            baselines.push_back(syntheticTrace(10000, 10 + i));
        const TracePtr target = syntheticTrace(10000, 99);
        std::size_t candidates = 0;
        const double s = secondsFor([&] { candidates = Comparison(baselines, target).candidates().size(); });
        std::printf("20 baselines x 10k vs 1 target  align+rank %.3f s  (%zu candidates)  budget 1.000 s\n", s, candidates);
    }
    {
        // Repeated calls, links and clock skew: the distributed-trace rules (skew adjustment,
        // waits, overhangs, which call) against the same shape without kinds, skew or links.
        for (const bool features : {false, true}) {
            std::vector<TracePtr> baselines;
            for (unsigned i = 0; i < 20; ++i)
                baselines.push_back(distributedTrace(10000, 10 + i, features));
            const TracePtr target = distributedTrace(10000, regressedSeed, features);
            std::size_t candidates = 0;
            QString top;
            double best = 1e9;
            for (int i = 0; i < 3; ++i) {
                best = std::min(best, secondsFor([&] {
                    const Comparison c(baselines, target);
                    candidates = c.candidates().size();
                    top.clear();
                    for (std::size_t k = 0; k < std::min<std::size_t>(2, c.candidates().size()); ++k)
                        top += QStringLiteral("\n    %1. [%2] %3").arg(k + 1).arg(candidateKindName(c.candidates()[k].kind), c.candidates()[k].reason.left(160));
                }));
            }
            std::printf("20 x 10k distributed, %-27s align+rank %.3f s (best of 3, %zu candidates)%s\n",
                        features ? "repeated calls+links+skew" : "plain (floor)", best, candidates, qPrintable(top));
        }
    }
    return 0;
}
