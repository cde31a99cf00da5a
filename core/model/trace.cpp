// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace.h"

#include <algorithm>
#include <unordered_set>

namespace tracedelta {

QString formatName(TraceFormat format)
{
    switch (format) {
    case TraceFormat::Jaeger:
        return QStringLiteral("jaeger");
    case TraceFormat::Zipkin:
        return QStringLiteral("zipkin");
    case TraceFormat::Otlp:
        return QStringLiteral("otlp");
    case TraceFormat::Chrome:
        return QStringLiteral("chrome");
    case TraceFormat::Perfetto:
        return QStringLiteral("perfetto");
    }
    return {};
}

QString spanKindName(SpanKind kind)
{
    switch (kind) {
    case SpanKind::Unspecified:
        return {};
    case SpanKind::Internal:
        return QStringLiteral("internal");
    case SpanKind::Server:
        return QStringLiteral("server");
    case SpanKind::Client:
        return QStringLiteral("client");
    case SpanKind::Producer:
        return QStringLiteral("producer");
    case SpanKind::Consumer:
        return QStringLiteral("consumer");
    }
    return {};
}

std::span<const SpanIndex> Trace::children(SpanIndex i) const
{
    return std::span<const SpanIndex>(m_childList).subspan(m_childBegin[i], m_childBegin[i + 1] - m_childBegin[i]);
}

std::span<const Attribute> Trace::attributes(SpanIndex i) const
{
    if (m_attributeBegin.empty())
        return {};
    const std::size_t list = m_attributeListOf.empty() ? static_cast<std::size_t>(i) : m_attributeListOf[i];
    return std::span<const Attribute>(m_attributes)
        .subspan(m_attributeBegin[list], m_attributeBegin[list + 1] - m_attributeBegin[list]);
}

std::span<const SpanEvent> Trace::events(SpanIndex i) const
{
    if (m_eventBegin.empty())
        return {};
    return std::span<const SpanEvent>(m_events).subspan(m_eventBegin[i], m_eventBegin[i + 1] - m_eventBegin[i]);
}

std::span<const Attribute> Trace::eventAttributes(const SpanEvent& event) const
{
    if (m_events.empty() || &event < m_events.data() || &event >= m_events.data() + m_events.size())
        return {};
    const auto index = static_cast<std::size_t>(&event - m_events.data());
    const std::size_t end = index + 1 < m_events.size() ? m_events[index + 1].attributeBegin : m_eventAttributes.size();
    return std::span<const Attribute>(m_eventAttributes).subspan(event.attributeBegin, end - event.attributeBegin);
}

std::vector<StringId> Trace::services() const
{
    std::vector<StringId> result;
    std::unordered_set<StringId> seen;
    for (StringId service : m_service) {
        if (seen.insert(service).second)
            result.push_back(service);
    }
    return result;
}

SpanIndex Trace::findSpanById(std::string_view spanId) const
{
    for (SpanIndex i = 0; i < spanCount(); ++i) {
        if (m_spanIds.equals(static_cast<std::size_t>(i), spanId))
            return i;
    }
    return NoSpan;
}

template<typename T>
static std::size_t vectorBytes(const std::vector<T>& v)
{
    return v.capacity() * sizeof(T);
}

std::size_t Trace::bytesUsed() const
{
    return sizeof(Trace) + m_strings->bytesUsed() + vectorBytes(m_start) + vectorBytes(m_duration)
        + vectorBytes(m_self) + vectorBytes(m_parent) + vectorBytes(m_subtreeEnd) + vectorBytes(m_depth)
        + vectorBytes(m_name) + vectorBytes(m_service) + m_spanIds.bytesUsed() + vectorBytes(m_kind)
        + vectorBytes(m_status) + vectorBytes(m_lane) + vectorBytes(m_childBegin) + vectorBytes(m_childList)
        + vectorBytes(m_roots) + vectorBytes(m_orphanRoots) + vectorBytes(m_attributeBegin) + vectorBytes(m_attributeListOf) + vectorBytes(m_attributes)
        + vectorBytes(m_eventBegin) + vectorBytes(m_events) + vectorBytes(m_eventAttributes)
        + vectorBytes(m_references) + vectorBytes(m_lanes) + vectorBytes(m_aggregates);
}

} // namespace tracedelta
