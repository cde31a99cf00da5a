// SPDX-License-Identifier: GPL-3.0-or-later
#include "servertracestore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace tracedelta {

namespace {

struct ServerTraceStoreText
{
    Q_DECLARE_TR_FUNCTIONS(ServerTraceStore)
};

const QString OriginFile = QStringLiteral("server.json");

bool writeFile(const QString& path, const QByteArray& content, QString& error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        error = ServerTraceStoreText::tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

QString folderName(const TraceServer& server)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9.-]"));
    QString host = server.base.host();
    host.replace(unsafe, QStringLiteral("_"));
    const QByteArray hash = QCryptographicHash::hash((kindName(server.kind) + server.base.toString(QUrl::RemoveUserInfo)).toUtf8(),
                                                     QCryptographicHash::Sha1)
                                .toHex()
                                .left(8);
    return QStringLiteral("%1-%2-%3").arg(host.isEmpty() ? QStringLiteral("server") : host).arg(server.base.port(0)).arg(QString::fromLatin1(hash));
}

} // namespace

QString defaultServerTraceFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/server-traces");
}

QString storeServerTrace(const QString& root, const TraceServer& server, const QString& traceId, const QByteArray& body,
                         QString& error)
{
    const QDir dir(QDir(root).filePath(folderName(server)));
    if (!dir.mkpath(QStringLiteral("."))) {
        error = ServerTraceStoreText::tr("%1: cannot create the folder").arg(QDir::toNativeSeparators(dir.absolutePath()));
        return {};
    }
    const QJsonObject origin{{QStringLiteral("kind"), kindName(server.kind)},
                             {QStringLiteral("url"), server.base.toString(QUrl::RemoveUserInfo)}};
    if (!writeFile(dir.filePath(OriginFile), QJsonDocument(origin).toJson(QJsonDocument::Compact), error))
        return {};
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_-]"));
    QString name = traceId;
    name.replace(unsafe, QStringLiteral("_"));
    const QString path = dir.filePath(name + QStringLiteral(".json"));
    return writeFile(path, body, error) ? path : QString();
}

std::optional<ServerTraceOrigin> serverTraceOrigin(const QString& path)
{
    const QFileInfo info(path);
    QFile file(info.dir().filePath(OriginFile));
    if (info.suffix() != QLatin1String("json") || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject origin = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    const auto kind = kindFromName(origin.value(QStringLiteral("kind")).toString());
    const QUrl url(origin.value(QStringLiteral("url")).toString());
    if (!kind || !url.isValid() || url.isEmpty())
        return std::nullopt;
    return ServerTraceOrigin{{*kind, url}, info.completeBaseName()};
}

QString describeOrigin(const ServerTraceOrigin& origin, bool shortId)
{
    QString kind;
    switch (origin.server.kind) {
    case TraceServerKind::Jaeger:
    case TraceServerKind::JaegerV3: kind = QStringLiteral("Jaeger"); break;
    case TraceServerKind::Tempo:
    case TraceServerKind::TempoV2: kind = QStringLiteral("Tempo"); break;
    case TraceServerKind::Zipkin: kind = QStringLiteral("Zipkin"); break;
    }
    const QUrl& url = origin.server.base;
    const QString where = url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    const QString id = shortId && origin.traceId.size() > 12 ? origin.traceId.left(8) + QStringLiteral("…") : origin.traceId;
    return ServerTraceStoreText::tr("%1 %2 · trace %3").arg(kind, where, id);
}

QString sourceDisplayName(const QString& sourceFile)
{
    if (const auto origin = serverTraceOrigin(sourceFile))
        return describeOrigin(*origin, true);
    return QFileInfo(sourceFile).fileName();
}

} // namespace tracedelta
