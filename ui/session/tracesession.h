// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceentry.h"
#include "core/analysis/occurrences.h"
#include "core/compare/comparison.h"
#include "core/compare/operationstatistics.h"
#include "core/io/traceloader.h"
#include "ui/viewmodel/comparisonhighlights.h"
#include "ui/viewmodel/iciclelayout.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <array>
#include <memory>
#include <vector>

class QFileSystemWatcher;

namespace tracedelta {

class LoadJob;

// A finished comparison and what is derived from it, all built off the GUI thread.
struct ComparisonOutcome
{
    std::shared_ptr<const Comparison> comparison;
    std::shared_ptr<const ComparisonHighlights> highlights;
    // Statistics by operation, by path and by lane (StatisticsGrouping order).
    std::array<std::shared_ptr<const OperationStatistics>, 3> statistics;
    // The flame graphs' layouts, one per trace of the comparison's alignment (in its
    // order): made on the worker beside the comparison, not on the GUI thread after it.
    std::vector<std::shared_ptr<const IcicleLayout>> icicleLayouts;
};

// What a load brought: the files that loaded, the messages of those that did not.
struct LoadReport
{
    QStringList loadedFiles;
    QStringList errors;
    int cancelled = 0;
    bool moreToLoad = false; // files queued while this load ran are loaded next
};

// How traces arrived: opened by the user (File → Open, drag and drop, Recent, the command
// line) or received live (the OTLP receiver).
enum class Arrival { Opened, Live };

// What the window says when traces arrive: which trace is the target and why, with one click
// to make a new trace the target (`offer`) or to go back to the previous one (`undoTo`).
struct TargetNotice
{
    QString text;
    TracePtr offer;
    TracePtr undoTo;
};

// The traces of one investigation and their comparison, without any widget: which files
// are loaded, which trace is the target and which are baselines, the load and compare
// jobs (off the GUI thread, cancellable) and their results. The window shows it; tests
// drive it directly.
class TraceSession : public QObject
{
    Q_OBJECT
public:
    explicit TraceSession(QObject* parent = nullptr);
    ~TraceSession() override;

    const std::vector<TraceEntry>& entries() const { return m_entries; }
    std::vector<TracePtr> traces() const;
    std::size_t targetIndex() const { return m_targetIndex; }
    const QStringList& loadErrors() const { return m_loadErrors; }
    bool isLoading() const;
    bool isComparing() const { return m_comparisonWatcher.isRunning(); }
    const ComparisonOutcome& outcome() const { return m_outcome; }
    // The entry of each trace in the shown comparison, in its order (baselines, then the target).
    const std::vector<std::size_t>& comparedEntries() const { return m_comparedEntries; }
    LoadJob* loadJob() const { return m_loadJob; }

    // Files load on a worker; while a load runs, further files wait for it. What the first
    // files opened are, the slowest request among them is the target; files opened into an
    // open comparison join as baselines (the notice offers to make one the target); traces
    // received live take the target until the user chooses one. Every such choice is
    // announced (targetNotice).
    void load(const QStringList& files, Arrival arrival = Arrival::Opened);
    // The target chosen by its trace (from a notice); nothing when it is no longer open.
    void chooseTarget(const TracePtr& trace);
    // An explicit choice pins the target: traces opened or received later join as
    // baselines instead of taking its place (until it is closed).
    void setTarget(std::size_t entryIndex);
    bool targetPinned() const { return m_targetPinned; }
    // The target becomes a baseline and `entryIndex` the target.
    void swapTarget(std::size_t entryIndex);
    // False (and nothing changes) when the target would leave the comparison.
    bool setIncluded(std::size_t entryIndex, bool included);
    void closeTrace(std::size_t entryIndex);
    void reloadTrace(std::size_t entryIndex);
    // Restores which traces take part and which is the target (e.g. from a workspace), as a
    // comparison of those traces (a comparison of occurrences is left).
    void setRoles(const std::vector<bool>& included, std::size_t targetIndex);
    void setExactNames(bool exact);
    bool exactNames() const { return m_exactNames; }
    void compare();
    void cancel();

    // One occurrence of a repeated span compared with its siblings in one loaded trace
    // (frames, steps, calls), instead of the loaded traces with each other; empty in the
    // whole-trace view. The comparison's traces are then the occurrences' subtrees.
    const std::optional<OccurrenceChoice>& occurrences() const { return m_occurrences; }
    // The spans named `pattern` in the trace of `entryIndex`: the occurrence holding `holding`
    // (else the slowest) is the target, all others the baselines. False (nothing changes) when
    // the name occurs only once.
    bool compareOccurrences(std::size_t entryIndex, const QString& pattern, SpanIndex holding = NoSpan);
    // Another occurrence becomes the target (a click on the distribution).
    void retargetOccurrence(std::size_t occurrence);
    // Back to the whole-trace comparison.
    void leaveOccurrences();
    // A comparison of occurrences as it was saved (a workspace): in the trace of `entryIndex`,
    // the target by its index, all or only the typical others as baselines. Returns why not
    // (the name no longer occurs twice, no such occurrence), and then nothing changes.
    QString restoreOccurrences(std::size_t entryIndex, const QString& pattern, int target, BaselineSelection selection);
    // The entry of the loaded trace the occurrences are in; none in the whole-trace view.
    std::optional<std::size_t> occurrenceSourceEntry() const;

Q_SIGNALS:
    void entriesChanged();
    void loadStarted();
    void loadProgress(int permille, const QString& file, qint64 spans);
    void loaded(const tracedelta::LoadReport& report);
    void comparisonStarted();
    void comparisonCancelled();
    // Also emitted (with an empty outcome) when the last trace was closed.
    void comparisonFinished();
    // The session entered or left the comparison of occurrences, or its target changed.
    void occurrencesChanged();
    void fileChangedOnDisk(const QString& path);
    // Why the target is what it is after a load; an empty text withdraws the last notice.
    void targetNotice(const tracedelta::TargetNotice& notice);

private:
    void onLoaded(const std::vector<LoadResult>& results);
    void onComparisonDone();
    std::size_t defaultTarget(std::size_t firstNew) const;
    void chooseTargetAfterLoad(std::size_t firstNew, const TracePtr& previousTarget);
    struct PendingLoad
    {
        QStringList files;
        Arrival arrival;
    };

    std::vector<TraceEntry> m_entries;
    std::size_t m_targetIndex = 0;
    bool m_targetPinned = false;
    std::vector<std::size_t> m_comparedEntries;
    std::vector<std::size_t> m_pendingComparedEntries;
    QStringList m_loadErrors;
    std::vector<PendingLoad> m_pendingLoads;
    Arrival m_loading = Arrival::Opened;
    QString m_reloadTargetFile; // when the target's file is reloaded, its new trace becomes the target
    int m_nextColor = 0;
    bool m_exactNames = false;

    LoadJob* m_loadJob = nullptr;
    QFileSystemWatcher* m_fileWatcher = nullptr;
    QFutureWatcher<ComparisonOutcome> m_comparisonWatcher;
    bool m_comparisonQueued = false;
    bool m_comparisonCancelled = false;
    int m_comparisonsStarted = 0;
    ComparisonOutcome m_outcome;
    std::optional<OccurrenceChoice> m_occurrences;
    TracePtr m_occurrenceSource; // the loaded trace the occurrences are in
};

} // namespace tracedelta
