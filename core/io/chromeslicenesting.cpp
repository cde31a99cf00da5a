// SPDX-License-Identifier: GPL-3.0-or-later
// ChromeEventReader's last step: each thread's slices sorted, nested and handed to the
// builder as drafts, with the instants they host and the flows between them.
#include "chromeeventreader.h"

#include "../util/cancellablesort.h"
#include "../util/releasememory.h"
#include "../util/timearithmetic.h"

#include <QCoreApplication>

#include <algorithm>
#include <span>
#include <unordered_map>

namespace tracedelta {

namespace {

// A lane's slices by start, the longer first (it encloses), then file order.
bool sliceBefore(const ChromeEventReader::Slice& a, const ChromeEventReader::Slice& b)
{
    if (a.start != b.start)
        return a.start < b.start;
    if (a.end != b.end)
        return a.end > b.end;
    return a.order < b.order;
}

// Each slice's enclosing slice on its (sorted) lane: an index into `slices`, NoSpan at the top.
std::vector<SpanIndex> nestLane(const std::vector<ChromeEventReader::Slice>& slices, int& partialOverlaps)
{
    std::vector<SpanIndex> parent(slices.size(), NoSpan);
    std::vector<SpanIndex> stack;
    for (std::size_t i = 0; i < slices.size(); ++i) {
        const ChromeEventReader::Slice& s = slices[i];
        while (!stack.empty()) {
            const ChromeEventReader::Slice& top = slices[static_cast<std::size_t>(stack.back())];
            if (s.start >= top.start && s.end <= top.end)
                break;
            if (s.start < top.end)
                ++partialOverlaps;
            stack.pop_back();
        }
        parent[i] = stack.empty() ? NoSpan : stack.back();
        stack.push_back(static_cast<SpanIndex>(i));
    }
    return parent;
}

} // namespace

// One lane's slices in nesting order (the places of slices that never ended are gone by
// now: nestAndEmit). A lane paired while reading is mostly in order already: it is only checked.
bool ChromeEventReader::sortLane(std::vector<Slice>& slices) const
{
    return std::is_sorted(slices.begin(), slices.end(), sliceBefore)
        || cancellableSort(slices.begin(), slices.end(), sliceBefore, cancelFlag());
}

// The lane's instants by the slice that hosts them (in pairing order within one), flat: most
// slices host none, and a list per slice would cost more than the slice.
std::vector<std::pair<SpanIndex, std::uint32_t>> ChromeEventReader::hostInstants(const std::vector<Slice>& slices,
                                                                                  const std::vector<SpanIndex>& parent,
                                                                                  std::span<const std::uint32_t> instants,
                                                                                  int& unattached) const
{
    std::vector<std::pair<SpanIndex, std::uint32_t>> hosted;
    for (std::uint32_t m : instants) {
        const std::int64_t time = m_marks[m].time;
        const auto it = std::upper_bound(slices.begin(), slices.end(), time,
                                         [](std::int64_t t, const Slice& s) { return t < s.start; });
        SpanIndex host = it == slices.begin() ? NoSpan : static_cast<SpanIndex>(it - slices.begin() - 1);
        while (host != NoSpan && slices[static_cast<std::size_t>(host)].end < time)
            host = parent[static_cast<std::size_t>(host)];
        if (host == NoSpan)
            ++unattached;
        else
            hosted.emplace_back(host, m);
    }
    std::stable_sort(hosted.begin(), hosted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return hosted;
}

// Lane by lane, each lane's slices freed once they are drafts: the reader's slices and the
// builder's drafts are never held whole side by side (for a million slices that was the
// peak of a load).
bool ChromeEventReader::nestAndEmit()
{
    std::size_t total = 0;
    std::size_t attributes = 0;
    for (std::vector<Slice>& slices : m_laneSlices) {
        // Without the places of slices that never ended (WhileReading).
        std::erase_if(slices, [](const Slice& s) { return s.lane == UnclosedLane; });
        total += slices.size();
        for (const Slice& s : slices)
            attributes += (s.category != 0 ? 1 : 0) + (s.argEnd - s.argBegin);
    }
    m_sliceCount = total;
    // Sized once: a million spans grown by doubling would hold one and a half copies at a time.
    m_builder.reserve(total, attributes, m_instants.size());
    EmitContext context;
    for (std::size_t l = 0; l < m_laneKeys.size(); ++l) {
        context.builderLane.push_back(m_builder.addLane(laneLabel(static_cast<std::int32_t>(l))));
        context.laneService.push_back(m_builder.intern(processLabel(m_laneKeys[l].first)));
    }
    context.categoryKey = m_builder.intern("category");
    for (const FlowMark& f : m_flowMarks)
        context.draftOfOrder.emplace(f.order, NoSpan);
    // The instants by lane, in pairing order within one.
    std::stable_sort(m_instants.begin(), m_instants.end(),
                     [this](std::uint32_t a, std::uint32_t b) { return m_marks[a].lane < m_marks[b].lane; });
    auto nextInstant = m_instants.cbegin();
    int partialOverlaps = 0;
    int unattached = 0;
    for (std::size_t l = 0; l < m_laneSlices.size(); ++l) {
        std::vector<Slice>& slices = m_laneSlices[l];
        if (cancelled() || !sortLane(slices))
            return false;
        // This lane's instants: those from the last lane's end that are on it.
        const auto firstInstant = nextInstant;
        nextInstant = std::find_if(firstInstant, m_instants.cend(),
                                   [&](std::uint32_t m) { return static_cast<std::size_t>(m_marks[m].lane) > l; });
        const std::vector<SpanIndex> parent = nestLane(slices, partialOverlaps);
        const auto hosted = hostInstants(slices, parent, {firstInstant, nextInstant}, unattached);
        if (!emitLane(slices, parent, hosted, context))
            return false;
        const bool big = slices.capacity() * sizeof(Slice) >= (std::size_t(1) << 20);
        std::vector<Slice>().swap(slices);
        if (big) // back to the system: freed in the middle of the heap, it would still count
            releaseFreedMemory();
    }
    unattached += static_cast<int>(m_instants.cend() - nextInstant); // lanes that hold no slice
    if (partialOverlaps > 0)
        m_builder.addDiagnostic(Diagnostic::Severity::Warning,
                                QCoreApplication::translate("Importer",
                                                            "%n slice(s) overlap a slice on the same thread without "
                                                            "nesting; shown beside it",
                                                            nullptr, partialOverlaps));
    if (unattached > 0)
        m_builder.addDiagnostic(Diagnostic::Severity::Info,
                                QCoreApplication::translate("Importer",
                                                            "%n instant event(s) lie outside every slice of their "
                                                            "thread and are not shown",
                                                            nullptr, unattached));
    linkFlows(context.draftOfOrder);
    return true;
}

bool ChromeEventReader::emitLane(const std::vector<Slice>& slices, const std::vector<SpanIndex>& parent,
                                 const std::vector<std::pair<SpanIndex, std::uint32_t>>& hosted, EmitContext& context)
{
    const SpanIndex laneBase = m_builder.draftCount();
    auto nextHosted = hosted.cbegin();
    for (std::size_t i = 0; i < slices.size(); ++i) {
        if ((++context.emitted & 0xffff) == 0 && cancelled())
            return false;
        const Slice& s = slices[i];
        SpanDraft draft;
        draft.parentDraft = parent[i] == NoSpan ? NoSpan : laneBase + parent[i];
        draft.name = s.name;
        draft.service = context.laneService[static_cast<std::size_t>(s.lane)];
        draft.lane = context.builderLane[static_cast<std::size_t>(s.lane)];
        draft.startNs = s.start;
        draft.durationNs = timemath::sub(s.end, s.start);
        const SpanIndex added = m_builder.addSpan(draft);
        if (!context.draftOfOrder.empty()) {
            if (const auto found = context.draftOfOrder.find(s.order); found != context.draftOfOrder.end())
                found->second = added;
        }
        if (s.category != 0)
            m_builder.addAttribute(context.categoryKey, m_builder.strings().valueOf(s.category));
        for (auto a = s.argBegin; a < s.argEnd; ++a)
            m_builder.addAttribute(m_args[a].key, m_args[a].value);
        for (; nextHosted != hosted.cend() && static_cast<std::size_t>(nextHosted->first) == i; ++nextHosted) {
            const Mark& mark = m_marks[nextHosted->second];
            m_builder.addEvent(mark.time, mark.name);
            for (auto a = mark.argBegin; a < mark.argEnd; ++a)
                m_builder.addEventAttribute(m_args[a].key, m_args[a].value);
        }
    }
    return true;
}

// Perfetto joins the slices that carry one flow id in time order, each to the one before it,
// until a slice ends the flow (terminating_flow_ids); a later slice with the id starts anew.
void ChromeEventReader::linkFlows(const std::unordered_map<std::uint32_t, SpanIndex>& draftOfOrder)
{
    if (m_flowMarks.empty())
        return;
    const auto sliceOf = [&](const FlowMark& f) { return draftOfOrder.at(f.order); };
    std::erase_if(m_flowMarks, [&](const FlowMark& f) { return sliceOf(f) == NoSpan; }); // a begin never ended
    std::stable_sort(m_flowMarks.begin(), m_flowMarks.end(), [&](const FlowMark& a, const FlowMark& b) {
        return std::make_pair(m_builder.draftStartNs(sliceOf(a)), a.order) < std::make_pair(m_builder.draftStartNs(sliceOf(b)), b.order);
    });
    struct OpenFlow
    {
        SpanIndex latest = NoSpan;
        bool linked = false; // joined two slices since it opened
    };
    std::unordered_map<std::uint64_t, OpenFlow> open;
    for (const FlowMark& f : m_flowMarks) {
        const SpanIndex slice = sliceOf(f);
        OpenFlow& flow = open[f.id];
        if (flow.latest != NoSpan && flow.latest != slice) {
            m_builder.addReferenceBetween(slice, flow.latest, ReferenceType::Link);
            ++m_flowLinks;
            flow.linked = true;
        }
        flow.latest = slice;
        if (f.terminating) {
            m_flowsWithOneEnd += flow.linked ? 0 : 1;
            open.erase(f.id);
        }
    }
    for (const auto& [id, flow] : open)
        m_flowsWithOneEnd += flow.linked ? 0 : 1;
    std::vector<FlowMark>().swap(m_flowMarks);
}

} // namespace tracedelta
