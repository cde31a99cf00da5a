// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceserver.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>

#include <atomic>

class QNetworkAccessManager;

namespace tracedelta {

// Authentication for a server: none, a bearer token or user/password (basic), plus extra
// headers such as X-Scope-OrgID. Secrets come from the environment (command line) or the
// desktop keyring (window), never from settings files.
struct ServerAuth
{
    QString bearerToken;
    QString user;
    QString password;
    QList<QPair<QByteArray, QByteArray>> headers;

    // "Name: value" lines, as TRACEDELTA_HEADERS and the dialog take them.
    static QList<QPair<QByteArray, QByteArray>> parseHeaders(const QString& lines);
    // TRACEDELTA_TOKEN, TRACEDELTA_USER, TRACEDELTA_PASSWORD, TRACEDELTA_HEADERS.
    static ServerAuth fromEnvironment();
};

struct FetchedTrace
{
    QString traceId;
    QByteArray body;     // a trace file's content (v2/v3 wrappers removed)
    QString error;       // empty on success
    int httpStatus = 0;
};

struct SearchAnswer
{
    std::vector<FoundTrace> traces;
    QString error;
};

struct NamesAnswer
{
    QStringList names;
    QString error;
};

// Talks to a Jaeger, Tempo or Zipkin server: a trace by id, a search, the services and
// operations lists. Every failure becomes one plain message naming the server — 401/403,
// "trace … not found on SERVER", 429/5xx, DNS and TLS failures, no answer in time, a web
// page or a body that is not the expected JSON.
//
// Calls block in a local event loop, so they suit the command line and worker threads
// (create the client on the thread that uses it). A cancel flag set from any thread
// aborts the request in flight within 50 ms.
class TraceServerClient : public QObject
{
    Q_OBJECT
public:
    TraceServerClient(TraceServer server, ServerAuth auth, QObject* parent = nullptr);

    const TraceServer& server() const { return m_server; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setCancelFlag(const std::atomic<bool>* cancel) { m_cancel = cancel; }
    // Trusts the PEM certificates in `path` besides the system's; false with a message
    // when the file holds none.
    bool setCaFile(const QString& path, QString& error);

    FetchedTrace fetchTrace(const QString& traceId);
    SearchAnswer search(const TraceSearch& search);
    NamesAnswer services();
    NamesAnswer operations(const QString& service);

    bool cancelled() const { return m_cancel && m_cancel->load(); }
    QString serverName() const;

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QString error; // transport failure or HTTP status, already worded
    };
    Answer get(const QUrl& url, const QString& traceId);
    QString describeFailure(int status, const QByteArray& body, const QString& traceId) const;

    TraceServer m_server;
    ServerAuth m_auth;
    QNetworkAccessManager* m_network;
    QString m_caFile;
    int m_timeoutMs = 30'000;
    const std::atomic<bool>* m_cancel = nullptr;
};

} // namespace tracedelta
