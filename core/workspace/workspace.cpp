// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace tracedelta {

namespace {
constexpr int FormatVersion = 1;

QJsonObject occurrenceModeJson(const Workspace::OccurrenceMode& mode)
{
    return {{QStringLiteral("file"), mode.file},
            {QStringLiteral("traceId"), QString::fromStdString(mode.traceId)},
            {QStringLiteral("name"), mode.name},
            {QStringLiteral("target"), mode.target},
            {QStringLiteral("baselines"), mode.typicalBaselines ? QStringLiteral("typical") : QStringLiteral("all")}};
}

// Read as written: whether the trace still holds that occurrence is for the window to find
// out once the trace is loaded (and to say so). Without a name there is nothing to restore.
std::optional<Workspace::OccurrenceMode> occurrenceModeFromJson(const QJsonObject& o, const QDir& base)
{
    Workspace::OccurrenceMode mode;
    mode.name = o.value(QStringLiteral("name")).toString();
    if (mode.name.isEmpty())
        return std::nullopt;
    mode.file = QDir::cleanPath(base.absoluteFilePath(o.value(QStringLiteral("file")).toString()));
    mode.traceId = o.value(QStringLiteral("traceId")).toString().toStdString();
    // Not an integer (or none): -1, which no occurrence has, so the window reports it.
    const QJsonValue target = o.value(QStringLiteral("target"));
    const double index = target.toDouble(-1);
    mode.target = target.isDouble() && index >= 0 && index <= 1e9 && index == std::floor(index) ? static_cast<int>(index) : -1;
    mode.typicalBaselines = o.value(QStringLiteral("baselines")).toString() == QLatin1String("typical");
    return mode;
}
} // namespace

QByteArray Workspace::toJson() const
{
    QJsonArray traceArray;
    for (const TraceRef& t : traces) {
        QJsonObject trace{{QStringLiteral("file"), t.file},
                          {QStringLiteral("traceId"), QString::fromStdString(t.traceId)},
                          {QStringLiteral("included"), t.included},
                          {QStringLiteral("target"), t.target}};
        if (t.server)
            trace.insert(QStringLiteral("server"), QJsonObject{{QStringLiteral("kind"), kindName(t.server->server.kind)},
                                                               {QStringLiteral("url"), t.server->server.base.toString()},
                                                               {QStringLiteral("traceId"), t.server->traceId}});
        traceArray.append(trace);
    }
    QJsonArray annotationArray;
    for (const Annotation& a : annotations)
        annotationArray.append(a.toJson());
    const QJsonObject viewObject{{QStringLiteral("mode"), view.mode},
                                 {QStringLiteral("sideBySide"), view.sideBySide},
                                 {QStringLiteral("absoluteTime"), view.absoluteTime},
                                 {QStringLiteral("viewStartNs"), QString::number(view.viewStartNs)},
                                 {QStringLiteral("viewEndNs"), QString::number(view.viewEndNs)},
                                 {QStringLiteral("search"), view.search}};
    QJsonObject root{{QStringLiteral("tracedeltaWorkspace"), FormatVersion},
                     {QStringLiteral("traces"), traceArray},
                     {QStringLiteral("annotations"), annotationArray},
                     {QStringLiteral("view"), viewObject}};
    if (occurrences)
        root.insert(QStringLiteral("occurrences"), occurrenceModeJson(*occurrences));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool Workspace::fromJson(const QByteArray& json, const QString& workspacePath, Workspace& out, QString& error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull()) {
        error = QCoreApplication::translate("Workspace", "%1: not a workspace: %2 at byte %3")
                    .arg(workspacePath, parseError.errorString())
                    .arg(parseError.offset);
        return false;
    }
    const QJsonObject root = document.object();
    const int version = root.value(QStringLiteral("tracedeltaWorkspace")).toInt(0);
    if (version < 1 || version > FormatVersion) {
        error = QCoreApplication::translate("Workspace", "%1: not a TraceDelta workspace (or one from a newer version)")
                    .arg(workspacePath);
        return false;
    }
    Workspace w;
    const QDir base = QFileInfo(workspacePath).absoluteDir();
    for (const QJsonValue& value : root.value(QStringLiteral("traces")).toArray()) {
        const QJsonObject o = value.toObject();
        TraceRef ref;
        ref.file = QDir::cleanPath(base.absoluteFilePath(o.value(QStringLiteral("file")).toString()));
        ref.traceId = o.value(QStringLiteral("traceId")).toString().toStdString();
        ref.included = o.value(QStringLiteral("included")).toBool(true);
        ref.target = o.value(QStringLiteral("target")).toBool(false);
        const QJsonObject server = o.value(QStringLiteral("server")).toObject();
        const auto kind = kindFromName(server.value(QStringLiteral("kind")).toString());
        const QUrl url(server.value(QStringLiteral("url")).toString());
        const QString serverTraceId = server.value(QStringLiteral("traceId")).toString();
        if (kind && url.isValid() && !url.isEmpty() && !serverTraceId.isEmpty())
            ref.server = ServerTraceOrigin{{*kind, url}, serverTraceId};
        w.traces.push_back(ref);
    }
    for (const QJsonValue& value : root.value(QStringLiteral("annotations")).toArray()) {
        Annotation a = Annotation::fromJson(value.toObject());
        if (!a.traceFile.isEmpty())
            a.traceFile = QDir::cleanPath(base.absoluteFilePath(a.traceFile));
        w.annotations.push_back(a);
    }
    const QJsonObject v = root.value(QStringLiteral("view")).toObject();
    w.view.mode = v.value(QStringLiteral("mode")).toInt(0);
    w.view.sideBySide = v.value(QStringLiteral("sideBySide")).toBool(false);
    w.view.absoluteTime = v.value(QStringLiteral("absoluteTime")).toBool(false);
    w.view.viewStartNs = v.value(QStringLiteral("viewStartNs")).toString().toLongLong();
    w.view.viewEndNs = v.value(QStringLiteral("viewEndNs")).toString().toLongLong();
    w.view.search = v.value(QStringLiteral("search")).toString();
    if (const QJsonValue mode = root.value(QStringLiteral("occurrences")); mode.isObject())
        w.occurrences = occurrenceModeFromJson(mode.toObject(), base);
    out = std::move(w);
    return true;
}

bool Workspace::operator==(const Workspace& o) const
{
    if (traces.size() != o.traces.size() || annotations != o.annotations)
        return false;
    for (std::size_t i = 0; i < traces.size(); ++i) {
        const TraceRef& a = traces[i];
        const TraceRef& b = o.traces[i];
        if (a.file != b.file || a.traceId != b.traceId || a.included != b.included || a.target != b.target
            || a.server.has_value() != b.server.has_value())
            return false;
        if (a.server
            && (a.server->traceId != b.server->traceId || a.server->server.kind != b.server->server.kind
                || a.server->server.base != b.server->server.base))
            return false;
    }
    return occurrences == o.occurrences && view.mode == o.view.mode && view.sideBySide == o.view.sideBySide
        && view.absoluteTime == o.view.absoluteTime
        && view.viewStartNs == o.view.viewStartNs && view.viewEndNs == o.view.viewEndNs && view.search == o.view.search;
}

bool saveWorkspace(const Workspace& workspace, const QString& path, QString& error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = QCoreApplication::translate("Workspace", "%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray json = workspace.toJson();
    if (file.write(json) != json.size() || !file.commit()) {
        error = QCoreApplication::translate("Workspace", "%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool loadWorkspace(const QString& path, Workspace& out, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QCoreApplication::translate("Workspace", "%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    return Workspace::fromJson(file.readAll(), path, out, error);
}

} // namespace tracedelta
