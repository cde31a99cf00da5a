// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceloader.h"

#include "filecontent.h"
#include "formatregistry.h"
#include "formatsniffer.h"
#include "otlpprotobuf.h"

#include <QCoreApplication>

#include <exception>
#include <optional>

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

// A big file parsed while it is read, where its format has a reader for that; nothing when
// the file is better read whole first (small, unusual, or anything the streaming reader
// cannot read exactly — the whole-file readers then say what).
std::optional<LoadResult> loadWhileReading(const QString& path, const LoadControl* control, LoadResult& result)
{
    const LoadControl defaults;
    const LoadControl& given = control ? *control : defaults;
    if (!given.bulkParser || given.bulkBatchBytes == 0)
        return std::nullopt;
    StreamedFile file(path, given.limits, given.cancel, given.progress);
    if (!file.open() || file.textSize() < given.streamFromBytes)
        return std::nullopt;
    TextWindow text([&file](char* into, std::size_t room) { return file.read(into, room); }, std::size_t(4) << 20);
    // The format from the first megabyte: a sniff that needs more (or fails) is left to the whole-file path.
    const SniffResult sniff = sniffFormat(text.head(std::size_t(1) << 20));
    if (!sniff.format)
        return std::nullopt;
    // The file reports progress as it is read; the readers only see a window of it.
    LoadControl reading = given;
    reading.progress = nullptr;
    std::optional<ImportResult> imported = formatReader(*sniff.format).readStreamed(text, sniff.shape, path, &reading);
    if (file.cancelled() || (imported && imported->cancelled)) {
        result.cancelled = true;
        result.error = QStringLiteral("%1: %2").arg(path, TraceLoaderText::tr("loading was cancelled"));
        return result;
    }
    if (!imported || file.failed())
        return std::nullopt;
    imported->problemOffset.reset();
    return finish(std::move(*imported), path, formatName(*sniff.format), {}, result);
}

} // namespace

LoadResult loadTraceFile(const QString& path, const LoadControl* control)
{
    LoadResult result;
    result.file = path;
    try {
        if (std::optional<LoadResult> streamed = loadWhileReading(path, control, result))
            return std::move(*streamed);
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
            // Binary traces: Perfetto's, told by its packets, else OTLP protobuf (.pb / .binpb,
            // the Collector's file exporter).
            if (const SniffResult sniff = sniffFormat(text); sniff.format) {
                ImportResult imported = formatReader(*sniff.format).readText(text, sniff.shape, path, control, text.size(), {});
                return finish(std::move(imported), path, formatName(*sniff.format), {}, result);
            }
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
        ImportResult imported = formatReader(*sniff.format).readText(text, sniff.shape, path, control, content.text.capacity(), releaseText);
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
