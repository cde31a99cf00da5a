// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A stand-in for a tracing backend (Jaeger, Tempo, Zipkin) on 127.0.0.1 for the server
// tests, and helpers that build real-looking answers from ../shared/traces.

#include "core/remote/traceserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

namespace tracedelta::test {


// A stand-in for a tracing backend on 127.0.0.1: answers each path with a canned status
// and body (real response bodies from ../shared/traces) and records what it was sent.
class FakeServer : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        bool silent = false; // never answers
    };
    QMap<QByteArray, Answer> answers;
    QList<QByteArray> requests; // request line + headers

    explicit FakeServer(const QSslConfiguration* tls = nullptr)
    {
        if (tls) {
            auto* secure = new QSslServer(this);
            secure->setSslConfiguration(*tls);
            m_server = secure;
        } else {
            m_server = new QTcpServer(this);
        }
        m_server->listen(QHostAddress::LocalHost, 0);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    const QByteArray& buffer = m_buffers[socket];
                    if (!buffer.contains("\r\n\r\n"))
                        return;
                    requests << buffer;
                    const QByteArray target = buffer.split(' ').value(1);
                    const QByteArray path = target.split('?').first();
                    queries << QUrlQuery(QString::fromLatin1(target.mid(path.size() + 1)));
                    const Answer answer = answers.value(path, Answer{404, "{\"errors\":[{\"code\":404,\"msg\":\"trace not found\"}]}"});
                    if (answer.silent)
                        return;
                    socket->write("HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\nContent-Type: application/json\r\n"
                                  "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" + answer.body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(qobject_cast<QSslServer*>(m_server) ? "https" : "http").arg(m_server->serverPort()));
    }
    QList<QUrlQuery> queries; // of each request, in order

private:
    QTcpServer* m_server = nullptr;
    QMap<QTcpSocket*, QByteArray> m_buffers;
};

inline QByteArray shared(const char* path)
{
    QFile file(QStringLiteral(TRACEDELTA_SOURCE_DIR "/../shared/traces/") + QLatin1String(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline tracedelta::FoundTrace foundTrace(const QString& id, std::int64_t durationNs, bool error = false)
{
    tracedelta::FoundTrace t;
    t.traceId = id;
    t.durationNs = durationNs;
    t.error = error;
    return t;
}

inline QJsonObject jsonObject(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

inline QString hexId(int n, QChar prefix)
{
    return QString(prefix) + QStringLiteral("%1").arg(n, 31, 16, QLatin1Char('0'));
}

// A copy of a real Jaeger trace under a new id, every span stretched by `factor` around
// the trace's start (so its duration is the original's × factor); `error` tags the root span.
inline QJsonObject stretchedJaegerTrace(QJsonObject trace, const QString& id, double factor, bool error)
{
    QJsonArray spans = trace.value(QStringLiteral("spans")).toArray();
    qint64 start = std::numeric_limits<qint64>::max();
    for (const QJsonValue& span : spans)
        start = std::min(start, span[QStringLiteral("startTime")].toInteger());
    for (qsizetype i = 0; i < spans.size(); ++i) {
        QJsonObject span = spans[i].toObject();
        span[QStringLiteral("traceID")] = id;
        span[QStringLiteral("startTime")] = start + qRound64((span[QStringLiteral("startTime")].toInteger() - start) * factor);
        span[QStringLiteral("duration")] = qRound64(span[QStringLiteral("duration")].toInteger() * factor);
        if (error && span[QStringLiteral("references")].toArray().isEmpty()) {
            QJsonArray tags = span[QStringLiteral("tags")].toArray();
            tags.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("error")}, {QStringLiteral("type"), QStringLiteral("bool")},
                                    {QStringLiteral("value"), true}});
            span[QStringLiteral("tags")] = tags;
        }
        spans[i] = span;
    }
    trace[QStringLiteral("traceID")] = id;
    trace[QStringLiteral("spans")] = spans;
    return trace;
}

inline QByteArray jaegerEnvelope(const QJsonArray& traces)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), traces}}).toJson(QJsonDocument::Compact);
}

} // namespace tracedelta::test

namespace tracedelta::test {

// Thirty traces of one operation on a stand-in Jaeger server — copies of a real trace
// stretched to known durations: 24 normal (±0 … ±11 %), 3 with a failed root, 2 outliers
// (×9, ×0.05) and the slow target (×1.5) — answering /api/traces/{id} and the search.
// Returns the target's id; the six closest to the median are hexId(0…5, 'b').
inline QString serveJaegerFamily(FakeServer& server, const QJsonObject& realTrace)
{
    QJsonArray searchAnswer;
    const auto add = [&](const QString& id, double factor, bool error) {
        const QJsonObject trace = stretchedJaegerTrace(realTrace, id, factor, error);
        searchAnswer.append(trace);
        server.answers["/api/traces/" + id.toLatin1()] = {200, jaegerEnvelope({trace})};
    };
    for (int i = 0; i < 24; ++i)
        add(hexId(i, QLatin1Char('b')), 1.0 + (i % 2 ? 1 : -1) * (i / 2) * 0.01, false);
    for (int i = 0; i < 3; ++i)
        add(hexId(i, QLatin1Char('e')), 1.0, true);
    add(hexId(1, QLatin1Char('f')), 9.0, false);
    add(hexId(2, QLatin1Char('f')), 0.05, false);
    const QString targetId = hexId(7, QLatin1Char('c'));
    add(targetId, 1.5, false);
    server.answers["/api/traces"] = {200, jaegerEnvelope(searchAnswer)};
    return targetId;
}

} // namespace tracedelta::test
