// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "style/elidedlabel.h"
#include "core/remote/servertracestore.h"

#include "dialogs/helpdialogs.h"
#include "dialogs/loadlimitsdialog.h"
#include "dialogs/receivedialog.h"
#include "panels/noticebar.h"
#include "dialogs/serverdialog.h"
#include "session/secretstore.h"
#include "style/darkpalette.h"

#include "actions/comparisonactions.h"
#include "actions/exportactions.h"
#include "actions/occurrenceactions.h"
#include "actions/workspaceactions.h"
#include "annotations/annotationstore.h"
#include "comparisonview.h"
#include "core/util/durationformat.h"
#include "language.h"
#include "navigation/searchbar.h"
#include "navigation/selectionstate.h"
#include "navigation/timeaxis.h"
#include "panels/detailspanel.h"
#include "panels/rootcausepanel.h"
#include "panels/statisticspanel.h"
#include "session/recentcomparisons.h"

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
#include <QUndoStack>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QVBoxLayout>
#include <QLocale>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QPainter>
#include <QSaveFile>
#include <QSettings>
#include <QScreen>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QToolBar>

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

// Icon themes draw dark glyphs; on the dark palette those (not coloured ones such as the
// folder) are repainted in the text colour.
QIcon tintedIcon(const QIcon& icon, const QColor& color)
{
    const QImage sample = icon.pixmap(24, 24).toImage().convertToFormat(QImage::Format_ARGB32);
    long lightness = 0;
    long opaque = 0;
    for (int y = 0; y < sample.height(); ++y) {
        for (int x = 0; x < sample.width(); ++x) {
            const QColor c = QColor::fromRgba(sample.pixel(x, y));
            if (c.alpha() > 128) {
                lightness += c.lightness();
                ++opaque;
            }
        }
    }
    if (opaque == 0 || lightness / opaque > 110)
        return icon;
    QIcon tinted;
    for (const int size : {16, 22, 24, 32, 48}) {
        QPixmap pixmap = icon.pixmap(size, size);
        if (pixmap.isNull())
            continue;
        QPainter painter(&pixmap);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(pixmap.rect(), color);
        painter.end();
        tinted.addPixmap(pixmap);
    }
    return tinted;
}

constexpr const char* IconNameProperty = "tracedeltaIconName";

void setThemedIcon(QAction* action, const char* name)
{
    action->setProperty(IconNameProperty, QString::fromLatin1(name));
    action->setIcon(themedIcon(name));
}

const char* const RecentFilesKey = "recentFiles";
const char* const ThemeKey = "theme";
const char* const WindowStateKey = "windowState";
const char* const GeometryKey = "geometry";
const char* const OrientationKey = "sideBySide";
const char* const PackedTracksKey = "packedTracks";
const char* const OverlayKey = "overlayBaselines";

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new TraceSession(this))
    , m_axis(new TimeAxis(this))
    , m_selection(new SelectionState(this))
    , m_annotations(new AnnotationStore(this))
{
    initTraceDeltaResources();
    updateWindowTitle();
    connect(m_annotations->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateWindowTitle);
    setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.tracedelta.TraceDelta"), QIcon(QStringLiteral(":/icons/tracedelta.svg"))));
    setAcceptDrops(true);
    resize(1400, 900);

    m_view = new ComparisonView(m_axis, m_selection, this);
    m_view->setAnnotationStore(m_annotations);
    // The notice bar says what the window chose on its own (the target), above the views.
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_notice = new NoticeBar(central);
    centralLayout->addWidget(m_notice);
    centralLayout->addWidget(m_view, 1);
    setCentralWidget(central);
    m_exports = new ExportActions(this, m_session, m_view, m_annotations);
    m_workspaces = new WorkspaceActions(this, m_session, m_view, m_axis, m_selection, m_annotations);
    m_secrets = new KeyringSecretStore(this);
    m_workspaces->setSecretStore(m_secrets);
    connect(m_exports, &ExportActions::message, this, &MainWindow::showStatusMessage);
    connect(m_exports, &ExportActions::failed, this, &MainWindow::reportFailure);
    connect(m_workspaces, &WorkspaceActions::message, this, &MainWindow::showStatusMessage);
    connect(m_workspaces, &WorkspaceActions::failed, this, &MainWindow::reportFailure);
    connect(m_workspaces, &WorkspaceActions::notice, this, [this](const QString& text) { m_notice->showNotice(text); });
    connect(m_workspaces, &WorkspaceActions::viewRestoring, this, [this](const Workspace::ViewState& view) {
        m_axis->setAlignment(view.absoluteTime ? TimeAxis::Alignment::AbsoluteWallClock
                                               : TimeAxis::Alignment::RelativeToTraceStart);
        m_search->lineEdit()->setText(view.search);
    });
    connect(m_workspaces, &WorkspaceActions::restored, this, &MainWindow::workspaceRestored);
    createDocks();
    m_comparisonActions = new ComparisonActions(this, m_session, m_tracesPanel);
    connect(m_comparisonActions, &ComparisonActions::message, this, &MainWindow::showStatusMessage);
    createStatusBar();
    createActions();
    connectSession();

    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(GeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(WindowStateKey)).toByteArray());
    fitIntoScreen();
}

// A geometry saved on a larger screen (or the default size on a small one) is clamped to
// the screen the window is on, so no pane or panel starts off-screen.
void MainWindow::fitIntoScreen()
{
    const QScreen* screen = this->screen();
    if (!screen || isMaximized() || isFullScreen())
        return;
    const QRect available = screen->availableGeometry();
    const QSize size = this->size().boundedTo(available.size());
    if (size != this->size())
        resize(size);
    QRect frame = frameGeometry();
    if (!available.contains(frame)) {
        frame.moveLeft(std::clamp(frame.left(), available.left(), std::max(available.left(), available.right() - frame.width())));
        frame.moveTop(std::clamp(frame.top(), available.top(), std::max(available.top(), available.bottom() - frame.height())));
        move(frame.topLeft());
    }
}

MainWindow::~MainWindow()
{
    // The undo stack, a grandchild, says "clean" while it is destroyed, after this window's own
    // part is gone: the title must not be updated then (UBSan caught the downcast).
    disconnect(m_annotations->undoStack(), nullptr, this, nullptr);
}

void MainWindow::connectSession()
{
    connect(m_session, &TraceSession::loadStarted, this, [this] {
        m_progress->setRange(0, 1000);
        m_progress->setValue(0);
        m_progress->show();
        m_cancelButton->show();
    });
    connect(m_session, &TraceSession::loadProgress, this, [this](int permille, const QString& file, qint64 spans) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(permille);
        m_statusLabel->setFullText(spans > 0 ? tr("Loading %1… %2 spans read").arg(QFileInfo(file).fileName(), QLocale().toString(spans))
                                         : tr("Loading %1…").arg(QFileInfo(file).fileName()));
    });
    connect(m_session, &TraceSession::loaded, this, &MainWindow::onLoaded);
    connect(m_session, &TraceSession::entriesChanged, this, &MainWindow::refreshTraceList);
    connect(m_session, &TraceSession::comparisonStarted, this, [this] {
        m_rootCauses->setBusy(tr("Comparing…"));
        m_progress->setRange(0, 0); // busy: the engine does not report fractions
        m_progress->show();
        m_cancelButton->show();
    });
    connect(m_session, &TraceSession::comparisonCancelled, this, [this] {
        m_progress->hide();
        m_cancelButton->hide();
        m_rootCauses->setBusy(tr("Comparison cancelled. Change the target or the baselines to compare again."));
    });
    connect(m_session, &TraceSession::comparisonFinished, this, &MainWindow::showComparison);
    connect(m_session, &TraceSession::targetNotice, this, &MainWindow::showTargetNotice);
    connect(m_session, &TraceSession::fileChangedOnDisk, this, [this](const QString& path) {
        statusBar()->showMessage(tr("%1 changed on disk; reload it from the Traces panel (F5).").arg(QFileInfo(path).fileName()),
                                 10000);
    });
}

void MainWindow::showTargetNotice(const TargetNotice& notice)
{
    const TracePtr offer = notice.offer;
    const TracePtr undoTo = notice.undoTo;
    m_notice->showNotice(notice.text,
                         offer ? tr("Make %1 the target").arg(QFileInfo(offer->sourceFile()).fileName()) : QString(),
                         offer ? std::function<void()>([this, offer] { m_session->chooseTarget(offer); }) : std::function<void()>(),
                         undoTo ? std::function<void()>([this, undoTo] { m_session->chooseTarget(undoTo); }) : std::function<void()>());
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    // On a small screen the list of traces must not take the target pane's room: at most a
    // fifth of the window's height (it scrolls; the user can drag it larger again).
    auto* dock = findChild<QDockWidget*>(QStringLiteral("tracesDock"));
    const int most = std::max(90, height() / 5);
    if (dock && dock->isVisible() && !dock->isFloating() && dockWidgetArea(dock) == Qt::TopDockWidgetArea && dock->height() > most)
        resizeDocks({dock}, {most}, Qt::Vertical);
}

void MainWindow::showStatusMessage(const QString& text)
{
    statusBar()->showMessage(text, 8000);
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
    connect(m_tracesPanel, &TracesPanel::closeRequested, this, [this](int i) {
        const auto index = static_cast<std::size_t>(i);
        // Closing the target changes the question being asked: confirm, and say what follows.
        if (index == m_session->targetIndex() && m_session->entries().size() > 1) {
            const QString name = sourceDisplayName(m_session->entries()[index].trace->sourceFile());
            if (QMessageBox::question(this, tr("Close the Target"),
                                      tr("%1 is the target. Close it? The last of the other traces becomes the target.").arg(name))
                != QMessageBox::Yes)
                return;
        }
        closeTrace(index);
    });
    connect(m_tracesPanel, &TracesPanel::reloadRequested, this, [this](int i) { reloadTrace(static_cast<std::size_t>(i)); });
    connect(m_tracesPanel, &TracesPanel::saveRequested, this, [this](int i) { saveTraceAs(static_cast<std::size_t>(i)); });

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
    m_statistics = new StatisticsPanel(m_selection, this);
    auto* statisticsDock = new QDockWidget(tr("Statistics"), this);
    statisticsDock->setObjectName(QStringLiteral("statisticsDock"));
    statisticsDock->setWidget(m_statistics);
    addDockWidget(Qt::RightDockWidgetArea, statisticsDock);
    tabifyDockWidget(detailsDock, statisticsDock);
    m_occurrences = new OccurrenceActions(this, m_session, m_selection);
    addDockWidget(Qt::RightDockWidgetArea, m_occurrences->dock());
    tabifyDockWidget(statisticsDock, m_occurrences->dock());
    detailsDock->raise();
    resizeDocks({causesDock, detailsDock}, {380, 380}, Qt::Horizontal);
    resizeDocks({tracesDock}, {150}, Qt::Vertical);
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new ElidedLabel(tr("Open trace files with File → Open or drop them here."), this);
    m_verdictStatus = new ElidedLabel({}, this);
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
    connect(m_cancelButton, &QPushButton::clicked, m_session, &TraceSession::cancel);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    setThemedIcon(open, "document-open");
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    QAction* saveTrace = file->addAction(tr("Save &Trace As…"), this, [this] {
        const int current = m_tracesPanel->currentTraceIndex();
        if (!m_session->entries().empty())
            saveTraceAs(current >= 0 ? static_cast<std::size_t>(current) : m_session->targetIndex());
    });
    saveTrace->setToolTip(tr("Save the trace chosen in the Traces panel (or the target) to a file, e.g. one fetched from a server"));
    file->addAction(tr("Open from &Server…"), this, &MainWindow::showServerDialog)
        ->setToolTip(tr("Fetch traces by id from Jaeger, Tempo or Zipkin, with baselines found around the median"));
    file->addAction(tr("Receive &Live Traces…"), this, &MainWindow::showReceiveDialog)
        ->setToolTip(tr("Receive traces over OTLP/HTTP from your application and compare them as they arrive"));
    file->addSeparator();
    m_exports->addTo(file);
    file->addSeparator();
    m_workspaces->addTo(file);
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
    m_comparisonActions->addTargetChooser(toolbar);
    toolbar->addSeparator();

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    auto* modes = new QActionGroup(this);
    QAction* timelines = m_viewMenu->addAction(tr("&Timelines"));
    QAction* flames = m_viewMenu->addAction(tr("&Flame Graphs"));
    // Not on the toolbar: the view's own tabs switch between them, and the toolbar must fit
    // a 1024 px wide window without an overflow menu.
    for (QAction* action : {timelines, flames}) {
        action->setCheckable(true);
        modes->addAction(action);
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
    QAction* packed = m_viewMenu->addAction(tr("&Packed Tracks for Profiles"));
    packed->setCheckable(true);
    packed->setToolTip(tr("Show Chrome/Perfetto profiles as one track per thread or stream, slices packed by depth"));
    connect(packed, &QAction::toggled, this, [this](bool on) {
        m_view->setPackedTracks(on);
        QSettings().setValue(QLatin1String(PackedTracksKey), on);
    });
    packed->setChecked(QSettings().value(QLatin1String(PackedTracksKey), true).toBool());
    m_view->setPackedTracks(packed->isChecked());
    QAction* overlay = m_viewMenu->addAction(tr("&Overlay Baselines"));
    overlay->setCheckable(true);
    overlay->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    overlay->setToolTip(tr("One timeline of the target; under each bar, the baselines' spread "
                           "(whisker min–max, box p10–p90, tick median)"));
    // Applied on every change; remembered only when the user chose (triggered), since the
    // window turns it on by itself for many baselines (see applyAutomaticOverlay).
    connect(overlay, &QAction::toggled, this, [this](bool on) {
        m_view->setOverlayBaselines(on);
        updateStatus();
    });
    connect(overlay, &QAction::triggered, this, [](bool on) { QSettings().setValue(QLatin1String(OverlayKey), on); });
    m_overlayAction = overlay;
    overlay->setChecked(QSettings().value(QLatin1String(OverlayKey), false).toBool());
    m_view->setOverlayBaselines(overlay->isChecked());
    toolbar->addAction(overlay);
    m_viewMenu->addSeparator();

    QAction* zoomIn = m_viewMenu->addAction(tr("Zoom &In"), this, [this] { m_axis->zoom(1.25); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    setThemedIcon(zoomIn, "zoom-in");
    QAction* zoomOut = m_viewMenu->addAction(tr("Zoom &Out"), this, [this] { m_axis->zoom(0.8); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    setThemedIcon(zoomOut, "zoom-out");
    QAction* zoomReset = m_viewMenu->addAction(tr("&Reset Zoom"), this, [this] { m_axis->reset(); });
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    setThemedIcon(zoomReset, "zoom-original");
    toolbar->addSeparator();
    toolbar->addAction(zoomIn);
    toolbar->addAction(zoomOut);
    toolbar->addAction(zoomReset);

    m_alignmentBox = new QComboBox(this);
    m_alignmentBox->addItem(tr("Relative to trace start"));
    m_alignmentBox->addItem(tr("Absolute wall clock"));
    m_alignmentBox->addItem(tr("Aligned at a span"));
    m_alignmentBox->setToolTip(tr("How the panes' time axes line up. Double-click a span (or right-click → Align All "
                                  "Traces at This Span) to line up its counterparts"));
    connect(m_alignmentBox, &QComboBox::activated, this, [this](int index) {
        m_axis->setAlignment(index == 1   ? TimeAxis::Alignment::AbsoluteWallClock
                                 : index == 2 ? TimeAxis::Alignment::AtSpan
                                              : TimeAxis::Alignment::RelativeToTraceStart);
        syncAlignmentBox();
    });
    connect(m_axis, &TimeAxis::alignmentChanged, this, &MainWindow::syncAlignmentBox);
    syncAlignmentBox();
    toolbar->addWidget(m_alignmentBox);
    toolbar->addSeparator();

    m_search = new SearchBar(m_selection, this);
    toolbar->addWidget(m_search);
    QAction* find = m_viewMenu->addAction(tr("&Search…"), this, [this] {
        m_search->lineEdit()->setFocus();
        m_search->lineEdit()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction* findNext = m_viewMenu->addAction(tr("Find &Next"), m_search, &SearchBar::next);
    findNext->setShortcut(QKeySequence::FindNext);
    QAction* findPrevious = m_viewMenu->addAction(tr("Find &Previous"), m_search, &SearchBar::previous);
    findPrevious->setShortcut(QKeySequence::FindPrevious);

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

    menuBar()->insertMenu(m_viewMenu->menuAction(), m_comparisonActions->createMenu(this));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About TraceDelta"), this, &MainWindow::showAbout);
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
    return m_exports->exportImage(path, pngScale);
}

QString MainWindow::exportReport(const QString& path)
{
    return m_exports->exportReport(path);
}

PictureSettings MainWindow::pictureSettings() const
{
    return m_exports->pictureSettings();
}

Workspace MainWindow::currentWorkspace() const
{
    return m_workspaces->currentWorkspace();
}

QString MainWindow::saveWorkspaceTo(const QString& path)
{
    return m_workspaces->saveWorkspaceTo(path);
}

QString MainWindow::openWorkspace(const QString& path)
{
    return m_workspaces->openWorkspace(path);
}

void MainWindow::offerAutosaveRecovery()
{
    m_workspaces->offerAutosaveRecovery();
}

QString MainWindow::autosavePath() const
{
    return m_workspaces->autosavePath();
}

void MainWindow::annotateTopFindings()
{
    const auto comparison = m_session->outcome().comparison;
    if (!comparison || comparison->candidates().empty())
        return reportFailure(tr("Annotate Top Findings"), tr("There are no root-cause candidates to annotate."));
    bool ok = false;
    const int count = QInputDialog::getInt(this, tr("Annotate Top Findings"), tr("How many findings:"), 3, 1, 20, 1, &ok);
    if (ok)
        m_annotations->annotateTopFindings(*comparison, count);
}

void MainWindow::showReceiveDialog()
{
    if (!m_receive) {
        m_receive = new ReceiveDialog(this);
        connect(m_receive, &ReceiveDialog::traceReceived, this, [this](const QString& path) {
            openFiles({path}, Arrival::Live);
            showStatusMessage(tr("Received %1; press T in the Traces panel to make it the target.").arg(QFileInfo(path).fileName()));
        });
    }
    m_receive->show();
    m_receive->raise();
    m_receive->activateWindow();
}

void MainWindow::setSecretStore(SecretStore* secrets)
{
    m_secrets = secrets;
    m_workspaces->setSecretStore(secrets);
}

void MainWindow::showServerDialog()
{
    if (!m_serverDialog) {
        m_serverDialog = new ServerDialog(m_secrets, this);
        connect(m_serverDialog, &ServerDialog::tracesFetched, this, &MainWindow::openServerTraces);
    }
    m_serverDialog->show();
    m_serverDialog->raise();
    m_serverDialog->activateWindow();
}

bool MainWindow::saveTraceAs(std::size_t entryIndex, QString path)
{
    if (entryIndex >= m_session->entries().size())
        return false;
    const QString source = m_session->entries()[entryIndex].trace->sourceFile();
    if (path.isEmpty()) {
        const auto origin = serverTraceOrigin(source);
        const QString suggested = origin ? kindName(origin->server.kind) + QLatin1Char('-') + QFileInfo(source).fileName()
                                         : QFileInfo(source).fileName();
        path = QFileDialog::getSaveFileName(this, tr("Save Trace As"), QDir(QSettings().value(QStringLiteral("lastDirectory")).toString()).filePath(suggested),
                                            tr("Trace files (*.json *.json.gz *.binpb *.pb);;All files (*)"));
        if (path.isEmpty())
            return false;
    }
    QFile in(source);
    QSaveFile out(path);
    QByteArray content;
    if (in.open(QIODevice::ReadOnly))
        content = in.readAll();
    if (!in.isOpen() || in.error() != QFileDevice::NoError) {
        QMessageBox::warning(this, tr("Save Trace As"), tr("Cannot read %1: %2").arg(source, in.errorString()));
        return false;
    }
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size() || !out.commit()) {
        QMessageBox::warning(this, tr("Save Trace As"), tr("Cannot write %1: %2").arg(path, out.errorString()));
        return false;
    }
    showStatusMessage(tr("Saved %1 as %2.").arg(sourceDisplayName(source), QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::openServerTraces(const QStringList& files, const QString& targetFile)
{
    std::vector<Workspace::TraceRef> refs;
    for (const QString& file : files) {
        Workspace::TraceRef ref;
        ref.file = QFileInfo(file).absoluteFilePath();
        ref.target = file == targetFile;
        refs.push_back(ref);
    }
    m_workspaces->openComparison(refs);
}

void MainWindow::syncAlignmentBox()
{
    const TimeAxis::Alignment alignment = m_axis->alignment();
    m_alignmentBox->setItemText(2, m_axis->anchorLabel().isEmpty() ? tr("Aligned at a span")
                                                                   : tr("Aligned at “%1”").arg(m_axis->anchorLabel()));
    m_alignmentBox->setCurrentIndex(alignment == TimeAxis::Alignment::AbsoluteWallClock ? 1
                                    : alignment == TimeAxis::Alignment::AtSpan           ? 2
                                                                                         : 0);
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
    for (QAction* action : findChildren<QAction*>()) {
        const QString name = action->property(IconNameProperty).toString();
        if (name.isEmpty())
            continue;
        const QIcon icon = themedIcon(name.toLatin1().constData());
        action->setIcon(theme == Theme::Dark ? tintedIcon(icon, darkPalette().color(QPalette::ButtonText)) : icon);
    }
}

void MainWindow::setTarget(std::size_t entryIndex)
{
    m_session->setTarget(entryIndex);
}

void MainWindow::setIncluded(std::size_t entryIndex, bool included)
{
    if (!m_session->setIncluded(entryIndex, included) && entryIndex == m_session->targetIndex())
        statusBar()->showMessage(tr("The target always takes part in the comparison: make another trace the target "
                                    "first (select it and press T)."),
                                 10000);
}

void MainWindow::closeTrace(std::size_t entryIndex)
{
    const bool wasTarget = entryIndex == m_session->targetIndex();
    m_session->closeTrace(entryIndex);
    if (wasTarget && !m_session->entries().empty())
        statusBar()->showMessage(tr("%1 is now the target.")
                                     .arg(sourceDisplayName(m_session->entries()[m_session->targetIndex()].trace->sourceFile())),
                                 10000);
}

void MainWindow::reloadTrace(std::size_t entryIndex)
{
    m_session->reloadTrace(entryIndex);
}

void MainWindow::openFiles(const QStringList& requested, Arrival arrival)
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
    m_session->load(files, arrival);
}

void MainWindow::onLoaded(const LoadReport& report)
{
    if (!m_session->isComparing()) {
        m_progress->hide();
        m_cancelButton->hide();
    }
    rememberRecent(report.loadedFiles);
    m_workspaces->filesLoaded(report.moreToLoad);
    const int loaded = static_cast<int>(m_session->entries().size());
    m_statusLabel->setFullText(report.cancelled > 0 ? tr("Loading cancelled; %n trace(s) loaded.", nullptr, loaded)
                                                : tr("%n trace(s) loaded.", nullptr, loaded));
    if (!report.errors.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Some files could not be loaded"),
                                    tr("%n file(s) could not be loaded. The other traces stay open.", nullptr,
                                       int(report.errors.size())),
                                    QMessageBox::Ok, this);
        box->setDetailedText(report.errors.join(QLatin1Char('\n')));
        box->setInformativeText(report.errors.first());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT loadingFinished();
}

// The session compared off the GUI thread; the views only ever see its finished result.
void MainWindow::showComparison()
{
    if (!m_session->isLoading()) {
        m_progress->hide();
        m_cancelButton->hide();
    }
    const ComparisonOutcome& outcome = m_session->outcome();
    m_selection->reset();
    if (!outcome.comparison) {
        m_view->clear();
        m_rootCauses->setBusy(tr("Load two or more traces to compare them."));
        m_details->setComparison(nullptr, {});
        m_statistics->setOutcome({}, {});
        m_search->setComparison(nullptr);
        updateStatus();
        updateWindowTitle();
        Q_EMIT comparisonFinished();
        return;
    }
    std::vector<PaneTitle> titles;
    QStringList labels;
    const auto& compared = m_session->comparedEntries();
    for (std::size_t t = 0; t < compared.size(); ++t) {
        // Occurrences of one trace are told apart by their names ("FireAnimationFrame #37 (at 1.23 s)").
        const bool isTarget = t + 1 == compared.size();
        const QString label = m_session->occurrences()
                                  ? ComparisonView::occurrencePaneTitle(*outcome.comparison->alignment().traces()[t], isTarget)
                                  : traceLabel(compared[t]);
        const QColor color = m_session->entries()[compared[t]].color;
        titles.push_back({label, m_session->occurrences() && isTarget ? QColor(0xe6, 0x9f, 0x00) : color});
        labels << label;
    }
    applyAutomaticOverlay(*outcome.comparison);
    m_view->setComparison(outcome.comparison, outcome.highlights, titles, outcome.icicleLayouts);
    m_rootCauses->setComparison(outcome.comparison);
    refreshTraceList();
    m_details->setComparison(outcome.comparison, labels);
    m_statistics->setOutcome(outcome, labels);
    m_search->setComparison(outcome.comparison);
    updateStatus();
    updateWindowTitle();
    m_workspaces->comparisonShown();
    rememberComparison(*m_session);
    rebuildRecentMenu();
    Q_EMIT comparisonFinished();
}

QString MainWindow::traceLabel(std::size_t entryIndex) const
{
    const auto& entries = m_session->entries();
    const Trace& trace = *entries[entryIndex].trace;
    QString label = ComparisonView::paneTitle(trace, entryIndex == m_session->targetIndex());
    // A file holding several traces: the trace id tells its panes apart.
    const auto sameFile = std::count_if(entries.begin(), entries.end(),
                                        [&](const TraceEntry& e) { return e.trace->sourceFile() == trace.sourceFile(); });
    if (sameFile > 1)
        label += tr(" · trace %1").arg(QString::fromStdString(trace.traceId()));
    return label;
}

// Stacked, more than three baselines leave the target and each of them a few rows: they are
// overlaid on the target instead, unless the user chose in View (remembered; it wins).
void MainWindow::applyAutomaticOverlay(const Comparison& comparison)
{
    const bool userChose = QSettings().contains(QLatin1String(OverlayKey));
    m_overlayAutomatic = !userChose && comparison.baselineCount() > MaxStackedBaselines;
    if (!userChose)
        m_overlayAction->setChecked(m_overlayAutomatic);
}

// "slow-1.json vs 5 baselines — TraceDelta", with the modified mark while notes are unsaved.
void MainWindow::updateWindowTitle()
{
    const auto comparison = m_session->outcome().comparison;
    if (!comparison) {
        setWindowTitle(tr("TraceDelta[*]"));
    } else {
        const QString target = sourceDisplayName(comparison->target().sourceFile());
        const int baselines = static_cast<int>(comparison->baselineCount());
        // Spelled out (not "%n baseline(s)"): a title is read at a glance.
        setWindowTitle(baselines > 1    ? tr("%1 vs %2 baselines[*] — TraceDelta").arg(target).arg(baselines)
                           : baselines == 1 ? tr("%1 vs 1 baseline[*] — TraceDelta").arg(target)
                                            : tr("%1[*] — TraceDelta").arg(target));
    }
    setWindowModified(!m_annotations->undoStack()->isClean());
}

void MainWindow::updateStatus()
{
    const auto comparison = m_session->outcome().comparison;
    if (!comparison) {
        m_verdictStatus->setFullText({});
        return;
    }
    m_verdictStatus->setFullText(comparison->verdictSentence());
    QString status = tr("%n trace(s) loaded, %1 compared.", nullptr, int(m_session->entries().size()))
                         .arg(m_session->comparedEntries().size());
    if (m_overlayAutomatic && m_overlayAction->isChecked())
        status += QLatin1Char(' ')
            + tr("%n baseline(s) overlaid on the target (more than %1 stacked would not fit; Ctrl+B stacks them).", nullptr,
                 int(comparison->baselineCount()))
                  .arg(MaxStackedBaselines);
    m_statusLabel->setFullText(status);
}

void MainWindow::refreshTraceList()
{
    // Baselines far outside the others' spread are marked (the comparison's notes say why).
    std::vector<std::size_t> outliers;
    if (const auto& comparison = m_session->outcome().comparison) {
        for (const std::size_t t : comparison->outlierBaselines())
            outliers.push_back(m_session->comparedEntries()[t]);
    }
    m_tracesPanel->setTraces(m_session->entries(), m_session->targetIndex(), m_session->loadErrors(), outliers);
}

void MainWindow::showOpenDialog()
{
    QSettings settings;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Trace Files"), settings.value(QStringLiteral("lastDirectory")).toString(),
        tr("Trace files (*.json *.json.gz *.gz *.perfetto-trace *.pftrace *.pb *.pb.gz);;All files (*)"));
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
    m_recentMenu->setToolTipsVisible(true);
    const QStringList recent = QSettings().value(QLatin1String(RecentFilesKey)).toStringList();
    for (const QString& file : recent)
        m_recentMenu->addAction(QFileInfo(file).fileName(), this, [this, file] { openFiles({file}); })->setToolTip(file);
    const QList<RecentComparison> comparisons = recentComparisons();
    if (!comparisons.isEmpty()) {
        m_recentMenu->addSection(tr("Comparisons"));
        for (const RecentComparison& comparison : comparisons) {
            QAction* action = m_recentMenu->addAction(comparison.label(), this, [this, comparison] {
                m_workspaces->openComparison(comparison.traces);
            });
            action->setToolTip(comparison.description());
        }
    }
    m_recentMenu->setEnabled(!recent.isEmpty() || !comparisons.isEmpty());
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
    if (!m_workspaces->confirmClose()) {
        event->ignore();
        return;
    }
    m_workspaces->closeCleanly();
    QSettings settings;
    settings.setValue(QLatin1String(GeometryKey), saveGeometry());
    settings.setValue(QLatin1String(WindowStateKey), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::showShortcuts()
{
    showShortcutsDialog(this);
}

void MainWindow::showAbout()
{
    showAboutDialog(this);
}

} // namespace tracedelta
