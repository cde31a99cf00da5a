// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceserver.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>

class QNetworkAccessManager;

namespace tracedelta {

// Fetches traces from a Jaeger, Tempo or Zipkin server (issue 14, work in progress):
// authentication (none, bearer token, basic, extra headers such as X-Scope-OrgID), a
// timeout, and one plain message per failure naming the server — 401/403, "trace … not
// found on SERVER", 429/5xx, DNS and TLS failures, a body that is not a trace.
struct ServerAuth
{
    QString bearerToken;
    QString user;
    QString password;
    QList<QPair<QByteArray, QByteArray>> headers;
};

struct FetchedTrace
{
    QString traceId;
    QByteArray body;     // the server's JSON, as a trace file holds it
    QString error;       // empty on success
    int httpStatus = 0;
};

class TraceServerClient : public QObject
{
    Q_OBJECT
public:
    TraceServerClient(TraceServer server, ServerAuth auth, QObject* parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Blocks in a local event loop (the command line); the window will use the signal form.
    FetchedTrace fetchTrace(const QString& traceId);

private:
    QString describeFailure(int status, const QByteArray& body, const QString& networkError, const QString& traceId) const;

    TraceServer m_server;
    ServerAuth m_auth;
    QNetworkAccessManager* m_network;
    int m_timeoutMs = 30'000;
};

} // namespace tracedelta
