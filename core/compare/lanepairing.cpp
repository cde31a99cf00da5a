// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanepairing.h"

#include "namenormalisation.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace tracedelta {

namespace {

using WorkProfile = std::unordered_map<std::string, double>; // operation key → time on the lane

struct LaneInfo
{
    std::string label;
    std::string role;
    WorkProfile work;
    double norm = 0;
};

std::vector<LaneInfo> describeLanes(const Trace& trace)
{
    std::vector<LaneInfo> lanes(trace.lanes().size());
    for (std::size_t l = 0; l < lanes.size(); ++l) {
        lanes[l].label = trace.strings().at(trace.lanes()[l].label);
        lanes[l].role = laneRoleKey(lanes[l].label);
    }
    std::unordered_map<StringId, std::string> keyOfName;
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        const std::int32_t lane = trace.lane(s);
        if (lane < 0 || static_cast<std::size_t>(lane) >= lanes.size())
            continue;
        auto [it, inserted] = keyOfName.try_emplace(trace.name(s));
        if (inserted)
            it->second = normalisedName(trace.nameText(s));
        lanes[static_cast<std::size_t>(lane)].work[it->second] += static_cast<double>(trace.selfNs(s)) + 1.0;
    }
    for (LaneInfo& lane : lanes) {
        double sum = 0;
        for (const auto& [name, time] : lane.work)
            sum += time * time;
        lane.norm = std::sqrt(sum);
    }
    return lanes;
}

double cosineSimilarity(const LaneInfo& a, const LaneInfo& b)
{
    if (a.norm <= 0 || b.norm <= 0)
        return 0;
    const LaneInfo& small = a.work.size() <= b.work.size() ? a : b;
    const LaneInfo& large = &small == &a ? b : a;
    double dot = 0;
    for (const auto& [name, time] : small.work) {
        if (const auto it = large.work.find(name); it != large.work.end())
            dot += time * it->second;
    }
    return std::clamp(dot / (a.norm * b.norm), 0.0, 1.0);
}

} // namespace

LanePairing::LanePairing(const std::vector<TracePtr>& traces, bool byRole)
{
    if (traces.empty())
        return;
    m_keys.resize(traces.size());
    for (std::size_t t = 0; t < traces.size(); ++t) {
        const Trace& trace = *traces[t];
        for (const Lane& lane : trace.lanes())
            m_keys[t].push_back(withoutProcessIds(trace.strings().at(lane.label)));
    }
    const std::size_t T = traces.size() - 1;
    if (!byRole || !isTraceEventFamily(traces[T]->format()))
        return;
    const std::vector<LaneInfo> targetLanes = describeLanes(*traces[T]);
    for (std::size_t l = 0; l < targetLanes.size(); ++l)
        m_keys[T][l] = targetLanes[l].label;
    for (std::size_t t = 0; t < T; ++t) {
        if (!isTraceEventFamily(traces[t]->format()))
            continue;
        const std::vector<LaneInfo> lanes = describeLanes(*traces[t]);
        struct Option
        {
            double score;
            double similarity;
            std::size_t lane;
            std::size_t targetLane;
        };
        std::vector<Option> options;
        for (std::size_t b = 0; b < lanes.size(); ++b) {
            for (std::size_t g = 0; g < targetLanes.size(); ++g) {
                if (lanes[b].role != targetLanes[g].role)
                    continue;
                const double similarity = cosineSimilarity(lanes[b], targetLanes[g]);
                // Equal labels break ties and win over weakly similar work, not over clearly different work.
                const double sameLabel = lanes[b].label == targetLanes[g].label ? 0.25 : 0.0;
                options.push_back({similarity + sameLabel, similarity, b, g});
            }
        }
        std::stable_sort(options.begin(), options.end(), [](const Option& x, const Option& y) { return x.score > y.score; });
        std::vector<bool> baselineTaken(lanes.size(), false);
        std::vector<bool> targetTaken(targetLanes.size(), false);
        for (const Option& o : options) {
            if (baselineTaken[o.lane] || targetTaken[o.targetLane])
                continue;
            baselineTaken[o.lane] = targetTaken[o.targetLane] = true;
            m_keys[t][o.lane] = targetLanes[o.targetLane].label;
            m_pairs.push_back({t, static_cast<std::int32_t>(o.lane), static_cast<std::int32_t>(o.targetLane),
                               lanes[o.lane].label == targetLanes[o.targetLane].label ? LanePair::Basis::SameName : LanePair::Basis::Content,
                               o.similarity});
        }
        // A baseline lane with no counterpart must not collide with a target lane's key.
        for (std::size_t b = 0; b < lanes.size(); ++b) {
            if (!baselineTaken[b] && std::find_if(targetLanes.begin(), targetLanes.end(), [&](const LaneInfo& g) { return g.label == m_keys[t][b]; })
                    != targetLanes.end())
                m_keys[t][b] += " (baseline)";
        }
    }
}

} // namespace tracedelta
