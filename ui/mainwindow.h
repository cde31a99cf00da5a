// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workspace/workspace.h"
#include "export/reportpicture.h"
#include "panels/tracespanel.h"
#include "session/tracesession.h"

#include <QMainWindow>

class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTimer;
class QToolBar;

namespace tracedelta {

class AnnotationStore;
class ComparisonActions;
class ComparisonView;
class DetailsPanel;
class ElidedLabel;
class ExportActions;
class NoticeBar;
class OccurrenceActions;
class ReceiveDialog;
class SecretStore;
class ServerDialog;
class RootCausePanel;
class SearchBar;
class SelectionState;
class StatisticsPanel;
class TimeAxis;
class WorkspaceActions;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openFiles(const QStringList& files, Arrival arrival = Arrival::Opened);
    TraceSession* session() const { return m_session; }
    std::vector<TracePtr> traces() const { return m_session->traces(); }
    const std::vector<TraceEntry>& entries() const { return m_session->entries(); }
    const QStringList& loadErrors() const { return m_session->loadErrors(); }
    bool isLoading() const { return m_session->isLoading(); }
    bool isComparing() const { return m_session->isComparing(); }
    // The comparison the views show (null before any trace is loaded).
    std::shared_ptr<const Comparison> comparison() const { return m_session->outcome().comparison; }
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
    StatisticsPanel* statisticsPanel() const { return m_statistics; }
    SearchBar* searchBar() const { return m_search; }
    // File → Receive Live Traces…; created on first use.
    ReceiveDialog* receiveDialog() { showReceiveDialog(); return m_receive; }
    ServerDialog* serverDialog() { showServerDialog(); return m_serverDialog; }
    // Tests use a store of their own; by default the desktop keyring.
    void setSecretStore(SecretStore* secrets);
    WorkspaceActions* workspaces() const { return m_workspaces; }
    // Opens fetched server traces as the comparison, `targetFile` the target.
    void openServerTraces(const QStringList& files, const QString& targetFile);
    // Writes the trace's file (e.g. one fetched from a server) to `path`; asks for the path
    // when it is empty. False, with a message shown, when it could not be written.
    bool saveTraceAs(std::size_t entryIndex, QString path = QString());
    TracesPanel* tracesPanel() const { return m_tracesPanel; }
    OccurrenceActions* occurrences() const { return m_occurrences; }

Q_SIGNALS:
    void loadingFinished();
    void comparisonFinished();
    void workspaceRestored();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void syncAlignmentBox();
    void showReceiveDialog();
    void showTargetNotice(const TargetNotice& notice);
    void showServerDialog();
    void createDocks();
    void createActions();
    void createViewActions(QToolBar* toolbar);
    void createStatusBar();
    void connectSession();
    void showOpenDialog();
    void rebuildRecentMenu();
    void rememberRecent(const QStringList& files);
    void onLoaded(const LoadReport& report);
    void refreshTraceList();
    void showAbout();
    void showShortcuts();
    void showComparison();
    void annotateTopFindings();
    void reportFailure(const QString& title, const QString& message);
    void showStatusMessage(const QString& text);
    QString traceLabel(std::size_t entryIndex) const;
    void updateStatus();
    void updateWindowTitle();
    void resizeEvent(QResizeEvent* event) override;
    void applyAutomaticOverlay(const Comparison& comparison);
    void fitIntoScreen();

    TraceSession* m_session = nullptr;
    TimeAxis* m_axis = nullptr;
    SelectionState* m_selection = nullptr;
    ComparisonView* m_view = nullptr;
    NoticeBar* m_notice = nullptr;
    TracesPanel* m_tracesPanel = nullptr;
    RootCausePanel* m_rootCauses = nullptr;
    DetailsPanel* m_details = nullptr;
    StatisticsPanel* m_statistics = nullptr;
    AnnotationStore* m_annotations = nullptr;
    ExportActions* m_exports = nullptr;
    ComparisonActions* m_comparisonActions = nullptr;
    WorkspaceActions* m_workspaces = nullptr;
    OccurrenceActions* m_occurrences = nullptr;

    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    SearchBar* m_search = nullptr;
    ReceiveDialog* m_receive = nullptr;
    ServerDialog* m_serverDialog = nullptr;
    SecretStore* m_secrets = nullptr;
    QAction* m_overlayAction = nullptr;
    bool m_overlayAutomatic = false; // overlay turned on by the window, not the user
    static constexpr std::size_t MaxStackedBaselines = 3;
    QComboBox* m_alignmentBox = nullptr;
    ElidedLabel* m_statusLabel = nullptr;
    ElidedLabel* m_verdictStatus = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelButton = nullptr;
};

} // namespace tracedelta
