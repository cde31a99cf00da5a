// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"
#include "core/io/traceloader.h"

#include <QFutureWatcher>

#include <QMainWindow>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QListWidget;
class QTreeWidget;

namespace tracedelta {

class LoadJob;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openFiles(const QStringList& files);
    const std::vector<TracePtr>& traces() const { return m_traces; }
    const QStringList& loadErrors() const { return m_loadErrors; }
    bool isLoading() const;
    // The last comparison shown in the root-cause panel (null before two traces are loaded).
    std::shared_ptr<const Comparison> comparison() const { return m_comparison; }
    void setTarget(std::size_t traceIndex);

Q_SIGNALS:
    void loadingFinished();
    void comparisonFinished();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void showOpenDialog();
    void rebuildRecentMenu();
    void rememberRecent(const QStringList& files);
    void onLoaded(const std::vector<LoadResult>& results);
    void refreshTraceList();
    void showAbout();
    void startComparison();
    void showComparison();

    std::vector<TracePtr> m_traces;
    QStringList m_loadErrors;
    QStringList m_pendingFiles;
    LoadJob* m_loadJob = nullptr;
    QTreeWidget* m_traceList = nullptr;
    QListWidget* m_rootCauses = nullptr;
    QLabel* m_verdictLabel = nullptr;
    std::size_t m_targetIndex = 0;
    std::shared_ptr<const Comparison> m_comparison;
    QFutureWatcher<std::shared_ptr<const Comparison>> m_comparisonWatcher;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_statusLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelButton = nullptr;
};

} // namespace tracedelta
