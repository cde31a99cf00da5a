// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importresult.h"
#include "jsonbatches.h"
#include "jsonrecordreader.h"

#include <simdjson.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tracedelta {

// Values read by simdjson On-Demand exactly as the nlohmann path reads them (jsonvalues.h),
// for the bulk readers: text() as json::text() — strings unescaped, null empty, numbers
// and structures as nlohmann prints them — and micros() as json::microsToNanos(). Every
// call returns false on a value simdjson cannot read (the caller then gives up and the
// robust path reads the file), also for a structure nested deeper than `maxNesting`.
class SimdValueReader
{
public:
    explicit SimdValueReader(int maxNesting)
        : m_maxNesting(maxNesting)
    {
    }

    // Views from text() stay valid until clear() (or the parser's next document).
    void clear() { m_storage.clear(); }
    bool text(simdjson::ondemand::value& v, std::string_view& out);
    // The same text copied into `out` (for readers that keep it past the next value).
    bool text(simdjson::ondemand::value& v, std::string& out);
    static bool micros(simdjson::ondemand::value& v, std::optional<std::int64_t>& out);
    // As json::integer(): integers from numbers or numeric strings.
    static bool integer(simdjson::ondemand::value& v, std::optional<std::int64_t>& out);
    // Reads a value nobody needs, so a malformed one is an error here as it is there; false
    // (give up) for structures nested deeper than MaxSkipDepth.
    static constexpr int MaxSkipDepth = 64;
    static bool skip(simdjson::ondemand::value& v, int depth = 0);
    // The value as an object (true), or skipped when it is something else (false, with `ok`
    // saying whether skipping worked); `ok` is false on an error either way.
    static bool object(simdjson::ondemand::value& v, simdjson::ondemand::object& out, bool& ok);
    // The same for an array.
    static bool array(simdjson::ondemand::value& v, simdjson::ondemand::array& out, bool& ok);
    // A string value, checked as strictly as nlohmann checks it (no raw control characters).
    static bool string(simdjson::ondemand::value& v, std::string_view& out);
    // An object's key, unescaped and checked alike; true on error (as simdjson's get() is).
    static bool keyError(simdjson::simdjson_result<simdjson::ondemand::field>& field, std::string_view& out);

private:
    int m_maxNesting;
    std::deque<std::string> m_storage; // printed numbers and structures
};

// Calls each(key, value) for every member of the object `v`, in order; a value of another
// type is skipped, as the robust reader passes it over (`isObject` says which it was). False
// on a malformed value or as soon as `each` returns false (the caller then gives up).
template <class Each>
bool forEachMember(simdjson::ondemand::value& v, bool& isObject, Each&& each)
{
    simdjson::ondemand::object object;
    bool ok = true;
    isObject = SimdValueReader::object(v, object, ok);
    if (!isObject)
        return ok;
    for (auto field : object) {
        std::string_view key;
        if (SimdValueReader::keyError(field, key))
            return false;
        simdjson::ondemand::value value = field.value();
        if (!each(key, value))
            return false;
    }
    return true;
}

template <class Each>
bool forEachMember(simdjson::ondemand::value& v, Each&& each)
{
    bool isObject = true;
    return forEachMember(v, isObject, std::forward<Each>(each));
}

// The same for each element of the array `v`: each(value), another type skipped.
template <class Each>
bool forEachElement(simdjson::ondemand::value& v, Each&& each)
{
    simdjson::ondemand::array array;
    bool ok = true;
    if (!SimdValueReader::array(v, array, ok))
        return ok;
    for (auto element : array) {
        simdjson::ondemand::value value;
        if (element.get(value) || !each(value))
            return false;
    }
    return true;
}

// The document's bytes for simdjson: in place when `capacity` leaves SIMDJSON_PADDING
// spare bytes after the text, else a padded copy.
class PaddedInput
{
public:
    PaddedInput(std::string_view text, std::size_t capacity);
    simdjson::padded_string_view view() const { return m_view; }

private:
    simdjson::padded_string m_copy;
    simdjson::padded_string_view m_view;
};

// How a bulk reader's pass over a document ended. GaveUp: it cannot read the document
// exactly as the robust reader would (that one reads it then); NotApplicable: the document
// is not laid out for this way of reading (another bulk way may be).
enum class BulkOutcome { Done, GaveUp, Cancelled, LimitExceeded, NotApplicable };

// What a bulk pass that did not finish leaves: the import's result when Cancel or the span
// limit stopped it, else nothing (another reader reads the file), after taking back the
// spans it counted into LoadControl::spansRead.
std::optional<ImportResult> unfinishedBulkPass(BulkOutcome outcome, SpanLimit& limit);

// Reads the array whose '[' is at `open` a batch of whole elements at a time (see
// JsonArrayBatches): each batch is parsed as "[" + batch + "]" and handed to `readBatch`
// with the batch document's text and where that text stands in the whole text. Done once
// the array's last batch is read, with `close` the position of its ']'.
using BatchReader = std::function<BulkOutcome(simdjson::ondemand::array& elements, simdjson::ondemand::document& doc,
                                              std::string_view text, std::size_t textOffset)>;
BulkOutcome readArrayInBatches(TextWindow& text, std::size_t open, std::size_t batchBytes, const LoadControl* control,
                               const BatchReader& readBatch, std::size_t& close);

// A batch's work in two steps, for a reader that can split it: decode() walks the batch's
// elements into a slot of the decoder's own (on the helper thread when two cores read, so
// walking one batch overlaps mapping the one before), map() hands that slot's records to
// the model (on the calling thread, batch after batch in order). decode() touches nothing
// but its slot; a slot is decoded again only after it was mapped. Slots are 0 and 1.
class BatchDecoder
{
public:
    virtual ~BatchDecoder() = default;
    virtual BulkOutcome decode(int slot, simdjson::ondemand::array& elements, std::string_view text) = 0;
    virtual BulkOutcome map(int slot, std::size_t textOffset) = 0;
    // Called on the calling thread before a helper thread starts, for batches of about
    // `batchBytes`: what the helper would allocate itself lives in a heap of its own.
    virtual void reserve(std::size_t batchBytes) { static_cast<void>(batchBytes); }
};
BulkOutcome readArrayInBatches(TextWindow& text, std::size_t open, std::size_t batchBytes, const LoadControl* control,
                               BatchDecoder& decoder, std::size_t& close);

// Each element of the list whose '[' is at `open`, an object read by `readObject` (given its
// '{', it sets the position of its '}'): a list of traces or blocks whose own lists are read in
// batches. NotApplicable at an element that is no object; `close` is the list's ']' once Done.
using ObjectReader = std::function<BulkOutcome(std::size_t open, std::size_t& end)>;
BulkOutcome readObjectsOfList(TextWindow& text, std::size_t open, const ObjectReader& readObject, std::size_t& close);

} // namespace tracedelta
