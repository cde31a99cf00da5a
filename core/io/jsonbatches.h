// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "textwindow.h"

#include <cstddef>
#include <string_view>

namespace tracedelta {

// Cuts the elements of one JSON array into batches of whole elements, so a bulk reader can
// parse a huge array a batch at a time: the parser's index then covers one batch instead of
// the whole file, Cancel is seen between batches, and a text read through a window needs
// only the batch in memory. The scan only follows strings and brackets; it does not
// validate — each batch, parsed as "[" + batch + "]", is (a batch is never empty and never
// starts or ends with a separator, so a stray comma shows up there).
class JsonArrayBatches
{
public:
    // `open` is the position of the array's '['.
    JsonArrayBatches(TextWindow& text, std::size_t open);

    enum class Step { Batch, End, Malformed };
    // The next batch of at least `targetBytes` (or up to the array's end), as `batch` (valid
    // until the next call) and its offset in the text; End after the last one; Malformed when
    // the array cannot be cut (it is not closed, a bracket closes what was not open, an
    // element is empty).
    Step next(std::size_t targetBytes, std::string_view& batch, std::size_t& offset);
    // Position of the closing ']' once next() returned End.
    std::size_t close() const { return m_close; }

private:
    TextWindow& m_text;
    std::size_t m_at;
    std::size_t m_close = 0;
    bool m_done = false;
    bool m_afterComma = false;
};

// Where a top-level object's first member named `key` (compared as written) holds an array:
// the position of its '['. std::string_view::npos when there is none, when a key before it
// has an escape (it could spell the name), when its value is not an array, or when more than
// `maxBefore` bytes precede it (the text before is kept in memory while looking).
std::size_t findFirstArrayMember(TextWindow& text, std::string_view key, std::size_t maxBefore = std::size_t(64) << 20);
// Where the first member named `key` of the object whose '{' is at `open` starts, whatever
// its type (the text from `open` on is kept while looking); npos as above.
std::size_t findFirstMember(TextWindow& text, std::size_t open, std::string_view key,
                            std::size_t maxBefore = std::size_t(64) << 20);

// The position of the '}' or ']' that closes the object or array `from` lies in (following
// strings and brackets only), keeping the text from `keepFrom`; npos when the text ends first.
std::size_t findEnclosingEnd(TextWindow& text, std::size_t from, std::size_t keepFrom);

// The first position from `at` that is not JSON white space (keeping the text from `keepFrom`).
std::size_t skipJsonSpace(TextWindow& text, std::size_t at, std::size_t keepFrom);

// Where the top-level array starts ('[' after white space); npos when the text is not one.
std::size_t findTopLevelArray(TextWindow& text);

} // namespace tracedelta
