// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceserverclient.h"

#include "serverresponses.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

namespace tracedelta {

QList<QPair<QByteArray, QByteArray>> ServerAuth::parseHeaders(const QString& lines)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QString& line : lines.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            headers << qMakePair(line.left(colon).trimmed().toUtf8(), line.mid(colon + 1).trimmed().toUtf8());
    }
    return headers;
}

ServerAuth ServerAuth::fromEnvironment()
{
    ServerAuth auth;
    auth.bearerToken = qEnvironmentVariable("TRACEDELTA_TOKEN");
    auth.user = qEnvironmentVariable("TRACEDELTA_USER");
    auth.password = qEnvironmentVariable("TRACEDELTA_PASSWORD");
    auth.headers = parseHeaders(qEnvironmentVariable("TRACEDELTA_HEADERS"));
    return auth;
}

TraceServerClient::TraceServerClient(TraceServer server, ServerAuth auth, QObject* parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_auth(std::move(auth))
    , m_network(new QNetworkAccessManager(this))
{
}

QString TraceServerClient::serverName() const
{
    return m_server.base.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

bool TraceServerClient::setCaFile(const QString& path, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = tr("%1: cannot read the CA file: %2").arg(path, file.errorString());
        return false;
    }
    if (QSslCertificate::fromData(file.readAll(), QSsl::Pem).isEmpty()) {
        error = tr("%1: no PEM certificate in the CA file").arg(path);
        return false;
    }
    m_caFile = path;
    return true;
}

TraceServerClient::Answer TraceServerClient::get(const QUrl& url, const QString& traceId)
{
    Answer answer;
    if (cancelled()) {
        answer.error = tr("cancelled");
        return answer;
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!m_auth.bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_auth.bearerToken.toUtf8());
    else if (!m_auth.user.isEmpty())
        request.setRawHeader("Authorization", "Basic " + (m_auth.user + QLatin1Char(':') + m_auth.password).toUtf8().toBase64());
    for (const auto& [name, value] : m_auth.headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(m_timeoutMs);
    if (!m_caFile.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        QFile file(m_caFile);
        if (file.open(QIODevice::ReadOnly))
            tls.addCaCertificates(QSslCertificate::fromData(file.readAll(), QSsl::Pem));
        request.setSslConfiguration(tls);
    }

    QNetworkReply* reply = m_network->get(request);
    QStringList tlsProblems;
    connect(reply, &QNetworkReply::sslErrors, this, [&tlsProblems](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            tlsProblems << e.errorString();
    });
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    bool userCancelled = false;
    QTimer poll; // the cancel flag and the overall deadline (a server that trickles bytes)
    QElapsedTimer clock;
    clock.start();
    connect(&poll, &QTimer::timeout, reply, [&] {
        if (cancelled()) {
            userCancelled = true;
            reply->abort();
        } else if (clock.elapsed() > m_timeoutMs + 1000) {
            reply->abort();
        }
    });
    poll.start(50);
    if (!reply->isFinished())
        loop.exec();
    poll.stop();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        answer.body = reply->readAll();
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorString = reply->errorString();
    reply->deleteLater();
    const QString server = serverName();
    if (userCancelled) {
        answer.error = tr("cancelled");
    } else if (error == QNetworkReply::SslHandshakeFailedError || !tlsProblems.isEmpty()) {
        answer.error = tr("%1: the TLS connection failed (%2); if the server uses a private certificate authority, "
                          "give its certificate as the CA file")
                           .arg(server, tlsProblems.isEmpty() ? errorString : tlsProblems.join(QStringLiteral("; ")));
    } else if (error == QNetworkReply::HostNotFoundError) {
        answer.error = tr("%1: host not found (DNS)").arg(server);
    } else if (error == QNetworkReply::ConnectionRefusedError) {
        answer.error = tr("%1: connection refused: is the server running, and is the port right?").arg(server);
    } else if (error != QNetworkReply::NoError && answer.status == 0) {
        const bool timedOut = error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
        answer.error = timedOut ? tr("%1: no answer within %2 s").arg(server).arg(m_timeoutMs / 1000.0)
                                : tr("%1: %2").arg(server, errorString);
    } else {
        answer.error = describeFailure(answer.status, answer.body, traceId);
    }
    if (!answer.error.isEmpty())
        answer.body.clear();
    return answer;
}

QString TraceServerClient::describeFailure(int status, const QByteArray& body, const QString& traceId) const
{
    const QString server = serverName();
    if (status == 401 || status == 403)
        return tr("%1 refused the request (HTTP %2): check the token, user and password, or the tenant header")
            .arg(server)
            .arg(status);
    if (status == 404)
        return traceId.isEmpty() ? tr("%1 has no such API (HTTP 404): is the server kind right?").arg(server)
                                 : tr("trace %1 not found on %2").arg(traceId, server);
    if (status == 429 || status >= 500)
        return tr("%1 is busy or failing (HTTP %2); try again later").arg(server).arg(status);
    if (status != 200)
        return tr("%1 answered HTTP %2").arg(server).arg(status);
    const QByteArray start = body.trimmed().left(64).toLower();
    if (start.startsWith('<'))
        return tr("%1 answered with a web page, not a trace: is the URL the API's (e.g. http://host:16686 for Jaeger, "
                  "http://host:3200 for Tempo, http://host:9411 for Zipkin)?")
            .arg(server);
    if (!start.startsWith('{') && !start.startsWith('['))
        return tr("%1 answered with something that is not JSON").arg(server);
    return {};
}

FetchedTrace TraceServerClient::fetchTrace(const QString& traceId)
{
    FetchedTrace result;
    result.traceId = traceId;
    Answer answer = get(traceUrl(m_server, traceId), traceId);
    result.httpStatus = answer.status;
    result.error = answer.error;
    if (result.error.isEmpty()) {
        QString problem;
        result.body = traceFileFromBody(m_server.kind, answer.body, problem);
        if (!problem.isEmpty())
            result.error = tr("%1: trace %2: %3").arg(serverName(), traceId, problem);
    }
    return result;
}

SearchAnswer TraceServerClient::search(const TraceSearch& search)
{
    SearchAnswer result;
    const Answer answer = get(searchUrl(m_server, search), QString());
    result.error = answer.error;
    if (result.error.isEmpty()) {
        QString problem;
        result.traces = parseSearchResults(m_server.kind, answer.body, problem);
        if (!problem.isEmpty())
            result.error = tr("%1: search: %2").arg(serverName(), problem);
    }
    return result;
}

NamesAnswer TraceServerClient::services()
{
    NamesAnswer result;
    const Answer answer = get(servicesUrl(m_server), QString());
    result.error = answer.error;
    if (result.error.isEmpty()) {
        QString problem;
        result.names = parseNameList(answer.body, problem);
        if (!problem.isEmpty())
            result.error = tr("%1: services: %2").arg(serverName(), problem);
    }
    return result;
}

NamesAnswer TraceServerClient::operations(const QString& service)
{
    NamesAnswer result;
    const Answer answer = get(operationsUrl(m_server, service), QString());
    result.error = answer.error;
    if (result.error.isEmpty()) {
        QString problem;
        result.names = parseNameList(answer.body, problem);
        if (!problem.isEmpty())
            result.error = tr("%1: operations of %2: %3").arg(serverName(), service, problem);
    }
    return result;
}

} // namespace tracedelta
