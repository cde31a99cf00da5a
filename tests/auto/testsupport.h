// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/traceloader.h"
#include "core/model/tracebuilder.h"

#include <QDir>
#include <QLocale>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

namespace tracedelta::test {

// Durations in assertions are written with a decimal point, whatever the machine's locale.
inline const bool cLocaleForTests = [] {
    QLocale::setDefault(QLocale::c());
    return true;
}();


// ../shared/traces relative to the repository root; tests skip when it is absent.
inline QString sharedTracesDir()
{
    return QStringLiteral(TRACEDELTA_SOURCE_DIR "/../shared/traces");
}

inline QString samplesDir()
{
    return QStringLiteral(TRACEDELTA_SOURCE_DIR "/resources/samples");
}

inline QString sampleFile(const char* name)
{
    return samplesDir() + QLatin1Char('/') + QLatin1String(name);
}

inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

// gzip-compressed data (tests that use it link ZLIB::ZLIB).
inline QByteArray gzip(const QByteArray& data, int level = Z_DEFAULT_COMPRESSION)
{
    z_stream stream{};
    deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return out;
}

inline TracePtr loadSingle(const QString& path)
{
    const LoadResult result = loadTraceFile(path);
    if (!result.ok() || result.traces.size() != 1)
        return nullptr;
    return result.traces.front();
}

inline bool hasDiagnostic(const Trace& trace, const QString& fragment)
{
    for (const Diagnostic& d : trace.diagnostics()) {
        if (d.message.contains(fragment))
            return true;
    }
    return false;
}

// A small Jaeger-like trace written out span by span, times in milliseconds.
struct SpanSpec
{
    const char* id;
    const char* parent; // nullptr: top level
    const char* service;
    const char* name;
    double startMs;
    double durationMs;
};

inline TracePtr makeTrace(const char* traceId, const std::vector<SpanSpec>& spans)
{
    TraceBuilder builder(TraceFormat::Jaeger, QStringLiteral("%1.json").arg(QLatin1String(traceId)), traceId);
    for (const SpanSpec& s : spans) {
        SpanDraft d;
        d.spanId = builder.internSpanId(s.id);
        d.parentSpanId = s.parent ? builder.internSpanId(s.parent) : 0;
        d.service = builder.intern(s.service);
        d.name = builder.intern(s.name);
        d.startNs = static_cast<std::int64_t>(s.startMs * 1e6);
        d.durationNs = static_cast<std::int64_t>(s.durationMs * 1e6);
        builder.addSpan(d);
    }
    return builder.build();
}

} // namespace tracedelta::test
