// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/traceloader.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
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

Q_SIGNALS:
    void loadingFinished();

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

    std::vector<TracePtr> m_traces;
    QStringList m_loadErrors;
    QStringList m_pendingFiles;
    LoadJob* m_loadJob = nullptr;
    QTreeWidget* m_traceList = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_statusLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelButton = nullptr;
};

} // namespace tracedelta
