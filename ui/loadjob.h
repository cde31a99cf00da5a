// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/traceloader.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <memory>

namespace tracedelta {

// Loads files on a worker thread; results arrive whole on the GUI thread. The worker only
// writes atomics (progress, which file) that a GUI-thread timer reads: no object of the GUI
// thread is touched from the worker.
class LoadJob : public QObject
{
    Q_OBJECT
public:
    explicit LoadJob(QObject* parent = nullptr);
    ~LoadJob() override;

    void start(const QStringList& files);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    // Permille of the bytes parsed so far across all files, the file being read, and the
    // spans (Chrome: events) read so far across all files.
    void progress(int permille, const QString& file, qint64 spans);
    void finished(const std::vector<tracedelta::LoadResult>& results);

private:
    struct SharedState
    {
        std::atomic<bool> cancel{false};
        std::atomic<int> permille{0};
        std::atomic<int> fileIndex{0};
        std::atomic<std::int64_t> spans{0};
    };

    void reportProgress();

    QFutureWatcher<std::vector<LoadResult>> m_watcher;
    std::shared_ptr<SharedState> m_state;
    QStringList m_files;
    QTimer* m_progressTimer = nullptr;
    int m_reportedPermille = -1;
    qint64 m_reportedSpans = -1;
};

} // namespace tracedelta
