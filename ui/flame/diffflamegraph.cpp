// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffflamegraph.h"

#include "ui/dialogs/notedialog.h"

#include "ui/viewmodel/displaynames.h"
#include "core/util/durationformat.h"
#include "ui/annotations/annotationpainter.h"
#include "ui/annotations/annotationstore.h"
#include "ui/navigation/selectionstate.h"
#include "ui/style/viewpalette.h"
#include "ui/timeline/spanbarpainter.h"

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

QString boxLabel(const Comparison& comparison, NodeIndex node, int rank)
{
    const AlignedNode& n = comparison.alignment().node(node);
    const NodeMetrics& m = comparison.metrics(node);
    QString label = QString::fromStdString(n.name);
    if (rank > 0)
        label.prepend(QStringLiteral("#%1 ").arg(rank));
    if (comparison.baselineCount() > 0 && m.change != NodeChange::Unchanged)
        label += QStringLiteral(" · ") + formatSignedDuration(m.totalNs[comparison.targetIndex()] - m.baselineTotal.median);
    return label;
}

} // namespace

DiffFlameGraph::DiffFlameGraph(std::shared_ptr<const Comparison> comparison,
                               std::shared_ptr<const ComparisonHighlights> highlights, SelectionState* selection,
                               QWidget* parent)
    : QWidget(parent)
    , m_comparison(std::move(comparison))
    , m_highlights(std::move(highlights))
    , m_layout(*m_comparison)
    , m_selection(selection)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumHeight(80);
    for (const Candidate& candidate : m_comparison->candidates()) {
        if (candidate.kind == CandidateKind::Error)
            m_failedNodes.push_back(candidate.node);
    }
    std::sort(m_failedNodes.begin(), m_failedNodes.end());
    resetZoom();
    connect(m_selection, &SelectionState::selectionChanged, this, qOverload<>(&QWidget::update));
    connect(m_selection, &SelectionState::hoverChanged, this, qOverload<>(&QWidget::update));
    connect(m_selection, &SelectionState::revealRequested, this, &DiffFlameGraph::reveal);
}

void DiffFlameGraph::setAnnotationStore(AnnotationStore* store)
{
    m_annotations = store;
    if (store)
        connect(store, &AnnotationStore::changed, this, qOverload<>(&QWidget::update));
    update();
}

void DiffFlameGraph::contextMenuEvent(QContextMenuEvent* event)
{
    if (!m_annotations)
        return;
    QMenu menu(this);
    for (const auto& [id, box] : m_noteBoxes) {
        if (!box.contains(event->pos()))
            continue;
        const std::uint64_t note = id;
        menu.addAction(tr("&Edit Note…"), this, [this, note] {
            const Annotation* current = m_annotations->find(note);
            const QString text = current ? NoteDialog::ask(this, tr("Edit Note"), tr("Note:"), current->text) : QString();
            if (!text.isEmpty())
                m_annotations->setText(note, text);
        });
        menu.addAction(tr("&Delete Note"), this, [this, note] { m_annotations->remove(note); });
        menu.exec(event->globalPos());
        return;
    }
    const NodeIndex node = nodeAt(event->pos());
    const auto target = m_comparison->targetIndex();
    if (node == NoNode || m_comparison->alignment().node(node).spans[target].empty())
        return;
    const SpanIndex span = m_comparison->alignment().node(node).spans[target].front();
    menu.addAction(tr("&Add Note…"), this, [this, span] {
        const Trace& trace = m_comparison->target();
        const QString text = NoteDialog::ask(this, tr("Add Note"), tr("Note on %1:").arg(QString::fromStdString(trace.nameText(span))));
        if (!text.isEmpty())
            m_annotations->add(spanAnnotation(trace, span, text));
    });
    menu.addAction(tr("&Zoom to Node"), this, [this, node] { zoomToNode(node); });
    menu.exec(event->globalPos());
}

void DiffFlameGraph::resetZoom()
{
    setView(0, std::max(1.0, m_layout.totalWidth()));
}

void DiffFlameGraph::setView(double start, double end)
{
    const double total = std::max(1.0, m_layout.totalWidth());
    const double length = std::clamp(end - start, std::min(100.0, total), total);
    m_viewStart = std::clamp(start, 0.0, total - length);
    m_viewEnd = m_viewStart + length;
    update();
}

void DiffFlameGraph::zoomToNode(NodeIndex node)
{
    if (const auto* box = m_layout.boxOf(node))
        setView(box->x, box->x + box->width);
}

void DiffFlameGraph::reveal(NodeIndex node)
{
    const auto* box = m_layout.boxOf(node);
    if (!box)
        return;
    if (box->x < m_viewStart || box->x + box->width > m_viewEnd)
        resetZoom();
    const int top = box->depth * RowHeight;
    if (top < m_scrollY || top + RowHeight > m_scrollY + height())
        m_scrollY = std::max(0, top - height() / 2);
    update();
}

QRectF DiffFlameGraph::boxRect(const DiffFlameLayout::Box& box, const QRect& viewport) const
{
    const double scale = viewport.width() / (m_viewEnd - m_viewStart);
    const double x0 = viewport.left() + (box.x - m_viewStart) * scale;
    return QRectF(x0, viewport.top() + box.depth * RowHeight - m_scrollY + 1, std::max(1.0, box.width * scale), RowHeight - 2);
}

QRectF DiffFlameGraph::nodeRect(NodeIndex node) const
{
    const auto* box = m_layout.boxOf(node);
    return box ? boxRect(*box, rect()) : QRectF();
}

NodeIndex DiffFlameGraph::nodeAt(const QPoint& pos) const
{
    const int depth = (pos.y() + m_scrollY) / RowHeight;
    const double x = m_viewStart + pos.x() * (m_viewEnd - m_viewStart) / std::max(1, width());
    const auto* box = m_layout.boxAt(depth, x);
    return box ? box->node : NoNode;
}

void DiffFlameGraph::render(QPainter& painter, const QRect& viewport) const
{
    const ViewPalette palette = ViewPalette::forPalette(this->palette());
    painter.fillRect(viewport, palette.background);
    painter.save();
    painter.setClipRect(viewport);
    const QFontMetricsF metrics(painter.font());
    const int firstDepth = std::max(0, m_scrollY / RowHeight);
    const int lastDepth = std::min(m_layout.depthCount() - 1, (m_scrollY + viewport.height()) / RowHeight);
    const NodeIndex selected = m_selection->selectedNode();
    const NodeIndex hovered = m_selection->hoveredNode();
    for (int depth = firstDepth; depth <= lastDepth; ++depth) {
        double mergedRight = -1;
        for (const auto& box : m_layout.row(depth)) {
            const QRectF r = boxRect(box, viewport);
            if (r.right() < viewport.left() || r.left() > viewport.right())
                continue;
            const SpanMark mark = m_highlights->nodeMark(box.node);
            // Sub-pixel boxes next to each other become one mark.
            if (r.width() < 1.5 && box.node != selected && r.left() < mergedRight + 1)
                continue;
            const QRectF visible = r.intersected(QRectF(viewport));
            painter.fillRect(visible, palette.markColor(mark, m_highlights->nodeMagnitude(box.node)));
            if (mark == SpanMark::Removed)
                painter.fillRect(visible, QBrush(palette.mutedText, Qt::Dense6Pattern));
            mergedRight = r.right();
            if (r.width() < 3)
                continue;
            painter.setPen(QPen(palette.background, 1));
            painter.drawLine(visible.topRight(), visible.bottomRight());
            if (m_comparison->metrics(box.node).disproportionateSelfTime) {
                painter.setPen(QPen(palette.selfTime, 2));
                painter.drawRect(visible.adjusted(1, 1, -1, -1));
            }
            if (std::binary_search(m_failedNodes.begin(), m_failedNodes.end(), box.node))
                paintErrorCorner(painter, visible, palette.error);
            if (box.node == selected) {
                painter.setPen(QPen(palette.selection, 2));
                painter.drawRect(visible);
            } else if (box.node == hovered) {
                painter.setPen(QPen(palette.hover, 2, Qt::DashLine));
                painter.drawRect(visible);
            }
            if (visible.width() > 30) {
                painter.setPen(palette.barText);
                const QRectF text = visible.adjusted(4, 0, -3, 0);
                painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                                 metrics.elidedText(boxLabel(*m_comparison, box.node, m_highlights->candidateRank(box.node)),
                                                    Qt::ElideRight, text.width()));
            }
        }
    }
    painter.restore();
    if (m_annotations && !m_annotations->annotations().empty()) {
        // Only span notes: this graph's x axis is aggregated time, so time ranges have no place here.
        std::vector<Annotation> spanNotes;
        for (const Annotation& a : m_annotations->annotations()) {
            if (a.kind == Annotation::Kind::Span)
                spanNotes.push_back(a);
        }
        PaneScene scene;
        scene.trace = &m_comparison->target();
        scene.traceIndex = m_comparison->targetIndex();
        scene.mapping.left = viewport.left();
        scene.mapping.width = viewport.width();
        const auto hits = paintAnnotations(painter, viewport, scene, spanNotes, [&](SpanIndex span) {
            const auto* box = m_layout.boxOf(m_comparison->alignment().nodeOf(m_comparison->targetIndex(), span));
            return box ? boxRect(*box, viewport) : QRectF();
        });
        if (viewport == rect() && painter.device() == this) {
            m_noteBoxes.clear();
            for (const AnnotationHit& hit : hits)
                m_noteBoxes.emplace_back(hit.id, hit.box);
        }
    }
}

void DiffFlameGraph::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    render(painter, rect());
}

void DiffFlameGraph::wheelEvent(QWheelEvent* event)
{
    const double delta = event->angleDelta().y();
    if (event->modifiers() & Qt::ShiftModifier) {
        m_scrollY = std::clamp(m_scrollY - static_cast<int>(delta / 2), 0,
                               std::max(0, m_layout.depthCount() * RowHeight - height()));
        update();
    } else if (delta != 0) {
        const double factor = std::pow(1.2, delta / 120.0);
        const double anchor = std::clamp(event->position().x() / std::max(1, width()), 0.0, 1.0);
        const double length = m_viewEnd - m_viewStart;
        const double at = m_viewStart + anchor * length;
        const double newLength = length / factor;
        setView(at - anchor * newLength, at - anchor * newLength + newLength);
    }
    event->accept();
}

void DiffFlameGraph::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastPos = event->position().toPoint();
}

void DiffFlameGraph::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        m_dragging = m_dragging || (pos - m_pressPos).manhattanLength() >= 4;
        if (m_dragging) {
            const double perPixel = (m_viewEnd - m_viewStart) / std::max(1, width());
            setView(m_viewStart - (pos.x() - m_lastPos.x()) * perPixel, m_viewEnd - (pos.x() - m_lastPos.x()) * perPixel);
            m_lastPos = pos;
        }
        return;
    }
    m_selection->setHoveredNode(nodeAt(pos));
}

void DiffFlameGraph::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_pressed || event->button() != Qt::LeftButton)
        return;
    m_pressed = false;
    if (m_dragging)
        return;
    const NodeIndex node = nodeAt(event->position().toPoint());
    if (node == NoNode)
        m_selection->clearSelection();
    else
        m_selection->selectNode(node, false);
}

void DiffFlameGraph::mouseDoubleClickEvent(QMouseEvent* event)
{
    zoomToNode(nodeAt(event->position().toPoint()));
}

void DiffFlameGraph::keyPressEvent(QKeyEvent* event)
{
    const double length = m_viewEnd - m_viewStart;
    switch (event->key()) {
    case Qt::Key_W:
    case Qt::Key_Plus:
        setView(m_viewStart + length * 0.1, m_viewEnd - length * 0.1);
        break;
    case Qt::Key_S:
    case Qt::Key_Minus:
        setView(m_viewStart - length * 0.125, m_viewEnd + length * 0.125);
        break;
    case Qt::Key_A:
        setView(m_viewStart - length * 0.1, m_viewEnd - length * 0.1);
        break;
    case Qt::Key_D:
        setView(m_viewStart + length * 0.1, m_viewEnd + length * 0.1);
        break;
    case Qt::Key_0:
        resetZoom();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void DiffFlameGraph::leaveEvent(QEvent* event)
{
    m_selection->setHoveredNode(NoNode);
    QWidget::leaveEvent(event);
}

bool DiffFlameGraph::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const NodeIndex node = nodeAt(help->pos());
    if (node == NoNode) {
        QToolTip::hideText();
        return true;
    }
    const AlignedNode& n = m_comparison->alignment().node(node);
    const NodeMetrics& m = m_comparison->metrics(node);
    QString text = QStringLiteral("<b>%1</b> <span style='color:gray'>%2</span><br>")
                       .arg(QString::fromStdString(n.name).toHtmlEscaped(), QString::fromStdString(n.service).toHtmlEscaped());
    text += tr("target %1 (%n span(s))", nullptr, m.count[m_comparison->targetIndex()])
                .arg(formatDuration(m.totalNs[m_comparison->targetIndex()]));
    if (m_comparison->baselineCount() > 0)
        text += QStringLiteral("<br>") + tr("baseline median %1 · %2").arg(formatDuration(m.baselineTotal.median), changeDisplayName(m.change));
    QToolTip::showText(help->globalPos(), text, this);
    return true;
}

} // namespace tracedelta
