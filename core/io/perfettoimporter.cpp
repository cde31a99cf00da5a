// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfettoimporter.h"

#include "chromeeventreader.h"
#include "perfettonotes.h"
#include "perfettopackets.h"
#include "protowire.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

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
// stay read. `keepReading` is asked every 4096 packets (Cancel, the span limit, events out
// of order: the caller decides what they mean).
class PacketStream
{
public:
    PacketStream(TextWindow& text, PerfettoPacketReader& packets, const LoadControl* control)
        : m_text(text)
        , m_packets(packets)
        , m_control(control)
    {
    }

    void read(const std::function<bool()>& keepReading, std::size_t progressTotal)
    {
        std::size_t pos = 0;
        std::int64_t count = 0;
        while (m_text.at(pos, pos) >= 0) {
            const std::size_t start = pos;
            if (!readField(pos, start))
                return;
            if ((++count & 0xfff) == 0) {
                if (!keepReading())
                    return;
                if (m_control && m_control->progress && progressTotal > 0)
                    m_control->progress(static_cast<std::int64_t>(pos), static_cast<std::int64_t>(progressTotal));
            }
        }
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
    const LoadControl* m_control;
    QString m_problem;
    std::int64_t m_packetCount = 0;
};

// Events copied out of the packets (their texts into blocks of the batch's own, as the
// packets' buffers and interned strings move on), for a reader on another thread.
class EventBatch
{
public:
    std::vector<ChromeEvent> events; // [0, count) this batch's; the rest kept for their room
    std::size_t count = 0;

    void clear()
    {
        count = 0;
        m_block = 0;
        m_used = 0;
    }

    void add(const ChromeEvent& from)
    {
        if (count == events.size())
            events.emplace_back();
        ChromeEvent& to = events[count++];
        to.clear();
        to.isObject = from.isObject;
        for (const auto text : {&ChromeEvent::ph, &ChromeEvent::name, &ChromeEvent::cat, &ChromeEvent::pid, &ChromeEvent::tid, &ChromeEvent::id})
            to.*text = keep(from.*text);
        to.ts = from.ts;
        to.dur = from.dur;
        for (const auto& [key, value] : from.args)
            to.args.emplace_back(keep(key), keep(value));
        to.flows.assign(from.flows.begin(), from.flows.end());
    }

private:
    static constexpr std::size_t BlockBytes = std::size_t(64) << 10;

    std::string_view keep(std::string_view text)
    {
        if (text.empty())
            return {};
        if (m_block < m_blocks.size() && m_used + text.size() > m_blocks[m_block].size) {
            ++m_block;
            m_used = 0;
        }
        if (m_block == m_blocks.size())
            m_blocks.push_back({std::make_unique<char[]>(std::max(BlockBytes, text.size())), std::max(BlockBytes, text.size())});
        else if (text.size() > m_blocks[m_block].size)
            m_blocks[m_block] = {std::make_unique<char[]>(text.size()), text.size()};
        char* at = m_blocks[m_block].bytes.get() + m_used;
        std::copy(text.begin(), text.end(), at);
        m_used += text.size();
        return {at, text.size()};
    }

    struct Block
    {
        std::unique_ptr<char[]> bytes;
        std::size_t size = 0;
    };
    std::vector<Block> m_blocks;
    std::size_t m_block = 0;
    std::size_t m_used = 0;
};

// The packets' events on their way from the thread that decodes the packets to the one that
// reads them: two batches, one filled while the other is read, handed over in turn.
class EventQueue final : public ChromeEventSink
{
public:
    static constexpr std::size_t BatchEvents = 4096;

    EventQueue()
    {
        // Taken on this thread's heap (see TwoCoreBatches in arraybatchreader.cpp).
        for (EventBatch& batch : m_batches)
            batch.events.reserve(BatchEvents);
    }

    // The decoding thread's side.
    void take(const ChromeEvent& event) override
    {
        if (m_stopped.load(std::memory_order_relaxed))
            return; // the reader stopped reading: nothing more is wanted
        EventBatch& batch = m_batches[m_filling];
        batch.add(event);
        if (batch.count >= BatchEvents)
            handOver(false);
    }
    void finish() { handOver(true); }
    bool stopped() const { return m_stopped.load(std::memory_order_relaxed); }

    // The reading thread's side: the next full batch in order, or null after the last.
    EventBatch* next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_full[m_reading] || m_ended; });
        return m_full[m_reading] ? &m_batches[m_reading] : nullptr;
    }
    void release()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_full[m_reading] = false;
            m_reading ^= 1;
        }
        m_changed.notify_all();
    }
    void stop()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_changed.notify_all();
    }

private:
    void handOver(bool last)
    {
        {
            const std::lock_guard lock(m_mutex);
            if (m_batches[m_filling].count > 0)
                m_full[m_filling] = true;
            m_ended = last;
        }
        m_changed.notify_all();
        if (last)
            return;
        m_filling ^= 1;
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stopped || !m_full[m_filling]; });
        m_batches[m_filling].clear();
    }

    EventBatch m_batches[2];
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_full[2] = {false, false};
    bool m_ended = false;
    std::atomic<bool> m_stopped{false};
    int m_filling = 0; // the decoding thread's
    int m_reading = 0; // the reading thread's
};

// Reads the packets on a thread of their own, their events into `events` on this one,
// stopping both at Cancel, the span limit or events out of order.
void readOnTwoCores(PacketStream& stream, PerfettoPacketReader& packets, ChromeEventReader& events, SpanLimit& limit,
                    const LoadControl* control, std::size_t progressTotal)
{
    EventQueue queue;
    packets.setSink(queue);
    std::exception_ptr failure;
    std::thread decoder([&] {
        try {
            stream.read([&queue] { return !queue.stopped(); }, progressTotal);
        } catch (...) {
            failure = std::current_exception();
        }
        queue.finish();
    });
    // Stops and joins the decoder however this thread leaves (an exception included).
    struct Joined
    {
        EventQueue& queue;
        std::thread& thread;
        ~Joined()
        {
            queue.stop();
            if (thread.joinable())
                thread.join();
        }
    } joined{queue, decoder};
    while (EventBatch* batch = queue.next()) {
        for (std::size_t i = 0; i < batch->count; ++i)
            events.readEvent(batch->events[i]);
        queue.release();
        if (events.pairedOutOfOrder() || !limit.allows(events.eventCount()) || (control && control->cancelled()))
            break;
    }
    queue.stop();
    decoder.join();
    packets.setSink(events);
    if (failure)
        std::rethrow_exception(failure);
}

// Nothing when a thread's slices came out of time order while `pairing` needed them in it.
// `twoCores`: the packets are decoded on a thread of their own.
std::optional<ImportResult> importPerfetto(TextWindow& text, const QString& sourceFile, const LoadControl* control, ParserPath path,
                                           std::size_t progressTotal, ChromeEventReader::Pairing pairing, bool twoCores)
{
    ImportResult result;
    result.parser = path;
    TraceBuilder builder(TraceFormat::Perfetto, sourceFile, perfettoTraceName(sourceFile));
    ChromeEventReader events(builder, control, TraceEventSource::Perfetto, pairing);
    PerfettoPacketReader packets(events);
    SpanLimit limit(control);
    PacketStream stream(text, packets, control);
    if (twoCores) {
        readOnTwoCores(stream, packets, events, limit, control, progressTotal);
    } else {
        stream.read([&] { return !events.pairedOutOfOrder() && limit.allows(events.eventCount()) && !(control && control->cancelled()); },
                    progressTotal);
    }
    text.release();
    if (events.pairedOutOfOrder())
        return std::nullopt;
    if (!limit.allows(events.eventCount()) || (control && control->cancelled())) {
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

// Two cores where the caller asked for them, or by default for a file of a few MiB and more
// (a thread for a small file costs more than it saves).
bool onTwoCores(const LoadControl* control, bool big)
{
    static const int cores = static_cast<int>(std::thread::hardware_concurrency());
    const int asked = control ? control->readerThreads : 0;
    return asked >= 2 || (asked == 0 && cores >= 2 && big);
}

// Slices are paired as they are read (a sequence writes its events in time order); a trace
// where a thread's are not is read again, its events sorted first.
ImportResult readText(std::string_view text, DocumentShape, const QString& sourceFile, const LoadControl* control, std::size_t,
                      const std::function<void()>&)
{
    const bool twoCores = onTwoCores(control, text.size() >= (std::size_t(4) << 20));
    TextWindow window(text);
    if (std::optional<ImportResult> paired = importPerfetto(window, sourceFile, control, ParserPath::Bulk, text.size(),
                                                            ChromeEventReader::Pairing::WhileReading, twoCores))
        return std::move(*paired);
    TextWindow again(text);
    return *importPerfetto(again, sourceFile, control, ParserPath::Bulk, text.size(), ChromeEventReader::Pairing::AfterReading, twoCores);
}

// A file whose events need sorting is left to readText, which holds it whole.
std::optional<ImportResult> readStreamed(TextWindow& text, DocumentShape, const QString& sourceFile, const LoadControl* control)
{
    return importPerfetto(text, sourceFile, control, ParserPath::Streamed, 0, ChromeEventReader::Pairing::WhileReading,
                          onTwoCores(control, true));
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
