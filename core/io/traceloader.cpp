// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceloader.h"

#include "chromeimporter.h"
#include "filecontent.h"
#include "formatsniffer.h"
#include "jaegerimporter.h"
#include "otlpimporter.h"
#include "otlpprotobuf.h"
#include "zipkinimporter.h"

#include <QCoreApplication>

#include <exception>

namespace tracedelta {

namespace {

// lupdate files these strings under "TraceLoader"; the struct only gives them that context.
struct TraceLoaderText
{
    Q_DECLARE_TR_FUNCTIONS(TraceLoader)
};

QString where(std::string_view text, std::size_t offset)
{
    return TraceLoaderText::tr("at %1 (byte %2)").arg(QString::fromStdString(describeOffset(text, offset))).arg(offset);
}

ImportResult importByFormat(std::string_view text, std::size_t capacity, const SniffResult& sniff, const QString& path,
                            const LoadControl* control, const std::function<void()>& releaseText)
{
    switch (*sniff.format) {
    case TraceFormat::Jaeger:
        return importJaeger(text, sniff.shape, path, control, capacity, releaseText);
    case TraceFormat::Zipkin:
        return importZipkin(text, sniff.shape, path, control, capacity, releaseText);
    case TraceFormat::Otlp:
        return importOtlp(text, path, control);
    case TraceFormat::Chrome:
        return importChrome(text, sniff.shape, path, control, capacity, releaseText);
    }
    return {};
}

LoadResult finish(ImportResult imported, const QString& path, const QString& format, std::string_view text, LoadResult& result)
{
    if (imported.outOfMemory) {
        result.error = QStringLiteral("%1: %2").arg(path, imported.problem);
        return result;
    }
    if (imported.cancelled) {
        result.cancelled = true;
        result.error = QStringLiteral("%1: %2").arg(path, TraceLoaderText::tr("loading was cancelled"));
        return result;
    }
    if (!imported.problem.isEmpty()) {
        result.error = imported.problemOffset
            ? QStringLiteral("%1: %2 (%3) %4: %5")
                  .arg(path, TraceLoaderText::tr("invalid JSON"), format, where(text, *imported.problemOffset), imported.problem)
            : QStringLiteral("%1: %2 (%3): %4").arg(path, TraceLoaderText::tr("cannot load"), format, imported.problem);
        return result;
    }
    result.traces = std::move(imported.traces);
    result.parser = imported.parser;
    return result;
}

} // namespace

LoadResult loadTraceFile(const QString& path, const LoadControl* control)
{
    LoadResult result;
    result.file = path;
    try {
        FileContent content = readFileContent(path, control ? control->limits : LoadLimits(), control ? control->cancel : nullptr);
        if (content.cancelled) {
            result.cancelled = true;
            result.error = QStringLiteral("%1: %2").arg(path, TraceLoaderText::tr("loading was cancelled"));
            return result;
        }
        if (!content.error.isEmpty()) {
            result.error = QStringLiteral("%1: %2").arg(path, content.error);
            return result;
        }
        const std::string_view text = content.text;
        if (content.binary) {
            // The one binary trace format: OTLP protobuf (.pb / .binpb, the Collector's file exporter).
            ImportResult imported = importOtlpProtobuf(text, path, control);
            if (imported.traces.empty() && !imported.cancelled && !imported.outOfMemory) {
                const bool namedProtobuf = path.endsWith(QLatin1String(".pb"), Qt::CaseInsensitive)
                    || path.endsWith(QLatin1String(".binpb"), Qt::CaseInsensitive)
                    || path.endsWith(QLatin1String(".protobuf"), Qt::CaseInsensitive);
                result.error = QStringLiteral("%1: %2").arg(path, namedProtobuf ? imported.problem : content.binaryProblem);
                return result;
            }
            return finish(std::move(imported), path, QStringLiteral("OTLP protobuf"), text, result);
        }
        const SniffResult sniff = sniffFormat(text);
        if (!sniff.format) {
            const QString problem = QString::fromStdString(sniff.problem);
            result.error = sniff.parseError
                ? QStringLiteral("%1: %2 %3: %4").arg(path, TraceLoaderText::tr("invalid JSON"), where(text, sniff.errorOffset), problem)
                : QStringLiteral("%1: %2: %3").arg(path, TraceLoaderText::tr("unrecognised trace format"), problem);
            return result;
        }
        // A bulk reader frees the file's text once it has read it all; no message then points into it.
        bool released = false;
        const auto releaseText = [&content, &released] {
            std::string().swap(content.text);
            released = true;
        };
        ImportResult imported = importByFormat(text, content.text.capacity(), sniff, path, control, releaseText);
        if (released)
            imported.problemOffset.reset();
        return finish(std::move(imported), path, formatName(*sniff.format), released ? std::string_view() : text, result);
    } catch (const std::bad_alloc&) {
        result.traces.clear();
        result.error = QStringLiteral("%1: %2").arg(path, TraceLoaderText::tr("not enough memory to load this file"));
    } catch (const std::exception& e) {
        result.traces.clear();
        result.error = QStringLiteral("%1: %2 %3").arg(path, TraceLoaderText::tr("unexpected data:"), QString::fromUtf8(e.what()));
    } catch (...) {
        result.traces.clear();
        result.error = QStringLiteral("%1: %2").arg(path, TraceLoaderText::tr("loading failed for an unknown reason"));
    }
    return result;
}

} // namespace tracedelta
