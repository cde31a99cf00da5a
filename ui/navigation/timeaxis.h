// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/trace.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <limits>
#include <vector>

namespace tracedelta {

// The one time window every timeline and icicle pane shows. Panes never talk to each
// other: they map their spans through this object and repaint when it changes.
// Times on the axis are nanoseconds from an origin: each trace's own start
// (relative alignment) or the earliest start of all traces (absolute wall clock).
class TimeAxis : public QObject
{
    Q_OBJECT
public:
    // AtSpan: each trace's counterpart of one span starts at the same axis time
    // ("align at this span", as Perfetto's and Tracy's compare views offer).
    enum class Alignment { RelativeToTraceStart, AbsoluteWallClock, AtSpan };
    static constexpr std::int64_t NoAnchor = std::numeric_limits<std::int64_t>::min();

    explicit TimeAxis(QObject* parent = nullptr);

    void setTraces(const std::vector<TracePtr>& traces);
    void setAlignment(Alignment alignment);
    Alignment alignment() const { return m_alignment; }

    // Lines the traces up at one absolute time each (NoAnchor: that trace keeps its start
    // at 0) and returns the axis time where all the anchors now are.
    std::int64_t alignAt(const std::vector<std::int64_t>& anchors);
    // What the traces were aligned at (for the window to say so), empty unless AtSpan.
    const QString& anchorLabel() const { return m_anchorLabel; }
    void setAnchorLabel(const QString& label) { m_anchorLabel = label; }

    // The axis time of an absolute span time in trace `trace`.
    std::int64_t originNs(std::size_t trace) const;
    std::int64_t extentNs() const { return m_extent; }
    std::int64_t viewStartNs() const { return m_viewStart; }
    std::int64_t viewEndNs() const { return m_viewEnd; }
    std::int64_t viewLengthNs() const { return m_viewEnd - m_viewStart; }
    bool isZoomedOut() const { return m_viewStart == 0 && m_viewEnd == m_extent; }

    void setView(std::int64_t startNs, std::int64_t endNs);
    // Zooms by `factor` (> 1 zooms in) keeping the time at `anchorFraction` of the view in place.
    void zoom(double factor, double anchorFraction = 0.5);
    void pan(std::int64_t deltaNs);
    // Shows [startNs, endNs] with a small margin on both sides.
    void zoomTo(std::int64_t startNs, std::int64_t endNs);
    // Pans (without zooming) so that [startNs, endNs] is in view if it is not already.
    void reveal(std::int64_t startNs, std::int64_t endNs);
    void reset();

    static constexpr std::int64_t MinimumViewNs = 100;

Q_SIGNALS:
    void viewChanged();
    void alignmentChanged();

private:
    void recomputeOrigins();
    std::int64_t anchorLead() const;

    std::vector<std::int64_t> m_traceStarts;
    std::vector<std::int64_t> m_traceEnds;
    std::vector<std::int64_t> m_origins;
    std::vector<std::int64_t> m_anchors;
    QString m_anchorLabel;
    Alignment m_alignment = Alignment::RelativeToTraceStart;
    std::int64_t m_extent = 1;
    std::int64_t m_viewStart = 0;
    std::int64_t m_viewEnd = 1;
};

} // namespace tracedelta
