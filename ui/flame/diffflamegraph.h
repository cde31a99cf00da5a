// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/viewmodel/comparisonhighlights.h"
#include "ui/viewmodel/diffflamelayout.h"

#include <QWidget>

#include <memory>

namespace tracedelta {

class AnnotationStore;
class SelectionState;

// The differential flame graph of the merged tree: width = target time, colour = change
// (red slower, blue faster, green added, grey removed; intensity by magnitude). It has
// its own horizontal zoom — its x axis is aggregated time, not the timeline — and shares
// the selection and hover with every other view.
class DiffFlameGraph : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RowHeight = 18;

    DiffFlameGraph(std::shared_ptr<const Comparison> comparison, std::shared_ptr<const ComparisonHighlights> highlights,
                   SelectionState* selection, QWidget* parent = nullptr);

    void render(QPainter& painter, const QRect& viewport) const;
    int contentHeight() const { return m_layout.depthCount() * RowHeight; }
    QRectF nodeRect(NodeIndex node) const;
    NodeIndex nodeAt(const QPoint& pos) const;
    double viewStart() const { return m_viewStart; }
    double viewEnd() const { return m_viewEnd; }
    void zoomToNode(NodeIndex node);
    void resetZoom();
    // Notes on the target's spans are shown on their node's box; new ones can be added here.
    void setAnnotationStore(AnnotationStore* store);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF boxRect(const DiffFlameLayout::Box& box, const QRect& viewport) const;
    void setView(double start, double end);
    void reveal(NodeIndex node);

    std::shared_ptr<const Comparison> m_comparison;
    std::shared_ptr<const ComparisonHighlights> m_highlights;
    DiffFlameLayout m_layout;
    std::vector<NodeIndex> m_failedNodes; // sorted: where the target failed and no baseline did
    SelectionState* m_selection;
    AnnotationStore* m_annotations = nullptr;
    mutable std::vector<std::pair<std::uint64_t, QRectF>> m_noteBoxes;
    double m_viewStart = 0;
    double m_viewEnd = 1;
    int m_scrollY = 0;
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace tracedelta
