// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <limits>

// Time values come from files, so every sum, difference and product of them may overflow.
// Signed overflow is undefined behaviour and silently wraps in release builds, turning a
// huge duration into a negative one; these saturate instead, and the model keeps its times
// inside ±MaxTimeNs so that one difference of two times always fits.
namespace tracedelta::timemath {

// About ±146 years around the epoch: any real trace fits, and end − start never overflows.
inline constexpr std::int64_t MaxTimeNs = (std::int64_t(1) << 62) - 1;
inline constexpr std::int64_t MinTimeNs = -MaxTimeNs;

inline constexpr std::int64_t Max = std::numeric_limits<std::int64_t>::max();
inline constexpr std::int64_t Min = std::numeric_limits<std::int64_t>::min();

constexpr std::int64_t add(std::int64_t a, std::int64_t b)
{
    std::int64_t out = 0;
    if (__builtin_add_overflow(a, b, &out))
        return b > 0 ? Max : Min;
    return out;
}

constexpr std::int64_t sub(std::int64_t a, std::int64_t b)
{
    std::int64_t out = 0;
    if (__builtin_sub_overflow(a, b, &out))
        return b < 0 ? Max : Min;
    return out;
}

constexpr std::int64_t mul(std::int64_t a, std::int64_t b)
{
    std::int64_t out = 0;
    if (__builtin_mul_overflow(a, b, &out))
        return (a < 0) != (b < 0) ? Min : Max;
    return out;
}

// |a|, with |INT64_MIN| saturated to INT64_MAX.
constexpr std::int64_t abs(std::int64_t a)
{
    return a == Min ? Max : (a < 0 ? -a : a);
}

constexpr std::int64_t clamp(std::int64_t a, std::int64_t low, std::int64_t high)
{
    return a < low ? low : (a > high ? high : a);
}

// A double to integer nanoseconds, or false when it is not finite or outside the model's range.
inline bool toNanos(double value, std::int64_t& out)
{
    if (!(value >= static_cast<double>(MinTimeNs) && value <= static_cast<double>(MaxTimeNs)))
        return false;
    out = static_cast<std::int64_t>(value < 0 ? value - 0.5 : value + 0.5);
    return true;
}

} // namespace tracedelta::timemath
