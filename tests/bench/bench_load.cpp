// SPDX-License-Identifier: GPL-3.0-or-later
// On-demand load benchmark (issue 13): for generated 1M-span files in each format, the real
// Kineto pair and a gzip file, one table — spans, load time, the same file's simdjson
// parse-only pass (for protobuf, a wire walk) measured in the same run and the ratio to it, model bytes per span, peak
// RSS as a multiple of the file size — with OVER where a bound is missed. Each load runs in
// a child process so its peak RSS is its own. Asserts nothing.
#include "core/io/protowire.h"
#include "core/io/traceloader.h"
#include "generatedtraces.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>


#include <cstdio>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include <simdjson.h>
#include <zlib.h>

using namespace tracedelta;
using namespace tracedelta::bench;

namespace {

// Chrome B/E pairs on one thread: all at one timestamp (the matcher's worst case) or one
// pair per timestamp. Matching stays linear: both take about the same time per event.
QString writeBeginEndPairs(const QTemporaryDir& dir, int pairs, bool sameTimestamp)
{
    const QString path = dir.filePath(QStringLiteral("pairs-%1-%2.json").arg(pairs).arg(sameTimestamp ? "same" : "spread"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path;
    file.write("[");
    for (int i = 0; i < pairs; ++i) {
        const QByteArray ts = QByteArray::number(sameTimestamp ? 5 : 10 * i + 5);
        file.write((i ? "," : "") + QByteArray(R"({"ph":"B","name":"x","ts":)") + ts + R"(,"pid":1,"tid":1},{"ph":"E","name":"x","ts":)"
                   + ts + R"(,"pid":1,"tid":1})");
    }
    file.write(R"(,{"ph":"X","name":"outer","ts":0,"dur":100000000,"pid":1,"tid":1}])");
    return path;
}


// One Jaeger trace: three tags, a log with a field, processes (with tags) after the spans.
// The tags come from few values (a service's spans are alike, and the model shares their
// lists), or, with `distinctTags`, no two spans have the same three (every span its own list).
QString writeJaeger(const QTemporaryDir& dir, int spans, int variant = 0, bool distinctTags = false)
{
    const QString path = dir.filePath(QStringLiteral("jaeger-%1-%2-%3.json").arg(spans).arg(variant).arg(distinctTags));
    writeRecords(path, R"({"data":[{"traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spans":[)", spans, [variant, distinctTags](int i) {
        const int parent = i / 8;
        return QByteArray(R"({"traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spanID":")") + hex(i + 1, 16) + R"(","operationName":"op-)"
            + QByteArray::number(i % 97) + R"(","references":)"
            + (i == 0 ? QByteArray("[]")
                      : R"([{"refType":"CHILD_OF","traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spanID":")" + hex(parent + 1, 16) + "\"}]")
            + R"(,"flags":1,"startTime":)" + QByteArray::number(1700000000000000LL + i) + R"(,"duration":)"
            + QByteArray::number(1000000 - i + (variant * 7919 + i * 31) % 997)
            + R"(,"tags":[{"key":"http.method","type":"string","value":"GET"},{"key":"http.status_code","type":"int64","value":)"
            + QByteArray::number(distinctTags ? 200 + i % 1000 : 200) + R"(},{"key":"peer.service","type":"string","value":"svc-)"
            + QByteArray::number(distinctTags ? i / 1000 : i % 13) + R"("}],)"
            + R"("logs":[{"timestamp":)" + QByteArray::number(1700000000000000LL + i) + R"(,"fields":[{"key":"event","type":"string","value":"sent"}]}],)"
            + R"("processID":"p)" + QByteArray::number(1 + i % 4) + R"(","warnings":null})";
    }, R"(],"processes":{"p1":{"serviceName":"frontend","tags":[{"key":"hostname","type":"string","value":"a"}]},)"
       R"("p2":{"serviceName":"driver","tags":[]},"p3":{"serviceName":"redis","tags":[]},"p4":{"serviceName":"mysql","tags":[]}},"warnings":null}]})");
    return path;
}

QString writeZipkin(const QTemporaryDir& dir, int spans)
{
    const QString path = dir.filePath(QStringLiteral("zipkin-%1.json").arg(spans));
    writeRecords(path, "[", spans, [](int i) {
        return QByteArray(R"({"traceId":"4bf92f3577b34da6","id":")") + hex(i + 1, 16) + "\""
            + (i == 0 ? QByteArray() : R"(,"parentId":")" + hex(i / 8 + 1, 16) + "\"") + R"(,"kind":"SERVER","name":"op-)"
            + QByteArray::number(i % 97) + R"(","timestamp":)" + QByteArray::number(1700000000000000LL + i) + R"(,"duration":)"
            + QByteArray::number(1000000 - i) + R"(,"localEndpoint":{"serviceName":"svc-)" + QByteArray::number(i % 4)
            + R"(","ipv4":"10.0.0.1"},"tags":{"http.method":"GET","http.path":"/api/)" + QByteArray::number(i % 50)
            + R"(","http.status_code":"200"},"annotations":[{"timestamp":)" + QByteArray::number(1700000000000000LL + i) + R"(,"value":"sent"}]})";
    }, "]");
    return path;
}

QString writeOtlp(const QTemporaryDir& dir, int spans)
{
    const QString path = dir.filePath(QStringLiteral("otlp-%1.json").arg(spans));
    // Four resources of spans/4 spans each.
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    QByteArray buffer = R"({"resourceSpans":[)";
    const int perResource = spans / 4;
    for (int r = 0; r < 4; ++r) {
        buffer += (r ? "," : "") + QByteArray(R"({"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc-)")
            + QByteArray::number(r) + R"("}}]},"scopeSpans":[{"scope":{"name":"bench"},"spans":[)";
        for (int k = 0; k < perResource; ++k) {
            const int i = r * perResource + k;
            const qint64 start = 1700000000000000000LL + qint64(i) * 1000;
            buffer += (k ? "," : "") + QByteArray(R"({"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":")") + hex(i + 1, 16) + "\""
                + (i == 0 ? QByteArray() : R"(,"parentSpanId":")" + hex(i / 8 + 1, 16) + "\"") + R"(,"name":"op-)" + QByteArray::number(i % 97)
                + R"(","kind":2,"startTimeUnixNano":")" + QByteArray::number(start) + R"(","endTimeUnixNano":")"
                + QByteArray::number(start + 1000000000LL - i) + R"(","attributes":[{"key":"http.method","value":{"stringValue":"GET"}},)"
                + R"({"key":"http.status_code","value":{"intValue":"200"}},{"key":"net.peer.name","value":{"stringValue":"db"}}],)"
                + R"("events":[{"timeUnixNano":")" + QByteArray::number(start) + R"(","name":"sent"}],"status":{}})";
            if (buffer.size() > (1 << 22)) {
                file.write(buffer);
                buffer.clear();
            }
        }
        buffer += "]}]}";
    }
    buffer += "]}";
    file.write(buffer);
    return path;
}

QString gzipCopy(const QString& path)
{
    const QString out = path + QStringLiteral(".gz");
    QFile in(path);
    in.open(QIODevice::ReadOnly);
    const QByteArray data = in.readAll();
    gzFile gz = gzopen(QFile::encodeName(out).constData(), "wb6");
    gzwrite(gz, data.constData(), static_cast<unsigned>(data.size()));
    gzclose(gz);
    return out;
}

// The floor: simdjson On-Demand reading every value of the document (strings unescaped,
// numbers parsed), as any loader must at least.
bool walk(simdjson::ondemand::value value, std::size_t& scalars)
{
    simdjson::ondemand::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case simdjson::ondemand::json_type::object: {
        simdjson::ondemand::object object;
        if (value.get_object().get(object))
            return false;
        for (auto field : object) {
            std::string_view key;
            if (field.unescaped_key().get(key) || !walk(field.value(), scalars))
                return false;
        }
        return true;
    }
    case simdjson::ondemand::json_type::array: {
        simdjson::ondemand::array array;
        if (value.get_array().get(array))
            return false;
        for (auto element : array) {
            simdjson::ondemand::value v;
            if (element.get(v) || !walk(v, scalars))
                return false;
        }
        return true;
    }
    case simdjson::ondemand::json_type::string: {
        std::string_view s;
        ++scalars;
        return !value.get_string().get(s);
    }
    case simdjson::ondemand::json_type::number: {
        double d = 0;
        ++scalars;
        return !value.get_double().get(d);
    }
    case simdjson::ondemand::json_type::boolean: {
        bool b = false;
        return !value.get_bool().get(b);
    }
    case simdjson::ondemand::json_type::null:
        return true;
    }
    return false;
}

// Seconds for the floor: reading the file (and inflating it), then the simdjson pass.
double simdjsonFloor(const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    std::string text;
    if (path.endsWith(QLatin1String(".gz"))) {
        gzFile gz = gzopen(QFile::encodeName(path).constData(), "rb");
        char chunk[1 << 16];
        int got = 0;
        while ((got = gzread(gz, chunk, sizeof chunk)) > 0)
            text.append(chunk, static_cast<std::size_t>(got));
        gzclose(gz);
    } else {
        // One allocation with simdjson's padding: a reserve() after resize() would copy the file.
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        text.reserve(static_cast<std::size_t>(file.size()) + simdjson::SIMDJSON_PADDING);
        text.resize(static_cast<std::size_t>(file.size()));
        file.read(text.data(), static_cast<qint64>(text.size()));
    }
    text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    std::size_t scalars = 0;
    if (parser.iterate(simdjson::padded_string_view(text.data(), text.size(), text.capacity())).get(doc))
        return -1;
    simdjson::ondemand::value root;
    if (doc.get_value().get(root) || !walk(root, scalars))
        return -1;
    return timer.nsecsElapsed() / 1e9;
}

// The floor for protobuf input: reading the file, then every packet's every field decoded,
// length-delimited ones walked as nested messages where they parse as one (else they are
// strings) — the wire work any reader does, without a model.
bool walkMessage(std::string_view bytes, int depth, std::size_t& fields)
{
    protowire::Reader reader(bytes);
    protowire::Field field;
    while (reader.next(field)) {
        ++fields;
        if (field.type == protowire::WireType::Bytes && depth < 8 && !field.bytes.empty()) {
            std::size_t nested = 0;
            if (walkMessage(field.bytes, depth + 1, nested))
                fields += nested;
        }
    }
    return reader.problem() == protowire::Problem::None;
}

double protobufFloor(const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    // Into memory from operator new, as the loader's: on huge pages like its blocks (core/util/hugepages.cpp).
    std::string data(static_cast<std::size_t>(file.size()), '\0');
    data.resize(static_cast<std::size_t>(std::max<qint64>(0, file.read(data.data(), static_cast<qint64>(data.size())))));
    std::size_t fields = 0;
    walkMessage(data, 0, fields);
    static volatile std::size_t sink;
    sink = fields;
    return timer.nsecsElapsed() / 1e9;
}

struct Row
{
    QString label;
    std::function<QString()> make; // writes the input (only for the rows that run)
    double maxRatio = 0;     // to the simdjson floor; 0: not bounded
    double maxBytesPerSpan = 0;
    double maxRssRatio = 0;  // peak RSS / file size
    // The same file's parse-only pass: "json" (simdjsonFloor) or "protobuf" (protobufFloor).
    QString floor = QStringLiteral("json");
};

// Child: the floor of one file, in a process of its own as the load is (a fresh heap: the
// parent's, after writing the inputs, faults its pages in differently). Prints seconds.
int floorOne(const QString& kind, const QString& path)
{
    std::printf("%.6f\n", kind == QLatin1String("protobuf") ? protobufFloor(path) : simdjsonFloor(path));
    return 0;
}

double floorInChild(const QString& self, const QString& kind, const QString& path)
{
    QProcess child;
    child.start(self, {QStringLiteral("--floor"), kind, path});
    child.waitForFinished(-1);
    return child.readAllStandardOutput().trimmed().toDouble();
}

// Child: load one file with `readerThreads` (0: as the machine allows), print "spans seconds
// modelBytes peakRssKiB".
int loadOne(const QString& path, int readerThreads)
{
    LoadControl control;
    control.readerThreads = readerThreads;
    QElapsedTimer timer;
    timer.start();
    const LoadResult result = loadTraceFile(path, &control);
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!result.ok()) {
        std::printf("error %s\n", qPrintable(result.error));
        return 1;
    }
    std::size_t spans = 0;
    std::size_t bytes = 0;
    for (const TracePtr& trace : result.traces) {
        spans += static_cast<std::size_t>(trace->spanCount());
        bytes += trace->bytesUsed();
    }
    // VmHWM, not getrusage: ru_maxrss keeps the parent's peak across fork and exec.
    long peakKiB = 0;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                peakKiB = line.mid(6).trimmed().split(' ').first().toLong();
        }
    }
    std::printf("%zu %.6f %zu %ld\n", spans, seconds, bytes, peakKiB);
    return 0;
}

// The fastest of `repeats` loads (each in a process of its own): its fields.
QList<QByteArray> fastestLoad(const QString& self, const QString& path, int threads, int repeats)
{
    QList<QByteArray> best;
    for (int r = 0; r < repeats; ++r) {
        QProcess child;
        child.start(self, {QStringLiteral("--load"), path, QString::number(threads)});
        child.waitForFinished(-1);
        const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
        if (fields.size() != 4 || fields[0] == "error")
            return fields;
        if (best.isEmpty() || fields[1].toDouble() < best[1].toDouble())
            best = fields;
    }
    return best;
}

// One row, loaded with each entry of `threadCounts` against the same floor. Floor and loads
// are each the fastest of `repeats` runs: on this VM the first touch of fresh memory can
// stall on the kernel compacting it for huge pages, which moved one floor by 4x (0.10 s
// against 0.43 s for one file, one run after the other).
void measure(const Row& row, const QString& self, const std::vector<int>& threadCounts, int repeats)
{
    const QString path = row.make();
    double floor = 0;
    for (int r = 0; r < repeats; ++r) {
        const double f = floorInChild(self, row.floor, path);
        floor = r == 0 ? f : std::min(floor, f);
    }
    for (const int threads : threadCounts) {
    const QList<QByteArray> fields = fastestLoad(self, path, threads, repeats);
    const QString label = threadCounts.size() > 1 ? QStringLiteral("%1 [%2 core%3]").arg(row.label).arg(threads).arg(threads > 1 ? "s" : "") : row.label;
    if (fields.size() != 4 || fields[0] == "error") {
        std::printf("%-36s failed: %s\n", qPrintable(label), fields.join(' ').constData());
        continue;
    }
    const double spans = fields[0].toDouble();
    const double seconds = fields[1].toDouble();
    const double bytesPerSpan = fields[2].toDouble() / spans;
    const double rssMiB = fields[3].toDouble() / 1024.0;
    const double fileMiB = QFileInfo(path).size() / 1048576.0;
    const double rssRatio = rssMiB / fileMiB;
    const double ratio = floor > 0 ? seconds / floor : 0;
    QStringList over;
    if (row.maxRatio > 0 && ratio > row.maxRatio)
        over << QStringLiteral("time>%1x").arg(row.maxRatio);
    if (row.maxBytesPerSpan > 0 && bytesPerSpan > row.maxBytesPerSpan)
        over << QStringLiteral("B/span>%1").arg(row.maxBytesPerSpan);
    if (row.maxRssRatio > 0 && rssRatio > row.maxRssRatio)
        over << QStringLiteral("RSS>%1x").arg(row.maxRssRatio);
    std::printf("%-44s %9.0f %8.3f %8.3f %6.1fx %7.0f %8.0f %7.0f %6.2fx  %s\n", qPrintable(label), spans, seconds, floor, ratio,
                bytesPerSpan, fileMiB, rssMiB, rssRatio, over.isEmpty() ? "ok" : qPrintable(QStringLiteral("OVER ") + over.join(QLatin1Char(' '))));
    std::fflush(stdout);
    }
}

// How long a load of the 1M-event Chrome file takes to stop once asked (the window's Cancel
// sets the same flag), asked at points spread over the whole load so every stage (reading,
// parsing, building the model) is hit.
void measureCancel(const QString& chrome)
{
    QElapsedTimer whole;
    whole.start();
    loadTraceFile(chrome);
    const qint64 loadMs = whole.elapsed();
    double worstMs = 0;
    qint64 worstAt = 0;
    QStringList points;
    for (int step = 1; step <= 10; ++step) {
        const qint64 delayMs = loadMs * step / 11;
        std::atomic<bool> cancel{false};
        LoadControl control;
        control.cancel = &cancel;
        QElapsedTimer asked;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
            asked.start();
            cancel = true;
        });
        const LoadResult cancelled = loadTraceFile(chrome, &control);
        canceller.join();
        const double stopMs = asked.isValid() ? asked.nsecsElapsed() / 1e6 : 0;
        points << QStringLiteral("%1:%2%3").arg(delayMs).arg(stopMs, 0, 'f', 0).arg(cancelled.cancelled ? "" : "(finished)");
        if (cancelled.cancelled && stopMs > worstMs) {
            worstMs = stopMs;
            worstAt = delayMs;
        }
    }
    std::printf("%-36s worst %.1f ms after Cancel (asked at %lld ms of a %lld ms load)  %s\n", "cancel a chrome load (10 points)",
                worstMs, static_cast<long long>(worstAt), static_cast<long long>(loadMs),
                worstMs <= 100 ? "ok (bound 100 ms)" : "OVER 100 ms");
    std::printf("  asked at ms:stopped after ms  %s\n", qPrintable(points.join(QLatin1Char(' '))));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && QByteArray(argv[1]) == "--floor")
        return floorOne(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    if (argc >= 3 && QByteArray(argv[1]) == "--load")
        return loadOne(QString::fromLocal8Bit(argv[2]), argc >= 4 ? std::atoi(argv[3]) : 0);
    const QString self = QCoreApplication::applicationFilePath();
    // bench_load [SPANS] [--only TEXT] [--keep DIR] [--threads N] [--repeat R]: TEXT picks the rows whose
    // label contains it ("chrome", "jaeger", "compare", "cancel", …); DIR keeps the generated
    // inputs (to profile one load with `bench_load --load FILE [THREADS]`); N loads each file
    // with that many reader threads only (default: each file with 1, then with 2); R runs of
    // each measurement, the fastest counted (default 3).
    int spans = 1'000'000;
    QString only;
    QString keep;
    std::vector<int> threadCounts{1, 2};
    int repeats = 3;
    for (int a = 1; a < argc; ++a) {
        if (QByteArray(argv[a]) == "--only" && a + 1 < argc)
            only = QString::fromLocal8Bit(argv[++a]);
        else if (QByteArray(argv[a]) == "--threads" && a + 1 < argc)
            threadCounts = {std::atoi(argv[++a])};
        else if (QByteArray(argv[a]) == "--repeat" && a + 1 < argc)
            repeats = std::max(1, std::atoi(argv[++a]));
        else if (QByteArray(argv[a]) == "--keep" && a + 1 < argc)
            keep = QString::fromLocal8Bit(argv[++a]);
        else
            spans = std::atoi(argv[a]);
    }
    QTemporaryDir dir(keep.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_load-XXXXXX") : keep + QStringLiteral("/bench_load-XXXXXX"));
    dir.setAutoRemove(keep.isEmpty());
    std::vector<Row> rows;
    QString chromeFile;
    const auto chrome = [&] {
        if (chromeFile.isEmpty())
            chromeFile = writeChrome(dir, spans);
        return chromeFile;
    };
    const auto fixed = [](const QString& path) { return [path] { return path; }; };
    rows.push_back({QStringLiteral("chrome X, no args"), chrome, 2.5, 64, 1.5});
    rows.push_back({QStringLiteral("chrome X, no args, .json.gz"), [&] { return gzipCopy(chrome()); }, 2.5, 64, 0});
    // Issue 28's file: a small argument on every event (its bounds: 2.0x the parse, RSS 1.0x the file).
    rows.push_back({QStringLiteral("chrome X, args on every event"), [&] { return writeChromeWithArgs(dir, spans); }, 2.0, 0, 1.0});
    rows.push_back({QStringLiteral("jaeger, 3 tags + log"), [&] { return writeJaeger(dir, spans); }, 3.0, 128, 1.5});
    rows.push_back({QStringLiteral("jaeger, 3 tags, no two alike"), [&] { return writeJaeger(dir, spans, 0, true); }, 3.0, 128, 1.5});
    rows.push_back({QStringLiteral("zipkin, 3 tags + annotation"), [&] { return writeZipkin(dir, spans); }, 3.0, 128, 1.5});
    rows.push_back({QStringLiteral("otlp, 3 attributes + event"), [&] { return writeOtlp(dir, spans); }, 3.0, 128, 1.5});
    // Issue 31's bounds: 3x a wire walk of the same file, RSS 2.5x the file (denser than the model).
    rows.push_back({QStringLiteral("perfetto, interned names"), [&] { return writePerfetto(dir, spans); }, 3.0, 0, 2.5, QStringLiteral("protobuf")});
    rows.push_back({QStringLiteral("chrome B/E pairs, one ts"), [&] { return writeBeginEndPairs(dir, spans / 4, true); }, 0, 0, 0});
    const QString shared = QStringLiteral(TRACEDELTA_SOURCE_DIR "/../shared/traces/chrome/");
    for (const char* name : {"kineto-trace_diff-control.json.gz", "kineto-trace_diff-test.json.gz"}) {
        if (QFile::exists(shared + QLatin1String(name)))
            rows.push_back({QString::fromLatin1(name), fixed(shared + QLatin1String(name)), 2.5, 0, 0});
    }
    std::printf("%-44s %9s %8s %8s %7s %7s %8s %7s %7s  %s\n", "input", "spans", "load s", "floor", "ratio", "B/span", "file MiB",
                "RSS MiB", "RSS/file", "bounds");
    for (const Row& row : rows) {
        if (only.isEmpty() || row.label.contains(only))
            measure(row, self, threadCounts, repeats);
    }
    // The whole `tracedelta compare` process for 20 baselines × 10k spans and a target.
    if (only.isEmpty() || QStringLiteral("compare").contains(only)) {
        QStringList compareArgs{QStringLiteral("compare")};
        double floor = 0;
        qint64 bytes = 0;
        for (int v = 0; v <= 20; ++v) {
            const QString file = writeJaeger(dir, 10000, v + 1);
            floor += simdjsonFloor(file);
            bytes += QFileInfo(file).size();
            if (v == 20)
                compareArgs << QStringLiteral("--target");
            compareArgs << file;
        }
        QElapsedTimer timer;
        timer.start();
        QProcess compare;
        compare.start(QStringLiteral(TRACEDELTA_BINARY), compareArgs);
        compare.waitForFinished(-1);
        const double wall = timer.nsecsElapsed() / 1e9;
        std::printf("%-36s %9d %8.3f %8.3f %6.1fx %7s %8.0f %7s %7s  %s\n", "compare 20 x 10k jaeger + target", 21 * 10000, wall, floor,
                    wall / floor, "", bytes / 1048576.0, "", "", compare.exitCode() == 0 && wall <= 1.0 ? "ok (bound 1.0 s wall)" : "OVER 1.0 s wall");
    }
    if (only.isEmpty() || QStringLiteral("cancel").contains(only))
        measureCancel(chrome());
    std::printf("(simdjson: reading the file, inflating .gz, and an On-Demand pass reading every value, in this run;\n"
                " bounds: chrome 2.5x, 64 B/span; jaeger/zipkin/otlp 3x, 128 B/span; RSS 1.5x the file)\n");
    return 0;
}
