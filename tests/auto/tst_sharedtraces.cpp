// SPDX-License-Identifier: GPL-3.0-or-later
// Every real trace in ../shared/traces: it loads (or fails with a clear message), in the
// format SOURCES.tsv names, with span counts and wall durations that agree with an
// independent count made here from a plain DOM parse.
#include "core/io/filecontent.h"
#include "testsupport.h"

#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <limits>
#include <optional>
#include <set>

using namespace tracedelta;
using nlohmann::json;

namespace {

struct Extent
{
    std::int64_t begin = std::numeric_limits<std::int64_t>::max();
    std::int64_t end = std::numeric_limits<std::int64_t>::min();
    void add(std::int64_t b, std::int64_t e)
    {
        begin = std::min(begin, b);
        end = std::max(end, e);
    }
    bool valid() const { return begin <= end; }
};

std::int64_t asInt(const json& v)
{
    return v.is_string() ? std::stoll(v.get<std::string>()) : v.get<std::int64_t>();
}

// Microseconds to nanoseconds, exact for integers (epoch microseconds exceed double precision once scaled).
std::int64_t microsToNs(const json& v)
{
    if (v.is_number_integer())
        return v.get<std::int64_t>() * 1000;
    return std::llround((v.is_string() ? std::stod(v.get<std::string>()) : v.get<double>()) * 1000);
}

// Spans' time extent found by shape, not by format logic: every object that looks like a span.
void collectExtent(const json& value, const QString& format, Extent& extent)
{
    if (value.is_object()) {
        if (format == QLatin1String("jaeger") && value.contains("spanID") && value.contains("startTime")
            && value.contains("duration")) {
            const auto start = value["startTime"].get<std::int64_t>() * 1000;
            extent.add(start, start + value["duration"].get<std::int64_t>() * 1000);
        } else if (format == QLatin1String("zipkin") && value.contains("traceId") && value.contains("id")
                   && value.contains("timestamp")) {
            const auto start = value["timestamp"].get<std::int64_t>() * 1000;
            extent.add(start, start + (value.contains("duration") ? value["duration"].get<std::int64_t>() * 1000 : 0));
        } else if (format == QLatin1String("otlp") && value.contains("startTimeUnixNano")
                   && value.contains("endTimeUnixNano")) {
            extent.add(asInt(value["startTimeUnixNano"]), asInt(value["endTimeUnixNano"]));
        }
    }
    if (value.is_structured()) {
        for (const auto& child : value)
            collectExtent(child, format, extent);
    }
}

std::optional<Extent> independentExtent(const QString& path, const QString& format)
{
    const FileContent content = readFileContent(path);
    Extent extent;
    if (format == QLatin1String("chrome")) {
        const json doc = json::parse(content.text, nullptr, false);
        if (doc.is_discarded())
            return std::nullopt;
        const json& events = doc.is_array() ? doc : doc.value("traceEvents", json::array());
        for (const auto& e : events) {
            const std::string ph = e.value("ph", "");
            if (ph == "B" || ph == "E")
                return std::nullopt; // pairing is the importer's job; only X-only files are checked
            if (ph == "X") {
                const auto start = microsToNs(e["ts"]);
                extent.add(start, start + (e.contains("dur") ? microsToNs(e["dur"]) : 0));
            }
        }
        return extent;
    }
    json doc = json::parse(content.text, nullptr, false);
    if (doc.is_discarded()) { // JSON Lines
        for (const QString& line : QString::fromStdString(content.text).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            collectExtent(json::parse(line.toStdString()), format, extent);
    } else {
        collectExtent(doc, format, extent);
    }
    return extent;
}

// Zipkin reports one span in several parts (same id and local service, not shared);
// the UI, and TraceDelta, merge them. Counted here independently of the importer.
int zipkinSpansAfterMerging(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const nlohmann::json doc = nlohmann::json::parse(file.readAll().toStdString());
    std::set<std::string> keys;
    int withoutId = 0;
    const auto add = [&](const nlohmann::json& span) {
        const std::string id = span.value("id", "");
        if (id.empty()) {
            ++withoutId;
            return;
        }
        const std::string service = span.contains("localEndpoint") && span["localEndpoint"].is_object()
            ? span["localEndpoint"].value("serviceName", "")
            : "";
        keys.insert(span.value("traceId", "") + "/" + id + "/" + service + (span.value("shared", false) ? "/shared" : ""));
    };
    if (doc.is_object())
        add(doc);
    for (const auto& span : doc.is_array() ? doc : nlohmann::json::array())
        add(span);
    return static_cast<int>(keys.size()) + withoutId;
}

} // namespace

class TestSharedTraces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsEveryFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("expectedSpans"); // 0: the file must fail with a clear message
        QFile sources(test::sharedTracesDir() + QStringLiteral("/SOURCES.tsv"));
        if (!sources.open(QIODevice::ReadOnly)) {
            QTest::newRow("absent") << QString() << QString() << -1;
            return;
        }
        const QStringList lines = QString::fromUtf8(sources.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines.mid(1)) {
            const QStringList cols = line.split(QLatin1Char('\t'));
            const QString format = cols[0];
            const QString file = cols[1];
            int expected = cols[6].toInt();
            if (format == QLatin1String("chrome")) {
                // Spans are X events plus matched B/E pairs, counted from the event tally in the note.
                const auto count = [&](const char* phase) {
                    const auto match = QRegularExpression(QStringLiteral("\\b%1:(\\d+)").arg(QLatin1String(phase)))
                                           .match(cols.value(8));
                    return match.hasMatch() ? match.captured(1).toInt() : 0;
                };
                expected = count("X") + std::min(count("B"), count("E"));
            } else if (format == QLatin1String("zipkin") && expected > 0) {
                expected = zipkinSpansAfterMerging(test::sharedTracesDir() + QLatin1Char('/') + file);
            }
            QTest::newRow(qPrintable(file)) << test::sharedTracesDir() + QLatin1Char('/') + file << format << expected;
        }
    }

    void loadsEveryFile()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        QFETCH(int, expectedSpans);
        if (expectedSpans < 0)
            QSKIP("../shared/traces is not available");
        const LoadResult result = loadTraceFile(path);
        if (expectedSpans == 0) {
            QVERIFY2(!result.ok(), "a file without spans must not load silently");
            QVERIFY(result.error.startsWith(path));
            QVERIFY2(result.error.contains(QLatin1String("no complete slices"))
                         || result.error.contains(QLatin1String("no slices")),
                     qPrintable(result.error));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(!result.traces.empty());
        int spans = 0;
        Extent loaded;
        for (const TracePtr& trace : result.traces) {
            QCOMPARE(formatName(trace->format()), format);
            QCOMPARE(trace->sourceFile(), path);
            spans += trace->spanCount();
            loaded.add(trace->traceStartNs(), trace->traceEndNs());
            // Structure invariants every view relies on.
            for (SpanIndex i = 0; i < trace->spanCount(); ++i) {
                QVERIFY(trace->durationNs(i) >= 0);
                QVERIFY(trace->selfNs(i) >= 0 && trace->selfNs(i) <= trace->durationNs(i));
                QVERIFY(trace->parent(i) < i);
                QVERIFY(trace->subtreeEnd(i) > i && trace->subtreeEnd(i) <= trace->spanCount());
            }
        }
        QCOMPARE(spans, expectedSpans);
        if (const auto independent = independentExtent(path, format); independent && independent->valid()) {
            QCOMPARE(loaded.begin, independent->begin);
            QCOMPARE(loaded.end, independent->end);
        }
    }

    void multipleTracesPerFile()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/jaeger/jaegerui-flamegraph-genai-2traces.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const LoadResult result = loadTraceFile(path);
        QVERIFY(result.ok());
        QCOMPARE(result.traces.size(), std::size_t(2));
        QVERIFY(result.traces[0]->traceId() != result.traces[1]->traceId());
    }

    void otlpInErrorLoadsWithDiagnostics()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/otlp/otlp-in-error.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("service.name")));
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("parent that is not in the file")));
        QCOMPARE(QString::fromStdString(trace->serviceText(0)), QStringLiteral("unknown_service"));
    }

    void zipkinSharedSpanServerUnderClient()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/zipkin/skew.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QCOMPARE(trace->spanCount(), 4);
        int pairs = 0;
        for (SpanIndex i = 0; i < trace->spanCount(); ++i) {
            const SpanIndex p = trace->parent(i);
            if (trace->kind(i) == SpanKind::Server && p != NoSpan && trace->kind(p) == SpanKind::Client) {
                QCOMPARE(trace->spanIdText(i), trace->spanIdText(p));
                ++pairs;
                // The "async" span names the shared id as parent: it belongs under the server half.
                QCOMPARE(trace->children(i).size(), std::size_t(1));
                QCOMPARE(trace->nameText(trace->children(i)[0]), std::string("async"));
            }
        }
        QCOMPARE(pairs, 1);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("clock skew")));
    }

    void jaegerFollowsFromOnlyBecomesParent()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/jaeger/jaegerui-issue115-follows-from.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QCOMPARE(trace->roots().size(), std::size_t(1));
        QCOMPARE(trace->children(trace->roots()[0]).size(), std::size_t(1));
    }

    void tempoBase64IdsBecomeHex()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/otlp/kiali-tempo-bookinfo.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QCOMPARE(trace->traceId().size(), std::size_t(32));
        QVERIFY(QString::fromStdString(trace->traceId()).contains(QRegularExpression(QStringLiteral("^[0-9a-f]+$"))));
        QCOMPARE(trace->roots().size(), std::size_t(1)); // parents resolve after decoding
    }

    void chromeLanesUseMetadataNames()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/chrome/te-multi-thread-with-samples.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QCOMPARE(QString::fromStdString(trace->serviceText(0)), QStringLiteral("hermes"));
        bool sawThreadName = false;
        for (const Lane& lane : trace->lanes())
            sawThreadName |= trace->strings().at(lane.label) == "hermes / mqt_js";
        QVERIFY(sawThreadName);
    }

    void chromeNestingByContainment()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/chrome/te-out-of-order.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        // A [0,10] contains B [1,9] contains C [2,8], though the file lists them B, A, C.
        QCOMPARE(trace->nameText(0), std::string("A"));
        QCOMPARE(trace->nameText(1), std::string("B"));
        QCOMPARE(trace->nameText(2), std::string("C"));
        QCOMPARE(trace->parent(2), 1);
        QCOMPARE(trace->selfNs(0), 2000);
    }

    void chromeZeroLengthPairsMatch()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/chrome/te-zero-duration-events.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        // A [0,10] holds B [1,1], C [2,2] and D [3,3]; "E C" before "B C" at the same ts still pairs.
        QCOMPARE(trace->spanCount(), 4);
        QCOMPARE(trace->nameText(0), std::string("A"));
        QCOMPARE(trace->durationNs(0), 10000);
        QCOMPARE(trace->children(0).size(), std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestSharedTraces)
#include "tst_sharedtraces.moc"
