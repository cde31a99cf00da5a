// SPDX-License-Identifier: GPL-3.0-or-later
#include "namenormalisation.h"

#include <algorithm>

namespace tracedelta {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isWordChar(char c)
{
    return isHex(c) || (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z');
}

std::size_t runLength(std::string_view text, std::size_t at, bool (*accept)(char))
{
    std::size_t n = 0;
    while (at + n < text.size() && accept(text[at + n]))
        ++n;
    return n;
}

// 8-4-4-4-12 hex digits.
bool isUuidAt(std::string_view text, std::size_t at)
{
    static constexpr std::size_t groups[] = {8, 4, 4, 4, 12};
    std::size_t pos = at;
    for (std::size_t g = 0; g < 5; ++g) {
        if (runLength(text, pos, isHex) < groups[g])
            return false;
        pos += groups[g];
        if (g < 4) {
            if (pos >= text.size() || text[pos] != '-')
                return false;
            ++pos;
        }
    }
    return pos == text.size() || !isWordChar(text[pos]);
}

bool endsWord(std::string_view text, std::size_t at)
{
    return at == text.size() || text[at] == ' ' || text[at] == '/' || text[at] == '.' || text[at] == ':' || text[at] == ')'
        || text[at] == ',' || text[at] == '?';
}

bool isLoopbackHost(std::string_view host)
{
    return host == "localhost" || host.starts_with("127.") || host == "[::1]" || host == "0.0.0.0";
}

// At "://" of a URL: the authority's port always stands for any port (servers of a test
// or a dev machine listen on ephemeral ones), a loopback host for any loopback address.
// Returns how many characters of `name` from `at` were consumed.
std::size_t normaliseAuthority(std::string_view name, std::size_t at, std::string& key)
{
    std::size_t i = at + 3;
    key += "://";
    std::size_t hostEnd = i;
    if (hostEnd < name.size() && name[hostEnd] == '[') {
        while (hostEnd < name.size() && name[hostEnd] != ']')
            ++hostEnd;
        hostEnd = std::min(hostEnd + 1, name.size());
    }
    while (hostEnd < name.size() && name[hostEnd] != '/' && name[hostEnd] != ':' && name[hostEnd] != '?' && name[hostEnd] != '#'
           && name[hostEnd] != ' ')
        ++hostEnd;
    const std::string_view host = name.substr(i, hostEnd - i);
    key += isLoopbackHost(host) ? std::string_view("{loopback}") : host;
    i = hostEnd;
    if (i < name.size() && name[i] == ':') {
        const std::size_t digits = runLength(name, i + 1, isDigit);
        if (digits > 0) {
            key += ":{port}";
            i += 1 + digits;
        }
    }
    return i - at;
}

} // namespace

std::string normalisedName(std::string_view name)
{
    std::string key;
    key.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        if (name[i] == ':' && name.substr(i, 3) == "://" && i > 0 && isWordChar(name[i - 1])) {
            i += normaliseAuthority(name, i, key);
            continue;
        }
        const bool wordStart = i == 0 || !isWordChar(name[i - 1]);
        if (wordStart && isHex(name[i])) {
            if (isUuidAt(name, i)) {
                key += "{uuid}";
                i += 36;
                continue;
            }
            const std::size_t hex = runLength(name, i, isHex);
            bool hasDigit = false;
            for (std::size_t k = i; k < i + hex; ++k)
                hasDigit = hasDigit || isDigit(name[k]);
            if (hex >= 8 && hasDigit && (i + hex == name.size() || !isWordChar(name[i + hex]))) {
                key += "{id}";
                i += hex;
                continue;
            }
        }
        if (isDigit(name[i]) && i > 0) {
            const std::size_t digits = runLength(name, i, isDigit);
            const char before = name[i - 1];
            const bool afterMark = before == '#' || before == '=';
            const bool pathSegment = before == '/' && (i + digits == name.size() || name[i + digits] == '/' || name[i + digits] == '?');
            const bool numberedWord = (before == '-' || before == '_') && i >= 2 && isWordChar(name[i - 2]) && endsWord(name, i + digits);
            if (afterMark || pathSegment || numberedWord) {
                key += "{n}";
                i += digits;
                continue;
            }
            key.append(name, i, digits);
            i += digits;
            continue;
        }
        key += name[i++];
    }
    return key;
}

std::string laneRoleKey(std::string_view label)
{
    std::string key;
    key.reserve(label.size());
    for (std::size_t i = 0; i < label.size();) {
        if (isDigit(label[i])) {
            key += '#';
            i += runLength(label, i, isDigit);
        } else {
            key += label[i++];
        }
    }
    return key;
}

std::string withoutProcessIds(std::string_view label)
{
    std::string key;
    key.reserve(label.size());
    for (std::size_t i = 0; i < label.size();) {
        const std::size_t digits = runLength(label, i, isDigit);
        if (digits >= 5) {
            key += '#';
            i += digits;
        } else if (digits > 0) {
            key.append(label, i, digits);
            i += digits;
        } else {
            key += label[i++];
        }
    }
    return key;
}

} // namespace tracedelta
