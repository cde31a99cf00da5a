// SPDX-License-Identifier: GPL-3.0-or-later
// Time between spans. A consumer picks a message up some time after it was published (a
// queue backlog, consumer lag), and a call abandoned on timeout keeps running after its
// caller gave up: neither is any span's own time, and both can be the whole regression.
#include "comparison.h"

#include "../util/durationformat.h"

#include <QCoreApplication>

namespace tracedelta {

namespace {

struct ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(Comparison)
};

// A span its parent caused rather than called and waited for: a CONSUMER, the child of a
// PRODUCER, or a span that declared the parent as FOLLOWS_FROM or as a link. Distributed
// traces only: a profile's flow arrows are not queues.
std::vector<bool> linkedToParent(const Trace& trace)
{
    std::vector<bool> linked(static_cast<std::size_t>(trace.spanCount()), false);
    if (isTraceEventFamily(trace.format()))
        return linked;
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        const SpanIndex parent = trace.parent(s);
        linked[static_cast<std::size_t>(s)] = parent != NoSpan && (trace.kind(s) == SpanKind::Consumer || trace.kind(parent) == SpanKind::Producer);
    }
    for (const SpanReference& r : trace.references()) {
        if (r.type != ReferenceType::ChildOf && r.target != NoSpan && r.target == trace.parent(r.from))
            linked[static_cast<std::size_t>(r.from)] = true;
    }
    return linked;
}

} // namespace

void Comparison::measureWaitsAndOverhangs()
{
    const std::size_t traceCount = m_alignment.traces().size();
    const auto& nodes = m_alignment.nodes();
    m_wait.reset(nodes.size(), traceCount);
    m_overhang.reset(nodes.size(), traceCount);
    for (std::size_t t = 0; t < traceCount; ++t) {
        const Trace& trace = *m_alignment.traces()[t];
        const std::vector<bool> linked = linkedToParent(trace);
        for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
            const SpanIndex parent = trace.parent(s);
            if (parent == NoSpan)
                continue;
            const NodeIndex n = m_alignment.nodeOf(t, s);
            if (linked[static_cast<std::size_t>(s)]) {
                const std::int64_t wait = timemath::sub(trace.startNs(s), trace.endNs(parent));
                if (wait > 0)
                    m_wait.row(n)[t] = timemath::add(m_wait.row(n)[t], wait);
            } else {
                const std::int64_t overhang = timemath::sub(trace.endNs(s), trace.endNs(parent));
                if (overhang > 0)
                    m_overhang.row(n)[t] = timemath::add(m_overhang.row(n)[t], overhang);
            }
        }
    }
}

void Comparison::findWaitsAndOverhangs()
{
    if (baselineCount() == 0 || isProfile())
        return;
    const std::size_t T = targetIndex();
    const auto& nodes = m_alignment.nodes();
    // Gaps between spans are differences of two timestamps, often from two clocks and often
    // stamped to the millisecond (the OpenTelemetry JS SDK's starts): a child "outliving" its
    // parent by 1 ms is rounding. Worth a finding from 2 % of the request (or trace) on.
    const std::int64_t whole = hasRequest() ? baselineRequestNs() : m_baselineDuration;
    const std::int64_t floor = std::max(m_settings.minimumDeltaNs, static_cast<std::int64_t>(0.02 * static_cast<double>(whole)));
    std::vector<bool> overhangAbove(nodes.size(), false);
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
        const NodeIndex parent = nodes[n].parent;
        overhangAbove[n] = parent > 0 && overhangAbove[parent];
        if (inSilentGap(n) || m_metrics[n].count[T] == 0 || m_metrics[n].change == NodeChange::Added)
            continue;
        for (const CandidateKind kind : {CandidateKind::Wait, CandidateKind::Overhang}) {
            const std::span<const std::int64_t> row = kind == CandidateKind::Wait ? waitNs(n) : overhangNs(n);
            const BaselineStats stats = baselineOf(row);
            const std::int64_t delta = timemath::sub(row[T], stats.median);
            // Only what grew is news here: a shorter wait shows as the whole being faster.
            if (delta < floor || !significant(delta, stats, row[T]))
                continue;
            // The outermost span that outlives its parent says it; its children outlive theirs with it.
            if (kind == CandidateKind::Overhang && overhangAbove[n])
                continue;
            Candidate c;
            c.node = n;
            c.kind = kind;
            c.deltaNs = delta;
            c.wallBaselineNs = stats.median;
            c.wallTargetNs = row[T];
            c.wallSpread = stats;
            m_candidates.push_back(c);
            if (kind == CandidateKind::Overhang)
                overhangAbove[n] = true;
        }
    }
}

// "audit: process order.created — started 500 ms after publish order.created ended (5 ms in
// the baselines): waiting in a queue or for a consumer"
QString Comparison::waitReason(const Candidate& c, const QString& who) const
{
    const AlignedNode& node = m_alignment.node(c.node);
    const AlignedNode& parent = m_alignment.node(node.parent);
    const QString cause = QString::fromStdString(parent.service + ": " + displayName(parent));
    const QString where = baselineCount() == 1 ? ComparisonText::tr("in the baseline")
                                               : ComparisonText::tr("median in %n baseline traces", nullptr, static_cast<int>(baselineCount()));
    const int calls = m_metrics[c.node].count[targetIndex()];
    // Repeated consumers: the waits add up, and the reason says so.
    const QString summed = calls > 1 ? ComparisonText::tr(" (summed over %n calls)", nullptr, calls) : QString();
    if (c.kind == CandidateKind::Wait)
        return ComparisonText::tr("%1 — started %2 after %3 ended (%4 %5; %6): waiting in a queue or for a consumer")
                   .arg(who, formatDuration(c.wallTargetNs) + summed, cause, formatDuration(c.wallBaselineNs), where,
                        formatSignedDuration(c.deltaNs));
    return ComparisonText::tr("%1 — outlives its parent %2 by %3 (%4 %5; %6): work that went on after its caller stopped waiting "
                              "(abandoned on a timeout, or not awaited)")
        .arg(who, cause, formatDuration(c.wallTargetNs) + summed, formatDuration(c.wallBaselineNs), where, formatSignedDuration(c.deltaNs));
}

} // namespace tracedelta
