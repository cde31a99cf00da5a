// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparison.h"

#include "../model/producerknowledge.h"
#include "../analysis/criticalpath.h"
#include "../analysis/selftime.h"
#include "../analysis/spanranking.h"
#include "../util/durationformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace tracedelta {

namespace {

// lupdate files these strings under "Comparison"; the struct only gives them that context.
struct ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(Comparison)
};

} // namespace

std::int64_t sortedPercentile(const std::vector<std::int64_t>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    // Nearest-rank on the sorted values, so the result is always an observed value.
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::int64_t sortedMedian(const std::vector<std::int64_t>& sorted)
{
    if (sorted.empty())
        return 0;
    const std::size_t n = sorted.size();
    return n % 2 ? sorted[n / 2] : std::midpoint(sorted[n / 2 - 1], sorted[n / 2]);
}

double BaselineStats::shareBeyond(std::int64_t v) const
{
    const double change = std::max(1.0, std::fabs(static_cast<double>(timemath::sub(v, median))));
    return std::min(1.0, static_cast<double>(beyond(v)) / change);
}

bool BaselineStats::farOutside(std::int64_t v) const
{
    const std::int64_t width = timemath::sub(max, min);
    const bool byFactor = v > max ? v >= timemath::add(max, max) : v < min && timemath::add(v, v) <= min;
    return byFactor && beyond(v) > 3 * width;
}

namespace {

// The k-th smallest of `values` (0-based), which it reorders partly.
std::int64_t kthSmallest(std::vector<std::int64_t>& values, std::size_t k)
{
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
    return values[k];
}

// sortedMedian's value, found by selection instead of a sort.
std::int64_t selectedMedian(std::vector<std::int64_t>& values)
{
    const std::size_t n = values.size();
    const std::int64_t upper = kthSmallest(values, n / 2);
    if (n % 2)
        return upper;
    // Everything before the n/2-th is no larger than it: the largest of those is the (n/2 − 1)-th.
    return std::midpoint(*std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(n / 2)), upper);
}

} // namespace

// The same values as sorting and reading sortedMedian and sortedPercentile, by selection:
// a comparison of 10,000 occurrences takes three of these per node, over 10,000 values each.
BaselineStats baselineStats(std::vector<std::int64_t> values)
{
    BaselineStats stats;
    if (values.empty())
        return stats;
    const auto [min, max] = std::minmax_element(values.begin(), values.end());
    stats.min = *min;
    stats.max = *max;
    stats.median = selectedMedian(values);
    const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(values.size())));
    stats.p90 = kthSmallest(values, std::clamp<std::size_t>(rank, 1, values.size()) - 1);
    if (values.size() > 1) {
        for (std::int64_t& v : values)
            v = timemath::abs(timemath::sub(v, stats.median));
        stats.mad = selectedMedian(values);
    }
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
    case CandidateKind::Concurrency:
        return QStringLiteral("concurrency");
    case CandidateKind::Error:
        return QStringLiteral("error");
    case CandidateKind::Wait:
        return QStringLiteral("wait");
    case CandidateKind::Overhang:
        return QStringLiteral("overhang");
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
    case Verdict::Similar:
        return QStringLiteral("similar");
    case Verdict::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

static Candidate candidate(NodeIndex node, CandidateKind kind, std::int64_t deltaNs)
{
    Candidate c;
    c.node = node;
    c.kind = kind;
    c.deltaNs = deltaNs;
    return c;
}

// The traces as the analysis sees them: baselines, then the target, each with clock skew
// between its services adjusted (shifts per trace into `shifts`).
static std::vector<TracePtr> joined(std::vector<TracePtr> baselines, TracePtr target, std::vector<std::vector<SkewShift>>& shifts)
{
    baselines.push_back(std::move(target));
    shifts.resize(baselines.size());
    for (std::size_t t = 0; t < baselines.size(); ++t) {
        SkewAdjusted adjusted = adjustClockSkew(baselines[t]);
        baselines[t] = std::move(adjusted.trace);
        shifts[t] = std::move(adjusted.shifts);
    }
    return baselines;
}

Comparison::Comparison(std::vector<TracePtr> baselines, TracePtr target, ComparisonSettings settings)
    : m_settings(settings)
    , m_alignment(joined(std::move(baselines), std::move(target), m_skewShifts), AlignmentOptions{!settings.exactNames})
{
    std::vector<std::int64_t> durations;
    for (std::size_t t = 0; t < baselineCount(); ++t)
        durations.push_back(m_alignment.traces()[t]->wallDurationNs());
    m_targetDuration = this->target().wallDurationNs();
    m_baselineSpread = baselineStats(durations);
    m_baselineDuration = durations.empty() ? m_targetDuration : m_baselineSpread.median;
    measureRequests();
    findIntermittentLanes();
    computeMetrics();
    measureWaitsAndOverhangs();
    classify();
    findFailures();
    findSilentServices();
    findCandidates();
    rankCandidates();
    decideVerdict();
    describeAlignment();
}

void Comparison::measureRequests()
{
    const auto& traces = m_alignment.traces();
    for (const TracePtr& trace : traces) {
        const RequestSpan request = findRequestSpan(*trace);
        if (request.span == NoSpan) {
            m_request.clear();
            break;
        }
        m_request.push_back(request);
    }
    std::vector<std::int64_t> requests;
    for (std::size_t t = 0; t < baselineCount() && hasRequest(); ++t)
        requests.push_back(requestDurationNs(t));
    m_requestSpread = requests.empty() ? BaselineStats{} : baselineStats(requests);
    // Beside a request, the extent is the background work it started (an audit publish, a
    // cache refresh), which varies more from run to run than five baselines' range shows: it
    // counts from a tenth of the median on, as an outlier baseline does (see
    // noteOutlierBaselines). Without a request the extent is the measure, from 1 %.
    m_extentChanged = beyondBaselines(m_targetDuration, m_baselineSpread, hasRequest() ? 0.1 : 0.01);
    m_requestChanged = hasRequest() && beyondBaselines(requestDurationNs(targetIndex()), m_requestSpread);
    // Two σ is where a change begins to count; where one more normal run could still fall
    // (the prediction interval, wider for few baselines), it counts only when a part explains it.
    const double predicted = predictionFactor(baselineCount());
    m_changeBeyondPrediction = (m_extentChanged && beyondBaselines(m_targetDuration, m_baselineSpread, hasRequest() ? 0.1 : 0.01, predicted))
        || (m_requestChanged && beyondBaselines(requestDurationNs(targetIndex()), m_requestSpread, 0.01, predicted));
}

std::int64_t Comparison::requestDurationNs(std::size_t trace) const
{
    return hasRequest() ? m_request[trace].durationNs(*m_alignment.traces()[trace]) : 0;
}

std::int64_t Comparison::requestDeltaNs() const
{
    return hasRequest() && baselineCount() > 0 ? timemath::sub(requestDurationNs(targetIndex()), m_requestSpread.median) : 0;
}

// How many σ around the median one more run of the same kind falls, 95 % of the time, when
// n runs are known: t(0.975, n−1)·√(1 + 1/n) — 3.6 for four page loads, 2.1 for twenty.
double predictionFactor(std::size_t n)
{
    static constexpr double t975[] = {12.71, 4.30, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.20, 2.18, 2.16, 2.14,
                                      2.13, 2.12, 2.11, 2.10, 2.09, 2.09, 2.08, 2.07, 2.07, 2.06, 2.06, 2.06, 2.05, 2.05, 2.05};
    const double t = n >= 2 && n - 2 < std::size(t975) ? t975[n - 2] : 1.96; // index: degrees of freedom − 1
    return t * std::sqrt(1.0 + 1.0 / static_cast<double>(std::max<std::size_t>(n, 1)));
}

// A change of the whole (request or extent): ≥ 1 ms and ≥ 1 %, and with several baselines
// outside their range.
bool Comparison::beyondBaselines(std::int64_t value, const BaselineStats& spread, double minimumShare, double sigmas) const
{
    if (baselineCount() == 0)
        return false;
    const std::int64_t delta = timemath::sub(value, spread.median);
    const double relative = spread.median > 0 ? std::fabs(static_cast<double>(delta)) / static_cast<double>(spread.median) : 1.0;
    const bool withinSpread = baselineCount() >= 2 && spread.contains(value);
    // With five baselines one normal run in three falls outside their range: it must also be
    // `sigmas` robust σ from their median to count (σ = 1.4826·MAD, from three baselines on).
    const bool nearMedian = baselineCount() >= 3
        && std::fabs(static_cast<double>(delta)) < sigmas * 1.4826 * static_cast<double>(spread.mad);
    return timemath::abs(delta) >= m_settings.minimumDeltaNs && relative >= minimumShare && !withinSpread && !nearMedian;
}

bool Comparison::requestDiffersFromExtent() const
{
    if (!hasRequest())
        return false;
    for (std::size_t t = 0; t < m_request.size(); ++t) {
        const std::int64_t extent = m_alignment.traces()[t]->wallDurationNs();
        const std::int64_t gap = timemath::sub(extent, requestDurationNs(t));
        if (gap >= m_settings.minimumDeltaNs && static_cast<double>(gap) >= 0.01 * static_cast<double>(extent))
            return true;
    }
    return false;
}

// Browser and build runs gain or lack a whole process or thread now and then (Chromium's
// "WebUI Top Renderer" in some page loads, a helper thread in one compile): a lane that
// some baselines have and others lack is not part of the stable workload, so nothing on
// it is ranked or makes the structure "different"; the notes say which lanes.
void Comparison::findIntermittentLanes()
{
    const auto& traces = m_alignment.traces();
    const std::size_t T = targetIndex();
    // Lanes of distributed traces are services: a service missing from a run means something else (an incomplete trace).
    if (T < 2 || m_alignment.lanePairing().empty() || !isProfile())
        return;
    std::vector<std::unordered_set<std::string>> lanesOf(T);
    for (std::size_t t = 0; t < T; ++t) {
        for (std::int32_t l = 0; l < static_cast<std::int32_t>(traces[t]->lanes().size()); ++l)
            lanesOf[t].insert(m_alignment.lanePairing().keyOf(t, l));
    }
    const auto& nodes = m_alignment.nodes();
    std::unordered_map<std::string, bool> intermittent; // lane key → some baselines lack it
    std::vector<std::string> named;
    m_onIntermittentLane.assign(nodes.size(), false);
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
        const NodeIndex parent = nodes[n].parent;
        if (parent != 0) {
            m_onIntermittentLane[n] = m_onIntermittentLane[parent];
            continue;
        }
        auto [it, inserted] = intermittent.try_emplace(nodes[n].service, false);
        if (inserted) {
            std::size_t having = 0;
            for (std::size_t t = 0; t < T; ++t)
                having += lanesOf[t].count(nodes[n].service);
            it->second = having > 0 && having < T;
            if (it->second)
                named.push_back(nodes[n].service + " (" + std::to_string(having) + "/" + std::to_string(T) + ")");
        }
        m_onIntermittentLane[n] = it->second;
    }
    if (named.empty())
        return;
    std::sort(named.begin(), named.end());
    QStringList lanes;
    for (const std::string& lane : named)
        lanes << QString::fromStdString(lane).trimmed();
    m_notes << ComparisonText::tr("%n lane(s) ran in only some of the baselines and are left out of the ranking "
                                  "(baselines having each in brackets): %1.", nullptr, static_cast<int>(lanes.size()))
                   .arg(lanes.join(QStringLiteral(", ")));
}

void Comparison::computeMetrics()
{
    const std::size_t traceCount = m_alignment.traces().size();
    const std::size_t T = targetIndex();
    const Trace& target = this->target();
    std::vector<bool> critical; // the target's, from its walk below
    const auto& nodes = m_alignment.nodes();
    m_metrics.resize(nodes.size());
    std::vector<Interval> intervals;
    for (NodeIndex n = 0; n < static_cast<NodeIndex>(m_metrics.size()); ++n) {
        NodeMetrics& m = m_metrics[n];
        m.totalNs.assign(traceCount, 0);
        m.selfNs.assign(traceCount, 0);
        m.count.assign(traceCount, 0);
    }
    for (PerTraceTable* table : {&m_critical, &m_subtreeCritical, &m_wall, &m_childWall, &m_childSum})
        table->reset(nodes.size(), traceCount);
    // A block of traces at a time, node by node within it: the tables hold a row per node,
    // and 10,000 traces (occurrences) walked trace by trace would touch a row per step.
    constexpr std::size_t Block = 64;
    std::vector<CriticalPathCharges> charges;
    for (std::size_t first = 0; first < traceCount; first += Block) {
        const std::size_t end = std::min(traceCount, first + Block);
        charges.clear();
        for (std::size_t t = first; t < end; ++t) {
            charges.push_back(criticalPathCharges(*m_alignment.traces()[t]));
            if (t == T)
                critical = std::move(charges.back().onPath);
            m_critical.row(0)[t] = charges.back().uncoveredNs;
        }
        for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
            for (std::size_t t = first; t < end; ++t)
                sumNodeSpans(n, t, charges[t - first].perSpan, intervals);
        }
        // Nodes are in breadth-first order, so children come after parents: sum bottom-up.
        for (NodeIndex n = static_cast<NodeIndex>(nodes.size()) - 1; n >= 0; --n) {
            for (std::size_t t = first; t < end; ++t) {
                std::int64_t& subtree = m_subtreeCritical.row(n)[t];
                subtree = timemath::add(subtree, m_critical.row(n)[t]);
                if (n > 0) {
                    const NodeIndex parent = nodes[n].parent;
                    m_subtreeCritical.row(parent)[t] = timemath::add(m_subtreeCritical.row(parent)[t], subtree);
                    m_childSum.row(parent)[t] = timemath::add(m_childSum.row(parent)[t], m_metrics[n].totalNs[t]);
                }
            }
        }
    }
    for (NodeIndex n = 0; n < static_cast<NodeIndex>(m_metrics.size()); ++n) {
        NodeMetrics& m = m_metrics[n];
        for (SpanIndex s : nodes[n].spans[T])
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
    // The largest self times are worth a mark only when they are a real part of the trace:
    // a 2.9 ms span in a 418 ms request is not disproportionate for being in the top five.
    for (SpanIndex s : topSelfTimeSpans(target, m_settings.topSelfTimeCount)) {
        if (static_cast<double>(target.selfNs(s)) >= m_settings.topSelfMinimumShare * static_cast<double>(target.wallDurationNs())
            && target.selfNs(s) > 0)
            m_metrics[m_alignment.nodeOf(T, s)].disproportionateSelfTime = true;
    }
}

// Node n's spans in trace t: their total, self and critical-path time, count and wall time.
void Comparison::sumNodeSpans(NodeIndex n, std::size_t t, const std::vector<std::int64_t>& chargePerSpan, std::vector<Interval>& intervals)
{
    const Trace& trace = *m_alignment.traces()[t];
    NodeMetrics& m = m_metrics[n];
    const std::span<const SpanIndex> spans = m_alignment.node(n).spans[t];
    intervals.clear();
    for (SpanIndex s : spans) {
        m.totalNs[t] = timemath::add(m.totalNs[t], trace.durationNs(s));
        m.selfNs[t] = timemath::add(m.selfNs[t], trace.selfNs(s));
        m_critical.row(n)[t] = timemath::add(m_critical.row(n)[t], chargePerSpan[static_cast<std::size_t>(s)]);
        intervals.push_back({trace.startNs(s), trace.endNs(s)});
        // Children's union within their parent = duration − self time; their sum is counted below.
        if (!trace.children(s).empty())
            m_childWall.row(n)[t] = timemath::add(m_childWall.row(n)[t], timemath::sub(trace.durationNs(s), trace.selfNs(s)));
    }
    m.count[t] = static_cast<int>(spans.size());
    m_wall.row(n)[t] = coveredTime(intervals);
}

std::int64_t Comparison::materialNs() const
{
    if (!isProfile())
        return m_settings.minimumDeltaNs;
    return std::max(m_settings.minimumDeltaNs,
                    static_cast<std::int64_t>(m_settings.profileMaterialShare * static_cast<double>(m_baselineDuration)));
}

bool Comparison::significant(std::int64_t delta, const BaselineStats& stats, std::int64_t value) const
{
    const std::int64_t magnitude = timemath::abs(delta);
    if (magnitude < materialNs())
        return false;
    const bool spread = baselineCount() >= 2;
    // Inside what the baselines already show is normal variation, not a finding.
    if (spread && stats.contains(value))
        return false;
    const double share = m_settings.regressionShareThreshold * static_cast<double>(timemath::abs(explainedDeltaNs()));
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

BaselineStats Comparison::baselineOf(std::span<const std::int64_t> perTrace) const
{
    return baselineStats(std::vector<std::int64_t>(perTrace.begin(), perTrace.begin() + static_cast<std::ptrdiff_t>(baselineCount())));
}

void Comparison::findCandidates()
{
    const std::size_t T = targetIndex();
    const auto& nodes = m_alignment.nodes();
    if (baselineCount() == 0) {
        for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
            if (m_metrics[n].disproportionateSelfTime)
                m_candidates.push_back(candidate(n, CandidateKind::SelfTime, m_metrics[n].selfNs[T]));
        }
        findSequentialCalls();
        return;
    }
    findWaitsAndOverhangs();
    for (std::size_t i = 0; i < m_failures.size(); ++i) {
        Candidate c = candidate(m_failures[i].node, CandidateKind::Error, 0);
        c.targetSpan = m_failures[i].span;
        c.failure = i;
        m_candidates.push_back(c);
    }
    // Repeated calls that lost (or gained) their overlap, found first so that their parent,
    // slower only because of them, is not reported as well.
    std::vector<bool> callsConcurrency(nodes.size(), false);
    std::unordered_map<NodeIndex, Candidate> concurrency;
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
        const NodeMetrics& m = m_metrics[n];
        if (m.change == NodeChange::Added || m.change == NodeChange::Removed || m.change == NodeChange::CountChanged
            || m.count[T] < 2 || m.baselineCount.median < 2)
            continue;
        Candidate c = candidate(n, CandidateKind::Concurrency, 0);
        c.calls = m.count[T];
        if (concurrencyChanged(m.totalNs, wallNs(n), c)) {
            callsConcurrency[n] = true;
            concurrency.emplace(n, std::move(c));
        }
    }
    std::vector<bool> insideStructuralChange(nodes.size(), false);
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(nodes.size()); ++n) {
        const NodeMetrics& m = m_metrics[n];
        const NodeIndex parent = nodes[n].parent;
        if (onIntermittentLane(n) || inSilentGap(n))
            continue;
        // Report an added or removed subtree once, at its top.
        if (parent > 0 && insideStructuralChange[parent]) {
            insideStructuralChange[n] = true;
            continue;
        }
        // In a profile, events around the producer's granularity come and go between runs, and
        // how many tasks a scheduler ran follows the load of the machine.
        const bool wrapper = isSchedulerWrapper(nodes[n].name);
        const auto material = [&](std::int64_t delta) { return !isProfile() || (!wrapper && timemath::abs(delta) >= materialNs()); };
        if (m.change == NodeChange::Added) {
            insideStructuralChange[n] = true;
            if (material(m.totalNs[T]))
                m_candidates.push_back(candidate(n, CandidateKind::Added, m.totalNs[T]));
            continue;
        }
        if (m.change == NodeChange::Removed) {
            insideStructuralChange[n] = true;
            if (material(m.baselineTotal.median))
                m_candidates.push_back(candidate(n, CandidateKind::Removed, -m.baselineTotal.median));
            continue;
        }
        const std::int64_t deltaTotal = timemath::sub(m.totalNs[T], m.baselineTotal.median);
        if (m.change == NodeChange::CountChanged) {
            if (material(deltaTotal))
                m_candidates.push_back(candidate(n, CandidateKind::CountChanged, deltaTotal));
            continue;
        }
        if (callsConcurrency[n]) {
            m_candidates.push_back(std::move(concurrency.at(n)));
            continue;
        }
        std::int64_t deltaSelf = timemath::sub(m.selfNs[T], m.baselineSelf.median);
        // A child added into the parent's idle time (a publish while the request waits) takes
        // that time out of the parent's self time; the child is the finding, not the parent.
        std::int64_t structuralChildren = 0;
        for (NodeIndex c : nodes[n].children) {
            if (m_metrics[c].change == NodeChange::Added)
                structuralChildren = timemath::add(structuralChildren, m_metrics[c].totalNs[T]);
            else if (m_metrics[c].change == NodeChange::Removed)
                structuralChildren = timemath::sub(structuralChildren, m_metrics[c].baselineTotal.median);
        }
        if (structuralChildren != 0 && (structuralChildren > 0) == (deltaSelf < 0)) {
            const std::int64_t offset = std::min(timemath::abs(structuralChildren), timemath::abs(deltaSelf));
            const std::int64_t explained = deltaSelf < 0 ? -offset : offset;
            if (!significant(timemath::sub(deltaSelf, explained), m.baselineSelf, timemath::sub(m.selfNs[T], explained)))
                deltaSelf = 0;
        }
        if (deltaSelf != 0 && significant(deltaSelf, m.baselineSelf, m.selfNs[T])) {
            m_candidates.push_back(candidate(n, CandidateKind::SelfTime, deltaSelf));
            continue;
        }
        if (nodes[n].children.empty())
            continue;
        // Children that ran at once and now run one after another (or the reverse), unless
        // one group of repeated calls among them already says so.
        bool childSaysIt = false;
        for (NodeIndex c : nodes[n].children)
            childSaysIt = childSaysIt || callsConcurrency[c];
        if (childSaysIt)
            continue;
        Candidate children = candidate(n, CandidateKind::Concurrency, 0);
        children.aboutChildren = true;
        if (burstConcurrencyChanged(n, children)) {
            m_candidates.push_back(children);
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
                m_candidates.push_back(candidate(n, m.change == NodeChange::Slower ? CandidateKind::Slower : CandidateKind::Faster, unexplained));
        }
    }
}

} // namespace tracedelta
