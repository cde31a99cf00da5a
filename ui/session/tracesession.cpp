// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracesession.h"

#include "ui/loadjob.h"
#include "core/analysis/requestspan.h"

#include <QFileInfo>

#include <algorithm>
#include <map>
#include <QFileSystemWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <future>
#include <tuple>

namespace tracedelta {

namespace {

// Distinct, colour-blind-friendly swatches for telling traces apart (Okabe–Ito).
const QColor TraceColors[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73),
                              QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00),
                              QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x00, 0x00)};

} // namespace

TraceSession::TraceSession(QObject* parent)
    : QObject(parent)
    , m_loadJob(new LoadJob(this))
    , m_fileWatcher(new QFileSystemWatcher(this))
{
    connect(m_loadJob, &LoadJob::progress, this, &TraceSession::loadProgress);
    connect(m_loadJob, &LoadJob::finished, this, &TraceSession::onLoaded);
    connect(&m_comparisonWatcher, &QFutureWatcher<ComparisonOutcome>::finished, this, &TraceSession::onComparisonDone);
    connect(m_fileWatcher, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
        for (TraceEntry& entry : m_entries) {
            if (QFileInfo(entry.trace->sourceFile()).absoluteFilePath() == path)
                entry.changedOnDisk = true;
        }
        Q_EMIT entriesChanged();
        Q_EMIT fileChangedOnDisk(path);
    });
}

TraceSession::~TraceSession()
{
    m_comparisonWatcher.waitForFinished();
}

std::vector<TracePtr> TraceSession::traces() const
{
    std::vector<TracePtr> result;
    for (const TraceEntry& entry : m_entries)
        result.push_back(entry.trace);
    return result;
}

bool TraceSession::isLoading() const
{
    return m_loadJob->isRunning();
}

void TraceSession::load(const QStringList& files, Arrival arrival)
{
    if (files.isEmpty())
        return;
    if (m_loadJob->isRunning()) {
        if (!m_pendingLoads.empty() && m_pendingLoads.back().arrival == arrival)
            m_pendingLoads.back().files += files;
        else
            m_pendingLoads.push_back({files, arrival});
        return;
    }
    m_loading = arrival;
    Q_EMIT loadStarted();
    m_loadJob->start(files);
}

void TraceSession::chooseTarget(const TracePtr& trace)
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].trace == trace) {
            setTarget(i);
            return;
        }
    }
}

void TraceSession::onLoaded(const std::vector<LoadResult>& results)
{
    LoadReport report;
    std::size_t newTarget = m_entries.size();
    const std::size_t firstNew = m_entries.size();
    const TracePtr previousTarget = m_entries.empty() ? nullptr : m_entries[m_targetIndex].trace;
    for (const LoadResult& result : results) {
        if (result.cancelled) {
            ++report.cancelled;
            continue;
        }
        if (!result.ok()) {
            report.errors << result.error;
            continue;
        }
        report.loadedFiles << result.file;
        m_fileWatcher->addPath(QFileInfo(result.file).absoluteFilePath());
        for (const TracePtr& trace : result.traces) {
            if (!m_reloadTargetFile.isEmpty() && trace->sourceFile() == m_reloadTargetFile)
                newTarget = m_entries.size();
            m_entries.push_back({trace, TraceColors[m_nextColor++ % std::size(TraceColors)], true, false});
        }
    }
    m_loadErrors += report.errors;
    if (!m_reloadTargetFile.isEmpty() && newTarget < m_entries.size())
        m_targetIndex = newTarget;
    else if (m_reloadTargetFile.isEmpty() && firstNew < m_entries.size())
        chooseTargetAfterLoad(firstNew, previousTarget);
    m_reloadTargetFile.clear();
    report.moreToLoad = !m_pendingLoads.empty();
    Q_EMIT entriesChanged();
    // A listener may restore a workspace's roles and compare; otherwise the session
    // compares what it has.
    const int started = m_comparisonsStarted;
    Q_EMIT loaded(report);
    if (started == m_comparisonsStarted)
        compare();
    if (!m_pendingLoads.empty()) {
        const PendingLoad next = m_pendingLoads.front();
        m_pendingLoads.erase(m_pendingLoads.begin());
        load(next.files, next.arrival);
    }
}

// The target once new traces are in (entries from `firstNew` on), said in a notice.
void TraceSession::chooseTargetAfterLoad(std::size_t firstNew, const TracePtr& previousTarget)
{
    const auto nameOf = [](const TracePtr& trace) { return QFileInfo(trace->sourceFile()).fileName(); };
    const std::size_t added = m_entries.size() - firstNew;
    TargetNotice notice;
    if (!previousTarget) {
        // The first traces of the session: the slowest request of them is the target.
        m_targetIndex = defaultTarget(firstNew);
        if (added > 1)
            notice.text = tr("%1 is the target: the slowest of the %2 traces opened. Choose another in the Traces panel.")
                              .arg(nameOf(m_entries[m_targetIndex].trace))
                              .arg(added);
    } else if (m_loading == Arrival::Live && !m_targetPinned) {
        // Received live: the newest trace is the target until the user chooses one.
        m_targetIndex = m_entries.size() - 1;
        notice.text = tr("%1 was just received and is now the target (the newest received trace is the target until you choose "
                         "one); %2 is a baseline.")
                          .arg(nameOf(m_entries[m_targetIndex].trace), nameOf(previousTarget));
        notice.undoTo = previousTarget;
    } else {
        // Opened into an open comparison: the target stays; the new traces are baselines.
        const std::size_t slowest = defaultTarget(firstNew);
        notice.text = tr("%n trace(s) added as baseline(s); the target is still %1.", nullptr, static_cast<int>(added))
                          .arg(nameOf(previousTarget));
        notice.offer = m_entries[slowest].trace;
    }
    Q_EMIT targetNotice(notice);
}

// Of the traces just loaded, the slowest run (by its request, see requestspan.h) of the most common root operation: open the
// spike and four normal runs in any order and the spike is the target. Traces of another
// request do not compete; the last one loaded wins ties.
std::size_t TraceSession::defaultTarget(std::size_t firstNew) const
{
    if (firstNew >= m_entries.size())
        return m_targetIndex;
    const auto rootOf = [this](std::size_t i) {
        const Trace& trace = *m_entries[i].trace;
        return trace.mainRoot() == NoSpan ? std::string() : trace.serviceText(trace.mainRoot()) + '\x1f' + trace.nameText(trace.mainRoot());
    };
    std::map<std::string, int> roots;
    for (std::size_t i = firstNew; i < m_entries.size(); ++i)
        ++roots[rootOf(i)];
    const std::string common = std::max_element(roots.begin(), roots.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    // The request's latency where there is one: background work after the answer varies on its own.
    const auto durationOf = [this](std::size_t i) {
        const Trace& trace = *m_entries[i].trace;
        const RequestSpan request = findRequestSpan(trace);
        return request.span == NoSpan ? trace.wallDurationNs() : request.durationNs(trace);
    };
    std::size_t slowest = m_entries.size() - 1;
    std::int64_t longest = -1;
    for (std::size_t i = firstNew; i < m_entries.size(); ++i) {
        if (rootOf(i) != common)
            continue;
        if (const std::int64_t duration = durationOf(i); duration >= longest) {
            longest = duration;
            slowest = i;
        }
    }
    return slowest;
}

void TraceSession::swapTarget(std::size_t entryIndex)
{
    if (entryIndex >= m_entries.size() || entryIndex == m_targetIndex)
        return;
    m_entries[m_targetIndex].included = true;
    setTarget(entryIndex);
}

void TraceSession::setTarget(std::size_t entryIndex)
{
    if (entryIndex >= m_entries.size())
        return;
    // Choosing a loaded trace as the target is a whole-trace comparison again.
    m_occurrences.reset();
    m_occurrenceSource.reset();
    m_targetIndex = entryIndex;
    m_targetPinned = true;
    m_entries[entryIndex].included = true;
    // The user chose: a notice of why another trace was the target would now be wrong.
    Q_EMIT targetNotice(TargetNotice());
    Q_EMIT entriesChanged();
    compare();
}

bool TraceSession::setIncluded(std::size_t entryIndex, bool included)
{
    if (entryIndex >= m_entries.size() || (entryIndex == m_targetIndex && !included)) {
        Q_EMIT entriesChanged();
        return false;
    }
    m_entries[entryIndex].included = included;
    Q_EMIT entriesChanged();
    compare();
    return true;
}

void TraceSession::setRoles(const std::vector<bool>& included, std::size_t targetIndex)
{
    Q_EMIT targetNotice({}); // roles restored from a workspace: nothing was chosen automatically
    if (m_occurrences) {
        m_occurrences.reset();
        m_occurrenceSource.reset();
        Q_EMIT occurrencesChanged();
    }
    for (std::size_t i = 0; i < m_entries.size() && i < included.size(); ++i)
        m_entries[i].included = included[i];
    if (targetIndex < m_entries.size()) {
        m_targetIndex = targetIndex;
        m_entries[targetIndex].included = true;
    }
    Q_EMIT entriesChanged();
}

void TraceSession::closeTrace(std::size_t entryIndex)
{
    if (entryIndex >= m_entries.size())
        return;
    const QString file = m_entries[entryIndex].trace->sourceFile();
    m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(entryIndex));
    Q_EMIT targetNotice({});
    const bool stillWatched = std::any_of(m_entries.begin(), m_entries.end(),
                                          [&file](const TraceEntry& e) { return e.trace->sourceFile() == file; });
    if (!stillWatched)
        m_fileWatcher->removePath(QFileInfo(file).absoluteFilePath());
    if (m_targetIndex == entryIndex) {
        m_targetIndex = m_entries.empty() ? 0 : m_entries.size() - 1;
        m_targetPinned = false;
    } else if (m_targetIndex > entryIndex) {
        --m_targetIndex;
    }
    Q_EMIT entriesChanged();
    compare();
}

void TraceSession::reloadTrace(std::size_t entryIndex)
{
    if (entryIndex >= m_entries.size())
        return;
    const QString file = m_entries[entryIndex].trace->sourceFile();
    if (m_entries[m_targetIndex].trace->sourceFile() == file)
        m_reloadTargetFile = file;
    // Remove every trace of that file, then load it again; the others stay as they are.
    for (std::size_t i = m_entries.size(); i-- > 0;) {
        if (m_entries[i].trace->sourceFile() == file) {
            m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(i));
            if (m_targetIndex > i)
                --m_targetIndex;
        }
    }
    m_targetIndex = std::min(m_targetIndex, m_entries.empty() ? 0 : m_entries.size() - 1);
    Q_EMIT entriesChanged();
    load({file});
}

void TraceSession::setExactNames(bool exact)
{
    if (exact == m_exactNames)
        return;
    m_exactNames = exact;
    compare();
}

// The comparison runs on a worker; listeners only ever see the finished result.
namespace {
// The comparison and everything the views derive from it, on a worker thread.
ComparisonOutcome compareTraces(const std::vector<TracePtr>& baselines, const TracePtr& target, const ComparisonSettings& settings);
} // namespace

void TraceSession::compare()
{
    ++m_comparisonsStarted;
    if (m_comparisonWatcher.isRunning()) {
        m_comparisonQueued = true;
        return;
    }
    if (m_occurrences && !occurrenceSourceEntry()) {
        // The trace the occurrences were cut from was closed or reloaded.
        m_occurrences.reset();
        m_occurrenceSource.reset();
        Q_EMIT occurrencesChanged();
    }
    if (m_entries.empty()) {
        m_outcome = {};
        m_comparedEntries.clear();
        Q_EMIT comparisonFinished();
        return;
    }
    std::vector<TracePtr> baselines;
    m_pendingComparedEntries.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (i != m_targetIndex && m_entries[i].included) {
            baselines.push_back(m_entries[i].trace);
            m_pendingComparedEntries.push_back(i);
        }
    }
    m_pendingComparedEntries.push_back(m_targetIndex);
    const TracePtr target = m_entries[m_targetIndex].trace;
    m_comparisonCancelled = false;
    ComparisonSettings settings;
    settings.exactNames = m_exactNames;
    Q_EMIT comparisonStarted();
    if (const auto source = occurrenceSourceEntry()) {
        // Every pane of this comparison shows a part of the one trace.
        m_pendingComparedEntries.assign(m_occurrences->baselines.size() + 1, *source);
        m_comparisonWatcher.setFuture(QtConcurrent::run([choice = *m_occurrences, trace = m_occurrenceSource, settings]() {
            const std::vector<TracePtr> source{trace};
            std::vector<TracePtr> parts = cutOccurrences(source, choice);
            const TracePtr target = parts.back();
            parts.pop_back();
            return compareTraces(parts, target, settings);
        }));
        return;
    }
    m_comparisonWatcher.setFuture(QtConcurrent::run([baselines, target, settings]() { return compareTraces(baselines, target, settings); }));
}

std::optional<std::size_t> TraceSession::occurrenceSourceEntry() const
{
    if (!m_occurrences)
        return std::nullopt;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].trace == m_occurrenceSource)
            return i;
    }
    return std::nullopt;
}

bool TraceSession::compareOccurrences(std::size_t entryIndex, const QString& pattern, SpanIndex holding)
{
    if (entryIndex >= m_entries.size())
        return false;
    const TracePtr trace = m_entries[entryIndex].trace;
    const std::vector<TracePtr> traces{trace};
    QString error;
    auto choice = chooseOccurrences(traces, pattern, {}, BaselineSelection::All, &error);
    if (!choice)
        return false;
    for (std::size_t i = 0; i < choice->occurrences.size(); ++i) {
        const SpanIndex root = choice->occurrences[i].span;
        if (holding >= root && holding < trace->subtreeEnd(root))
            *choice = retarget(*choice, i);
    }
    m_occurrences = std::move(choice);
    m_occurrenceSource = trace;
    Q_EMIT occurrencesChanged();
    compare();
    return true;
}

QString TraceSession::restoreOccurrences(std::size_t entryIndex, const QString& pattern, int target, BaselineSelection selection)
{
    if (entryIndex >= m_entries.size())
        return tr("the trace is not open");
    const TracePtr trace = m_entries[entryIndex].trace;
    const std::vector<TracePtr> traces{trace};
    QString error;
    auto choice = chooseOccurrences(traces, pattern, {TargetOccurrence::By::Index, target, 0}, selection, &error);
    if (!choice)
        return error;
    m_occurrences = std::move(choice);
    m_occurrenceSource = trace;
    Q_EMIT occurrencesChanged();
    compare();
    return {};
}

void TraceSession::retargetOccurrence(std::size_t occurrence)
{
    if (!m_occurrences || occurrence >= m_occurrences->occurrences.size() || occurrence == m_occurrences->target)
        return;
    m_occurrences = retarget(*m_occurrences, occurrence);
    Q_EMIT occurrencesChanged();
    compare();
}

void TraceSession::leaveOccurrences()
{
    if (!m_occurrences)
        return;
    m_occurrences.reset();
    m_occurrenceSource.reset();
    Q_EMIT occurrencesChanged();
    compare();
}

namespace {
ComparisonOutcome compareTraces(const std::vector<TracePtr>& baselines, const TracePtr& target, const ComparisonSettings& settings)
{
    ComparisonOutcome outcome;
    // The flame layouts need only the traces: a thread of their own makes them while
    // this one compares (a million spans take about as long for each).
    auto layouts = std::async(std::launch::async, [baselines, target] {
        std::vector<std::pair<const Trace*, std::shared_ptr<const IcicleLayout>>> made;
        for (const TracePtr& trace : baselines)
            made.emplace_back(trace.get(), std::make_shared<const IcicleLayout>(*trace));
        made.emplace_back(target.get(), std::make_shared<const IcicleLayout>(*target));
        return made;
    });
    auto comparison = std::make_shared<const Comparison>(baselines, target, settings);
    const auto made = layouts.get();
    for (const TracePtr& trace : comparison->alignment().traces()) {
        const auto found = std::find_if(made.begin(), made.end(), [&](const auto& m) { return m.first == trace.get(); });
        outcome.icicleLayouts.push_back(found != made.end() ? found->second : nullptr);
    }
    // The highlights and the statistics only read the finished comparison: two groupings are
    // made on a thread of their own while this one makes the rest (at 1M spans the three
    // took 50 ms of the 250 ms between loading and the first picture).
    const auto statisticsOf = [&comparison](StatisticsGrouping g) { return std::make_shared<const OperationStatistics>(*comparison, g); };
    auto pathAndLane = std::async(std::launch::async, [&statisticsOf] {
        return std::pair{statisticsOf(StatisticsGrouping::Path), statisticsOf(StatisticsGrouping::Lane)};
    });
    outcome.highlights = std::make_shared<const ComparisonHighlights>(*comparison);
    outcome.statistics[static_cast<std::size_t>(StatisticsGrouping::Operation)] = statisticsOf(StatisticsGrouping::Operation);
    std::tie(outcome.statistics[static_cast<std::size_t>(StatisticsGrouping::Path)],
             outcome.statistics[static_cast<std::size_t>(StatisticsGrouping::Lane)]) = pathAndLane.get();
    outcome.comparison = std::move(comparison);
    return outcome;
}
} // namespace

void TraceSession::cancel()
{
    if (m_loadJob->isRunning())
        m_loadJob->cancel();
    if (m_comparisonWatcher.isRunning()) {
        m_comparisonCancelled = true;
        m_comparisonQueued = false;
    }
}

void TraceSession::onComparisonDone()
{
    if (m_comparisonQueued) {
        m_comparisonQueued = false;
        compare();
        return;
    }
    if (m_comparisonCancelled) {
        Q_EMIT comparisonCancelled();
        return;
    }
    m_outcome = m_comparisonWatcher.result();
    m_comparedEntries = m_pendingComparedEntries;
    Q_EMIT comparisonFinished();
}

} // namespace tracedelta
