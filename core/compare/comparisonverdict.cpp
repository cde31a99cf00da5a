// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison's verdict and its notes: identical, slower, faster, different, similar,
// unrelated; outlier baselines; how the alignment paired names and lanes.
#include "comparison.h"

#include "relatedness.h"
#include "../model/producerknowledge.h"
#include "../util/durationformat.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace tracedelta {

namespace {

// lupdate files these strings under "Comparison"; the struct only gives them that context.
struct ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(Comparison)
};

} // namespace

namespace {

// A baseline by its file's name, and by its trace id where the target comes from the same file
// (occurrences of one span: "frames.json · FireAnimationFrame #12 (at 210 ms)").
QString baselineName(const Trace& baseline, const Trace& target)
{
    const QString file = QFileInfo(baseline.sourceFile()).fileName();
    return baseline.sourceFile() == target.sourceFile() && baseline.traceId() != target.traceId()
               ? QStringLiteral("%1 · %2").arg(file, QString::fromStdString(baseline.traceId()))
               : file;
}

} // namespace

void Comparison::decideVerdict()
{
    const std::size_t T = targetIndex();
    const Trace& target = this->target();
    // One note however many baselines share the id: 20 copies would bury the candidates.
    std::vector<std::size_t> sameId;
    for (std::size_t t = 0; t < baselineCount(); ++t) {
        if (m_alignment.traces()[t]->traceId() == target.traceId())
            sameId.push_back(t);
    }
    if (sameId.size() == 1) {
        const Trace& baseline = *m_alignment.traces()[sameId.front()];
        const bool sameFile = QFileInfo(baseline.sourceFile()).canonicalFilePath() == QFileInfo(target.sourceFile()).canonicalFilePath();
        const QString id = QString::fromStdString(target.traceId());
        m_notes << (sameFile ? ComparisonText::tr("The target and a baseline are the very same trace (%1, trace %2) loaded twice.")
                                   .arg(target.sourceFile(), id)
                             : ComparisonText::tr("The target and a baseline have the same trace id (%1), from %2 and %3.")
                                   .arg(id, target.sourceFile(), baseline.sourceFile()));
    } else if (sameId.size() > 1) {
        m_notes << ComparisonText::tr("%n baselines share the target's trace id (%1): they may be copies or re-exports of one trace.",
                                      nullptr, static_cast<int>(sameId.size()))
                       .arg(QString::fromStdString(target.traceId()));
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
    noteOutlierBaselines();
    noteRequestChoice();
    noteSkewAdjustments();
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
    // A failed request is not an improvement: a new error decides, whatever the timings.
    if (decisiveFailure()) {
        m_verdict = Verdict::Failed;
        return;
    }
    // The request's latency first: that is what the caller waited for. The extent decides
    // when the request is as before but the work it started ended earlier or later.
    // Beyond two σ but where one more normal run could fall, and no part accounts for it: a
    // page load a little slower throughout, as browser runs are now and then, is not a change.
    if ((m_requestChanged || m_extentChanged) && !m_changeBeyondPrediction
        && timemath::abs(listedExplanationNs(true)) < timemath::abs(explainedDeltaNs()) / 2) {
        m_notes.prepend(ComparisonText::tr("The target took %1 against the baselines' %2 – %3, but %n baseline run(s) cannot show "
                                      "how far one more normal run strays, no part of it explains the difference, and a "
                                      "run this far off is expected now and then: taken as within their spread.",
                                      nullptr, static_cast<int>(baselineCount()))
                       .arg(formatDuration(m_requestChanged ? requestDurationNs(T) : m_targetDuration),
                            formatDuration(m_requestChanged ? m_requestSpread.min : m_baselineSpread.min),
                            formatDuration(m_requestChanged ? m_requestSpread.max : m_baselineSpread.max)));
        m_requestChanged = m_extentChanged = false;
        m_withinPrediction = true;
    }
    if (m_requestChanged || m_extentChanged) {
        m_verdict = explainedDeltaNs() > 0 ? Verdict::Slower : Verdict::Faster;
        noteNothingExplainsTheChange();
        return;
    }
    const BaselineStats& spread = m_baselineSpread;
    bool structureChanged = false;
    std::optional<std::unordered_map<std::string, std::int64_t>> laneNoise; // only when a node asks
    const auto laneSigma = [&](NodeIndex n) {
        if (!laneNoise)
            laneNoise = laneVariation();
        const auto lane = laneNoise->find(m_alignment.node(n).service);
        return lane == laneNoise->end() ? std::int64_t(0) : lane->second;
    };
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(m_metrics.size()) && !structureChanged; ++n) {
        const NodeMetrics& m = m_metrics[n];
        const NodeChange change = m.change;
        // A profile's structure changed only where the change holds a material part of its
        // time: a thread or an event near the granularity that comes and goes between runs does not count.
        const std::int64_t changedNs = change == NodeChange::Removed ? m.baselineTotal.median
                                                                      : timemath::abs(timemath::sub(m.totalNs[T], m.baselineTotal.median));
        const std::int64_t structuralNs = std::max(changedNs, change == NodeChange::Added ? m.totalNs[T] : 0);
        // ... nor does work on a thread whose own busy time varies from run to run by more than
        // the change (Chromium's WebUI renderer parses more or less in the background).
        structureChanged = !onIntermittentLane(n) && !inSilentGap(n) && !(isProfile() && isSchedulerWrapper(m_alignment.node(n).name))
            && (change == NodeChange::Added || change == NodeChange::Removed || change == NodeChange::CountChanged)
            && (!isProfile() || structuralNs >= materialNs())
            && (!isProfile() || baselineCount() < 3 || structuralNs >= laneSigma(n));
    }
    m_verdict = structureChanged ? Verdict::Different : Verdict::Similar;
    // A whole that did not move beyond its runs' spread: a part that moved by less than the
    // runs' own variation in duration (one robust σ of the request, or of the extent where
    // there is no request) cannot be told from noise — unless its call count left the
    // baselines' counts far behind and it moved by more than its own lane varies. (A browser
    // trace's extent varies with unrelated processes, Chromium's own WebUI renderer among
    // them, by more than 300 forced layouts take.)
    if (baselineCount() >= 2) {
        const BaselineStats& wholeSpread = hasRequest() ? m_requestSpread : spread;
        const std::int64_t noise = robustSigma(wholeSpread);
        std::erase_if(m_candidates, [&](const Candidate& c) {
            if (c.kind == CandidateKind::Error)
                return false; // a new error is news whatever the timings
            // A wrapper's or a summary's time is the work inside it: with the whole as before
            // and nothing specific listed under it, its change is that work's noise.
            if (isProfile() && isSchedulerWrapper(m_alignment.node(c.node).name))
                return true;
            // In a profile, a part on a thread whose busy time varies by more than the part
            // moved is that thread's noise, whatever the whole did.
            if (timemath::abs(c.deltaNs) >= noise)
                return isProfile() && timemath::abs(c.deltaNs) < laneSigma(c.node);
            const NodeMetrics& m = m_metrics[c.node];
            // In a profile, a part far outside what its own runs do (a stage at three times its
            // usual 12 ms, beyond their range by many times its width) is news even below the
            // whole's noise, unless its thread varies by more. (A first stage 55 % slower in one
            // normal page load is not; a service's short spans double from run to run.)
            const bool ownSelf = c.kind == CandidateKind::SelfTime;
            if (isProfile() && (ownSelf ? m.baselineSelf : m.baselineTotal).farOutside(ownSelf ? m.selfNs[T] : m.totalNs[T]))
                return timemath::abs(c.deltaNs) < laneSigma(c.node);
            if (c.kind != CandidateKind::CountChanged || !m.baselineCount.farOutside(m.count[T]))
                return true;
            return timemath::abs(c.deltaNs) < laneSigma(c.node);
        });
    }
}

// One robust σ (1.4826 × the median absolute deviation) of each lane's busy time across
// the baselines: the time of its top-level spans.
std::unordered_map<std::string, std::int64_t> Comparison::laneVariation() const
{
    const auto& nodes = m_alignment.nodes();
    std::unordered_map<std::string, std::vector<std::int64_t>> busy;
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
        if (nodes[n].parent != 0)
            continue;
        std::vector<std::int64_t>& perTrace = busy[nodes[n].service];
        perTrace.resize(baselineCount(), 0);
        for (std::size_t t = 0; t < baselineCount(); ++t)
            perTrace[t] = timemath::add(perTrace[t], m_metrics[n].totalNs[t]);
    }
    std::unordered_map<std::string, std::int64_t> sigma;
    for (auto& [lane, perTrace] : busy)
        sigma.emplace(lane, robustSigma(baselineStats(std::move(perTrace))));
    return sigma;
}

std::int64_t Comparison::listedExplanationNs(bool specificOnly) const
{
    const std::int64_t whole = explainedDeltaNs();
    std::int64_t explained = 0;
    // A summary's time is the work under it again, counted where that work is listed; a
    // task runner's own time is its own, but says nothing of which work it was.
    for (const Candidate& c : m_candidates) {
        const std::string& name = m_alignment.node(c.node).name;
        const bool summary = isProfile() && (specificOnly ? isSchedulerWrapper(name) : isSummaryOverlay(name));
        if (c.kind != CandidateKind::Error && !summary && c.deltaNs != 0 && (c.deltaNs > 0) == (whole > 0))
            explained = timemath::add(explained, c.deltaNs);
    }
    return explained;
}

// A whole that moved while every candidate moved the other way (or none is left): the
// list is not an explanation, and reads like one unless it says so. Runs recorded on
// another day can be a few per cent faster throughout, with no one span to show for it.
// When the whole moved and the list does not account for it: what the listed changes
// explain, and whether the rest is a broad shift — most operations a little faster (or
// slower) each, as when the machine or its load differed between the runs — rather than one
// part a user should look for.
void Comparison::noteNothingExplainsTheChange()
{
    if (!m_failures.empty() || m_candidates.empty())
        return;
    const std::int64_t whole = explainedDeltaNs();
    if (whole == 0)
        return;
    const auto sameWay = [whole](std::int64_t delta) { return delta != 0 && (delta > 0) == (whole > 0); };
    const std::int64_t explained = listedExplanationNs(false);
    if (timemath::abs(explained) >= timemath::abs(whole) / 2)
        return;
    // Operations present in the target and in the baselines, by their own (self) time; the
    // one that moved most the whole's way without being listed (inside its runs' spread).
    const std::size_t T = targetIndex();
    int measured = 0;
    int movedSameWay = 0;
    NodeIndex largest = NoNode;
    std::int64_t largestDelta = 0;
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(m_metrics.size()); ++n) {
        const NodeMetrics& m = m_metrics[n];
        if (m.count[T] == 0 || m.baselineCount.min == 0)
            continue;
        ++measured;
        const std::int64_t delta = timemath::sub(m.selfNs[T], m.baselineSelf.median);
        if (!sameWay(delta))
            continue;
        ++movedSameWay;
        const bool listed = std::any_of(m_candidates.begin(), m_candidates.end(), [n](const Candidate& c) { return c.node == n; });
        if (!listed && timemath::abs(delta) > timemath::abs(largestDelta)) {
            largest = n;
            largestDelta = delta;
        }
    }
    // Broad: two thirds of the operations moved the whole's way, and no single one of them
    // holds half of the change.
    const bool broad = measured >= 5 && movedSameWay * 3 >= measured * 2 && timemath::abs(largestDelta) * 2 < timemath::abs(whole);
    QString note = explained == 0
        ? ComparisonText::tr("No span changed in the direction of the whole (%1): the listed changes go the other way.")
              .arg(formatSignedDuration(whole))
        : ComparisonText::tr("The listed changes explain %1 of the %2.").arg(formatSignedDuration(explained), formatSignedDuration(whole));
    note += QLatin1Char(' ');
    if (broad && whole < 0)
        note += ComparisonText::tr("%1 of the %2 operations took less time of their own: the whole run was a little faster, "
                                   "not one part of it (a faster machine or less load than in the baselines' runs).")
                    .arg(movedSameWay)
                    .arg(measured);
    else if (broad)
        note += ComparisonText::tr("%1 of the %2 operations took more time of their own: the whole run was a little slower, "
                                   "not one part of it (a slower machine or more load than in the baselines' runs).")
                    .arg(movedSameWay)
                    .arg(measured);
    else
        note += ComparisonText::tr("The rest is in parts too small to list on their own.");
    // Named even so: where most of the rest went is where the user would look.
    if (largest != NoNode && timemath::abs(largestDelta) * 4 >= timemath::abs(whole)) {
        const AlignedNode& node = m_alignment.node(largest);
        note += QLatin1Char(' ')
            + ComparisonText::tr("The largest of them: %1: %2, self time %3 (%4 vs %5 median).")
                  .arg(QString::fromStdString(node.service), QString::fromStdString(displayName(node)), formatSignedDuration(largestDelta),
                       formatDuration(m_metrics[largest].selfNs[T]), formatDuration(m_metrics[largest].baselineSelf.median));
    }
    m_notes << note;
}

// A baseline far from the others is likely a slow (or broken) run itself: it widens the
// "normal" spread and can hide the regression. Judged against the other baselines only:
// outside their range, more than 3 robust σ from their median and by a material part of it
// (a tenth: runs that agree to a millisecond make a small wobble "3 σ", and compiler or
// browser runs vary by several per cent from run to run — 760 ms against 662–717 ms is a
// normal clang run, not a slow one); with
// one other baseline there is no spread, and only twice or half its duration counts.
namespace {

// The median of ascending `sorted` without its element at `removed` (as sortedMedian would give).
std::int64_t medianWithout(const std::vector<std::int64_t>& sorted, std::size_t removed)
{
    const std::size_t n = sorted.size() - 1;
    const auto at = [&](std::size_t i) { return sorted[i < removed ? i : i + 1]; };
    return n % 2 ? at(n / 2) : std::midpoint(at(n / 2 - 1), at(n / 2));
}

// Each value against the spread of all the others (median, min–max, MAD) in O(n log n): the
// others' median is one of at most three values, so are their deviations' sorted lists. A
// comparison of one occurrence with its 10,000 siblings has 10,000 baselines.
std::vector<BaselineStats> leaveOneOutStats(const std::vector<std::int64_t>& values)
{
    std::vector<std::int64_t> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    std::map<std::int64_t, std::vector<std::int64_t>> deviationsAround; // by the others' median
    std::vector<BaselineStats> result(values.size());
    for (std::size_t t = 0; t < values.size(); ++t) {
        const auto k = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), values[t]) - sorted.begin());
        BaselineStats& stats = result[t];
        stats.median = medianWithout(sorted, k);
        stats.min = k == 0 ? sorted[1] : sorted.front();
        stats.max = k + 1 == sorted.size() ? sorted[sorted.size() - 2] : sorted.back();
        auto [found, added] = deviationsAround.try_emplace(stats.median);
        std::vector<std::int64_t>& deviations = found->second;
        if (added) {
            for (std::int64_t v : sorted)
                deviations.push_back(timemath::abs(timemath::sub(v, stats.median)));
            std::sort(deviations.begin(), deviations.end());
        }
        const std::int64_t own = timemath::abs(timemath::sub(values[t], stats.median));
        const auto d = static_cast<std::size_t>(std::lower_bound(deviations.begin(), deviations.end(), own) - deviations.begin());
        stats.mad = deviations.size() > 2 ? medianWithout(deviations, d) : 0;
    }
    return result;
}

} // namespace

void Comparison::noteOutlierBaselines()
{
    if (baselineCount() < 2)
        return;
    // The request's latency where there is one: background work varies on its own.
    std::vector<std::int64_t> durations;
    for (std::size_t t = 0; t < baselineCount(); ++t)
        durations.push_back(hasRequest() ? requestDurationNs(t) : m_alignment.traces()[t]->wallDurationNs());
    const std::vector<BaselineStats> othersOf = leaveOneOutStats(durations);
    // Dozens of notes (occurrences of a repeated span have many outliers) would bury the findings.
    constexpr int NamedOutliers = 5;
    for (std::size_t t = 0; t < baselineCount(); ++t) {
        const BaselineStats& spread = othersOf[t];
        const std::int64_t duration = durations[t];
        const double distance = std::fabs(static_cast<double>(duration - spread.median));
        const double median = static_cast<double>(spread.median);
        const bool outlier = spread.median > 0
            && (baselineCount() == 2 ? distance > 0.5 * median
                                     : !spread.contains(duration) && distance > 3.0 * 1.4826 * static_cast<double>(spread.mad)
                                           && distance > 0.1 * median);
        if (!outlier)
            continue;
        m_outlierBaselines.push_back(t);
        if (m_outlierBaselines.size() > NamedOutliers)
            continue;
        const Trace& baseline = *m_alignment.traces()[t];
        m_notes << ComparisonText::tr("Baseline %1 (%2) is itself an outlier against the other baselines (median %3): it may be "
                                      "a slow run to use as the target, or one to leave out.")
                       .arg(baselineName(baseline, target()), formatDuration(duration), formatDuration(spread.median));
    }
    if (m_outlierBaselines.size() > NamedOutliers)
        m_notes << ComparisonText::tr("%n more baseline(s) are outliers against the others as well.", nullptr,
                                      static_cast<int>(m_outlierBaselines.size() - NamedOutliers));
}

// With several root spans the request is a choice; say which span it is.
void Comparison::noteRequestChoice()
{
    if (!hasRequest())
        return;
    const RequestSpan& request = m_request[targetIndex()];
    if (request.basis == RequestBasis::OnlyRoot)
        return;
    const Trace& t = target();
    const QString span = QString::fromStdString(t.serviceText(request.span) + ": " + t.nameText(request.span));
    m_notes << (request.basis == RequestBasis::EarliestServerRoot
                    ? ComparisonText::tr("The target has %1 root spans; the request is the earliest SERVER root, %2 (%3).")
                    : ComparisonText::tr("The target has %1 root spans and none of kind SERVER; the request is the earliest root, %2 (%3)."))
                   .arg(t.roots().size())
                   .arg(span, formatDuration(t.durationNs(request.span)));
}

// "Clock skew adjusted: in the target, driver's spans were moved by +79.2 ms to sit inside
// their callers in frontend (1 span and its subtree; latency-halving rule) …"
void Comparison::noteSkewAdjustments()
{
    const auto describe = [](const std::vector<SkewShift>& shifts) {
        QStringList parts;
        for (const SkewShift& s : shifts)
            parts << ComparisonText::tr("%1's spans by %2 inside their callers in %3 (%n span(s) and their subtrees)", nullptr, s.spans)
                         .arg(QString::fromStdString(s.calleeService), formatSignedDuration(s.shiftNs), QString::fromStdString(s.callerService));
        return parts.join(QStringLiteral("; "));
    };
    const std::vector<SkewShift>& target = m_skewShifts.back();
    int baselinesAdjusted = 0;
    for (std::size_t t = 0; t < baselineCount(); ++t)
        baselinesAdjusted += m_skewShifts[t].empty() ? 0 : 1;
    if (!target.empty())
        m_notes << ComparisonText::tr("Clock skew adjusted for the analysis (latency-halving rule, as Jaeger and Zipkin do; the "
                                      "files' times are unchanged): in the target, %1.")
                       .arg(describe(target));
    if (baselinesAdjusted > 0)
        m_notes << ComparisonText::tr("Clock skew adjusted in %n baseline(s) as well.", nullptr, baselinesAdjusted);
}

void Comparison::describeAlignment()
{
    const Alignment& a = m_alignment;
    if (a.normalisedNameCount() > 0) {
        QStringList examples;
        for (const NormalisedNameExample& e : a.normalisedNameExamples())
            examples << QStringLiteral("%1 → %2").arg(QString::fromStdString(e.name), QString::fromStdString(e.key));
        m_notes << ComparisonText::tr("%n span name(s) with run-specific numbers or ids were aligned by a normalised form, "
                                      "e.g. %1 (compare exact names with --exact-names or by unchecking “Align numbered names”).",
                                      nullptr, a.normalisedNameCount())
                       .arg(examples.join(QStringLiteral(", ")));
    }
    QStringList byContent;
    int byName = 0;
    for (const LanePair& pair : a.lanePairing().pairs()) {
        if (pair.basis == LanePair::Basis::SameName) {
            ++byName;
            continue;
        }
        const Trace& baseline = *a.traces()[pair.trace];
        byContent << ComparisonText::tr("%1 of %2 ↔ %3 (%4 similar work)")
                         .arg(QString::fromStdString(baseline.strings().at(baseline.lanes()[static_cast<std::size_t>(pair.lane)].label)).trimmed(),
                              QFileInfo(baseline.sourceFile()).fileName(),
                              QString::fromStdString(target().strings().at(target().lanes()[static_cast<std::size_t>(pair.targetLane)].label)).trimmed(),
                              formatShare(static_cast<std::int64_t>(std::lround(pair.similarity * 1000)), 1000));
    }
    if (!byContent.isEmpty()) {
        const qsizetype shown = std::min<qsizetype>(byContent.size(), 4);
        QString list = QStringList(byContent.mid(0, shown)).join(QStringLiteral("; "));
        if (byContent.size() > shown)
            list += ComparisonText::tr("; and %n more", nullptr, static_cast<int>(byContent.size() - shown));
        m_notes << ComparisonText::tr("Lanes were paired by role and by the work on them, not by their numbers: %1. "
                                      "%n lane(s) kept their name.", nullptr, byName)
                       .arg(list);
    }
}

} // namespace tracedelta
