// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzipinflater.h"

#include <QCoreApplication>
#include <QLocale>

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace tracedelta {

namespace {

constexpr std::size_t ParserPadding = 64; // simdjson::SIMDJSON_PADDING
constexpr std::size_t HeadBytes = 1024;
const QString CancelledAnswer = QStringLiteral("\x01cancelled");

// True when the text so far cannot start a JSON document (after an optional BOM and
// whitespace, JSON trace files start with '{' or '[').
bool cannotBeJson(std::string_view text)
{
    std::size_t at = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        at = 3;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
        ++at;
    return at < text.size() && text[at] != '{' && text[at] != '[';
}

// True when the data so far can start binary OTLP: a TracesData/ExportTraceServiceRequest
// (field 1, length-delimited: 0x0a), or a stream of them behind a varint or a 4-byte
// big-endian length. Anything else binary (a bomb of zeros) is refused early.
bool couldBeOtlpProtobuf(std::string_view data)
{
    const auto byte = [&](std::size_t i) { return i < data.size() ? static_cast<unsigned char>(data[i]) : 0; };
    if (byte(0) == 0x0a)
        return true;
    std::size_t at = 0;
    while (at < 5 && (byte(at) & 0x80))
        ++at;
    if (at < 5 && byte(0) != 0 && byte(at + 1) == 0x0a)
        return true; // varint prefix
    const std::uint32_t length = std::uint32_t(byte(0)) << 24 | std::uint32_t(byte(1)) << 16 | std::uint32_t(byte(2)) << 8 | byte(3);
    return length > 0 && byte(4) == 0x0a; // big-endian prefix
}

} // namespace

struct GzipInflater::Stream
{
    z_stream z{};
    bool initialised = false;
};

GzipInflater::GzipInflater(const LoadLimits& limits)
    : m_stream(std::make_unique<Stream>())
    , m_limits(limits)
{
    m_stream->initialised = inflateInit2(&m_stream->z, 15 + 32) == Z_OK;
    if (!m_stream->initialised)
        fail(Failure::Corrupt, QCoreApplication::translate("FileContent", "cannot start gzip decompression"));
}

void GzipInflater::fail(Failure failure, const QString& problem)
{
    m_failure = failure;
    m_problem = problem;
}

GzipInflater::~GzipInflater()
{
    if (m_stream->initialised)
        inflateEnd(&m_stream->z);
}

void GzipInflater::give(std::string_view compressed, bool last)
{
    m_stream->z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    m_stream->z.avail_in = static_cast<uInt>(compressed.size());
    m_last = last;
}

bool GzipInflater::needsInput() const
{
    return m_stream->z.avail_in == 0 && !m_last && m_problem.isEmpty() && !m_finished;
}

std::size_t GzipInflater::inflate(char* into, std::size_t room)
{
    z_stream& z = m_stream->z;
    std::size_t produced = 0;
    while (produced < room && m_problem.isEmpty() && !m_finished) {
        if (z.avail_in == 0) {
            if (!m_last)
                break; // more input first
            if (m_memberEnded)
                m_finished = true;
            else
                fail(Failure::Truncated, QCoreApplication::translate("FileContent", "the gzip data is truncated (the file ends before the compressed stream does)"));
            break;
        }
        if (m_memberEnded) {
            // Concatenated gzip members are one file by the format's rules.
            inflateReset(&z);
            m_memberEnded = false;
        }
        z.next_out = reinterpret_cast<Bytef*>(into + produced);
        z.avail_out = static_cast<uInt>(std::min<std::size_t>(room - produced, std::numeric_limits<uInt>::max()));
        const uInt before = z.avail_out;
        const int status = ::inflate(&z, Z_NO_FLUSH);
        const std::size_t written = before - z.avail_out;
        if (m_total + static_cast<std::int64_t>(written) > m_limits.maxDecompressedBytes) {
            fail(Failure::TooLarge, QCoreApplication::translate("FileContent", "the gzip data inflates to more than %1, the limit for one file "
                           "(raise it with --max-size, or Edit → Load Limits in the window)")
                            .arg(QLocale::c().formattedDataSize(m_limits.maxDecompressedBytes, 1, QLocale::DataSizeTraditionalFormat)));
            break;
        }
        if (m_head.size() < HeadBytes) {
            const std::size_t take = std::min(written, HeadBytes - m_head.size());
            m_head.append(into + produced, take);
            if (m_head.size() == HeadBytes && cannotBeJson(m_head) && !couldBeOtlpProtobuf(m_head)) {
                // A gzip bomb of zeros (or any binary) is refused after its first kilobyte.
                fail(Failure::NotATrace, QCoreApplication::translate("FileContent", "the gzip data does not hold a trace (it inflates to binary data "
                                                                       "that is neither JSON nor OTLP protobuf)"));
                break;
            }
        }
        produced += written;
        m_total += static_cast<std::int64_t>(written);
        if (status == Z_STREAM_END) {
            m_memberEnded = true;
            continue;
        }
        // Z_BUF_ERROR with input and room left means no progress is possible.
        const bool stuck = status == Z_BUF_ERROR && written == 0 && z.avail_in != 0 && z.avail_out != 0;
        if ((status != Z_OK && status != Z_BUF_ERROR) || stuck) {
            fail(Failure::Corrupt, QCoreApplication::translate("FileContent", "the gzip data is corrupt"));
            break;
        }
    }
    return produced;
}

QString inflateGzip(std::string_view compressed, std::string& out, const LoadLimits& limits, const std::atomic<bool>* cancel)
{
    GzipInflater inflater(limits);
    out.clear();
    // The trailer's ISIZE is the inflated size modulo 4 GiB: reserving it (with the
    // parser's spare bytes) spares growing copies of the whole text when it is plausible.
    std::size_t expected = compressed.size() * 4;
    if (compressed.size() >= 18) {
        const auto* tail = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
        const std::size_t isize = tail[0] | (tail[1] << 8) | (tail[2] << 16) | (std::size_t(tail[3]) << 24);
        if (isize >= compressed.size())
            expected = isize;
    }
    out.reserve(std::min<std::size_t>(expected, static_cast<std::size_t>(limits.maxDecompressedBytes)) + ParserPadding);
    constexpr std::size_t Slice = std::size_t(1) << 30; // zlib counts input in 32 bits
    std::size_t fed = 0;
    constexpr std::size_t Step = std::size_t(1) << 20;
    while (inflater.problem().isEmpty() && !inflater.finished()) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            std::string().swap(out);
            return CancelledAnswer;
        }
        if (inflater.needsInput() || fed == 0) {
            const std::size_t more = std::min(compressed.size() - fed, Slice);
            inflater.give(compressed.substr(fed, more), fed + more >= compressed.size());
            fed += more;
        }
        // Straight into the string's spare room: no second copy of the text.
        const std::size_t at = out.size();
        if (out.capacity() < at + Step + ParserPadding)
            out.reserve(std::max(out.capacity() * 2, at + Step + ParserPadding));
        out.resize(at + Step);
        out.resize(at + inflater.inflate(out.data() + at, Step));
    }
    if (!inflater.problem().isEmpty()) {
        std::string().swap(out);
        return inflater.problem();
    }
    return {};
}

bool isCancelledAnswer(const QString& answer)
{
    return answer == CancelledAnswer;
}

} // namespace tracedelta
