// SPDX-License-Identifier: GPL-3.0-or-later
// Which call: repeated calls stay aggregated into one node (ten `fetch item` are one row),
// and inside it the occurrences are paired in order with the baselines', so a finding can
// say whether one call, a few or all of them changed ("1 of 10 calls changed — call #7").
#include "comparison.h"

#include "../util/durationformat.h"

#include <QCoreApplication>

#include <algorithm>

namespace tracedelta {

namespace {

struct ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(Comparison)
};

// The node's spans in one trace, in start order, with the quantity the candidate is about.
std::vector<std::pair<SpanIndex, std::int64_t>> occurrences(const Trace& trace, std::span<const SpanIndex> spans, bool selfTime)
{
    std::vector<std::pair<SpanIndex, std::int64_t>> result;
    result.reserve(spans.size());
    for (SpanIndex s : spans)
        result.emplace_back(s, selfTime ? trace.selfNs(s) : trace.durationNs(s));
    std::stable_sort(result.begin(), result.end(), [&](const auto& a, const auto& b) { return trace.startNs(a.first) < trace.startNs(b.first); });
    return result;
}

} // namespace

void Comparison::findChangedCalls(Candidate& c) const
{
    const std::size_t T = targetIndex();
    const AlignedNode& node = m_alignment.node(c.node);
    const std::size_t count = node.spans[T].size();
    constexpr std::size_t mostCalls = 10'000; // a profile's node can hold 100k calls; pairing them says nothing a user reads
    if (count < 2 || count > mostCalls || baselineCount() == 0)
        return;
    if (c.kind != CandidateKind::SelfTime && c.kind != CandidateKind::Slower && c.kind != CandidateKind::Faster && c.kind != CandidateKind::Error)
        return;
    const bool selfTime = c.kind == CandidateKind::SelfTime;
    std::vector<std::vector<std::pair<SpanIndex, std::int64_t>>> baselines;
    for (std::size_t t = 0; t < T; ++t) {
        if (node.spans[t].size() == count)
            baselines.push_back(occurrences(*m_alignment.traces()[t], node.spans[t], selfTime));
    }
    // Pairing in order needs runs that made the same calls; half the baselines at least.
    if (baselines.empty() || 2 * baselines.size() < baselineCount())
        return;
    const auto target = occurrences(this->target(), node.spans[T], selfTime);
    c.callsCompared = static_cast<int>(count);
    c.unchangedMinNs = INT64_MAX;
    c.unchangedMaxNs = 0;
    // A call changed when it moved beyond its baselines' range by at least half its fair share
    // of the candidate's change (and 1 ms): with ten calls and +191 ms, a 2 ms wobble of one
    // call is not "changed", while ten calls that each grew by a tenth all are.
    const auto share = static_cast<std::int64_t>(std::min(0.05 * static_cast<double>(timemath::abs(c.deltaNs)),
                                                          static_cast<double>(timemath::abs(c.deltaNs)) / (2.0 * static_cast<double>(count))));
    const std::int64_t threshold = std::max(m_settings.minimumDeltaNs, share);
    std::vector<std::int64_t> values;
    for (std::size_t i = 0; i < count; ++i) {
        values.clear();
        for (const auto& run : baselines)
            values.push_back(run[i].second);
        const BaselineStats at = baselineStats(values);
        const std::int64_t delta = timemath::sub(target[i].second, at.median);
        const bool outside = baselines.size() == 1 || !at.contains(target[i].second);
        if (outside && timemath::abs(delta) >= threshold) {
            c.changedCalls.push_back({static_cast<int>(i), target[i].first, target[i].second, at.median});
        } else {
            c.unchangedMinNs = std::min(c.unchangedMinNs, target[i].second);
            c.unchangedMaxNs = std::max(c.unchangedMaxNs, target[i].second);
        }
    }
    if (c.unchangedMinNs == INT64_MAX)
        c.unchangedMinNs = 0;
    // The call to select in the window: the one that changed most.
    if (!c.changedCalls.empty() && c.targetSpan == NoSpan) {
        const auto most = std::max_element(c.changedCalls.begin(), c.changedCalls.end(), [](const ChangedCall& a, const ChangedCall& b) {
            return timemath::abs(timemath::sub(a.targetNs, a.baselineNs)) < timemath::abs(timemath::sub(b.targetNs, b.baselineNs));
        });
        c.targetSpan = most->span;
    }
}

// "; 1 of 10 calls changed — call #7: 200 ms vs 10 ms; the others 9.6 ms – 10.4 ms as in the baselines"
QString Comparison::changedCallsPhrase(const Candidate& c) const
{
    if (c.callsCompared < 2 || c.changedCalls.empty())
        return {};
    const int changed = static_cast<int>(c.changedCalls.size());
    if (changed == c.callsCompared)
        return ComparisonText::tr("; all %n calls changed", nullptr, changed);
    QStringList which;
    constexpr int named = 3;
    for (int i = 0; i < std::min(changed, named); ++i) {
        const ChangedCall& call = c.changedCalls[static_cast<std::size_t>(i)];
        which << ComparisonText::tr("call #%1: %2 vs %3").arg(call.index + 1).arg(formatDuration(call.targetNs), formatDuration(call.baselineNs));
    }
    if (changed > named)
        which << ComparisonText::tr("%n more", nullptr, changed - named);
    return ComparisonText::tr("; %1 of %2 calls changed — %3; the others %4 – %5 as in the baselines")
        .arg(changed)
        .arg(c.callsCompared)
        .arg(which.join(QStringLiteral(", ")), formatDuration(c.unchangedMinNs), formatDuration(c.unchangedMaxNs));
}

} // namespace tracedelta
