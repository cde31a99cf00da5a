// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonbatches.h"

namespace tracedelta {

namespace {

constexpr std::size_t NotFound = std::string_view::npos;

bool isSpace(int c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The position of the closing quote of the string whose opening quote is at `at`; NotFound
// when the text ends first.
std::size_t stringEnd(TextWindow& text, std::size_t at, std::size_t keepFrom)
{
    for (std::size_t i = at + 1;; ++i) {
        const int c = text.at(i, keepFrom);
        if (c < 0)
            return NotFound;
        if (c == '\\')
            ++i;
        else if (c == '"')
            return i;
    }
}

// Past one value starting at `at`, following only strings and brackets; NotFound when it
// does not end or a bracket does not match its kind.
std::size_t skipValue(TextWindow& text, std::size_t at, std::size_t keepFrom)
{
    int depth = 0;
    for (std::size_t i = at;; ++i) {
        const int c = text.at(i, keepFrom);
        if (c < 0)
            return depth == 0 ? i : NotFound;
        if (c == '"') {
            i = stringEnd(text, i, keepFrom);
            if (i == NotFound)
                return NotFound;
            if (depth == 0)
                return i + 1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i; // the end of a scalar, or nothing (the caller's parser says)
            if (--depth == 0)
                return i + 1;
        } else if (depth == 0 && (c == ',' || isSpace(c))) {
            return i; // the end of a scalar
        }
    }
}

} // namespace

JsonArrayBatches::JsonArrayBatches(TextWindow& text, std::size_t open)
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
    for (std::size_t i = m_at;; ++i) {
        const int c = m_text.at(i, begin);
        if (c < 0)
            return Step::Malformed;
        if (c == '"') {
            i = stringEnd(m_text, i, begin);
            if (i == NotFound)
                return Step::Malformed;
            elementSeen = true;
        } else if (c == '{' || c == '[') {
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
                batch = m_text.range(begin, i);
                offset = begin;
                return Step::Batch;
            }
        } else if (c == ',' && depth == 0) {
            if (!elementSeen)
                return Step::Malformed; // "[,1]" or "[1,,2]"
            if (i - begin >= targetBytes) {
                batch = m_text.range(begin, i);
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
    }
}

std::size_t findFirstArrayMember(TextWindow& text, std::string_view key, std::size_t maxBefore)
{
    const std::size_t at = findFirstMember(text, skipJsonSpace(text, 0, 0), key, maxBefore);
    return at != NotFound && text.at(at, 0) == '[' ? at : NotFound;
}

std::size_t findFirstMember(TextWindow& text, std::size_t open, std::string_view key, std::size_t maxBefore)
{
    if (text.at(open, open) != '{')
        return NotFound;
    std::size_t at = skipJsonSpace(text, open + 1, open);
    while (at - open < maxBefore && text.at(at, open) == '"') {
        const std::size_t keyEnd = stringEnd(text, at, open);
        if (keyEnd == NotFound)
            return NotFound;
        const std::string_view name = text.range(at + 1, keyEnd);
        if (name.find('\\') != std::string_view::npos)
            return NotFound;
        const bool wanted = name == key;
        at = skipJsonSpace(text, keyEnd + 1, open);
        if (text.at(at, open) != ':')
            return NotFound;
        at = skipJsonSpace(text, at + 1, open);
        if (wanted)
            return at;
        at = skipValue(text, at, open);
        if (at == NotFound)
            return NotFound;
        at = skipJsonSpace(text, at, open);
        if (text.at(at, open) != ',')
            return NotFound;
        at = skipJsonSpace(text, at + 1, open);
    }
    return NotFound;
}

std::size_t findEnclosingEnd(TextWindow& text, std::size_t from, std::size_t keepFrom)
{
    int depth = 0;
    for (std::size_t i = from;; ++i) {
        const int c = text.at(i, keepFrom);
        if (c < 0)
            return NotFound;
        if (c == '"') {
            i = stringEnd(text, i, keepFrom);
            if (i == NotFound)
                return NotFound;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i;
            --depth;
        }
    }
}

std::size_t skipJsonSpace(TextWindow& text, std::size_t at, std::size_t keepFrom)
{
    while (isSpace(text.at(at, keepFrom)))
        ++at;
    return at;
}

std::size_t findTopLevelArray(TextWindow& text)
{
    const std::size_t at = skipJsonSpace(text, 0, 0);
    return text.at(at, 0) == '[' ? at : NotFound;
}

} // namespace tracedelta
