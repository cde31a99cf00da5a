// SPDX-License-Identifier: GPL-3.0-or-later
#include "spansearch.h"

namespace tracedelta {

std::vector<bool> matchSpans(const Trace& trace, const QString& text)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return {};
    const SpanIndex count = trace.spanCount();
    std::vector<bool> matches(static_cast<std::size_t>(count), false);
    const StringPool& strings = trace.strings();
    std::vector<bool> stringMatches(strings.size(), false);
    for (StringId id = 1; id < static_cast<StringId>(strings.size()); ++id)
        stringMatches[id] = QString::fromStdString(strings.at(id)).contains(needle, Qt::CaseInsensitive);
    // Span ids are not pooled strings (see SpanIds); they are ASCII, so a lower-case
    // needle finds them in their lower-cased text.
    const std::string idNeedle = needle.toLower().toStdString();
    // Values kept as numbers (see ValueId) are digits: only a needle of digits finds them.
    const auto valueMatches = [&](ValueId value) {
        if (!value.isNumber())
            return bool(stringMatches[value.string()]);
        return std::string_view(strings.valueText(value)).find(idNeedle) != std::string_view::npos;
    };
    const auto idMatches = [&](SpanIndex i) {
        if (!trace.hasSpanId(i))
            return false;
        std::string id = trace.spanIdText(i);
        for (char& c : id)
            c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        return id.find(idNeedle) != std::string::npos;
    };
    for (SpanIndex i = 0; i < count; ++i) {
        bool hit = stringMatches[trace.name(i)] || stringMatches[trace.service(i)] || idMatches(i);
        for (const Attribute& attribute : trace.attributes(i)) {
            if (hit)
                break;
            hit = valueMatches(attribute.value);
        }
        matches[static_cast<std::size_t>(i)] = hit;
    }
    return matches;
}

} // namespace tracedelta
