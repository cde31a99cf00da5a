// SPDX-License-Identifier: GPL-3.0-or-later
#include "rootcausepanel.h"

#include "ui/viewmodel/displaynames.h"
#include "ui/navigation/selectionstate.h"

#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

namespace tracedelta {

namespace {
constexpr int NodeRole = Qt::UserRole + 1;
constexpr int SpanRole = Qt::UserRole + 2; // the one call of the target the finding is about
} // namespace

RootCausePanel::RootCausePanel(SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_selection(selection)
    , m_verdict(new QLabel(tr("Load two or more traces to compare them."), this))
    , m_verdictArea(new QScrollArea(this))
    , m_list(new QListWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // A long verdict with notes scrolls instead of being cut off at the panel's edge.
    m_verdictArea->setWidget(m_verdict);
    m_verdictArea->setWidgetResizable(true);
    m_verdictArea->setFrameShape(QFrame::NoFrame);
    m_verdictArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_splitter->addWidget(m_verdictArea);
    m_splitter->addWidget(m_list);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_dividerMoved = true; });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_updating || row < 0)
            return;
        const QVariant node = m_list->item(row)->data(NodeRole);
        const QVariant span = m_list->item(row)->data(SpanRole);
        // A finding about one call (the failed one, the one of ten that changed) selects that call.
        if (node.isValid() && span.isValid() && m_comparison)
            m_selection->selectSpan(node.toInt(), m_comparison->targetIndex(), span.toInt(), true);
        else if (node.isValid())
            m_selection->selectNode(node.toInt(), true);
    });
    connect(m_selection, &SelectionState::selectionChanged, this, &RootCausePanel::followSelection);
}

QString RootCausePanel::verdictText() const
{
    return m_verdict->text();
}

void RootCausePanel::setBusy(const QString& message)
{
    m_verdict->setText(message);
    fitVerdict();
}

void RootCausePanel::fitVerdict()
{
    if (m_dividerMoved)
        return;
    const int total = m_splitter->height();
    const int width = m_verdictArea->viewport()->width() > 0 ? m_verdictArea->viewport()->width() : m_splitter->width();
    const int needed = m_verdict->heightForWidth(width) + 2;
    const int verdictHeight = std::clamp(needed, m_verdict->fontMetrics().lineSpacing() * 2, std::max(total / 2, 1));
    m_splitter->setSizes({verdictHeight, std::max(total - verdictHeight, 1)});
}

void RootCausePanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitVerdict();
}

void RootCausePanel::setComparison(std::shared_ptr<const Comparison> comparison)
{
    m_comparison = std::move(comparison);
    m_updating = true;
    m_list->clear();
    QString text = QStringLiteral("<b>%1</b>").arg(m_comparison->verdictSentence().toHtmlEscaped());
    for (const QString& note : m_comparison->notes())
        text += QStringLiteral("<br>") + note.toHtmlEscaped();
    m_verdict->setText(text);
    fitVerdict();
    int rank = 0;
    for (const Candidate& candidate : m_comparison->candidates()) {
        auto* item = new QListWidgetItem(QStringLiteral("%1. %2").arg(++rank).arg(candidate.reason), m_list);
        item->setData(NodeRole, candidate.node);
        if (candidate.targetSpan != NoSpan)
            item->setData(SpanRole, candidate.targetSpan);
        QStringList tip{candidateKindDisplayName(candidate.kind)};
        tip << m_comparison->figuresFor(candidate);
        item->setToolTip(tip.join(QLatin1Char('\n')));
    }
    if (m_comparison->candidates().empty() && m_comparison->baselineCount() == 0)
        m_list->addItem(tr("No span stands out: none spends a large share of the trace's time on its own."));
    else if (m_comparison->candidates().empty() && m_comparison->verdict() != Verdict::Identical
             && m_comparison->verdict() != Verdict::Unrelated)
        m_list->addItem(tr("No span explains the difference beyond the thresholds."));
    m_updating = false;
}

void RootCausePanel::followSelection()
{
    m_updating = true;
    int row = -1;
    for (int i = 0; i < m_list->count(); ++i) {
        const QVariant node = m_list->item(i)->data(NodeRole);
        if (node.isValid() && node.toInt() == m_selection->selectedNode()) {
            row = i;
            break;
        }
    }
    m_list->setCurrentRow(row);
    m_updating = false;
}

} // namespace tracedelta
