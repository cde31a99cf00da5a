// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/traceloader.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace tracedelta {

// Loads files on a worker thread; results arrive whole on the GUI thread.
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
    // Permille of the bytes parsed so far across all files, and the file being read.
    void progress(int permille, const QString& file);
    void finished(const std::vector<tracedelta::LoadResult>& results);

private:
    QFutureWatcher<std::vector<LoadResult>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace tracedelta
