// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace tracedelta {

// What one file may cost. Files are untrusted: each limit turns into a clear message
// instead of a machine that swaps, a hang or a crash. The command line sets them with
// --max-spans and --max-size, the window with Edit → Load Limits….
struct LoadLimits
{
    // Spans (Chrome: events) in one file.
    std::int64_t maxSpans = 20'000'000;
    // Bytes of one file, after gzip decompression (checked while inflating).
    std::int64_t maxDecompressedBytes = std::int64_t(4) << 30;
    // Nesting inside one record (a span, an event): deeper values are cut off and marked.
    int maxValueNesting = 64;
};

// "500M", "2G", "1.5GiB", "100000" (bytes) → bytes; nullopt when unreadable or not positive.
std::optional<std::int64_t> parseByteSize(const QString& text);

} // namespace tracedelta
