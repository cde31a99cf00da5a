// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadjob.h"

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
    const LoadLimits limits = LoadLimitsDialog::savedLoadLimits();
    m_watcher.setFuture(QtConcurrent::run([files, state = m_state, limits] {
        std::vector<LoadResult> results;
        for (int i = 0; i < files.size(); ++i) {
            if (state->cancel.load())
                break;
            state->fileIndex.store(i);
            LoadControl control;
            control.cancel = &state->cancel;
            control.limits = limits;
            control.progress = [&state, i, count = files.size()](std::int64_t done, std::int64_t total) {
                state->permille.store(static_cast<int>((1000.0 * i + 1000.0 * done / std::max<std::int64_t>(total, 1)) / count));
            };
            results.push_back(loadTraceFile(files[i], &control));
        }
        return results;
    }));
    m_progressTimer->start();
}

void LoadJob::reportProgress()
{
    if (!m_state)
        return;
    const int permille = m_state->permille.load();
    const int index = std::clamp(m_state->fileIndex.load(), 0, static_cast<int>(std::max<qsizetype>(m_files.size(), 1)) - 1);
    if (permille == m_reportedPermille || m_files.isEmpty())
        return;
    m_reportedPermille = permille;
    Q_EMIT progress(permille, m_files[index]);
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
