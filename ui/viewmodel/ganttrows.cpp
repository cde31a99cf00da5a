// SPDX-License-Identifier: GPL-3.0-or-later
#include "ganttrows.h"

#include <algorithm>

namespace tracedelta {

GanttRows::GanttRows(TracePtr trace)
    : m_trace(std::move(trace))
    , m_collapsed(static_cast<std::size_t>(m_trace->spanCount()), false)
{
    rebuild();
}

int GanttRows::rowOf(SpanIndex span) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), span);
    return it != m_rows.end() && *it == span ? static_cast<int>(it - m_rows.begin()) : -1;
}

void GanttRows::setCollapsed(SpanIndex span, bool collapsed)
{
    if (span < 0 || span >= m_trace->spanCount() || m_collapsed[static_cast<std::size_t>(span)] == collapsed)
        return;
    m_collapsed[static_cast<std::size_t>(span)] = collapsed;
    rebuild();
}

void GanttRows::expandTo(SpanIndex span)
{
    bool changed = false;
    for (SpanIndex a = m_trace->parent(span); a != NoSpan; a = m_trace->parent(a)) {
        if (m_collapsed[static_cast<std::size_t>(a)]) {
            m_collapsed[static_cast<std::size_t>(a)] = false;
            changed = true;
        }
    }
    if (changed)
        rebuild();
}

void GanttRows::collapseBelowDepth(int depth)
{
    for (SpanIndex i = 0; i < m_trace->spanCount(); ++i)
        m_collapsed[static_cast<std::size_t>(i)] = m_trace->depth(i) >= depth && !m_trace->children(i).empty();
    rebuild();
}

void GanttRows::expandAll()
{
    std::fill(m_collapsed.begin(), m_collapsed.end(), false);
    rebuild();
}

void GanttRows::rebuild()
{
    m_rows.clear();
    const SpanIndex count = m_trace->spanCount();
    for (SpanIndex i = 0; i < count;) {
        m_rows.push_back(i);
        i = m_collapsed[static_cast<std::size_t>(i)] ? m_trace->subtreeEnd(i) : i + 1;
    }
}

} // namespace tracedelta
