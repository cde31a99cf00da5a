// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceserver.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace tracedelta {

// Where traces fetched from a server are kept so they load like files: one folder per
// server (`<root>/<host>-<port>-<hash>/<trace id>.json`) with a `server.json` that names
// the server, so a loaded file can show — and a workspace can record — its server and id.
struct ServerTraceOrigin
{
    TraceServer server;
    QString traceId;
};

// QStandardPaths' cache location + "/server-traces".
QString defaultServerTraceFolder();

// Writes atomically; returns the file's path, or an empty string and `error`.
QString storeServerTrace(const QString& root, const TraceServer& server, const QString& traceId, const QByteArray& body,
                         QString& error);

// The server and id of a file stored by storeServerTrace(); nothing for other files.
std::optional<ServerTraceOrigin> serverTraceOrigin(const QString& path);

// "Jaeger localhost:16686 · trace 4bf92f3577b34da6a3ce929d0e0e4736" for tooltips and
// reports; `shortId` cuts the id to its first 8 digits for narrow labels.
QString describeOrigin(const ServerTraceOrigin& origin, bool shortId = false);

// How a trace's source is named in the window and in reports: the server and a short id
// for a fetched trace, else the file name.
QString sourceDisplayName(const QString& sourceFile);

} // namespace tracedelta
