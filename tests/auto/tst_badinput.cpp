// SPDX-License-Identifier: GPL-3.0-or-later
// Broken input never crashes or hangs: fatal problems name the file and position,
// recoverable ones load with a diagnostic.
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <zlib.h>

using namespace tracedelta;

namespace {

QByteArray jaegerTrace(const QByteArray& spans)
{
    return R"({"data":[{"traceID":"t1","processes":{"p1":{"serviceName":"svc"}},"spans":[)" + spans + "]}]}";
}

QByteArray jaegerSpan(const char* id, const char* parent, int start, int duration)
{
    QByteArray refs = parent ? QByteArray(R"([{"refType":"CHILD_OF","traceID":"t1","spanID":")") + parent + "\"}]"
                             : QByteArray("[]");
    return QByteArray(R"({"traceID":"t1","spanID":")") + id + R"(","operationName":"op-)" + id
        + R"(","references":)" + refs + R"(,"startTime":)" + QByteArray::number(start) + R"(,"duration":)"
        + QByteArray::number(duration) + R"(,"processID":"p1"})";
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void fatalErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectedFragment");
        QTest::newRow("truncated jaeger") << jaegerTrace(jaegerSpan("a", nullptr, 0, 5)).left(60)
                                          << QStringLiteral("line 1, column 61 (byte 60)");
        QTest::newRow("truncated otlp") << QByteArray("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":")
                                        << QStringLiteral("invalid JSON (otlp)");
        QTest::newRow("syntax error on line 3") << QByteArray("[\n {\"ph\":\"X\",\"ts\":1,\"dur\":2},\n {\"ph\" \"X\"}\n]")
                                                << QStringLiteral("line 3, column");
        QTest::newRow("unknown format") << QByteArray(R"({"hello":"world","items":[1,2,3]})")
                                        << QStringLiteral("unrecognised trace format");
        QTest::newRow("array of numbers") << QByteArray("[1,2,3]") << QStringLiteral("neither a Chrome trace event");
        QTest::newRow("not json") << QByteArray("traceID,spanID\n1,2\n") << QStringLiteral("invalid JSON");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("empty array") << QByteArray("[]") << QStringLiteral("no spans");
        QTest::newRow("jaeger without traces") << QByteArray(R"({"data":[]})") << QStringLiteral("no traces");
        QTest::newRow("chrome without slices") << QByteArray(R"([{"ph":"B","ts":1,"pid":1,"tid":1,"name":"x"}])")
                                               << QStringLiteral("never closed");
        QTest::newRow("truncated gzip") << test::gzip(jaegerTrace(jaegerSpan("a", nullptr, 0, 5))).left(30)
                                        << QStringLiteral("truncated");
        QTest::newRow("png screenshot") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << QStringLiteral("this is a PNG image, not a trace file");
        QTest::newRow("zip archive") << QByteArray("PK\x03\x04\x14\0\0\0", 8) << QStringLiteral("ZIP archive");
        QTest::newRow("binary") << QByteArray("\x01\x02\0\x7f\x10\x11", 6) << QStringLiteral("binary file, not a trace");
        QTest::newRow("corrupt gzip") << QByteArray("\x1f\x8b\x08\x00garbagegarbagegarbage", 24)
                                      << QStringLiteral("gzip");
    }

    void fatalErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedFragment);
        const QString path = test::writeFile(m_dir, QStringLiteral("bad-%1.json").arg(QTest::currentDataTag()), content);
        // The same message when the file is parsed while it is read (as big files are).
        LoadControl whileReading;
        whileReading.streamFromBytes = 0;
        for (const LoadControl* control : {static_cast<const LoadControl*>(nullptr), static_cast<const LoadControl*>(&whileReading)}) {
            const LoadResult result = loadTraceFile(path, control);
            QVERIFY(!result.ok());
            QVERIFY(result.traces.empty());
            QVERIFY2(result.error.startsWith(path + QLatin1Char(':')), qPrintable(result.error));
            QVERIFY2(result.error.contains(expectedFragment), qPrintable(result.error));
        }
    }

    // An "E" that names no open slice ends nothing (Perfetto, speedscope): alpha lasts 14 µs.
    void strayEndEventsAreIgnored()
    {
        const TracePtr trace = test::loadSingle(QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/data/chrome/te-too-many-end-events.json"));
        QVERIFY(trace);
        QCOMPARE(trace->spanCount(), 2);
        QCOMPARE(trace->nameText(0), std::string("alpha"));
        QCOMPARE(trace->durationNs(0), 14'000);
        QCOMPARE(trace->nameText(1), std::string("beta"));
        QCOMPARE(trace->durationNs(1), 12'000);
        QCOMPARE(trace->parent(1), 0);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("2 \"E\" event(s) name no open slice")));
    }

    void missingFile()
    {
        const LoadResult result = loadTraceFile(m_dir.filePath(QStringLiteral("does-not-exist.json")));
        QVERIFY(!result.ok());
        QVERIFY(result.error.contains(QLatin1String("does-not-exist.json")));
        QVERIFY(result.error.contains(QLatin1String("cannot open")));
    }

    void gzipLoadsByContentNotName()
    {
        const QString path = test::writeFile(m_dir, QStringLiteral("compressed.dat"),
                                             test::gzip(jaegerTrace(jaegerSpan("a", nullptr, 0, 5))));
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QCOMPARE(trace->durationNs(0), 5000);
    }

    // A real profile's .json.gz cut in the middle (an interrupted download): one message
    // naming the file, no crash, and the same file whole still loads.
    void gzipCutInTheMiddle()
    {
        QFile real(test::sharedTracesDir() + QStringLiteral("/chrome/kineto-trace_diff-control.json.gz"));
        if (!real.open(QIODevice::ReadOnly))
            QSKIP("../shared/traces is not available");
        const QByteArray whole = real.readAll();
        const QString cut = test::writeFile(m_dir, QStringLiteral("cut.json.gz"), whole.left(whole.size() / 2));
        LoadControl whileReading;
        whileReading.streamFromBytes = 0;
        for (const LoadControl* control : {static_cast<const LoadControl*>(nullptr), static_cast<const LoadControl*>(&whileReading)}) {
            const LoadResult result = loadTraceFile(cut, control);
            QVERIFY(!result.ok());
            QVERIFY2(result.error.startsWith(cut) && result.error.contains(QLatin1String("the gzip data is truncated")),
                     qPrintable(result.error));
        }
        QVERIFY(loadTraceFile(real.fileName()).ok());
        // Read whole, the file is inflated as it is parsed: no inflated copy of all of it.
        const LoadResult streamed = loadTraceFile(real.fileName(), &whileReading);
        QVERIFY(streamed.ok());
        QCOMPARE(streamed.parser, ParserPath::Streamed);
        QCOMPARE(streamed.traces.front()->spanCount(), loadTraceFile(real.fileName()).traces.front()->spanCount());
    }

    void cycleInParentLinks()
    {
        const QByteArray spans = jaegerSpan("a", "b", 0, 10) + "," + jaegerSpan("b", "a", 1, 5) + ","
            + jaegerSpan("c", "a", 2, 1) + "," + jaegerSpan("r", nullptr, 0, 20);
        const TracePtr trace = test::loadSingle(test::writeFile(m_dir, QStringLiteral("cycle.json"), jaegerTrace(spans)));
        QVERIFY(trace);
        QCOMPARE(trace->spanCount(), 4);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("cycle")));
        QCOMPARE(trace->roots().size(), std::size_t(2)); // r, and the span where the loop was cut
    }

    void spanIsItsOwnParent()
    {
        const TracePtr trace = test::loadSingle(
            test::writeFile(m_dir, QStringLiteral("self.json"), jaegerTrace(jaegerSpan("a", "a", 0, 10))));
        QVERIFY(trace);
        QCOMPARE(trace->parent(0), NoSpan);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("name themselves as parent")));
    }

    void duplicateSpanIds()
    {
        const QByteArray spans = jaegerSpan("a", nullptr, 0, 10) + "," + jaegerSpan("a", nullptr, 1, 5) + ","
            + jaegerSpan("c", "a", 2, 1);
        const TracePtr trace = test::loadSingle(test::writeFile(m_dir, QStringLiteral("dup.json"), jaegerTrace(spans)));
        QVERIFY(trace);
        QCOMPARE(trace->spanCount(), 3);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("1 span(s) reuse the id")));
    }

    void orphansAreKeptAndCounted()
    {
        const QByteArray spans = jaegerSpan("r", nullptr, 0, 100) + "," + jaegerSpan("a", "gone", 1, 5) + ","
            + jaegerSpan("b", "gone", 2, 5) + "," + jaegerSpan("c", "gone2", 3, 5);
        const TracePtr trace = test::loadSingle(test::writeFile(m_dir, QStringLiteral("orphans.json"), jaegerTrace(spans)));
        QVERIFY(trace);
        QCOMPARE(trace->spanCount(), 4);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("3 span(s) reference a parent that is not in the file")));
        QCOMPARE(trace->nameText(trace->mainRoot()), std::string("op-r"));
    }

    // Zipkin spans without a timestamp sit at their trace's start, each trace's own (the
    // earliest timed span of that trace), or at 0 when none of its spans has a time; once
    // per trace, not a scan of the trace per untimed span.
    void untimedZipkinSpansSitAtTheirTraceStart()
    {
        QByteArray spans;
        // Built with QJsonObject: raw strings with quotes around them confuse moc.
        const auto add = [&](const char* trace, const char* id, const char* parent, qint64 timestamp, qint64 duration) {
            QJsonObject span{{QStringLiteral("traceId"), QLatin1String(trace)},
                             {QStringLiteral("id"), QLatin1String(id)},
                             {QStringLiteral("name"), QStringLiteral("op-") + QLatin1String(id)},
                             {QStringLiteral("localEndpoint"), QJsonObject{{QStringLiteral("serviceName"), QStringLiteral("svc")}}}};
            if (parent)
                span.insert(QStringLiteral("parentId"), QLatin1String(parent));
            if (timestamp > 0) {
                span.insert(QStringLiteral("timestamp"), timestamp);
                span.insert(QStringLiteral("duration"), duration);
            }
            spans += QByteArray(spans.isEmpty() ? "" : ",") + QJsonDocument(span).toJson(QJsonDocument::Compact);
        };
        add("aaaa", "a1", nullptr, 5000, 900);
        add("aaaa", "a2", "a1", 0, 0);
        add("aaaa", "a3", "a1", 4000, 10);
        add("aaaa", "a4", "a1", 0, 0);
        add("bbbb", "b1", nullptr, 0, 0);
        add("bbbb", "b2", "b1", 0, 0);
        const LoadResult result = loadTraceFile(test::writeFile(m_dir, QStringLiteral("untimed.json"), "[" + spans + "]"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(int(result.traces.size()), 2);
        for (const TracePtr& trace : result.traces) {
            const bool first = trace->traceId() == "aaaa";
            QCOMPARE(trace->spanCount(), first ? 4 : 2);
            for (SpanIndex i = 0; i < trace->spanCount(); ++i) {
                const std::string name = trace->nameText(i);
                const std::int64_t expected = name == "op-a1" ? 5'000'000 : name == "op-a3" ? 4'000'000 : first ? 4'000'000 : 0;
                QCOMPARE(trace->startNs(i), expected);
            }
            QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("have no timestamp; placed at the trace start")));
        }
    }

    void negativeDurationClamped()
    {
        const QByteArray otlp = R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"s"}}]},
            "scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","name":"backwards",
            "startTimeUnixNano":"2000","endTimeUnixNano":"1000"}]}]}]})";
        const TracePtr trace = test::loadSingle(test::writeFile(m_dir, QStringLiteral("negative.json"), otlp));
        QVERIFY(trace);
        QCOMPARE(trace->durationNs(0), 0);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("negative duration")));
    }

    void clockSkewReported()
    {
        const QByteArray spans = jaegerSpan("r", nullptr, 100, 50) + "," + jaegerSpan("a", "r", 90, 80);
        const TracePtr trace = test::loadSingle(test::writeFile(m_dir, QStringLiteral("skew.json"), jaegerTrace(spans)));
        QVERIFY(trace);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("clock skew")));
        QCOMPARE(trace->selfNs(0), 0); // the child covers the parent entirely once clipped
    }

    void wrongFieldTypes()
    {
        const QByteArray spans = R"({"traceID":"t1","spanID":"a","operationName":{"not":"a string"},"startTime":"soon",
            "duration":[1],"references":"none","tags":42,"logs":{"x":1},"processID":7})";
        const TracePtr trace = test::loadSingle(test::writeFile(m_dir, QStringLiteral("types.json"), jaegerTrace(spans)));
        QVERIFY(trace);
        QCOMPARE(trace->spanCount(), 1);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("no readable duration")));
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("no readable startTime")));
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("unknown_service")));
    }

    void chromeWrongTypesAndTruncatedTail()
    {
        const QByteArray events = R"([{"ph":"X","name":"ok","ts":1,"dur":5,"pid":1,"tid":1},
            {"ph":"X","name":"no time","ts":"later","pid":1,"tid":1},
            "not an event",
            {"ph":"X","name":"cut off","ts":3,)";
        const TracePtr trace = test::loadSingle(test::writeFile(m_dir, QStringLiteral("chrome-tail.json"), events));
        QVERIFY(trace);
        QCOMPARE(trace->spanCount(), 1);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("ends inside an event")));
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("without a readable \"ts\"")));
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("not JSON objects")));
    }

    void deepChainDoesNotOverflowTheStack()
    {
        QByteArray spans = jaegerSpan("s0", nullptr, 0, 200000);
        for (int i = 1; i < 50000; ++i)
            spans += "," + jaegerSpan(QByteArray("s" + QByteArray::number(i)).constData(),
                                      QByteArray("s" + QByteArray::number(i - 1)).constData(), i, 200000 - 2 * i);
        const TracePtr trace = test::loadSingle(test::writeFile(m_dir, QStringLiteral("deep.json"), jaegerTrace(spans)));
        QVERIFY(trace);
        QCOMPARE(trace->spanCount(), 50000);
        QCOMPARE(trace->subtreeEnd(0), 50000);
        QCOMPARE(trace->selfNs(0), 2000);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
