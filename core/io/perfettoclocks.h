// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace tracedelta {

// Perfetto's clocks: packets say which clock their timestamp is in (timestamp_clock_id, or
// their sequence's default), ClockSnapshot packets say what each clock read at one instant,
// and everything is shown in the trace clock (the snapshots' primary_trace_clock, BOOTTIME
// when none is named). Clocks 64–127 belong to one packet sequence and may be incremental
// (each timestamp a delta on the last) with a unit (Chrome: µs deltas on clock 64).
class PerfettoClocks
{
public:
    static constexpr std::uint32_t Boottime = 6;

    struct SequenceClock
    {
        std::int64_t value = 0; // last value, in the clock's unit
        std::int64_t unitNs = 1;
        bool incremental = false;
        std::optional<std::int64_t> offsetNs; // trace clock minus this clock, in ns
    };
    using SequenceClocks = std::unordered_map<std::uint32_t, SequenceClock>;

    // A ClockSnapshot read on a sequence (whose own clocks it may define); false when malformed.
    bool readSnapshot(std::string_view bytes, SequenceClocks& sequence);
    // The time in the trace clock, or nothing when no snapshot relates the clock to it.
    std::optional<std::int64_t> toTraceTime(std::uint32_t clock, std::uint64_t value, SequenceClocks& sequence);
    std::uint32_t traceClock() const { return m_traceClock; }

private:
    std::uint32_t m_traceClock = Boottime;
    bool m_traceClockNamed = false;
    std::unordered_map<std::uint32_t, std::int64_t> m_offsets; // global clock → trace clock minus it
};

} // namespace tracedelta
