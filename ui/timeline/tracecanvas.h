// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "panescene.h"
#include "ui/annotations/annotationpainter.h"

#include <QWidget>

#include <memory>
#include <unordered_map>

namespace tracedelta {

class AnnotationStore;
class Comparison;
class SelectionState;
class TimeAxis;

// What one pane shows: a trace and, when there is one, the comparison it is part of.
struct PaneData
{
    TracePtr trace;
    std::size_t traceIndex = 0; // index in the comparison's alignment
    std::shared_ptr<const Comparison> comparison;
    std::shared_ptr<const ComparisonHighlights> highlights;
};

// A painted view of one trace on the shared time axis. Handles the navigation every
// pane has in common — wheel zoom at the cursor, drag to pan, W/A/S/D, +/-, 0,
// double-click to zoom to a span, hover and click selection — and leaves layout and
// painting to the Gantt and icicle subclasses.
class TraceCanvas : public QWidget
{
    Q_OBJECT
public:
    TraceCanvas(PaneData data, TimeAxis* axis, SelectionState* selection, QWidget* parent = nullptr);

    const PaneData& data() const { return m_data; }
    const TimeAxis* timeAxis() const { return m_axis; }
    int scrollY() const { return m_scrollY; }
    void setScrollY(int y);
    virtual int contentHeight() const = 0;
    // Paints the pane as it is now into any device (widget, image, SVG, PDF).
    void render(QPainter& painter, const QRect& viewport) const;
    // The bar of `span` in widget coordinates, empty if it has no bar now.
    QRectF spanRect(SpanIndex span) const { return barRect(scene(), span); }
    // The same for any scene (an export paints with its own mapping), top of viewport at 0.
    virtual QRectF barRect(const PaneScene& scene, SpanIndex span) const = 0;
    // Notes are drawn on top of the spans and can be added, dragged, edited and deleted here.
    void setAnnotationStore(AnnotationStore* store);
    virtual SpanIndex spanAt(const QPoint& pos) const = 0;
    // The span heading the first visible row (what other panes scroll to); NoSpan when
    // rows are not spans (icicle depths).
    virtual SpanIndex topSpan() const { return NoSpan; }
    PaneScene scene() const;
    virtual int timelineLeft() const { return 0; }
    // Overlay mode: draw the baselines' spread under this (target) pane's bars; null: off.
    void setBaselineDistribution(std::shared_ptr<const BaselineDistribution> distribution);

Q_SIGNALS:
    void scrollChanged(int y);
    void contentHeightChanged(int height);
    void timelineLeftChanged(int pixels);

protected:
    virtual void paintContent(QPainter& painter, const QRect& viewport, const PaneScene& scene) const = 0;
    // Scrolls vertically so `span` is visible; subclasses expand collapsed rows first.
    virtual void revealSpan(SpanIndex span);
    virtual bool handleClick(const QPoint& pos);
    // Arrow-key navigation from a selected span; NoSpan where there is nothing that way.
    virtual SpanIndex stepFrom(SpanIndex span, int key) const;
    QRect timelineArea() const;

    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

    PaneData m_data;
    TimeAxis* m_axis;
    SelectionState* m_selection;

private:
    void updateSearch();
    void paintNotes(QPainter& painter, const QRect& viewport, const PaneScene& scene) const;
    std::uint64_t noteAt(const QPoint& pos) const;
    void editNote(std::uint64_t id);
    void addSpanNote(SpanIndex span);
    void addRangeNote(double x0, double x1);
    void onRevealRequested(NodeIndex node);
    bool alignAtSpan(SpanIndex span);
    SpanIndex selectedSpanHere() const;
    bool stepSelection(int key);
    double anchorFraction(double x) const;
    // Horizontal extent of a span's bar with its label, per span, for one paint.
    using BarExtents = std::unordered_map<SpanIndex, std::pair<double, double>>;
    double clutter(const PaneScene& s, const QRect& viewport, const QFont& font, const QRectF& region, BarExtents& extents) const;

    int m_scrollY = 0;
    std::shared_ptr<const BaselineDistribution> m_distribution;
    AnnotationStore* m_annotations = nullptr;
    mutable std::vector<AnnotationHit> m_noteBoxes; // as last painted on screen
    std::uint64_t m_draggedNote = 0;
    QPointF m_draggedNoteOffset;
    bool m_selectingRange = false;
    double m_rangeX0 = 0;
    double m_rangeX1 = 0;
    std::shared_ptr<const std::vector<bool>> m_searchMatches; // from the shared selection
    std::vector<QColor> m_serviceColors;
    bool m_serviceColorsDark = false;
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_dragging = false;
    bool m_pressed = false;
};

} // namespace tracedelta
