// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadjob.h"

#include "dialogs/loadlimitsdialog.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace tracedelta {

LoadJob::LoadJob(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<std::vector<LoadResult>>::finished, this,
            [this] { Q_EMIT finished(m_watcher.result()); });
}

LoadJob::~LoadJob()
{
    cancel();
    m_watcher.waitForFinished();
}

void LoadJob::start(const QStringList& files)
{
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancel;
    QPointer<LoadJob> self(this);
    const LoadLimits limits = LoadLimitsDialog::savedLoadLimits();
    m_watcher.setFuture(QtConcurrent::run([files, cancelFlag, self, limits] {
        std::vector<LoadResult> results;
        for (int i = 0; i < files.size(); ++i) {
            LoadControl control;
            control.cancel = cancelFlag.get();
            control.limits = limits;
            const QString file = files[i];
            control.progress = [self, i, count = files.size(), file](std::int64_t done, std::int64_t total) {
                const int permille = static_cast<int>((1000.0 * i + 1000.0 * done / std::max<std::int64_t>(total, 1)) / count);
                QMetaObject::invokeMethod(self.data(), [self, permille, file] {
                    if (self)
                        Q_EMIT self->progress(permille, file);
                }, Qt::QueuedConnection);
            };
            if (cancelFlag->load())
                break;
            results.push_back(loadTraceFile(file, &control));
        }
        return results;
    }));
}

void LoadJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool LoadJob::isRunning() const
{
    return m_watcher.isRunning();
}

} // namespace tracedelta
