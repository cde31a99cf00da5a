// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeaxis.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tracedelta {

TimeAxis::TimeAxis(QObject* parent)
    : QObject(parent)
{
}

void TimeAxis::setTraces(const std::vector<TracePtr>& traces)
{
    m_traceStarts.clear();
    m_traceEnds.clear();
    m_anchors.clear();
    if (m_alignment == Alignment::AtSpan) {
        m_alignment = Alignment::RelativeToTraceStart;
        Q_EMIT alignmentChanged();
    }
    for (const TracePtr& trace : traces) {
        m_traceStarts.push_back(trace->traceStartNs());
        m_traceEnds.push_back(trace->traceEndNs());
    }
    recomputeOrigins();
    m_viewStart = 0;
    m_viewEnd = m_extent;
    Q_EMIT viewChanged();
}

void TimeAxis::setAlignment(Alignment alignment)
{
    if (alignment == m_alignment || (alignment == Alignment::AtSpan && m_anchors.empty()))
        return;
    m_alignment = alignment;
    recomputeOrigins();
    m_viewStart = 0;
    m_viewEnd = m_extent;
    Q_EMIT alignmentChanged();
    Q_EMIT viewChanged();
}

void TimeAxis::recomputeOrigins()
{
    m_origins = m_traceStarts;
    m_extent = 1;
    if (m_traceStarts.empty())
        return;
    if (m_alignment == Alignment::AbsoluteWallClock) {
        const std::int64_t earliest = *std::min_element(m_traceStarts.begin(), m_traceStarts.end());
        std::fill(m_origins.begin(), m_origins.end(), earliest);
    } else if (m_alignment == Alignment::AtSpan && m_anchors.size() == m_traceStarts.size()) {
        // All anchors land on the largest lead, so no trace starts before axis time 0.
        const std::int64_t lead = anchorLead();
        for (std::size_t i = 0; i < m_origins.size(); ++i) {
            if (m_anchors[i] != NoAnchor)
                m_origins[i] = timemath::sub(m_anchors[i], lead);
        }
    }
    for (std::size_t i = 0; i < m_traceEnds.size(); ++i)
        m_extent = std::max(m_extent, timemath::sub(m_traceEnds[i], m_origins[i]));
}

std::int64_t TimeAxis::anchorLead() const
{
    std::int64_t lead = 0;
    for (std::size_t i = 0; i < m_anchors.size() && i < m_traceStarts.size(); ++i) {
        if (m_anchors[i] != NoAnchor)
            lead = std::max(lead, timemath::sub(m_anchors[i], m_traceStarts[i]));
    }
    return lead;
}

std::int64_t TimeAxis::alignAt(const std::vector<std::int64_t>& anchors)
{
    if (anchors.size() != m_traceStarts.size())
        return 0;
    m_anchors = anchors;
    const bool changed = m_alignment != Alignment::AtSpan;
    m_alignment = Alignment::AtSpan;
    recomputeOrigins();
    m_viewStart = 0;
    m_viewEnd = m_extent;
    if (changed)
        Q_EMIT alignmentChanged();
    Q_EMIT viewChanged();
    return anchorLead();
}

std::int64_t TimeAxis::originNs(std::size_t trace) const
{
    return trace < m_origins.size() ? m_origins[trace] : 0;
}

void TimeAxis::setView(std::int64_t startNs, std::int64_t endNs)
{
    std::int64_t length = std::clamp(timemath::sub(endNs, startNs), std::min(MinimumViewNs, m_extent), m_extent);
    std::int64_t start = std::clamp(startNs, std::int64_t(0), m_extent - length);
    if (start == m_viewStart && start + length == m_viewEnd)
        return;
    m_viewStart = start;
    m_viewEnd = start + length;
    Q_EMIT viewChanged();
}

void TimeAxis::zoom(double factor, double anchorFraction)
{
    if (factor <= 0)
        return;
    const double length = static_cast<double>(viewLengthNs());
    const double anchor = static_cast<double>(m_viewStart) + std::clamp(anchorFraction, 0.0, 1.0) * length;
    const double newLength = std::max(length / factor, 1.0);
    const double newStart = anchor - std::clamp(anchorFraction, 0.0, 1.0) * newLength;
    std::int64_t start = 0;
    std::int64_t end = 0;
    if (!timemath::toNanos(newStart, start) || !timemath::toNanos(newStart + newLength, end))
        return;
    setView(start, end);
}

void TimeAxis::pan(std::int64_t deltaNs)
{
    setView(timemath::add(m_viewStart, deltaNs), timemath::add(m_viewEnd, deltaNs));
}

void TimeAxis::zoomTo(std::int64_t startNs, std::int64_t endNs)
{
    const std::int64_t length = std::max(timemath::sub(endNs, startNs), MinimumViewNs);
    const std::int64_t margin = length / 20;
    setView(timemath::sub(startNs, margin), timemath::add(timemath::add(startNs, length), margin));
}

void TimeAxis::reveal(std::int64_t startNs, std::int64_t endNs)
{
    if (startNs >= m_viewStart && endNs <= m_viewEnd)
        return;
    const std::int64_t length = viewLengthNs();
    if (timemath::sub(endNs, startNs) > length) {
        zoomTo(startNs, endNs);
        return;
    }
    // Centre the span in the current window.
    const std::int64_t centre = std::midpoint(startNs, endNs);
    setView(timemath::sub(centre, length / 2), timemath::add(timemath::sub(centre, length / 2), length));
}

void TimeAxis::reset()
{
    setView(0, m_extent);
}

} // namespace tracedelta
