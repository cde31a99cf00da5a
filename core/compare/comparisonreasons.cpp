// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison's findings in words: the verdict sentence and one reason per candidate.
#include "comparison.h"

#include "../analysis/selftime.h"
#include "../util/durationformat.h"

#include <QCoreApplication>

#include <cmath>
#include <map>

namespace tracedelta {

namespace {

struct ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(Comparison)
};

} // namespace

QString Comparison::verdictSentence() const
{
    switch (m_verdict) {
    case Verdict::Identical:
        return baselineCount() == 0 ? ComparisonText::tr("One trace: showing where its time goes.")
                                    : ComparisonText::tr("Identical: the traces have the same spans with the same times.");
    case Verdict::Slower:
        if (requestDiffersFromExtent())
            return requestVerdictSentence();
        return ComparisonText::tr("Slower: %1 vs %2 (%3).")
                   .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration), formatSignedDuration(deltaNs()))
            + baselineSpreadSentence();
    case Verdict::Faster:
        if (requestDiffersFromExtent())
            return requestVerdictSentence();
        return ComparisonText::tr("Faster: %1 vs %2 (%3).")
                   .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration), formatSignedDuration(deltaNs()))
            + baselineSpreadSentence();
    case Verdict::Different:
        return ComparisonText::tr("Different structure, about the same duration: %1 vs %2.")
            .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration));
    case Verdict::Similar:
        if (m_withinPrediction)
            return ComparisonText::tr("About the same: %1 vs %2, outside the baselines' range but within how far one more normal run strays.")
                .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration));
        return baselineCount() >= 2 ? ComparisonText::tr("About the same: %1 vs %2, within the baselines' spread.")
                                          .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration))
                                    : ComparisonText::tr("About the same: %1 vs %2, the same structure.")
                                          .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration));
    case Verdict::Failed:
        return failedVerdictSentence();
    case Verdict::Unrelated:
        return ComparisonText::tr("Unrelated: these traces do not look like runs of the same request, so they are shown "
                                  "side by side without ranking causes.");
    }
    return {};
}

// " The baselines took 636 ms – 735 ms.": how far outside the normal runs the target is.
QString Comparison::baselineSpreadSentence() const
{
    if (baselineCount() < 2)
        return {};
    if (m_requestChanged && requestDiffersFromExtent())
        return ComparisonText::tr(" The baselines' requests took %1 – %2.")
            .arg(formatDuration(m_requestSpread.min), formatDuration(m_requestSpread.max));
    return ComparisonText::tr(" The baselines took %1 – %2.").arg(formatDuration(m_baselineSpread.min), formatDuration(m_baselineSpread.max));
}

static QString signedPercent(std::int64_t delta, std::int64_t base)
{
    if (base <= 0)
        return {};
    const double percent = 100.0 * static_cast<double>(delta) / static_cast<double>(base);
    return QStringLiteral("%1%2 %").arg(percent < 0 ? QStringLiteral("−") : QStringLiteral("+")).arg(std::fabs(percent), 0, 'f', 0);
}

// Distributed traces whose request ends before the work it started: say which of the two
// changed. "Slower: the request took 372 ms vs 259 ms (+113 ms, +44 %); background work ended as before …"
QString Comparison::requestVerdictSentence() const
{
    const std::int64_t request = requestDurationNs(targetIndex());
    const std::int64_t requestDelta = requestDeltaNs();
    const QString head = m_verdict == Verdict::Slower ? ComparisonText::tr("Slower: ") : ComparisonText::tr("Faster: ");
    const QString whole = ComparisonText::tr("the whole trace %1 vs %2")
                              .arg(formatDuration(m_targetDuration), formatDuration(m_baselineDuration));
    QString sentence;
    if (m_requestChanged) {
        sentence = ComparisonText::tr("the request took %1 vs %2 (%3, %4)")
                       .arg(formatDuration(request), formatDuration(baselineRequestNs()), formatSignedDuration(requestDelta),
                            signedPercent(requestDelta, baselineRequestNs()));
        sentence += m_extentChanged ? ComparisonText::tr("; with the work it started, %1 (%2).").arg(whole, formatSignedDuration(deltaNs()))
                                    : ComparisonText::tr("; background work ended as before (%1).").arg(whole);
    } else {
        const QString when = deltaNs() > 0 ? ComparisonText::tr("%1 later").arg(formatDuration(deltaNs()))
                                           : ComparisonText::tr("%1 earlier").arg(formatDuration(-deltaNs()));
        sentence = ComparisonText::tr("the request took as long as before (%1 vs %2); the work it started finished %3 (%4).")
                       .arg(formatDuration(request), formatDuration(baselineRequestNs()), when, whole);
    }
    return head + sentence + baselineSpreadSentence();
}

QString Comparison::reasonFor(const Candidate& c) const
{
    QString reason = reasonWithoutAttributes(c) + changedCallsPhrase(c);
    if (!c.attributeDifferences.empty()) {
        const AttributeDifference& d = c.attributeDifferences.front();
        reason += ComparisonText::tr("; %1=%2 (%3)").arg(QString::fromStdString(d.key), QString::fromStdString(d.target), baselineValuesSummary(d));
    }
    return reason;
}

QString Comparison::reasonWithoutAttributes(const Candidate& c) const
{
    const std::size_t T = targetIndex();
    const AlignedNode& node = m_alignment.node(c.node);
    const NodeMetrics& m = m_metrics[c.node];
    const QString who = QStringLiteral("%1: %2").arg(QString::fromStdString(node.service), QString::fromStdString(displayName(node)));
    const QString where = baselineCount() == 1 ? ComparisonText::tr("in the baseline")
                                               : ComparisonText::tr("median in %n baseline traces", nullptr, static_cast<int>(baselineCount()));
    QString share;
    // The share of the change the verdict is about: the request's when the request changed.
    const std::int64_t overall = explainedDeltaNs();
    if (overall != 0 && (c.deltaNs > 0) == (overall > 0)) {
        const QString total = overall > 0 ? ComparisonText::tr("regression") : ComparisonText::tr("improvement");
        // "4696 % of the −38.7 ms improvement" says nothing: other changes cancel most of this one.
        if (timemath::abs(c.deltaNs) / 2 > timemath::abs(overall))
            share = ComparisonText::tr(", more than the whole %1 %2: other changes offset most of it")
                        .arg(formatSignedDuration(overall), total);
        else
            share = ComparisonText::tr(", %1 of the %2 %3")
                        .arg(formatShare(timemath::abs(c.deltaNs), timemath::abs(overall)), formatSignedDuration(overall), total);
    }
    const QString critical = m.onCriticalPath ? ComparisonText::tr("; on the critical path") : QString();
    switch (c.kind) {
    case CandidateKind::SelfTime:
        if (baselineCount() == 0)
            return ComparisonText::tr("%1 — self time %2 of %3 (%4)%5")
                .arg(who, formatDuration(m.selfNs[T]), formatDuration(target().wallDurationNs()),
                     formatShare(m.selfNs[T], target().wallDurationNs()), critical);
        // A span with child spans whose own time grew was waiting or working where nothing
        // is instrumented (a pool wait, a lock, GC, a sleep): say it in those words.
        if (!node.children.empty() && c.deltaNs > 0 && m.count[T] > 0 && !isProfile()) {
            const auto [waitedFor, coveredNs] = descendantInOwnTime(c.node);
            if (waitedFor != NoSpan && 2 * coveredNs >= c.deltaNs) {
                const Trace& t = target();
                return ComparisonText::tr("%1 — %2 not covered by its child spans (%3 %4; %5%6): it waited %7 for %8, work its "
                                          "children started that outlives them%9")
                    .arg(who, formatDuration(m.selfNs[T]), formatDuration(m.baselineSelf.median), where, formatSignedDuration(c.deltaNs),
                         share, formatDuration(coveredNs), QString::fromStdString(t.serviceText(waitedFor) + ": " + t.nameText(waitedFor)),
                         critical);
            }
            return ComparisonText::tr("%1 — %2 not covered by any child span (%3 %4; %5%6): uninstrumented work or waiting "
                                      "inside this operation%7")
                .arg(who, formatDuration(m.selfNs[T]), formatDuration(m.baselineSelf.median), where, formatSignedDuration(c.deltaNs),
                     share, critical);
        }
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
    case CandidateKind::Concurrency:
        return concurrencyReason(c, who, share, critical);
    case CandidateKind::Error:
        return failureReason(c, who);
    case CandidateKind::Wait:
    case CandidateKind::Overhang:
        return waitReason(c, who) + share;
    }
    return who;
}

// Of the time a node's target spans leave to no child, the part a deeper descendant covers
// (a consumer now awaited under a publish that returned at once): the descendant covering
// most of it, and how much that is.
std::pair<SpanIndex, std::int64_t> Comparison::descendantInOwnTime(NodeIndex n) const
{
    const Trace& t = target();
    std::pair<SpanIndex, std::int64_t> best{NoSpan, 0};
    std::vector<Interval> children;
    std::vector<Interval> scratch;
    for (SpanIndex s : m_alignment.node(n).spans[targetIndex()]) {
        children.clear();
        for (SpanIndex c : t.children(s))
            children.push_back({t.startNs(c), t.endNs(c)});
        for (SpanIndex d = s + 1; d < t.subtreeEnd(s); ++d) {
            if (t.parent(d) == s)
                continue;
            const std::int64_t begin = std::max(t.startNs(d), t.startNs(s));
            const std::int64_t end = std::min(t.endNs(d), t.endNs(s));
            if (end <= begin)
                continue;
            scratch = children;
            const std::int64_t covered = uncoveredTime(begin, end, scratch);
            if (covered > best.second)
                best = {d, covered};
        }
    }
    return best;
}

QStringList Comparison::figuresFor(const Candidate& c) const
{
    QStringList figures;
    if (baselineCount() > 0 && c.criticalPathBaselineNs == 0 && c.criticalPathTargetNs == 0)
        figures << ComparisonText::tr("not on the critical path");
    else if (baselineCount() > 0)
        figures << ComparisonText::tr("critical path %1 → %2 (%3)")
                       .arg(formatDuration(c.criticalPathBaselineNs), formatDuration(c.criticalPathTargetNs),
                            formatSignedDuration(c.criticalPathDeltaNs()));
    if (c.kind == CandidateKind::Concurrency && baselineCount() > 0)
        figures << ComparisonText::tr("parallelism %1 → %2, wall time %3 → %4")
                       .arg(formatDecimal(c.parallelismBaseline, 1), formatDecimal(c.parallelismTarget, 1),
                            formatDuration(c.wallBaselineNs), formatDuration(c.wallTargetNs));
    for (const AttributeDifference& d : c.attributeDifferences)
        figures << QStringLiteral("%1=%2 (%3)").arg(QString::fromStdString(d.key), QString::fromStdString(d.target), baselineValuesSummary(d));
    return figures;
}

QString Comparison::baselineValuesSummary(const AttributeDifference& d) const
{
    // "true in 4/4 baselines", or the values as they are when the baselines disagree.
    std::map<std::string, int> counts;
    for (const std::string& v : d.baselineValues)
        ++counts[v == AbsentValue ? std::string("absent") : v];
    const int total = static_cast<int>(d.baselineValues.size());
    if (counts.size() == 1)
        return total == 1 ? ComparisonText::tr("%1 in the baseline").arg(QString::fromStdString(counts.begin()->first))
                          : ComparisonText::tr("%1 in %2/%3 baselines").arg(QString::fromStdString(counts.begin()->first)).arg(total).arg(total);
    QStringList parts;
    for (const auto& [value, n] : counts)
        parts << ComparisonText::tr("%1 in %2/%3").arg(QString::fromStdString(value)).arg(n).arg(total);
    return parts.join(QStringLiteral(", "));
}

QString Comparison::concurrencyReason(const Candidate& c, const QString& who, const QString& share, const QString& critical) const
{
    const auto parallelism = [](double p) { return formatDecimal(p, 1); };
    if (baselineCount() == 0) {
        const AlignedNode& node = m_alignment.node(c.node);
        const AlignedNode& parent = m_alignment.node(node.parent);
        const QString under = node.parent > 0 ? QStringLiteral("%1: %2").arg(QString::fromStdString(parent.service), QString::fromStdString(displayName(parent)))
                                              : QString();
        return ComparisonText::tr("%1 — %n calls one after another under %2 (parallelism %3), %4 in all: an N+1 pattern? "
                                  "Run at once they could take about %5 (the longest call)%6",
                                  nullptr, c.calls)
            .arg(who, under, parallelism(c.parallelismTarget), formatDuration(c.wallTargetNs), formatDuration(c.wallBaselineNs), critical);
    }
    const bool serial = c.parallelismTarget < 1.1;
    const QString calls = c.aboutChildren ? ComparisonText::tr("its %n child call(s)", nullptr, c.calls)
                                          : ComparisonText::tr("%n call(s)", nullptr, c.calls);
    const QString how = serial ? ComparisonText::tr("ran one at a time (parallelism %1) instead of %2 at once")
                                     .arg(parallelism(c.parallelismTarget), parallelism(c.parallelismBaseline))
                               : ComparisonText::tr("ran %1 at once instead of %2").arg(parallelism(c.parallelismTarget), parallelism(c.parallelismBaseline));
    const QString wall = c.deltaNs > 0 ? ComparisonText::tr("their wall time grew from %1 to %2")
                                       : ComparisonText::tr("their wall time fell from %1 to %2");
    return ComparisonText::tr("%1 — %2 %3: %4 (%5%6)%7")
        .arg(who, calls, how, wall.arg(formatDuration(c.wallBaselineNs), formatDuration(c.wallTargetNs)), formatSignedDuration(c.deltaNs), share,
             critical);
}

} // namespace tracedelta
