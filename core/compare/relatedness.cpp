// SPDX-License-Identifier: GPL-3.0-or-later
#include "relatedness.h"

#include <algorithm>
#include <iterator>
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

// Distinct (service, name) id pairs, sorted: traces that share one string pool (the
// occurrences cut from one trace) are compared by these ids, without building a text each.
std::vector<std::uint64_t> operationIds(const Trace& trace)
{
    std::vector<std::uint64_t> ids;
    ids.reserve(static_cast<std::size_t>(trace.spanCount()));
    for (SpanIndex s = 0; s < trace.spanCount(); ++s)
        ids.push_back((std::uint64_t(trace.service(s)) << 32) | std::uint64_t(trace.name(s)));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
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
    if (&first.strings() == &second.strings()) {
        // One pool: equal ids are equal texts, and different ids different texts.
        const auto a = operationIds(first);
        const auto b = operationIds(second);
        r.firstOperations = static_cast<int>(a.size());
        r.secondOperations = static_cast<int>(b.size());
        std::vector<std::uint64_t> shared;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
        r.sharedOperations = static_cast<int>(shared.size());
        return r;
    }
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
