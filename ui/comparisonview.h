// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"
#include "ui/viewmodel/comparisonhighlights.h"

#include <QColor>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QScrollBar;
class QSplitter;
class QTabWidget;

namespace tracedelta {

class AnnotationStore;
class BaselineDistribution;
class DiffFlameGraph;
class GanttCanvas;
class IcicleCanvas;
class IcicleLayout;
class LegendBar;
class SelectionState;
class TimeAxis;
class TracePane;

// How a pane is titled: "baseline · normal-1.json · 412 ms".
struct PaneTitle
{
    QString text;
    QColor color;
};

// The side-by-side view: one Gantt timeline and one icicle per compared trace, plus the
// differential flame graph. The target's panes are pinned (above the baselines, or left of
// them side by side) and never scroll away; the baselines scroll in the rest. All panes
// share one TimeAxis and one SelectionState and never talk to each other directly.
class ComparisonView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Timelines = 0, FlameGraphs = 1 };

    ComparisonView(TimeAxis* axis, SelectionState* selection, QWidget* parent = nullptr);

    // Replaces every pane; titles are in the comparison's trace order.
    // `icicleLayouts`: the flame layout of each trace of the alignment, when made
    // beforehand (ComparisonOutcome); the panes make those not given.
    void setComparison(std::shared_ptr<const Comparison> comparison, std::shared_ptr<const ComparisonHighlights> highlights,
                       const std::vector<PaneTitle>& titles,
                       const std::vector<std::shared_ptr<const IcicleLayout>>& icicleLayouts = {});
    void clear();
    // Notes shown on (and editable in) every trace pane; may be null.
    void setAnnotationStore(AnnotationStore* store);
    const std::vector<PaneTitle>& titles() const { return m_titles; }
    std::shared_ptr<const Comparison> comparison() const { return m_comparison; }

    // "baseline · normal-1.json · 412 ms · 8 spans"
    static QString paneTitle(const Trace& trace, bool isTarget);
    // A pane of one occurrence of a repeated span: its name tells it from its siblings of the same file.
    static QString occurrencePaneTitle(const Trace& trace, bool isTarget);

    void setMode(Mode mode);
    Mode mode() const;
    void setOrientation(Qt::Orientation orientation);
    Qt::Orientation orientation() const { return m_orientation; }
    // Profiles (Chrome/Perfetto) as packed thread tracks instead of a span per row.
    void setPackedTracks(bool packed);
    bool packedTracks() const { return m_packedTracks; }
    // Overlay mode: only the target's panes, each target span carrying the baselines'
    // spread (min–max whisker, p10–p90 box, median tick); stacked panes otherwise.
    void setOverlayBaselines(bool overlay);
    bool overlayBaselines() const { return m_overlay; }
    bool overlayActive() const { return m_overlay && m_comparison && m_comparison->baselineCount() > 0; }
    bool paneShown(std::size_t trace) const;
    // Trace indices in the order the panes are shown: the target first, then the baselines.
    std::vector<std::size_t> paneOrder() const;
    QString overlayTitle(const QString& targetTitle) const;

    const std::vector<GanttCanvas*>& ganttCanvases() const { return m_ganttCanvases; }
    const std::vector<IcicleCanvas*>& icicleCanvases() const { return m_icicleCanvases; }
    DiffFlameGraph* diffFlameGraph() const { return m_diffFlameGraph; }
    LegendBar* legend() const { return m_legend; }
    const TimeAxis* timeAxis() const { return m_axis; }

Q_SIGNALS:
    void modeChanged(tracedelta::ComparisonView::Mode mode);

private:
    void revealInTime(NodeIndex node);
    void applyOverlay();
    void followScroll(class TraceCanvas* source, const std::vector<class TraceCanvas*>& panes);
    void syncTimeScrollBar();
    void balancePinnedArea();
    NodeIndex focusNode() const;
    void revealFocus();

    TimeAxis* m_axis;
    SelectionState* m_selection;
    std::shared_ptr<const Comparison> m_comparison;
    std::vector<PaneTitle> m_titles;
    AnnotationStore* m_annotations = nullptr;
    QTabWidget* m_tabs;
    // Each of the two tabs: [pinned target pane | scroll area of the baselines' splitter].
    QSplitter* m_ganttPinned;
    QSplitter* m_ganttSplitter;
    QWidget* m_ganttBaselineArea;
    QSplitter* m_flameSplitter;
    QSplitter* m_iciclePinned;
    QSplitter* m_icicleSplitter;
    QWidget* m_icicleBaselineArea;
    QWidget* m_diffContainer;
    QLabel* m_placeholder;
    QScrollBar* m_timeScroll;
    LegendBar* m_legend;
    DiffFlameGraph* m_diffFlameGraph = nullptr;
    std::vector<GanttCanvas*> m_ganttCanvases;
    std::vector<IcicleCanvas*> m_icicleCanvases;
    Qt::Orientation m_orientation = Qt::Vertical;
    bool m_syncingScroll = false;
    bool m_packedTracks = true;
    bool m_overlay = false;
    bool m_followingScroll = false;
    std::shared_ptr<const BaselineDistribution> m_distribution;
    std::vector<TracePane*> m_ganttPanes;
    std::vector<TracePane*> m_iciclePanes;
};

} // namespace tracedelta
