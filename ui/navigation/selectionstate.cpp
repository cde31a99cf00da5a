// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionstate.h"

#include "core/analysis/spansearch.h"

namespace tracedelta {

SelectionState::SelectionState(QObject* parent)
    : QObject(parent)
{
}

void SelectionState::selectNode(NodeIndex node, bool reveal)
{
    const bool changed = node != m_selectedNode || m_selectedSpan != NoSpan;
    m_selectedNode = node;
    m_selectedSpan = NoSpan;
    if (changed)
        Q_EMIT selectionChanged();
    if (reveal && node != NoNode)
        Q_EMIT revealRequested(node);
}

void SelectionState::selectSpan(NodeIndex node, std::size_t trace, SpanIndex span, bool reveal)
{
    if (node != m_selectedNode || trace != m_selectedTrace || span != m_selectedSpan) {
        m_selectedNode = node;
        m_selectedTrace = trace;
        m_selectedSpan = span;
        Q_EMIT selectionChanged();
    }
    if (reveal && node != NoNode)
        Q_EMIT revealRequested(node);
}

void SelectionState::reveal(NodeIndex node)
{
    if (node != NoNode)
        Q_EMIT revealRequested(node);
}

void SelectionState::clearSelection()
{
    selectNode(NoNode, false);
}

void SelectionState::setHoveredNode(NodeIndex node)
{
    if (node == m_hoveredNode)
        return;
    m_hoveredNode = node;
    Q_EMIT hoverChanged();
}

void SelectionState::setSearchText(const QString& text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_searchMatches.clear();
    Q_EMIT searchChanged();
}

std::shared_ptr<const std::vector<bool>> SelectionState::searchMatches(const TracePtr& trace) const
{
    static const auto none = std::make_shared<const std::vector<bool>>();
    if (m_searchText.isEmpty() || !trace)
        return none;
    for (const auto& [known, matches] : m_searchMatches) {
        if (known == trace)
            return matches;
    }
    auto matches = std::make_shared<const std::vector<bool>>(matchSpans(*trace, m_searchText));
    m_searchMatches.emplace_back(trace, matches);
    return matches;
}

void SelectionState::reset()
{
    m_selectedNode = NoNode;
    m_selectedSpan = NoSpan;
    m_hoveredNode = NoNode;
    m_searchMatches.clear(); // the traces may be gone
    Q_EMIT selectionChanged();
    Q_EMIT hoverChanged();
}

} // namespace tracedelta
