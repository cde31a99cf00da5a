// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringpool.h"

#include <functional>

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
