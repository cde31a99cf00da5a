// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadjob.h"

#include "core/io/parallelloader.h"

#include "dialogs/loadlimitsdialog.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tracedelta {

LoadJob::LoadJob(QObject* parent)
    : QObject(parent)
    , m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(50);
    connect(m_progressTimer, &QTimer::timeout, this, &LoadJob::reportProgress);
    connect(&m_watcher, &QFutureWatcher<std::vector<LoadResult>>::finished, this, [this] {
        m_progressTimer->stop();
        reportProgress();
        Q_EMIT finished(m_watcher.result());
    });
}

LoadJob::~LoadJob()
{
    cancel();
    m_watcher.waitForFinished();
}

void LoadJob::start(const QStringList& files)
{
    m_state = std::make_shared<SharedState>();
    m_files = files;
    m_reportedPermille = -1;
    m_reportedSpans = -1;
    const LoadLimits limits = LoadLimitsDialog::savedLoadLimits();
    // All files at once, one worker per core; each file's share of the bar is its bytes read.
    m_watcher.setFuture(QtConcurrent::run([files, state = m_state, limits] {
        LoadControl control;
        control.cancel = &state->cancel;
        control.spansRead = &state->spans;
        control.limits = limits;
        auto fileProgress = std::make_unique<std::atomic<int>[]>(static_cast<std::size_t>(files.size()));
        const auto count = static_cast<int>(files.size());
        return loadTraceFiles(files, control, [&state, &fileProgress, count](int i, std::int64_t done, std::int64_t total) {
            const int permille = static_cast<int>(1000.0 * done / std::max<std::int64_t>(total, 1));
            fileProgress[static_cast<std::size_t>(i)].store(permille);
            int sum = 0;
            int firstUnfinished = -1;
            for (int k = 0; k < count; ++k) {
                const int p = fileProgress[static_cast<std::size_t>(k)].load();
                sum += p;
                if (firstUnfinished < 0 && p < 1000)
                    firstUnfinished = k;
            }
            state->permille.store(sum / std::max(count, 1));
            state->fileIndex.store(std::max(firstUnfinished, 0));
        });
    }));
    m_progressTimer->start();
}

void LoadJob::reportProgress()
{
    if (!m_state)
        return;
    const int permille = m_state->permille.load();
    const int index = std::clamp(m_state->fileIndex.load(), 0, static_cast<int>(std::max<qsizetype>(m_files.size(), 1)) - 1);
    const qint64 spans = m_state->spans.load();
    if ((permille == m_reportedPermille && spans == m_reportedSpans) || m_files.isEmpty())
        return;
    m_reportedPermille = permille;
    m_reportedSpans = spans;
    Q_EMIT progress(permille, m_files[index], spans);
}

void LoadJob::cancel()
{
    if (m_state)
        m_state->cancel.store(true);
}

bool LoadJob::isRunning() const
{
    return m_watcher.isRunning();
}

} // namespace tracedelta
