// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceserverclient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace tracedelta {

TraceServerClient::TraceServerClient(TraceServer server, ServerAuth auth, QObject* parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_auth(std::move(auth))
    , m_network(new QNetworkAccessManager(this))
{
}

FetchedTrace TraceServerClient::fetchTrace(const QString& traceId)
{
    FetchedTrace result;
    result.traceId = traceId;
    QNetworkRequest request(traceUrl(m_server, traceId));
    request.setRawHeader("Accept", "application/json");
    if (!m_auth.bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_auth.bearerToken.toUtf8());
    else if (!m_auth.user.isEmpty())
        request.setRawHeader("Authorization", "Basic " + (m_auth.user + QLatin1Char(':') + m_auth.password).toUtf8().toBase64());
    for (const auto& [name, value] : m_auth.headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(m_timeoutMs);

    QNetworkReply* reply = m_network->get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer guard;
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, reply, &QNetworkReply::abort);
    guard.start(m_timeoutMs + 1000);
    if (!reply->isFinished())
        loop.exec();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError;
    QString networkError;
    if (reply->error() != QNetworkReply::NoError && result.httpStatus == 0)
        networkError = timedOut ? tr("no answer within %1 s").arg(m_timeoutMs / 1000.0) : reply->errorString();
    reply->deleteLater();
    result.error = describeFailure(result.httpStatus, result.body, networkError, traceId);
    if (!result.error.isEmpty())
        result.body.clear();
    return result;
}

QString TraceServerClient::describeFailure(int status, const QByteArray& body, const QString& networkError,
                                           const QString& traceId) const
{
    const QString server = m_server.base.toString(QUrl::RemoveUserInfo);
    if (!networkError.isEmpty())
        return tr("%1: %2").arg(server, networkError);
    if (status == 401 || status == 403)
        return tr("%1 refused the request (HTTP %2): check the token, user and password, or the tenant header")
            .arg(server)
            .arg(status);
    if (status == 404)
        return tr("trace %1 not found on %2").arg(traceId, server);
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

} // namespace tracedelta
