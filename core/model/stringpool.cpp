// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringpool.h"

#include <charconv>
#include <functional>
#include <optional>

namespace tracedelta {

namespace {

std::uint32_t hashOf(std::string_view text)
{
    const std::size_t h = std::hash<std::string_view>{}(text);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

StringId idOf(std::uint64_t slot)
{
    return static_cast<StringId>(slot >> 32);
}

// The number a value's text is, when it is the canonical text of one below 2^31.
std::optional<std::uint32_t> canonicalNumber(std::string_view text)
{
    if (text.empty() || text.size() > 10 || (text.size() > 1 && text.front() == '0'))
        return std::nullopt;
    std::uint64_t n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (n >= ValueId::NumberBit)
        return std::nullopt;
    return static_cast<std::uint32_t>(n);
}

} // namespace

StringPool::StringPool()
{
    intern(std::string_view());
}

StringPool::StringPool(const StringPool& other)
    : m_strings(other.m_strings)
    , m_slots(other.m_slots)
{
}

// The slot holding `text`, or the empty slot where it would go.
std::size_t StringPool::slotOf(std::string_view text, std::uint32_t hash) const
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
        const std::uint64_t slot = m_slots[at];
        if (slot == EmptySlot || (static_cast<std::uint32_t>(slot) == hash && m_strings[idOf(slot)] == text))
            return at;
    }
}

void StringPool::grow()
{
    std::vector<std::uint64_t> old(std::max<std::size_t>(16, m_slots.size() * 2), EmptySlot);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const std::uint64_t slot : old) {
        if (slot == EmptySlot)
            continue;
        std::size_t at = static_cast<std::uint32_t>(slot) & mask;
        while (m_slots[at] != EmptySlot)
            at = (at + 1) & mask;
        m_slots[at] = slot;
    }
}

StringId StringPool::find(std::string_view text) const
{
    if (m_slots.empty())
        return 0;
    const std::uint64_t slot = m_slots[slotOf(text, hashOf(text))];
    return slot == EmptySlot ? 0 : idOf(slot);
}

ValueText::ValueText(std::uint32_t number)
{
    m_length = static_cast<std::uint8_t>(std::to_chars(m_digits, m_digits + sizeof m_digits, number).ptr - m_digits);
}

ValueId StringPool::internValue(std::string_view text)
{
    if (const auto number = canonicalNumber(text))
        return ValueId{ValueId::NumberBit | *number};
    return ValueId{intern(text)};
}

ValueId StringPool::valueOf(StringId id) const
{
    if (const auto number = canonicalNumber(m_strings[id]))
        return ValueId{ValueId::NumberBit | *number};
    return ValueId{id};
}

StringId StringPool::intern(std::string_view text)
{
    if (2 * (m_strings.size() + 1) > m_slots.size())
        grow();
    const std::uint32_t hash = hashOf(text);
    const std::size_t at = slotOf(text, hash);
    if (m_slots[at] != EmptySlot)
        return idOf(m_slots[at]);
    const auto id = static_cast<StringId>(m_strings.size());
    m_strings.emplace_back(text);
    m_slots[at] = std::uint64_t(id) << 32 | hash;
    return id;
}

std::size_t StringPool::bytesUsed() const
{
    std::size_t bytes = 0;
    for (const std::string& s : m_strings)
        bytes += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() : 0);
    return bytes + m_slots.capacity() * sizeof(std::uint64_t);
}

} // namespace tracedelta
