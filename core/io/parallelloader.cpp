// SPDX-License-Identifier: GPL-3.0-or-later
#include "parallelloader.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <thread>

namespace tracedelta {

std::vector<LoadResult> loadTraceFiles(const QStringList& files, const LoadControl& control, const FileProgress& progress)
{
    std::vector<LoadResult> results(static_cast<std::size_t>(files.size()));
    std::atomic<int> next{0};
    const auto work = [&] {
        for (int i = next++; i < files.size(); i = next++) {
            LoadControl own = control;
            own.progress = nullptr;
            if (progress)
                own.progress = [&progress, i](std::int64_t done, std::int64_t total) { progress(i, done, total); };
            if (control.cancelled()) {
                LoadResult& never = results[static_cast<std::size_t>(i)];
                never.file = files[i];
                never.cancelled = true;
                never.error = QStringLiteral("%1: %2").arg(files[i], QCoreApplication::translate("TraceLoader", "loading was cancelled"));
                continue;
            }
            results[static_cast<std::size_t>(i)] = loadTraceFile(files[i], &own);
            if (progress)
                progress(i, 1, 1);
        }
    };
    const int workers = static_cast<int>(std::min<qsizetype>(files.size(), std::max(1u, std::thread::hardware_concurrency())));
    std::vector<std::thread> threads;
    for (int w = 1; w < workers; ++w)
        threads.emplace_back(work);
    work(); // this thread is one of the workers
    for (std::thread& t : threads)
        t.join();
    return results;
}

} // namespace tracedelta
