// SPDX-License-Identifier: GPL-3.0-or-later
#include "attributedifferences.h"

#include "namenormalisation.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace tracedelta {

namespace {

using ValueSets = std::map<std::string, std::set<std::string>>; // key → distinct values on the node's spans

constexpr std::size_t MaxSpansPerTrace = 256;
constexpr std::size_t MaxValuesPerKey = 4;

// Keys whose values differ from run to run whatever changed (ids, times), or that no one
// reads as a difference on one line (an exception's stack trace: its line numbers move).
bool identifiesTheRun(const std::string& key)
{
    static const char* const suffixes[] = {"id", ".pid", ".tid", "thread.name", ".port", "uuid", "guid", "timestamp", "time", "index", "correlation", "device",
                                           "stacktrace"};
    std::string lower(key);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(std::begin(suffixes), std::end(suffixes), [&](const char* s) {
        const std::string_view suffix(s);
        return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
}

bool isNumber(const std::string& v)
{
    return !v.empty() && std::all_of(v.begin(), v.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == 'e' || ch == '+'; })
        && v.front() != 'e';
}

void addValue(ValueSets& sets, const std::string& key, const std::string& value)
{
    if (identifiesTheRun(key))
        return;
    std::set<std::string>& values = sets[key];
    if (values.size() < MaxValuesPerKey)
        values.insert(isNumber(value) ? value : normalisedName(value.size() > 200 ? value.substr(0, 200) : value));
}

ValueSets valuesOf(const Trace& trace, std::span<const SpanIndex> spans)
{
    ValueSets sets;
    const auto& text = [&](StringId id) -> const std::string& { return trace.strings().at(id); };
    for (std::size_t i = 0; i < spans.size() && i < MaxSpansPerTrace; ++i) {
        const SpanIndex s = spans[i];
        for (const Attribute& a : trace.attributes(s))
            addValue(sets, text(a.key), trace.valueText(a.value).str());
        if (trace.status(s) == SpanStatus::Error)
            addValue(sets, "status", "error");
        for (const SpanEvent& e : trace.events(s)) {
            const std::string event = "event " + text(e.name);
            addValue(sets, event, "present");
            for (const Attribute& a : trace.eventAttributes(e))
                addValue(sets, event + ": " + text(a.key), trace.valueText(a.value).str());
        }
    }
    return sets;
}

std::string joined(const std::set<std::string>* values)
{
    if (!values || values->empty())
        return AbsentValue;
    std::string out;
    for (const std::string& v : *values) {
        if (!out.empty())
            out += " | ";
        out += v;
    }
    return out;
}

} // namespace

bool describesTheError(const std::string& key)
{
    return key == "status" || key == "otel.status_description" || key == "error" || key == "error.message"
        || key.starts_with("event exception") || key.starts_with("event error");
}

std::vector<AttributeDifference> attributeDifferences(const Alignment& alignment, NodeIndex node, std::size_t maxCount)
{
    std::vector<AttributeDifference> result;
    const auto& traces = alignment.traces();
    if (traces.size() < 2 || node <= 0)
        return result;
    const std::size_t T = traces.size() - 1;
    const AlignedNode& n = alignment.node(node);
    if (n.spans[T].empty())
        return result;
    std::vector<ValueSets> baselines;
    for (std::size_t t = 0; t < T; ++t) {
        if (!n.spans[t].empty())
            baselines.push_back(valuesOf(*traces[t], n.spans[t]));
    }
    if (baselines.empty())
        return result;
    const ValueSets target = valuesOf(*traces[T], n.spans[T]);
    std::set<std::string> keys;
    for (const auto& [key, values] : target)
        keys.insert(key);
    for (const ValueSets& b : baselines) {
        for (const auto& [key, values] : b)
            keys.insert(key);
    }
    for (const std::string& key : keys) {
        const auto find = [&](const ValueSets& sets) -> const std::set<std::string>* {
            const auto it = sets.find(key);
            return it == sets.end() ? nullptr : &it->second;
        };
        // Only a value that holds for every call in each trace can differ "from every
        // baseline"; a key whose value varies from call to call (sizes, sequence numbers) is
        // per-call detail, not a property of the run.
        const auto varies = [](const std::set<std::string>* values) { return values && values->size() > 1; };
        bool variesWithinATrace = varies(find(target));
        for (const ValueSets& b : baselines)
            variesWithinATrace = variesWithinATrace || varies(find(b));
        if (variesWithinATrace)
            continue;
        const std::string targetValue = joined(find(target));
        AttributeDifference difference{key, targetValue, {}};
        bool matchesABaseline = false;
        std::set<std::string> distinctBaselineValues;
        for (const ValueSets& b : baselines) {
            difference.baselineValues.push_back(joined(find(b)));
            matchesABaseline = matchesABaseline || difference.baselineValues.back() == targetValue;
            distinctBaselineValues.insert(difference.baselineValues.back());
        }
        // A value no two baselines share (a request id, a timestamp) says nothing about the target.
        const bool runSpecific = baselines.size() >= 2 && distinctBaselineValues.size() == baselines.size();
        // Two different large or fractional numbers (byte counts, sequence numbers, ratios)
        // are rarely the story; small whole ones (a status code, a retry count) often are.
        const auto largeNumber = [](const std::string& v) {
            return isNumber(v) && (v.size() >= 4 || v.find('.') != std::string::npos);
        };
        const bool numbersOnly = largeNumber(targetValue)
            && std::all_of(difference.baselineValues.begin(), difference.baselineValues.end(), largeNumber);
        if (!matchesABaseline && !runSpecific && !numbersOnly)
            result.push_back(std::move(difference));
    }
    // Errors and events first: they are the usual news.
    std::stable_sort(result.begin(), result.end(), [](const AttributeDifference& a, const AttributeDifference& b) {
        const auto weight = [](const AttributeDifference& d) { return d.key == "status" ? 0 : d.key.rfind("event ", 0) == 0 ? 1 : 2; };
        return weight(a) < weight(b);
    });
    if (result.size() > maxCount)
        result.resize(maxCount);
    return result;
}

} // namespace tracedelta
