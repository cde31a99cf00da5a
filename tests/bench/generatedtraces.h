// SPDX-License-Identifier: GPL-3.0-or-later
// Generated trace files the benchmarks share (deterministic, written in 4 MiB pieces).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include "tests/common/protowriter.h"

#include <functional>
#include <string>

namespace tracedelta::bench {

// Writes `count` records with `write(i)` between `head` and `tail`, buffered.
inline void writeRecords(const QString& path, const QByteArray& head, int count, const std::function<QByteArray(int)>& record,
                  const QByteArray& tail)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    QByteArray buffer = head;
    for (int i = 0; i < count; ++i) {
        if (i)
            buffer += ',';
        buffer += record(i);
        if (buffer.size() > (1 << 22)) {
            file.write(buffer);
            buffer.clear();
        }
    }
    buffer += tail;
    file.write(buffer);
}

inline QByteArray hex(qint64 v, int width)
{
    return QByteArray::number(v, 16).rightJustified(width, '0');
}

// Complete events with a category and no args on 8 threads, nested three deep (a profile's shape).
inline QString writeChrome(const QTemporaryDir& dir, int events)
{
    const QString path = dir.filePath(QStringLiteral("chrome-%1.json").arg(events));
    writeRecords(path, R"({"traceEvents":[)", events, [](int i) {
        const int depth = i % 3;
        const qint64 base = qint64(i / 3) * 100;
        return QByteArray(R"({"ph":"X","cat":"cpu_op","name":"op_)") + QByteArray::number(i % 211) + R"(","pid":1,"tid":)"
            + QByteArray::number((i / 3) % 8) + R"(,"ts":)" + QByteArray::number(base + depth * 10) + R"(,"dur":)"
            + QByteArray::number(90 - depth * 30) + "}";
    }, R"(],"displayTimeUnit":"ms"})");
    return path;
}

// Complete events on 8 threads nested up to six deep, 500 names, a small argument on every
// event ("args": {"k": N}, N distinct): the shape where per-event arguments cost memory.
inline QString writeChromeWithArgs(const QTemporaryDir& dir, int events)
{
    const QString path = dir.filePath(QStringLiteral("chrome-args-%1.json").arg(events));
    writeRecords(path, R"({"traceEvents":[)", events, [](int i) {
        const int depth = i % 6;
        const qint64 base = qint64(i / 6) * 200;
        return QByteArray(R"({"ph":"X","cat":"cpu_op","name":"op_)") + QByteArray::number(i % 500) + R"(","pid":1,"tid":)"
            + QByteArray::number((i / 6) % 8) + R"(,"ts":)" + QByteArray::number(base + depth * 10) + R"(,"dur":)"
            + QByteArray::number(150 - depth * 20) + R"(,"args":{"k":)" + QByteArray::number(i) + "}}";
    }, R"(],"displayTimeUnit":"ms"})");
    return path;
}


// Perfetto's protobuf as Chrome writes it: 8 threads of one process, each its own packet
// sequence with a thread track and 500 interned event names (and one category), slices
// begun and ended in separate packets, nested three deep, absolute timestamps in ns.
inline QString writePerfetto(const QTemporaryDir& dir, int slices)
{
    using protowriter::msg;
    using protowriter::num;
    const QString path = dir.filePath(QStringLiteral("perfetto-%1.pftrace").arg(slices));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path;
    constexpr int threads = 8;
    constexpr int names = 500;
    std::string out;
    const auto packet = [&](const std::string& body) {
        out += msg(1, body);
        if (out.size() > (1u << 20)) {
            file.write(out.data(), static_cast<qint64>(out.size()));
            out.clear();
        }
    };
    for (int t = 0; t < threads; ++t) {
        const std::uint64_t seq = 1 + t;
        const std::uint64_t track = 100 + t;
        std::string interned = msg(1, num(1, 1) + msg(2, "cpu_op"));
        for (int n = 0; n < names; ++n)
            interned += msg(2, num(1, 1 + n) + msg(2, "op_" + std::to_string(n)));
        packet(num(10, seq) + num(13, 1) + msg(60, num(1, track) + msg(4, num(1, 1) + num(2, 10 + t) + msg(5, "worker"))) + msg(12, interned));
    }
    // Slice i: thread (i / 3) % 8, depth i % 3, inside a 90 µs outer slice every 100 µs.
    for (int group = 0; group < slices / 3; ++group) {
        const int t = group % threads;
        const std::uint64_t seq = 1 + t;
        const std::uint64_t track = 100 + t;
        const std::int64_t base = std::int64_t(group) * 100'000;
        const auto event = [&](std::int64_t ts, int type, int name) {
            std::string e = num(9, type) + num(11, track);
            if (type == 1)
                e += num(3, 1) + num(10, 1 + name);
            packet(num(8, static_cast<std::uint64_t>(ts)) + num(10, seq) + num(13, 2) + msg(11, e));
        };
        for (int depth = 0; depth < 3; ++depth)
            event(base + depth * 10'000, 1, (group * 3 + depth) % names);
        for (int depth = 2; depth >= 0; --depth)
            event(base + depth * 10'000 + 90'000 - depth * 30'000, 2, 0);
    }
    file.write(out.data(), static_cast<qint64>(out.size()));
    return path;
}

} // namespace tracedelta::bench
