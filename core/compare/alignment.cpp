// SPDX-License-Identifier: GPL-3.0-or-later
#include "alignment.h"

#include <algorithm>
#include <unordered_map>

#include "namenormalisation.h"

namespace tracedelta {

namespace {

// Maps each trace's own (lane or service, name) string ids to one key id shared by all
// traces, so grouping children hashes integers instead of building strings per span.
class KeyTable
{
public:
    KeyTable(const std::vector<TracePtr>& traces, const LanePairing& lanes, bool normaliseNames)
        : m_traces(traces)
        , m_lanes(lanes)
        , m_normalise(normaliseNames)
        , m_local(traces.size())
    {
    }

    // Chrome slices align per thread first: the lane stands in for the service.
    bool keyedByLane(const Trace& trace, SpanIndex span, bool topLevel) const
    {
        return topLevel && trace.format() == TraceFormat::Chrome && trace.lane(span) >= 0 && !m_lanes.empty();
    }

    std::string serviceKey(std::size_t t, SpanIndex span, bool topLevel) const
    {
        const Trace& trace = *m_traces[t];
        return keyedByLane(trace, span, topLevel) ? m_lanes.keyOf(t, trace.lane(span)) : trace.serviceText(span);
    }

    std::uint32_t keyOf(std::size_t t, SpanIndex span, bool topLevel)
    {
        const Trace& trace = *m_traces[t];
        const bool byLane = keyedByLane(trace, span, topLevel);
        const std::uint64_t local = (std::uint64_t(byLane ? std::uint32_t(trace.lane(span)) | 0x80000000u : trace.service(span)) << 32)
            | trace.name(span);
        auto [it, inserted] = m_local[t].try_emplace(local, 0);
        if (inserted) {
            std::string text = serviceKey(t, span, topLevel);
            text += '\x1f';
            text += nameKey(trace.nameText(span));
            it->second = m_global.try_emplace(std::move(text), static_cast<std::uint32_t>(m_global.size())).first->second;
        }
        return it->second;
    }

    std::string nameKey(const std::string& name)
    {
        if (!m_normalise)
            return name;
        auto [it, inserted] = m_nameKeys.try_emplace(name);
        if (inserted) {
            it->second = normalisedName(name);
            if (it->second != name)
                normalised.push_back({name, it->second});
        }
        return it->second;
    }

    std::vector<NormalisedNameExample> normalised;

private:
    const std::vector<TracePtr>& m_traces;
    const LanePairing& m_lanes;
    bool m_normalise;
    std::vector<std::unordered_map<std::uint64_t, std::uint32_t>> m_local;
    std::unordered_map<std::string, std::uint32_t> m_global;
    std::unordered_map<std::string, std::string> m_nameKeys;
};

} // namespace

Alignment::Alignment(std::vector<TracePtr> traces, AlignmentOptions options)
    : m_traces(std::move(traces))
    , m_options(options)
    , m_lanes(m_traces, options.normaliseNames)
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
    KeyTable keys(m_traces, m_lanes, options.normaliseNames);
    const std::size_t targetIndex = traceCount - 1;
    std::unordered_map<std::uint32_t, NodeIndex> childByKey;
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const NodeIndex parentNode = queue[q];
        childByKey.clear();
        for (std::size_t t = 0; t < traceCount; ++t) {
            const Trace& trace = *m_traces[t];
            const auto place = [&](SpanIndex child, bool topLevel) {
                auto [it, inserted] = childByKey.try_emplace(keys.keyOf(t, child, topLevel), NoNode);
                if (inserted) {
                    AlignedNode node;
                    node.parent = parentNode;
                    node.depth = m_nodes[parentNode].depth + 1;
                    node.service = keys.serviceKey(t, child, topLevel);
                    node.name = trace.nameText(child);
                    node.spans.resize(traceCount);
                    it->second = static_cast<NodeIndex>(m_nodes.size());
                    m_nodes.push_back(std::move(node));
                    m_nodes[parentNode].children.push_back(it->second);
                    queue.push_back(it->second);
                }
                AlignedNode& node = m_nodes[it->second];
                // Names are keyed by their normalised form; the node shows the target's real name.
                if (t == targetIndex && node.spans[t].empty() && !inserted)
                    node.name = trace.nameText(child);
                node.spans[t].push_back(child);
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
    m_normalisedNameCount = static_cast<int>(keys.normalised.size());
    // Short names make the clearest examples.
    std::sort(keys.normalised.begin(), keys.normalised.end(), [](const auto& a, const auto& b) {
        return a.name.size() != b.name.size() ? a.name.size() < b.name.size() : a.name < b.name;
    });
    for (const NormalisedNameExample& e : keys.normalised) {
        if (m_normalisedExamples.size() >= 3)
            break;
        // One example per key: "ProfilerStep#551" says it, "ProfilerStep#552" adds nothing.
        if (e.name.size() <= 60
            && std::none_of(m_normalisedExamples.begin(), m_normalisedExamples.end(), [&](const auto& x) { return x.key == e.key; }))
            m_normalisedExamples.push_back(e);
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
