// SPDX-License-Identifier: GPL-3.0-or-later
// The order of the candidates: time on the critical path beyond the baselines' spread,
// errors first; then their attribute differences, changed calls and reasons.
#include "comparison.h"

#include "../model/producerknowledge.h"

#include <algorithm>
#include <cmath>

namespace tracedelta {

void Comparison::rankCandidates()
{
    const std::size_t T = targetIndex();
    const auto& nodes = m_alignment.nodes();
    // Profilers write a childless slice on its own lane around the whole capture ("PyTorch
    // Profiler (0)"); its self time only restates the end-to-end change, so it ranks last.
    const Trace& targetTrace = target();
    const auto isCaptureEnvelope = [&](NodeIndex n) {
        return isTraceEventFamily(targetTrace.format()) && targetTrace.lanes().size() > 1 && nodes[n].parent == 0
            && nodes[n].children.empty() && m_metrics[n].count[T] == 1
            && static_cast<double>(m_metrics[n].totalNs[T]) >= 0.9 * static_cast<double>(targetTrace.wallDurationNs());
    };
    const bool wholeMoved = m_requestChanged || m_extentChanged;
    for (Candidate& c : m_candidates) {
        const NodeMetrics& m = m_metrics[c.node];
        // What the candidate names on the critical path: its own time for a self-time change,
        // the whole subtree for calls that were added, removed, repeated or serialised.
        const bool ownTime = c.kind == CandidateKind::SelfTime || c.kind == CandidateKind::Slower || c.kind == CandidateKind::Faster;
        // A wait is the gap after its cause ended, which the critical path charges to the cause.
        const std::span<const std::int64_t> critical = c.kind == CandidateKind::Wait ? criticalNs(nodes[c.node].parent)
            : ownTime                                                              ? criticalNs(c.node)
                                                                                   : subtreeCriticalNs(c.node);
        c.criticalPathTargetNs = critical[T];
        c.criticalPathBaselineNs = baselineCount() > 0 ? baselineOf(critical).median : 0;
        if (c.kind == CandidateKind::Concurrency && c.aboutChildren) {
            c.criticalPathTargetNs = timemath::sub(c.criticalPathTargetNs, criticalNs(c.node)[T]);
            c.criticalPathBaselineNs = timemath::sub(c.criticalPathBaselineNs, baselineOf(criticalNs(c.node)).median);
        }
        // Work that changed by Δ can move the end by at most Δ, and only in Δ's direction: a
        // critical path that merely moved onto it (a thread that ended last only in the
        // target) charges it more, or charges work that got faster with a longer path.
        const bool ownChange = c.kind != CandidateKind::Concurrency && c.kind != CandidateKind::Wait && c.kind != CandidateKind::Overhang
            && c.kind != CandidateKind::Error;
        const bool pathAgainstOwnChange = ownChange && (c.criticalPathDeltaNs() > 0) != (c.deltaNs > 0);
        const double onPath = pathAgainstOwnChange ? 0.0 : std::fabs(static_cast<double>(c.criticalPathDeltaNs()));
        // Absolute size first: time on the critical path counts fully, time off it (a
        // producer's branch, a background call) at half. An added 1 s subtree outranks a 7 ms
        // wobble whatever the end-to-end change.
        double impact = std::max(onPath, 0.5 * std::fabs(static_cast<double>(c.deltaNs)));
        if (ownChange)
            impact = std::min(impact, std::fabs(static_cast<double>(c.deltaNs)));
        if (baselineCount() == 0)
            impact = std::fabs(static_cast<double>(c.deltaNs));
        // With several baselines, only the part beyond their spread is news.
        if (baselineCount() >= 2 && c.kind != CandidateKind::Added && c.kind != CandidateKind::Removed) {
            // Concurrency, waits and overhangs carry their own measure (wall time, gap).
            const bool ownMeasure = c.kind == CandidateKind::Concurrency || c.kind == CandidateKind::Wait || c.kind == CandidateKind::Overhang;
            const BaselineStats spread = c.kind == CandidateKind::SelfTime ? m.baselineSelf : ownMeasure ? c.wallSpread : m.baselineTotal;
            const std::int64_t value = c.kind == CandidateKind::SelfTime ? m.selfNs[T] : ownMeasure ? c.wallTargetNs : m.totalNs[T];
            double beyond = spread.shareBeyond(value);
            // "N calls vs M" claims the count too: a count just outside its range is weak news.
            if (c.kind == CandidateKind::CountChanged)
                beyond = std::min(beyond, m.baselineCount.shareBeyond(m.count[T]));
            impact *= std::clamp(beyond, 0.2, 1.0);
        }
        if (isCaptureEnvelope(c.node))
            impact *= 0.01;
        if (c.kind == CandidateKind::Slower || c.kind == CandidateKind::Faster)
            impact *= 0.5; // unexplained container time ranks below concrete causes
        // A scheduler's wrapper holds whatever work ran in it: the specific work inside leads.
        if (isProfile() && isSchedulerWrapper(nodes[c.node].name))
            impact *= 0.05;
        c.score = impact;
    }
    // A new error is news whatever the timings; errors lead, in the order they happened.
    // A change against the overall one cannot explain it: still news, but after every change
    // that goes with it, whatever its size (a whole within its spread has no direction).
    // Within each, a scheduler's wrapper comes after the specific work: the work inside it is
    // the answer; but a wrapper whose time grew with the whole accounts for part of it, and
    // work that went the other way accounts for none.
    const auto group = [&](const Candidate& c) {
        if (c.kind == CandidateKind::Error)
            return 0;
        const bool wrapper = isProfile() && isSchedulerWrapper(nodes[c.node].name);
        const bool against = wholeMoved && explainedDeltaNs() != 0 && (c.deltaNs > 0) != (explainedDeltaNs() > 0);
        return 1 + 2 * int(against) + int(wrapper);
    };
    std::stable_sort(m_candidates.begin(), m_candidates.end(), [&](const Candidate& a, const Candidate& b) {
        const int groupA = group(a);
        const int groupB = group(b);
        if (groupA != groupB)
            return groupA < groupB;
        return groupA == 0 ? a.failure < b.failure : a.score > b.score;
    });
    constexpr std::size_t attributeDifferencesFor = 50; // a profile can hold thousands of candidates; nobody reads past these
    for (std::size_t i = 0; i < m_candidates.size(); ++i) {
        Candidate& c = m_candidates[i];
        if (i < attributeDifferencesFor && baselineCount() > 0 && c.kind != CandidateKind::Added)
            c.attributeDifferences = attributeDifferences(m_alignment, c.node);
        // A failure's reason quotes its message; its status and exception attributes would only repeat it.
        if (c.kind == CandidateKind::Error)
            std::erase_if(c.attributeDifferences, [](const AttributeDifference& d) { return describesTheError(d.key); });
        if (i < attributeDifferencesFor)
            findChangedCalls(c);
        c.reason = reasonFor(c);
    }
}

} // namespace tracedelta
