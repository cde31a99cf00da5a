// SPDX-License-Identifier: GPL-3.0-or-later
#include "alignment.h"

#include <algorithm>
#include <unordered_map>

namespace tracedelta {

namespace {

std::string keyOf(const Trace& trace, SpanIndex span, bool topLevel)
{
    // Chrome slices align per thread first: the lane name stands in for the service.
    std::string key;
    if (topLevel && trace.format() == TraceFormat::Chrome && trace.lane(span) >= 0)
        key = trace.strings().at(trace.lanes()[trace.lane(span)].label);
    else
        key = trace.serviceText(span);
    key += '\x1f';
    key += trace.nameText(span);
    return key;
}

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
    std::unordered_map<std::string, NodeIndex> childByKey;
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const NodeIndex parentNode = queue[q];
        childByKey.clear();
        for (std::size_t t = 0; t < traceCount; ++t) {
            const Trace& trace = *m_traces[t];
            const auto place = [&](SpanIndex child, bool topLevel) {
                std::string key = keyOf(trace, child, topLevel);
                auto [it, inserted] = childByKey.try_emplace(std::move(key), NoNode);
                if (inserted) {
                    AlignedNode node;
                    node.parent = parentNode;
                    node.depth = m_nodes[parentNode].depth + 1;
                    node.service = topLevel && trace.format() == TraceFormat::Chrome && trace.lane(child) >= 0
                        ? trace.strings().at(trace.lanes()[trace.lane(child)].label)
                        : trace.serviceText(child);
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
