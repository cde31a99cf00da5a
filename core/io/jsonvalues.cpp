// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonvalues.h"

#include "../util/timearithmetic.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <limits>

namespace tracedelta::json {

std::optional<double> numberFromText(std::string_view s)
{
    double parsed = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), parsed);
    if (error == std::errc() && end == s.data() + s.size() && !s.empty() && std::isfinite(parsed))
        return parsed;
    return std::nullopt;
}

std::optional<std::int64_t> microsToNanos(std::int64_t micros)
{
    // Out of the model's range counts as unreadable: the importers say so, nothing wraps.
    if (micros > timemath::MaxTimeNs / 1000 || micros < timemath::MinTimeNs / 1000)
        return std::nullopt;
    return micros * 1000;
}

std::optional<std::int64_t> microsToNanos(double micros)
{
    std::int64_t nanos = 0;
    if (!timemath::toNanos(micros * 1000.0, nanos))
        return std::nullopt;
    return nanos;
}

std::string compactText(const nlohmann::json& value)
{
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace tracedelta::json
