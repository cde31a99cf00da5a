// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonview.h"
#include "core/remote/servertracestore.h"

#include "flame/diffflamegraph.h"
#include "flame/iciclecanvas.h"
#include "legendbar.h"
#include "navigation/selectionstate.h"
#include "navigation/timeaxis.h"
#include "timeline/ganttcanvas.h"
#include "timeline/tracepane.h"
#include "viewmodel/baselinedistribution.h"

#include "core/util/durationformat.h"

#include <QFileInfo>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace tracedelta {

namespace {
constexpr int ScrollResolution = 1'000'000;

void deleteChildren(QSplitter* splitter)
{
    while (splitter->count() > 0)
        delete splitter->widget(0);
}
} // namespace

ComparisonView::ComparisonView(TimeAxis* axis, SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_axis(axis)
    , m_selection(selection)
    , m_tabs(new QTabWidget(this))
    , m_ganttPinned(new QSplitter(Qt::Vertical, this))
    , m_ganttSplitter(new QSplitter(Qt::Vertical, this))
    , m_flameSplitter(new QSplitter(Qt::Vertical, this))
    , m_iciclePinned(new QSplitter(Qt::Vertical, this))
    , m_icicleSplitter(new QSplitter(Qt::Vertical, this))
    , m_diffContainer(new QWidget(this))
    , m_placeholder(new QLabel(this))
    , m_timeScroll(new QScrollBar(Qt::Horizontal, this))
    , m_legend(new LegendBar(this))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("Open two or more traces (File → Open, drag and drop, or the command line).\n"
                              "The slowest run is the target (choose another in the toolbar); the others are its baselines."));
    m_tabs->setDocumentMode(true);
    // Many panes on a small screen scroll inside the view instead of growing the window.
    const auto scrolling = [this](QWidget* content) {
        auto* area = new QScrollArea(this);
        area->setWidget(content);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        return area;
    };
    // The target's pane goes first into each pinned splitter (setComparison); the baselines scroll.
    // The baselines' area may shrink to a sliver on a small screen; the target keeps its share.
    m_ganttBaselineArea = scrolling(m_ganttSplitter);
    m_ganttPinned->addWidget(m_ganttBaselineArea);
    m_tabs->addTab(m_ganttPinned, tr("&Timelines"));
    m_icicleBaselineArea = scrolling(m_icicleSplitter);
    m_iciclePinned->addWidget(m_icicleBaselineArea);
    m_flameSplitter->addWidget(m_iciclePinned);
    for (QWidget* area : {m_ganttBaselineArea, m_icicleBaselineArea})
        area->setMinimumSize(40, 40);
    auto* diffLayout = new QVBoxLayout(m_diffContainer);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->setSpacing(0);
    auto* diffTitle = new QLabel(tr("Differential flame graph of the merged tree — width: target time; colour: change "
                                    "against the baseline median"),
                                 m_diffContainer);
    diffTitle->setContentsMargins(4, 2, 4, 2);
    diffTitle->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    diffLayout->addWidget(diffTitle);
    m_flameSplitter->addWidget(m_diffContainer);
    m_tabs->addTab(m_flameSplitter, tr("&Flame graphs"));
    m_ganttSplitter->setChildrenCollapsible(false);
    m_icicleSplitter->setChildrenCollapsible(false);
    m_ganttPinned->setChildrenCollapsible(false);
    m_iciclePinned->setChildrenCollapsible(false);

    auto* stack = new QStackedLayout;
    stack->addWidget(m_placeholder);
    stack->addWidget(m_tabs);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(stack, 1);
    layout->addWidget(m_timeScroll);
    layout->addWidget(m_legend);
    m_timeScroll->hide();

    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        Q_EMIT modeChanged(static_cast<Mode>(index));
        // The flame graphs open on what the user is looking at, not on rows scrolled to
        // earlier: once the tab is laid out, its panes scroll to the selection.
        if (static_cast<Mode>(index) == Mode::FlameGraphs)
            QTimer::singleShot(0, this, &ComparisonView::revealFocus);
    });
    connect(m_axis, &TimeAxis::viewChanged, this, &ComparisonView::syncTimeScrollBar);
    connect(m_timeScroll, &QScrollBar::valueChanged, this, [this](int value) {
        if (m_syncingScroll)
            return;
        const double start = static_cast<double>(value) / ScrollResolution * static_cast<double>(m_axis->extentNs());
        m_axis->setView(std::llround(start), std::llround(start) + m_axis->viewLengthNs());
    });
    connect(m_selection, &SelectionState::revealRequested, this, &ComparisonView::revealInTime);
}

void ComparisonView::clear()
{
    deleteChildren(m_ganttSplitter);
    deleteChildren(m_icicleSplitter);
    // The pinned target panes: everything in the pinned splitters but the baselines' areas.
    for (QSplitter* pinned : {m_ganttPinned, m_iciclePinned}) {
        for (int i = pinned->count(); i-- > 0;) {
            QWidget* w = pinned->widget(i);
            if (w != m_ganttBaselineArea && w != m_icicleBaselineArea)
                delete w;
        }
    }
    delete m_diffFlameGraph;
    m_diffFlameGraph = nullptr;
    m_ganttCanvases.clear();
    m_icicleCanvases.clear();
    m_ganttPanes.clear();
    m_iciclePanes.clear();
    m_distribution.reset();
    m_comparison.reset();
    m_legend->setShowSpread(false);
    static_cast<QStackedLayout*>(layout()->itemAt(0)->layout())->setCurrentWidget(m_placeholder);
    m_timeScroll->hide();
}

void ComparisonView::setComparison(std::shared_ptr<const Comparison> comparison,
                                   std::shared_ptr<const ComparisonHighlights> highlights,
                                   const std::vector<PaneTitle>& titles,
                                   const std::vector<std::shared_ptr<const IcicleLayout>>& icicleLayouts)
{
    clear();
    m_comparison = comparison;
    m_titles = titles;
    const auto& traces = comparison->alignment().traces();
    m_axis->setTraces(traces);
    for (std::size_t t = 0; t < traces.size(); ++t) {
        const PaneData data{traces[t], t, comparison, highlights};
        const PaneTitle title = t < titles.size() ? titles[t] : PaneTitle{};
        auto* gantt = new GanttCanvas(data, m_axis, m_selection);
        gantt->setPackedTracks(m_packedTracks && GanttCanvas::packsByDefault(*traces[t]));
        gantt->setAnnotationStore(m_annotations);
        m_ganttPanes.push_back(new TracePane(gantt, title.text, title.color, m_axis));
        m_ganttCanvases.push_back(gantt);
        auto* icicle = new IcicleCanvas(data, m_axis, m_selection, t < icicleLayouts.size() ? icicleLayouts[t] : nullptr);
        icicle->setAnnotationStore(m_annotations);
        m_iciclePanes.push_back(new TracePane(icicle, title.text, title.color, m_axis));
        m_icicleCanvases.push_back(icicle);
    }
    const std::size_t target = comparison->targetIndex();
    for (const std::size_t t : paneOrder()) {
        if (t == target) {
            m_ganttPinned->insertWidget(0, m_ganttPanes[t]);
            m_iciclePinned->insertWidget(0, m_iciclePanes[t]);
        } else {
            m_ganttSplitter->addWidget(m_ganttPanes[t]);
            m_icicleSplitter->addWidget(m_iciclePanes[t]);
        }
    }
    for (QSplitter* pinned : {m_ganttPinned, m_iciclePinned}) {
        pinned->setStretchFactor(0, 1);
        pinned->setStretchFactor(1, 1);
    }
    for (GanttCanvas* gantt : m_ganttCanvases) {
        connect(gantt, &TraceCanvas::scrollChanged, this, [this, gantt] {
            followScroll(gantt, std::vector<TraceCanvas*>(m_ganttCanvases.begin(), m_ganttCanvases.end()));
        });
    }
    for (IcicleCanvas* icicle : m_icicleCanvases) {
        connect(icicle, &TraceCanvas::scrollChanged, this, [this, icicle] {
            followScroll(icicle, std::vector<TraceCanvas*>(m_icicleCanvases.begin(), m_icicleCanvases.end()));
        });
    }
    applyOverlay();
    m_diffFlameGraph = new DiffFlameGraph(comparison, highlights, m_selection, m_diffContainer);
    m_diffFlameGraph->setAnnotationStore(m_annotations);
    m_diffContainer->layout()->addWidget(m_diffFlameGraph);
    m_diffContainer->setVisible(comparison->baselineCount() > 0);
    const int flameHeight = std::max(200, m_flameSplitter->height());
    m_flameSplitter->setSizes({flameHeight * 3 / 5, flameHeight * 2 / 5});
    static_cast<QStackedLayout*>(layout()->itemAt(0)->layout())->setCurrentWidget(m_tabs);
    m_timeScroll->show();
    syncTimeScrollBar();
    balancePinnedArea();
}

// What the user looks at: the selected node, else the top candidate.
NodeIndex ComparisonView::focusNode() const
{
    if (!m_comparison)
        return NoNode;
    if (m_selection->selectedNode() > 0)
        return m_selection->selectedNode();
    return m_comparison->candidates().empty() ? NoNode : m_comparison->candidates().front().node;
}

void ComparisonView::revealFocus()
{
    m_selection->reveal(focusNode());
}

std::vector<std::size_t> ComparisonView::paneOrder() const
{
    std::vector<std::size_t> order;
    if (!m_comparison)
        return order;
    const std::size_t count = m_comparison->alignment().traces().size();
    const std::size_t target = m_comparison->targetIndex();
    if (target < count)
        order.push_back(target);
    for (std::size_t t = 0; t < count; ++t) {
        if (t != target)
            order.push_back(t);
    }
    return order;
}

// The pinned target gets the larger share: it is what the user investigates, and the
// baselines can scroll. Stacked: two thirds of the height (of the icicles' part, three
// quarters); side by side: half the width.
void ComparisonView::balancePinnedArea()
{
    const bool baselinesShown = m_comparison && m_comparison->baselineCount() > 0 && !overlayActive();
    m_ganttBaselineArea->setVisible(baselinesShown);
    m_icicleBaselineArea->setVisible(baselinesShown);
    if (!baselinesShown)
        return;
    const bool stacked = m_orientation == Qt::Vertical;
    const std::size_t target = m_comparison->targetIndex();
    for (QSplitter* pinned : {m_ganttPinned, m_iciclePinned}) {
        const int total = std::max(400, stacked ? pinned->height() : pinned->width());
        // Flame graphs share their tab with the differential graph, which already sums up
        // the baselines: their icicles get less room.
        int first = !stacked ? total / 2 : pinned == m_iciclePinned ? total * 3 / 4 : total * 2 / 3;
        if (stacked && target < m_ganttPanes.size()) {
            // A small trace needs less: the rest goes to the baselines.
            const TracePane* pane = pinned == m_ganttPinned ? m_ganttPanes[target] : m_iciclePanes[target];
            const TraceCanvas* canvas = pane->canvas();
            const int chrome = pane->height() > canvas->height() ? pane->height() - canvas->height() : 60;
            first = std::min(first, canvas->contentHeight() + chrome + 6);
        }
        pinned->setSizes({first, total - first});
    }
}

void ComparisonView::setAnnotationStore(AnnotationStore* store)
{
    m_annotations = store;
    for (GanttCanvas* canvas : m_ganttCanvases)
        canvas->setAnnotationStore(store);
    for (IcicleCanvas* canvas : m_icicleCanvases)
        canvas->setAnnotationStore(store);
    if (m_diffFlameGraph)
        m_diffFlameGraph->setAnnotationStore(store);
}

QString ComparisonView::paneTitle(const Trace& trace, bool isTarget)
{
    return tr("%1 · %2 · %3 · %n span(s)", nullptr, int(trace.spanCount()))
        .arg(isTarget ? tr("target") : tr("baseline"), sourceDisplayName(trace.sourceFile()),
             formatDuration(trace.wallDurationNs()));
}

QString ComparisonView::occurrencePaneTitle(const Trace& trace, bool isTarget)
{
    return tr("%1 · %2 · %3 · %n span(s)", nullptr, int(trace.spanCount()))
        .arg(isTarget ? tr("target") : tr("baseline"), QString::fromStdString(trace.traceId()), formatDuration(trace.wallDurationNs()));
}

void ComparisonView::setMode(Mode mode)
{
    m_tabs->setCurrentIndex(static_cast<int>(mode));
}

ComparisonView::Mode ComparisonView::mode() const
{
    return static_cast<Mode>(m_tabs->currentIndex());
}

void ComparisonView::setOrientation(Qt::Orientation orientation)
{
    m_orientation = orientation;
    m_ganttSplitter->setOrientation(orientation);
    m_icicleSplitter->setOrientation(orientation);
    m_ganttPinned->setOrientation(orientation);
    m_iciclePinned->setOrientation(orientation);
    balancePinnedArea();
}

void ComparisonView::setPackedTracks(bool packed)
{
    m_packedTracks = packed;
    for (GanttCanvas* canvas : m_ganttCanvases)
        canvas->setPackedTracks(packed && GanttCanvas::packsByDefault(*canvas->data().trace));
}

void ComparisonView::setOverlayBaselines(bool overlay)
{
    m_overlay = overlay;
    applyOverlay();
}

bool ComparisonView::paneShown(std::size_t trace) const
{
    return !overlayActive() || trace == m_comparison->targetIndex();
}

QString ComparisonView::overlayTitle(const QString& targetTitle) const
{
    return tr("%1 — under each bar, the spread of %n baseline(s): whisker min–max, box p10–p90, tick median", nullptr,
              static_cast<int>(m_comparison ? m_comparison->baselineCount() : 0))
        .arg(targetTitle);
}

void ComparisonView::applyOverlay()
{
    if (!m_comparison)
        return;
    const bool active = overlayActive();
    if (active && !m_distribution)
        m_distribution = std::make_shared<const BaselineDistribution>(*m_comparison);
    const std::size_t target = m_comparison->targetIndex();
    for (std::size_t t = 0; t < m_ganttPanes.size(); ++t) {
        m_ganttPanes[t]->setVisible(paneShown(t));
        m_iciclePanes[t]->setVisible(paneShown(t));
    }
    m_legend->setShowSpread(active);
    balancePinnedArea();
    if (target < m_ganttCanvases.size()) {
        m_ganttCanvases[target]->setBaselineDistribution(active ? m_distribution : nullptr);
        m_icicleCanvases[target]->setBaselineDistribution(active ? m_distribution : nullptr);
        const QString title = target < m_titles.size() ? m_titles[target].text : QString();
        m_ganttPanes[target]->setTitle(active ? overlayTitle(title) : title);
        m_iciclePanes[target]->setTitle(active ? overlayTitle(title) : title);
    }
}

// Stacked panes scroll together: the node at the top of the scrolled pane is brought to
// the top of every other pane, so the same part of the tree is in view everywhere.
void ComparisonView::followScroll(TraceCanvas* source, const std::vector<TraceCanvas*>& panes)
{
    if (m_followingScroll || !m_comparison)
        return;
    const SpanIndex top = source->topSpan();
    const NodeIndex node = top == NoSpan ? NoNode : m_comparison->alignment().nodeOf(source->data().traceIndex, top);
    m_followingScroll = true;
    if (node <= 0) {
        // Rows are depths (icicles): the same scroll shows the same depths.
        for (TraceCanvas* pane : panes) {
            if (pane != source)
                pane->setScrollY(source->scrollY());
        }
        m_followingScroll = false;
        return;
    }
    const double offset = source->spanRect(top).top();
    const AlignedNode& aligned = m_comparison->alignment().node(node);
    for (TraceCanvas* pane : panes) {
        const std::size_t t = pane->data().traceIndex;
        if (pane == source || t >= aligned.spans.size() || aligned.spans[t].empty())
            continue;
        const QRectF bar = pane->spanRect(aligned.spans[t].front());
        if (!bar.isEmpty())
            pane->setScrollY(pane->scrollY() + static_cast<int>(std::lround(bar.top() - offset)));
    }
    m_followingScroll = false;
}

void ComparisonView::revealInTime(NodeIndex node)
{
    if (!m_comparison || node <= 0)
        return;
    const AlignedNode& aligned = m_comparison->alignment().node(node);
    // The call the user chose (a finding about one call selects it), if any.
    if (m_selection->selectedNode() == node && m_selection->selectedSpan() != NoSpan) {
        const std::size_t t = m_selection->selectedTrace();
        const Trace& trace = *m_comparison->alignment().traces()[t];
        const SpanIndex span = m_selection->selectedSpan();
        m_axis->reveal(trace.startNs(span) - m_axis->originNs(t), trace.endNs(span) - m_axis->originNs(t));
        return;
    }
    // Prefer the target's span: it is the one the user is investigating.
    for (std::size_t t = aligned.spans.size(); t-- > 0;) {
        if (aligned.spans[t].empty())
            continue;
        const Trace& trace = *m_comparison->alignment().traces()[t];
        const SpanIndex span = aligned.spans[t].front();
        const std::int64_t origin = m_axis->originNs(t);
        m_axis->reveal(trace.startNs(span) - origin, trace.endNs(span) - origin);
        return;
    }
}

void ComparisonView::syncTimeScrollBar()
{
    const double extent = static_cast<double>(std::max<std::int64_t>(1, m_axis->extentNs()));
    const int page = static_cast<int>(std::llround(static_cast<double>(m_axis->viewLengthNs()) / extent * ScrollResolution));
    m_syncingScroll = true;
    m_timeScroll->setRange(0, ScrollResolution - page);
    m_timeScroll->setPageStep(page);
    m_timeScroll->setSingleStep(std::max(1, page / 10));
    m_timeScroll->setValue(static_cast<int>(std::llround(static_cast<double>(m_axis->viewStartNs()) / extent * ScrollResolution)));
    m_syncingScroll = false;
}

} // namespace tracedelta
