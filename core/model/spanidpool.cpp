// SPDX-License-Identifier: GPL-3.0-or-later
#include "spanidpool.h"

namespace tracedelta {

SpanIdPool::SpanIdPool()
    : m_values{0}
    , m_isText{true}
{
}

StringId SpanIdPool::intern(std::string_view text)
{
    if (text.empty())
        return 0;
    const auto next = static_cast<StringId>(m_values.size());
    std::uint64_t number = 0;
    if (parseHex64(text, number)) {
        const auto [it, inserted] = m_byNumber.try_emplace(number, next);
        if (inserted) {
            m_values.push_back(number);
            m_isText.push_back(false);
        }
        return it->second;
    }
    const StringId textId = m_texts.intern(text);
    const auto [it, inserted] = m_byText.try_emplace(textId, next);
    if (inserted) {
        m_values.push_back(textId);
        m_isText.push_back(true);
    }
    return it->second;
}

std::string SpanIdPool::text(StringId id) const
{
    if (id == 0)
        return {};
    return m_isText[id] ? m_texts.at(static_cast<StringId>(m_values[id])) : hex64Text(m_values[id]);
}

SpanIds SpanIdPool::spanIds(const std::vector<StringId>& ofSpan) const
{
    bool anyId = false;
    bool allNumbers = true;
    for (const StringId id : ofSpan) {
        anyId = anyId || id != 0;
        allNumbers = allNumbers && id != 0 && !m_isText[id];
    }
    if (!anyId)
        return {};
    if (allNumbers) {
        std::vector<std::uint64_t> numbers(ofSpan.size());
        for (std::size_t i = 0; i < ofSpan.size(); ++i)
            numbers[i] = m_values[ofSpan[i]];
        return SpanIds(std::move(numbers));
    }
    StringPool pool;
    std::vector<StringId> pooled(ofSpan.size());
    for (std::size_t i = 0; i < ofSpan.size(); ++i)
        pooled[i] = ofSpan[i] == 0 ? 0 : pool.intern(text(ofSpan[i]));
    return SpanIds(std::move(pool), std::move(pooled));
}

} // namespace tracedelta
