// SPDX-License-Identifier: GPL-3.0-or-later
// Incomplete traces: a service that reported nothing in the target (sampling, a crashed
// exporter, a dropped batch) leaves a gap where the baselines have its spans, while the
// span that called it still lasts as long as before. The gap is
// named in the notes and kept out of the ranking and of "different structure"; a gap is
// not something the request did.
#include "comparison.h"

#include <QCoreApplication>

#include <unordered_set>

namespace tracedelta {

namespace {

struct ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(Comparison)
};

} // namespace

void Comparison::findSilentServices()
{
    const std::size_t T = targetIndex();
    // Profiles' lanes come and go between runs (see findIntermittentLanes); a trace of one service cannot lose one.
    if (baselineCount() == 0 || isProfile())
        return;
    const Trace& trace = target();
    std::unordered_set<std::string> targetServices;
    for (StringId id : trace.services())
        targetServices.insert(trace.strings().at(id));
    if (targetServices.empty())
        return;
    const auto& nodes = m_alignment.nodes();
    std::vector<bool> gap(nodes.size(), false);
    bool any = false;
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
        const NodeIndex parent = nodes[n].parent;
        if (parent > 0 && gap[parent]) {
            gap[n] = true; // below the gap: whatever was there could not be reported through it
            continue;
        }
        if (m_metrics[n].change != NodeChange::Removed || targetServices.count(nodes[n].service))
            continue;
        // A silent service's caller still waited for it: its own span kept (most of) the time.
        // When the caller got faster by what went missing, the work itself went away.
        if (parent > 0) {
            const NodeMetrics& caller = m_metrics[parent];
            const std::int64_t callerDelta = timemath::sub(caller.totalNs[T], caller.baselineTotal.median);
            if (caller.count[T] == 0 || 2 * callerDelta < -m_metrics[n].baselineTotal.median)
                continue;
        }
        gap[n] = true;
        any = true;
        SilentService silent;
        silent.service = nodes[n].service;
        silent.node = n;
        std::vector<std::int64_t> spans;
        for (std::size_t t = 0; t < T; ++t) {
            // The service's spans in this subtree of baseline t.
            const Trace& baseline = *m_alignment.traces()[t];
            int count = 0;
            for (SpanIndex s : nodes[n].spans[t]) {
                for (SpanIndex d = s; d < baseline.subtreeEnd(s); ++d)
                    count += baseline.serviceText(d) == silent.service ? 1 : 0;
            }
            silent.baselinesWith += count > 0 ? 1 : 0;
            spans.push_back(count);
        }
        silent.baselineSpans = static_cast<int>(baselineStats(spans).median);
        m_incomplete.push_back(std::move(silent));
    }
    if (!any)
        return;
    m_inSilentGap = std::move(gap);
    for (const SilentService& silent : m_incomplete) {
        const NodeIndex under = nodes[silent.node].parent;
        const QString place = under > 0 ? QString::fromStdString(nodes[under].service + ": " + displayName(nodes[under]))
                                        : ComparisonText::tr("the top level");
        m_notes << ComparisonText::tr("%1 reported no spans in the target (%2/%3 baselines have %n under %4): the trace may be "
                                      "incomplete, so this gap is not ranked as a cause.",
                                      nullptr, silent.baselineSpans)
                       .arg(QString::fromStdString(silent.service))
                       .arg(silent.baselinesWith)
                       .arg(baselineCount())
                       .arg(place);
    }
}

} // namespace tracedelta
