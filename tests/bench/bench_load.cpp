// SPDX-License-Identifier: GPL-3.0-or-later
// On-demand load benchmark: wall time, model bytes per span and peak memory for the
// real Kineto pair and for generated Jaeger traces. Prints a table; asserts nothing.
#include "core/io/traceloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

using namespace tracedelta;

namespace {

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

QString writeSyntheticJaeger(const QTemporaryDir& dir, int spans)
{
    const QString path = dir.filePath(QStringLiteral("synthetic-%1.json").arg(spans));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(R"({"data":[{"traceID":"abc","processes":{"p1":{"serviceName":"frontend"},"p2":{"serviceName":"db"}},"spans":[)");
    for (int i = 0; i < spans; ++i) {
        // A wide, shallow tree: every span's parent is i/8, like fan-out RPC trees.
        const int parent = i / 8;
        QByteArray span = "{\"traceID\":\"abc\",\"spanID\":\"" + QByteArray::number(i + 1, 16) + "\",\"operationName\":\"op-"
            + QByteArray::number(i % 97) + "\",\"references\":"
            + (i == 0 ? QByteArray("[]")
                      : "[{\"refType\":\"CHILD_OF\",\"traceID\":\"abc\",\"spanID\":\"" + QByteArray::number(parent + 1, 16) + "\"}]")
            + ",\"startTime\":" + QByteArray::number(1700000000000000LL + i) + ",\"duration\":"
            + QByteArray::number(1000000 - i) + ",\"tags\":[{\"key\":\"k\",\"type\":\"string\",\"value\":\"v"
            + QByteArray::number(i % 13) + "\"}],\"processID\":\"p" + QByteArray::number(1 + i % 2) + "\"}";
        file.write(i ? "," + span : span);
    }
    file.write("]}]}");
    return path;
}

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

void measure(const QString& label, const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    const LoadResult result = loadTraceFile(path);
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!result.ok()) {
        std::printf("%-34s failed: %s\n", qPrintable(label), qPrintable(result.error));
        return;
    }
    std::size_t spans = 0;
    std::size_t bytes = 0;
    for (const TracePtr& trace : result.traces) {
        spans += static_cast<std::size_t>(trace->spanCount());
        bytes += trace->bytesUsed();
    }
    std::printf("%-34s %9zu spans %8.3f s %10.1f MiB model %7.1f B/span %7ld MiB peak RSS\n", qPrintable(label), spans,
                seconds, bytes / 1048576.0, static_cast<double>(bytes) / static_cast<double>(spans), peakRssMiB());
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QString shared = QStringLiteral(TRACEDELTA_SOURCE_DIR "/../shared/traces/chrome/");
    for (const char* name : {"kineto-trace_diff-control.json.gz", "kineto-trace_diff-test.json.gz"}) {
        if (QFile::exists(shared + QLatin1String(name)))
            measure(QLatin1String(name), shared + QLatin1String(name));
    }
    QTemporaryDir dir;
    for (int spans : {100000, 1000000})
        measure(QStringLiteral("synthetic jaeger %1").arg(spans), writeSyntheticJaeger(dir, spans));
    for (int pairs : {40000, 320000}) {
        measure(QStringLiteral("chrome B/E %1 pairs, spread").arg(pairs), writeBeginEndPairs(dir, pairs, false));
        measure(QStringLiteral("chrome B/E %1 pairs, one ts").arg(pairs), writeBeginEndPairs(dir, pairs, true));
    }
    return 0;
}
