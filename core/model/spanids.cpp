// SPDX-License-Identifier: GPL-3.0-or-later
#include "spanids.h"

namespace tracedelta {

namespace {

constexpr std::size_t HexDigits = 16;

} // namespace

bool parseHex64(std::string_view text, std::uint64_t& value)
{
    if (text.size() != HexDigits)
        return false;
    value = 0;
    for (char c : text) {
        int digit = 0;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else
            return false;
        value = (value << 4) | static_cast<std::uint64_t>(digit);
    }
    return true;
}

std::string hex64Text(std::uint64_t value)
{
    static constexpr char Digits[] = "0123456789abcdef";
    std::string out(HexDigits, '0');
    for (std::size_t k = HexDigits; k-- > 0; value >>= 4)
        out[k] = Digits[value & 0xf];
    return out;
}

SpanIds::SpanIds(std::vector<std::uint64_t> numbers)
    : m_numbers(std::move(numbers))
{
}

SpanIds::SpanIds(StringPool pool, std::vector<StringId> ofSpan)
{
    bool anyId = false;
    bool allHex = true;
    std::vector<std::uint64_t> numbers;
    numbers.reserve(ofSpan.size());
    for (StringId id : ofSpan) {
        std::uint64_t value = 0;
        anyId = anyId || id != 0;
        if (id == 0 || !parseHex64(pool.at(id), value)) {
            allHex = false;
            if (anyId)
                break;
        }
        numbers.push_back(value);
    }
    if (!anyId)
        return;
    if (allHex) {
        m_numbers = std::move(numbers);
        return;
    }
    m_pooled = std::move(ofSpan);
    m_pool = std::move(pool);
}

bool SpanIds::has(std::size_t span) const
{
    return !m_numbers.empty() || (!m_pooled.empty() && m_pooled[span] != 0);
}

std::string SpanIds::text(std::size_t span) const
{
    if (!m_numbers.empty())
        return hex64Text(m_numbers[span]);
    return m_pooled.empty() ? std::string() : m_pool.at(m_pooled[span]);
}

bool SpanIds::equals(std::size_t span, std::string_view id) const
{
    if (!m_numbers.empty()) {
        std::uint64_t value = 0;
        return parseHex64(id, value) && value == m_numbers[span];
    }
    return m_pooled.empty() ? id.empty() : m_pool.at(m_pooled[span]) == id;
}

std::size_t SpanIds::bytesUsed() const
{
    return m_numbers.capacity() * sizeof(std::uint64_t) + m_pooled.capacity() * sizeof(StringId)
        + (m_pooled.empty() ? 0 : m_pool.bytesUsed());
}

} // namespace tracedelta
