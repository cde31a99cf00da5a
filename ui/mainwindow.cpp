// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "dialogs/loadlimitsdialog.h"

#include "annotations/annotationstore.h"
#include "comparisonview.h"
#include "export/incidentreport.h"
#include "core/util/durationformat.h"
#include "language.h"
#include "loadjob.h"
#include "navigation/selectionstate.h"
#include "navigation/timeaxis.h"
#include "panels/detailspanel.h"
#include "panels/rootcausepanel.h"

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QDir>
#include <QInputDialog>
#include <QStandardPaths>
#include <QTimer>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

// Q_INIT_RESOURCE must be called outside a namespace; a static library's resources are
// otherwise dropped by the linker.
static void initTraceDeltaResources()
{
    Q_INIT_RESOURCE(tracedelta);
}

namespace tracedelta {

namespace {
constexpr int MaxRecentFiles = 10;

// The desktop's icon theme first, the bundled picture when the theme has none.
QIcon themedIcon(const char* name)
{
    const QString themeName = QString::fromLatin1(name);
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(themeName)));
}

const char* const RecentFilesKey = "recentFiles";
const char* const ThemeKey = "theme";
const char* const WindowStateKey = "windowState";
const char* const GeometryKey = "geometry";
const char* const OrientationKey = "sideBySide";
const char* const ExactNamesKey = "comparison/exactNames";

// Distinct, colour-blind-friendly swatches for telling traces apart (Okabe–Ito).
const QColor TraceColors[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73),
                              QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00),
                              QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x00, 0x00)};

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x25, 0x27, 0x2b));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5c));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loadJob(new LoadJob(this))
    , m_axis(new TimeAxis(this))
    , m_selection(new SelectionState(this))
    , m_fileWatcher(new QFileSystemWatcher(this))
    , m_annotations(new AnnotationStore(this))
    , m_autosaveTimer(new QTimer(this))
    , m_autosave(std::make_unique<AutosaveSession>(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)))
{
    initTraceDeltaResources();
    setWindowTitle(tr("TraceDelta"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.tracedelta.TraceDelta"), QIcon(QStringLiteral(":/icons/tracedelta.svg"))));
    setAcceptDrops(true);
    resize(1400, 900);

    m_view = new ComparisonView(m_axis, m_selection, this);
    m_view->setAnnotationStore(m_annotations);
    setCentralWidget(m_view);
    // Notes are autosaved shortly after every change, so a crash loses nothing.
    m_autosaveTimer->setSingleShot(true);
    m_autosaveTimer->setInterval(1500);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    connect(m_annotations, &AnnotationStore::changed, m_autosaveTimer, qOverload<>(&QTimer::start));
    createDocks();
    createStatusBar();
    createActions();

    connect(m_loadJob, &LoadJob::progress, this, [this](int permille, const QString& file) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(permille);
        m_statusLabel->setText(tr("Loading %1…").arg(QFileInfo(file).fileName()));
    });
    connect(m_loadJob, &LoadJob::finished, this, &MainWindow::onLoaded);
    connect(&m_comparisonWatcher, &QFutureWatcher<ComparisonOutcome>::finished, this, &MainWindow::onComparisonDone);
    connect(m_fileWatcher, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
        for (TraceEntry& entry : m_entries) {
            if (QFileInfo(entry.trace->sourceFile()).absoluteFilePath() == path)
                entry.changedOnDisk = true;
        }
        refreshTraceList();
        statusBar()->showMessage(tr("%1 changed on disk; reload it from the Traces panel (F5).").arg(QFileInfo(path).fileName()),
                                 10000);
    });

    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(GeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(WindowStateKey)).toByteArray());
}

MainWindow::~MainWindow()
{
    m_comparisonWatcher.waitForFinished();
}

void MainWindow::createDocks()
{
    m_tracesPanel = new TracesPanel(this);
    auto* tracesDock = new QDockWidget(tr("Traces"), this);
    tracesDock->setObjectName(QStringLiteral("tracesDock"));
    tracesDock->setWidget(m_tracesPanel);
    addDockWidget(Qt::TopDockWidgetArea, tracesDock);
    connect(m_tracesPanel, &TracesPanel::targetRequested, this, [this](int i) { setTarget(static_cast<std::size_t>(i)); });
    connect(m_tracesPanel, &TracesPanel::inclusionChanged, this,
            [this](int i, bool included) { setIncluded(static_cast<std::size_t>(i), included); });
    connect(m_tracesPanel, &TracesPanel::closeRequested, this, [this](int i) { closeTrace(static_cast<std::size_t>(i)); });
    connect(m_tracesPanel, &TracesPanel::reloadRequested, this, [this](int i) { reloadTrace(static_cast<std::size_t>(i)); });

    m_rootCauses = new RootCausePanel(m_selection, this);
    auto* causesDock = new QDockWidget(tr("Root causes"), this);
    causesDock->setObjectName(QStringLiteral("rootCausesDock"));
    causesDock->setWidget(m_rootCauses);
    addDockWidget(Qt::RightDockWidgetArea, causesDock);

    m_details = new DetailsPanel(m_selection, this);
    auto* detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(QStringLiteral("detailsDock"));
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    resizeDocks({causesDock, detailsDock}, {380, 380}, Qt::Horizontal);
    resizeDocks({tracesDock}, {150}, Qt::Vertical);
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(tr("Open trace files with File → Open or drop them here."), this);
    m_verdictStatus = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addWidget(m_verdictStatus, 2);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelWork);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    open->setIcon(themedIcon("document-open"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    createExportActions(file);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_annotations->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_annotations->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Annotate &Top Findings…"), this, &MainWindow::annotateTopFindings);
    QAction* hint = edit->addAction(tr("Right-click a span to add a note; Shift+drag to note a time range"));
    hint->setEnabled(false);
    edit->addSeparator();
    edit->addAction(tr("Load &Limits…"), this, [this] { LoadLimitsDialog(this).exec(); });

    QToolBar* toolbar = addToolBar(tr("View"));
    toolbar->setObjectName(QStringLiteral("viewToolbar"));
    toolbar->addAction(open);
    toolbar->addSeparator();

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    auto* modes = new QActionGroup(this);
    QAction* timelines = m_viewMenu->addAction(tr("&Timelines"));
    QAction* flames = m_viewMenu->addAction(tr("&Flame Graphs"));
    for (QAction* action : {timelines, flames}) {
        action->setCheckable(true);
        modes->addAction(action);
        toolbar->addAction(action);
    }
    timelines->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    flames->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    timelines->setChecked(true);
    connect(timelines, &QAction::triggered, this, [this] { m_view->setMode(ComparisonView::Mode::Timelines); });
    connect(flames, &QAction::triggered, this, [this] { m_view->setMode(ComparisonView::Mode::FlameGraphs); });
    connect(m_view, &ComparisonView::modeChanged, this, [timelines, flames](ComparisonView::Mode mode) {
        (mode == ComparisonView::Mode::Timelines ? timelines : flames)->setChecked(true);
    });

    QAction* sideBySide = m_viewMenu->addAction(tr("&Side by Side"));
    sideBySide->setCheckable(true);
    sideBySide->setToolTip(tr("Put the panes next to each other instead of one above the other"));
    connect(sideBySide, &QAction::toggled, this, [this](bool on) {
        m_view->setOrientation(on ? Qt::Horizontal : Qt::Vertical);
        QSettings().setValue(QLatin1String(OrientationKey), on);
    });
    sideBySide->setChecked(QSettings().value(QLatin1String(OrientationKey), false).toBool());
    toolbar->addAction(sideBySide);
    QAction* alignNumbered = m_viewMenu->addAction(tr("Align &Numbered Names"));
    alignNumbered->setObjectName(QStringLiteral("alignNumberedNames"));
    alignNumbered->setCheckable(true);
    alignNumbered->setToolTip(tr("Align ProfilerStep#551 with ProfilerStep#1009, /users/123 with /users/77, and threads and GPU "
                                 "streams by the work on them rather than by their numbers"));
    alignNumbered->setChecked(!QSettings().value(QLatin1String(ExactNamesKey), false).toBool());
    connect(alignNumbered, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QLatin1String(ExactNamesKey), !on);
        startComparison();
    });
    m_viewMenu->addSeparator();

    QAction* zoomIn = m_viewMenu->addAction(tr("Zoom &In"), this, [this] { m_axis->zoom(1.25); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    zoomIn->setIcon(themedIcon("zoom-in"));
    QAction* zoomOut = m_viewMenu->addAction(tr("Zoom &Out"), this, [this] { m_axis->zoom(0.8); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    zoomOut->setIcon(themedIcon("zoom-out"));
    QAction* zoomReset = m_viewMenu->addAction(tr("&Reset Zoom"), this, [this] { m_axis->reset(); });
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    zoomReset->setIcon(themedIcon("zoom-original"));
    toolbar->addSeparator();
    toolbar->addAction(zoomIn);
    toolbar->addAction(zoomOut);
    toolbar->addAction(zoomReset);

    m_alignmentBox = new QComboBox(this);
    m_alignmentBox->addItem(tr("Relative to trace start"));
    m_alignmentBox->addItem(tr("Absolute wall clock"));
    m_alignmentBox->setToolTip(tr("How the panes' time axes line up"));
    connect(m_alignmentBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_axis->setAlignment(index == 1 ? TimeAxis::Alignment::AbsoluteWallClock : TimeAxis::Alignment::RelativeToTraceStart);
    });
    toolbar->addWidget(m_alignmentBox);
    toolbar->addSeparator();

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search name, service, id or attribute…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    connect(m_search, &QLineEdit::textChanged, m_selection, &SelectionState::setSearchText);
    toolbar->addWidget(m_search);
    QAction* find = m_viewMenu->addAction(tr("&Search…"), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    m_viewMenu->addSeparator();
    QMenu* theme = m_viewMenu->addMenu(tr("T&heme"));
    auto* themes = new QActionGroup(this);
    const std::pair<QString, Theme> themeChoices[] = {
        {tr("&System"), Theme::System}, {tr("&Light"), Theme::Light}, {tr("&Dark"), Theme::Dark}};
    const int savedTheme = QSettings().value(QLatin1String(ThemeKey), 0).toInt();
    for (const auto& [label, value] : themeChoices) {
        QAction* action = theme->addAction(label);
        action->setCheckable(true);
        action->setChecked(static_cast<int>(value) == savedTheme);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, value] {
            setTheme(value);
            QSettings().setValue(QLatin1String(ThemeKey), static_cast<int>(value));
        });
    }
    if (savedTheme != 0)
        setTheme(static_cast<Theme>(savedTheme));
    QMenu* language = m_viewMenu->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    QList<std::pair<QString, QString>> languageChoices{{QString(), tr("System Language")}};
    languageChoices += availableLanguages();
    for (const auto& [code, name] : languageChoices) {
        QAction* action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == savedLanguage());
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            saveLanguage(code);
            QMessageBox::information(this, tr("Language"), tr("TraceDelta will use the new language the next time it starts."));
        });
    }
    m_viewMenu->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About TraceDelta"), this, &MainWindow::showAbout);
}

void MainWindow::createExportActions(QMenu* file)
{
    QAction* exportImage = file->addAction(tr("&Export Image…"), this, &MainWindow::showExportImageDialog);
    exportImage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportImage->setIcon(themedIcon("document-export"));
    file->addAction(tr("Export &Report…"), this, &MainWindow::showExportReportDialog);
    QAction* copy = file->addAction(tr("&Copy Image"), this, &MainWindow::copyImage);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction* table = file->addAction(tr("Ranked &Table in Exports"));
    table->setCheckable(true);
    table->setChecked(m_includeTableInExports);
    connect(table, &QAction::toggled, this, [this](bool on) { m_includeTableInExports = on; });
    file->addSeparator();
    QAction* openWorkspace = file->addAction(tr("Open &Workspace…"), this, &MainWindow::showOpenWorkspaceDialog);
    openWorkspace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction* saveWorkspace = file->addAction(tr("&Save Workspace…"), this, &MainWindow::showSaveWorkspaceDialog);
    saveWorkspace->setShortcut(QKeySequence::Save);
}

PictureSettings MainWindow::pictureSettings() const
{
    PictureSettings settings;
    settings.content = m_view->mode() == ComparisonView::Mode::Timelines ? PictureSettings::Content::Timelines
                                                                         : PictureSettings::Content::FlameGraphs;
    settings.width = std::max(1000, m_view->width());
    settings.rankedTable = m_includeTableInExports;
    return settings;
}

void MainWindow::reportFailure(const QString& title, const QString& message)
{
    statusBar()->showMessage(message, 10000);
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setInformativeText(tr("Nothing was lost: the traces and notes are still open; try another location."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString MainWindow::exportImage(const QString& path, double pngScale)
{
    if (!m_outcome.comparison)
        return tr("Nothing to export: load traces first.");
    return writePicture(ReportPicture(*m_view, pictureSettings()), path, pngScale);
}

QString MainWindow::exportReport(const QString& path)
{
    if (!m_outcome.comparison)
        return tr("Nothing to export: load traces first.");
    return writeIncidentReport(*m_outcome.comparison, ReportPicture(*m_view, pictureSettings()), m_annotations->annotations(),
                               path);
}

void MainWindow::showExportImageDialog()
{
    if (!m_outcome.comparison)
        return reportFailure(tr("Export Image"), tr("Nothing to export: load traces first."));
    QSettings settings;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Image"), settings.value(QStringLiteral("lastExport"), QStringLiteral("comparison.png")).toString(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &filter);
    if (path.isEmpty())
        return;
    double scale = 1.0;
    if (QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0) {
        bool ok = false;
        const QStringList scales{QStringLiteral("1×"), QStringLiteral("2×"), QStringLiteral("3×")};
        const QString choice = QInputDialog::getItem(this, tr("Export Image"), tr("Scale (for high-DPI screens):"), scales,
                                                     devicePixelRatio() > 1.5 ? 1 : 0, false, &ok);
        if (!ok)
            return;
        scale = scales.indexOf(choice) + 1.0;
    }
    settings.setValue(QStringLiteral("lastExport"), path);
    if (const QString error = exportImage(path, scale); !error.isEmpty())
        return reportFailure(tr("Export failed"), error);
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::showExportReportDialog()
{
    if (!m_outcome.comparison)
        return reportFailure(tr("Export Report"), tr("Nothing to export: load traces first."));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), QStringLiteral("incident-report.html"),
                                                      tr("HTML report (*.html);;Markdown report (*.md)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportReport(path); !error.isEmpty())
        return reportFailure(tr("Export failed"), error);
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::copyImage()
{
    if (!m_outcome.comparison)
        return;
    QGuiApplication::clipboard()->setImage(ReportPicture(*m_view, pictureSettings()).toImage(devicePixelRatio()));
    statusBar()->showMessage(tr("The picture is on the clipboard."), 5000);
}

void MainWindow::annotateTopFindings()
{
    if (!m_outcome.comparison || m_outcome.comparison->candidates().empty())
        return reportFailure(tr("Annotate Top Findings"), tr("There are no root-cause candidates to annotate."));
    bool ok = false;
    const int count = QInputDialog::getInt(this, tr("Annotate Top Findings"), tr("How many findings:"), 3, 1, 20, 1, &ok);
    if (ok)
        m_annotations->annotateTopFindings(*m_outcome.comparison, count);
}

Workspace MainWindow::currentWorkspace() const
{
    Workspace w;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Trace& trace = *m_entries[i].trace;
        w.traces.push_back({QFileInfo(trace.sourceFile()).absoluteFilePath(), trace.traceId(), m_entries[i].included,
                            i == m_targetIndex});
    }
    w.annotations = m_annotations->annotations();
    for (Annotation& a : w.annotations)
        a.traceFile = QFileInfo(a.traceFile).absoluteFilePath();
    w.view.mode = static_cast<int>(m_view->mode());
    w.view.sideBySide = m_view->orientation() == Qt::Horizontal;
    w.view.absoluteTime = m_axis->alignment() == TimeAxis::Alignment::AbsoluteWallClock;
    if (!m_axis->isZoomedOut()) {
        w.view.viewStartNs = m_axis->viewStartNs();
        w.view.viewEndNs = m_axis->viewEndNs();
    }
    w.view.search = m_selection->searchText();
    return w;
}

QString MainWindow::saveWorkspaceTo(const QString& path)
{
    QString error;
    if (!saveWorkspace(currentWorkspace(), path, error))
        return error;
    m_workspacePath = path;
    m_annotations->undoStack()->setClean();
    m_autosave->discard();
    return {};
}

QString MainWindow::openWorkspace(const QString& path)
{
    Workspace w;
    QString error;
    if (!loadWorkspace(path, w, error))
        return error;
    QStringList files;
    for (const Workspace::TraceRef& ref : w.traces) {
        if (!files.contains(ref.file))
            files << ref.file;
    }
    // The traces already open stay open; the workspace's files are added once each.
    for (const TraceEntry& entry : m_entries)
        files.removeAll(QFileInfo(entry.trace->sourceFile()).absoluteFilePath());
    m_workspacePath = path;
    m_pendingWorkspace = std::move(w);
    if (files.isEmpty())
        applyPendingWorkspace();
    else
        openFiles(files);
    return {};
}

void MainWindow::applyPendingWorkspace()
{
    if (!m_pendingWorkspace)
        return;
    const Workspace w = std::move(*m_pendingWorkspace);
    m_pendingWorkspace.reset();
    for (const Workspace::TraceRef& ref : w.traces) {
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            const Trace& trace = *m_entries[i].trace;
            if (QFileInfo(trace.sourceFile()).absoluteFilePath() != ref.file || trace.traceId() != ref.traceId)
                continue;
            m_entries[i].included = ref.included;
            if (ref.target)
                m_targetIndex = i;
        }
    }
    // Notes name their trace by the path it was loaded from.
    std::vector<Annotation> notes = w.annotations;
    for (Annotation& note : notes) {
        for (const TraceEntry& entry : m_entries) {
            if (QFileInfo(entry.trace->sourceFile()).absoluteFilePath() == note.traceFile)
                note.traceFile = entry.trace->sourceFile();
        }
    }
    m_annotations->reset(std::move(notes));
    m_view->setMode(static_cast<ComparisonView::Mode>(w.view.mode));
    m_view->setOrientation(w.view.sideBySide ? Qt::Horizontal : Qt::Vertical);
    m_alignmentBox->setCurrentIndex(w.view.absoluteTime ? 1 : 0);
    m_search->setText(w.view.search);
    m_pendingView = w.view;
    refreshTraceList();
    startComparison();
}

void MainWindow::showSaveWorkspaceDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Workspace"), m_workspacePath.isEmpty() ? QStringLiteral("investigation.tdelta") : m_workspacePath,
        tr("TraceDelta workspace (*.tdelta)"));
    if (path.isEmpty())
        return;
    if (const QString error = saveWorkspaceTo(path); !error.isEmpty())
        return reportFailure(tr("Save failed"), error);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::showOpenWorkspaceDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), QString(),
                                                      tr("TraceDelta workspace (*.tdelta);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = openWorkspace(path); !error.isEmpty())
        reportFailure(tr("Cannot open workspace"), error);
}

QString MainWindow::autosavePath() const
{
    return m_autosave->path();
}

void MainWindow::autosave()
{
    if (m_annotations->undoStack()->isClean()) {
        m_autosave->discard(); // back to the saved state: nothing to recover
        return;
    }
    QString error;
    if (!saveWorkspace(currentWorkspace(), autosavePath(), error))
        statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 10000);
}

void MainWindow::offerAutosaveRecovery()
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
        reportFailure(tr("Cannot restore notes"),
                      kept.isEmpty() ? tr("The notes autosaved by an earlier session cannot be read: %1").arg(error)
                                     : tr("The notes autosaved by an earlier session cannot be read: %1\nThe file was kept "
                                          "as %2.")
                                           .arg(error, QDir::toNativeSeparators(kept)));
        return;
    }
    const auto answer = QMessageBox::question(this, tr("Restore Notes"),
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
        reportFailure(tr("Cannot restore"), openError);
    m_workspacePath.clear();
}

void MainWindow::setTheme(Theme theme)
{
    static const QString systemStyle = QApplication::style()->name();
    if (theme == Theme::Dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    } else {
        QApplication::setStyle(QStyleFactory::create(theme == Theme::Light ? QStringLiteral("Fusion") : systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
}

std::vector<TracePtr> MainWindow::traces() const
{
    std::vector<TracePtr> result;
    for (const TraceEntry& entry : m_entries)
        result.push_back(entry.trace);
    return result;
}

bool MainWindow::isLoading() const
{
    return m_loadJob->isRunning();
}

bool MainWindow::isComparing() const
{
    return m_comparisonWatcher.isRunning();
}

void MainWindow::setTarget(std::size_t entryIndex)
{
    if (entryIndex >= m_entries.size())
        return;
    m_targetIndex = entryIndex;
    m_entries[entryIndex].included = true;
    refreshTraceList();
    startComparison();
}

void MainWindow::setIncluded(std::size_t entryIndex, bool included)
{
    if (entryIndex >= m_entries.size())
        return refreshTraceList();
    if (entryIndex == m_targetIndex && !included) {
        statusBar()->showMessage(tr("The target always takes part in the comparison: make another trace the target "
                                    "first (select it and press T)."),
                                 10000);
        return refreshTraceList();
    }
    m_entries[entryIndex].included = included;
    refreshTraceList();
    startComparison();
}

void MainWindow::closeTrace(std::size_t entryIndex)
{
    if (entryIndex >= m_entries.size())
        return;
    const QString file = m_entries[entryIndex].trace->sourceFile();
    m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(entryIndex));
    const bool stillWatched = std::any_of(m_entries.begin(), m_entries.end(),
                                          [&file](const TraceEntry& e) { return e.trace->sourceFile() == file; });
    if (!stillWatched)
        m_fileWatcher->removePath(QFileInfo(file).absoluteFilePath());
    if (m_targetIndex == entryIndex)
        m_targetIndex = m_entries.empty() ? 0 : m_entries.size() - 1;
    else if (m_targetIndex > entryIndex)
        --m_targetIndex;
    refreshTraceList();
    startComparison();
}

void MainWindow::reloadTrace(std::size_t entryIndex)
{
    if (entryIndex >= m_entries.size())
        return;
    const QString file = m_entries[entryIndex].trace->sourceFile();
    if (m_entries[m_targetIndex].trace->sourceFile() == file)
        m_reloadTargetFile = file;
    // Remove every trace of that file, then load it again; the others stay as they are.
    for (std::size_t i = m_entries.size(); i-- > 0;) {
        if (m_entries[i].trace->sourceFile() == file) {
            m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(i));
            if (m_targetIndex > i)
                --m_targetIndex;
        }
    }
    m_targetIndex = std::min(m_targetIndex, m_entries.empty() ? 0 : m_entries.size() - 1);
    openFiles({file});
}

void MainWindow::openFiles(const QStringList& requested)
{
    QStringList files;
    for (const QString& file : requested) {
        if (file.endsWith(QLatin1String(".tdelta"), Qt::CaseInsensitive)) {
            if (const QString error = openWorkspace(file); !error.isEmpty())
                reportFailure(tr("Cannot open workspace"), error);
        } else {
            files << file;
        }
    }
    if (files.isEmpty())
        return;
    if (m_loadJob->isRunning()) {
        m_pendingFiles += files;
        return;
    }
    m_progress->setRange(0, 1000);
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
    std::size_t newTarget = m_entries.size();
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
        m_fileWatcher->addPath(QFileInfo(result.file).absoluteFilePath());
        for (const TracePtr& trace : result.traces) {
            if (!m_reloadTargetFile.isEmpty() && trace->sourceFile() == m_reloadTargetFile)
                newTarget = m_entries.size();
            m_entries.push_back({trace, TraceColors[m_nextColor++ % std::size(TraceColors)], true, false});
        }
    }
    m_loadErrors += errors;
    rememberRecent(loadedFiles);
    // The last file opened is the target by default: "tracedelta normal… slow".
    if (!m_reloadTargetFile.isEmpty() && newTarget < m_entries.size())
        m_targetIndex = newTarget;
    else if (m_reloadTargetFile.isEmpty() && !m_entries.empty() && !loadedFiles.isEmpty())
        m_targetIndex = m_entries.size() - 1;
    m_reloadTargetFile.clear();
    if (m_pendingWorkspace && m_pendingFiles.isEmpty()) {
        applyPendingWorkspace();
    } else {
        refreshTraceList();
        startComparison();
    }
    m_statusLabel->setText(cancelled > 0 ? tr("Loading cancelled; %n trace(s) loaded.", nullptr, int(m_entries.size()))
                                         : tr("%n trace(s) loaded.", nullptr, int(m_entries.size())));
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

// The comparison runs on a worker; the window only ever sees the finished result.
void MainWindow::startComparison()
{
    if (m_comparisonWatcher.isRunning()) {
        m_comparisonQueued = true;
        return;
    }
    if (m_entries.empty()) {
        m_outcome = {};
        m_comparedEntries.clear();
        m_selection->reset();
        m_view->clear();
        m_rootCauses->setBusy(tr("Load two or more traces to compare them."));
        m_details->setComparison(nullptr, {});
        updateStatus();
        return;
    }
    std::vector<TracePtr> baselines;
    m_pendingComparedEntries.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (i != m_targetIndex && m_entries[i].included) {
            baselines.push_back(m_entries[i].trace);
            m_pendingComparedEntries.push_back(i);
        }
    }
    m_pendingComparedEntries.push_back(m_targetIndex);
    const TracePtr target = m_entries[m_targetIndex].trace;
    m_comparisonCancelled = false;
    m_rootCauses->setBusy(tr("Comparing…"));
    m_progress->setRange(0, 0); // busy: the engine does not report fractions
    m_progress->show();
    m_cancelButton->show();
    ComparisonSettings settings;
    settings.exactNames = QSettings().value(QLatin1String(ExactNamesKey), false).toBool();
    m_comparisonWatcher.setFuture(QtConcurrent::run([baselines, target, settings]() {
        ComparisonOutcome outcome;
        auto comparison = std::make_shared<const Comparison>(baselines, target, settings);
        outcome.highlights = std::make_shared<const ComparisonHighlights>(*comparison);
        outcome.comparison = std::move(comparison);
        return outcome;
    }));
}

void MainWindow::cancelWork()
{
    if (m_loadJob->isRunning())
        m_loadJob->cancel();
    if (m_comparisonWatcher.isRunning()) {
        m_comparisonCancelled = true;
        m_comparisonQueued = false;
    }
}

void MainWindow::onComparisonDone()
{
    if (!m_loadJob->isRunning()) {
        m_progress->hide();
        m_cancelButton->hide();
    }
    if (m_comparisonQueued) {
        m_comparisonQueued = false;
        startComparison();
        return;
    }
    if (m_comparisonCancelled) {
        m_rootCauses->setBusy(tr("Comparison cancelled. Change the target or the baselines to compare again."));
        return;
    }
    m_outcome = m_comparisonWatcher.result();
    m_comparedEntries = m_pendingComparedEntries;
    m_selection->reset();
    std::vector<PaneTitle> titles;
    QStringList labels;
    for (std::size_t t = 0; t < m_comparedEntries.size(); ++t) {
        const std::size_t entry = m_comparedEntries[t];
        titles.push_back({traceLabel(entry), m_entries[entry].color});
        labels << traceLabel(entry);
    }
    m_view->setComparison(m_outcome.comparison, m_outcome.highlights, titles);
    m_rootCauses->setComparison(m_outcome.comparison);
    m_details->setComparison(m_outcome.comparison, labels);
    updateStatus();
    if (m_pendingView) {
        if (m_pendingView->viewEndNs > m_pendingView->viewStartNs)
            m_axis->setView(m_pendingView->viewStartNs, m_pendingView->viewEndNs);
        m_pendingView.reset();
        Q_EMIT workspaceRestored();
    }
    Q_EMIT comparisonFinished();
}

QString MainWindow::traceLabel(std::size_t entryIndex) const
{
    return ComparisonView::paneTitle(*m_entries[entryIndex].trace, entryIndex == m_targetIndex);
}

void MainWindow::updateStatus()
{
    if (!m_outcome.comparison) {
        m_verdictStatus->clear();
        return;
    }
    m_verdictStatus->setText(m_outcome.comparison->verdictSentence());
    m_statusLabel->setText(tr("%n trace(s) loaded, %1 compared.", nullptr, int(m_entries.size()))
                               .arg(m_comparedEntries.size()));
}

void MainWindow::refreshTraceList()
{
    m_tracesPanel->setTraces(m_entries, m_targetIndex, m_loadErrors);
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

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_annotations->undoStack()->isClean() && !m_annotations->annotations().empty()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved Notes"), tr("Save your notes in a workspace before closing?"),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            showSaveWorkspaceDialog();
            if (!m_annotations->undoStack()->isClean()) {
                event->ignore();
                return;
            }
        }
    }
    m_autosave->discard();
    QSettings settings;
    settings.setValue(QLatin1String(GeometryKey), saveGeometry());
    settings.setValue(QLatin1String(WindowStateKey), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(
        this, tr("Keyboard Shortcuts"),
        tr("<table>"
           "<tr><td><b>Mouse wheel</b>, <b>W</b> / <b>S</b>, <b>+</b> / <b>−</b></td><td>zoom in / out at the cursor</td></tr>"
           "<tr><td><b>Drag</b>, <b>A</b> / <b>D</b>, <b>←</b> / <b>→</b></td><td>pan in time</td></tr>"
           "<tr><td><b>Shift + wheel</b>, <b>↑</b> / <b>↓</b></td><td>scroll rows</td></tr>"
           "<tr><td><b>Double-click</b></td><td>zoom to a span</td></tr>"
           "<tr><td><b>0</b>, <b>Ctrl+0</b></td><td>show the whole trace</td></tr>"
           "<tr><td><b>Click</b></td><td>select a span and its counterparts in every pane</td></tr>"
           "<tr><td><b>Esc</b></td><td>clear the selection</td></tr>"
           "<tr><td><b>Ctrl+F</b></td><td>search</td></tr>"
           "<tr><td><b>Ctrl+1</b> / <b>Ctrl+2</b></td><td>timelines / flame graphs</td></tr>"
           "<tr><td><b>Right-click</b> a span</td><td>add a note</td></tr>"
           "<tr><td><b>Shift + drag</b></td><td>note a time range</td></tr>"
           "<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td><td>undo / redo notes</td></tr>"
           "<tr><td><b>Ctrl+E</b>, <b>Ctrl+Shift+C</b></td><td>export image, copy image</td></tr>"
           "<tr><td><b>Ctrl+S</b>, <b>Ctrl+Shift+O</b></td><td>save / open workspace</td></tr>"
           "</table>"));
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
