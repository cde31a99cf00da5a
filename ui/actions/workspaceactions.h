// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workspace/autosavesession.h"
#include "core/workspace/workspace.h"

#include <QObject>

#include <memory>
#include <optional>

class QMenu;
class QTimer;
class QWidget;

namespace tracedelta {

class AnnotationStore;
class ComparisonView;
class SelectionState;
class TimeAxis;
class SecretStore;
class TraceSession;

// Workspaces (.tdelta: the traces, their roles, the notes and the view) and the autosave
// that keeps unsaved notes safe across a crash.
class WorkspaceActions : public QObject
{
    Q_OBJECT
public:
    WorkspaceActions(QWidget* window, TraceSession* session, ComparisonView* view, TimeAxis* axis, SelectionState* selection,
                     AnnotationStore* annotations);
    ~WorkspaceActions() override;

    void addTo(QMenu* menu);
    // Where secrets for servers come from when a workspace's server traces are fetched again.
    void setSecretStore(SecretStore* secrets) { m_secrets = secrets; }
    Workspace currentWorkspace() const;
    QString saveWorkspaceTo(const QString& path);
    // Opens the workspace's files and, once loaded, its target, baselines, notes and view.
    QString openWorkspace(const QString& path);
    // Opens these traces (those not open yet) and compares exactly them with the same
    // target; the notes and the rest of the view stay as they are.
    void openComparison(const std::vector<Workspace::TraceRef>& traces);
    void offerAutosaveRecovery();
    QString autosavePath() const;
    bool isClean() const;
    // Asks whether to save unsaved notes; false when the user cancelled.
    bool confirmClose();
    void closeCleanly();

    // The window calls these as the session reports: files loaded, comparison shown.
    void filesLoaded(bool moreToLoad);
    void comparisonShown();

Q_SIGNALS:
    // Search text and time alignment live in the window's toolbar.
    void viewRestoring(const tracedelta::Workspace::ViewState& view);
    void restored();
    void message(const QString& text);
    void failed(const QString& title, const QString& message);
    // What the window did on its own while restoring (for the notice bar above the views).
    void notice(const QString& text);

private:
    void applyPendingWorkspace();
    bool restoreOccurrenceMode(const std::optional<Workspace::OccurrenceMode>& mode);
    void loadPendingWorkspace();
    void refetchServerTraces(std::vector<std::size_t> missing);
    void showSaveDialog();
    void showOpenDialog();
    void autosave();

    QWidget* m_window;
    TraceSession* m_session;
    SecretStore* m_secrets = nullptr;
    ComparisonView* m_view;
    TimeAxis* m_axis;
    SelectionState* m_selection;
    AnnotationStore* m_annotations;
    QTimer* m_autosaveTimer;
    std::unique_ptr<AutosaveSession> m_autosave;
    QString m_workspacePath;
    std::optional<Workspace> m_pendingWorkspace;
    std::optional<Workspace::ViewState> m_pendingView;
    bool m_pendingRolesOnly = false;
};

} // namespace tracedelta
