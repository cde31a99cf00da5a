// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonrecordreader.h"

#include <QString>

#include <atomic>
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

// The inflated content of gzip data in memory, under the same limits (also for tests and fuzzing).
QString inflateGzip(std::string_view compressed, std::string& out, const LoadLimits& limits = {},
                    const std::atomic<bool>* cancel = nullptr);

} // namespace tracedelta
