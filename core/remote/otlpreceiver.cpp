// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlpreceiver.h"

#include "httprequestparser.h"

#include "core/io/gzipinflater.h"
#include "core/io/jsonrecordreader.h"
#include "core/io/otlpprotobuf.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <optional>

namespace tracedelta {

namespace {

using nlohmann::json;

constexpr int IdleTimeoutMs = 60'000;

// gRPC status codes used in google.rpc.Status bodies.
constexpr int InvalidArgument = 3;
constexpr int ResourceExhausted = 8;
constexpr int Unimplemented = 12;
constexpr int NotFound = 5;

// The body's OTLP/JSON document, read once by the robust record reader: the resource blocks
// as the receiver keeps them (values nested too deeply cut off with a marker), or why it is
// not OTLP/JSON.
struct JsonBody
{
    nlohmann::json document = nlohmann::json::object();
    QString problem;
};

JsonBody readJsonBody(std::string_view text)
{
    JsonBody body;
    using Visit = JsonRecordReader::Visit;
    std::optional<JsonValueKind> rootKind;
    QStringList otherKeys;
    bool hasResourceSpans = false;
    const auto isBlock = [&](const JsonPath& path, JsonValueKind kind) {
        if (path.empty()) {
            rootKind = kind;
            return kind == JsonValueKind::Object ? Visit::Skip : Visit::Stop;
        }
        if (path.size() == 1) {
            if (path[0] != "resourceSpans") {
                if (otherKeys.size() < 5)
                    otherKeys << QString::fromStdString(path[0]);
                return Visit::Skip; // not walked into
            }
            hasResourceSpans = true;
            return kind == JsonValueKind::Array ? Visit::Skip : Visit::Capture;
        }
        return path.size() == 2 ? Visit::Capture : Visit::Skip;
    };
    json& blocks = body.document["resourceSpans"] = json::array();
    const auto onBlock = [&](json&& block, const JsonPath& path) {
        if (path.size() == 2)
            blocks.push_back(std::move(block));
        return true;
    };
    const JsonRecordReader::Result read = JsonRecordReader().read(text, isBlock, onBlock);
    if (rootKind && *rootKind != JsonValueKind::Object) {
        body.problem = QStringLiteral("the body is not OTLP/JSON: it is not a JSON object");
    } else if (!read.ok) {
        body.problem = QStringLiteral("the body is not OTLP/JSON: invalid JSON at %1: %2")
                           .arg(QString::fromStdString(describeOffset(text, read.errorOffset)), QString::fromStdString(read.errorMessage));
    } else if (!hasResourceSpans && !otherKeys.isEmpty()) {
        // {} is an empty export request; an object with none of OTLP's fields is a mistake
        // (a Jaeger or Zipkin document sent to the wrong port), said plainly.
        body.problem = QStringLiteral("the body is not OTLP/JSON: it has no resourceSpans (it has %1)").arg(otherKeys.join(QStringLiteral(", ")));
    }
    return body;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

} // namespace

bool parseListenAddress(const QString& text, QHostAddress& address, quint16& port)
{
    QString host = QStringLiteral("127.0.0.1");
    QString portText = text;
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        host = text.left(colon);
        portText = text.mid(colon + 1);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (host.isEmpty())
            host = QStringLiteral("127.0.0.1");
    }
    bool ok = false;
    const uint value = portText.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    port = static_cast<quint16>(value);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    return address.setAddress(host);
}

OtlpReceiver::OtlpReceiver(Settings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_server(new QTcpServer(this))
    , m_traces(std::make_unique<ReceivedTraces>(m_settings.traces))
{
    connect(m_server, &QTcpServer::newConnection, this, &OtlpReceiver::onNewConnection);
}

OtlpReceiver::~OtlpReceiver() = default;

QString OtlpReceiver::listen()
{
    if (m_server->isListening())
        return {};
    if (!m_server->listen(m_settings.address, m_settings.port))
        return tr("Cannot listen on %1:%2: %3").arg(m_settings.address.toString()).arg(m_settings.port).arg(m_server->errorString());
    return {};
}

void OtlpReceiver::stop()
{
    m_server->close();
    m_traces->completeAll();
}

bool OtlpReceiver::isListening() const
{
    return m_server->isListening();
}

quint16 OtlpReceiver::port() const
{
    return m_server->isListening() ? m_server->serverPort() : m_settings.port;
}

QString OtlpReceiver::endpoint() const
{
    const QString host = m_settings.address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(m_settings.address.toString())
        : m_settings.address.toString();
    return QStringLiteral("http://%1:%2/v1/traces").arg(host).arg(port());
}

void OtlpReceiver::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        auto parser = std::make_shared<HttpRequestParser>(m_settings.maxBodyBytes);
        auto* idle = new QTimer(socket);
        idle->setSingleShot(true);
        idle->setInterval(IdleTimeoutMs);
        connect(idle, &QTimer::timeout, socket, &QTcpSocket::disconnectFromHost);
        idle->start();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, parser, idle] {
            idle->start();
            HttpRequestParser::State state = parser->feed(socket->readAll());
            while (state == HttpRequestParser::State::Complete) {
                const HttpRequestParser::Request request = parser->take();
                const Response response =
                    handle(request.method, request.path, request.headers.value("content-type"),
                           request.headers.value("content-encoding"), request.body);
                Q_EMIT requestHandled(response.status, response.summary);
                send(socket, response, request.keepAlive);
                if (!request.keepAlive)
                    return;
                state = parser->state();
            }
            if (state == HttpRequestParser::State::Failed) {
                Response response;
                response.status = parser->failureStatus();
                response.contentType = "application/json";
                response.summary = QString::fromUtf8(parser->failureReason());
                response.body = QByteArray::fromStdString(
                    json{{"code", response.status == 413 ? ResourceExhausted : InvalidArgument},
                         {"message", parser->failureReason().toStdString()}}
                        .dump());
                Q_EMIT requestHandled(response.status, response.summary);
                send(socket, response, false);
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void OtlpReceiver::send(QTcpSocket* socket, const Response& response, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    socket->write(head + response.body);
    if (!keepAlive)
        socket->disconnectFromHost();
}

OtlpReceiver::Response OtlpReceiver::handle(const QByteArray& method, const QByteArray& path, const QByteArray& contentType,
                                            const QByteArray& contentEncoding, const QByteArray& body)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    const bool protobuf = type == "application/x-protobuf" || type == "application/protobuf";
    const bool jsonBody = type == "application/json";
    Response response;
    response.contentType = protobuf ? "application/x-protobuf" : "application/json";
    // Messages to the client are protocol text, in English whatever the window's language.
    const auto error = [&](int status, int code, const QString& message) {
        response.status = status;
        response.summary = message;
        response.body = protobuf ? QByteArray::fromStdString(otlpErrorStatusProtobuf(code, message.toStdString()))
                                 : QByteArray::fromStdString(json{{"code", code}, {"message", message.toStdString()}}.dump());
        return response;
    };

    if (path.split('?').first() != "/v1/traces")
        return error(404, NotFound, QStringLiteral("not found: this receiver takes traces at POST /v1/traces"));
    if (method != "POST")
        return error(405, Unimplemented, QStringLiteral("method not allowed: use POST"));
    if (!protobuf && !jsonBody)
        return error(415, InvalidArgument,
                     QStringLiteral("unsupported content type “%1”: send application/x-protobuf or application/json")
                         .arg(QString::fromUtf8(contentType)));

    // The inflater the file readers use: gzip or zlib ("deflate"), under the body limit.
    std::string inflated;
    std::string_view payload(body.constData(), static_cast<std::size_t>(body.size()));
    const QByteArray encoding = contentEncoding.trimmed().toLower();
    if (encoding == "gzip" || encoding == "deflate") {
        LoadLimits limits;
        limits.maxDecompressedBytes = m_settings.maxBodyBytes;
        GzipInflater inflater(limits);
        inflater.give(payload, true);
        constexpr std::size_t Step = std::size_t(64) << 10;
        while (inflater.problem().isEmpty() && !inflater.finished()) {
            const std::size_t at = inflated.size();
            inflated.resize(at + Step);
            inflated.resize(at + inflater.inflate(inflated.data() + at, Step));
        }
        if (inflater.failure() == GzipInflater::Failure::TooLarge)
            return error(413, ResourceExhausted,
                         QStringLiteral("the decompressed body exceeds the receiver's limit of %1 bytes").arg(m_settings.maxBodyBytes));
        if (inflater.failure() == GzipInflater::Failure::NotATrace)
            return error(400, InvalidArgument, QStringLiteral("the gzip body inflates to binary data that is neither JSON nor OTLP protobuf"));
        if (!inflater.problem().isEmpty())
            return error(400, InvalidArgument, QStringLiteral("the gzip body is corrupt or truncated"));
        payload = inflated;
    } else if (!encoding.isEmpty() && encoding != "identity") {
        return error(415, InvalidArgument,
                     QStringLiteral("unsupported content encoding “%1”: send gzip or none").arg(QString::fromUtf8(contentEncoding)));
    }

    json document;
    if (protobuf) {
        OtlpProtobufDocument decoded = decodeOtlpProtobufMessage(payload);
        if (!decoded.ok)
            return error(400, InvalidArgument, decoded.problem);
        document = std::move(decoded.document);
    } else {
        JsonBody read = readJsonBody(payload);
        if (!read.problem.isEmpty())
            return error(400, InvalidArgument, read.problem);
        document = std::move(read.document);
    }
    const ReceivedTraces::Accepted accepted = m_traces->add(document);
    response.status = 200;
    response.summary = accepted.rejected > 0
        ? tr("%1 span(s) accepted, %2 rejected: %3").arg(accepted.accepted).arg(accepted.rejected).arg(QString::fromStdString(accepted.rejectionReason))
        : tr("%n span(s) accepted", nullptr, static_cast<int>(accepted.accepted));
    if (protobuf) {
        response.body = QByteArray::fromStdString(otlpExportResponseProtobuf(accepted.rejected, accepted.rejectionReason));
    } else {
        json answer = json::object();
        if (accepted.rejected > 0)
            answer["partialSuccess"] = json{{"rejectedSpans", std::to_string(accepted.rejected)},
                                            {"errorMessage", accepted.rejectionReason}};
        response.body = QByteArray::fromStdString(answer.dump());
    }
    return response;
}

} // namespace tracedelta
