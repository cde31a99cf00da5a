// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <string>
#include <vector>

namespace tracedelta {

// How a baseline's lane was matched to one of the target's.
struct LanePair
{
    enum class Basis { SameName, Content };
    std::size_t trace = 0;     // the baseline's index
    std::int32_t lane = -1;    // its lane
    std::int32_t targetLane = -1;
    Basis basis = Basis::SameName;
    double similarity = 0;     // of the work on the two lanes (operation names weighted by time), 0..1
};

// One-to-one matching of Chrome lanes (threads, GPU streams) across runs, by role and
// content rather than by numbers: the OS gives threads new ids in every run and a rank
// may run on device 1 instead of 0, so "stream 15" of one run can be "stream 20" of
// another. Lanes pair within the same role (label with every number as a wildcard), the
// most similar work first; equal labels are preferred when the work is equally similar.
// Traces are given baselines first and the target last; each baseline pairs with the target.
class LanePairing
{
public:
    LanePairing() = default;
    LanePairing(const std::vector<TracePtr>& traces, bool byRole);

    // The key a lane's top-level spans align under: the paired target lane's label.
    const std::string& keyOf(std::size_t trace, std::int32_t lane) const { return m_keys[trace][static_cast<std::size_t>(lane)]; }
    bool empty() const { return m_keys.empty(); }
    const std::vector<LanePair>& pairs() const { return m_pairs; }

private:
    std::vector<std::vector<std::string>> m_keys;
    std::vector<LanePair> m_pairs;
};

} // namespace tracedelta
