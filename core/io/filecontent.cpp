// SPDX-License-Identifier: GPL-3.0-or-later
#include "filecontent.h"

#include "gzipinflater.h"

#include <QCoreApplication>
#include <QFile>

#include <QLocale>

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
        // pieces) straight from the file: each piece is zeroed just before the read fills
        // it, so its pages are touched once, and there is no second buffer to copy through.
        std::string bytes;
        // Spare bytes past the end let simdjson read the buffer in place (SIMDJSON_PADDING).
        bytes.reserve(static_cast<std::size_t>(size) + ParserPadding);
        constexpr qint64 PieceBytes = qint64(4) << 20;
        while (static_cast<qint64>(bytes.size()) < size) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                content.cancelled = true;
                return content;
            }
            const std::size_t before = bytes.size();
            const qint64 want = std::min<qint64>(PieceBytes, size - static_cast<qint64>(before));
            bytes.resize(before + static_cast<std::size_t>(want)); // within the reserved room
            const qint64 got = file.read(bytes.data() + before, want);
            bytes.resize(before + static_cast<std::size_t>(std::max<qint64>(got, 0)));
            if (got <= 0)
                break;
        }
        if (file.error() != QFileDevice::NoError) {
            content.error = FileContentText::tr("cannot read the file: %1").arg(file.errorString());
            return content;
        }
        if (isGzip(bytes)) {
            content.wasCompressed = true;
            content.error = inflateGzip(bytes, content.text, limits, cancel);
            if (isCancelledAnswer(content.error)) {
                content.error.clear();
                content.cancelled = true;
                return content;
            }
            if (content.error.isEmpty()) {
                // Compressed protobuf (a .pb.gz) is binary inside; an image inside is still no trace.
                if (const QString kind = binaryKind(content.text); !kind.isEmpty()) {
                    if (!isGenericBinary(kind)) {
                        std::string().swap(content.text);
                        content.error = kind;
                        return content;
                    }
                    content.binary = true;
                    content.binaryProblem = kind;
                }
                content.text.reserve(content.text.size() + ParserPadding);
            }
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

StreamedFile::StreamedFile(const QString& path, const LoadLimits& limits, const std::atomic<bool>* cancel,
                           std::function<void(std::int64_t, std::int64_t)> progress)
    : m_file(path)
    , m_limits(limits)
    , m_cancel(cancel)
    , m_progress(std::move(progress))
{
}

StreamedFile::~StreamedFile() = default;

bool StreamedFile::open()
{
    // A regular file only (opening a FIFO blocks); everything else is readFileContent's to explain.
    struct stat info{};
    if (::stat(QFile::encodeName(m_file.fileName()).constData(), &info) != 0 || !S_ISREG(info.st_mode))
        return false;
    if (!m_file.open(QIODevice::ReadOnly))
        return false;
    m_size = m_file.size();
    m_textSize = m_size;
    char magic[2] = {};
    if (m_file.peek(magic, 2) == 2 && isGzip(std::string_view(magic, 2))) {
        m_inflater = std::make_unique<GzipInflater>(m_limits);
        m_compressed.resize(std::size_t(1) << 20);
        unsigned char trailer[4] = {};
        if (m_size >= 18 && m_file.seek(m_size - 4) && m_file.read(reinterpret_cast<char*>(trailer), 4) == 4) {
            const std::int64_t isize = trailer[0] | (trailer[1] << 8) | (trailer[2] << 16) | (std::int64_t(trailer[3]) << 24);
            m_textSize = std::max(m_size, isize);
        }
        if (!m_file.seek(0))
            return false;
    } else if (m_size > m_limits.maxDecompressedBytes) {
        return false;
    }
    return true;
}

std::size_t StreamedFile::read(char* into, std::size_t room)
{
    if (m_stopped)
        return 0;
    if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        m_cancelled = m_stopped = true;
        return 0;
    }
    std::size_t got = 0;
    if (!m_inflater) {
        const qint64 n = m_file.read(into, static_cast<qint64>(room));
        if (n < 0)
            m_failed = true;
        got = n > 0 ? static_cast<std::size_t>(n) : 0;
    } else {
        while (got < room && m_inflater->problem().isEmpty() && !m_inflater->finished()) {
            if (m_inflater->needsInput()) {
                const qint64 n = m_file.read(m_compressed.data(), static_cast<qint64>(m_compressed.size()));
                if (n < 0) {
                    m_failed = true;
                    break;
                }
                m_inflater->give(std::string_view(m_compressed.data(), static_cast<std::size_t>(n)), m_file.atEnd() || n == 0);
            }
            got += m_inflater->inflate(into + got, room - got);
        }
        m_failed = m_failed || !m_inflater->problem().isEmpty();
    }
    if (m_progress)
        m_progress(m_file.pos(), m_size);
    if (got == 0 || m_failed)
        m_stopped = true;
    return m_failed ? 0 : got;
}

} // namespace tracedelta
