// SPDX-License-Identifier: GPL-3.0-or-later
#include "produceridentity.h"

#include "../model/producerknowledge.h"

namespace tracedelta {

ProducerIdentityReader::ProducerIdentityReader(const StringPool& strings)
    : m_strings(strings)
{
}

std::string ProducerIdentityReader::identity(const Trace& trace, SpanIndex span)
{
    if (!isTraceEventFamily(trace.format()) || trace.attributes(span).empty())
        return {};
    const StringId name = trace.name(span);
    auto [rule, inserted] = m_pathsByName.try_emplace(name);
    if (inserted)
        rule->second = identityArgPaths(m_strings.at(name));
    std::string result;
    for (std::string_view path : rule->second) {
        std::string part = valueAt(trace, span, path);
        if (part.empty())
            continue;
        if (!result.empty())
            result += ' ';
        result += part;
    }
    return result;
}

std::string ProducerIdentityReader::valueAt(const Trace& trace, SpanIndex span, std::string_view path)
{
    const std::string_view key = path.substr(0, path.find('.'));
    auto [keyId, inserted] = m_keyIds.try_emplace(key, 0);
    if (inserted)
        keyId->second = m_strings.find(key);
    if (keyId->second == 0)
        return {};
    for (const Attribute& a : trace.attributes(span)) {
        if (a.key != keyId->second)
            continue;
        if (key.size() == path.size())
            return m_strings.valueText(a.value).str();
        // Nested: parse the object's text once per distinct value and path.
        auto [cached, fresh] = m_nested[path].try_emplace(a.value.raw);
        if (fresh) {
            const ValueText value = m_strings.valueText(a.value);
            const std::pair<std::string_view, std::string_view> arg{key, value.view()};
            cached->second = argumentAt(EventArgs(&arg, 1), path);
        }
        return cached->second;
    }
    return {};
}

} // namespace tracedelta
