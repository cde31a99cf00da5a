// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/traceloader.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace tracedelta::test {

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

} // namespace tracedelta::test
