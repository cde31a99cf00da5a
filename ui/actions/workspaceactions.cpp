// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspaceactions.h"

#include "ui/annotations/annotationstore.h"
#include "ui/comparisonview.h"
#include "ui/navigation/selectionstate.h"
#include "ui/navigation/timeaxis.h"
#include "ui/session/serverconnections.h"
#include "ui/session/tracesession.h"

#include <QAction>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>

#include <utility>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

namespace tracedelta {

WorkspaceActions::WorkspaceActions(QWidget* window, TraceSession* session, ComparisonView* view, TimeAxis* axis,
                                   SelectionState* selection, AnnotationStore* annotations)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_view(view)
    , m_axis(axis)
    , m_selection(selection)
    , m_annotations(annotations)
    , m_autosaveTimer(new QTimer(this))
    , m_autosave(std::make_unique<AutosaveSession>(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)))
{
    // Notes are autosaved shortly after every change, so a crash loses nothing.
    m_autosaveTimer->setSingleShot(true);
    m_autosaveTimer->setInterval(1500);
    connect(m_autosaveTimer, &QTimer::timeout, this, &WorkspaceActions::autosave);
    connect(m_annotations, &AnnotationStore::changed, m_autosaveTimer, qOverload<>(&QTimer::start));
}

WorkspaceActions::~WorkspaceActions() = default;

void WorkspaceActions::addTo(QMenu* file)
{
    QAction* open = file->addAction(tr("Open &Workspace…"), this, &WorkspaceActions::showOpenDialog);
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction* save = file->addAction(tr("&Save Workspace…"), this, &WorkspaceActions::showSaveDialog);
    save->setShortcut(QKeySequence::Save);
}

Workspace WorkspaceActions::currentWorkspace() const
{
    Workspace w;
    const auto& entries = m_session->entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Trace& trace = *entries[i].trace;
        w.traces.push_back({QFileInfo(trace.sourceFile()).absoluteFilePath(), trace.traceId(), entries[i].included,
                            i == m_session->targetIndex(), serverTraceOrigin(trace.sourceFile())});
    }
    w.annotations = m_annotations->annotations();
    for (Annotation& a : w.annotations)
        a.traceFile = QFileInfo(a.traceFile).absoluteFilePath();
    w.view.mode = static_cast<int>(m_view->mode());
    w.view.sideBySide = m_view->orientation() == Qt::Horizontal;
    w.view.absoluteTime = m_axis->alignment() == TimeAxis::Alignment::AbsoluteWallClock;
    // A view aligned at a span is in that alignment's times; the workspace keeps the
    // whole trace instead of a window it could not place.
    if (!m_axis->isZoomedOut() && m_axis->alignment() != TimeAxis::Alignment::AtSpan) {
        w.view.viewStartNs = m_axis->viewStartNs();
        w.view.viewEndNs = m_axis->viewEndNs();
    }
    w.view.search = m_selection->searchText();
    const auto& choice = m_session->occurrences();
    if (const auto source = m_session->occurrenceSourceEntry(); choice && source) {
        const Trace& trace = *entries[*source].trace;
        w.occurrences = Workspace::OccurrenceMode{QFileInfo(trace.sourceFile()).absoluteFilePath(), trace.traceId(), choice->name,
                                                  static_cast<int>(choice->target), choice->selection == BaselineSelection::Typical};
    }
    return w;
}

QString WorkspaceActions::saveWorkspaceTo(const QString& path)
{
    QString error;
    if (!saveWorkspace(currentWorkspace(), path, error))
        return error;
    m_workspacePath = path;
    m_annotations->undoStack()->setClean();
    m_autosave->discard();
    return {};
}

QString WorkspaceActions::openWorkspace(const QString& path)
{
    Workspace w;
    QString error;
    if (!loadWorkspace(path, w, error))
        return error;
    m_workspacePath = path;
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < w.traces.size(); ++i) {
        if (w.traces[i].server && !QFileInfo::exists(w.traces[i].file))
            missing.push_back(i);
    }
    m_pendingWorkspace = std::move(w);
    m_pendingRolesOnly = false;
    if (missing.empty())
        loadPendingWorkspace();
    else
        refetchServerTraces(std::move(missing));
    return {};
}

void WorkspaceActions::loadPendingWorkspace()
{
    QStringList files;
    for (const Workspace::TraceRef& ref : m_pendingWorkspace->traces) {
        if (!files.contains(ref.file))
            files << ref.file;
    }
    // The traces already open stay open; the workspace's files are added once each.
    for (const TraceEntry& entry : m_session->entries())
        files.removeAll(QFileInfo(entry.trace->sourceFile()).absoluteFilePath());
    if (files.isEmpty())
        applyPendingWorkspace();
    else
        m_session->load(files);
}

// Server traces whose files are gone (another machine, a cleared cache) are fetched again
// from their servers, one server after another, then the workspace loads as usual; a
// trace that cannot be fetched is reported and the others still open.
void WorkspaceActions::refetchServerTraces(std::vector<std::size_t> missing)
{
    if (!m_pendingWorkspace)
        return;
    if (missing.empty()) {
        loadPendingWorkspace();
        return;
    }
    const TraceServer server = m_pendingWorkspace->traces[missing.front()].server->server;
    std::vector<std::size_t> ofThisServer;
    std::vector<std::size_t> rest;
    QStringList ids;
    for (const std::size_t i : missing) {
        const ServerTraceOrigin& origin = *m_pendingWorkspace->traces[i].server;
        if (origin.server.kind == server.kind && origin.server.base == server.base) {
            ofThisServer.push_back(i);
            ids << origin.traceId;
        } else {
            rest.push_back(i);
        }
    }
    Q_EMIT message(tr("Fetching %n trace(s) of the workspace from %1…", nullptr, int(ids.size())).arg(server.base.toString()));
    QPointer<WorkspaceActions> self(this);
    connectionFor(server, m_secrets, [self, ids, ofThisServer, rest](const ServerConnection& connection) {
        if (!self)
            return;
        auto* watcher = new QFutureWatcher<std::vector<StoredTrace>>(self);
        connect(watcher, &QFutureWatcher<std::vector<StoredTrace>>::finished, self, [self, watcher, ofThisServer, rest] {
            watcher->deleteLater();
            if (!self || !self->m_pendingWorkspace)
                return;
            const std::vector<StoredTrace> stored = watcher->result();
            QStringList problems;
            for (std::size_t k = 0; k < stored.size() && k < ofThisServer.size(); ++k) {
                if (stored[k].path.isEmpty())
                    problems << stored[k].error;
                else
                    self->m_pendingWorkspace->traces[ofThisServer[k]].file = QFileInfo(stored[k].path).absoluteFilePath();
            }
            if (!problems.isEmpty())
                Q_EMIT self->failed(tr("Open Workspace"), tr("Some server traces could not be fetched again:\n%1").arg(problems.join(QLatin1Char('\n'))));
            self->refetchServerTraces(rest);
        });
        watcher->setFuture(QtConcurrent::run(fetchAndStore, connection, ids, defaultServerTraceFolder(), nullptr, FetchProgress()));
    });
}

void WorkspaceActions::openComparison(const std::vector<Workspace::TraceRef>& traces)
{
    Workspace w;
    w.traces = traces;
    QStringList files;
    for (const Workspace::TraceRef& ref : traces) {
        if (!files.contains(ref.file))
            files << ref.file;
    }
    for (const TraceEntry& entry : m_session->entries())
        files.removeAll(QFileInfo(entry.trace->sourceFile()).absoluteFilePath());
    m_pendingWorkspace = std::move(w);
    m_pendingRolesOnly = true;
    if (files.isEmpty())
        applyPendingWorkspace();
    else
        m_session->load(files);
}

void WorkspaceActions::filesLoaded(bool moreToLoad)
{
    if (m_pendingWorkspace && !moreToLoad)
        applyPendingWorkspace();
}

void WorkspaceActions::applyPendingWorkspace()
{
    if (!m_pendingWorkspace)
        return;
    const Workspace w = std::move(*m_pendingWorkspace);
    m_pendingWorkspace.reset();
    const bool rolesOnly = std::exchange(m_pendingRolesOnly, false);
    const auto& entries = m_session->entries();
    std::vector<bool> included;
    std::size_t target = m_session->targetIndex();
    // A recent comparison is exactly its traces; a workspace leaves other open traces be.
    for (const TraceEntry& entry : entries)
        included.push_back(!rolesOnly && entry.included);
    for (const Workspace::TraceRef& ref : w.traces) {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const Trace& trace = *entries[i].trace;
            if (QFileInfo(trace.sourceFile()).absoluteFilePath() != ref.file || (!ref.traceId.empty() && trace.traceId() != ref.traceId))
                continue;
            included[i] = ref.included;
            if (ref.target)
                target = i;
        }
    }
    if (rolesOnly) {
        m_session->setRoles(included, target);
        m_session->compare();
        return;
    }
    // Notes name their trace by the path it was loaded from.
    std::vector<Annotation> notes = w.annotations;
    for (Annotation& note : notes) {
        for (const TraceEntry& entry : entries) {
            if (QFileInfo(entry.trace->sourceFile()).absoluteFilePath() == note.traceFile)
                note.traceFile = entry.trace->sourceFile();
        }
    }
    m_annotations->reset(std::move(notes));
    m_view->setMode(static_cast<ComparisonView::Mode>(w.view.mode));
    m_view->setOrientation(w.view.sideBySide ? Qt::Horizontal : Qt::Vertical);
    Q_EMIT viewRestoring(w.view);
    m_pendingView = w.view;
    m_session->setRoles(included, target);
    if (!restoreOccurrenceMode(w.occurrences))
        m_session->compare();
}

// The comparison of occurrences the workspace was saved in, when its trace still has them
// (true: that comparison is running). Otherwise the notice says why, and the whole trace is
// compared with every trace and note of the workspace still open.
bool WorkspaceActions::restoreOccurrenceMode(const std::optional<Workspace::OccurrenceMode>& mode)
{
    if (!mode)
        return false;
    const auto& entries = m_session->entries();
    QString problem = tr("its trace %1 is not open").arg(QFileInfo(mode->file).fileName());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Trace& trace = *entries[i].trace;
        if (QFileInfo(trace.sourceFile()).absoluteFilePath() != mode->file || (!mode->traceId.empty() && trace.traceId() != mode->traceId))
            continue;
        problem = m_session->restoreOccurrences(i, mode->name, mode->target,
                                                mode->typicalBaselines ? BaselineSelection::Typical : BaselineSelection::All);
        if (problem.isEmpty())
            return true;
        break;
    }
    Q_EMIT notice(tr("The workspace's comparison of %1 occurrences was not restored: %2. The traces are compared as a whole; "
                     "every trace and note of the workspace is open.")
                      .arg(mode->name, problem));
    return false;
}

void WorkspaceActions::comparisonShown()
{
    if (!m_pendingView)
        return;
    if (m_pendingView->viewEndNs > m_pendingView->viewStartNs)
        m_axis->setView(m_pendingView->viewStartNs, m_pendingView->viewEndNs);
    m_pendingView.reset();
    Q_EMIT restored();
}

void WorkspaceActions::showSaveDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save Workspace"), m_workspacePath.isEmpty() ? QStringLiteral("investigation.tdelta") : m_workspacePath,
        tr("TraceDelta workspace (*.tdelta)"));
    if (path.isEmpty())
        return;
    if (const QString error = saveWorkspaceTo(path); !error.isEmpty())
        return Q_EMIT failed(tr("Save failed"), error);
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void WorkspaceActions::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Workspace"), QString(),
                                                      tr("TraceDelta workspace (*.tdelta);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = openWorkspace(path); !error.isEmpty())
        Q_EMIT failed(tr("Cannot open workspace"), error);
}

QString WorkspaceActions::autosavePath() const
{
    return m_autosave->path();
}

bool WorkspaceActions::isClean() const
{
    return m_annotations->undoStack()->isClean();
}

void WorkspaceActions::autosave()
{
    if (m_annotations->undoStack()->isClean()) {
        m_autosave->discard(); // back to the saved state: nothing to recover
        return;
    }
    QString error;
    if (!saveWorkspace(currentWorkspace(), autosavePath(), error))
        Q_EMIT message(tr("Autosave failed: %1").arg(error));
}

bool WorkspaceActions::confirmClose()
{
    if (m_annotations->undoStack()->isClean() || m_annotations->annotations().empty())
        return true;
    const auto answer = QMessageBox::question(m_window, tr("Unsaved Notes"), tr("Save your notes in a workspace before closing?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        showSaveDialog();
        return m_annotations->undoStack()->isClean();
    }
    return true;
}

void WorkspaceActions::closeCleanly()
{
    m_autosave->discard();
}

void WorkspaceActions::offerAutosaveRecovery()
{
    const QStringList orphans = m_autosave->orphans();
    if (orphans.isEmpty())
        return;
    // The newest first; older ones are offered at the next start.
    const QString path = orphans.front();
    Workspace recovered;
    QString error;
    if (!loadWorkspace(path, recovered, error)) {
        const QString kept = AutosaveSession::keepAside(path);
        Q_EMIT failed(tr("Cannot restore notes"),
                      kept.isEmpty() ? tr("The notes autosaved by an earlier session cannot be read: %1").arg(error)
                                     : tr("The notes autosaved by an earlier session cannot be read: %1\nThe file was kept "
                                          "as %2.")
                                           .arg(error, QDir::toNativeSeparators(kept)));
        return;
    }
    const auto answer = QMessageBox::question(m_window, tr("Restore Notes"),
                                              tr("TraceDelta did not close normally last time. Restore the traces and "
                                                 "unsaved notes of that session (%n note(s))?",
                                                 nullptr, static_cast<int>(recovered.annotations.size())),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        QFile::remove(path);
        return;
    }
    // Adopted first: the notes stay on disk until this session closes normally or saves them.
    const QString restoreFrom = m_autosave->adopt(path) ? autosavePath() : path;
    if (const QString openError = openWorkspace(restoreFrom); !openError.isEmpty())
        Q_EMIT failed(tr("Cannot restore"), openError);
    m_workspacePath.clear();
}

} // namespace tracedelta
