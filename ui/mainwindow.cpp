// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "core/util/durationformat.h"
#include "loadjob.h"

#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTreeWidget>

namespace tracedelta {

namespace {
constexpr int MaxRecentFiles = 10;
const char* const RecentFilesKey = "recentFiles";
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loadJob(new LoadJob(this))
{
    setWindowTitle(tr("TraceDelta"));
    setAcceptDrops(true);
    resize(1280, 800);

    m_traceList = new QTreeWidget(this);
    m_traceList->setHeaderLabels({tr("File"), tr("Role · format"), tr("Trace id"), tr("Spans"), tr("Duration"), tr("Notes")});
    m_traceList->setRootIsDecorated(true);
    m_traceList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_traceList->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* useAsTarget = new QAction(tr("Use as &Target"), m_traceList);
    connect(useAsTarget, &QAction::triggered, this, [this] {
        const int row = m_traceList->indexOfTopLevelItem(m_traceList->currentItem());
        if (row >= 0 && row < static_cast<int>(m_traces.size()))
            setTarget(static_cast<std::size_t>(row));
    });
    m_traceList->addAction(useAsTarget);
    setCentralWidget(m_traceList);

    auto* causesPanel = new QWidget(this);
    auto* causesLayout = new QVBoxLayout(causesPanel);
    m_verdictLabel = new QLabel(tr("Load two or more traces to compare them."), causesPanel);
    m_verdictLabel->setWordWrap(true);
    m_rootCauses = new QListWidget(causesPanel);
    m_rootCauses->setWordWrap(true);
    causesLayout->addWidget(m_verdictLabel);
    causesLayout->addWidget(m_rootCauses);
    auto* causesDock = new QDockWidget(tr("Root causes"), this);
    causesDock->setObjectName(QStringLiteral("rootCausesDock"));
    causesDock->setWidget(causesPanel);
    addDockWidget(Qt::BottomDockWidgetArea, causesDock);
    connect(&m_comparisonWatcher, &QFutureWatcher<std::shared_ptr<const Comparison>>::finished, this,
            &MainWindow::showComparison);

    m_statusLabel = new QLabel(tr("Open trace files with File → Open or drop them here."), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);

    connect(m_cancelButton, &QPushButton::clicked, m_loadJob, &LoadJob::cancel);
    connect(m_loadJob, &LoadJob::progress, this, [this](int permille, const QString& file) {
        m_progress->setValue(permille);
        m_statusLabel->setText(tr("Loading %1…").arg(QFileInfo(file).fileName()));
    });
    connect(m_loadJob, &LoadJob::finished, this, &MainWindow::onLoaded);
    createMenus();
}

MainWindow::~MainWindow()
{
    m_comparisonWatcher.waitForFinished();
}

void MainWindow::setTarget(std::size_t traceIndex)
{
    m_targetIndex = traceIndex;
    refreshTraceList();
    startComparison();
}

// The comparison runs on a worker; the window only ever sees the finished result.
void MainWindow::startComparison()
{
    if (m_traces.empty())
        return;
    if (m_comparisonWatcher.isRunning()) {
        m_comparisonWatcher.waitForFinished();
    }
    std::vector<TracePtr> baselines;
    for (std::size_t i = 0; i < m_traces.size(); ++i) {
        if (i != m_targetIndex)
            baselines.push_back(m_traces[i]);
    }
    const TracePtr target = m_traces[m_targetIndex];
    m_verdictLabel->setText(tr("Comparing…"));
    m_comparisonWatcher.setFuture(QtConcurrent::run([baselines, target]() -> std::shared_ptr<const Comparison> {
        return std::make_shared<const Comparison>(baselines, target);
    }));
}

void MainWindow::showComparison()
{
    m_comparison = m_comparisonWatcher.result();
    m_rootCauses->clear();
    QString text = QStringLiteral("<b>%1</b>").arg(m_comparison->verdictSentence().toHtmlEscaped());
    for (const QString& note : m_comparison->notes())
        text += QStringLiteral("<br>") + note.toHtmlEscaped();
    m_verdictLabel->setText(text);
    int rank = 0;
    for (const Candidate& candidate : m_comparison->candidates())
        m_rootCauses->addItem(QStringLiteral("%1. %2").arg(++rank).arg(candidate.reason));
    if (m_comparison->candidates().empty() && m_comparison->verdict() != Verdict::Identical)
        m_rootCauses->addItem(tr("No span explains the difference beyond the thresholds."));
    Q_EMIT comparisonFinished();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About TraceDelta"), this, &MainWindow::showAbout);
}

bool MainWindow::isLoading() const
{
    return m_loadJob->isRunning();
}

void MainWindow::openFiles(const QStringList& files)
{
    if (files.isEmpty())
        return;
    if (m_loadJob->isRunning()) {
        m_pendingFiles += files;
        return;
    }
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->show();
    m_loadJob->start(files);
}

void MainWindow::onLoaded(const std::vector<LoadResult>& results)
{
    m_progress->hide();
    m_cancelButton->hide();
    QStringList errors;
    QStringList loadedFiles;
    int cancelled = 0;
    for (const LoadResult& result : results) {
        if (result.cancelled) {
            ++cancelled;
            continue;
        }
        if (!result.ok()) {
            errors << result.error;
            continue;
        }
        loadedFiles << result.file;
        m_traces.insert(m_traces.end(), result.traces.begin(), result.traces.end());
    }
    m_loadErrors += errors;
    rememberRecent(loadedFiles);
    // The last file opened is the target by default: "tracedelta normal… slow".
    if (!m_traces.empty())
        m_targetIndex = m_traces.size() - 1;
    refreshTraceList();
    startComparison();
    m_statusLabel->setText(cancelled > 0 ? tr("Loading cancelled; %n trace(s) loaded.", nullptr, int(m_traces.size()))
                                         : tr("%n trace(s) loaded.", nullptr, int(m_traces.size())));
    if (!errors.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Some files could not be loaded"),
                                    tr("%n file(s) could not be loaded. The other traces stay open.", nullptr,
                                       int(errors.size())),
                                    QMessageBox::Ok, this);
        box->setDetailedText(errors.join(QLatin1Char('\n')));
        box->setInformativeText(errors.first());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT loadingFinished();
    if (!m_pendingFiles.isEmpty())
        openFiles(std::exchange(m_pendingFiles, {}));
}

void MainWindow::refreshTraceList()
{
    m_traceList->clear();
    for (const TracePtr& trace : m_traces) {
        auto* item = new QTreeWidgetItem(m_traceList);
        item->setText(0, QFileInfo(trace->sourceFile()).fileName());
        item->setToolTip(0, trace->sourceFile());
        item->setText(1, formatName(trace->format()));
        item->setText(2, QString::fromStdString(trace->traceId()));
        item->setText(3, QString::number(trace->spanCount()));
        item->setText(4, formatDuration(trace->wallDurationNs()));
        item->setText(5, trace->diagnostics().empty() ? QString() : tr("%n note(s)", nullptr, int(trace->diagnostics().size())));
        const bool isTarget = static_cast<std::size_t>(m_traceList->topLevelItemCount() - 1) == m_targetIndex;
        item->setText(1, (isTarget ? tr("target") : tr("baseline")) + QStringLiteral(" · ") + formatName(trace->format()));
        if (isTarget) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int column = 0; column < 6; ++column)
                item->setFont(column, bold);
        }
        for (const Diagnostic& d : trace->diagnostics()) {
            auto* child = new QTreeWidgetItem(item);
            child->setText(0, severityName(d.severity));
            child->setText(5, d.message);
        }
    }
    for (const QString& error : m_loadErrors) {
        auto* item = new QTreeWidgetItem(m_traceList);
        item->setText(0, tr("failed"));
        item->setForeground(0, QColor(0xc0, 0x20, 0x20));
        item->setText(5, error);
    }
}

void MainWindow::showOpenDialog()
{
    QSettings settings;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Trace Files"), settings.value(QStringLiteral("lastDirectory")).toString(),
        tr("Trace files (*.json *.json.gz *.gz);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(files.first()).absolutePath());
    openFiles(files);
}

void MainWindow::rememberRecent(const QStringList& files)
{
    if (files.isEmpty())
        return;
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(RecentFilesKey)).toStringList();
    for (const QString& file : files) {
        const QString absolute = QFileInfo(file).absoluteFilePath();
        recent.removeAll(absolute);
        recent.prepend(absolute);
    }
    settings.setValue(QLatin1String(RecentFilesKey), recent.mid(0, MaxRecentFiles));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(RecentFilesKey)).toStringList();
    for (const QString& file : recent)
        m_recentMenu->addAction(QFileInfo(file).fileName(), this, [this, file] { openFiles({file}); })->setToolTip(file);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    openFiles(files);
    event->acceptProposedAction();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About TraceDelta"),
                       tr("<h3>TraceDelta %1</h3><p>Compare distributed and profiler traces side by side and find "
                          "where the time went.</p><p>TraceDelta is free software: you can redistribute it and/or "
                          "modify it under the terms of the GNU General Public License, version 3 or (at your "
                          "option) any later version.</p><p>Built with Qt %2 (LGPLv3), QCustomPlot (GPLv3) and "
                          "nlohmann/json (MIT).</p>")
                           .arg(QStringLiteral(TRACEDELTA_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace tracedelta
