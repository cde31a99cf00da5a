// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/alignment.h"

#include <QObject>
#include <QString>

class QMenu;

#include <memory>
#include <utility>
#include <vector>

namespace tracedelta {

// What the user points at, shared by every view: the selected aligned node (and the
// exact span clicked, if any), the hovered node, and the search text. A view that
// selects something sets it here; every view repaints from it.
class SelectionState : public QObject
{
    Q_OBJECT
public:
    explicit SelectionState(QObject* parent = nullptr);

    NodeIndex selectedNode() const { return m_selectedNode; }
    // The span the user clicked, or NoSpan when the node was chosen elsewhere (root-cause list).
    std::size_t selectedTrace() const { return m_selectedTrace; }
    SpanIndex selectedSpan() const { return m_selectedSpan; }
    NodeIndex hoveredNode() const { return m_hoveredNode; }
    const QString& searchText() const { return m_searchText; }
    // The spans of `trace` the search text matches (matchSpans), worked out once per trace
    // and text for every view that asks (the search bar and each pane); empty when no
    // search is active.
    std::shared_ptr<const std::vector<bool>> searchMatches(const TracePtr& trace) const;

    // `reveal` asks views to scroll and pan so the node is visible in each of them.
    void selectNode(NodeIndex node, bool reveal);
    void selectSpan(NodeIndex node, std::size_t trace, SpanIndex span, bool reveal = false);
    void clearSelection();
    // Asks views to bring `node` into view without selecting it.
    void reveal(NodeIndex node);
    void setHoveredNode(NodeIndex node);
    void setSearchText(const QString& text);
    // Forgets everything: the alignment the node indices refer to has been replaced.
    void reset();

Q_SIGNALS:
    void selectionChanged();
    void revealRequested(tracedelta::NodeIndex node);
    void hoverChanged();
    void searchChanged();
    // A span's context menu is about to open: views and windows may add their actions to it.
    // `trace` is the span's index in the comparison's alignment.
    void spanMenuAboutToShow(QMenu* menu, std::size_t trace, tracedelta::SpanIndex span);

private:
    NodeIndex m_selectedNode = NoNode;
    std::size_t m_selectedTrace = 0;
    SpanIndex m_selectedSpan = NoSpan;
    NodeIndex m_hoveredNode = NoNode;
    QString m_searchText;
    mutable std::vector<std::pair<TracePtr, std::shared_ptr<const std::vector<bool>>>> m_searchMatches;
};

} // namespace tracedelta
