// SPDX-License-Identifier: GPL-3.0-or-later
#include "occurrences.h"

#include "../compare/namenormalisation.h"
#include "../model/tracebuilder.h"
#include "../util/durationformat.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <thread>
#include <cmath>
#include <unordered_map>

namespace tracedelta {

namespace {

// lupdate files these strings under "Occurrences"; the struct only gives them that context.
struct OccurrencesText
{
    Q_DECLARE_TR_FUNCTIONS(Occurrences)
};

// Per name id of the trace: whether it is one of the unit's names (a pattern is matched
// once per distinct name, not once per span: a million spans share a few thousand names).
std::vector<bool> matchingNames(const Trace& trace, const QString& pattern)
{
    std::vector<bool> matches(trace.strings().size(), false);
    // A name that holds a '*' itself ("GET /users/*") is that name where a span has it.
    const StringId exact = trace.strings().find(pattern.toStdString());
    if (!isNamePattern(pattern) || exact != 0) {
        if (exact != 0)
            matches[exact] = true;
        return matches;
    }
    // Qt's own wildcards stop '*' at '/' (file paths); span names are no paths ("GET /users/*").
    QString regex;
    for (const QChar c : pattern)
        regex += c == QLatin1Char('*') ? QStringLiteral(".*") : c == QLatin1Char('?') ? QStringLiteral(".") : QRegularExpression::escape(QString(c));
    const QRegularExpression expression(QRegularExpression::anchoredPattern(regex), QRegularExpression::DotMatchesEverythingOption);
    for (StringId id = 1; id < trace.strings().size(); ++id)
        matches[id] = expression.match(trace.strings().qstring(id)).hasMatch();
    return matches;
}

// Beyond 3 robust σ of the median; a spread of zero still allows 1 % of the median, so that
// identical frames with a nanosecond of jitter are not all outliers.
bool isOutlier(std::int64_t duration, const BaselineStats& spread)
{
    const double sigma = std::max({1.4826 * static_cast<double>(spread.mad), 0.01 * static_cast<double>(spread.median), 1.0});
    return std::abs(static_cast<double>(duration - spread.median)) > 3 * sigma;
}

std::vector<std::int64_t> durationsOf(const std::vector<Occurrence>& occurrences, const std::vector<std::size_t>& which)
{
    std::vector<std::int64_t> durations;
    durations.reserve(which.size());
    for (std::size_t i : which)
        durations.push_back(occurrences[i].durationNs);
    return durations;
}

std::optional<std::size_t> targetIndex(const std::vector<Occurrence>& occurrences, const TargetOccurrence& target)
{
    switch (target.by) {
    case TargetOccurrence::By::Slowest: {
        const auto slowest = std::max_element(occurrences.begin(), occurrences.end(),
                                              [](const Occurrence& a, const Occurrence& b) { return a.durationNs < b.durationNs; });
        return static_cast<std::size_t>(slowest - occurrences.begin());
    }
    case TargetOccurrence::By::Index:
        if (target.index < 0 || static_cast<std::size_t>(target.index) >= occurrences.size())
            return std::nullopt;
        return static_cast<std::size_t>(target.index);
    case TargetOccurrence::By::Time:
        break;
    }
    std::size_t nearest = 0;
    std::int64_t nearestDistance = INT64_MAX;
    for (std::size_t i = 0; i < occurrences.size(); ++i) {
        const Occurrence& o = occurrences[i];
        if (target.timeNs >= o.offsetNs && target.timeNs < o.offsetNs + o.durationNs)
            return i;
        const std::int64_t distance = std::abs(o.offsetNs - target.timeNs);
        if (distance < nearestDistance) {
            nearestDistance = distance;
            nearest = i;
        }
    }
    return nearest;
}

} // namespace

bool isNamePattern(const QString& pattern)
{
    return pattern.contains(QLatin1Char('*')) || pattern.contains(QLatin1Char('?'));
}

std::vector<Occurrence> findOccurrences(std::span<const TracePtr> traces, const QString& pattern)
{
    std::vector<Occurrence> found;
    for (std::size_t t = 0; t < traces.size(); ++t) {
        const Trace& trace = *traces[t];
        const std::vector<bool> matches = matchingNames(trace, pattern);
        std::vector<Occurrence> inTrace;
        // Pre-order: a match's subtree is [s, subtreeEnd(s)); matches inside it belong to it.
        for (SpanIndex s = 0; s < trace.spanCount();) {
            if (!matches[trace.name(s)]) {
                ++s;
                continue;
            }
            inTrace.push_back({t, s, timemath::sub(trace.startNs(s), trace.traceStartNs()), trace.durationNs(s)});
            s = trace.subtreeEnd(s);
        }
        std::stable_sort(inTrace.begin(), inTrace.end(), [](const Occurrence& a, const Occurrence& b) { return a.offsetNs < b.offsetNs; });
        found.insert(found.end(), inTrace.begin(), inTrace.end());
    }
    return found;
}

std::optional<TargetOccurrence> parseTargetOccurrence(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t == QLatin1String("slowest"))
        return TargetOccurrence{};
    bool ok = false;
    const int index = t.toInt(&ok);
    if (ok)
        return index >= 0 ? std::optional(TargetOccurrence{TargetOccurrence::By::Index, index, 0}) : std::nullopt;
    static const QRegularExpression timePattern(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|µs|ms|s)$"));
    const QRegularExpressionMatch match = timePattern.match(t);
    if (!match.hasMatch())
        return std::nullopt;
    const QString unit = match.captured(2);
    const double scale = unit == QLatin1String("ns") ? 1 : unit == QLatin1String("ms") ? 1e6 : unit == QLatin1String("s") ? 1e9 : 1e3;
    const double ns = match.captured(1).toDouble() * scale;
    if (ns > 9e18)
        return std::nullopt;
    return TargetOccurrence{TargetOccurrence::By::Time, 0, static_cast<std::int64_t>(std::llround(ns))};
}

std::optional<BaselineSelection> parseBaselineSelection(const QString& text)
{
    if (text.isEmpty() || text == QLatin1String("all"))
        return BaselineSelection::All;
    if (text == QLatin1String("typical"))
        return BaselineSelection::Typical;
    return std::nullopt;
}

QString baselineSelectionName(BaselineSelection selection)
{
    return selection == BaselineSelection::All ? QStringLiteral("all") : QStringLiteral("typical");
}

std::optional<OccurrenceChoice> chooseOccurrences(std::span<const TracePtr> traces, const QString& pattern,
                                                  const TargetOccurrence& target, BaselineSelection selection, QString* error)
{
    OccurrenceChoice choice;
    choice.name = pattern;
    choice.selection = selection;
    choice.occurrences = findOccurrences(traces, pattern);
    if (choice.occurrences.size() < 2) {
        *error = OccurrencesText::tr("\"%1\" occurs %n time(s); comparing needs at least two occurrences", nullptr,
                                     static_cast<int>(choice.occurrences.size()))
                     .arg(pattern);
        return std::nullopt;
    }
    const auto chosen = targetIndex(choice.occurrences, target);
    if (!chosen) {
        *error = OccurrencesText::tr("there is no occurrence %1 of \"%2\" (0 to %3)")
                     .arg(target.index)
                     .arg(pattern)
                     .arg(choice.occurrences.size() - 1);
        return std::nullopt;
    }
    std::vector<std::int64_t> all;
    for (const Occurrence& o : choice.occurrences)
        all.push_back(o.durationNs);
    choice.spread = baselineStats(all);
    for (std::size_t i = 0; i < choice.occurrences.size(); ++i) {
        if (isOutlier(choice.occurrences[i].durationNs, choice.spread))
            choice.outliers.push_back(i);
    }
    return retarget(choice, *chosen);
}

OccurrenceChoice retarget(const OccurrenceChoice& choice, std::size_t target)
{
    OccurrenceChoice out = choice;
    out.target = target;
    out.baselines.clear();
    for (std::size_t i = 0; i < out.occurrences.size(); ++i) {
        const bool outlier = std::binary_search(out.outliers.begin(), out.outliers.end(), i);
        if (i != target && (out.selection == BaselineSelection::All || !outlier))
            out.baselines.push_back(i);
    }
    // Typical baselines of a unit that is all outliers would be none: then all of them.
    if (out.baselines.empty()) {
        for (std::size_t i = 0; i < out.occurrences.size(); ++i) {
            if (i != target)
                out.baselines.push_back(i);
        }
    }
    out.baselineSpread = baselineStats(durationsOf(out.occurrences, out.baselines));
    return out;
}

QString OccurrenceChoice::outlierSentence() const
{
    int slow = 0;
    for (const Occurrence& o : occurrences)
        slow += o.durationNs > 2 * spread.median ? 1 : 0;
    if (slow == 0)
        return {};
    return OccurrencesText::tr("%1 of %2 %3 took > 2× the median of %4")
        .arg(slow)
        .arg(occurrences.size())
        .arg(name, formatDuration(spread.median));
}

QString OccurrenceChoice::choiceSentence() const
{
    const Occurrence& t = occurrences[target];
    const QString which = selection == BaselineSelection::All
                              ? OccurrencesText::tr("all %1 others").arg(baselines.size())
                              : OccurrencesText::tr("the %1 typical others (outliers beyond 3 robust σ left out)").arg(baselines.size());
    return OccurrencesText::tr("Target: %1 #%2 of %3 (at %4, %5); baselines: %6, median %7, p90 %8.")
        .arg(name)
        .arg(target)
        .arg(occurrences.size())
        .arg(formatDuration(t.offsetNs), formatDuration(t.durationNs), which, formatDuration(baselineSpread.median),
             formatDuration(baselineSpread.p90));
}

QString occurrenceLabel(const Trace& trace, const Occurrence& occurrence, std::size_t index)
{
    return OccurrencesText::tr("%1 #%2 (at %3)")
        .arg(QString::fromStdString(trace.nameText(occurrence.span)))
        .arg(index)
        .arg(formatDuration(occurrence.offsetNs));
}

TracePtr occurrenceTrace(const Trace& trace, const Occurrence& occurrence, std::size_t index)
{
    const std::string label = occurrenceLabel(trace, occurrence, index).toStdString();
    if (TracePtr cut = TraceBuilder::subtree(trace, occurrence.span, label))
        return cut;
    return occurrenceTraceFromDrafts(trace, occurrence, label);
}

// The occurrence built from drafts, as any importer builds a trace: what subtree() makes
// faster, and what it leaves to the builder (times it would clamp). Tests compare the two.
TracePtr occurrenceTraceFromDrafts(const Trace& trace, const Occurrence& occurrence, const std::string& label)
{
    const SpanIndex root = occurrence.span;
    const SpanIndex end = trace.subtreeEnd(root);
    const std::int64_t origin = trace.startNs(root);
    TraceBuilder builder(trace.format(), trace.sourceFile(), label);
    builder.reserve(static_cast<std::size_t>(end - root), 0, 0);
    const std::int32_t sourceLane = trace.lane(root);
    const std::int32_t lane = builder.addLane(sourceLane >= 0 && static_cast<std::size_t>(sourceLane) < trace.lanes().size()
                                                  ? trace.strings().at(trace.lanes()[static_cast<std::size_t>(sourceLane)].label)
                                                  : std::string());
    for (SpanIndex s = root; s < end; ++s) {
        SpanDraft draft;
        if (trace.hasSpanId(s))
            draft.spanId = builder.internSpanId(trace.spanIdText(s));
        draft.parentDraft = s == root ? NoSpan : trace.parent(s) - root;
        draft.name = builder.intern(trace.nameText(s));
        draft.service = builder.intern(trace.serviceText(s));
        draft.startNs = timemath::sub(trace.startNs(s), origin);
        draft.durationNs = trace.durationNs(s);
        draft.kind = trace.kind(s);
        draft.status = trace.status(s);
        draft.lane = lane;
        builder.addSpan(draft);
        for (const Attribute& a : trace.attributes(s))
            builder.addAttribute(trace.strings().at(a.key), trace.valueText(a.value));
        for (const SpanEvent& e : trace.events(s)) {
            builder.addEvent(timemath::sub(e.timeNs, origin), trace.strings().at(e.name));
            for (const Attribute& a : trace.eventAttributes(e))
                builder.addEventAttribute(trace.strings().at(a.key), trace.valueText(a.value));
        }
    }
    return builder.build();
}

std::vector<TracePtr> cutOccurrences(std::span<const TracePtr> traces, const OccurrenceChoice& choice)
{
    std::vector<std::size_t> order = choice.baselines;
    order.push_back(choice.target);
    std::vector<TracePtr> cut(order.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < order.size(); i = next++) {
            const Occurrence& o = choice.occurrences[order[i]];
            cut[i] = occurrenceTrace(*traces[o.trace], o, order[i]);
        }
    };
    // 10,000 occurrences of 100 spans are a million spans to rebuild: worth the cores.
    const unsigned workers = std::clamp<unsigned>(std::thread::hardware_concurrency(), 1, 8);
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers && order.size() > 64; ++w)
        threads.emplace_back(work);
    work();
    for (std::thread& t : threads)
        t.join();
    return cut;
}

std::vector<RepeatedUnit> findRepeatedUnits(const Trace& trace, int minimumCount)
{
    // Per name id, its normalised key's group id; groups are (lane, key).
    // Only span names are normalised, each once: the pool also holds every attribute value.
    constexpr std::uint32_t Unknown = UINT32_MAX;
    std::unordered_map<std::string, std::uint32_t> keyIds;
    std::vector<std::uint32_t> keyOf(trace.strings().size(), Unknown);
    const auto keyOfName = [&](StringId id) {
        if (keyOf[id] == Unknown)
            keyOf[id] = keyIds.try_emplace(normalisedName(trace.strings().at(id)), static_cast<std::uint32_t>(keyIds.size())).first->second;
        return keyOf[id];
    };
    struct Group
    {
        std::int32_t lane = 0;
        StringId firstName = 0;
        bool severalNames = false;
        SpanIndex coveredUntil = 0; // spans before this are inside an occurrence already counted
        std::vector<std::int64_t> durations;
    };
    std::unordered_map<std::uint64_t, Group> groups;
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(trace.lane(s))) << 32) | keyOfName(trace.name(s));
        auto [it, added] = groups.try_emplace(key);
        Group& g = it->second;
        if (added) {
            g.lane = trace.lane(s);
            g.firstName = trace.name(s);
        }
        if (s < g.coveredUntil)
            continue;
        g.severalNames = g.severalNames || trace.name(s) != g.firstName;
        g.coveredUntil = trace.subtreeEnd(s);
        g.durations.push_back(trace.durationNs(s));
    }
    std::vector<RepeatedUnit> units;
    for (auto& [key, g] : groups) {
        const int count = static_cast<int>(g.durations.size());
        if (count < minimumCount && !(g.severalNames && count >= 3))
            continue;
        RepeatedUnit unit;
        unit.name = trace.strings().at(g.firstName);
        if (g.severalNames) {
            unit.name = normalisedName(unit.name);
            for (const char* placeholder : {"{n}", "{id}", "{uuid}"})
                for (std::size_t at = unit.name.find(placeholder); at != std::string::npos; at = unit.name.find(placeholder))
                    unit.name.replace(at, std::char_traits<char>::length(placeholder), "*");
        }
        if (g.lane >= 0 && static_cast<std::size_t>(g.lane) < trace.lanes().size())
            unit.lane = trace.strings().at(trace.lanes()[static_cast<std::size_t>(g.lane)].label);
        unit.count = count;
        unit.spread = baselineStats(std::move(g.durations));
        units.push_back(std::move(unit));
    }
    std::sort(units.begin(), units.end(), [](const RepeatedUnit& a, const RepeatedUnit& b) {
        const std::int64_t ea = a.spread.max - a.spread.median, eb = b.spread.max - b.spread.median;
        return ea != eb ? ea > eb : a.name < b.name;
    });
    return units;
}

} // namespace tracedelta
