// SPDX-License-Identifier: GPL-3.0-or-later
#include "relatedness.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

namespace tracedelta {

namespace {

std::string operationKey(const Trace& trace, SpanIndex span)
{
    std::string key = trace.serviceText(span);
    key += '\x1f';
    key += trace.nameText(span);
    return key;
}

std::unordered_set<std::string> operations(const Trace& trace)
{
    // Distinct (service, name) id pairs first: a profile has 75k spans but a few thousand names.
    std::unordered_set<std::uint64_t> ids;
    std::unordered_set<std::string> keys;
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        const std::uint64_t id = (std::uint64_t(trace.service(s)) << 32) | std::uint64_t(trace.name(s));
        if (ids.insert(id).second)
            keys.insert(operationKey(trace, s));
    }
    return keys;
}

} // namespace

double Relatedness::overlap() const
{
    const int smaller = std::min(firstOperations, secondOperations);
    return smaller > 0 ? static_cast<double>(sharedOperations) / smaller : 0.0;
}

bool Relatedness::unrelated() const
{
    return !sharedRoot && overlap() < 0.2;
}

Relatedness relatedness(const Trace& first, const Trace& second)
{
    Relatedness r;
    if (first.mainRoot() != NoSpan && second.mainRoot() != NoSpan)
        r.sharedRoot = operationKey(first, first.mainRoot()) == operationKey(second, second.mainRoot());
    const auto a = operations(first);
    const auto b = operations(second);
    r.firstOperations = static_cast<int>(a.size());
    r.secondOperations = static_cast<int>(b.size());
    const auto& smaller = a.size() <= b.size() ? a : b;
    const auto& larger = a.size() <= b.size() ? b : a;
    for (const std::string& key : smaller)
        r.sharedOperations += larger.count(key) ? 1 : 0;
    return r;
}

} // namespace tracedelta
