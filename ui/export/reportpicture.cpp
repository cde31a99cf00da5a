// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportpicture.h"
#include "core/remote/servertracestore.h"

#include "core/util/durationformat.h"
#include "ui/comparisonview.h"
#include "ui/flame/diffflamegraph.h"
#include "ui/flame/iciclecanvas.h"
#include "ui/legendbar.h"
#include "ui/style/darkpalette.h"
#include "ui/navigation/timeaxis.h"
#include "ui/timeline/durationticks.h"
#include "ui/timeline/ganttcanvas.h"
#include "ui/timeline/timeruler.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace tracedelta {

namespace {

constexpr int Margin = 16;
constexpr int TitleHeight = 20;
constexpr int RulerHeight = 20;
constexpr int HeadlineHeight = 28;
constexpr int HeaderLineHeight = 22;
constexpr int TableLineSpacing = 4;
constexpr int MinimumPaneHeight = 60;
constexpr int MaximumPaneHeight = 420;

QFont pictureFont(int pixelSize, bool bold = false)
{
    QFont font = QFont(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

int naturalHeight(QWidget* widget)
{
    if (auto* canvas = qobject_cast<TraceCanvas*>(widget))
        return std::clamp(canvas->contentHeight() - canvas->scrollY(), MinimumPaneHeight, MaximumPaneHeight);
    if (auto* diff = qobject_cast<DiffFlameGraph*>(widget))
        return std::clamp(diff->contentHeight(), MinimumPaneHeight, MaximumPaneHeight);
    return MinimumPaneHeight;
}

// lupdate files these strings under "ReportPicture"; the struct only gives them that context.
struct ReportPictureText
{
    Q_DECLARE_TR_FUNCTIONS(ReportPicture)
};

} // namespace

ReportPicture::ReportPicture(const ComparisonView& view, PictureSettings settings)
    : m_view(view)
    , m_settings(std::move(settings))
{
    layout();
}

QStringList ReportPicture::tableLines() const
{
    QStringList lines;
    if (!m_settings.rankedTable || !m_view.comparison())
        return lines;
    int rank = 0;
    for (const Candidate& candidate : m_view.comparison()->candidates()) {
        // The reason names the first differing attribute; the next two follow it.
        QStringList more;
        for (std::size_t i = 1; i < candidate.attributeDifferences.size() && i <= 2; ++i) {
            const AttributeDifference& d = candidate.attributeDifferences[i];
            more << QStringLiteral("%1=%2 (%3)").arg(QString::fromStdString(d.key), QString::fromStdString(d.target),
                                                     m_view.comparison()->baselineValuesSummary(d));
        }
        lines << QStringLiteral("%1. %2%3").arg(++rank).arg(candidate.reason, more.isEmpty() ? QString() : QStringLiteral("; ") + more.join(QStringLiteral("; ")));
        if (rank == 10)
            break;
    }
    return lines;
}

void ReportPicture::layout()
{
    const int width = std::max(400, m_settings.width);
    const int inner = width - 2 * Margin;
    // The header's file list wraps (twenty baselines are a paragraph, not one cut line).
    const int headerHeight = headlineHeight(inner)
        + QFontMetrics(pictureFont(12)).boundingRect(QRect(0, 0, inner, 100000), Qt::TextWordWrap, tracesLine()).height() + 4
        + HeaderLineHeight;
    const int legendHeight = m_view.legend()->heightFor(QFontMetrics(pictureFont(12)), inner, LegendBar::Use::Export);
    m_headerRect = QRect(Margin, Margin, inner, headerHeight);
    int y = m_headerRect.bottom() + 8;

    std::vector<QWidget*> widgets;
    std::vector<PaneTitle> titles;
    const auto& allTitles = m_view.titles();
    // The picture shows the panes the window shows, in its order: in overlay mode, the target only.
    const auto collect = [&](const auto& canvases) {
        // In the window's order: the pinned target first.
        for (const std::size_t t : m_view.paneOrder()) {
            if (t >= canvases.size() || !m_view.paneShown(t))
                continue;
            widgets.push_back(canvases[t]);
            titles.push_back(t < allTitles.size() ? allTitles[t] : PaneTitle{});
            if (m_view.overlayActive())
                titles.back().text = m_view.overlayTitle(titles.back().text);
        }
    };
    if (m_settings.content == PictureSettings::Content::Timelines)
        collect(m_view.ganttCanvases());
    else if (m_settings.content == PictureSettings::Content::FlameGraphs)
        collect(m_view.icicleCanvases());
    const bool withDiff = m_settings.content != PictureSettings::Content::Timelines && m_view.diffFlameGraph()
        && m_view.comparison() && m_view.comparison()->baselineCount() > 0;

    // Table and legend heights first, so a fixed total height can be shared among the panes.
    const QFontMetrics tableMetrics(pictureFont(12));
    int tableHeight = 0;
    for (const QString& line : tableLines())
        tableHeight += tableMetrics.boundingRect(QRect(0, 0, inner, 10000), Qt::TextWordWrap, line).height() + TableLineSpacing;
    if (tableHeight > 0)
        tableHeight += TitleHeight;

    const bool sideBySide = m_view.orientation() == Qt::Horizontal && widgets.size() > 1;
    std::vector<int> heights;
    for (QWidget* w : widgets)
        heights.push_back(naturalHeight(w));
    if (sideBySide) {
        const int common = *std::max_element(heights.begin(), heights.end());
        std::fill(heights.begin(), heights.end(), common);
    }
    int diffHeight = withDiff ? naturalHeight(m_view.diffFlameGraph()) : 0;
    if (m_settings.height > 0) {
        const int chrome = headerHeight + 8 + 2 * Margin + legendHeight + 8 + tableHeight;
        const int rows = sideBySide ? 1 : static_cast<int>(widgets.size());
        const int perPaneChrome = TitleHeight + RulerHeight + 6;
        const int available = m_settings.height - chrome - rows * perPaneChrome - (withDiff ? TitleHeight + 6 : 0);
        const int slots = rows + (withDiff ? 1 : 0);
        const int each = std::max(MinimumPaneHeight / 2, slots > 0 ? available / slots : 0);
        std::fill(heights.begin(), heights.end(), each);
        diffHeight = withDiff ? each : 0;
    }

    m_blocks.clear();
    const int columns = sideBySide ? static_cast<int>(widgets.size()) : 1;
    const int columnWidth = (inner - (columns - 1) * 8) / columns;
    int rowBottom = y;
    for (std::size_t i = 0; i < widgets.size(); ++i) {
        PaneBlock block;
        block.widget = widgets[i];
        block.title = i < titles.size() ? titles[i].text : QString();
        block.color = i < titles.size() ? titles[i].color : QColor(Qt::gray);
        const int x = Margin + (sideBySide ? static_cast<int>(i) * (columnWidth + 8) : 0);
        const int top = sideBySide ? y : rowBottom;
        block.titleRect = QRect(x, top, columnWidth, TitleHeight);
        block.rulerRect = QRect(x, top + TitleHeight, columnWidth, RulerHeight);
        block.canvasRect = QRect(x, top + TitleHeight + RulerHeight, columnWidth, heights[i]);
        rowBottom = std::max(rowBottom, block.canvasRect.bottom() + 7);
        m_blocks.push_back(block);
    }
    y = rowBottom;
    if (withDiff) {
        PaneBlock block;
        block.widget = m_view.diffFlameGraph();
        block.title = ReportPictureText::tr("Differential flame graph — width: target time; colour: change against the baseline median");
        block.color = QColor(0xd6, 0x27, 0x28);
        block.titleRect = QRect(Margin, y, inner, TitleHeight);
        block.canvasRect = QRect(Margin, y + TitleHeight, inner, diffHeight);
        y = block.canvasRect.bottom() + 7;
        m_blocks.push_back(block);
    }
    m_legendRect = QRect(Margin, y, inner, legendHeight);
    y = m_legendRect.bottom() + 8;
    m_tableRect = QRect(Margin, y, inner, tableHeight);
    y += tableHeight;
    m_size = QSize(width, m_settings.height > 0 ? m_settings.height : y + Margin);
}

QString ReportPicture::tracesLine() const
{
    const auto comparison = m_view.comparison();
    if (!comparison)
        return {};
    const Trace& target = comparison->target();
    QString traces = ReportPictureText::tr("Target: %1 (trace %2, %3)")
                         .arg(sourceDisplayName(target.sourceFile()), QString::fromStdString(target.traceId()),
                              formatDuration(target.wallDurationNs()));
    if (comparison->baselineCount() > 0) {
        // Once per file: occurrences of a repeated span are dozens of baselines from one file.
        QStringList names;
        QList<int> counts;
        for (std::size_t t = 0; t < comparison->baselineCount(); ++t) {
            const QString name = sourceDisplayName(comparison->alignment().traces()[t]->sourceFile());
            if (const qsizetype at = names.indexOf(name); at >= 0) {
                ++counts[at];
            } else {
                names << name;
                counts << 1;
            }
        }
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (counts[i] > 1)
                names[i] += QStringLiteral(" × %1").arg(counts[i]);
        }
        traces += QStringLiteral(" · ")
            + ReportPictureText::tr("baselines (median %1): %2")
                  .arg(formatDuration(comparison->baselineDurationNs()), names.join(QStringLiteral(", ")));
    }
    return traces;
}

QString ReportPicture::headlineText() const
{
    const auto comparison = m_view.comparison();
    return comparison ? comparison->verdictSentence() : ReportPictureText::tr("No traces loaded");
}

int ReportPicture::headlineHeight(int width) const
{
    const QRect wrapped = QFontMetrics(pictureFont(17, true)).boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, headlineText());
    return std::max(HeadlineHeight, wrapped.height() + 4);
}

void ReportPicture::paintHeader(QPainter& painter) const
{
    const auto comparison = m_view.comparison();
    const QPalette palette = m_view.palette();
    painter.setPen(palette.color(QPalette::WindowText));
    painter.setFont(pictureFont(17, true));
    // The verdict wraps: a long one ("the request took …; the work it started …") is the
    // picture's point and must not be cut at the edge.
    const int headline = headlineHeight(m_headerRect.width());
    painter.drawText(QRect(m_headerRect.left(), m_headerRect.top(), m_headerRect.width(), headline - 4),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, headlineText());
    painter.setFont(pictureFont(12));
    const QString traces = tracesLine();
    const QRect tracesRect(m_headerRect.left(), m_headerRect.top() + headline, m_headerRect.width(),
                           m_headerRect.height() - headline - HeaderLineHeight);
    painter.drawText(tracesRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, traces);
    painter.setPen(palette.color(QPalette::PlaceholderText));
    const TimeAxis* axis = m_view.timeAxis();
    const QString alignment = !axis ? QString()
        : axis->alignment() == TimeAxis::Alignment::AbsoluteWallClock
        ? ReportPictureText::tr(" · absolute wall clock")
        : axis->alignment() == TimeAxis::Alignment::AtSpan
        ? ReportPictureText::tr(" · aligned at “%1” in every trace").arg(axis->anchorLabel())
        : ReportPictureText::tr(" · aligned at each trace's start");
    painter.drawText(QRect(m_headerRect.left(), m_headerRect.bottom() - HeaderLineHeight + 1, m_headerRect.width(), 18),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     ReportPictureText::tr("TraceDelta %1 · %2%3")
                         .arg(QStringLiteral(TRACEDELTA_VERSION), QLocale().toString(m_settings.date, QLocale::ShortFormat), alignment));
}

void ReportPicture::paintRuler(QPainter& painter, const PaneBlock& block) const
{
    auto* canvas = qobject_cast<TraceCanvas*>(block.widget);
    if (!canvas || block.rulerRect.isEmpty())
        return;
    const TimeAxis& axis = *canvas->timeAxis();
    const int left = block.rulerRect.left() + canvas->timelineLeft();
    const double width = std::max(1, block.rulerRect.right() - left);
    const auto start = static_cast<double>(axis.viewStartNs());
    const auto length = static_cast<double>(axis.viewLengthNs());
    painter.setFont(pictureFont(11));
    const QColor text = m_view.palette().color(QPalette::WindowText);
    for (const double tick : durationTicks(start, start + length, TimeRuler::tickTargetCount(static_cast<int>(width)))) {
        const double x = left + (tick - start) * width / length;
        painter.setPen(text);
        painter.drawLine(QPointF(x, block.rulerRect.bottom() - 5), QPointF(x, block.rulerRect.bottom()));
        painter.drawText(QRectF(x - 60, block.rulerRect.top(), 120, block.rulerRect.height() - 5), Qt::AlignCenter,
                         formatDuration(std::llround(tick)));
    }
}

void ReportPicture::paintTable(QPainter& painter) const
{
    const QStringList lines = tableLines();
    if (lines.isEmpty())
        return;
    painter.setPen(m_view.palette().color(QPalette::WindowText));
    painter.setFont(pictureFont(13, true));
    painter.drawText(QRect(m_tableRect.left(), m_tableRect.top(), m_tableRect.width(), TitleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     ReportPictureText::tr("Root-cause candidates, most likely first"));
    painter.setFont(pictureFont(12));
    int y = m_tableRect.top() + TitleHeight;
    for (const QString& line : lines) {
        const QRect bounds = painter.boundingRect(QRect(m_tableRect.left(), y, m_tableRect.width(), 10000), Qt::TextWordWrap, line);
        painter.drawText(QRect(m_tableRect.left(), y, m_tableRect.width(), bounds.height()), Qt::TextWordWrap, line);
        y += bounds.height() + TableLineSpacing;
    }
}

namespace {
// Paints the view in another palette for the length of one export, then gives it back
// (an inherited palette stays inherited, so later theme switches still reach it).
class PaletteOverride
{
public:
    PaletteOverride(QWidget& widget, const QPalette& palette)
        : m_widget(widget)
        , m_hadOwnPalette(widget.testAttribute(Qt::WA_SetPalette))
        , m_saved(widget.palette())
    {
        m_widget.setPalette(palette);
    }
    ~PaletteOverride() { m_widget.setPalette(m_hadOwnPalette ? m_saved : QPalette()); }
    PaletteOverride(const PaletteOverride&) = delete;
    PaletteOverride& operator=(const PaletteOverride&) = delete;

private:
    QWidget& m_widget;
    bool m_hadOwnPalette;
    QPalette m_saved;
};
} // namespace

void ReportPicture::paint(QPainter& painter) const
{
    const PaletteOverride palette(const_cast<ComparisonView&>(m_view), m_settings.darkPalette ? darkPalette() : lightPalette());
    painter.fillRect(QRect(QPoint(0, 0), m_size), m_view.palette().color(QPalette::Window));
    paintHeader(painter);
    for (const PaneBlock& block : m_blocks) {
        painter.setFont(pictureFont(12, true));
        painter.setPen(block.color);
        painter.drawText(block.titleRect, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("■"));
        painter.setPen(m_view.palette().color(QPalette::WindowText));
        painter.drawText(block.titleRect.adjusted(16, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetrics(painter.font()).elidedText(block.title, Qt::ElideRight, block.titleRect.width() - 16));
        paintRuler(painter, block);
        painter.save();
        painter.setClipRect(block.canvasRect);
        painter.setFont(pictureFont(12));
        if (auto* canvas = qobject_cast<TraceCanvas*>(block.widget))
            canvas->render(painter, block.canvasRect);
        else if (auto* diff = qobject_cast<DiffFlameGraph*>(block.widget))
            diff->render(painter, block.canvasRect);
        painter.restore();
        painter.setPen(m_view.palette().color(QPalette::Mid));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(block.canvasRect.adjusted(0, 0, -1, -1));
    }
    painter.setFont(pictureFont(12));
    m_view.legend()->render(painter, m_legendRect, LegendBar::Use::Export);
    paintTable(painter);
}

QRectF ReportPicture::spanRect(std::size_t trace, int span) const
{
    const auto found = std::find_if(m_blocks.begin(), m_blocks.end(), [trace](const PaneBlock& b) {
        const auto* c = qobject_cast<const TraceCanvas*>(b.widget);
        return c && c->data().traceIndex == trace;
    });
    if (found == m_blocks.end())
        return {};
    const PaneBlock& block = *found;
    auto* canvas = qobject_cast<TraceCanvas*>(block.widget);
    PaneScene scene = canvas->scene();
    scene.mapping.left = block.canvasRect.left() + canvas->timelineLeft();
    scene.mapping.width = std::max(1, block.canvasRect.width() - canvas->timelineLeft());
    const QRectF bar = canvas->barRect(scene, span);
    return bar.isEmpty() ? bar : bar.translated(0, block.canvasRect.top()).intersected(QRectF(block.canvasRect));
}

QImage ReportPicture::toImage(double scale) const
{
    QImage image(m_size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paint(painter);
    return image;
}

QString writePicture(const ReportPicture& picture, const QString& path, double pngScale)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size = picture.size();
    if (suffix == QLatin1String("png")) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return ReportPictureText::tr("%1: cannot write: %2").arg(path, file.errorString());
        if (!picture.toImage(pngScale).save(&file, "PNG") || !file.commit())
            return ReportPictureText::tr("%1: cannot write: %2").arg(path, file.errorString());
        return {};
    }
    if (suffix == QLatin1String("svg")) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return ReportPictureText::tr("%1: cannot write: %2").arg(path, file.errorString());
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(ReportPictureText::tr("TraceDelta comparison"));
        generator.setResolution(96);
        QPainter painter;
        if (!painter.begin(&generator))
            return ReportPictureText::tr("%1: cannot write SVG").arg(path);
        picture.paint(painter);
        painter.end();
        if (!file.commit())
            return ReportPictureText::tr("%1: cannot write: %2").arg(path, file.errorString());
        return {};
    }
    if (suffix == QLatin1String("pdf")) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return ReportPictureText::tr("%1: cannot write: %2").arg(path, file.errorString());
        QPdfWriter writer(&file);
        writer.setResolution(96);
        writer.setPageSize(QPageSize(QSizeF(size.width() * 72.0 / 96.0, size.height() * 72.0 / 96.0), QPageSize::Point,
                                     QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(QStringLiteral("TraceDelta comparison"));
        writer.setCreator(QStringLiteral("TraceDelta " TRACEDELTA_VERSION));
        QPainter painter;
        if (!painter.begin(&writer))
            return ReportPictureText::tr("%1: cannot write PDF").arg(path);
        picture.paint(painter);
        painter.end();
        if (!file.commit())
            return ReportPictureText::tr("%1: cannot write: %2").arg(path, file.errorString());
        return {};
    }
    return ReportPictureText::tr("%1: unknown image format \"%2\" (use .png, .svg or .pdf)").arg(path, suffix);
}

} // namespace tracedelta
