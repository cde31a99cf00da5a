// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace tracedelta {

// The key under which a span name aligns across runs: the parts that name one run's
// instance rather than the operation become placeholders, so "ProfilerStep#551" and
// "ProfilerStep#1009", "GET /users/123" and "GET /users/77", "batch-17" and "batch-3"
// align. Replaced: digits after '#' or '=', numeric path segments, UUIDs, hex ids of 8+
// digits, a number ending a word after '-' or '_' ("batch-17", not "row_1<float>"), and in
// URLs the port and a loopback host ("http://127.0.0.1:42997/app.js" ≡ "http://localhost:34143/app.js").
// The one normaliser of names, producer identities and attribute values.
std::string normalisedName(std::string_view name);

// Lane labels group by role: every digit run stands for any number ("stream 7" and
// "stream 15", "thread 3113936" and "thread 2568503" share the role key).
std::string laneRoleKey(std::string_view label);

// Operating-system process and thread ids (5+ digits) removed, short numbers (streams,
// devices, ranks) kept: the lane key when names are compared exactly.
std::string withoutProcessIds(std::string_view label);

} // namespace tracedelta
