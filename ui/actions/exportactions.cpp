// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportactions.h"

#include "ui/annotations/annotationstore.h"
#include "ui/comparisonview.h"
#include "ui/export/incidentreport.h"
#include "ui/session/tracesession.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QMenu>
#include <QSettings>

namespace tracedelta {

namespace {
// One folder for Export Image and Export Report: an incident's picture and report go together.
const char* const LastExportFolderKey = "lastExportFolder";
} // namespace

ExportActions::ExportActions(QWidget* window, const TraceSession* session, const ComparisonView* view,
                             const AnnotationStore* annotations)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_view(view)
    , m_annotations(annotations)
{
}

void ExportActions::addTo(QMenu* file)
{
    QAction* exportImage = file->addAction(tr("&Export Image…"), this, &ExportActions::showExportImageDialog);
    exportImage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportImage->setIcon(QIcon::fromTheme(QStringLiteral("document-export"), QIcon(QStringLiteral(":/icons/actions/document-export.svg"))));
    QAction* report = file->addAction(tr("Export &Report…"), this, &ExportActions::showExportReportDialog);
    QAction* copy = file->addAction(tr("&Copy Image"), this, &ExportActions::copyImage);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    // Nothing to export before a comparison is shown.
    const auto enable = [this, exportImage, report, copy] {
        const bool ready = m_session->outcome().comparison != nullptr;
        for (QAction* action : {exportImage, report, copy})
            action->setEnabled(ready);
    };
    enable();
    connect(m_session, &TraceSession::comparisonFinished, this, enable);
    QAction* table = file->addAction(tr("Ranked &Table in Exports"));
    table->setCheckable(true);
    table->setChecked(m_includeTable);
    connect(table, &QAction::toggled, this, [this](bool on) { m_includeTable = on; });
    QAction* dark = file->addAction(tr("&Dark Palette in Exports"));
    dark->setCheckable(true);
    dark->setToolTip(tr("Exported pictures are light unless this is on, whatever the window's theme"));
    dark->setChecked(QSettings().value(QStringLiteral("darkExports"), false).toBool());
    m_darkExports = dark->isChecked();
    connect(dark, &QAction::toggled, this, [this](bool on) {
        m_darkExports = on;
        QSettings().setValue(QStringLiteral("darkExports"), on);
    });
}

PictureSettings ExportActions::pictureSettings() const
{
    PictureSettings settings;
    settings.content = m_view->mode() == ComparisonView::Mode::Timelines ? PictureSettings::Content::Timelines
                                                                         : PictureSettings::Content::FlameGraphs;
    settings.width = std::max(1000, m_view->width());
    settings.rankedTable = m_includeTable;
    settings.darkPalette = m_darkExports;
    return settings;
}

QString ExportActions::exportImage(const QString& path, double pngScale) const
{
    if (!m_session->outcome().comparison)
        return tr("Nothing to export: load traces first.");
    return writePicture(ReportPicture(*m_view, pictureSettings()), path, pngScale);
}

QString ExportActions::exportReport(const QString& path) const
{
    const auto& outcome = m_session->outcome();
    if (!outcome.comparison)
        return tr("Nothing to export: load traces first.");
    return writeIncidentReport(*outcome.comparison, ReportPicture(*m_view, pictureSettings()), m_annotations->annotations(), path,
                               outcome.statistics[static_cast<std::size_t>(StatisticsGrouping::Operation)].get());
}

QString ExportActions::suggestedPath(const QString& nameSuffix) const
{
    const auto comparison = m_session->outcome().comparison;
    const QFileInfo target(comparison ? comparison->target().sourceFile() : QString());
    QString folder = QSettings().value(QLatin1String(LastExportFolderKey)).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = target.exists() ? target.absolutePath() : QDir::homePath();
    // "slow-1.json.gz" → "slow-1": the name without any of its suffixes.
    QString stem = target.fileName().section(QLatin1Char('.'), 0, 0);
    if (stem.isEmpty())
        stem = QStringLiteral("incident");
    return QDir(folder).filePath(stem + nameSuffix);
}

void ExportActions::showExportImageDialog()
{
    if (!m_session->outcome().comparison)
        return Q_EMIT failed(tr("Export Image"), tr("Nothing to export: load traces first."));
    QSettings settings;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Image"), suggestedPath(QStringLiteral("-comparison.png")),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &filter);
    if (path.isEmpty())
        return;
    double scale = 1.0;
    if (QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0) {
        bool ok = false;
        const QStringList scales{QStringLiteral("1×"), QStringLiteral("2×"), QStringLiteral("3×")};
        const QString choice = QInputDialog::getItem(m_window, tr("Export Image"), tr("Scale (for high-DPI screens):"), scales,
                                                     m_window->devicePixelRatio() > 1.5 ? 1 : 0, false, &ok);
        if (!ok)
            return;
        scale = scales.indexOf(choice) + 1.0;
    }
    settings.setValue(QLatin1String(LastExportFolderKey), QFileInfo(path).absolutePath());
    if (const QString error = exportImage(path, scale); !error.isEmpty())
        return Q_EMIT failed(tr("Export failed"), error);
    Q_EMIT message(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

void ExportActions::showExportReportDialog()
{
    if (!m_session->outcome().comparison)
        return Q_EMIT failed(tr("Export Report"), tr("Nothing to export: load traces first."));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Report"), suggestedPath(QStringLiteral("-report.html")),
                                                      tr("HTML report (*.html);;Markdown report (*.md)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QLatin1String(LastExportFolderKey), QFileInfo(path).absolutePath());
    if (const QString error = exportReport(path); !error.isEmpty())
        return Q_EMIT failed(tr("Export failed"), error);
    Q_EMIT message(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

void ExportActions::copyImage()
{
    if (!m_session->outcome().comparison)
        return;
    QGuiApplication::clipboard()->setImage(ReportPicture(*m_view, pictureSettings()).toImage(m_window->devicePixelRatio()));
    Q_EMIT message(tr("The picture is on the clipboard."));
}

} // namespace tracedelta
