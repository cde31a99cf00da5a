// SPDX-License-Identifier: GPL-3.0-or-later
#include "simdjsonvalues.h"

#include "jsonvalues.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <type_traits>

namespace tracedelta {

namespace {

int nestingDepth(std::string_view raw)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}


} // namespace

PaddedInput::PaddedInput(std::string_view text, std::size_t capacity)
{
    if (capacity >= text.size() + simdjson::SIMDJSON_PADDING) {
        m_view = simdjson::padded_string_view(text.data(), text.size(), capacity);
    } else {
        m_copy = simdjson::padded_string(text);
        m_view = m_copy;
    }
}

namespace {

// The value as an object or an array (`Out`), or skipped when it is something else.
template <class Out>
bool takeStructure(simdjson::ondemand::value& v, Out& out, bool& ok)
{
    constexpr bool isObject = std::is_same_v<Out, simdjson::ondemand::object>;
    simdjson::ondemand::json_type type;
    ok = !v.type().get(type);
    if (!ok)
        return false;
    if (type != (isObject ? simdjson::ondemand::json_type::object : simdjson::ondemand::json_type::array)) {
        ok = SimdValueReader::skip(v);
        return false;
    }
    if constexpr (isObject)
        ok = !v.get_object().get(out);
    else
        ok = !v.get_array().get(out);
    return ok;
}

} // namespace

bool SimdValueReader::object(simdjson::ondemand::value& v, simdjson::ondemand::object& out, bool& ok)
{
    return takeStructure(v, out, ok);
}

bool SimdValueReader::array(simdjson::ondemand::value& v, simdjson::ondemand::array& out, bool& ok)
{
    return takeStructure(v, out, ok);
}

bool SimdValueReader::skip(simdjson::ondemand::value& v, int depth)
{
    simdjson::ondemand::json_type type;
    if (v.type().get(type))
        return false;
    // Deeper values are the robust path's (it cuts them off with a marker): the walk below
    // recurses, and an input must not choose how deep.
    if ((type == simdjson::ondemand::json_type::object || type == simdjson::ondemand::json_type::array) && depth >= MaxSkipDepth)
        return false;
    switch (type) {
    case simdjson::ondemand::json_type::object: {
        // Walked, not skipped by bracket matching: nlohmann rejects what is malformed inside.
        simdjson::ondemand::object o;
        if (v.get_object().get(o))
            return false;
        for (auto field : o) {
            std::string_view key;
            if (keyError(field, key))
                return false;
            simdjson::ondemand::value inner = field.value();
            if (!skip(inner, depth + 1))
                return false;
        }
        return true;
    }
    case simdjson::ondemand::json_type::array: {
        simdjson::ondemand::array a;
        if (v.get_array().get(a))
            return false;
        for (auto element : a) {
            simdjson::ondemand::value inner;
            if (element.get(inner) || !skip(inner, depth + 1))
                return false;
        }
        return true;
    }
    case simdjson::ondemand::json_type::string: {
        std::string_view ignored;
        return string(v, ignored);
    }
    case simdjson::ondemand::json_type::number: {
        double ignored = 0;
        return !v.get_double().get(ignored);
    }
    case simdjson::ondemand::json_type::boolean: {
        bool ignored = false;
        return !v.get_bool().get(ignored);
    }
    case simdjson::ondemand::json_type::null: {
        bool isNull = false;
        return !v.is_null().get(isNull) && isNull;
    }
    }
    return false;
}

namespace {
// Where the raw string from `raw` (just after its opening quote) ends: its closing quote, or
// null when it holds a raw control character (JSON forbids them; nlohmann rejects them,
// simdjson lets them through). `escaped`: it holds a backslash, so its text is not its bytes.
const char* rawStringEnd(const char* raw, bool& escaped)
{
    escaped = false;
    for (const char* p = raw;; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"')
            return p;
        if (c < 0x20)
            return nullptr;
        if (c == '\\') {
            escaped = true;
            ++p;
        }
    }
}
} // namespace

// A string without escapes is its own bytes: the view points into the document (valid as
// long as simdjson's own copy would be, until the next document), and nothing is copied.
bool SimdValueReader::string(simdjson::ondemand::value& v, std::string_view& out)
{
    const std::string_view token = v.raw_json_token();
    if (token.size() < 2 || token[0] != '"')
        return false;
    bool escaped = false;
    const char* end = rawStringEnd(token.data() + 1, escaped);
    if (!end)
        return false;
    if (!escaped) {
        out = std::string_view(token.data() + 1, static_cast<std::size_t>(end - token.data() - 1));
        return true;
    }
    return !v.get_string().get(out);
}

bool SimdValueReader::keyError(simdjson::simdjson_result<simdjson::ondemand::field>& field, std::string_view& out)
{
    simdjson::ondemand::raw_json_string raw;
    if (field.key().get(raw))
        return true;
    bool escaped = false;
    const char* end = rawStringEnd(raw.raw(), escaped);
    if (!end)
        return true;
    if (!escaped) {
        out = std::string_view(raw.raw(), static_cast<std::size_t>(end - raw.raw()));
        return false;
    }
    return field.unescaped_key().get(out);
}

bool SimdValueReader::text(simdjson::ondemand::value& v, std::string& out)
{
    std::string_view view;
    if (!text(v, view))
        return false;
    out.assign(view);
    clear();
    return true;
}

bool SimdValueReader::text(simdjson::ondemand::value& v, std::string_view& out)
{
    simdjson::ondemand::json_type type;
    if (v.type().get(type))
        return false;
    switch (type) {
    case simdjson::ondemand::json_type::string:
        return string(v, out);
    case simdjson::ondemand::json_type::null: {
        bool isNull = false;
        out = {};
        return !v.is_null().get(isNull) && isNull;
    }
    case simdjson::ondemand::json_type::boolean: {
        bool b = false;
        if (v.get_bool().get(b))
            return false;
        out = b ? std::string_view("true") : std::string_view("false");
        return true;
    }
    case simdjson::ondemand::json_type::number: {
        simdjson::ondemand::number_type numberType;
        if (v.get_number_type().get(numberType))
            return false;
        // Integers print as nlohmann prints them (plain decimal digits), without a json value.
        char digits[24];
        if (numberType == simdjson::ondemand::number_type::signed_integer) {
            std::int64_t i = 0;
            if (v.get_int64().get(i))
                return false;
            const auto [end, error] = std::to_chars(digits, digits + sizeof digits, i);
            out = m_storage.emplace_back(digits, end);
            return error == std::errc();
        }
        if (numberType == simdjson::ondemand::number_type::unsigned_integer) {
            std::uint64_t u = 0;
            if (v.get_uint64().get(u))
                return false;
            const auto [end, error] = std::to_chars(digits, digits + sizeof digits, u);
            out = m_storage.emplace_back(digits, end);
            return error == std::errc();
        }
        double d = 0;
        if (v.get_double().get(d))
            return false;
        out = m_storage.emplace_back(nlohmann::json(d).dump());
        return true;
    }
    case simdjson::ondemand::json_type::object:
    case simdjson::ondemand::json_type::array: {
        std::string_view raw;
        if (type == simdjson::ondemand::json_type::object) {
            simdjson::ondemand::object o;
            if (v.get_object().get(o) || o.raw_json().get(raw))
                return false;
        } else {
            simdjson::ondemand::array a;
            if (v.get_array().get(a) || a.raw_json().get(raw))
                return false;
        }
        // Rare and small (an argument holding a structure): printed as the robust path
        // prints it, unless it is nested deeper than that path keeps.
        if (nestingDepth(raw) > m_maxNesting)
            return false;
        const nlohmann::json parsed = nlohmann::json::parse(raw.begin(), raw.end(), nullptr, false);
        if (parsed.is_discarded())
            return false;
        out = m_storage.emplace_back(tracedelta::json::compactText(parsed));
        return true;
    }
    }
    return false;
}

namespace {

// A number as an integer (`integer(i)`) where it is one within int64, else as a double
// (`real(d)`); an unsigned integer beyond int64 is neither. False when it cannot be read.
template <class Integer, class Real>
bool readNumber(simdjson::ondemand::value& v, const Integer& integer, const Real& real)
{
    simdjson::ondemand::number_type numberType;
    if (v.get_number_type().get(numberType))
        return false;
    if (numberType == simdjson::ondemand::number_type::signed_integer) {
        std::int64_t i = 0;
        if (v.get_int64().get(i))
            return false;
        integer(i);
    } else if (numberType == simdjson::ondemand::number_type::unsigned_integer) {
        std::uint64_t u = 0;
        if (v.get_uint64().get(u))
            return false;
        if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            integer(static_cast<std::int64_t>(u));
    } else {
        double d = 0;
        if (v.get_double().get(d))
            return false;
        real(d);
    }
    return true;
}

} // namespace

bool SimdValueReader::micros(simdjson::ondemand::value& v, std::optional<std::int64_t>& out)
{
    simdjson::ondemand::json_type type;
    if (v.type().get(type))
        return false;
    out.reset();
    if (type == simdjson::ondemand::json_type::number) {
        return readNumber(
            v, [&out](std::int64_t i) { out = json::microsToNanos(i); }, [&out](double d) { out = json::microsToNanos(d); });
    }
    if (type == simdjson::ondemand::json_type::string) {
        std::string_view s;
        if (v.get_string().get(s))
            return false;
        if (const auto d = json::numberFromText(s))
            out = json::microsToNanos(*d);
        return true;
    }
    return skip(v);
}

bool SimdValueReader::integer(simdjson::ondemand::value& v, std::optional<std::int64_t>& out)
{
    simdjson::ondemand::json_type type;
    if (v.type().get(type))
        return false;
    out.reset();
    const auto rounded = [&out](double d) {
        if (std::isfinite(d) && std::fabs(d) <= 9.2e18)
            out = std::llround(d);
    };
    if (type == simdjson::ondemand::json_type::number) {
        return readNumber(v, [&out](std::int64_t i) { out = i; }, rounded);
    }
    if (type == simdjson::ondemand::json_type::string) {
        std::string_view s;
        if (!string(v, s))
            return false;
        std::int64_t parsed = 0;
        const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), parsed);
        if (error == std::errc() && end == s.data() + s.size() && !s.empty())
            out = parsed;
        else if (const auto d = json::numberFromText(s))
            rounded(*d);
        return true;
    }
    return skip(v);
}

BulkOutcome readObjectsOfList(TextWindow& text, std::size_t open, const ObjectReader& readObject, std::size_t& close)
{
    std::size_t at = skipJsonSpace(text, open + 1, open + 1);
    while (text.at(at, at) != ']') {
        if (text.at(at, at) != '{')
            return BulkOutcome::NotApplicable;
        std::size_t end = 0;
        if (const BulkOutcome o = readObject(at, end); o != BulkOutcome::Done)
            return o;
        at = skipJsonSpace(text, end + 1, end + 1);
        if (text.at(at, at) == ',')
            at = skipJsonSpace(text, at + 1, at + 1);
        else if (text.at(at, at) != ']')
            return BulkOutcome::GaveUp;
    }
    close = at;
    return BulkOutcome::Done;
}

std::optional<ImportResult> unfinishedBulkPass(BulkOutcome outcome, SpanLimit& limit)
{
    ImportResult result;
    if (outcome == BulkOutcome::Cancelled) {
        result.cancelled = true;
        return result;
    }
    if (outcome == BulkOutcome::LimitExceeded) {
        limit.reportIfExceeded(result);
        return result;
    }
    limit.withdraw();
    return std::nullopt;
}

} // namespace tracedelta
