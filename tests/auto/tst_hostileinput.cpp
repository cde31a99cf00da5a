// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input (the causes a mutation fuzzer and a few hand-made files found): deep values
// inside one record, times at the edge of 64 bits, gzip bombs, pipes that never close, files
// over the limits, thousands of events at one timestamp, and running out of memory. Each
// loads or fails with a clear message; nothing crashes, hangs, wraps or loses other files.
#include "tst_hostileinput.h"

#include "testsupport.h"

#include "core/compare/comparison.h"
#include "core/io/filecontent.h"

#include <QProcess>
#include <QStandardPaths>

#include <sys/stat.h>
#include <zlib.h>

using namespace tracedelta;

namespace {

QByteArray nested(int depth, char open, char close, const QByteArray& inner = {})
{
    return QByteArray(depth, open) + inner + QByteArray(depth, close);
}

// A JSON object nested depth levels: {"k":{"k":…}}.
QByteArray nestedObject(int depth)
{
    QByteArray out;
    out.reserve(depth * 6 + 8);
    for (int i = 0; i < depth; ++i)
        out += "{\"k\":";
    out += "1";
    out += QByteArray(depth, '}');
    return out;
}

QByteArray zipkinSpans(int count)
{
    QByteArray out = "[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += ',';
        out += R"({"traceId":"a","id":")" + QByteArray::number(i + 1, 16) + R"(","name":"op","timestamp":)"
            + QByteArray::number(1000 + i) + R"(,"duration":5,"localEndpoint":{"serviceName":"s"}})";
    }
    return out + "]";
}

bool anyAttributeContains(const Trace& trace, const char* text)
{
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        for (const Attribute& a : trace.attributes(s)) {
            if (trace.valueText(a.value).view().find(text) != std::string::npos)
                return true;
        }
    }
    return false;
}

bool builtWithSanitizer()
{
#ifdef TRACEDELTA_SANITIZED
    return true;
#else
    return false;
#endif
}

} // namespace

// Nesting inside one span, tag, event or args used to be turned into text by a recursive
// dump() and crashed a release build at 50–60k levels.
void TestHostileInput::deepValuesInsideARecord_data()
{
    QTest::addColumn<QByteArray>("content");
    const int depth = 100000;
    QTest::newRow("jaeger tag value")
        << (R"({"data":[{"traceID":"t","processes":{"p":{"serviceName":"s"}},"spans":[{"traceID":"t","spanID":"a",)"
            R"("operationName":"op","startTime":1,"duration":5,"processID":"p","tags":[{"key":"deep","value":)"
            + nested(depth, '[', ']') + "}]}]}]}");
    QTest::newRow("zipkin tag object") << (R"([{"traceId":"a","id":"1","name":"op","timestamp":1,"duration":5,)"
                                           R"("localEndpoint":{"serviceName":"s"},"tags":{"deep":)"
                                           + nestedObject(depth) + "}}]");
    QTest::newRow("chrome args") << (R"([{"ph":"X","name":"op","ts":1,"dur":5,"pid":1,"tid":1,"args":{"deep":)"
                                     + nested(depth, '[', ']') + "}}]");
    QTest::newRow("otlp attribute") << (R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"s"}}]},)"
                                        R"("scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",)"
                                        R"("name":"op","startTimeUnixNano":"1000","endTimeUnixNano":"6000","attributes":[{"key":"deep","value":)"
                                        + nestedObject(depth) + "}]}]}]}]}");
    QTest::newRow("chrome name") << (R"([{"ph":"X","ts":1,"dur":5,"pid":1,"tid":1,"name":)" + nested(depth, '[', ']') + "}]");
}

void TestHostileInput::deepValuesInsideARecord()
{
    QFETCH(QByteArray, content);
    const QString path = test::writeFile(m_dir, QStringLiteral("deep-%1.json").arg(QTest::currentDataTag()), content);
    const LoadResult result = loadTraceFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.traces.size(), std::size_t(1));
    const Trace& trace = *result.traces.front();
    QCOMPARE(trace.spanCount(), 1);
    QVERIFY(test::hasDiagnostic(trace, QStringLiteral("nested too deeply")));
    // (OTLP shows only well-formed AnyValues as attributes; the diagnostic says what was cut.)
    if (QByteArray(QTest::currentDataTag()) != "chrome name" && QByteArray(QTest::currentDataTag()) != "otlp attribute")
        QVERIFY(anyAttributeContains(trace, TruncatedValueMarker));
}

// Shallow values stay whole: the limit only cuts what no exporter writes.
void TestHostileInput::ordinaryNestingIsKept()
{
    const QString path = test::writeFile(m_dir, QStringLiteral("ten-levels.json"),
                                         R"([{"ph":"X","name":"op","ts":1,"dur":5,"pid":1,"tid":1,"args":{"v":)"
                                             + nested(10, '[', ']') + "}}]");
    const TracePtr trace = test::loadSingle(path);
    QVERIFY(trace);
    QVERIFY(!test::hasDiagnostic(*trace, QStringLiteral("nested too deeply")));
    QVERIFY(anyAttributeContains(*trace, "[[[[[[[[[[]]]]]]]]]]"));
}

// Times at the edge of 64 bits become diagnostics, never wrapped values.
void TestHostileInput::timesAtTheEdgeOf64Bits()
{
    // Zipkin: start + duration used to wrap ("duration_ns -446744073709550616").
    const QString zipkin = test::writeFile(
        m_dir, QStringLiteral("zipkin-edge.json"),
        R"([{"traceId":"a","id":"1","name":"root","timestamp":4611686018427387,"duration":4611686018427387,"localEndpoint":{"serviceName":"s"}},
            {"traceId":"a","id":"2","parentId":"1","name":"child","timestamp":4611686018427380,"duration":5,"localEndpoint":{"serviceName":"s"}}])");
    TracePtr trace = test::loadSingle(zipkin);
    QVERIFY(trace);
    QVERIFY(trace->wallDurationNs() >= 0);
    for (SpanIndex s = 0; s < trace->spanCount(); ++s) {
        QVERIFY(trace->durationNs(s) >= 0);
        QVERIFY(trace->endNs(s) >= trace->startNs(s));
        QVERIFY(trace->endNs(s) <= timemath::MaxTimeNs);
    }
    QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("outside the supported time range")));

    // Jaeger: |INT64_MIN| used to turn the start into 0 silently.
    const QString jaeger = test::writeFile(
        m_dir, QStringLiteral("jaeger-min.json"),
        R"({"data":[{"traceID":"t","spans":[{"traceID":"t","spanID":"a","operationName":"x","startTime":-9223372036854775808,"duration":10,"processID":"p"}],"processes":{"p":{"serviceName":"s"}}}]})");
    trace = test::loadSingle(jaeger);
    QVERIFY(trace);
    QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("no readable startTime")));

    // OTLP: end − start of the extremes used to give a false "negative duration".
    const QString otlp = test::writeFile(
        m_dir, QStringLiteral("otlp-extremes.json"),
        R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"s"}}]},"scopeSpans":[{"spans":[
            {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"x","startTimeUnixNano":"-9223372036854775807","endTimeUnixNano":"9223372036854775807"}]}]}]})");
    trace = test::loadSingle(otlp);
    QVERIFY(trace);
    QVERIFY(!test::hasDiagnostic(*trace, QStringLiteral("negative duration")));
    QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("outside the supported time range")));
    QVERIFY(trace->durationNs(0) > 0);
    QVERIFY(trace->wallDurationNs() > 0);

    // Chrome: ts + dur used to overflow.
    const QString chrome = test::writeFile(
        m_dir, QStringLiteral("chrome-edge.json"),
        R"([{"ph":"X","name":"a","ts":4611686018427000,"dur":4611686018427000,"pid":1,"tid":1},{"ph":"X","name":"b","ts":1,"dur":1,"pid":1,"tid":1}])");
    trace = test::loadSingle(chrome);
    QVERIFY(trace);
    QVERIFY(trace->wallDurationNs() > 0);
    QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("outside the supported time range")));

    // The comparison of such traces: sums, deltas and shares stay in range and keep their sign.
    const Comparison forward({test::loadSingle(jaeger)}, test::loadSingle(otlp));
    QVERIFY(forward.deltaNs() > 0);
    QVERIFY2(!forward.candidates().empty(), qPrintable(forward.verdictSentence() + forward.notes().join(QLatin1Char(' '))));
    QVERIFY(!forward.candidates().front().reason.isEmpty());
    const Comparison backward({test::loadSingle(otlp)}, test::loadSingle(jaeger));
    QVERIFY(backward.deltaNs() < 0);
    const Comparison mixed({test::loadSingle(zipkin), test::loadSingle(otlp)}, test::loadSingle(chrome));
    QVERIFY(!mixed.verdictSentence().isEmpty());
}

// 64 MiB of zeros in 64 KiB of gzip used to inflate to the end before being refused.
void TestHostileInput::gzipBombIsRefusedAtItsStart()
{
    const QByteArray bomb = test::gzip(QByteArray(64 << 20, '\0'));
    QVERIFY(bomb.size() < (1 << 20));
    const QString path = test::writeFile(m_dir, QStringLiteral("zeros.json.gz"), bomb);
    const QString spaces = test::writeFile(m_dir, QStringLiteral("spaces.json.gz"), test::gzip(QByteArray(16 << 20, ' ')));
    // Read whole first, and parsed while it is read (as big files are).
    for (const bool whileReading : {false, true}) {
        LoadControl control;
        control.streamFromBytes = whileReading ? 0 : std::numeric_limits<std::int64_t>::max();
        const LoadResult result = loadTraceFile(path, &control);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QStringLiteral("does not hold a trace")), qPrintable(result.error));
        QVERIFY(result.error.startsWith(path));

        // Whitespace inflates like zeros but could be JSON: the size limit stops it.
        control.limits.maxDecompressedBytes = 4 << 20;
        const LoadResult limited = loadTraceFile(spaces, &control);
        QVERIFY(!limited.ok());
        QVERIFY2(limited.error.contains(QStringLiteral("inflates to more than 4.0 MB")), qPrintable(limited.error));
    }
}

void TestHostileInput::limitsAreConfigurable()
{
    const QString path = test::writeFile(m_dir, QStringLiteral("fifty.json"), zipkinSpans(50));
    QVERIFY(loadTraceFile(path).ok());
    LoadControl control;
    control.limits.maxSpans = 10;
    const LoadResult result = loadTraceFile(path, &control);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("more than 10 spans")), qPrintable(result.error));
    LoadControl whileReading = control;
    whileReading.streamFromBytes = 0;
    QCOMPARE(loadTraceFile(path, &whileReading).error, result.error);

    QByteArray events = "[";
    for (int i = 0; i < 50; ++i)
        events += (i ? "," : "") + QByteArray(R"({"ph":"X","name":"e","ts":)") + QByteArray::number(i * 10) + R"(,"dur":5,"pid":1,"tid":1})";
    const QString chrome = test::writeFile(m_dir, QStringLiteral("fifty-events.json"), events + "]");
    QVERIFY(!loadTraceFile(chrome, &control).ok());

    control.limits.maxSpans = 1000;
    control.limits.maxDecompressedBytes = 100;
    const LoadResult tooBig = loadTraceFile(path, &control);
    QVERIFY(!tooBig.ok());
    QVERIFY2(tooBig.error.contains(QStringLiteral("larger than")), qPrintable(tooBig.error));
}

// Opening a FIFO blocks until a writer appears; it is refused before it is opened.
void TestHostileInput::pipesAndFoldersAreRefused()
{
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const LoadResult result = loadTraceFile(fifo);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("not a regular file")), qPrintable(result.error));
    const LoadResult folder = loadTraceFile(m_dir.path());
    QVERIFY(!folder.ok());
    QVERIFY2(folder.error.contains(QStringLiteral("folder")), qPrintable(folder.error));
}

// B/E/instant events at one timestamp on one thread pair up as they would one by one
// (the matcher used to turn quadratic above 64 such events).
void TestHostileInput::manyEventsAtOneTimestamp()
{
    const int pairs = 60000;
    QByteArray events = "[";
    events.reserve(pairs * 120);
    for (int i = 0; i < pairs; ++i) {
        events += i ? "," : "";
        events += R"({"ph":"B","name":"x","ts":5,"pid":1,"tid":1},{"ph":"E","name":"x","ts":5,"pid":1,"tid":1},{"ph":"i","name":"tick","ts":5,"pid":1,"tid":1})";
    }
    // One long slice around them so the zero-length ones have a parent.
    events += R"(,{"ph":"X","name":"outer","ts":0,"dur":10,"pid":1,"tid":1}])";
    const TracePtr trace = test::loadSingle(test::writeFile(m_dir, QStringLiteral("same-ts.json"), events));
    QVERIFY(trace);
    QCOMPARE(trace->spanCount(), pairs + 1);
    int named = 0;
    std::size_t instants = 0;
    for (SpanIndex s = 0; s < trace->spanCount(); ++s) {
        named += trace->nameText(s) == "x" ? 1 : 0;
        instants += trace->events(s).size();
    }
    QCOMPARE(named, pairs);
    QCOMPARE(instants, std::size_t(pairs)); // every instant attached to a slice
    QVERIFY(!test::hasDiagnostic(*trace, QStringLiteral("never closed")));

    // Nested at one timestamp: 2,000 B then 2,000 E close innermost first.
    QByteArray nestedEvents = "[";
    for (int i = 0; i < 2000; ++i)
        nestedEvents += (i ? "," : "") + QByteArray(R"({"ph":"B","name":"n)") + QByteArray::number(i) + R"(","ts":7,"pid":1,"tid":1})";
    for (int i = 1999; i >= 0; --i)
        nestedEvents += R"(,{"ph":"E","name":"n)" + QByteArray::number(i) + R"(","ts":7,"pid":1,"tid":1})";
    const TracePtr chain = test::loadSingle(test::writeFile(m_dir, QStringLiteral("same-ts-nested.json"), nestedEvents + "]"));
    QVERIFY(chain);
    QCOMPARE(chain->spanCount(), 2000);
    QCOMPARE(chain->depth(chain->spanCount() - 1), 1999);
    QVERIFY(!test::hasDiagnostic(*chain, QStringLiteral("mismatch")));
}

// Running out of memory fails that file with a message and keeps the others: the
// command line under an address-space limit, with a big file between two small ones.
void TestHostileInput::outOfMemoryFailsOnlyThatFile()
{
    if (builtWithSanitizer())
        QSKIP("sanitizers reserve more address space (shadow memory) than the limit allows");
    const QString prlimit = QStandardPaths::findExecutable(QStringLiteral("prlimit"));
    if (prlimit.isEmpty())
        QSKIP("prlimit (util-linux) is not installed");
    // One OTLP resource block of 400k spans in JSON Lines: the robust reader's record, built
    // whole in memory (the bulk readers would read the same block in a fraction of the limit).
    QByteArray big = R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"s"}}]},"scopeSpans":[{"spans":[)";
    big.reserve(400000 * 230);
    for (int i = 0; i < 400000; ++i) {
        big += i ? "," : "";
        big += R"({"traceId":"5b8efff798038103d269b633813fc60c","spanId":")" + QByteArray::number(0x1000000000000000LL + i, 16)
            + R"(","name":"op","startTimeUnixNano":"1000","endTimeUnixNano":"6000","attributes":[{"key":"k","value":{"stringValue":"v"}}]})";
    }
    big += "]}]}]}";
    // As one document the bulk reader reads it a batch at a time, well within the limit.
    const QString plainPath = test::writeFile(m_dir, QStringLiteral("big-plain.json"), big);
    QProcess plain;
    plain.start(prlimit, {QStringLiteral("--as=%1").arg(qint64(420) << 20), QStringLiteral(TRACEDELTA_BINARY),
                          QStringLiteral("summary"), plainPath});
    QVERIFY(plain.waitForFinished(120000));
    QCOMPARE(plain.exitCode(), 0);
    QVERIFY(QString::fromUtf8(plain.readAllStandardOutput()).contains(QStringLiteral("400000")));
    big += "\n{\"resourceSpans\":[]}\n";
    const QString bigPath = test::writeFile(m_dir, QStringLiteral("big.json"), big);
    const QString small = test::sampleFile("inference-spike.json");
    QProcess process;
    process.start(prlimit, {QStringLiteral("--as=%1").arg(qint64(420) << 20), QStringLiteral(TRACEDELTA_BINARY),
                            QStringLiteral("summary"), small, bigPath, test::sampleFile("inference-normal-1.json")});
    QVERIFY(process.waitForFinished(120000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit); // no SIGABRT
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(err.contains(bigPath + QStringLiteral(": not enough memory")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("span(s) read")) || err.contains(QStringLiteral("memory")), qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("inference-spike.json")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("inference-normal-1.json")), qPrintable(out));
}

// The non-allocating release empties any value, however wide or deep (up to its path limit).
void TestHostileInput::releaseWithoutAllocating()
{
    nlohmann::json value = nlohmann::json::parse(nestedObject(200).toStdString());
    value["wide"] = nlohmann::json::array();
    for (int i = 0; i < 1000; ++i)
        value["wide"].push_back({{"a", i}, {"b", {1, 2, {{"c", "d"}}}}});
    releaseJsonWithoutAllocating(value);
    QVERIFY(value.empty());
    nlohmann::json deep = nlohmann::json::parse(nested(1000, '[', ']').toStdString());
    releaseJsonWithoutAllocating(deep);
    QVERIFY(deep.empty());
}

QTEST_GUILESS_MAIN(TestHostileInput)
