// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alignment.h"

#include <string>
#include <vector>

namespace tracedelta {

// An attribute whose value on a node's spans in the target differs from every baseline:
// "cache.hit=false (true in 4/4 baselines)", "status=error", "event exception".
struct AttributeDifference
{
    std::string key;
    std::string target;                      // the target's value(s), "(absent)" when it has none
    std::vector<std::string> baselineValues; // per baseline, in trace order
};

// Span attributes (resource attributes included, as importers store them), the status,
// and events with their attributes, compared over all spans of the node. Values that
// only name the run (ids, UUIDs, numbered paths) and keys whose value differs between
// every two baselines are run-specific noise and never reported.
std::vector<AttributeDifference> attributeDifferences(const Alignment& alignment, NodeIndex node, std::size_t maxCount = 8);

// The status, the exception events and the status description: what a failure's own
// reason already says (see Comparison::failures()).
bool describesTheError(const std::string& key);

inline constexpr const char* AbsentValue = "(absent)";

} // namespace tracedelta
