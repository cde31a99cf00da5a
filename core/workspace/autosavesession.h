// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLockFile>
#include <QString>
#include <QStringList>

#include <memory>

namespace tracedelta {

// Where one window session autosaves its notes, and what earlier sessions left behind.
// Each session writes its own file (autosave-PID.tdelta) and holds a lock beside it for
// as long as it runs, so a second window never offers, or overwrites, the notes of one that
// is still open; a file whose lock is stale belonged to a session that died (a crash, kill -9,
// a power cut) and is offered back.
class AutosaveSession
{
public:
    // folder: where autosaves live (the app data folder; tests pass their own).
    explicit AutosaveSession(QString folder);
    ~AutosaveSession();

    AutosaveSession(const AutosaveSession&) = delete;
    AutosaveSession& operator=(const AutosaveSession&) = delete;

    // This session's autosave file.
    const QString& path() const { return m_path; }
    const QString& folder() const { return m_folder; }

    // Autosaves of sessions that ended without closing, newest first.
    QStringList orphans() const;

    // Makes an orphan this session's autosave (after its notes were restored), so they stay
    // safe until this session closes normally or saves them.
    bool adopt(const QString& orphan);

    // Moves a file that could not be read out of the way ("NAME.unreadable-DATE.tdelta" beside
    // it), so nothing overwrites it; returns the new path (empty when it could not be moved).
    static QString keepAside(const QString& path);

    // This session ended normally (or its notes were saved): its autosave is no longer needed.
    void discard();

private:
    QString m_folder;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace tracedelta
