// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gzipinflater.h"
#include "jsonrecordreader.h"

#include <QFile>

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>
#include <string>

namespace tracedelta {

struct FileContent
{
    std::string text;
    QString error; // empty when the file was read
    bool cancelled = false;
    bool wasCompressed = false;
    // Binary content that may be OTLP protobuf: `text` holds the bytes, and
    // binaryProblem says what it is if it is not.
    bool binary = false;
    QString binaryProblem;
};

// Reads a whole file, inflating it when it starts with the gzip magic bytes
// (whatever its name says). Only regular files are read: a FIFO, socket or device is
// refused before it is opened, so a writer that never closes cannot hang the load.
// Decompression stops at limits.maxDecompressedBytes, and as soon as the inflated start
// cannot be JSON.
FileContent readFileContent(const QString& path, const LoadLimits& limits = {}, const std::atomic<bool>* cancel = nullptr);

// A file's text a piece at a time, inflated on the way when it is gzip data: the source of a
// TextWindow, so a big file is parsed as it is read instead of being held whole. It stops
// (and says why) on Cancel, a read error, gzip data it cannot inflate or the size limit; the
// caller then reads the file with readFileContent, which explains any problem.
class StreamedFile
{
public:
    StreamedFile(const QString& path, const LoadLimits& limits, const std::atomic<bool>* cancel,
                 std::function<void(std::int64_t done, std::int64_t total)> progress);
    ~StreamedFile();
    // False when the file is not a regular file that opens (or is plainly over the limit).
    bool open();
    // Fills [into, into + room) with the next text and says how much; 0 at the end or on a stop.
    std::size_t read(char* into, std::size_t room);
    bool cancelled() const { return m_cancelled; }
    bool failed() const { return m_failed; }
    std::int64_t size() const { return m_size; }
    // The text's size: the file's, or for gzip data what its trailer says it inflates to
    // (modulo 4 GiB, as gzip keeps it; never less than the compressed size).
    std::int64_t textSize() const { return m_textSize; }

private:
    QFile m_file;
    LoadLimits m_limits;
    const std::atomic<bool>* m_cancel;
    std::function<void(std::int64_t, std::int64_t)> m_progress;
    std::unique_ptr<GzipInflater> m_inflater;
    std::vector<char> m_compressed;
    std::int64_t m_size = 0;
    std::int64_t m_textSize = 0;
    bool m_cancelled = false;
    bool m_failed = false;
    bool m_stopped = false;
};

} // namespace tracedelta
