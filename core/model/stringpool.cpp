// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringpool.h"

namespace tracedelta {

StringPool::StringPool()
{
    intern(std::string_view());
}

StringPool::StringPool(const StringPool& other)
    : m_strings(other.m_strings)
{
    m_index.reserve(m_strings.size());
    for (std::size_t i = 0; i < m_strings.size(); ++i)
        m_index.emplace(std::string_view(m_strings[i]), static_cast<StringId>(i));
}

StringId StringPool::intern(std::string_view text)
{
    if (auto found = m_index.find(text); found != m_index.end())
        return found->second;
    const auto id = static_cast<StringId>(m_strings.size());
    const std::string& stored = m_strings.emplace_back(text);
    m_index.emplace(std::string_view(stored), id);
    return id;
}

std::size_t StringPool::bytesUsed() const
{
    std::size_t bytes = 0;
    for (const std::string& s : m_strings)
        bytes += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() : 0);
    // Rough cost of one hash node plus its bucket slot.
    bytes += m_index.size() * (sizeof(std::string_view) + sizeof(StringId) + 2 * sizeof(void*));
    return bytes;
}

} // namespace tracedelta
