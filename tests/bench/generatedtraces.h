// SPDX-License-Identifier: GPL-3.0-or-later
// Generated trace files the benchmarks share (deterministic, written in 4 MiB pieces).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <functional>

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

} // namespace tracedelta::bench
