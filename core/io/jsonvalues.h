// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tracedelta::json {

using Value = nlohmann::json;

// The member, or nullptr when value is not an object or lacks it. Never throws.
const Value* member(const Value& value, const char* key);

// Text for display: strings as they are, numbers and booleans spelled out, containers as compact JSON.
std::string text(const Value& value);
std::string text(const Value* value);

// Integers from numbers or numeric strings (exporters write 64-bit values as strings);
// nullopt for anything else.
std::optional<std::int64_t> integer(const Value* value);
std::optional<double> number(const Value* value);

// Microseconds (possibly fractional) to integer nanoseconds.
std::optional<std::int64_t> microsToNanos(const Value* value);
// The same from a number another parser read, and a number written as text, so every
// parser converts alike.
std::optional<std::int64_t> microsToNanos(std::int64_t micros);
std::optional<std::int64_t> microsToNanos(double micros);
std::optional<double> numberFromText(std::string_view text);

} // namespace tracedelta::json
