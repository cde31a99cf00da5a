// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace tracedelta {

// Cuts the elements of one JSON array into batches of whole elements, so a bulk reader can
// parse a huge array a batch at a time: the parser's index then covers one batch instead of
// the whole file, and Cancel is seen between batches. The scan only follows strings and
// brackets; it does not validate — each batch, parsed as "[" + batch + "]", is (a batch is
// never empty and never starts or ends with a separator, so a stray comma shows up there).
class JsonArrayBatches
{
public:
    // `open` is the position of the array's '['.
    JsonArrayBatches(std::string_view text, std::size_t open);

    enum class Step { Batch, End, Malformed };
    // The next batch of at least `targetBytes` (or up to the array's end), as `batch` and its
    // offset in the text; End after the last one; Malformed when the array cannot be cut
    // (it is not closed, a bracket closes what was not open, an element is empty).
    Step next(std::size_t targetBytes, std::string_view& batch, std::size_t& offset);
    // Position of the closing ']' once next() returned End.
    std::size_t close() const { return m_close; }

private:
    std::string_view m_text;
    std::size_t m_at;
    std::size_t m_close = 0;
    bool m_done = false;
    bool m_afterComma = false;
};

// Where a top-level object's member `key` holds an array: the position of its '[', when the
// object has exactly one member of that name (compared as written; a key with an escape
// anywhere at that level makes the answer "not found", since it could spell the name).
// std::string_view::npos when not found, ambiguous or not cut cleanly.
std::size_t findTopLevelArray(std::string_view text, std::string_view key);

} // namespace tracedelta
