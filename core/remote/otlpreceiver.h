// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "receivedtraces.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace tracedelta {

class HttpRequestParser;

// "127.0.0.1:4318", "[::1]:4318", ":4318", "localhost:4318" or "4318" (host 127.0.0.1);
// false when it is not an address and port.
bool parseListenAddress(const QString& text, QHostAddress& address, quint16& port);

// An OTLP/HTTP trace receiver: POST /v1/traces with protobuf or JSON bodies, optionally
// gzip-encoded, answered as the OTLP specification says (200 with partial success when
// spans were dropped, 400 for a body that is not OTLP, 413 over the size limit, 415 for
// another content type or encoding, each with a google.rpc.Status message). Spans go to
// ReceivedTraces; a bad request never stops the receiver serving the next one.
class OtlpReceiver : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 4318;
        std::int64_t maxBodyBytes = 64LL * 1024 * 1024; // after decompression too
        ReceivedTraces::Settings traces;
    };

    explicit OtlpReceiver(Settings settings, QObject* parent = nullptr);
    ~OtlpReceiver() override;

    // Empty on success, else why not (port in use, address not available).
    QString listen();
    void stop();
    bool isListening() const;
    quint16 port() const;
    QString endpoint() const; // "http://127.0.0.1:4318/v1/traces"
    ReceivedTraces* traces() const { return m_traces.get(); }

    struct Response
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QString summary; // for the log: "12 spans accepted" / the error message
    };
    // The OTLP semantics, without sockets (also for tests).
    Response handle(const QByteArray& method, const QByteArray& path, const QByteArray& contentType,
                    const QByteArray& contentEncoding, const QByteArray& body);

Q_SIGNALS:
    void requestHandled(int status, const QString& summary);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void send(QTcpSocket* socket, const Response& response, bool keepAlive);

    Settings m_settings;
    QTcpServer* m_server;
    std::unique_ptr<ReceivedTraces> m_traces;
};

} // namespace tracedelta
