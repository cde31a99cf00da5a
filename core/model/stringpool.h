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

// An attribute's value: a string of the pool, or a decimal number kept in the id itself.
// Producers write counts, sizes and sequence numbers as argument values, most of them
// distinct (a Chrome trace's {"k": 123456} on every event): as strings a million of them
// cost ~48 MB of pool, as numbers nothing. Only the text nlohmann and simdjson print for a
// number (no sign, no leading zeros, below 2^31) is kept as one, so the text reads back
// exactly and one value has one id.
struct ValueId
{
    static constexpr std::uint32_t NumberBit = 0x80000000u;
    std::uint32_t raw = 0;
    bool isNumber() const { return (raw & NumberBit) != 0; }
    std::uint32_t number() const { return raw & ~NumberBit; }
    StringId string() const { return raw; } // when !isNumber()
    friend bool operator==(ValueId, ValueId) = default;
};

// The text of a ValueId, by value: a view into the pool, or the number's digits held here.
class ValueText
{
public:
    explicit ValueText(std::string_view pooled)
        : m_pooled(pooled)
    {
    }
    explicit ValueText(std::uint32_t number);
    std::string_view view() const { return m_length ? std::string_view(m_digits, m_length) : m_pooled; }
    operator std::string_view() const { return view(); }
    std::string str() const { return std::string(view()); }
    QString qstring() const { return QString::fromUtf8(view().data(), static_cast<qsizetype>(view().size())); }

private:
    std::string_view m_pooled;
    char m_digits[11] = {};
    std::uint8_t m_length = 0;
};

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
    // An attribute value: a number as itself (see ValueId), any other text interned.
    ValueId internValue(std::string_view text);
    // A string already interned, as a value (a number when its text is one).
    ValueId valueOf(StringId id) const;
    ValueText valueText(ValueId value) const
    {
        return value.isNumber() ? ValueText(value.number()) : ValueText(std::string_view(m_strings[value.string()]));
    }
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
