// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tracedelta {

using StringId = std::uint32_t;

// Interns every name, service, id and attribute string of a trace once, so spans
// store 4-byte ids instead of strings. Id 0 is always the empty string.
class StringPool
{
public:
    StringPool();
    // A deep copy: the index is rebuilt over the copy's own strings.
    StringPool(const StringPool& other);
    StringPool& operator=(const StringPool&) = delete;
    StringPool(StringPool&&) = default;
    StringPool& operator=(StringPool&&) = default;

    StringId intern(std::string_view text);
    const std::string& at(StringId id) const { return m_strings[id]; }
    // The id of a string already interned, or 0 (the empty string's) when it is not.
    StringId find(std::string_view text) const
    {
        const auto it = m_index.find(text);
        return it == m_index.end() ? 0 : it->second;
    }
    QString qstring(StringId id) const { return QString::fromStdString(m_strings[id]); }
    std::size_t size() const { return m_strings.size(); }
    std::size_t bytesUsed() const;

private:
    // A deque never moves its elements, so the string_view keys stay valid.
    std::deque<std::string> m_strings;
    std::unordered_map<std::string_view, StringId> m_index;
};

} // namespace tracedelta
