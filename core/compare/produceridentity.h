// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <array>
#include <span>
#include <string>
#include <unordered_map>

namespace tracedelta {

// Reads the producer identity of a span (the header a clang "Source" parses, the script a
// Chromium "EvaluateScript" runs) through the producer table (producerknowledge.h), caching
// what repeats: lookups per name, nested arguments per value. What it caches depends only
// on the strings, so one reader serves every trace of one string pool (the occurrences cut
// from one trace). Trace-event profiles only; spans of distributed traces have none.
class ProducerIdentityReader
{
public:
    explicit ProducerIdentityReader(const StringPool& strings);
    // As written in the file; empty when the span has none. `trace` holds the reader's pool.
    std::string identity(const Trace& trace, SpanIndex span);

private:
    // A name's argument paths with the ids of their first keys (0: no span has that key), so
    // a span whose name has none in this pool costs one lookup.
    struct NameRule
    {
        std::span<const std::string_view> paths;
        std::array<StringId, 2> keys{};
        bool anyKey = false;
    };

    std::string valueAt(const Trace& trace, SpanIndex span, std::string_view path, StringId key);

    const StringPool& m_strings;
    std::unordered_map<StringId, NameRule> m_ruleByName;
    std::unordered_map<std::string_view, std::unordered_map<std::uint32_t, std::string>> m_nested; // path → ValueId → value
};

} // namespace tracedelta
