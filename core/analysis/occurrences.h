// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../compare/comparison.h"
#include "../model/trace.h"

#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace tracedelta {

// One occurrence of a repeated unit (a frame, a training step, a task): a span of one of the
// traces searched, with its subtree.
struct Occurrence
{
    std::size_t trace = 0;   // index into the traces searched
    SpanIndex span = NoSpan;
    std::int64_t offsetNs = 0; // its start, from its trace's start
    std::int64_t durationNs = 0;
};


// Whether `pattern` holds wildcards ('*' any text, '?' one character); else it is a name.
bool isNamePattern(const QString& pattern);

// The spans named `pattern` in the traces, outermost only (a span inside another of the
// same unit belongs to it), in the traces' order and then by start.
std::vector<Occurrence> findOccurrences(std::span<const TracePtr> traces, const QString& pattern);

// Which occurrence to explain: the slowest, one by its 0-based index, or the one running at
// (else starting nearest to) a time from its trace's start.
struct TargetOccurrence
{
    enum class By { Slowest, Index, Time };
    By by = By::Slowest;
    int index = 0;
    std::int64_t timeNs = 0;
};
// "slowest", an index ("37") or a time with its unit ("1.2s", "850ms", "300us", "5000ns").
std::optional<TargetOccurrence> parseTargetOccurrence(const QString& text);

// The baselines: every other occurrence, or only the typical ones (outliers left out).
enum class BaselineSelection { All, Typical };
std::optional<BaselineSelection> parseBaselineSelection(const QString& text);
QString baselineSelectionName(BaselineSelection selection);

// The occurrences of one unit, which of them is the target and which are its baselines.
struct OccurrenceChoice
{
    QString name; // the name or pattern searched
    std::vector<Occurrence> occurrences;
    std::size_t target = 0;
    std::vector<std::size_t> baselines; // indices into occurrences, in order
    // Beyond 3 robust σ (1.4826 × MAD) of the median, in order; the target may be one.
    std::vector<std::size_t> outliers;
    BaselineStats spread;         // of all occurrences
    BaselineStats baselineSpread; // of the baselines chosen
    BaselineSelection selection = BaselineSelection::All;
    // "3 of 60 FireAnimationFrame took > 2× the median of 3.6 ms"; empty when none did.
    QString outlierSentence() const;
    // "Target: FireAnimationFrame #37 of 60 (at 1.23 s, 271 ms); baselines: the other 59."
    QString choiceSentence() const;
};

// Finds the occurrences and chooses; nullopt with `error` set when there are fewer than two
// or the target asked for does not exist.
std::optional<OccurrenceChoice> chooseOccurrences(std::span<const TracePtr> traces, const QString& pattern,
                                                  const TargetOccurrence& target, BaselineSelection selection, QString* error);
// The same choice for another target (a click on the distribution).
OccurrenceChoice retarget(const OccurrenceChoice& choice, std::size_t target);

// The occurrence's subtree as a trace of its own, times from the occurrence's start, on its
// lane (same label, so lanes pair as in whole traces); its trace id names it
// ("FireAnimationFrame #37 (at 1.23 s)").
TracePtr occurrenceTrace(const Trace& trace, const Occurrence& occurrence, std::size_t index);
// The same trace built from drafts (what occurrenceTrace does only where times need clamping).
TracePtr occurrenceTraceFromDrafts(const Trace& trace, const Occurrence& occurrence, const std::string& label);
QString occurrenceLabel(const Trace& trace, const Occurrence& occurrence, std::size_t index);
// The choice's baselines' occurrence traces, in order, and its target's last (as Comparison
// takes them), cut on all cores; `traces` are the ones the occurrences were found in.
std::vector<TracePtr> cutOccurrences(std::span<const TracePtr> traces, const OccurrenceChoice& choice);

// A unit worth comparing: a name that occurs ≥ 10 times on one lane, or iterations of one
// numbered name (ProfilerStep#1, #2, …: `name` is then a pattern, "ProfilerStep#*").
struct RepeatedUnit
{
    std::string name;
    std::string lane;
    int count = 0;
    BaselineStats spread;
};
// Ordered by the time the slowest occurrence spent beyond the median, most first.
std::vector<RepeatedUnit> findRepeatedUnits(const Trace& trace, int minimumCount = 10);

} // namespace tracedelta
