// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <string>
#include <vector>

namespace tracedelta {

using NodeIndex = std::int32_t;
inline constexpr NodeIndex NoNode = -1;

// One node of the merged tree: the spans of every trace that sit at the same structural
// place, i.e. the same path of (service, operation) keys from the root. Repeated calls
// with the same key under the same parent share a node, so a loop of 30 DB calls is one
// node holding 30 spans, and a count change (3 → 30) is visible on that node.
struct AlignedNode
{
    NodeIndex parent = NoNode;
    std::vector<NodeIndex> children;
    std::string service;
    std::string name;
    int depth = 0;
    std::vector<std::vector<SpanIndex>> spans; // per trace, the spans this node holds
};

// Spans of several traces lined up by structure. Node 0 is a virtual root holding
// nothing; its children are the traces' top-level spans (Chrome: keyed by lane name).
class Alignment
{
public:
    explicit Alignment(std::vector<TracePtr> traces);

    const std::vector<TracePtr>& traces() const { return m_traces; }
    const std::vector<AlignedNode>& nodes() const { return m_nodes; }
    const AlignedNode& node(NodeIndex n) const { return m_nodes[n]; }
    NodeIndex nodeOf(std::size_t trace, SpanIndex span) const { return m_nodeOfSpan[trace][span]; }
    // "service:operation" for each node from the root's child down to n.
    std::vector<std::string> path(NodeIndex n) const;

private:
    std::vector<TracePtr> m_traces;
    std::vector<AlignedNode> m_nodes;
    std::vector<std::vector<NodeIndex>> m_nodeOfSpan;
};

} // namespace tracedelta
