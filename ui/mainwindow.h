// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"
#include "core/io/traceloader.h"
#include "core/workspace/autosavesession.h"
#include "core/workspace/workspace.h"
#include "export/reportpicture.h"
#include "panels/tracespanel.h"
#include "viewmodel/comparisonhighlights.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include <optional>

class QActionGroup;
class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTimer;

namespace tracedelta {

class AnnotationStore;
class ComparisonView;
class DetailsPanel;
class LoadJob;
class RootCausePanel;
class SelectionState;
class TimeAxis;

// A finished comparison and the per-span highlights derived from it, both built off the GUI thread.
struct ComparisonOutcome
{
    std::shared_ptr<const Comparison> comparison;
    std::shared_ptr<const ComparisonHighlights> highlights;
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openFiles(const QStringList& files);
    std::vector<TracePtr> traces() const;
    const std::vector<TraceEntry>& entries() const { return m_entries; }
    const QStringList& loadErrors() const { return m_loadErrors; }
    bool isLoading() const;
    bool isComparing() const;
    // The comparison the views show (null before any trace is loaded).
    std::shared_ptr<const Comparison> comparison() const { return m_outcome.comparison; }
    void setTarget(std::size_t entryIndex);
    void setIncluded(std::size_t entryIndex, bool included);
    void closeTrace(std::size_t entryIndex);
    void reloadTrace(std::size_t entryIndex);
    void setTheme(Theme theme);

    AnnotationStore* annotations() const { return m_annotations; }
    // Export the current view with its notes; empty string on success, else the message.
    QString exportImage(const QString& path, double pngScale = 1.0);
    QString exportReport(const QString& path);
    PictureSettings pictureSettings() const;
    Workspace currentWorkspace() const;
    QString saveWorkspaceTo(const QString& path);
    // Opens the workspace's files and, once loaded, its target, baselines, notes and view.
    QString openWorkspace(const QString& path);
    // After a crash: offers the notes autosaved by the previous session.
    void offerAutosaveRecovery();
    // This window's autosave file (one per session; see AutosaveSession).
    QString autosavePath() const;

    ComparisonView* comparisonView() const { return m_view; }
    TimeAxis* timeAxis() const { return m_axis; }
    SelectionState* selection() const { return m_selection; }
    RootCausePanel* rootCausePanel() const { return m_rootCauses; }
    DetailsPanel* detailsPanel() const { return m_details; }
    TracesPanel* tracesPanel() const { return m_tracesPanel; }

Q_SIGNALS:
    void loadingFinished();
    void comparisonFinished();
    void workspaceRestored();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createActions();
    void createStatusBar();
    void showOpenDialog();
    void rebuildRecentMenu();
    void rememberRecent(const QStringList& files);
    void onLoaded(const std::vector<LoadResult>& results);
    void refreshTraceList();
    void showAbout();
    void showShortcuts();
    void startComparison();
    void onComparisonDone();
    void cancelWork();
    void updateStatus();
    void createExportActions(QMenu* file);
    void showExportImageDialog();
    void showExportReportDialog();
    void copyImage();
    void showSaveWorkspaceDialog();
    void showOpenWorkspaceDialog();
    void annotateTopFindings();
    void applyPendingWorkspace();
    void autosave();
    void reportFailure(const QString& title, const QString& message);
    QString traceLabel(std::size_t entryIndex) const;

    std::vector<TraceEntry> m_entries;
    std::size_t m_targetIndex = 0;
    std::vector<std::size_t> m_comparedEntries; // entry of each trace in the shown comparison
    std::vector<std::size_t> m_pendingComparedEntries;
    QStringList m_loadErrors;
    QStringList m_pendingFiles;
    QString m_reloadTargetFile; // when the target's file is reloaded, its new trace becomes the target
    int m_nextColor = 0;

    LoadJob* m_loadJob = nullptr;
    QFutureWatcher<ComparisonOutcome> m_comparisonWatcher;
    bool m_comparisonQueued = false;
    bool m_comparisonCancelled = false;
    ComparisonOutcome m_outcome;

    TimeAxis* m_axis = nullptr;
    SelectionState* m_selection = nullptr;
    ComparisonView* m_view = nullptr;
    TracesPanel* m_tracesPanel = nullptr;
    RootCausePanel* m_rootCauses = nullptr;
    DetailsPanel* m_details = nullptr;
    QFileSystemWatcher* m_fileWatcher = nullptr;
    AnnotationStore* m_annotations = nullptr;
    QTimer* m_autosaveTimer = nullptr;
    std::unique_ptr<AutosaveSession> m_autosave;
    bool m_includeTableInExports = true;
    QString m_workspacePath;
    std::optional<Workspace> m_pendingWorkspace;
    std::optional<Workspace::ViewState> m_pendingView;

    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_alignmentBox = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_verdictStatus = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelButton = nullptr;
};

} // namespace tracedelta
