// SPDX-License-Identifier: GPL-3.0-or-later
// Perfetto protobuf traces: hand-made packets (built here byte by byte, with the field
// numbers of Perfetto's protos/perfetto/trace/) for each rule of the reader, hostile framing,
// and real recordings of headless Chromium (tests/fixtures/chromium-proto) compared with each
// other and with the JSON recordings of the same page.
#include "testsupport.h"

#include "core/compare/comparison.h"
#include "core/io/formatsniffer.h"
#include "core/io/traceloader.h"
#include "tests/common/protowriter.h"

#include <QTemporaryDir>
#include <set>
#include <QtTest>

#include <zlib.h>

using namespace tracedelta;

namespace {

using protowriter::msg;
using protowriter::num;
using protowriter::varint;

std::string trace(const std::vector<std::string>& packets)
{
    std::string out;
    for (const std::string& p : packets)
        out += msg(1, p);
    return out;
}

// TracePacket pieces.
constexpr std::uint32_t Seq = 1;
std::string onSequence(const std::string& body, std::uint32_t flags = 2)
{
    return num(10, Seq) + num(13, flags) + body;
}
std::string interned(std::uint32_t table, std::uint64_t iid, const std::string& text)
{
    return msg(12, msg(table, num(1, iid) + msg(2, text)));
}
std::string processTrack(std::uint64_t uuid, int pid, const std::string& name)
{
    return num(10, Seq) + msg(60, num(1, uuid) + msg(3, num(1, pid) + msg(6, name)));
}
std::string threadTrack(std::uint64_t uuid, std::uint64_t parent, int pid, int tid, const std::string& name)
{
    return num(10, Seq) + msg(60, num(1, uuid) + num(5, parent) + msg(4, num(1, pid) + num(2, tid) + msg(5, name)));
}
// A TrackEvent packet: type 1 begin, 2 end, 3 instant; name as an interned id or text.
std::string packetEvent(std::uint64_t ts, int type, std::uint64_t track, std::uint64_t nameIid, const std::string& name = {},
                  const std::string& extra = {})
{
    std::string e = num(9, type) + num(11, track) + extra;
    if (nameIid)
        e += num(10, nameIid);
    if (!name.empty())
        e += msg(23, name);
    return num(8, ts) + onSequence(msg(11, e));
}

QString writeFile(QTemporaryDir& dir, const QString& name, const std::string& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes.data(), static_cast<qint64>(bytes.size()));
    return path;
}

std::string gzip(const std::string& bytes)
{
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, bytes.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::vector<std::string> spanNames(const Trace& t)
{
    std::vector<std::string> names;
    for (SpanIndex s = 0; s < t.spanCount(); ++s)
        names.push_back(t.nameText(s));
    return names;
}

std::string laneLabel(const Trace& t, std::int32_t lane)
{
    return t.strings().at(t.lanes()[static_cast<std::size_t>(lane)].label);
}

std::string attributeValue(const Trace& t, SpanIndex span, std::string_view key)
{
    for (const Attribute& a : t.attributes(span)) {
        if (t.strings().at(a.key) == key)
            return t.valueText(a.value).str();
    }
    return {};
}

QString diagnostics(const Trace& t)
{
    QStringList all;
    for (const Diagnostic& d : t.diagnostics())
        all << d.message;
    return all.join(QLatin1Char('\n'));
}

QString describe(const Comparison& c)
{
    QString text = c.verdictSentence();
    for (std::size_t i = 0; i < std::min<std::size_t>(c.candidates().size(), 5); ++i)
        text += QStringLiteral("\n  %1. %2").arg(i + 1).arg(c.candidates()[i].reason);
    return text;
}

QString fixture(const QString& folder, const QString& name)
{
    return QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/fixtures/") + folder + QLatin1Char('/') + name;
}

// The first packets of a process with one thread, "App / Main" (track 2).
std::vector<std::string> appThread()
{
    return {num(10, Seq) + num(13, 1), processTrack(1, 10, "App"), threadTrack(2, 1, 10, 11, "Main")};
}

} // namespace

class TestPerfetto : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // What one reading thread gives; every case is also read with the packets decoded on a
    // core of their own (as files of a few MiB are), which must give the same.
    LoadResult load(const QString& name, const std::string& bytes)
    {
        const QString path = writeFile(m_dir, name, bytes);
        LoadControl oneCore;
        oneCore.readerThreads = 1;
        LoadControl twoCores;
        twoCores.readerThreads = 2;
        const LoadResult one = loadTraceFile(path, &oneCore);
        const LoadResult two = loadTraceFile(path, &twoCores);
        const auto summary = [](const LoadResult& r) {
            QStringList lines{r.error};
            for (const TracePtr& trace : r.traces) {
                lines << QStringLiteral("spans %1 lanes %2").arg(trace->spanCount()).arg(trace->lanes().size());
                for (SpanIndex s = 0; s < trace->spanCount(); ++s)
                    lines << QStringLiteral("%1 %2 %3 %4").arg(QString::fromStdString(trace->nameText(s))).arg(trace->startNs(s)).arg(trace->durationNs(s)).arg(trace->parent(s));
                for (const Diagnostic& d : trace->diagnostics())
                    lines << d.message;
            }
            return lines;
        };
        if (summary(two) != summary(one))
            qWarning("%s: one core and two differ:\n%s\n---\n%s", qPrintable(name), qPrintable(summary(one).join(QLatin1Char('\n'))),
                     qPrintable(summary(two).join(QLatin1Char('\n'))));
        m_coresDiffer = m_coresDiffer || summary(two) != summary(one);
        return one;
    }
    bool m_coresDiffer = false;

    TracePtr loadOne(const QString& name, const std::string& bytes)
    {
        const LoadResult r = load(name, bytes);
        if (!r.ok() || r.traces.size() != 1) {
            qWarning("%s", qPrintable(r.error));
            return nullptr;
        }
        return r.traces.front();
    }

private Q_SLOTS:
    void cleanup() { QVERIFY2(!m_coresDiffer, "the packets read on two cores gave another model (see the warning)"); }

    void sniffsPerfettoNotOtlpNorJson()
    {
        std::vector<std::string> packets = appThread();
        packets.push_back(packetEvent(100, 1, 2, 0, "work"));
        const std::string bytes = trace(packets);
        QCOMPARE(sniffFormat(bytes).format, std::optional<TraceFormat>(TraceFormat::Perfetto));
        // OTLP: ExportTraceServiceRequest { resource_spans { resource {} scope_spans {} } }
        const std::string otlp = msg(1, msg(1, msg(1, msg(1, "service.name"))) + msg(2, msg(2, msg(1, std::string(16, 'a')))));
        QVERIFY(sniffFormat(otlp).format != std::optional<TraceFormat>(TraceFormat::Perfetto));
        QVERIFY(sniffFormat("\n{\"traceEvents\": []}").format == std::optional<TraceFormat>(TraceFormat::Chrome));
    }

    // Interned names are per sequence and start over when the sequence clears its state:
    // the same iid names "alpha" before and "beta" after.
    void internedNamesResetWithIncrementalState()
    {
        std::vector<std::string> p = appThread();
        p.push_back(num(10, Seq) + num(13, 1) + interned(2, 1, "alpha") + interned(1, 1, "toplevel"));
        p.push_back(packetEvent(100, 1, 2, 1, {}, num(3, 1)));
        p.push_back(packetEvent(200, 2, 2, 0));
        p.push_back(num(10, Seq) + num(13, 1) + interned(2, 1, "beta"));
        p.push_back(packetEvent(300, 1, 2, 1));
        p.push_back(packetEvent(450, 2, 2, 0));
        const TracePtr t = loadOne(QStringLiteral("interned.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(t->format(), TraceFormat::Perfetto);
        QVERIFY2(spanNames(*t) == (std::vector<std::string>{"alpha", "beta"}), qPrintable(diagnostics(*t)));
        QCOMPARE(t->lanes().size(), std::size_t(1));
        QCOMPARE(laneLabel(*t, 0), std::string("App / Main"));
        QCOMPARE(t->durationNs(0), std::int64_t(100));
        QCOMPARE(t->durationNs(1), std::int64_t(150));
        QCOMPARE(attributeValue(*t, 0, "category"), std::string("toplevel"));
    }

    void undefinedInternedIdIsNamedAndNoted()
    {
        std::vector<std::string> p = appThread();
        p.push_back(num(10, Seq) + num(13, 1));
        p.push_back(packetEvent(100, 1, 2, 7));
        p.push_back(packetEvent(200, 2, 2, 0));
        const TracePtr t = loadOne(QStringLiteral("undefined.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(spanNames(*t), std::vector<std::string>{"unknown name"});
        QVERIFY2(test::hasDiagnostic(*t, QStringLiteral("interned names never defined")), qPrintable(diagnostics(*t)));
    }

    // Packets that need incremental state, after data loss and before the next clear, are skipped.
    void packetsAfterLostStateAreSkipped()
    {
        std::vector<std::string> p = appThread();
        p.push_back(num(10, Seq) + num(13, 1) + interned(2, 1, "kept"));
        p.push_back(packetEvent(100, 1, 2, 1));
        p.push_back(packetEvent(200, 2, 2, 0));
        p.push_back(num(10, Seq) + num(42, 1)); // previous packet dropped
        p.push_back(packetEvent(300, 1, 2, 1));
        p.push_back(packetEvent(400, 2, 2, 0));
        const TracePtr t = loadOne(QStringLiteral("lost.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(spanNames(*t), std::vector<std::string>{"kept"});
        QVERIFY2(test::hasDiagnostic(*t, QStringLiteral("lost before them")), qPrintable(diagnostics(*t)));
    }

    // An async track under a process gets a lane of its own, named after the track;
    // debug annotations become attributes (nested ones as JSON, as Chrome's JSON has them).
    void asyncTrackIsALaneOfItsProcess()
    {
        std::vector<std::string> p = appThread();
        p.push_back(num(10, Seq) + msg(60, num(1, 50) + num(5, 1) + msg(2, "Fetch")));
        const std::string annotation =
            msg(4, msg(10, "data") + msg(11, msg(10, "url") + msg(6, "http://x/")) + msg(11, msg(10, "n") + num(4, 3)));
        p.push_back(packetEvent(100, 1, 50, 0, "request", annotation));
        p.push_back(packetEvent(150, 1, 2, 0, "parse"));
        p.push_back(packetEvent(160, 2, 2, 0));
        p.push_back(packetEvent(900, 2, 50, 0));
        const TracePtr t = loadOne(QStringLiteral("async.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(t->lanes().size(), std::size_t(2));
        std::vector<std::string> labels{laneLabel(*t, 0), laneLabel(*t, 1)};
        std::sort(labels.begin(), labels.end());
        QCOMPARE(labels, (std::vector<std::string>{"App / Fetch", "App / Main"}));
        SpanIndex request = NoSpan;
        for (SpanIndex s = 0; s < t->spanCount(); ++s)
            request = t->nameText(s) == "request" ? s : request;
        QVERIFY(request != NoSpan);
        QCOMPARE(t->durationNs(request), std::int64_t(800));
        QCOMPARE(attributeValue(*t, request, "data"), std::string("{\"n\":3,\"url\":\"http://x/\"}"));
    }

    // Chrome writes Layout's "endData" on the slice end; its JSON has it on the one complete
    // event. A key both carry keeps the begin's value, as the begin's args come first.
    void endArgumentsJoinTheirSlice()
    {
        std::vector<std::string> p = appThread();
        const auto annotation = [](const char* key, const char* value) { return msg(4, msg(10, key) + msg(6, value)); };
        p.push_back(packetEvent(100, 1, 2, 0, "Layout", annotation("beginData", "before")));
        p.push_back(packetEvent(300, 2, 2, 0, {}, annotation("endData", "after") + annotation("beginData", "late")));
        const TracePtr t = loadOne(QStringLiteral("end-args.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(t->spanCount(), SpanIndex(1));
        QCOMPARE(attributeValue(*t, 0, "beginData"), std::string("before"));
        QCOMPARE(attributeValue(*t, 0, "endData"), std::string("after"));
        // The same from a real recording: every Layout ends with its roots, as in the JSON.
        const TracePtr real = test::loadSingle(fixture(QStringLiteral("chromium-proto"), QStringLiteral("normal-1.pftrace.gz")));
        QVERIFY(real);
        int layouts = 0;
        int withEndData = 0;
        for (SpanIndex s = 0; s < real->spanCount(); ++s) {
            if (real->nameText(s) != "Layout")
                continue;
            ++layouts;
            withEndData += attributeValue(*real, s, "endData").empty() ? 0 : 1;
        }
        QVERIFY(layouts > 0);
        QCOMPARE(withEndData, layouts);
    }

    // Debug annotation strings are bytes; one that is not UTF-8 inside a nested value used
    // to throw from the JSON writer (found by fuzz_perfetto). The byte is replaced.
    void nonUtf8AnnotationIsReplaced()
    {
        std::vector<std::string> p = appThread();
        const std::string annotation = msg(4, msg(10, "data") + msg(11, msg(10, "url") + msg(6, "bad\xff")));
        p.push_back(packetEvent(100, 1, 2, 0, "request", annotation));
        p.push_back(packetEvent(200, 2, 2, 0));
        const TracePtr t = loadOne(QStringLiteral("utf8.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(attributeValue(*t, 0, "data"), std::string("{\"url\":\"bad\xef\xbf\xbd\"}"));
    }

    // Flows: the slices carrying one flow id are joined in time order, each to the one before
    // it, until a slice ends the flow; a flow on one slice only is counted, not joined.
    void flowsBecomeLinksBetweenSlices()
    {
        std::vector<std::string> p = appThread();
        const auto fixed64 = [](std::uint32_t field, std::uint64_t id) {
            std::string out = varint(std::uint64_t(field) << 3 | 1);
            for (int b = 0; b < 8; ++b)
                out += static_cast<char>((id >> (8 * b)) & 0xff);
            return out;
        };
        p.push_back(packetEvent(100, 1, 2, 0, "post", fixed64(47, 7) + fixed64(47, 9)));
        p.push_back(packetEvent(200, 2, 2, 0));
        p.push_back(packetEvent(300, 1, 2, 0, "run", fixed64(47, 7)));
        p.push_back(packetEvent(400, 2, 2, 0));
        p.push_back(packetEvent(500, 1, 2, 0, "reply", num(42, 7))); // terminating, the old field
        p.push_back(packetEvent(600, 2, 2, 0));
        p.push_back(packetEvent(700, 1, 2, 0, "late", fixed64(47, 7))); // flow 7 ended: a new one
        p.push_back(packetEvent(800, 2, 2, 0));
        const TracePtr t = loadOne(QStringLiteral("flows.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(spanNames(*t), (std::vector<std::string>{"post", "run", "reply", "late"}));
        std::vector<std::pair<std::string, std::string>> links;
        for (const SpanReference& r : t->references()) {
            QCOMPARE(r.type, ReferenceType::Link);
            QVERIFY(r.target != NoSpan);
            links.emplace_back(t->nameText(r.from), t->nameText(r.target));
        }
        std::sort(links.begin(), links.end());
        QCOMPARE(links, (std::vector<std::pair<std::string, std::string>>{{"reply", "run"}, {"run", "post"}}));
        QVERIFY2(diagnostics(*t).contains(QStringLiteral("2 flow step(s) between slices are kept as links")), qPrintable(diagnostics(*t)));
        // Flow 9 (post only) and the second flow 7 (late only) have one slice each.
        QVERIFY2(diagnostics(*t).contains(QStringLiteral("2 flow(s) touch only one slice")), qPrintable(diagnostics(*t)));
    }

    // Chrome's clock: µs deltas on the sequence's incremental clock 64, related to the trace
    // clock by the sequence's snapshot.
    void incrementalClockIsConverted()
    {
        std::vector<std::string> p = appThread();
        const std::string snapshot = msg(6, msg(1, num(1, 6) + num(2, 5'000'000'500)) + msg(1, num(1, 64) + num(2, 5'000'000) + num(3, 1) + num(4, 1000)));
        const std::string defaults = msg(59, num(58, 64) + msg(11, num(11, 2)));
        p.push_back(num(10, Seq) + num(13, 1) + defaults + snapshot);
        p.push_back(num(8, 10) + onSequence(msg(11, num(9, 1) + msg(23, "tick"))));
        p.push_back(num(8, 25) + onSequence(msg(11, num(9, 2))));
        const TracePtr t = loadOne(QStringLiteral("clock.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(t->startNs(0), std::int64_t(5'000'010'500));
        QCOMPARE(t->durationNs(0), std::int64_t(25'000));
        QCOMPARE(laneLabel(*t, 0), std::string("App / Main"));
    }

    // Android atrace markers in ftrace print events, named by the process tree; scheduling
    // events are counted by name in the notes.
    void atraceBeginEndOnItsThread()
    {
        const std::string tree = msg(2, msg(1, num(1, 10) + msg(3, "com.example.app")) + msg(2, num(1, 12) + num(3, 10) + msg(2, "RenderThread")));
        const auto print = [](std::uint64_t ts, int tid, const std::string& text) {
            return msg(2, num(1, ts) + num(2, tid) + msg(3, msg(2, text)));
        };
        const std::string sched = msg(2, num(1, 150) + num(2, 0) + msg(4, num(2, 12)));
        const std::string bundle = msg(1, num(1, 0) + print(100, 12, "B|10|draw\n") + print(120, 12, "B|10|record") + sched
                                              + print(130, 12, "E|10") + print(200, 12, "E|10") + print(210, 12, "C|10|fps|60")
                                              + print(300, 12, "S|10|load|7") + print(700, 12, "F|10|load|7"));
        const TracePtr t = loadOne(QStringLiteral("atrace.pftrace"), trace({num(10, 3) + tree, num(10, 3) + bundle}));
        QVERIFY(t);
        QCOMPARE(t->spanCount(), SpanIndex(3));
        bool draw = false;
        for (SpanIndex s = 0; s < t->spanCount(); ++s) {
            if (t->nameText(s) == "draw") {
                draw = true;
                QCOMPARE(laneLabel(*t, t->lane(s)), std::string("com.example.app / RenderThread"));
                QCOMPARE(t->durationNs(s), std::int64_t(100));
                QCOMPARE(t->children(s).size(), std::size_t(1));
            }
            if (t->nameText(s) == "load")
                QCOMPARE(laneLabel(*t, t->lane(s)), std::string("com.example.app / load"));
        }
        QVERIFY(draw);
        QVERIFY2(test::hasDiagnostic(*t, QStringLiteral("sched_switch: 1")), qPrintable(diagnostics(*t)));
        QVERIFY2(test::hasDiagnostic(*t, QStringLiteral("atrace counter: 1")), qPrintable(diagnostics(*t)));
    }

    // A slice that ends where the next begins (one timestamp: Chrome's clock has µs steps)
    // is two slices side by side, in the protobuf and in JSON alike — not the second nested
    // in the first with no length while the first swallows its time.
    void sliceEndingWhereTheNextBeginsIsNotNested()
    {
        std::vector<std::string> p = appThread();
        p.push_back(packetEvent(100, 1, 2, 0, "first"));
        p.push_back(packetEvent(200, 2, 2, 0));
        p.push_back(packetEvent(200, 1, 2, 0, "second"));
        p.push_back(packetEvent(300, 2, 2, 0));
        const TracePtr t = loadOne(QStringLiteral("back-to-back.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(spanNames(*t), (std::vector<std::string>{"first", "second"}));
        for (SpanIndex s = 0; s < t->spanCount(); ++s) {
            QCOMPARE(t->durationNs(s), std::int64_t(100));
            QCOMPARE(t->parent(s), NoSpan);
        }
        // JSON: unnamed ends in file order; a named end written before its own zero-length
        // begin still closes that slice, not the one around it.
        const QByteArray json = R"([{"ph":"B","name":"first","ts":1,"pid":1,"tid":1},{"ph":"E","ts":2,"pid":1,"tid":1},)"
                                R"({"ph":"B","name":"second","ts":2,"pid":1,"tid":1},{"ph":"E","name":"x","ts":2.5,"pid":1,"tid":1},)"
                                R"({"ph":"B","name":"x","ts":2.5,"pid":1,"tid":1},{"ph":"E","ts":3,"pid":1,"tid":1}])";
        const TracePtr j = test::loadSingle(test::writeFile(m_dir, QStringLiteral("back-to-back.json"), json));
        QVERIFY(j);
        QCOMPARE(spanNames(*j), (std::vector<std::string>{"first", "second", "x"}));
        QCOMPARE(j->durationNs(0), std::int64_t(1000));
        QCOMPARE(j->parent(1), NoSpan);
        QCOMPARE(j->durationNs(1), std::int64_t(1000));
        QCOMPARE(j->parent(2), SpanIndex(1));
        QCOMPARE(j->durationNs(2), std::int64_t(0));
    }

    // Async slices (Chrome's "b"/"e", Perfetto's unnamed tracks under a process: where
    // performance.measure() writes) are paired by id, whatever the file order, and shown on
    // a lane of their process per category — the same lane from JSON and from protobuf, so
    // a page's own numbered stages align across runs.
    void asyncSlicesPairByIdOnACategoryLane()
    {
        std::vector<std::string> p = appThread();
        p.push_back(num(10, Seq) + msg(60, num(1, 60) + num(5, 1)));
        p.push_back(num(10, Seq) + msg(60, num(1, 61) + num(5, 1)));
        p.push_back(packetEvent(400, 2, 60, 0)); // written before its begin (another thread's sequence)
        p.push_back(packetEvent(100, 1, 60, 0, "layer_0", msg(22, "blink.user_timing")));
        p.push_back(packetEvent(250, 1, 61, 0, "layer_1", msg(22, "blink.user_timing")));
        p.push_back(packetEvent(600, 2, 61, 0));
        p.push_back(packetEvent(700, 2, 61, 0)); // an end with nothing open
        const TracePtr t = loadOne(QStringLiteral("async-ids.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(spanNames(*t), (std::vector<std::string>{"layer_0", "layer_1"}));
        QCOMPARE(laneLabel(*t, t->lane(0)), std::string("App / blink.user_timing"));
        QCOMPARE(t->lane(0), t->lane(1));
        QCOMPARE(t->durationNs(0), std::int64_t(300));
        QCOMPARE(t->durationNs(1), std::int64_t(350));
        QCOMPARE(t->parent(1), NoSpan); // overlapping, not nested: two ids
        QVERIFY2(test::hasDiagnostic(*t, QStringLiteral("1 async slice end(s) without a begin")), qPrintable(diagnostics(*t)));
        // JSON: ids scope by category; an end names its slice; "n" is an instant on the lane.
        const QByteArray json =
            R"({"traceEvents":[{"ph":"M","name":"process_name","pid":7,"args":{"name":"App"}},)"
            R"({"ph":"b","cat":"blink.user_timing","name":"layer_0","id2":{"local":"0x31"},"ts":0.1,"pid":7,"tid":7},)"
            R"({"ph":"b","cat":"blink.user_timing","name":"inner","id2":{"local":"0x31"},"ts":0.2,"pid":7,"tid":7},)"
            R"({"ph":"n","cat":"blink.user_timing","name":"mark","id2":{"local":"0x31"},"ts":0.25,"pid":7,"tid":7},)"
            R"({"ph":"e","cat":"blink.user_timing","name":"layer_0","id2":{"local":"0x31"},"ts":0.4,"pid":7,"tid":7},)"
            R"({"ph":"e","cat":"other","name":"inner","id2":{"local":"0x31"},"ts":0.3,"pid":7,"tid":7},)"
            R"({"ph":"e","cat":"blink.user_timing","name":"inner","id2":{"local":"0x31"},"ts":0.3,"pid":7,"tid":7},)"
            R"({"ph":"b","cat":"blink.user_timing","name":"open","id":"0x9","ts":0.5,"pid":7,"tid":7}]})";
        const TracePtr j = test::loadSingle(test::writeFile(m_dir, QStringLiteral("async-ids.json"), json));
        QVERIFY(j);
        QCOMPARE(spanNames(*j), (std::vector<std::string>{"layer_0", "inner"}));
        QCOMPARE(laneLabel(*j, j->lane(0)), std::string("App / blink.user_timing"));
        QCOMPARE(j->durationNs(0), std::int64_t(300));
        QCOMPARE(j->durationNs(1), std::int64_t(100));
        QCOMPARE(j->parent(1), SpanIndex(0));
        QVERIFY2(test::hasDiagnostic(*j, QStringLiteral("1 async slice(s) still open")), qPrintable(diagnostics(*j)));
        QVERIFY2(test::hasDiagnostic(*j, QStringLiteral("1 async slice end(s) without a begin")), qPrintable(diagnostics(*j)));
    }

    // Slices are paired as they are read; a thread whose events come out of time order (two
    // sequences writing one thread's track) is read again with its events sorted — streamed
    // from the file or from memory, the same slices.
    void eventsOutOfTimeOrderAreSortedFirst()
    {
        std::vector<std::string> p = appThread();
        p.push_back(packetEvent(300, 1, 2, 0, "later"));
        p.push_back(packetEvent(400, 2, 2, 0));
        p.push_back(packetEvent(100, 1, 2, 0, "earlier"));
        p.push_back(packetEvent(150, 1, 2, 0, "inner"));
        p.push_back(packetEvent(200, 2, 2, 0));
        p.push_back(packetEvent(250, 2, 2, 0));
        const QString path = writeFile(m_dir, QStringLiteral("unordered.pftrace"), trace(p));
        for (const bool whileReading : {true, false}) {
            LoadControl control;
            control.streamFromBytes = whileReading ? 0 : std::numeric_limits<std::int64_t>::max();
            const LoadResult r = loadTraceFile(path, &control);
            QVERIFY2(r.ok() && r.traces.size() == 1, qPrintable(r.error));
            const Trace& t = *r.traces.front();
            QCOMPARE(spanNames(t), (std::vector<std::string>{"earlier", "inner", "later"}));
            QCOMPARE(t.durationNs(0), std::int64_t(150));
            QCOMPARE(t.durationNs(1), std::int64_t(50));
            QCOMPARE(t.parent(1), SpanIndex(0));
            QCOMPARE(t.durationNs(2), std::int64_t(100));
            QVERIFY2(!test::hasDiagnostic(t, QStringLiteral("no open slice")), qPrintable(diagnostics(t)));
        }
    }

    void sliceEndWithoutBeginIsNoted()
    {
        std::vector<std::string> p = appThread();
        p.push_back(packetEvent(50, 2, 2, 0));
        p.push_back(packetEvent(100, 1, 2, 0, "work"));
        p.push_back(packetEvent(200, 2, 2, 0));
        const TracePtr t = loadOne(QStringLiteral("endfirst.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(spanNames(*t), std::vector<std::string>{"work"});
        QVERIFY2(test::hasDiagnostic(*t, QStringLiteral("1 slice end(s) on a track with no open slice")), qPrintable(diagnostics(*t)));
    }

    void gzipAndAnyNameLoad()
    {
        std::vector<std::string> p = appThread();
        p.push_back(packetEvent(100, 1, 2, 0, "work"));
        p.push_back(packetEvent(200, 2, 2, 0));
        const TracePtr t = loadOne(QStringLiteral("named-like.json"), gzip(trace(p)));
        QVERIFY(t);
        QCOMPARE(t->format(), TraceFormat::Perfetto);
        QCOMPARE(spanNames(*t), std::vector<std::string>{"work"});
    }

    // Broken framing: one message naming the file and the byte, no crash, no huge allocation.
    void brokenFramingNamesFileAndOffset_data()
    {
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<QString>("expected");
        const auto bytes = [](const std::string& s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); };
        QTest::newRow("truncated packet") << bytes(varint(0x0a) + varint(100) + std::string(5, '\x08'))
                                          << QStringLiteral("the file ends inside the packet at byte %1 (it claims 100 bytes");
        QTest::newRow("bad varint") << bytes("\x0a" + std::string(11, '\xff')) << QStringLiteral("bad varint in the packet length at byte %1");
        QTest::newRow("2 GB length") << bytes(varint(0x0a) + varint(std::uint64_t(2) << 30) + "\x08\x01")
                                     << QStringLiteral("the packet at byte %1 claims 2147483648 bytes");
    }

    void brokenFramingNamesFileAndOffset()
    {
        QFETCH(QByteArray, tail);
        QFETCH(QString, expected);
        std::vector<std::string> p = appThread();
        const std::string good = trace(p);
        // Alone, the broken packet is the file's error; after good packets, a warning on what was read.
        const std::string alone = trace({num(8, 1) + num(10, 1)}) + tail.toStdString();
        const LoadResult failed = load(QStringLiteral("broken.pftrace"), alone);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error.contains(QStringLiteral("broken.pftrace")), qPrintable(failed.error));
        QVERIFY2(failed.error.contains(expected.arg(trace({num(8, 1) + num(10, 1)}).size())), qPrintable(failed.error));
        p.push_back(packetEvent(100, 1, 2, 0, "work"));
        p.push_back(packetEvent(200, 2, 2, 0));
        const std::string prefix = trace(p);
        const TracePtr t = loadOne(QStringLiteral("cut.pftrace"), prefix + tail.toStdString());
        QVERIFY(t);
        QCOMPARE(spanNames(*t), std::vector<std::string>{"work"});
        QVERIFY2(test::hasDiagnostic(*t, expected.arg(prefix.size())), qPrintable(diagnostics(*t)));
        Q_UNUSED(good);
    }

    void malformedPacketIsSkippedWithItsOffset()
    {
        std::vector<std::string> p = appThread();
        p.push_back(packetEvent(100, 1, 2, 0, "work"));
        p.push_back(num(10, Seq) + msg(11, std::string("\x48\xff\xff", 3))); // a track event whose varint runs off
        p.push_back(packetEvent(200, 2, 2, 0));
        const TracePtr t = loadOne(QStringLiteral("malformed.pftrace"), trace(p));
        QVERIFY(t);
        QCOMPARE(spanNames(*t), std::vector<std::string>{"work"});
        QVERIFY2(test::hasDiagnostic(*t, QStringLiteral("1 malformed packet(s) were skipped (the first at byte")), qPrintable(diagnostics(*t)));
    }

    // Real Chromium recordings: lanes named as Chrome's JSON names them, notes only about
    // what is not a span and slices whose begin came before tracing started.
    void chromiumRecordingReadsLikeItsJson()
    {
        const TracePtr proto = test::loadSingle(fixture(QStringLiteral("chromium-proto"), QStringLiteral("normal-1.pftrace.gz")));
        const TracePtr json = test::loadSingle(fixture(QStringLiteral("chromium"), QStringLiteral("normal-1.json.gz")));
        QVERIFY(proto && json);
        QCOMPARE(proto->format(), TraceFormat::Perfetto);
        const auto labels = [](const Trace& t) {
            std::set<std::string> out;
            for (std::size_t l = 0; l < t.lanes().size(); ++l)
                out.insert(laneLabel(t, static_cast<std::int32_t>(l)));
            return out;
        };
        const std::set<std::string> protoLanes = labels(*proto);
        const std::set<std::string> jsonLanes = labels(*json);
        for (const char* lane : {"Renderer / CrRendererMain", "Browser / CrBrowserMain"}) {
            QVERIFY2(protoLanes.count(lane), lane);
            QVERIFY2(jsonLanes.count(lane), lane);
        }
        std::set<std::string> names;
        for (SpanIndex s = 0; s < proto->spanCount(); ++s)
            names.insert(proto->nameText(s));
        for (const char* name : {"Layout", "EvaluateScript", "ParseHTML"})
            QVERIFY2(names.count(name), name);
        for (const Diagnostic& d : proto->diagnostics()) {
            const bool allowed = d.message.contains(QStringLiteral("that are not spans were skipped"))
                || d.message.contains(QStringLiteral("on a track with no open slice"))
                || d.message.contains(QStringLiteral("still open when tracing stopped"))
                || d.message.contains(QStringLiteral("flow step(s) between slices are kept as links"))
                || d.message.contains(QStringLiteral("flow(s) touch only one slice"))
                || d.message.contains(QStringLiteral("instant event(s) lie outside")) // as in its JSON
                || d.message.contains(QStringLiteral("kinds that are not spans"));
            QVERIFY2(allowed, qPrintable(d.message));
            // Every skipped packet has a kind a reader can act on, none "on no track".
            QVERIFY2(!d.message.contains(QStringLiteral("on no track")), qPrintable(d.message));
        }
    }

    // As tst_producerfixtures asserts on the JSON recordings: 300 forced layouts are named first.
    void chromiumForcedLayoutNamesLayoutFirst()
    {
        std::vector<TracePtr> baselines;
        for (int i = 1; i <= 4; ++i)
            baselines.push_back(test::loadSingle(fixture(QStringLiteral("chromium-proto"), QStringLiteral("normal-%1.pftrace.gz").arg(i))));
        const TracePtr target = test::loadSingle(fixture(QStringLiteral("chromium-proto"), QStringLiteral("forced-layout.pftrace.gz")));
        QVERIFY(target);
        for (const TracePtr& b : baselines)
            QVERIFY(b);
        const Comparison c(baselines, target);
        QVERIFY(!c.candidates().empty());
        const AlignedNode& node = c.alignment().node(c.candidates().front().node);
        // The protobuf runs keep Chromium's WebUI renderer, whose background parsing varies
        // by more than the forced layouts take: the whole stays within its spread, and only
        // Layout's call count (300 against 1 in every baseline) tells it from noise.
        QVERIFY2(node.name == "Layout", qPrintable(describe(c)));
    }

    // Where the count rule must not fire: normal page loads, each against the other four
    // and the held-out one against all five. Counts of the page's work stay within a factor
    // of two of their range, so no count change outlives the whole's noise.
    void normalRecordingsHaveNoFarOutsideCount()
    {
        std::vector<TracePtr> normals;
        for (int i = 1; i <= 5; ++i)
            normals.push_back(test::loadSingle(fixture(QStringLiteral("chromium-proto"), QStringLiteral("normal-%1.pftrace.gz").arg(i))));
        const TracePtr holdout = test::loadSingle(fixture(QStringLiteral("chromium-proto"), QStringLiteral("holdout-normal.pftrace.gz")));
        QVERIFY(holdout);
        std::vector<std::pair<std::vector<TracePtr>, TracePtr>> cases{{normals, holdout}};
        for (std::size_t i = 0; i < normals.size(); ++i) {
            QVERIFY(normals[i]);
            std::vector<TracePtr> others = normals;
            others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
            cases.emplace_back(others, normals[i]);
        }
        for (const auto& [baselines, target] : cases) {
            const Comparison c(baselines, target);
            const std::size_t T = c.baselineCount();
            for (const Candidate& candidate : c.candidates()) {
                const NodeMetrics& m = c.metrics(candidate.node);
                QVERIFY2(candidate.kind != CandidateKind::CountChanged || !m.baselineCount.farOutside(m.count[T]),
                         qPrintable(describe(c)));
                QVERIFY2(c.alignment().node(candidate.node).name != "Layout", qPrintable(describe(c)));
            }
        }
    }

    // Chromium's own WebUI renderer parses more or less in the background in every run, on
    // pool threads whose busy time varies by hundreds of ms: work there that moved by less
    // than its thread varies neither makes a normal load "different" nor is listed. Three of
    // the five normals against the other four come out similar with nothing listed (one before);
    // normal-4 still lists its WebUI renderer's 199 ms wait, and normal-2, whose WebUI renderer
    // waited 262 ms where no other run did, is still "different". 300 forced layouts on the
    // page's main thread still lead (chromiumForcedLayoutNamesLayoutFirst).
    void normalRecordingsAreSimilar()
    {
        std::vector<TracePtr> normals;
        for (int i = 1; i <= 5; ++i)
            normals.push_back(test::loadSingle(fixture(QStringLiteral("chromium-proto"), QStringLiteral("normal-%1.pftrace.gz").arg(i))));
        int similar = 0;
        for (std::size_t i = 0; i < normals.size(); ++i) {
            QVERIFY(normals[i]);
            std::vector<TracePtr> others = normals;
            others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
            const Comparison c(others, normals[i]);
            similar += c.verdict() == Verdict::Similar && c.candidates().empty();
        }
        QVERIFY2(similar >= 3, qPrintable(QString::number(similar)));
        const Comparison fifth({normals[0], normals[1], normals[2], normals[3]}, normals[4]);
        QVERIFY2(fifth.verdict() == Verdict::Similar && fifth.candidates().empty(), qPrintable(describe(fifth)));
    }

    // A protobuf target against JSON baselines of the same page: the lanes pair by label.
    void protobufTargetPairsWithJsonBaselines()
    {
        std::vector<TracePtr> baselines;
        for (int i = 1; i <= 4; ++i)
            baselines.push_back(test::loadSingle(fixture(QStringLiteral("chromium"), QStringLiteral("normal-%1.json.gz").arg(i))));
        const TracePtr target = test::loadSingle(fixture(QStringLiteral("chromium-proto"), QStringLiteral("forced-layout.pftrace.gz")));
        QVERIFY(target);
        const Comparison c(baselines, target);
        QVERIFY(!c.candidates().empty());
        const AlignedNode& node = c.alignment().node(c.candidates().front().node);
        QVERIFY2(node.service == "Renderer / CrRendererMain", node.service.c_str());
        // EvaluateScript's self time doubled in this recording too (+153 ms), and the critical
        // path moved onto it; but work that grew by 153 ms cannot explain more than 153 ms.
        QVERIFY2(node.name == "Layout", qPrintable(describe(c)));
        bool layoutAmongFirst = false;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, c.candidates().size()); ++i)
            layoutAmongFirst = layoutAmongFirst || c.alignment().node(c.candidates()[i].node).name == "Layout";
        QVERIFY2(layoutAmongFirst, qPrintable(describe(c)));
    }
};

QTEST_GUILESS_MAIN(TestPerfetto)
#include "tst_perfetto.moc"
