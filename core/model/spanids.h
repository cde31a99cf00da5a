// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stringpool.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tracedelta {

// The span ids of one trace, stored by their shape: nothing when no span has one (Chrome),
// one 64-bit number a span when every id is 16 lowercase hex digits (the form Jaeger,
// Zipkin and OTLP write: 8 bytes instead of a pooled string of about 90), or pooled strings.
// Ids are unique per span, so pooling them — as names are — would cost the most memory of
// any column while sharing nothing.
class SpanIds
{
public:
    SpanIds() = default;
    // `ofSpan[i]` is span i's id in `pool` (0: none).
    SpanIds(StringPool pool, std::vector<StringId> ofSpan);
    // Every span's id as a number (each was 16 lowercase hex digits).
    explicit SpanIds(std::vector<std::uint64_t> numbers);

    bool has(std::size_t span) const;
    std::string text(std::size_t span) const;
    bool equals(std::size_t span, std::string_view id) const;
    std::size_t bytesUsed() const;

private:
    std::vector<std::uint64_t> m_numbers;
    std::vector<StringId> m_pooled;
    StringPool m_pool;
};

// The value of exactly 16 lowercase hex digits (the only spelling that prints back the same).
bool parseHex64(std::string_view text, std::uint64_t& value);
// The 16 lowercase hex digits of a value.
std::string hex64Text(std::uint64_t value);

} // namespace tracedelta
