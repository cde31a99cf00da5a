// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

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
    StringId find(std::string_view text) const;
    QString qstring(StringId id) const { return QString::fromStdString(m_strings[id]); }
    std::size_t size() const { return m_strings.size(); }
    std::size_t bytesUsed() const;

private:
    // The index: open addressing, a slot per power of two, each the string's id and 32 bits
    // of its hash (8 bytes, half full at most) — a node-based map cost ~56 bytes per string,
    // which for traces whose every event has its own argument value was most of the model.
    static constexpr std::uint64_t EmptySlot = ~std::uint64_t(0);
    std::size_t slotOf(std::string_view text, std::uint32_t hash) const;
    void grow();
    std::deque<std::string> m_strings;
    std::vector<std::uint64_t> m_slots;
};

} // namespace tracedelta
