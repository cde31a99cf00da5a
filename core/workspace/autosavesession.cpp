// SPDX-License-Identifier: GPL-3.0-or-later
#include "autosavesession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace tracedelta {

namespace {

QString lockPathFor(const QString& autosavePath)
{
    QString lock = autosavePath;
    lock.chop(QStringLiteral(".tdelta").size());
    return lock + QStringLiteral(".lock");
}

// A lock nobody holds (its process is gone) can be taken; a live session's cannot.
bool ownerIsGone(const QString& autosavePath)
{
    const QString lockPath = lockPathFor(autosavePath);
    if (!QFileInfo::exists(lockPath))
        return true;
    QLockFile lock(lockPath);
    lock.setStaleLockTime(0); // only a dead owner makes a lock stale, not its age
    if (!lock.tryLock(0))
        return false;
    lock.unlock(); // removes the stale lock file
    return true;
}

} // namespace

AutosaveSession::AutosaveSession(QString folder)
    : m_folder(std::move(folder))
{
    QDir().mkpath(m_folder);
    m_path = QDir(m_folder).filePath(QStringLiteral("autosave-%1.tdelta").arg(QCoreApplication::applicationPid()));
    m_lock = std::make_unique<QLockFile>(lockPathFor(m_path));
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);
}

AutosaveSession::~AutosaveSession() = default;

QStringList AutosaveSession::orphans() const
{
    const QDir dir(m_folder);
    // autosave.tdelta is where version 0.1 kept its one autosave.
    QFileInfoList candidates = dir.entryInfoList({QStringLiteral("autosave-*.tdelta"), QStringLiteral("autosave.tdelta")},
                                                 QDir::Files, QDir::Time);
    QStringList result;
    for (const QFileInfo& info : candidates) {
        const QString path = info.absoluteFilePath();
        if (path == QFileInfo(m_path).absoluteFilePath() || info.fileName().contains(QLatin1String(".unreadable-")))
            continue;
        if (ownerIsGone(path))
            result << path;
    }
    return result;
}

bool AutosaveSession::adopt(const QString& orphan)
{
    if (QFileInfo(orphan).absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return true;
    QFile::remove(m_path);
    return QFile::rename(orphan, m_path);
}

QString AutosaveSession::keepAside(const QString& path)
{
    const QFileInfo info(path);
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = info.dir().filePath(QStringLiteral("%1.unreadable-%2.tdelta").arg(info.completeBaseName(), stamp));
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = info.dir().filePath(QStringLiteral("%1.unreadable-%2-%3.tdelta").arg(info.completeBaseName(), stamp).arg(n));
    return QFile::rename(path, target) ? target : QString();
}

void AutosaveSession::discard()
{
    QFile::remove(m_path);
}

} // namespace tracedelta
