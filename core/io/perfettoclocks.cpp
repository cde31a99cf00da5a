// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfettoclocks.h"

#include "protowire.h"
#include "../util/timearithmetic.h"

#include <vector>

namespace tracedelta {

namespace {

bool isSequenceScoped(std::uint32_t clock)
{
    return clock >= 64 && clock < 128;
}

std::int64_t clampedNs(std::uint64_t value)
{
    return value > static_cast<std::uint64_t>(timemath::MaxTimeNs) ? timemath::MaxTimeNs : static_cast<std::int64_t>(value);
}

struct SnapshotClock
{
    std::uint32_t id = 0;
    std::int64_t value = 0;
    std::int64_t unitNs = 1;
    bool incremental = false;
};

} // namespace

bool PerfettoClocks::readSnapshot(std::string_view bytes, SequenceClocks& sequence)
{
    std::vector<SnapshotClock> clocks;
    protowire::Reader reader(bytes);
    protowire::Field field;
    while (reader.next(field)) {
        if (field.number == 2 && field.type == protowire::WireType::Varint && !m_traceClockNamed) {
            m_traceClock = static_cast<std::uint32_t>(field.value);
            m_traceClockNamed = true;
        }
        if (field.number != 1 || field.type != protowire::WireType::Bytes)
            continue;
        SnapshotClock clock;
        protowire::Reader inner(field.bytes);
        protowire::Field f;
        while (inner.next(f)) {
            if (f.number == 1)
                clock.id = static_cast<std::uint32_t>(f.value);
            else if (f.number == 2)
                clock.value = clampedNs(f.value);
            else if (f.number == 3)
                clock.incremental = f.value != 0;
            else if (f.number == 4 && f.value > 0)
                clock.unitNs = clampedNs(f.value);
        }
        if (inner.problem() != protowire::Problem::None)
            return false;
        clocks.push_back(clock);
    }
    if (reader.problem() != protowire::Problem::None)
        return false;
    // The trace clock's reading, directly or through a clock already related to it.
    std::optional<std::int64_t> traceNs;
    for (const SnapshotClock& c : clocks) {
        if (c.id == m_traceClock)
            traceNs = timemath::mul(c.value, c.unitNs);
    }
    for (const SnapshotClock& c : clocks) {
        if (traceNs || isSequenceScoped(c.id))
            continue;
        if (const auto known = m_offsets.find(c.id); known != m_offsets.end())
            traceNs = timemath::add(timemath::mul(c.value, c.unitNs), known->second);
    }
    if (!traceNs)
        return true; // nothing to relate yet; packets in these clocks stay unconverted
    for (const SnapshotClock& c : clocks) {
        const std::int64_t offset = timemath::sub(*traceNs, timemath::mul(c.value, c.unitNs));
        if (isSequenceScoped(c.id))
            sequence[c.id] = SequenceClock{c.value, c.unitNs, c.incremental, offset};
        else if (c.id != m_traceClock)
            m_offsets[c.id] = offset;
    }
    return true;
}

std::optional<std::int64_t> PerfettoClocks::toTraceTime(std::uint32_t clock, std::uint64_t value, SequenceClocks& sequence)
{
    if (isSequenceScoped(clock)) {
        const auto found = sequence.find(clock);
        if (found == sequence.end() || !found->second.offsetNs)
            return std::nullopt;
        SequenceClock& c = found->second;
        c.value = c.incremental ? timemath::add(c.value, clampedNs(value)) : clampedNs(value);
        return timemath::add(timemath::mul(c.value, c.unitNs), *c.offsetNs);
    }
    if (clock == m_traceClock || clock == 0)
        return clampedNs(value);
    const auto offset = m_offsets.find(clock);
    if (offset == m_offsets.end())
        return std::nullopt;
    return timemath::add(clampedNs(value), offset->second);
}

} // namespace tracedelta
