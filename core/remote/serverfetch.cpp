// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverfetch.h"

#include "servertracestore.h"

#include "core/io/traceloader.h"

#include <QCoreApplication>

#include <memory>

namespace tracedelta {

namespace {

struct ServerFetchText
{
    Q_DECLARE_TR_FUNCTIONS(ServerFetch)
};

std::unique_ptr<TraceServerClient> makeClient(const ServerConnection& connection, const std::atomic<bool>* cancel, QString& error)
{
    auto client = std::make_unique<TraceServerClient>(connection.server, connection.auth);
    client->setTimeoutMs(connection.timeoutMs);
    client->setCancelFlag(cancel);
    if (!connection.caFile.isEmpty() && !client->setCaFile(connection.caFile, error))
        return nullptr;
    return client;
}

StoredTrace fetchOne(TraceServerClient& client, const QString& id, const QString& folder)
{
    StoredTrace stored;
    stored.traceId = id;
    const FetchedTrace fetched = client.fetchTrace(id);
    if (!fetched.error.isEmpty()) {
        stored.error = fetched.error;
        return stored;
    }
    stored.path = storeServerTrace(folder, client.server(), id, fetched.body, stored.error);
    return stored;
}

} // namespace

std::vector<StoredTrace> fetchAndStore(const ServerConnection& connection, const QStringList& ids, const QString& folder,
                                       const std::atomic<bool>* cancel, const FetchProgress& progress)
{
    std::vector<StoredTrace> results;
    QString error;
    const auto client = makeClient(connection, cancel, error);
    for (int i = 0; i < ids.size(); ++i) {
        if (progress)
            progress(i, static_cast<int>(ids.size()), ids[i]);
        if (!client) {
            results.push_back({ids[i], QString(), error});
            continue;
        }
        if (client->cancelled()) {
            results.push_back({ids[i], QString(), ServerFetchText::tr("cancelled")});
            continue;
        }
        results.push_back(fetchOne(*client, ids[i], folder));
    }
    if (progress)
        progress(static_cast<int>(ids.size()), static_cast<int>(ids.size()), QString());
    return results;
}

TargetSearch fetchTargetAndFindBaselines(const ServerConnection& connection, const QString& targetId, int count,
                                         std::int64_t windowNs, const QString& service, const QString& operation,
                                         const QString& folder, const std::atomic<bool>* cancel)
{
    TargetSearch result;
    result.target.traceId = targetId;
    QString error;
    const auto client = makeClient(connection, cancel, error);
    if (!client) {
        result.target.error = error;
        return result;
    }
    result.target = fetchOne(*client, targetId, folder);
    if (result.target.path.isEmpty())
        return result;
    const LoadResult loaded = loadTraceFile(result.target.path);
    if (!loaded.ok() || loaded.traces.empty()) {
        result.target.error = loaded.error.isEmpty() ? ServerFetchText::tr("trace %1 holds no spans").arg(targetId) : loaded.error;
        result.target.path.clear();
        return result;
    }
    result.search = baselineSearchFor(*loaded.traces.front(), windowNs, count);
    if (!service.isEmpty()) {
        result.search.service = service;
        result.search.operation = operation;
    }
    result.finding = findBaselines(*client, result.search, targetId, count);
    return result;
}

ServerNames listNames(const ServerConnection& connection, const QString& service, const std::atomic<bool>* cancel)
{
    ServerNames result;
    const auto client = makeClient(connection, cancel, result.error);
    if (!client)
        return result;
    const NamesAnswer answer = service.isEmpty() ? client->services() : client->operations(service);
    result.names = answer.names;
    result.error = answer.error;
    return result;
}

} // namespace tracedelta
