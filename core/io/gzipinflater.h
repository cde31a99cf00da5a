// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadlimits.h"

#include <QString>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tracedelta {

// Inflates gzip data handed over a piece at a time, so a reader can parse the text as it
// comes instead of holding all of it. Concatenated members are one text (the format's
// rule); the output is capped at limits.maxDecompressedBytes, and data whose first
// kilobyte can start neither JSON nor OTLP protobuf is refused there (a gzip bomb of zeros
// costs one kilobyte).
class GzipInflater
{
public:
    explicit GzipInflater(const LoadLimits& limits = {});
    ~GzipInflater();
    GzipInflater(const GzipInflater&) = delete;
    GzipInflater& operator=(const GzipInflater&) = delete;

    // The next compressed bytes (`last`: no more follow); they must stay valid until
    // needsInput() says they are used up.
    void give(std::string_view compressed, bool last);
    bool needsInput() const;
    // Inflates into [into, into + room) and says how much it wrote: less than `room` when
    // the input given so far is used up, the data ended, or it failed (problem()).
    std::size_t inflate(char* into, std::size_t room);
    // The whole text came out and the data ended where a gzip member ends.
    bool finished() const { return m_finished; }
    // Why the data cannot be inflated (empty while it can), and which kind of failure that is.
    const QString& problem() const { return m_problem; }
    enum class Failure { None, Corrupt, Truncated, TooLarge, NotATrace };
    Failure failure() const { return m_failure; }
    std::int64_t inflatedBytes() const { return m_total; }

private:
    void fail(Failure failure, const QString& problem);
    struct Stream;
    std::unique_ptr<Stream> m_stream;
    LoadLimits m_limits;
    QString m_problem;
    Failure m_failure = Failure::None;
    std::string m_head; // the first kilobyte, checked to be JSON
    std::int64_t m_total = 0;
    bool m_last = false;
    bool m_memberEnded = false;
    bool m_finished = false;
};

// The inflated content of gzip data in memory, under the same limits (also for tests and
// fuzzing). Returns the problem, or "cancelled" as `cancelledAnswer`, or an empty string.
QString inflateGzip(std::string_view compressed, std::string& out, const LoadLimits& limits = {},
                    const std::atomic<bool>* cancel = nullptr);

// inflateGzip's answer when Cancel stopped it (never shown: callers turn it into "cancelled").
bool isCancelledAnswer(const QString& answer);

} // namespace tracedelta
