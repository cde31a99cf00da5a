// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfettoimporter.h"

#include "chromeeventreader.h"
#include "perfettonotes.h"
#include "perfettopackets.h"
#include "protowire.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace tracedelta {

namespace {

// Perfetto's own writers cut packets far below this; a bigger length is corruption, and is
// refused before any of it is buffered.
constexpr std::uint64_t MaxPacketBytes = std::uint64_t(256) << 20;

std::string perfettoTraceName(const QString& sourceFile)
{
    QString name = QFileInfo(sourceFile).fileName();
    for (const char* suffix : {".gz", ".perfetto-trace", ".pftrace", ".pb", ".proto"}) {
        if (name.endsWith(QLatin1String(suffix)))
            name.chop(static_cast<int>(qstrlen(suffix)));
    }
    return name.toStdString();
}

// A varint read from the window, byte by byte; false at the end of the data (`ended`) or
// after ten bytes.
bool windowVarint(TextWindow& text, std::size_t& pos, std::size_t keepFrom, std::uint64_t& value, bool& ended)
{
    value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
        const int byte = text.at(pos, keepFrom);
        if (byte < 0) {
            ended = true;
            return false;
        }
        ++pos;
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return true;
    }
    return false;
}

// Reads the Trace message's packets from the window; a failure of the framing (truncation,
// a bad varint, an impossible length) ends the reading with `problem`, the packets before it
// stay read.
class PacketStream
{
public:
    PacketStream(TextWindow& text, PerfettoPacketReader& packets, ChromeEventReader& events, const LoadControl* control)
        : m_text(text)
        , m_packets(packets)
        , m_events(events)
        , m_control(control)
    {
    }

    // False when Cancel or the span limit stopped it.
    bool read(SpanLimit& limit, std::size_t progressTotal)
    {
        std::size_t pos = 0;
        std::int64_t count = 0;
        while (m_text.at(pos, pos) >= 0) {
            const std::size_t start = pos;
            if (!readField(pos, start))
                return true;
            if ((++count & 0xfff) == 0) {
                if (m_events.pairedOutOfOrder())
                    return true; // the caller reads the file again
                if (!limit.allows(m_events.eventCount()) || (m_control && m_control->cancelled()))
                    return false;
                if (m_control && m_control->progress && progressTotal > 0)
                    m_control->progress(static_cast<std::int64_t>(pos), static_cast<std::int64_t>(progressTotal));
            }
        }
        return limit.allows(m_events.eventCount());
    }

    const QString& problem() const { return m_problem; }
    std::int64_t packets() const { return m_packetCount; }

private:
    bool fail(const QString& problem)
    {
        m_problem = problem;
        return false;
    }

    bool readField(std::size_t& pos, std::size_t start)
    {
        std::uint64_t tag = 0;
        bool ended = false;
        if (!windowVarint(m_text, pos, start, tag, ended))
            return fail((ended ? QCoreApplication::translate("Importer", "the file ends inside the field at byte %1")
                               : QCoreApplication::translate("Importer", "bad varint in the field tag at byte %1")).arg(start));
        const std::uint32_t wireType = tag & 7;
        std::uint64_t length = 0;
        if (wireType == 0)
            return windowVarint(m_text, pos, start, length, ended) || fail(QCoreApplication::translate("Importer", "bad varint at byte %1").arg(start));
        if (wireType == 1 || wireType == 5)
            length = wireType == 1 ? 8 : 4;
        else if (wireType != 2)
            return fail(QCoreApplication::translate("Importer", "the field at byte %1 has wire type %2, which no Perfetto trace has").arg(start).arg(wireType));
        else if (!windowVarint(m_text, pos, start, length, ended))
            return fail((ended ? QCoreApplication::translate("Importer", "the file ends inside the packet header at byte %1")
                               : QCoreApplication::translate("Importer", "bad varint in the packet length at byte %1")).arg(start));
        if (length > MaxPacketBytes)
            return fail(QCoreApplication::translate("Importer", "the packet at byte %1 claims %2 bytes, more than any Perfetto packet (the file is corrupt)")
                            .arg(start)
                            .arg(static_cast<qulonglong>(length)));
        const std::size_t end = pos + static_cast<std::size_t>(length);
        if (length > 0 && m_text.at(end - 1, start) < 0) {
            return fail(QCoreApplication::translate("Importer", "the file ends inside the packet at byte %1 (it claims %2 bytes; it was cut off)")
                            .arg(start)
                            .arg(static_cast<qulonglong>(length)));
        }
        const bool isPacket = (tag >> 3) == 1 && wireType == 2;
        if (isPacket) {
            ++m_packetCount;
            if (!m_packets.readPacket(m_text.range(pos, end)))
                m_packets.countMalformed(pos + m_packets.problemOffset());
        }
        pos = end;
        return true;
    }

    TextWindow& m_text;
    PerfettoPacketReader& m_packets;
    ChromeEventReader& m_events;
    const LoadControl* m_control;
    QString m_problem;
    std::int64_t m_packetCount = 0;
};

// Nothing when a thread's slices came out of time order while `pairing` needed them in it.
std::optional<ImportResult> importPerfetto(TextWindow& text, const QString& sourceFile, const LoadControl* control, ParserPath path,
                                           std::size_t progressTotal, ChromeEventReader::Pairing pairing)
{
    ImportResult result;
    result.parser = path;
    TraceBuilder builder(TraceFormat::Perfetto, sourceFile, perfettoTraceName(sourceFile));
    ChromeEventReader events(builder, control, TraceEventSource::Perfetto, pairing);
    PerfettoPacketReader packets(events);
    SpanLimit limit(control);
    PacketStream stream(text, packets, events, control);
    const bool complete = stream.read(limit, progressTotal);
    text.release();
    if (events.pairedOutOfOrder())
        return std::nullopt;
    if (!complete) {
        if (!limit.reportIfExceeded(result))
            result.cancelled = true;
        return result;
    }
    if (!stream.problem().isEmpty() && events.eventCount() == 0) {
        result.problem = stream.problem();
        return result;
    }
    if (!stream.problem().isEmpty())
        builder.addDiagnostic(Diagnostic::Severity::Warning, stream.problem() + QCoreApplication::translate("Importer", "; what came before it was read"));
    packets.finish(builder);
    finishChrome(events, builder, result);
    return result;
}

// Slices are paired as they are read (a sequence writes its events in time order); a trace
// where a thread's are not is read again, its events sorted first.
ImportResult readText(std::string_view text, DocumentShape, const QString& sourceFile, const LoadControl* control, std::size_t,
                      const std::function<void()>&)
{
    TextWindow window(text);
    if (std::optional<ImportResult> paired = importPerfetto(window, sourceFile, control, ParserPath::Bulk, text.size(),
                                                            ChromeEventReader::Pairing::WhileReading))
        return std::move(*paired);
    TextWindow again(text);
    return *importPerfetto(again, sourceFile, control, ParserPath::Bulk, text.size(), ChromeEventReader::Pairing::AfterReading);
}

// A file whose events need sorting is left to readText, which holds it whole.
std::optional<ImportResult> readStreamed(TextWindow& text, DocumentShape, const QString& sourceFile, const LoadControl* control)
{
    return importPerfetto(text, sourceFile, control, ParserPath::Streamed, 0, ChromeEventReader::Pairing::WhileReading);
}

// The fields of one packet, checked to be well-formed; whether one is only a TracePacket's.
bool packetFieldsAreTracePacket(std::string_view packet, bool& distinctive)
{
    protowire::Reader reader(packet);
    protowire::Field field;
    while (reader.next(field)) {
        if (field.number > 3 || field.type != protowire::WireType::Bytes)
            distinctive = true;
    }
    return reader.problem() == protowire::Problem::None;
}

} // namespace

bool looksLikePerfettoTrace(std::string_view head)
{
    if (head.empty() || head[0] != 0x0a)
        return false;
    bool binary = false;
    for (const char c : head.substr(0, 4096))
        binary = binary || static_cast<unsigned char>(c) < 0x09;
    if (!binary)
        return false;
    bool distinctive = false;
    std::size_t at = 0;
    for (int packets = 0; packets < 64 && at < head.size(); ++packets) {
        std::uint64_t tag = 0;
        std::uint64_t length = 0;
        if (protowire::readVarint(head, at, tag) != protowire::Problem::None || tag != 0x0a
            || protowire::readVarint(head, at, length) != protowire::Problem::None)
            return packets > 0 && distinctive; // broken framing after packets: the reader says where
        if (length > head.size() - at)
            break; // beyond the head: the packets before it decide
        if (!packetFieldsAreTracePacket(head.substr(at, static_cast<std::size_t>(length)), distinctive))
            return false;
        at += static_cast<std::size_t>(length);
    }
    return distinctive;
}

FormatReader perfettoFormatReader()
{
    const auto shapeOfBinary = [](std::string_view head) {
        return looksLikePerfettoTrace(head) ? std::optional(DocumentShape::PerfettoPackets) : std::nullopt;
    };
    return {TraceFormat::Perfetto, shapeOfBinary, nullptr, nullptr, {}, readText, readStreamed};
}

} // namespace tracedelta
