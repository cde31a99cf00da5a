// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lanepairing.h"
#include "../model/trace.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace tracedelta {

using NodeIndex = std::int32_t;
inline constexpr NodeIndex NoNode = -1;

// Node indices from `first` up to `last`: a node's children are made together, one after
// another, so they are a range rather than a list. (Not std::ranges::iota_view: clang 14, which
// builds the fuzzers, cannot compile libstdc++ 12's.)
class NodeRange
{
public:
    class iterator
    {
    public:
        explicit iterator(NodeIndex at)
            : m_at(at)
        {
        }
        NodeIndex operator*() const { return m_at; }
        iterator& operator++()
        {
            ++m_at;
            return *this;
        }
        bool operator==(const iterator& other) const { return m_at == other.m_at; }
        bool operator!=(const iterator& other) const { return m_at != other.m_at; }

    private:
        NodeIndex m_at;
    };

    NodeRange() = default;
    NodeRange(NodeIndex first, NodeIndex last)
        : m_first(first)
        , m_last(last)
    {
    }
    iterator begin() const { return iterator(m_first); }
    iterator end() const { return iterator(m_last); }
    bool empty() const { return m_first == m_last; }
    std::size_t size() const { return static_cast<std::size_t>(m_last - m_first); }

private:
    NodeIndex m_first = 0;
    NodeIndex m_last = 0;
};

// The spans one node holds in each trace, as views into the alignment's arrays (one per
// trace, spans node by node): no list per node and trace.
class NodeSpans
{
public:
    NodeSpans() = default;
    // How many traces (not spans).
    std::size_t size() const { return m_table ? m_table->arrays.size() : 0; }
    std::span<const SpanIndex> operator[](std::size_t trace) const
    {
        const std::size_t slot = static_cast<std::size_t>(m_node) * m_table->arrays.size() + trace;
        return {m_table->arrays[trace].data() + m_table->first[slot], m_table->count[slot]};
    }

    // What the views point into; the alignment owns it.
    struct Table
    {
        std::vector<std::vector<SpanIndex>> arrays; // per trace
        std::vector<std::uint32_t> first;           // per node and trace: where its spans start
        std::vector<std::uint32_t> count;           // per node and trace: how many
    };

private:
    friend class Alignment;
    NodeSpans(const Table* table, NodeIndex node)
        : m_table(table)
        , m_node(node)
    {
    }

    const Table* m_table = nullptr;
    NodeIndex m_node = 0;
};

// One node of the merged tree: the spans of every trace that sit at the same structural
// place, i.e. the same path of (service, operation, producer identity) keys from the root.
// Repeated calls with the same key under the same parent share a node, so a loop of 30 DB
// calls is one node holding 30 spans, and a count change (3 → 30) is visible on that node.
// Trace-event profiles key occurrences also by the identity their producer writes in the
// arguments (clang's "Source" by the header it parses; producerknowledge.h).
struct AlignedNode
{
    NodeIndex parent = NoNode;
    NodeRange children;
    std::string service;
    std::string name;
    std::string identity; // the producer identity of the node's spans (the target's form), or empty
    int depth = 0;
    NodeSpans spans; // per trace, the spans this node holds
};

// A producer identity as short as it can read: a long path keeps its last four components
// ("…/include/c++/12/regex"), other long values their start.
std::string shortIdentity(const std::string& identity);
// "Source …/include/c++/12/regex": the node's name and, where it has one, its identity.
std::string displayName(const AlignedNode& node);

struct AlignmentOptions
{
    // Align "ProfilerStep#551" with "ProfilerStep#1009" and lanes by role (see namenormalisation.h,
    // lanepairing.h); off: names and lane labels must match exactly (OS process ids aside).
    // Names found as written in several traces ("layer_3" of every run) keep their own node
    // either way; only the names left over pair by their normalised form, one to one.
    bool normaliseNames = true;
};

// A span name the alignment keyed by its normalised form, as an example for the user.
struct NormalisedNameExample
{
    std::string name;
    std::string key;
};

// Spans of several traces lined up by structure. Node 0 is a virtual root holding
// nothing; its children are the traces' top-level spans (Chrome: keyed by lane name).
class Alignment
{
public:
    explicit Alignment(std::vector<TracePtr> traces, AlignmentOptions options = {});
    // The nodes' span views point into this alignment's table.
    Alignment(const Alignment&) = delete;
    Alignment& operator=(const Alignment&) = delete;

    const std::vector<TracePtr>& traces() const { return m_traces; }
    const std::vector<AlignedNode>& nodes() const { return m_nodes; }
    const AlignedNode& node(NodeIndex n) const { return m_nodes[n]; }
    NodeIndex nodeOf(std::size_t trace, SpanIndex span) const { return m_nodeOfSpan[trace][span]; }
    // "service:operation" for each node from the root's child down to n.
    std::vector<std::string> path(NodeIndex n) const;

    const AlignmentOptions& options() const { return m_options; }
    const LanePairing& lanePairing() const { return m_lanes; }
    // How many distinct span names were keyed by a normalised form, and a few of them.
    int normalisedNameCount() const { return m_normalisedNameCount; }
    const std::vector<NormalisedNameExample>& normalisedNameExamples() const { return m_normalisedExamples; }

private:
    std::vector<TracePtr> m_traces;
    AlignmentOptions m_options;
    LanePairing m_lanes;
    int m_normalisedNameCount = 0;
    std::vector<NormalisedNameExample> m_normalisedExamples;
    std::vector<AlignedNode> m_nodes;
    std::unique_ptr<NodeSpans::Table> m_spans; // on the heap: the nodes' views stay valid when the alignment moves
    std::vector<std::vector<NodeIndex>> m_nodeOfSpan;
};

} // namespace tracedelta
