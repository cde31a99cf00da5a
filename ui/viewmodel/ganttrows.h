// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/trace.h"

#include <vector>

namespace tracedelta {

// The rows of a Gantt timeline: spans in tree order, minus the subtrees the user
// collapsed. Because spans are stored in pre-order, rows are ascending span indices
// and finding a span's row is a binary search.
class GanttRows
{
public:
    GanttRows() = default;
    explicit GanttRows(TracePtr trace);

    const std::vector<SpanIndex>& rows() const { return m_rows; }
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    // The row showing `span`, or -1 when it is hidden inside a collapsed subtree.
    int rowOf(SpanIndex span) const;
    bool isCollapsed(SpanIndex span) const { return m_collapsed[static_cast<std::size_t>(span)]; }
    void setCollapsed(SpanIndex span, bool collapsed);
    void toggle(SpanIndex span) { setCollapsed(span, !isCollapsed(span)); }
    // Expands every collapsed ancestor so `span` gets a row.
    void expandTo(SpanIndex span);
    void collapseBelowDepth(int depth);
    void expandAll();

private:
    void rebuild();

    TracePtr m_trace;
    std::vector<bool> m_collapsed;
    std::vector<SpanIndex> m_rows;
};

} // namespace tracedelta
