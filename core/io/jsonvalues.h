// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tracedelta::json {

// Numbers as every reader converts them (the bulk readers and, through them, the records
// the robust reader recovers): microseconds (possibly fractional) to integer nanoseconds,
// and a number written as text. Out of the model's range is unreadable (nullopt).
std::optional<std::int64_t> microsToNanos(std::int64_t micros);
std::optional<std::int64_t> microsToNanos(double micros);
std::optional<double> numberFromText(std::string_view text);

// A value as compact JSON text. A string that is not UTF-8 (protobuf strings are bytes, and
// clients and producers do send such) gets U+FFFD where nlohmann's dump() would throw.
std::string compactText(const nlohmann::json& value);

} // namespace tracedelta::json
