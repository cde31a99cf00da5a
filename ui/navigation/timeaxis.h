// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/trace.h"

#include <QObject>

#include <cstdint>
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
    enum class Alignment { RelativeToTraceStart, AbsoluteWallClock };

    explicit TimeAxis(QObject* parent = nullptr);

    void setTraces(const std::vector<TracePtr>& traces);
    void setAlignment(Alignment alignment);
    Alignment alignment() const { return m_alignment; }

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

    std::vector<std::int64_t> m_traceStarts;
    std::vector<std::int64_t> m_traceEnds;
    std::vector<std::int64_t> m_origins;
    Alignment m_alignment = Alignment::RelativeToTraceStart;
    std::int64_t m_extent = 1;
    std::int64_t m_viewStart = 0;
    std::int64_t m_viewEnd = 1;
};

} // namespace tracedelta
