// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonvalues.h"

#include "../util/timearithmetic.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace tracedelta::json {

const Value* member(const Value& value, const char* key)
{
    if (!value.is_object())
        return nullptr;
    const auto found = value.find(key);
    return found == value.end() ? nullptr : &*found;
}

std::string text(const Value& value)
{
    switch (value.type()) {
    case Value::value_t::string:
        return value.get_ref<const std::string&>();
    case Value::value_t::null:
        return {};
    default:
        return value.dump(-1, ' ', false, Value::error_handler_t::replace);
    }
}

std::string text(const Value* value)
{
    return value ? text(*value) : std::string();
}

std::optional<std::int64_t> integer(const Value* value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number_integer())
        return value->get<std::int64_t>();
    if (value->is_number_unsigned()) {
        const auto u = value->get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        return static_cast<std::int64_t>(u);
    }
    if (value->is_number_float()) {
        const double d = value->get<double>();
        if (!std::isfinite(d) || std::fabs(d) > 9.2e18)
            return std::nullopt;
        return std::llround(d);
    }
    if (value->is_string()) {
        const std::string& s = value->get_ref<const std::string&>();
        std::int64_t parsed = 0;
        const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), parsed);
        if (error == std::errc() && end == s.data() + s.size() && !s.empty())
            return parsed;
        if (const auto d = number(value); d && std::fabs(*d) <= 9.2e18)
            return std::llround(*d);
    }
    return std::nullopt;
}

std::optional<double> number(const Value* value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number())
        return value->get<double>();
    if (value->is_string())
        return numberFromText(value->get_ref<const std::string&>());
    return std::nullopt;
}

std::optional<double> numberFromText(std::string_view s)
{
    double parsed = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), parsed);
    if (error == std::errc() && end == s.data() + s.size() && !s.empty() && std::isfinite(parsed))
        return parsed;
    return std::nullopt;
}

std::optional<std::int64_t> microsToNanos(const Value* value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number_integer() || value->is_number_unsigned()) {
        const auto micros = integer(value);
        return micros ? microsToNanos(*micros) : std::nullopt;
    }
    const auto micros = number(value);
    return micros ? microsToNanos(*micros) : std::nullopt;
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

} // namespace tracedelta::json
