// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonbatches.h"

#include <cstring>

namespace tracedelta {

namespace {

constexpr std::size_t NotFound = std::string_view::npos;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Past the string whose opening quote is at `at`; NotFound when it does not end.
std::size_t skipString(std::string_view text, std::size_t at)
{
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return NotFound;
}

// Past one value starting at `at` (after whitespace), following only strings and brackets;
// NotFound when it does not end or a bracket does not match its kind.
std::size_t skipValue(std::string_view text, std::size_t at)
{
    int depth = 0;
    std::size_t i = at;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            i = skipString(text, i);
            if (i == NotFound)
                return NotFound;
            if (depth == 0)
                return i;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i; // the end of a scalar, or nothing (the caller's parser says)
            if (--depth == 0)
                return i + 1;
        } else if (depth == 0 && (c == ',' || isSpace(c))) {
            return i; // the end of a scalar
        }
        ++i;
    }
    return depth == 0 ? i : NotFound;
}

std::size_t skipSpace(std::string_view text, std::size_t at)
{
    while (at < text.size() && isSpace(text[at]))
        ++at;
    return at;
}

} // namespace

JsonArrayBatches::JsonArrayBatches(std::string_view text, std::size_t open)
    : m_text(text)
    , m_at(open + 1)
{
}

JsonArrayBatches::Step JsonArrayBatches::next(std::size_t targetBytes, std::string_view& batch, std::size_t& offset)
{
    if (m_done)
        return Step::End;
    const std::size_t begin = m_at;
    bool afterSeparator = m_afterComma;
    bool elementSeen = false; // a non-space byte since the last separator
    int depth = 0;
    std::size_t i = m_at;
    while (i < m_text.size()) {
        const char c = m_text[i];
        if (c == '"') {
            i = skipString(m_text, i);
            if (i == NotFound)
                return Step::Malformed;
            elementSeen = true;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
            elementSeen = true;
        } else if (c == '}' || c == ']') {
            if (depth > 0) {
                --depth;
            } else if (c == '}') {
                return Step::Malformed;
            } else {
                // The array's end: what is left is the last batch.
                m_done = true;
                m_close = i;
                if (!elementSeen)
                    return afterSeparator ? Step::Malformed : Step::End; // "[1,]" or "[]"
                batch = m_text.substr(begin, i - begin);
                offset = begin;
                return Step::Batch;
            }
        } else if (c == ',' && depth == 0) {
            if (!elementSeen)
                return Step::Malformed; // "[,1]" or "[1,,2]"
            if (i - begin >= targetBytes) {
                batch = m_text.substr(begin, i - begin);
                offset = begin;
                m_at = i + 1;
                m_afterComma = true;
                return Step::Batch;
            }
            elementSeen = false;
            afterSeparator = true;
        } else if (!isSpace(c)) {
            elementSeen = true;
        }
        ++i;
    }
    return Step::Malformed;
}

std::size_t findTopLevelArray(std::string_view text, std::string_view key)
{
    std::size_t at = skipSpace(text, 0);
    if (at >= text.size() || text[at] != '{')
        return NotFound;
    at = skipSpace(text, at + 1);
    std::size_t found = NotFound;
    while (at < text.size() && text[at] == '"') {
        const std::size_t keyEnd = skipString(text, at);
        if (keyEnd == NotFound)
            return NotFound;
        const std::string_view name = text.substr(at + 1, keyEnd - at - 2);
        if (name.find('\\') != std::string_view::npos)
            return NotFound;
        at = skipSpace(text, keyEnd);
        if (at >= text.size() || text[at] != ':')
            return NotFound;
        at = skipSpace(text, at + 1);
        if (name == key) {
            if (found != NotFound || at >= text.size() || text[at] != '[')
                return NotFound;
            found = at;
        }
        at = skipValue(text, at);
        if (at == NotFound)
            return NotFound;
        at = skipSpace(text, at);
        if (at < text.size() && text[at] == ',')
            at = skipSpace(text, at + 1);
        else
            break;
    }
    return found;
}

} // namespace tracedelta
