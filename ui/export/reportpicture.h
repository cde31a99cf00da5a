// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QImage>
#include <QRect>
#include <QSize>

#include <vector>

class QPainter;
class QWidget;

namespace tracedelta {

class ComparisonView;
class TraceCanvas;

// What goes into an exported picture.
struct PictureSettings
{
    enum class Content { Timelines, FlameGraphs, DifferentialOnly };
    Content content = Content::Timelines;
    int width = 1600;
    int height = 0;            // 0: as tall as the content needs
    bool rankedTable = true;   // the ranked candidates under the picture
    bool darkPalette = false;  // light unless asked: reports are read on paper and in light wikis
    QDateTime date = QDateTime::currentDateTime();
};

// The picture an incident report needs: a header (files, trace ids, durations, the delta
// and verdict, the date), the panes of the chosen view exactly as zoomed and scrolled in
// the window, with their notes, the legend and optionally the ranked candidates. It is
// painted with QPainter only, so PNG, SVG (text stays text) and PDF (vector) match.
class ReportPicture
{
public:
    ReportPicture(const ComparisonView& view, PictureSettings settings);

    QSize size() const { return m_size; }
    void paint(QPainter& painter) const;
    QImage toImage(double scale = 1.0) const;
    // Where the bar of `span` of trace `trace` (comparison order) lands in the picture (empty if nowhere).
    QRectF spanRect(std::size_t trace, int span) const;

private:
    QString tracesLine() const;
    QString headlineText() const;
    int headlineHeight(int width) const;
    struct PaneBlock
    {
        QWidget* widget = nullptr; // a TraceCanvas or the differential flame graph
        QString title;
        QColor color;
        QRect titleRect;
        QRect rulerRect; // empty for the differential flame graph
        QRect canvasRect;
    };

    void layout();
    void paintHeader(QPainter& painter) const;
    void paintRuler(QPainter& painter, const PaneBlock& block) const;
    void paintTable(QPainter& painter) const;
    QStringList tableLines() const;

    const ComparisonView& m_view;
    PictureSettings m_settings;
    std::vector<PaneBlock> m_blocks;
    QRect m_headerRect;
    QRect m_legendRect;
    QRect m_tableRect;
    QSize m_size;
};

// Writes the picture to `path`; the format follows the suffix (png, svg, pdf).
// Returns an empty string on success, else a message naming the file and the problem.
QString writePicture(const ReportPicture& picture, const QString& path, double pngScale = 1.0);

} // namespace tracedelta
