// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <string>
#include <unordered_map>

namespace tracedelta {

// Reads the producer identity of a span of one trace (the header a clang "Source" parses,
// the script a Chromium "EvaluateScript" runs) through the producer table
// (producerknowledge.h), caching what repeats: lookups per name, nested arguments per value.
// Trace-event profiles only; spans of distributed traces have none.
class ProducerIdentityReader
{
public:
    explicit ProducerIdentityReader(const Trace& trace);
    // As written in the file; empty when the span has none.
    std::string identity(SpanIndex span);

private:
    std::string valueAt(SpanIndex span, std::string_view path);

    const Trace& m_trace;
    bool m_enabled;
    std::unordered_map<StringId, std::span<const std::string_view>> m_pathsByName;
    std::unordered_map<std::string_view, StringId> m_keyIds;
    std::unordered_map<std::string_view, std::unordered_map<StringId, std::string>> m_nested; // path → value id → value
};

} // namespace tracedelta
