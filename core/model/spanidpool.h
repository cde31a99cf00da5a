// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spanids.h"
#include "stringpool.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tracedelta {

// Span ids while a trace is built: interned as names are (4-byte ids, 0 for none), but ids
// of the usual form (16 lowercase hex digits) are kept as numbers, not strings — pooled as
// text, a million of them cost more than the spans they name.
class SpanIdPool
{
public:
    SpanIdPool();

    StringId intern(std::string_view text);
    std::string text(StringId id) const;
    // The trace's span id column: span i has id ofSpan[i] here (see SpanIds for the forms).
    SpanIds spanIds(const std::vector<StringId>& ofSpan) const;

private:
    std::vector<std::uint64_t> m_values; // per id: its number, or its text's id in m_texts
    std::vector<bool> m_isText;
    std::unordered_map<std::uint64_t, StringId> m_byNumber;
    std::unordered_map<StringId, StringId> m_byText; // m_texts id -> id
    StringPool m_texts;
};

} // namespace tracedelta
