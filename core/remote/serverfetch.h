// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "baselinefinder.h"
#include "traceserverclient.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace tracedelta {

// The steps of opening traces from a server, written to run on a worker thread (each
// call makes its own client there): fetch traces by id into the server-trace folder, and
// fetch a target and find its baselines. Cancel through the flag; progress through the
// callback (called on the worker thread).
struct ServerConnection
{
    TraceServer server;
    ServerAuth auth;
    QString caFile;
    int timeoutMs = 30'000;
};

struct StoredTrace
{
    QString traceId;
    QString path;  // the stored file, empty on failure
    QString error;
};

using FetchProgress = std::function<void(int done, int total, const QString& traceId)>;

// One result per id, in order; a failed id does not stop the others.
std::vector<StoredTrace> fetchAndStore(const ServerConnection& connection, const QStringList& ids, const QString& folder,
                                       const std::atomic<bool>* cancel, const FetchProgress& progress);

struct TargetSearch
{
    StoredTrace target;
    TraceSearch search; // what was (or would be) searched; service/operation from the target
    BaselineFinding finding;
};

// Fetches the target, reads its root service and operation (unless `service` is given)
// and searches `windowNs` before it for `count` baselines.
TargetSearch fetchTargetAndFindBaselines(const ServerConnection& connection, const QString& targetId, int count,
                                         std::int64_t windowNs, const QString& service, const QString& operation,
                                         const QString& folder, const std::atomic<bool>* cancel);

struct ServerNames
{
    QStringList names;
    QString error;
};
// The server's services, or the operations of `service` when it is not empty.
ServerNames listNames(const ServerConnection& connection, const QString& service, const std::atomic<bool>* cancel);

} // namespace tracedelta
