// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/trace.h"

#include <QObject>

#include <optional>
#include <utility>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace tracedelta {

class OccurrencesPanel;
class SelectionState;
class TraceSession;

// One occurrence of a repeated span against its siblings (issue 30), in the window: the
// span context menu's "Compare with the other N <name>", the Occurrences dock (the
// distribution, a click retargets; the list of repeated spans; the way back to the whole
// trace). Acts on the session.
class OccurrenceActions : public QObject
{
    Q_OBJECT
public:
    OccurrenceActions(QMainWindow* window, TraceSession* session, SelectionState* selection);

    QDockWidget* dock() const { return m_dock; }
    OccurrencesPanel* panel() const { return m_panel; }
    // The loaded trace's entry and span that a span of the shown comparison stands for
    // (inside an occurrence's trace: the same span in the trace it was cut from).
    std::optional<std::pair<std::size_t, SpanIndex>> sourceSpan(std::size_t comparisonTrace, SpanIndex span) const;

private:
    void addSpanActions(QMenu* menu, std::size_t comparisonTrace, SpanIndex span);
    void refresh();

    TraceSession* m_session;
    OccurrencesPanel* m_panel;
    QDockWidget* m_dock;
};

} // namespace tracedelta
