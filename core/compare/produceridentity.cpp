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
    auto [found, inserted] = m_ruleByName.try_emplace(trace.name(span));
    NameRule& rule = found->second;
    if (inserted) {
        rule.paths = identityArgPaths(m_strings.at(trace.name(span)));
        for (std::size_t i = 0; i < rule.paths.size() && i < rule.keys.size(); ++i) {
            rule.keys[i] = m_strings.find(rule.paths[i].substr(0, rule.paths[i].find('.')));
            rule.anyKey = rule.anyKey || rule.keys[i] != 0;
        }
    }
    if (!rule.anyKey)
        return {};
    std::string result;
    for (std::size_t i = 0; i < rule.paths.size() && i < rule.keys.size(); ++i) {
        if (rule.keys[i] == 0)
            continue;
        std::string part = valueAt(trace, span, rule.paths[i], rule.keys[i]);
        if (part.empty())
            continue;
        if (!result.empty())
            result += ' ';
        result += part;
    }
    return result;
}

std::string ProducerIdentityReader::valueAt(const Trace& trace, SpanIndex span, std::string_view path, StringId key)
{
    const std::string_view keyText = path.substr(0, path.find('.'));
    for (const Attribute& a : trace.attributes(span)) {
        if (a.key != key)
            continue;
        if (keyText.size() == path.size())
            return m_strings.valueText(a.value).str();
        // Nested: parse the object's text once per distinct value and path.
        auto [cached, fresh] = m_nested[path].try_emplace(a.value.raw);
        if (fresh) {
            const ValueText value = m_strings.valueText(a.value);
            const std::pair<std::string_view, std::string_view> arg{keyText, value.view()};
            cached->second = argumentAt(EventArgs(&arg, 1), path);
        }
        return cached->second;
    }
    return {};
}

} // namespace tracedelta
