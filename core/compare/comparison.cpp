// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparison.h"

#include "relatedness.h"
#include "../analysis/criticalpath.h"
#include "../analysis/spanranking.h"
#include "../util/durationformat.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

namespace tracedelta {

namespace {

// lupdate files these strings under "Comparison"; the struct only gives them that context.
struct ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(Comparison)
};

std::int64_t percentile(const std::vector<std::int64_t>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    // Nearest-rank on the sorted values, so the result is always an observed value.
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::int64_t median(std::vector<std::int64_t> sorted)
{
    if (sorted.empty())
        return 0;
    const std::size_t n = sorted.size();
    return n % 2 ? sorted[n / 2] : std::midpoint(sorted[n / 2 - 1], sorted[n / 2]);
}

} // namespace

BaselineStats baselineStats(std::vector<std::int64_t> values)
{
    BaselineStats stats;
    std::sort(values.begin(), values.end());
    stats.values = values;
    if (values.empty())
        return stats;
    stats.min = values.front();
    stats.max = values.back();
    stats.median = median(values);
    stats.p90 = percentile(values, 0.9);
    std::vector<std::int64_t> deviations;
    for (std::int64_t v : values)
        deviations.push_back(timemath::abs(timemath::sub(v, stats.median)));
    std::sort(deviations.begin(), deviations.end());
    stats.mad = median(deviations);
    return stats;
}

QString nodeChangeName(NodeChange change)
{
    switch (change) {
    case NodeChange::Unchanged:
        return QStringLiteral("unchanged");
    case NodeChange::Added:
        return QStringLiteral("added");
    case NodeChange::Removed:
        return QStringLiteral("removed");
    case NodeChange::Slower:
        return QStringLiteral("slower");
    case NodeChange::Faster:
        return QStringLiteral("faster");
    case NodeChange::CountChanged:
        return QStringLiteral("count_changed");
    }
    return {};
}

QString candidateKindName(CandidateKind kind)
{
    switch (kind) {
    case CandidateKind::SelfTime:
        return QStringLiteral("self_time");
    case CandidateKind::Added:
        return QStringLiteral("added");
    case CandidateKind::Removed:
        return QStringLiteral("removed");
    case CandidateKind::CountChanged:
        return QStringLiteral("count_changed");
    case CandidateKind::Slower:
        return QStringLiteral("slower");
    case CandidateKind::Faster:
        return QStringLiteral("faster");
    }
    return {};
}

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Identical:
        return QStringLiteral("identical");
    case Verdict::Slower:
        return QStringLiteral("slower");
    case Verdict::Faster:
        return QStringLiteral("faster");
    case Verdict::Different:
        return QStringLiteral("different");
    case Verdict::Unrelated:
        return QStringLiteral("unrelated");
    }
    return {};
}

static std::vector<TracePtr> joined(std::vector<TracePtr> baselines, TracePtr target)
{
    baselines.push_back(std::move(target));
    return baselines;
}

Comparison::Comparison(std::vector<TracePtr> baselines, TracePtr target, ComparisonSettings settings)
    : m_settings(settings)
    , m_alignment(joined(std::move(baselines), std::move(target)))
{
    std::vector<std::int64_t> durations;
    for (std::size_t t = 0; t < baselineCount(); ++t)
        durations.push_back(m_alignment.traces()[t]->wallDurationNs());
    m_targetDuration = this->target().wallDurationNs();
    m_baselineDuration = durations.empty() ? m_targetDuration : baselineStats(durations).median;
    computeMetrics();
    classify();
    findCandidates();
    decideVerdict();
}

void Comparison::computeMetrics()
{
    const std::size_t traceCount = m_alignment.traces().size();
    const std::size_t T = targetIndex();
    const Trace& target = this->target();
    const std::vector<bool> critical = criticalPath(target);
    m_metrics.resize(m_alignment.nodes().size());
    for (NodeIndex n = 0; n < static_cast<NodeIndex>(m_metrics.size()); ++n) {
        NodeMetrics& m = m_metrics[n];
        const AlignedNode& node = m_alignment.node(n);
        m.totalNs.assign(traceCount, 0);
        m.selfNs.assign(traceCount, 0);
        m.count.assign(traceCount, 0);
        for (std::size_t t = 0; t < traceCount; ++t) {
            const Trace& trace = *m_alignment.traces()[t];
            for (SpanIndex s : node.spans[t]) {
                m.totalNs[t] = timemath::add(m.totalNs[t], trace.durationNs(s));
                m.selfNs[t] = timemath::add(m.selfNs[t], trace.selfNs(s));
            }
            m.count[t] = static_cast<int>(node.spans[t].size());
        }
        for (SpanIndex s : node.spans[T])
            m.onCriticalPath = m.onCriticalPath || critical[s];
        if (T > 0) {
            const auto baselineOf = [&](const auto& perTrace) {
                return baselineStats(std::vector<std::int64_t>(perTrace.begin(), perTrace.begin() + T));
            };
            m.baselineTotal = baselineOf(m.totalNs);
            m.baselineSelf = baselineOf(m.selfNs);
            m.baselineCount = baselineOf(m.count);
            if (m.baselineSelf.mad > 0)
                m.robustDeviation = static_cast<double>(timemath::sub(m.selfNs[T], m.baselineSelf.median))
                    / (1.4826 * static_cast<double>(m.baselineSelf.mad));
        }
        m.disproportionateSelfTime = n > 0 && target.wallDurationNs() > 0
            && static_cast<double>(m.selfNs[T]) >= m_settings.selfShareThreshold * static_cast<double>(target.wallDurationNs());
    }
    for (SpanIndex s : topSelfTimeSpans(target, m_settings.topSelfTimeCount)) {
        if (target.selfNs(s) > 0)
            m_metrics[m_alignment.nodeOf(T, s)].disproportionateSelfTime = true;
    }
}

bool Comparison::significant(std::int64_t delta, const BaselineStats& stats, std::int64_t value) const
{
    const std::int64_t magnitude = timemath::abs(delta);
    if (magnitude < m_settings.minimumDeltaNs)
        return false;
    const bool spread = baselineCount() >= 2;
    // Inside what the baselines already show is normal variation, not a finding.
    if (spread && stats.contains(value))
        return false;
    const double share = m_settings.regressionShareThreshold * static_cast<double>(timemath::abs(deltaNs()));
    return static_cast<double>(magnitude) >= share || spread;
}

void Comparison::classify()
{
    if (baselineCount() == 0)
        return;
    const std::size_t T = targetIndex();
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(m_metrics.size()); ++n) {
        NodeMetrics& m = m_metrics[n];
        const int targetCount = m.count[T];
        const std::int64_t deltaTotal = timemath::sub(m.totalNs[T], m.baselineTotal.median);
        if (targetCount > 0 && m.baselineCount.max == 0)
            m.change = NodeChange::Added;
        else if (targetCount == 0 && m.baselineCount.median > 0)
            m.change = NodeChange::Removed;
        else if (targetCount > 0 && targetCount != m.baselineCount.median
                 && (baselineCount() == 1 || !m.baselineCount.contains(targetCount)))
            m.change = NodeChange::CountChanged;
        else if (significant(deltaTotal, m.baselineTotal, m.totalNs[T]))
            m.change = deltaTotal > 0 ? NodeChange::Slower : NodeChange::Faster;
    }
}

void Comparison::findCandidates()
{
    const std::size_t T = targetIndex();
    const auto& nodes = m_alignment.nodes();
    if (baselineCount() == 0) {
        for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
            if (m_metrics[n].disproportionateSelfTime)
                m_candidates.push_back({n, CandidateKind::SelfTime, m_metrics[n].selfNs[T], {}});
        }
    } else {
        std::vector<bool> insideStructuralChange(nodes.size(), false);
        for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
            const NodeMetrics& m = m_metrics[n];
            const NodeIndex parent = nodes[n].parent;
            // Report an added or removed subtree once, at its top.
            if (parent > 0 && insideStructuralChange[parent]) {
                insideStructuralChange[n] = true;
                continue;
            }
            if (m.change == NodeChange::Added) {
                insideStructuralChange[n] = true;
                m_candidates.push_back({n, CandidateKind::Added, m.totalNs[T], {}});
                continue;
            }
            if (m.change == NodeChange::Removed) {
                insideStructuralChange[n] = true;
                m_candidates.push_back({n, CandidateKind::Removed, -m.baselineTotal.median, {}});
                continue;
            }
            const std::int64_t deltaTotal = timemath::sub(m.totalNs[T], m.baselineTotal.median);
            if (m.change == NodeChange::CountChanged) {
                m_candidates.push_back({n, CandidateKind::CountChanged, deltaTotal, {}});
                continue;
            }
            const std::int64_t deltaSelf = timemath::sub(m.selfNs[T], m.baselineSelf.median);
            if (significant(deltaSelf, m.baselineSelf, m.selfNs[T])) {
                m_candidates.push_back({n, CandidateKind::SelfTime, deltaSelf, {}});
                continue;
            }
            if (m.change == NodeChange::Slower || m.change == NodeChange::Faster) {
                // A parent that is slower only because a child is slower is not a cause.
                std::int64_t explainedBelow = deltaSelf;
                for (NodeIndex c : nodes[n].children)
                    explainedBelow = timemath::add(explainedBelow, timemath::sub(m_metrics[c].totalNs[T], m_metrics[c].baselineTotal.median));
                const std::int64_t unexplained = timemath::sub(deltaTotal, explainedBelow);
                if ((unexplained > 0) == (deltaTotal > 0) && timemath::abs(unexplained) >= timemath::abs(deltaTotal) / 2
                    && timemath::abs(unexplained) >= m_settings.minimumDeltaNs)
                    m_candidates.push_back({n, m.change == NodeChange::Slower ? CandidateKind::Slower : CandidateKind::Faster,
                                            unexplained, {}});
            }
        }
    }

    // Profilers write a childless slice on its own lane around the whole capture ("PyTorch
    // Profiler (0)"); its self time only restates the end-to-end change, so it ranks last.
    const Trace& targetTrace = target();
    const auto isCaptureEnvelope = [&](NodeIndex n) {
        return targetTrace.format() == TraceFormat::Chrome && targetTrace.lanes().size() > 1 && nodes[n].parent == 0
            && nodes[n].children.empty() && m_metrics[n].count[T] == 1
            && static_cast<double>(m_metrics[n].totalNs[T]) >= 0.9 * static_cast<double>(targetTrace.wallDurationNs());
    };
    const int direction = deltaNs() < 0 ? -1 : 1;
    const auto score = [&](const Candidate& c) {
        const double along = static_cast<double>(c.deltaNs) * direction;
        if (along <= 0)
            return along; // moves against the overall change: listed after those that explain it
        double weight = m_metrics[c.node].onCriticalPath ? 1.0 : 0.75;
        if (isCaptureEnvelope(c.node))
            weight *= 0.01;
        if (c.kind == CandidateKind::Slower || c.kind == CandidateKind::Faster)
            weight *= 0.5; // unexplained container time ranks below concrete causes
        return along * weight;
    };
    std::stable_sort(m_candidates.begin(), m_candidates.end(), [&](const Candidate& a, const Candidate& b) {
        const double sa = score(a);
        const double sb = score(b);
        if ((sa > 0) != (sb > 0))
            return sa > 0;
        if (sa > 0)
            return sa > sb;
        return timemath::abs(a.deltaNs) > timemath::abs(b.deltaNs);
    });
    for (Candidate& c : m_candidates)
        c.reason = reasonFor(c);
}

void Comparison::decideVerdict()
{
    const std::size_t T = targetIndex();
    const Trace& target = this->target();
    for (std::size_t t = 0; t < baselineCount(); ++t) {
        const Trace& baseline = *m_alignment.traces()[t];
        if (baseline.traceId() == target.traceId()) {
            const bool sameFile = QFileInfo(baseline.sourceFile()).canonicalFilePath()
                == QFileInfo(target.sourceFile()).canonicalFilePath();
            const QString id = QString::fromStdString(target.traceId());
            m_notes << (sameFile ? ComparisonText::tr("The target and a baseline are the very same trace (%1, trace %2) loaded twice.")
                                       .arg(target.sourceFile(), id)
                                 : ComparisonText::tr("The target and a baseline have the same trace id (%1), from %2 and %3.")
                                       .arg(id, target.sourceFile(), baseline.sourceFile()));
        }
    }
    if (baselineCount() == 0) {
        m_verdict = Verdict::Identical;
        return;
    }
    // Runs of one request share their root operation or most operations; traces that share
    // neither are not compared as if they were (their "causes" would only restate that).
    int unrelatedBaselines = 0;
    Relatedness closest;
    for (std::size_t t = 0; t < baselineCount(); ++t) {
        const Relatedness r = relatedness(*m_alignment.traces()[t], target);
        if (r.unrelated())
            ++unrelatedBaselines;
        if (t == 0 || r.overlap() > closest.overlap())
            closest = r;
    }
    if (unrelatedBaselines == static_cast<int>(baselineCount())) {
        m_verdict = Verdict::Unrelated;
        m_candidates.clear();
        const Trace& firstBaseline = *m_alignment.traces().front();
        const auto rootLabel = [](const Trace& trace) {
            return trace.mainRoot() == NoSpan ? QString()
                                              : QString::fromStdString(trace.serviceText(trace.mainRoot()) + ": " + trace.nameText(trace.mainRoot()));
        };
        m_notes.prepend(ComparisonText::tr("Compared: the target %1 (root %2, %3 operations) with %n baseline(s) such as %4 (root %5); "
                                           "they share no root operation and %6 of their operations, so no causes are ranked.",
                                           nullptr, static_cast<int>(baselineCount()))
                            .arg(QFileInfo(target.sourceFile()).fileName(), rootLabel(target))
                            .arg(closest.secondOperations)
                            .arg(QFileInfo(firstBaseline.sourceFile()).fileName(), rootLabel(firstBaseline))
                            .arg(closest.sharedOperations));
        return;
    }
    if (unrelatedBaselines > 0)
        m_notes << ComparisonText::tr("%n baseline(s) share no root operation and few operations with the target; "
                                      "they may be traces of another request.", nullptr, unrelatedBaselines);
    bool identical = true;
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(m_metrics.size()) && identical; ++n) {
        const NodeMetrics& m = m_metrics[n];
        const AlignedNode& node = m_alignment.node(n);
        for (std::size_t t = 0; t < baselineCount() && identical; ++t) {
            const Trace& baseline = *m_alignment.traces()[t];
            if (m.count[t] != m.count[T] || m.totalNs[t] != m.totalNs[T] || m.selfNs[t] != m.selfNs[T]) {
                identical = false;
                break;
            }
            for (std::size_t i = 0; i < node.spans[T].size(); ++i) {
                const SpanIndex a = node.spans[t][i];
                const SpanIndex b = node.spans[T][i];
                if (baseline.startNs(a) - baseline.traceStartNs() != target.startNs(b) - target.traceStartNs()
                    || baseline.durationNs(a) != target.durationNs(b)) {
                    identical = false;
                    break;
                }
            }
        }
    }
    if (identical) {
        m_verdict = Verdict::Identical;
        m_candidates.clear();
        m_notes.prepend(baselineCount() == 1 ? ComparisonText::tr("The two traces are identical: same spans, same times.")
                                             : ComparisonText::tr("The target is identical to every baseline: same spans, same times."));
        return;
    }
    const std::int64_t delta = deltaNs();
    const double relative = m_baselineDuration > 0 ? std::fabs(static_cast<double>(delta)) / static_cast<double>(m_baselineDuration) : 1.0;
    if (timemath::abs(delta) >= m_settings.minimumDeltaNs && relative >= 0.01)
        m_verdict = delta > 0 ? Verdict::Slower : Verdict::Faster;
    else
        m_verdict = Verdict::Different;
}

QString Comparison::verdictSentence() const
{
    switch (m_verdict) {
    case Verdict::Identical:
        return baselineCount() == 0 ? ComparisonText::tr("One trace: showing where its time goes.")
                                    : ComparisonText::tr("Identical: the traces have the same spans with the same times.");
    case Verdict::Slower:
        return ComparisonText::tr("Slower: %1 vs %2 (%3).")
            .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration), formatSignedDuration(deltaNs()));
    case Verdict::Faster:
        return ComparisonText::tr("Faster: %1 vs %2 (%3).")
            .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration), formatSignedDuration(deltaNs()));
    case Verdict::Different:
        return ComparisonText::tr("Different structure, about the same duration: %1 vs %2.")
            .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration));
    case Verdict::Unrelated:
        return ComparisonText::tr("Unrelated: these traces do not look like runs of the same request, so they are shown "
                                  "side by side without ranking causes.");
    }
    return {};
}

QString Comparison::reasonFor(const Candidate& c) const
{
    const std::size_t T = targetIndex();
    const AlignedNode& node = m_alignment.node(c.node);
    const NodeMetrics& m = m_metrics[c.node];
    const QString who = QStringLiteral("%1: %2").arg(QString::fromStdString(node.service), QString::fromStdString(node.name));
    const QString where = baselineCount() == 1 ? ComparisonText::tr("in the baseline")
                                               : ComparisonText::tr("median in %n baseline traces", nullptr, static_cast<int>(baselineCount()));
    QString share;
    if (deltaNs() != 0 && (c.deltaNs > 0) == (deltaNs() > 0)) {
        const QString total = deltaNs() > 0 ? ComparisonText::tr("regression") : ComparisonText::tr("improvement");
        // "4696 % of the −38.7 ms improvement" says nothing: other changes cancel most of this one.
        if (timemath::abs(c.deltaNs) / 2 > timemath::abs(deltaNs()))
            share = ComparisonText::tr(", more than the whole %1 %2: other changes offset most of it")
                        .arg(formatSignedDuration(deltaNs()), total);
        else
            share = ComparisonText::tr(", %1 of the %2 %3")
                        .arg(formatShare(timemath::abs(c.deltaNs), timemath::abs(deltaNs())), formatSignedDuration(deltaNs()), total);
    }
    const QString critical = m.onCriticalPath ? ComparisonText::tr("; on the critical path") : QString();
    switch (c.kind) {
    case CandidateKind::SelfTime:
        if (baselineCount() == 0)
            return ComparisonText::tr("%1 — self time %2 of %3 (%4)%5")
                .arg(who, formatDuration(m.selfNs[T]), formatDuration(target().wallDurationNs()),
                     formatShare(m.selfNs[T], target().wallDurationNs()), critical);
        return ComparisonText::tr("%1 — self time %2 vs %3 %4 (%5%6)%7")
            .arg(who, formatDuration(m.selfNs[T]), formatDuration(m.baselineSelf.median), where,
                 formatSignedDuration(c.deltaNs), share, critical);
    case CandidateKind::Added:
        return ComparisonText::tr("%1 — new in the target: %2, %3 in total (%4%5)%6")
            .arg(who, ComparisonText::tr("%n call(s)", nullptr, m.count[T]), formatDuration(m.totalNs[T]), formatSignedDuration(c.deltaNs), share,
                 critical);
    case CandidateKind::Removed:
        return ComparisonText::tr("%1 — missing from the target: %2, %3 %4 (%5%6)")
            .arg(who, ComparisonText::tr("%n call(s)", nullptr, static_cast<int>(m.baselineCount.median)), formatDuration(m.baselineTotal.median),
                 where, formatSignedDuration(c.deltaNs), share);
    case CandidateKind::CountChanged:
        return ComparisonText::tr("%1 — %2 vs %3 %4; total %5 vs %6 (%7%8)%9")
            .arg(who, ComparisonText::tr("%n call(s)", nullptr, m.count[T]), QString::number(m.baselineCount.median), where,
                 formatDuration(m.totalNs[T]), formatDuration(m.baselineTotal.median), formatSignedDuration(c.deltaNs),
                 share, critical);
    case CandidateKind::Slower:
    case CandidateKind::Faster:
        return ComparisonText::tr("%1 — total %2 vs %3 %4 (%5%6), not explained by its own self time or its children%7")
            .arg(who, formatDuration(m.totalNs[T]), formatDuration(m.baselineTotal.median), where,
                 formatSignedDuration(c.deltaNs), share, critical);
    }
    return who;
}

} // namespace tracedelta
