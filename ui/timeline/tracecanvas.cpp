// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracecanvas.h"
#include "spanbarpainter.h"

#include "ui/dialogs/notedialog.h"

#include "ui/viewmodel/displaynames.h"
#include "core/compare/comparison.h"
#include "ui/annotations/annotationpainter.h"
#include "ui/annotations/annotationstore.h"
#include "core/util/durationformat.h"
#include "ui/navigation/selectionstate.h"
#include "ui/navigation/timeaxis.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tracedelta {

namespace {
constexpr int DragThreshold = 4;
constexpr double KeyZoomFactor = 1.25;
constexpr double KeyPanShare = 0.1;
} // namespace

TraceCanvas::TraceCanvas(PaneData data, TimeAxis* axis, SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_data(std::move(data))
    , m_axis(axis)
    , m_selection(selection)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumHeight(60);
    connect(m_axis, &TimeAxis::viewChanged, this, qOverload<>(&QWidget::update));
    connect(m_selection, &SelectionState::selectionChanged, this, qOverload<>(&QWidget::update));
    connect(m_selection, &SelectionState::hoverChanged, this, qOverload<>(&QWidget::update));
    connect(m_selection, &SelectionState::searchChanged, this, &TraceCanvas::updateSearch);
    connect(m_selection, &SelectionState::revealRequested, this, &TraceCanvas::onRevealRequested);
    updateSearch();
}

void TraceCanvas::setScrollY(int y)
{
    const int clamped = std::clamp(y, 0, std::max(0, contentHeight() - height()));
    if (clamped == m_scrollY)
        return;
    m_scrollY = clamped;
    update();
    Q_EMIT scrollChanged(m_scrollY);
}

void TraceCanvas::setBaselineDistribution(std::shared_ptr<const BaselineDistribution> distribution)
{
    m_distribution = std::move(distribution);
    update();
}

QRect TraceCanvas::timelineArea() const
{
    return QRect(timelineLeft(), 0, std::max(1, width() - timelineLeft()), height());
}

PaneScene TraceCanvas::scene() const
{
    PaneScene scene;
    scene.trace = m_data.trace.get();
    scene.traceIndex = m_data.traceIndex;
    scene.alignment = m_data.comparison ? &m_data.comparison->alignment() : nullptr;
    scene.highlights = m_data.highlights.get();
    scene.searchMatches = m_searchMatches.get();
    scene.distribution = m_distribution.get();
    scene.palette = ViewPalette::forPalette(palette());
    if (m_serviceColors.empty() || m_serviceColorsDark != scene.palette.dark) {
        auto* self = const_cast<TraceCanvas*>(this);
        self->m_serviceColors = serviceColorTable(*m_data.trace, scene.palette);
        self->m_serviceColorsDark = scene.palette.dark;
    }
    scene.serviceColors = &m_serviceColors;
    scene.selectedNode = m_selection->selectedNode();
    if (m_selection->selectedSpan() != NoSpan && m_selection->selectedTrace() == m_data.traceIndex)
        scene.selectedSpan = m_selection->selectedSpan();
    scene.hoveredNode = m_selection->hoveredNode();
    const QRect area = timelineArea();
    scene.mapping.left = area.left();
    scene.mapping.width = area.width();
    scene.mapping.originNs = m_axis->originNs(m_data.traceIndex);
    scene.mapping.viewStartNs = m_axis->viewStartNs();
    scene.mapping.viewEndNs = m_axis->viewEndNs();
    return scene;
}

void TraceCanvas::setAnnotationStore(AnnotationStore* store)
{
    m_annotations = store;
    if (store)
        connect(store, &AnnotationStore::changed, this, qOverload<>(&QWidget::update));
    update();
}

void TraceCanvas::render(QPainter& painter, const QRect& viewport) const
{
    PaneScene s = scene();
    s.mapping.left = viewport.left() + timelineLeft();
    s.mapping.width = std::max(1, viewport.width() - timelineLeft());
    paintContent(painter, viewport, s);
    paintNotes(painter, viewport, s);
}

void TraceCanvas::paintNotes(QPainter& painter, const QRect& viewport, const PaneScene& s) const
{
    if (!m_annotations || m_annotations->annotations().empty())
        return;
    const QFont font = painter.font();
    BarExtents extents; // shared by every place tried for every note in this paint
    const auto hits = paintAnnotations(
        painter, viewport, s, m_annotations->annotations(),
        [&](SpanIndex span) {
            const QRectF bar = barRect(s, span);
            return bar.isEmpty() ? bar : bar.translated(0, viewport.top());
        },
        [&](const QRectF& region) { return clutter(s, viewport, font, region, extents); });
    if (viewport == rect() && painter.device() == this)
        m_noteBoxes = hits;
}

// Share of `region` (viewport coordinates) that bars, their labels or the row names cover,
// sampled every few pixels through the pane's own hit test, so it holds for any layout
// (span rows, packed tracks, icicles) and for exports drawn at another width.
double TraceCanvas::clutter(const PaneScene& s, const QRect& viewport, const QFont& font, const QRectF& region,
                            BarExtents& extents) const
{
    const PaneScene live = scene();
    const QFontMetricsF metrics(font);
    int covered = 0;
    int samples = 0;
    for (double y = region.top() + 3; y < region.bottom(); y += 6) {
        for (double x = region.left() + 3; x < region.right(); x += 8) {
            ++samples;
            if (x < s.mapping.left) { // the row names
                ++covered;
                continue;
            }
            const double liveX = live.mapping.left + (x - s.mapping.left) * live.mapping.width / std::max(1.0, static_cast<double>(s.mapping.width));
            const SpanIndex span = spanAt(QPoint(static_cast<int>(liveX), static_cast<int>(y) - viewport.top()));
            if (span == NoSpan)
                continue;
            const QRectF bar = barRect(s, span).translated(0, viewport.top());
            auto [found, inserted] = extents.try_emplace(span, bar.left(), bar.right());
            if (inserted) {
                // A label that does not fit inside its bar is drawn after it, or before it when
                // the pane ends first (as paintSpanBar places it).
                const double label = metrics.horizontalAdvance(spanBarLabel(s, span));
                if (label > bar.width() - 7) {
                    if (s.mapping.left + s.mapping.width - bar.right() > label * 0.5 + 8)
                        found->second.second = bar.right() + 6 + label;
                    else
                        found->second.first = bar.left() - 6 - label;
                }
            }
            const auto [left, right] = found->second;
            if (x >= left - 2 && x <= right && y >= bar.top() - 3 && y <= bar.bottom() + 3)
                ++covered;
        }
    }
    return samples > 0 ? static_cast<double>(covered) / samples : 0.0;
}

std::uint64_t TraceCanvas::noteAt(const QPoint& pos) const
{
    // Last painted is on top.
    for (auto it = m_noteBoxes.rbegin(); it != m_noteBoxes.rend(); ++it) {
        if (it->box.contains(pos))
            return it->id;
    }
    return 0;
}

void TraceCanvas::editNote(std::uint64_t id)
{
    const Annotation* note = m_annotations ? m_annotations->find(id) : nullptr;
    if (!note)
        return;
    const QString text = NoteDialog::ask(this, tr("Edit Note"), tr("Note:"), note->text);
    if (!text.isEmpty())
        m_annotations->setText(id, text);
}

void TraceCanvas::addSpanNote(SpanIndex span)
{
    const QString text = NoteDialog::ask(this, tr("Add Note"), tr("Note on %1:").arg(QString::fromStdString(m_data.trace->nameText(span))));
    if (!text.isEmpty())
        m_annotations->add(spanAnnotation(*m_data.trace, span, text));
}

void TraceCanvas::addRangeNote(double x0, double x1)
{
    const PaneScene s = scene();
    const std::int64_t from = s.mapping.absoluteTime(std::min(x0, x1)) - m_data.trace->traceStartNs();
    const std::int64_t to = s.mapping.absoluteTime(std::max(x0, x1)) - m_data.trace->traceStartNs();
    const QString text = NoteDialog::ask(this, tr("Add Range Note"), tr("Note on %1 from +%2:").arg(formatDuration(to - from), formatDuration(from)));
    if (text.isEmpty())
        return;
    Annotation a;
    a.kind = Annotation::Kind::Range;
    a.text = text;
    a.traceFile = m_data.trace->sourceFile();
    a.traceId = m_data.trace->traceId();
    a.startNs = from;
    a.endNs = to;
    m_annotations->add(a);
}

void TraceCanvas::contextMenuEvent(QContextMenuEvent* event)
{
    if (!m_annotations)
        return;
    QMenu menu(this);
    QPoint pos = event->pos();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        const QRectF bar = spanRect(selectedSpanHere());
        if (!bar.isEmpty())
            pos = bar.center().toPoint();
    }
    if (const std::uint64_t note = noteAt(pos); note != 0) {
        menu.addAction(tr("&Edit Note…"), this, [this, note] { editNote(note); });
        menu.addAction(tr("&Delete Note"), this, [this, note] { m_annotations->remove(note); });
    } else if (const SpanIndex span = spanAt(pos); span != NoSpan) {
        menu.addAction(tr("&Add Note…"), this, [this, span] { addSpanNote(span); });
        menu.addAction(tr("&Zoom to Span"), this, [this, span] {
            const std::int64_t origin = m_axis->originNs(m_data.traceIndex);
            m_axis->zoomTo(m_data.trace->startNs(span) - origin, m_data.trace->endNs(span) - origin);
        });
        QAction* align = menu.addAction(tr("A&lign All Traces at This Span"), this, [this, span] { alignAtSpan(span); });
        align->setEnabled(m_data.comparison != nullptr);
        Q_EMIT m_selection->spanMenuAboutToShow(&menu, m_data.traceIndex, span);
    }
    QAction* hint = menu.addAction(tr("Shift+drag to note a time range"));
    hint->setEnabled(false);
    menu.exec(mapToGlobal(pos));
}

void TraceCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const PaneScene s = scene();
    paintContent(painter, rect(), s);
    paintNotes(painter, rect(), s);
    if (m_selectingRange)
        paintRangePreview(painter, rect(), m_rangeX0, m_rangeX1);
    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TraceCanvas::updateSearch()
{
    m_searchMatches = m_selection->searchMatches(m_data.trace);
    update();
}

void TraceCanvas::onRevealRequested(NodeIndex node)
{
    if (!m_data.comparison || node <= 0)
        return;
    const Alignment& alignment = m_data.comparison->alignment();
    const auto& spans = alignment.node(node).spans[m_data.traceIndex];
    if (spans.empty())
        return;
    // A finding about one call (the 7th of ten) selects that call: this pane shows it, or
    // the call at the same place in start order among this trace's calls.
    const SpanIndex selected = m_selection->selectedNode() == node ? m_selection->selectedSpan() : NoSpan;
    if (selected == NoSpan) {
        revealSpan(spans.front());
        return;
    }
    const std::size_t selectedTrace = m_selection->selectedTrace();
    const Trace& selectedIn = *alignment.traces()[selectedTrace];
    const auto& selectedSpans = alignment.node(node).spans[selectedTrace];
    const auto ordinal = std::count_if(selectedSpans.begin(), selectedSpans.end(),
                                       [&](SpanIndex s) { return selectedIn.startNs(s) < selectedIn.startNs(selected); });
    std::vector<SpanIndex> byStart(spans.begin(), spans.end());
    const Trace& trace = *m_data.trace;
    std::stable_sort(byStart.begin(), byStart.end(), [&](SpanIndex a, SpanIndex b) { return trace.startNs(a) < trace.startNs(b); });
    revealSpan(byStart[std::min<std::size_t>(static_cast<std::size_t>(ordinal), byStart.size() - 1)]);
}

void TraceCanvas::revealSpan(SpanIndex span)
{
    const QRectF bar = spanRect(span);
    if (bar.isEmpty())
        return;
    if (bar.top() < 0 || bar.bottom() > height())
        setScrollY(m_scrollY + static_cast<int>(bar.center().y()) - height() / 2);
}

bool TraceCanvas::handleClick(const QPoint& pos)
{
    const SpanIndex span = spanAt(pos);
    if (span == NoSpan) {
        m_selection->clearSelection();
        return true;
    }
    const NodeIndex node = m_data.comparison ? m_data.comparison->alignment().nodeOf(m_data.traceIndex, span) : NoNode;
    m_selection->selectSpan(node, m_data.traceIndex, span);
    return true;
}

double TraceCanvas::anchorFraction(double x) const
{
    const QRect area = timelineArea();
    return std::clamp((x - area.left()) / static_cast<double>(area.width()), 0.0, 1.0);
}

void TraceCanvas::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier) {
        setScrollY(m_scrollY - (delta.y() != 0 ? delta.y() : delta.x()) / 2);
    } else if (std::abs(delta.x()) > std::abs(delta.y())) {
        m_axis->pan(-static_cast<std::int64_t>(delta.x() / 120.0 * KeyPanShare * static_cast<double>(m_axis->viewLengthNs())));
    } else if (delta.y() != 0) {
        m_axis->zoom(std::pow(1.2, delta.y() / 120.0), anchorFraction(event->position().x()));
    }
    event->accept();
}

void TraceCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastDragPos = event->position().toPoint();
    m_draggedNote = noteAt(m_pressPos);
    if (m_draggedNote != 0) {
        const Annotation* note = m_annotations->find(m_draggedNote);
        // From where it is drawn: a callout placed by the view moves from there, not from
        // its stored first choice.
        m_draggedNoteOffset = QPointF(note->offsetX, note->offsetY);
        for (const AnnotationHit& hit : m_noteBoxes) {
            if (hit.id == m_draggedNote && note->kind == Annotation::Kind::Span)
                m_draggedNoteOffset = hit.offset;
        }
        const bool isRange = note->kind == Annotation::Kind::Range;
        if (isRange)
            m_draggedNote = 0; // range labels stay at the top of their band
    } else if (m_annotations && (event->modifiers() & Qt::ShiftModifier) && m_pressPos.x() >= timelineLeft()) {
        m_selectingRange = true;
        m_rangeX0 = m_rangeX1 = m_pressPos.x();
    }
}

void TraceCanvas::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= DragThreshold) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging && m_draggedNote != 0) {
            const QPointF moved = m_draggedNoteOffset + QPointF(pos - m_pressPos);
            m_annotations->move(m_draggedNote, moved.x(), moved.y());
        } else if (m_dragging && m_selectingRange) {
            m_rangeX1 = std::clamp(double(pos.x()), double(timelineLeft()), double(width()));
            update();
        } else if (m_dragging) {
            const double nsPerPixel = static_cast<double>(m_axis->viewLengthNs()) / timelineArea().width();
            m_axis->pan(static_cast<std::int64_t>(-(pos.x() - m_lastDragPos.x()) * nsPerPixel));
            setScrollY(m_scrollY - (pos.y() - m_lastDragPos.y()));
            m_lastDragPos = pos;
        }
        return;
    }
    const SpanIndex span = spanAt(pos);
    m_selection->setHoveredNode(span != NoSpan && m_data.comparison
                                    ? m_data.comparison->alignment().nodeOf(m_data.traceIndex, span)
                                    : NoNode);
}

void TraceCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressed)
        return QWidget::mouseReleaseEvent(event);
    m_pressed = false;
    const bool wasSelectingRange = std::exchange(m_selectingRange, false);
    m_draggedNote = 0;
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        if (wasSelectingRange && std::abs(m_rangeX1 - m_rangeX0) >= 3) {
            update();
            addRangeNote(m_rangeX0, m_rangeX1);
        }
        update();
        return;
    }
    handleClick(event->position().toPoint());
}

void TraceCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (const std::uint64_t note = noteAt(event->position().toPoint()); note != 0)
        return editNote(note);
    const SpanIndex span = spanAt(event->position().toPoint());
    if (span == NoSpan)
        return;
    if (m_axis->alignment() != TimeAxis::Alignment::AbsoluteWallClock && alignAtSpan(span))
        return;
    const std::int64_t origin = m_axis->originNs(m_data.traceIndex);
    m_axis->zoomTo(m_data.trace->startNs(span) - origin, m_data.trace->endNs(span) - origin);
}

// Each trace's counterpart starts at the same axis time and the view fits the longest,
// so a span that starts 700 ms later in the target is still side by side with its
// baselines instead of pushing them off-screen.
bool TraceCanvas::alignAtSpan(SpanIndex span)
{
    if (!m_data.comparison)
        return false;
    const Alignment& alignment = m_data.comparison->alignment();
    const NodeIndex node = alignment.nodeOf(m_data.traceIndex, span);
    if (node <= 0)
        return false;
    const AlignedNode& aligned = alignment.node(node);
    const auto& mine = aligned.spans[m_data.traceIndex];
    const auto ordinal = static_cast<std::size_t>(std::find(mine.begin(), mine.end(), span) - mine.begin());
    std::vector<std::int64_t> anchors(alignment.traces().size(), TimeAxis::NoAnchor);
    std::int64_t longest = 0;
    int anchored = 0;
    for (std::size_t t = 0; t < anchors.size(); ++t) {
        const auto& spans = aligned.spans[t];
        if (spans.empty())
            continue;
        // The call with the same ordinal when the counts match, else the first.
        const SpanIndex counterpart = t == m_data.traceIndex ? span
            : spans.size() == mine.size() && ordinal < spans.size() ? spans[ordinal] : spans.front();
        const Trace& trace = *alignment.traces()[t];
        anchors[t] = trace.startNs(counterpart);
        longest = std::max(longest, trace.durationNs(counterpart));
        ++anchored;
    }
    if (anchored < 2)
        return false;
    m_axis->setAnchorLabel(QString::fromStdString(m_data.trace->nameText(span)));
    const std::int64_t at = m_axis->alignAt(anchors);
    m_axis->zoomTo(at, timemath::add(at, longest));
    return true;
}

SpanIndex TraceCanvas::selectedSpanHere() const
{
    if (m_selection->selectedSpan() != NoSpan && m_selection->selectedTrace() == m_data.traceIndex)
        return m_selection->selectedSpan();
    const NodeIndex node = m_selection->selectedNode();
    if (node > 0 && m_data.comparison) {
        const auto& spans = m_data.comparison->alignment().node(node).spans;
        if (m_data.traceIndex < spans.size() && !spans[m_data.traceIndex].empty())
            return spans[m_data.traceIndex].front();
    }
    return NoSpan;
}

// Where rows are depths (icicle, packed tracks): up to the parent, down to the first
// child, left and right to the neighbouring siblings.
SpanIndex TraceCanvas::stepFrom(SpanIndex span, int key) const
{
    const Trace& trace = *m_data.trace;
    const SpanIndex parent = trace.parent(span);
    const auto siblings = parent == NoSpan ? trace.roots() : trace.children(parent);
    const auto at = std::find(siblings.begin(), siblings.end(), span);
    switch (key) {
    case Qt::Key_Up: return parent;
    case Qt::Key_Down: return trace.children(span).empty() ? NoSpan : trace.children(span).front();
    case Qt::Key_Left: return at != siblings.end() && at != siblings.begin() ? *(at - 1) : NoSpan;
    case Qt::Key_Right: return at != siblings.end() && at + 1 != siblings.end() ? *(at + 1) : NoSpan;
    default: return NoSpan;
    }
}

bool TraceCanvas::stepSelection(int key)
{
    const SpanIndex from = selectedSpanHere();
    if (from == NoSpan)
        return false;
    const SpanIndex to = stepFrom(from, key);
    if (to == NoSpan)
        return true; // at an edge: stay, and do not pan instead
    const NodeIndex node = m_data.comparison ? m_data.comparison->alignment().nodeOf(m_data.traceIndex, to) : NoNode;
    m_selection->selectSpan(node, m_data.traceIndex, to);
    revealSpan(to);
    const std::int64_t origin = m_axis->originNs(m_data.traceIndex);
    m_axis->reveal(m_data.trace->startNs(to) - origin, m_data.trace->endNs(to) - origin);
    return true;
}

void TraceCanvas::keyPressEvent(QKeyEvent* event)
{
    const bool arrow = event->key() == Qt::Key_Up || event->key() == Qt::Key_Down || event->key() == Qt::Key_Left
        || event->key() == Qt::Key_Right;
    if (arrow && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) && stepSelection(event->key())) {
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_F10 && (event->modifiers() & Qt::ShiftModifier)) {
        // The keyboard's context menu key, as in every desktop: at the selected span.
        const QRectF bar = spanRect(selectedSpanHere());
        const QPoint at = bar.isEmpty() ? rect().center() : bar.center().toPoint();
        QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, at, mapToGlobal(at));
        contextMenuEvent(&menuEvent);
        event->accept();
        return;
    }
    const QPoint cursor = mapFromGlobal(QCursor::pos());
    const double anchor = rect().contains(cursor) ? anchorFraction(cursor.x()) : 0.5;
    const auto panStep = static_cast<std::int64_t>(KeyPanShare * static_cast<double>(m_axis->viewLengthNs()));
    switch (event->key()) {
    case Qt::Key_W:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_axis->zoom(KeyZoomFactor, anchor);
        break;
    case Qt::Key_S:
    case Qt::Key_Minus:
        m_axis->zoom(1.0 / KeyZoomFactor, anchor);
        break;
    case Qt::Key_A:
    case Qt::Key_Left:
        m_axis->pan(-panStep);
        break;
    case Qt::Key_D:
    case Qt::Key_Right:
        m_axis->pan(panStep);
        break;
    case Qt::Key_0:
        m_axis->reset();
        break;
    case Qt::Key_Up:
        setScrollY(m_scrollY - 20);
        break;
    case Qt::Key_Down:
        setScrollY(m_scrollY + 20);
        break;
    case Qt::Key_PageUp:
        setScrollY(m_scrollY - height());
        break;
    case Qt::Key_PageDown:
        setScrollY(m_scrollY + height());
        break;
    case Qt::Key_Escape:
        m_selection->clearSelection();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TraceCanvas::leaveEvent(QEvent* event)
{
    m_selection->setHoveredNode(NoNode);
    QWidget::leaveEvent(event);
}

void TraceCanvas::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    Q_EMIT contentHeightChanged(contentHeight());
    setScrollY(m_scrollY);
}

void TraceCanvas::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        update();
    QWidget::changeEvent(event);
}

bool TraceCanvas::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const SpanIndex span = spanAt(help->pos());
        if (span == NoSpan) {
            QToolTip::hideText();
            return true;
        }
        const Trace& trace = *m_data.trace;
        QString text = QStringLiteral("<b>%1</b> <span style='color:gray'>%2</span><br>%3")
                           .arg(QString::fromStdString(trace.nameText(span)).toHtmlEscaped(),
                                QString::fromStdString(trace.serviceText(span)).toHtmlEscaped(),
                                tr("total %1 · self %2 · starts at +%3")
                                    .arg(formatDuration(trace.durationNs(span)), formatDuration(trace.selfNs(span)),
                                         formatDuration(trace.startNs(span) - trace.traceStartNs())));
        if (m_data.comparison && m_data.highlights) {
            const NodeIndex node = m_data.comparison->alignment().nodeOf(m_data.traceIndex, span);
            const NodeMetrics& metrics = m_data.comparison->metrics(node);
            if (metrics.change != NodeChange::Unchanged)
                text += QStringLiteral("<br>") + tr("%1 vs baseline median %2").arg(changeDisplayName(metrics.change),
                                                                                    formatDuration(metrics.baselineTotal.median));
            if (const int rank = m_data.highlights->candidateRank(node); rank > 0)
                text += QStringLiteral("<br>") + tr("Root-cause candidate #%1").arg(rank);
        }
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace tracedelta
