// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/export/reportpicture.h"

#include <QObject>

class QMenu;
class QWidget;

namespace tracedelta {

class AnnotationStore;
class ComparisonView;
class TraceSession;

// File → Export Image, Export Report, Copy Image: the comparison as the user sees it,
// with the notes, to PNG/SVG/PDF, HTML/Markdown or the clipboard.
class ExportActions : public QObject
{
    Q_OBJECT
public:
    ExportActions(QWidget* window, const TraceSession* session, const ComparisonView* view, const AnnotationStore* annotations);

    void addTo(QMenu* menu);
    PictureSettings pictureSettings() const;
    // Empty on success, else the message.
    QString exportImage(const QString& path, double pngScale = 1.0) const;
    QString exportReport(const QString& path) const;
    // Where the save dialogs start: the folder of the last export of either kind (else the
    // target's folder) and a name after the target, e.g. ".../slow-1-report.html".
    QString suggestedPath(const QString& nameSuffix) const;

Q_SIGNALS:
    void message(const QString& text);
    void failed(const QString& title, const QString& message);

private:
    void showExportImageDialog();
    void showExportReportDialog();
    void copyImage();

    QWidget* m_window;
    const TraceSession* m_session;
    const ComparisonView* m_view;
    const AnnotationStore* m_annotations;
    bool m_includeTable = true;
    bool m_darkExports = false;
};

} // namespace tracedelta
