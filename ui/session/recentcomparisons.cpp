// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentcomparisons.h"

#include "tracesession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace tracedelta {

namespace {
const char* const SettingsKey = "recentComparisons";
constexpr int MaxRecentComparisons = 8;

QString encode(const RecentComparison& comparison)
{
    QJsonArray traces;
    for (const Workspace::TraceRef& ref : comparison.traces)
        traces.append(QJsonObject{{QStringLiteral("file"), ref.file},
                                  {QStringLiteral("traceId"), QString::fromStdString(ref.traceId)},
                                  {QStringLiteral("target"), ref.target}});
    return QString::fromUtf8(QJsonDocument(traces).toJson(QJsonDocument::Compact));
}

bool decode(const QString& text, RecentComparison& out)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isArray())
        return false;
    int targets = 0;
    for (const QJsonValue& value : document.array()) {
        const QJsonObject object = value.toObject();
        Workspace::TraceRef ref;
        ref.file = object.value(QStringLiteral("file")).toString();
        ref.traceId = object.value(QStringLiteral("traceId")).toString().toStdString();
        ref.target = object.value(QStringLiteral("target")).toBool();
        if (ref.file.isEmpty())
            return false;
        targets += ref.target ? 1 : 0;
        out.traces.push_back(std::move(ref));
    }
    return out.traces.size() >= 2 && targets == 1;
}
} // namespace

QString RecentComparison::label() const
{
    QString target;
    for (const Workspace::TraceRef& ref : traces) {
        if (ref.target)
            target = QFileInfo(ref.file).fileName();
    }
    return QCoreApplication::translate("RecentComparisons", "%1 vs %n baseline(s)", nullptr,
                                       static_cast<int>(traces.size()) - 1)
        .arg(target);
}

QString RecentComparison::description() const
{
    QStringList lines;
    for (const Workspace::TraceRef& ref : traces)
        lines << (ref.target ? QCoreApplication::translate("RecentComparisons", "target: %1")
                             : QCoreApplication::translate("RecentComparisons", "baseline: %1"))
                     .arg(ref.file);
    return lines.join(QLatin1Char('\n'));
}

void rememberComparison(const TraceSession& session)
{
    RecentComparison comparison;
    const auto& entries = session.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!entries[i].included && i != session.targetIndex())
            continue;
        const QFileInfo file(entries[i].trace->sourceFile());
        if (!file.isFile())
            return; // received or fetched traces cannot be reopened from a path
        comparison.traces.push_back(
            {file.absoluteFilePath(), entries[i].trace->traceId(), true, i == session.targetIndex(), std::nullopt});
    }
    if (comparison.traces.size() < 2)
        return;
    const QString encoded = encode(comparison);
    QSettings settings;
    QStringList list = settings.value(QLatin1String(SettingsKey)).toStringList();
    list.removeAll(encoded);
    list.prepend(encoded);
    settings.setValue(QLatin1String(SettingsKey), list.mid(0, MaxRecentComparisons));
}

QList<RecentComparison> recentComparisons()
{
    QList<RecentComparison> result;
    for (const QString& text : QSettings().value(QLatin1String(SettingsKey)).toStringList()) {
        RecentComparison comparison;
        if (decode(text, comparison))
            result << comparison;
    }
    return result;
}

} // namespace tracedelta
