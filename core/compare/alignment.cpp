// SPDX-License-Identifier: GPL-3.0-or-later
#include "alignment.h"

#include <algorithm>
#include <unordered_map>

namespace tracedelta {

namespace {

// Operating-system process and thread ids (5+ digits) change from run to run, while
// stream, device and rank numbers (short) identify the same lane in every run: "python3.8 /
// thread 3113936 (python3.8)" and "… 2568503 …" are the same lane, "stream 7" and "stream 15" are not.
std::string withoutProcessIds(const std::string& label)
{
    std::string key;
    key.reserve(label.size());
    for (std::size_t i = 0; i < label.size();) {
        std::size_t digits = 0;
        while (i + digits < label.size() && label[i + digits] >= '0' && label[i + digits] <= '9')
            ++digits;
        if (digits >= 5) {
            key += '#';
            i += digits;
        } else if (digits > 0) {
            key.append(label, i, digits);
            i += digits;
        } else {
            key += label[i++];
        }
    }
    return key;
}

// Chrome slices align per thread first: the lane name stands in for the service.
std::string serviceKey(const Trace& trace, SpanIndex span, bool topLevel)
{
    if (topLevel && trace.format() == TraceFormat::Chrome && trace.lane(span) >= 0)
        return withoutProcessIds(trace.strings().at(trace.lanes()[trace.lane(span)].label));
    return trace.serviceText(span);
}

// Maps each trace's own (service, name) string ids to one key id shared by all traces,
// so grouping children hashes integers instead of building strings per span.
class KeyTable
{
public:
    std::uint32_t keyOf(std::size_t traceIndex, const Trace& trace, SpanIndex span, bool topLevel)
    {
        const StringId service = topLevel && trace.format() == TraceFormat::Chrome && trace.lane(span) >= 0
            ? trace.lanes()[trace.lane(span)].label
            : trace.service(span);
        const std::uint64_t local = (std::uint64_t(service) << 32) | trace.name(span);
        if (m_local.size() <= traceIndex)
            m_local.resize(traceIndex + 1);
        auto [it, inserted] = m_local[traceIndex].try_emplace(local, 0);
        if (inserted) {
            std::string text = serviceKey(trace, span, topLevel);
            text += '\x1f';
            text += trace.nameText(span);
            it->second = m_global.try_emplace(std::move(text), static_cast<std::uint32_t>(m_global.size())).first->second;
        }
        return it->second;
    }

private:
    std::vector<std::unordered_map<std::uint64_t, std::uint32_t>> m_local;
    std::unordered_map<std::string, std::uint32_t> m_global;
};

} // namespace

Alignment::Alignment(std::vector<TracePtr> traces)
    : m_traces(std::move(traces))
{
    const std::size_t traceCount = m_traces.size();
    m_nodeOfSpan.resize(traceCount);
    for (std::size_t t = 0; t < traceCount; ++t)
        m_nodeOfSpan[t].assign(m_traces[t]->spanCount(), NoNode);

    AlignedNode root;
    root.spans.resize(traceCount);
    m_nodes.push_back(std::move(root));

    // Breadth-first: a node's children are the children of all its spans, in every
    // trace, grouped by key. Keys are compared as text because each trace has its own pool.
    std::vector<NodeIndex> queue{0};
    KeyTable keys;
    std::unordered_map<std::uint32_t, NodeIndex> childByKey;
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const NodeIndex parentNode = queue[q];
        childByKey.clear();
        for (std::size_t t = 0; t < traceCount; ++t) {
            const Trace& trace = *m_traces[t];
            const auto place = [&](SpanIndex child, bool topLevel) {
                auto [it, inserted] = childByKey.try_emplace(keys.keyOf(t, trace, child, topLevel), NoNode);
                if (inserted) {
                    AlignedNode node;
                    node.parent = parentNode;
                    node.depth = m_nodes[parentNode].depth + 1;
                    node.service = serviceKey(trace, child, topLevel);
                    node.name = trace.nameText(child);
                    node.spans.resize(traceCount);
                    it->second = static_cast<NodeIndex>(m_nodes.size());
                    m_nodes.push_back(std::move(node));
                    m_nodes[parentNode].children.push_back(it->second);
                    queue.push_back(it->second);
                }
                m_nodes[it->second].spans[t].push_back(child);
                m_nodeOfSpan[t][child] = it->second;
            };
            if (parentNode == 0) {
                for (SpanIndex r : trace.roots())
                    place(r, true);
            } else {
                // A copy: placing children grows m_nodes, which would invalidate a reference.
                const std::vector<SpanIndex> parentSpans = m_nodes[parentNode].spans[t];
                for (SpanIndex s : parentSpans) {
                    for (SpanIndex c : trace.children(s))
                        place(c, false);
                }
            }
        }
    }
}

std::vector<std::string> Alignment::path(NodeIndex n) const
{
    std::vector<std::string> result;
    for (NodeIndex at = n; at > 0; at = m_nodes[at].parent)
        result.push_back(m_nodes[at].service + ":" + m_nodes[at].name);
    std::reverse(result.begin(), result.end());
    return result;
}

} // namespace tracedelta
