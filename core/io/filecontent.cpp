// SPDX-License-Identifier: GPL-3.0-or-later
#include "filecontent.h"

#include <QCoreApplication>
#include <QFile>

#include <QLocale>

#include <zlib.h>

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <vector>

#include <new>

namespace tracedelta {

namespace {

constexpr std::size_t ParserPadding = 64; // simdjson::SIMDJSON_PADDING
// inflateGzip's answer when Cancel stopped it (never shown: the caller turns it into FileContent::cancelled).
const QString CancelledMarker = QStringLiteral("\x01cancelled");

// lupdate files these strings under "FileContent"; the struct only gives them that context.
struct FileContentText
{
    Q_DECLARE_TR_FUNCTIONS(FileContent)
};

bool isGzip(std::string_view bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f
        && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

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

// What a non-text file is, by its first bytes: a clearer message than "invalid JSON at
// line 1, column 1" when someone opens a screenshot or an archive.
QString binaryKind(std::string_view bytes)
{
    const auto startsWith = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
    if (startsWith("\x89PNG"))
        return FileContentText::tr("this is a PNG image, not a trace file");
    if (startsWith("\xFF\xD8\xFF"))
        return FileContentText::tr("this is a JPEG image, not a trace file");
    if (startsWith("GIF8"))
        return FileContentText::tr("this is a GIF image, not a trace file");
    if (startsWith("%PDF"))
        return FileContentText::tr("this is a PDF document, not a trace file");
    if (startsWith("PK\x03\x04"))
        return FileContentText::tr("this is a ZIP archive, not a trace file; extract the trace from it first");
    if (startsWith("\x28\xB5\x2F\xFD"))
        return FileContentText::tr("this is Zstandard-compressed data; decompress it first (only gzip is read directly)");
    const std::string_view head = bytes.substr(0, 1024);
    int control = 0;
    for (char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0)
            return FileContentText::tr("this is a binary file, not a trace (trace files are JSON text)");
        control += (u < 0x20 && c != '\n' && c != '\r' && c != '\t') ? 1 : 0;
    }
    if (!head.empty() && control * 10 > static_cast<int>(head.size()))
        return FileContentText::tr("this is a binary file, not a trace (trace files are JSON text)");
    return {};
}

// Images, PDFs and archives are named; anything else binary might be OTLP protobuf.
bool isGenericBinary(const QString& kind)
{
    return kind == FileContentText::tr("this is a binary file, not a trace (trace files are JSON text)");
}

QString sizeText(std::int64_t bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

QString inflateGzip(std::string_view compressed, std::string& out, const LoadLimits& limits, const std::atomic<bool>* cancel)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        return FileContentText::tr("cannot start gzip decompression");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(std::min<std::size_t>(compressed.size(), std::numeric_limits<uInt>::max()));
    std::size_t fedUpTo = stream.avail_in;
    out.clear();
    out.reserve(std::min<std::size_t>(compressed.size() * 4, static_cast<std::size_t>(limits.maxDecompressedBytes)));
    std::vector<char> buffer(1 << 16);
    int status = Z_OK;
    QString problem;
    bool checkedStart = false;
    int rounds = 0;
    while (true) {
        if ((++rounds & 63) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
            problem = CancelledMarker;
            break;
        }
        if (stream.avail_in == 0 && fedUpTo < compressed.size()) {
            const std::size_t more = std::min<std::size_t>(compressed.size() - fedUpTo, std::numeric_limits<uInt>::max());
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + fedUpTo));
            stream.avail_in = static_cast<uInt>(more);
            fedUpTo += more;
        }
        stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
        stream.avail_out = static_cast<uInt>(buffer.size());
        status = inflate(&stream, Z_NO_FLUSH);
        const std::size_t produced = buffer.size() - stream.avail_out;
        if (static_cast<std::int64_t>(out.size() + produced) > limits.maxDecompressedBytes) {
            problem = FileContentText::tr("the gzip data inflates to more than %1, the limit for one file "
                                          "(raise it with --max-size, or Edit → Load Limits in the window)")
                          .arg(sizeText(limits.maxDecompressedBytes));
            break;
        }
        // Growing with the parser's spare bytes included spares a last copy of the whole text.
        if (out.capacity() < out.size() + produced + ParserPadding)
            out.reserve(std::max(out.capacity() * 2, out.size() + produced + ParserPadding));
        out.append(buffer.data(), produced);
        if (!checkedStart && out.size() >= 1024) {
            checkedStart = true;
            if (cannotBeJson(std::string_view(out).substr(0, 1024))) {
                // A gzip bomb of zeros (or any binary) is refused after its first kilobyte.
                problem = FileContentText::tr("the gzip data does not hold JSON (it inflates to binary data)");
                break;
            }
        }
        if (status == Z_STREAM_END) {
            // Concatenated gzip members are one file by the format's rules.
            if (stream.avail_in == 0 && fedUpTo >= compressed.size())
                break;
            inflateReset(&stream);
            continue;
        }
        if (status != Z_OK)
            break;
        if (stream.avail_in == 0 && fedUpTo >= compressed.size() && stream.avail_out != 0)
            break;
    }
    inflateEnd(&stream);
    if (!problem.isEmpty()) {
        std::string().swap(out);
        return problem;
    }
    if (status == Z_STREAM_END)
        return {};
    if (status == Z_OK || status == Z_BUF_ERROR)
        return FileContentText::tr("the gzip data is truncated (the file ends before the compressed stream does)");
    return FileContentText::tr("the gzip data is corrupt");
}

FileContent readFileContent(const QString& path, const LoadLimits& limits, const std::atomic<bool>* cancel)
{
    FileContent content;
    // Checked before open(): opening a FIFO blocks until a writer appears.
    struct stat info{};
    const QByteArray nativePath = QFile::encodeName(path);
    if (::stat(nativePath.constData(), &info) != 0) {
        content.error = FileContentText::tr("cannot open the file: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return content;
    }
    if (S_ISDIR(info.st_mode)) {
        content.error = FileContentText::tr("this is a folder, not a trace file");
        return content;
    }
    if (!S_ISREG(info.st_mode)) {
        content.error = FileContentText::tr("this is not a regular file (a pipe, socket or device); save the trace to a file first");
        return content;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        content.error = FileContentText::tr("cannot open the file: %1").arg(file.errorString());
        return content;
    }
    try {
        const qint64 size = file.size();
        if (size > limits.maxDecompressedBytes) {
            content.error = FileContentText::tr("the file is larger than %1, the limit for one file (raise it with --max-size, or Edit → Load Limits in the window)")
                                .arg(sizeText(limits.maxDecompressedBytes));
            return content;
        }
        // The buffer the parser reads, filled a piece at a time (Cancel is seen between
        // pieces; no zero-filling pass over it first), so a plain file costs its size once.
        std::string bytes;
        // Spare bytes past the end let simdjson read the buffer in place (SIMDJSON_PADDING).
        bytes.reserve(static_cast<std::size_t>(size) + ParserPadding);
        std::vector<char> piece(std::min<qint64>(std::max<qint64>(size, 1), qint64(4) << 20));
        while (static_cast<qint64>(bytes.size()) < size) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                content.cancelled = true;
                return content;
            }
            const qint64 got = file.read(piece.data(), std::min<qint64>(static_cast<qint64>(piece.size()), size - static_cast<qint64>(bytes.size())));
            if (got <= 0)
                break;
            bytes.append(piece.data(), static_cast<std::size_t>(got));
        }
        if (file.error() != QFileDevice::NoError) {
            content.error = FileContentText::tr("cannot read the file: %1").arg(file.errorString());
            return content;
        }
        if (isGzip(bytes)) {
            content.wasCompressed = true;
            content.error = inflateGzip(bytes, content.text, limits, cancel);
            if (content.error == CancelledMarker) {
                content.error.clear();
                content.cancelled = true;
                return content;
            }
            if (content.error.isEmpty())
                content.text.reserve(content.text.size() + ParserPadding);
        } else if (const QString kind = binaryKind(bytes); !kind.isEmpty()) {
            if (isGenericBinary(kind)) {
                content.binary = true;
                content.binaryProblem = kind;
                content.text = std::move(bytes);
            } else {
                content.error = kind;
            }
        } else {
            content.text = std::move(bytes);
        }
    } catch (const std::bad_alloc&) {
        std::string().swap(content.text);
        content.error = FileContentText::tr("not enough memory to read this file into memory");
    }
    return content;
}

} // namespace tracedelta
