// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alignment.h"
#include "attributedifferences.h"
#include "clockskew.h"
#include "../analysis/requestspan.h"
#include "../analysis/selftime.h"

#include <QString>
#include <QStringList>

#include <span>
#include <string>
#include <unordered_map>

namespace tracedelta {

struct ComparisonSettings
{
    double selfShareThreshold = 0.20;        // disproportionate: self ≥ 20 % of the trace…
    int topSelfTimeCount = 5;                // …or among the 5 largest self times…
    double topSelfMinimumShare = 0.05;       // …and ≥ 5 % of the trace
    double regressionShareThreshold = 0.10;  // divergent: |Δ| ≥ 10 % of the end-to-end change…
    std::int64_t minimumDeltaNs = 1'000'000; // …and ≥ 1 ms
    double parallelismChange = 0.05;         // concurrency: parallelism moved by ≥ 0.05 (sum ÷ wall)
    int sequentialCallsPattern = 5;          // single trace: N+1 when ≥ 5 calls run one after another
    bool exactNames = false;                 // align names and lanes as written, no normalisation
    // Trace-event profiles (compilers, browsers) drop events below a granularity and vary
    // ±30 % run to run: a finding there must also be ≥ 1 % of the baselines' duration.
    double profileMaterialShare = 0.01;
};

enum class NodeChange { Unchanged, Added, Removed, Slower, Faster, CountChanged };
// Wait: a span caused by another (a consumer of a publish, a FOLLOWS_FROM) started later
// after its cause than in the baselines. Overhang: a span outlives its parent by more.
enum class CandidateKind { SelfTime, Added, Removed, CountChanged, Slower, Faster, Concurrency, Error, Wait, Overhang };
// Similar: about the same duration (within the baselines' spread), same structure.
// Unrelated: the target shares no root operation and few operations with any baseline.
// Failed: the target holds an error where no baseline has one (and no retry made up for it).
enum class Verdict { Identical, Slower, Faster, Different, Unrelated, Similar, Failed };

QString nodeChangeName(NodeChange change);
QString candidateKindName(CandidateKind kind);
QString verdictName(Verdict verdict);

// Distribution of one quantity across the baseline traces.
struct BaselineStats
{
    std::int64_t median = 0;
    std::int64_t p90 = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
    std::int64_t mad = 0; // median absolute deviation
    bool contains(std::int64_t v) const { return v >= min && v <= max; }
    // How far v lies outside [min, max]; 0 inside.
    std::int64_t beyond(std::int64_t v) const { return v > max ? v - max : v < min ? min - v : 0; }
    // Of v's distance from the median, the share outside the baselines' range (0…1).
    double shareBeyond(std::int64_t v) const;
    // Outside the range by more than three times its width and by a factor of two: what
    // repeated runs of one program do not do by chance (a loop that ran 300 times, not once).
    bool farOutside(std::int64_t v) const;
};

inline std::int64_t robustSigma(const BaselineStats& stats)
{
    return static_cast<std::int64_t>(1.4826 * static_cast<double>(stats.mad));
}

struct NodeMetrics
{
    std::vector<std::int64_t> totalNs; // per trace: sum of durations of the node's spans
    std::vector<std::int64_t> selfNs;  // per trace: sum of self times
    std::vector<int> count;            // per trace: number of spans
    BaselineStats baselineTotal;
    BaselineStats baselineSelf;
    BaselineStats baselineCount;
    double robustDeviation = 0; // target self vs baseline, in units of 1.4826·MAD (0 when MAD is 0)
    NodeChange change = NodeChange::Unchanged;
    bool onCriticalPath = false;
    bool disproportionateSelfTime = false;
};

// One number per (node, trace), stored flat: a profile has 100k nodes, and a vector per
// node and quantity would cost more to allocate than the analysis itself.
class PerTraceTable
{
public:
    void reset(std::size_t nodes, std::size_t traces)
    {
        m_traces = traces;
        m_values.assign(nodes * traces, 0);
    }
    std::span<std::int64_t> row(NodeIndex n) { return {m_values.data() + static_cast<std::size_t>(n) * m_traces, m_traces}; }
    std::span<const std::int64_t> row(NodeIndex n) const { return {m_values.data() + static_cast<std::size_t>(n) * m_traces, m_traces}; }

private:
    std::size_t m_traces = 0;
    std::vector<std::int64_t> m_values;
};

// A span of the target that failed (error status or an exception event) where no baseline's
// span of the same node did.
struct Failure
{
    NodeIndex node = NoNode;
    SpanIndex span = NoSpan;      // in the target
    std::string message;          // the status description or the exception's message; may be empty
    std::int64_t afterNs = 0;     // when it ended, from the start of the request (or of the trace)
    bool retried = false;         // a later call of the same operation under the same parent succeeded
    std::vector<SpanIndex> reached; // ancestors that failed with it, outermost first
};

// A service that reported no span in the target although the baselines have its spans at
// this place: sampling, a crashed exporter or a dropped batch, not a change of the request.
struct SilentService
{
    std::string service;
    NodeIndex node = NoNode;  // the top of the gap: the service's first missing node
    int baselinesWith = 0;    // baselines that have spans of it there
    int baselineSpans = 0;    // their median number of spans of the service in that subtree
};

// One occurrence of a repeated call that changed: its index among the node's spans in the
// target (in start order, 0-based), paired in order with the baselines' occurrences.
struct ChangedCall
{
    int index = 0;
    SpanIndex span = NoSpan;       // in the target
    std::int64_t targetNs = 0;
    std::int64_t baselineNs = 0;   // median of the baselines' occurrence at that index
};

struct Candidate
{
    NodeIndex node = NoNode;
    CandidateKind kind = CandidateKind::SelfTime;
    std::int64_t deltaNs = 0; // the change this candidate stands for (self, total, or wall time of the calls)
    QString reason;
    // Critical-path time charged to what the candidate names (baseline: median), whose
    // difference is its share of the end-to-end change.
    std::int64_t criticalPathBaselineNs = 0;
    std::int64_t criticalPathTargetNs = 0;
    // Concurrency: the calls (or the node's children) as sum ÷ wall time of their union; 0 where it does not apply.
    double parallelismBaseline = 0;
    double parallelismTarget = 0;
    std::int64_t wallBaselineNs = 0;
    std::int64_t wallTargetNs = 0;
    int calls = 0;
    bool aboutChildren = false; // concurrency among the node's children, not among its own calls
    // aboutChildren: the child operations whose overlap changed — calls present as in the
    // baselines, neither added, removed nor lengthened (those are findings of their own).
    std::vector<NodeIndex> burst;
    BaselineStats wallSpread; // concurrency: the baselines' wall times of the calls
    // The one span of the target the candidate is about (the failed call, the call that changed), NoSpan for the whole node.
    SpanIndex targetSpan = NoSpan;
    // Repeated calls (same count as in the baselines): which occurrences changed, and the
    // range of the others. Empty when the node has one call or the counts differ.
    std::vector<ChangedCall> changedCalls;
    int callsCompared = 0;
    std::int64_t unchangedMinNs = 0;
    std::int64_t unchangedMaxNs = 0;
    std::size_t failure = 0; // Error: index into Comparison::failures()
    std::vector<AttributeDifference> attributeDifferences;
    double score = 0; // ranking weight: absolute size, beyond the baselines' spread
    std::int64_t criticalPathDeltaNs() const { return timemath::sub(criticalPathTargetNs, criticalPathBaselineNs); }
};

// Lines up one target trace with one or more baselines and explains where the time went.
class Comparison
{
public:
    // traces[0..n-2] are the baselines, the last one is the target. A single trace is
    // analysed alone (disproportionate self time only).
    Comparison(std::vector<TracePtr> baselines, TracePtr target, ComparisonSettings settings = {});

    const Alignment& alignment() const { return m_alignment; }
    std::size_t targetIndex() const { return m_alignment.traces().size() - 1; }
    std::size_t baselineCount() const { return m_alignment.traces().size() - 1; }
    const Trace& target() const { return *m_alignment.traces().back(); }
    const NodeMetrics& metrics(NodeIndex n) const { return m_metrics[n]; }
    // Per trace: critical-path time charged to the node's own spans, and to its whole subtree.
    std::span<const std::int64_t> criticalNs(NodeIndex n) const { return m_critical.row(n); }
    std::span<const std::int64_t> subtreeCriticalNs(NodeIndex n) const { return m_subtreeCritical.row(n); }
    // Per trace: wall time of the union of the node's spans (sum ÷ wall = parallelism of its calls).
    std::span<const std::int64_t> wallNs(NodeIndex n) const { return m_wall.row(n); }
    // Per trace: how long the node's spans started after the span that caused them ended
    // (linked spans only), and how long they outlived their parents.
    std::span<const std::int64_t> waitNs(NodeIndex n) const { return m_wait.row(n); }
    std::span<const std::int64_t> overhangNs(NodeIndex n) const { return m_overhang.row(n); }
    // Per trace: union and sum of the children of the node's spans.
    std::span<const std::int64_t> childWallNs(NodeIndex n) const { return m_childWall.row(n); }
    std::span<const std::int64_t> childSumNs(NodeIndex n) const { return m_childSum.row(n); }
    // The baselines' distribution of one of these per-trace quantities.
    BaselineStats baselineOf(std::span<const std::int64_t> perTrace) const;
    const std::vector<Candidate>& candidates() const { return m_candidates; }
    // New errors in the target, innermost failing span per operation, in the order they failed.
    const std::vector<Failure>& failures() const { return m_failures; }
    // Per trace (baselines first, the target last): how its services' clocks were adjusted.
    const std::vector<std::vector<SkewShift>>& skewShifts() const { return m_skewShifts; }
    // Services silent in the target (the trace may be incomplete); their gaps are not ranked.
    const std::vector<SilentService>& incomplete() const { return m_incomplete; }
    // The failure that decides the verdict `failed` (the first one not made up for by a retry); null otherwise.
    const Failure* decisiveFailure() const;
    Verdict verdict() const { return m_verdict; }
    std::int64_t baselineDurationNs() const { return m_baselineDuration; }
    std::int64_t targetDurationNs() const { return m_targetDuration; }
    std::int64_t deltaNs() const { return timemath::sub(m_targetDuration, m_baselineDuration); }
    // The request — the entry span of a distributed trace (see requestspan.h) — beside the
    // extent above, which includes the work the request started and did not wait for.
    // Profiles have no request: hasRequest() is false and the extent is the only measure.
    bool hasRequest() const { return !m_request.empty(); }
    const RequestSpan& requestSpan(std::size_t trace) const { return m_request[trace]; }
    std::int64_t requestDurationNs(std::size_t trace) const;
    std::int64_t baselineRequestNs() const { return m_requestSpread.median; }
    std::int64_t requestDeltaNs() const;
    // Whether each measure moved beyond the baselines' spread (beyond 1 ms and 1 % with one baseline).
    bool requestChanged() const { return m_requestChanged; }
    bool extentChanged() const { return m_extentChanged; }
    // Baselines (trace indices) far outside the other baselines' spread; each has a note.
    const std::vector<std::size_t>& outlierBaselines() const { return m_outlierBaselines; }
    // The change the candidates explain and their shares refer to: the request's when it
    // changed, else the extent's.
    std::int64_t explainedDeltaNs() const { return m_requestChanged ? requestDeltaNs() : deltaNs(); }
    // Plain statements for the user: "the two traces are identical", "the same trace was loaded twice".
    const QStringList& notes() const { return m_notes; }
    // The figures behind a candidate's reason, one short phrase each: its critical-path
    // time, the parallelism of its calls, each attribute that differs.
    QStringList figuresFor(const Candidate& candidate) const;
    // "true in 4/4 baselines"
    QString baselineValuesSummary(const AttributeDifference& difference) const;
    QString verdictSentence() const;
    QString baselineSpreadSentence() const;

private:
    void measureRequests();
    // Outside the spread, two robust σ from the median and by at least `minimumShare` of it.
    bool beyondBaselines(std::int64_t value, const BaselineStats& spread, double minimumShare = 0.01, double sigmas = 2.0) const;
    // Some trace's request ends well before the rest of its work: the verdict names both measures.
    bool requestDiffersFromExtent() const;
    QString requestVerdictSentence() const;
    void findIntermittentLanes();
    bool onIntermittentLane(NodeIndex n) const { return !m_onIntermittentLane.empty() && m_onIntermittentLane[n]; }
    void computeMetrics();
    void sumNodeSpans(NodeIndex n, std::size_t t, const std::vector<std::int64_t>& chargePerSpan, std::vector<Interval>& intervals);
    void classify();
    void findFailures();
    void measureWaitsAndOverhangs();
    void findWaitsAndOverhangs();
    QString waitReason(const Candidate& candidate, const QString& who) const;
    void findSilentServices();
    bool inSilentGap(NodeIndex n) const { return !m_inSilentGap.empty() && m_inSilentGap[n]; }
    void findCandidates();
    void findSequentialCalls();
    void rankCandidates();
    bool concurrencyChanged(std::span<const std::int64_t> sums, std::span<const std::int64_t> walls, Candidate& out) const;
    bool burstConcurrencyChanged(NodeIndex n, Candidate& out) const;
    void findChangedCalls(Candidate& candidate) const;
    QString changedCallsPhrase(const Candidate& candidate) const;
    void describeAlignment();
    void noteOutlierBaselines();
    std::vector<std::size_t> m_outlierBaselines;
    void noteRequestChoice();
    void noteSkewAdjustments();
    void decideVerdict();
    QString reasonFor(const Candidate& candidate) const;
    QString reasonWithoutAttributes(const Candidate& candidate) const;
    QString failureReason(const Candidate& candidate, const QString& who) const;
    std::pair<SpanIndex, std::int64_t> descendantInOwnTime(NodeIndex n) const;
    QString failedVerdictSentence() const;
    QString concurrencyReason(const Candidate& candidate, const QString& who, const QString& share, const QString& critical) const;
    bool significant(std::int64_t delta, const BaselineStats& stats, std::int64_t value) const;
    // The smallest change worth a finding: minimumDeltaNs, for profiles also a share of the trace.
    std::int64_t materialNs() const;
    std::unordered_map<std::string, std::int64_t> laneVariation() const;
    void noteNothingExplainsTheChange();
    // What the listed changes that go the whole's way add up to (summaries left out, and
    // with `specificOnly` task runners too).
    std::int64_t listedExplanationNs(bool specificOnly) const;
    bool isProfile() const { return isTraceEventFamily(target().format()); }

    ComparisonSettings m_settings;
    // Per trace, the clock-skew shifts of its derived view; before m_alignment, which is built on those views.
    std::vector<std::vector<SkewShift>> m_skewShifts;
    Alignment m_alignment;
    std::vector<NodeMetrics> m_metrics;
    PerTraceTable m_critical;
    PerTraceTable m_subtreeCritical;
    PerTraceTable m_wall;
    PerTraceTable m_childWall;
    PerTraceTable m_childSum;
    PerTraceTable m_wait;
    PerTraceTable m_overhang;
    std::vector<Candidate> m_candidates;
    std::vector<Failure> m_failures;
    std::vector<SilentService> m_incomplete;
    std::vector<bool> m_inSilentGap; // per node; empty when no service is silent
    std::vector<bool> m_onIntermittentLane; // per node; empty when no lane is
    Verdict m_verdict = Verdict::Identical;
    BaselineStats m_baselineSpread; // of the baselines' durations
    std::vector<RequestSpan> m_request; // per trace; empty when any trace has none (profiles)
    BaselineStats m_requestSpread;      // of the baselines' request durations
    bool m_requestChanged = false;
    bool m_extentChanged = false;
    bool m_changeBeyondPrediction = false; // the request or extent changed by more than one more normal run would
    bool m_withinPrediction = false;       // outside the baselines' range, taken as within their spread
    std::int64_t m_baselineDuration = 0;
    std::int64_t m_targetDuration = 0;
    QStringList m_notes;
};

// Error status or an exception event; and the message the producer gave for it, if any.
bool spanFailed(const Trace& trace, SpanIndex span);
std::string failureMessage(const Trace& trace, SpanIndex span);

BaselineStats baselineStats(std::vector<std::int64_t> values);
// Of ascending values: the nearest-rank percentile (always an observed value) and the median.
std::int64_t sortedPercentile(const std::vector<std::int64_t>& sorted, double p);
std::int64_t sortedMedian(const std::vector<std::int64_t>& sorted);
// How many σ around the median one more run falls, 95 % of the time, when n runs are known.
double predictionFactor(std::size_t n);

} // namespace tracedelta
