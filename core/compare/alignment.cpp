// SPDX-License-Identifier: GPL-3.0-or-later
#include "alignment.h"

#include <algorithm>
#include <unordered_map>

#include "namenormalisation.h"
#include "produceridentity.h"

#include <climits>
#include <cstdint>

namespace tracedelta {

namespace {

// A child span's keys: as written, and with run-specific numbers normalised (equal when
// normalising changes nothing). Both include the span's producer identity, if any.
struct SpanKey
{
    std::uint32_t exact = 0;
    std::uint32_t normalised = 0;
};

// Maps each trace's own (lane or service, name, identity) to key ids shared by all
// traces, so grouping children hashes integers instead of building strings per span.
// Traces cut from one trace (the occurrences of a repeated span) share its string pool:
// a name's key is then worked out once for all of them, not once per trace.
class KeyTable
{
public:
    KeyTable(const std::vector<TracePtr>& traces, const LanePairing& lanes, bool normaliseNames)
        : m_traces(traces)
        , m_lanes(lanes)
        , m_normalise(normaliseNames)
        , m_laneCaches(traces.size())
    {
        std::unordered_map<const StringPool*, std::size_t> poolIndex;
        for (const TracePtr& trace : traces) {
            const auto [it, added] = poolIndex.try_emplace(&trace->strings(), m_poolCaches.size());
            if (added) {
                m_poolCaches.emplace_back();
                m_identities.emplace_back(trace->strings());
            }
            m_poolOf.push_back(it->second);
        }
    }

    // Chrome slices align per thread first: the lane stands in for the service.
    bool keyedByLane(const Trace& trace, SpanIndex span, bool topLevel) const
    {
        return topLevel && isTraceEventFamily(trace.format()) && trace.lane(span) >= 0 && !m_lanes.empty();
    }

    std::string serviceKey(std::size_t t, SpanIndex span, bool topLevel) const
    {
        const Trace& trace = *m_traces[t];
        if (keyedByLane(trace, span, topLevel))
            return m_lanes.keyOf(t, trace.lane(span));
        // A slice nested in a profile is on its parent's lane, which the parent's node already
        // pairs across runs; the raw process name (which may hold a rank or a pid) keys nothing.
        if (inheritsLane(trace, topLevel))
            return {};
        return trace.serviceText(span);
    }

    bool inheritsLane(const Trace& trace, bool topLevel) const
    {
        return !topLevel && isTraceEventFamily(trace.format()) && !m_lanes.empty();
    }

    SpanKey keyOf(std::size_t t, SpanIndex span, bool topLevel, std::string& identity)
    {
        const Trace& trace = *m_traces[t];
        const bool byLane = keyedByLane(trace, span, topLevel);
        const std::uint32_t service = byLane ? std::uint32_t(trace.lane(span)) | 0x80000000u
            : inheritsLane(trace, topLevel)  ? 0x7fffffffu
                                             : trace.service(span);
        const std::uint64_t local = (std::uint64_t(service) << 32) | trace.name(span);
        // A lane's key is its trace's own (lane pairing); the others follow from the strings.
        Cache& cache = byLane ? m_laneCaches[t] : m_poolCaches[m_poolOf[t]];
        identity = m_identities[m_poolOf[t]].identity(trace, span);
        if (identity.empty()) {
            auto [it, inserted] = cache.local.try_emplace(local);
            if (inserted)
                it->second = globalKeys(t, span, topLevel, {});
            return it->second;
        }
        std::string cacheKey(reinterpret_cast<const char*>(&local), sizeof local);
        cacheKey += identity;
        auto [it, inserted] = cache.withIdentity.try_emplace(std::move(cacheKey));
        if (inserted)
            it->second = globalKeys(t, span, topLevel, normalisedName(identity));
        return it->second;
    }

    const std::string& normalisedText(std::uint32_t key) const { return m_normalisedText.at(key); }
    std::size_t keyCount() const { return m_global.size(); }

private:
    struct Cache
    {
        std::unordered_map<std::uint64_t, SpanKey> local;
        std::unordered_map<std::string, SpanKey> withIdentity;
    };

    SpanKey globalKeys(std::size_t t, SpanIndex span, bool topLevel, const std::string& identity)
    {
        const std::string& name = m_traces[t]->nameText(span);
        std::string prefix = serviceKey(t, span, topLevel);
        prefix += '\x1f';
        std::string suffix = "\x1e" + identity;
        SpanKey key;
        key.exact = idOf(prefix + name + suffix);
        key.normalised = key.exact;
        if (m_normalise) {
            std::string normalised = normalisedName(name);
            if (normalised != name) {
                key.normalised = idOf(prefix + normalised + suffix);
                m_normalisedText.try_emplace(key.normalised, std::move(normalised));
            }
        }
        return key;
    }

    std::uint32_t idOf(std::string text)
    {
        return m_global.try_emplace(std::move(text), static_cast<std::uint32_t>(m_global.size())).first->second;
    }

    const std::vector<TracePtr>& m_traces;
    const LanePairing& m_lanes;
    bool m_normalise;
    std::vector<std::size_t> m_poolOf;      // per trace: its string pool's caches
    std::vector<Cache> m_poolCaches;        // per string pool
    std::vector<ProducerIdentityReader> m_identities; // per string pool
    std::vector<Cache> m_laneCaches;        // per trace: the keys of its lanes' top-level spans
    std::unordered_map<std::string, std::uint32_t> m_global;
    std::unordered_map<std::uint32_t, std::string> m_normalisedText;
};

// One child span waiting for its node. 32 bytes: a node's children in 10,000 traces (the
// occurrences of a repeated span) are a million of these.
struct PendingChild
{
    std::uint32_t trace = 0;
    SpanIndex span = NoSpan;
    SpanKey key;
    std::uint64_t nodeKey = 0;
    std::uint32_t identity = 0; // its producer identity's index in the identities beside it; 0: none
    bool topLevel = false;
};

// Appends the spans of one parent's children to each trace's array, node by node (in the
// order they came within a node), and records where each node's spans are. `nodeOf[i]` is
// the node of children[i]; children come trace by trace; the nodes are firstChild and after.
void placeSpans(NodeSpans::Table& table, const std::vector<PendingChild>& children, const std::vector<NodeIndex>& nodeOf,
                NodeIndex firstChild, std::vector<std::uint32_t>& cursor)
{
    const std::size_t traceCount = table.arrays.size();
    const std::size_t nodeCount = table.first.size() / traceCount - static_cast<std::size_t>(firstChild);
    for (std::size_t from = 0; from < children.size();) {
        const std::uint32_t t = children[from].trace;
        std::size_t to = from;
        while (to < children.size() && children[to].trace == t)
            ++to;
        cursor.assign(nodeCount, 0);
        for (std::size_t i = from; i < to; ++i)
            ++cursor[static_cast<std::size_t>(nodeOf[i] - firstChild)];
        std::vector<SpanIndex>& array = table.arrays[t];
        auto next = static_cast<std::uint32_t>(array.size());
        for (std::size_t k = 0; k < nodeCount; ++k) {
            const std::size_t slot = (static_cast<std::size_t>(firstChild) + k) * traceCount + t;
            table.first[slot] = next;
            table.count[slot] = cursor[k];
            cursor[k] = next;
            next += table.count[slot];
        }
        array.resize(next);
        for (std::size_t i = from; i < to; ++i)
            array[cursor[static_cast<std::size_t>(nodeOf[i] - firstChild)]++] = children[i].span;
        from = to;
    }
}

constexpr std::uint64_t pairedByNormalisedForm = std::uint64_t(1) << 63;

// Decides the node key of the children of one parent. A name that differs from its
// normalised form keeps its own node when it recurs across the traces (in at least two,
// and in at least half of those that have its normalised form: "layer_3" of every run);
// the names left over pair by normalised form, one to one in order of first appearance
// within each trace ("ProfilerStep#551" of a baseline with "ProfilerStep#1009" of the
// target, the second leftover with the second). Returns the names paired that way.
// Key ids are below `keyCount` (KeyTable::keyCount).
std::vector<std::pair<std::size_t, PendingChild*>> assignNodeKeys(std::vector<PendingChild>& children, std::size_t keyCount)
{
    std::vector<std::pair<std::size_t, PendingChild*>> viaNormalisedForm;
    bool anyNormalised = false;
    for (PendingChild& c : children) {
        c.nodeKey = c.key.exact;
        anyNormalised = anyNormalised || c.key.exact != c.key.normalised;
    }
    if (!anyNormalised)
        return viaNormalisedForm;
    // Children come trace by trace, so a key's trace count grows when its last trace changes.
    struct Presence
    {
        std::size_t lastTrace = SIZE_MAX;
        int traces = 0;
    };
    // Indexed by key id: a node's children in 10,000 occurrences are a million lookups.
    std::vector<Presence> exact(keyCount);
    std::vector<Presence> normalised(keyCount);
    const auto count = [](Presence& p, std::size_t t) {
        if (p.lastTrace != t) {
            p.lastTrace = t;
            ++p.traces;
        }
    };
    for (const PendingChild& c : children) {
        if (c.key.exact == c.key.normalised)
            continue;
        count(exact[c.key.exact], c.trace);
        count(normalised[c.key.normalised], c.trace);
    }
    // Per trace and normalised form, the leftover exact names in order of first appearance.
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> leftovers;
    for (PendingChild& c : children) {
        if (c.key.exact == c.key.normalised)
            continue;
        const int with = exact[c.key.exact].traces;
        if (with >= 2 && 2 * with >= normalised[c.key.normalised].traces)
            continue;
        std::vector<std::uint32_t>& names = leftovers[(std::uint64_t(c.trace) << 32) | c.key.normalised];
        auto at = std::find(names.begin(), names.end(), c.key.exact);
        if (at == names.end()) {
            names.push_back(c.key.exact);
            at = names.end() - 1;
            viaNormalisedForm.push_back({c.trace, &c});
        }
        c.nodeKey = pairedByNormalisedForm | (std::uint64_t(at - names.begin()) << 32) | c.key.normalised;
    }
    return viaNormalisedForm;
}

// Roots that name a parent their trace lacks (a service reported nothing, a batch was
// dropped) belong where the same work sits in the other traces: under the node of that
// work's parent. Placed there, a silent service leaves one gap (its own spans) instead of
// a gap plus the same calls "new" at the top.
class OrphanPlacement
{
public:
    explicit OrphanPlacement(const std::vector<TracePtr>& traces)
        : m_placed(traces.size())
    {
        std::vector<std::unordered_map<std::string, SpanIndex>> spanOfKey(traces.size());
        const auto keyOf = [](const Trace& trace, SpanIndex s) { return trace.serviceText(s) + '\x1f' + trace.nameText(s); };
        for (std::size_t t = 0; t < traces.size(); ++t) {
            for (SpanIndex orphan : traces[t]->orphanRoots()) {
                for (std::size_t u = 0; u < traces.size(); ++u) {
                    if (u == t)
                        continue;
                    auto& index = spanOfKey[u];
                    if (index.empty()) {
                        // The first span of each (service, name) that has a parent, built once per trace.
                        const Trace& other = *traces[u];
                        for (SpanIndex s = 0; s < other.spanCount(); ++s) {
                            if (other.parent(s) != NoSpan)
                                index.try_emplace(keyOf(other, s), s);
                        }
                    }
                    const auto found = index.find(keyOf(*traces[t], orphan));
                    if (found == index.end())
                        continue;
                    m_byParent[slot(u, traces[u]->parent(found->second))].push_back({t, orphan});
                    m_placed[t].push_back(orphan);
                    break;
                }
            }
            std::sort(m_placed[t].begin(), m_placed[t].end());
        }
    }

    bool empty() const { return m_byParent.empty(); }
    // Placed below another trace's span rather than at the top level.
    bool placedElsewhere(std::size_t trace, SpanIndex root) const
    {
        return std::binary_search(m_placed[trace].begin(), m_placed[trace].end(), root);
    }
    // The orphans to place under this span of this trace.
    template<typename Visit>
    void forEachUnder(std::size_t trace, SpanIndex span, Visit&& visit) const
    {
        if (const auto found = m_byParent.find(slot(trace, span)); found != m_byParent.end()) {
            for (const auto& [orphanTrace, orphan] : found->second)
                visit(orphanTrace, orphan);
        }
    }

private:
    static std::uint64_t slot(std::size_t trace, SpanIndex span) { return (std::uint64_t(trace) << 32) | std::uint32_t(span); }

    std::unordered_map<std::uint64_t, std::vector<std::pair<std::size_t, SpanIndex>>> m_byParent;
    std::vector<std::vector<SpanIndex>> m_placed;
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

    m_spans = std::make_unique<NodeSpans::Table>();
    m_spans->arrays.resize(traceCount);
    for (std::size_t t = 0; t < traceCount; ++t)
        m_spans->arrays[t].reserve(static_cast<std::size_t>(m_traces[t]->spanCount()));
    const auto addNode = [&](AlignedNode node) {
        node.spans = NodeSpans(m_spans.get(), static_cast<NodeIndex>(m_nodes.size()));
        m_spans->first.resize(m_spans->first.size() + traceCount, 0);
        m_spans->count.resize(m_spans->count.size() + traceCount, 0);
        m_nodes.push_back(std::move(node));
        return static_cast<NodeIndex>(m_nodes.size() - 1);
    };
    addNode(AlignedNode());

    // Breadth-first: a node's children are the children of all its spans, in every
    // trace, grouped by key. Keys are compared as text (KeyTable): traces may have pools of their own.
    std::vector<NodeIndex> queue{0};
    KeyTable keys(m_traces, m_lanes, options.normaliseNames);
    const std::size_t targetIndex = traceCount - 1;
    std::unordered_map<std::uint64_t, NodeIndex> childByKey;
    std::vector<PendingChild> pending;
    std::vector<std::string> identities; // of the pending children; [0] is none
    std::string identity;
    const auto gather = [&](std::size_t t, SpanIndex span, bool topLevel) {
        PendingChild c;
        c.trace = static_cast<std::uint32_t>(t);
        c.span = span;
        c.topLevel = topLevel;
        c.key = keys.keyOf(t, span, topLevel, identity);
        if (!identity.empty()) {
            c.identity = static_cast<std::uint32_t>(identities.size());
            identities.push_back(identity);
        }
        pending.push_back(c);
    };
    std::unordered_map<std::string, std::string> normalisedNames; // name → its normalised form, as paired
    const OrphanPlacement orphans(m_traces);
    std::vector<NodeIndex> nodeOfPending;
    std::vector<char> targetSeen; // per node made for this parent: a target span is in it
    std::vector<std::uint32_t> cursor;
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const NodeIndex parentNode = queue[q];
        childByKey.clear();
        pending.clear();
        identities.assign(1, std::string());
        // Room for this parent's children, counted first: grown step by step, a node with a
        // million children in 10,000 occurrences would fill fresh pages twice over.
        std::size_t childCount = 0;
        for (std::size_t t = 0; t < traceCount; ++t) {
            if (parentNode == 0) {
                childCount += m_traces[t]->roots().size();
            } else {
                for (SpanIndex s : m_nodes[parentNode].spans[t])
                    childCount += m_traces[t]->children(s).size();
            }
        }
        pending.reserve(childCount);
        for (std::size_t t = 0; t < traceCount; ++t) {
            const Trace& trace = *m_traces[t];
            if (parentNode == 0) {
                for (SpanIndex r : trace.roots()) {
                    if (!orphans.placedElsewhere(t, r))
                        gather(t, r, true);
                }
            } else {
                for (SpanIndex s : m_nodes[parentNode].spans[t]) {
                    for (SpanIndex c : trace.children(s))
                        gather(t, c, false);
                }
            }
        }
        if (!orphans.empty() && parentNode != 0) {
            const std::size_t before = pending.size();
            for (std::size_t u = 0; u < traceCount; ++u) {
                for (SpanIndex s : m_nodes[parentNode].spans[u]) {
                    orphans.forEachUnder(u, s, [&](std::size_t t, SpanIndex orphan) { gather(t, orphan, false); });
                }
            }
            // Children are grouped trace by trace (assignNodeKeys counts traces that way).
            if (pending.size() > before)
                std::stable_sort(pending.begin(), pending.end(), [](const PendingChild& a, const PendingChild& b) { return a.trace < b.trace; });
        }
        for (const auto& [t, child] : assignNodeKeys(pending, keys.keyCount()))
            normalisedNames.try_emplace(m_traces[t]->nameText(child->span), keys.normalisedText(child->key.normalised));
        const auto firstChild = static_cast<NodeIndex>(m_nodes.size());
        nodeOfPending.resize(pending.size());
        targetSeen.clear();
        for (std::size_t i = 0; i < pending.size(); ++i) {
            const PendingChild& c = pending[i];
            const Trace& trace = *m_traces[c.trace];
            auto [it, inserted] = childByKey.try_emplace(c.nodeKey, NoNode);
            if (inserted) {
                AlignedNode node;
                node.parent = parentNode;
                node.depth = m_nodes[parentNode].depth + 1;
                node.service = keys.inheritsLane(trace, c.topLevel) ? m_nodes[parentNode].service : keys.serviceKey(c.trace, c.span, c.topLevel);
                node.name = trace.nameText(c.span);
                node.identity = identities[c.identity];
                it->second = addNode(std::move(node));
                targetSeen.push_back(0);
                queue.push_back(it->second);
            }
            AlignedNode& node = m_nodes[it->second];
            char& seen = targetSeen[static_cast<std::size_t>(it->second - firstChild)];
            // Names are keyed by their normalised form; the node shows the target's real name.
            if (c.trace == targetIndex && !seen && !inserted) {
                node.name = trace.nameText(c.span);
                node.identity = identities[c.identity];
            }
            seen = seen || c.trace == targetIndex;
            nodeOfPending[i] = it->second;
            m_nodeOfSpan[c.trace][c.span] = it->second;
        }
        m_nodes[parentNode].children = NodeRange(firstChild, static_cast<NodeIndex>(m_nodes.size()));
        placeSpans(*m_spans, pending, nodeOfPending, firstChild, cursor);
    }
    m_normalisedNameCount = static_cast<int>(normalisedNames.size());
    std::vector<NormalisedNameExample> normalised;
    for (auto& [name, key] : normalisedNames)
        normalised.push_back({name, key});
    // Short names make the clearest examples.
    std::sort(normalised.begin(), normalised.end(), [](const auto& a, const auto& b) {
        return a.name.size() != b.name.size() ? a.name.size() < b.name.size() : a.name < b.name;
    });
    for (const NormalisedNameExample& e : normalised) {
        if (m_normalisedExamples.size() >= 3)
            break;
        // One example per key: "ProfilerStep#551" says it, "ProfilerStep#552" adds nothing.
        if (e.name.size() <= 60
            && std::none_of(m_normalisedExamples.begin(), m_normalisedExamples.end(), [&](const auto& x) { return x.key == e.key; }))
            m_normalisedExamples.push_back(e);
    }
}

std::string shortIdentity(const std::string& identity)
{
    constexpr std::size_t longest = 48;
    if (identity.size() <= longest)
        return identity;
    if (identity.find("://") == std::string::npos && identity.find(' ') == std::string::npos && identity.find('/') != std::string::npos) {
        std::size_t cut = identity.size();
        for (int components = 0; components < 4 && cut != std::string::npos && cut > 0; ++components)
            cut = identity.rfind('/', cut - 1);
        if (cut != std::string::npos && cut > 0)
            return "…" + identity.substr(cut);
    }
    std::size_t end = longest - 1;
    while (end > 0 && (static_cast<unsigned char>(identity[end]) & 0xC0) == 0x80)
        --end; // not inside a UTF-8 sequence
    return identity.substr(0, end) + "…";
}

std::string displayName(const AlignedNode& node)
{
    return node.identity.empty() ? node.name : node.name + ' ' + shortIdentity(node.identity);
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
