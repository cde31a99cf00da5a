// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadlimits.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tracedelta {

// Reports how far parsing got and asks whether to stop. Shared by every stage of a load.
struct LoadControl
{
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    const std::atomic<bool>* cancel = nullptr;
    LoadLimits limits;
    // The simdjson bulk path where a format has one; false reads with nlohmann only (tests
    // load files both ways and compare the models).
    bool bulkParser = true;
    // How much of a huge array the bulk path parses at a time (0: the whole document at
    // once; tests vary it to move the cuts).
    std::size_t bulkBatchBytes = std::size_t(1) << 20;
    // Threads a batched read uses: with 2, a second core cuts the next batch, frames it and
    // builds simdjson's index of it (and reads or inflates the file, when it streams; Chrome's
    // events: walks every other batch) while this thread maps the current one; 1 reads on this
    // thread only; 0: 2 where the machine has two cores.
    int readerThreads = 0;
    // Files whose text is at least this big (gzip: inflated, by its trailer) are parsed while
    // they are read (see StreamedFile), in the memory of a batch instead of the whole text;
    // smaller ones are read whole first. Tests set 0 to stream every file.
    std::int64_t streamFromBytes = std::int64_t(8) << 20;
    // Spans (Chrome: events) read so far, added to by every file loading with this control,
    // for progress shown in spans; null when nobody shows it.
    std::atomic<std::int64_t>* spansRead = nullptr;
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// Where in a document a value sits: object keys, and "[]" for array elements.
using JsonPath = std::vector<std::string>;

enum class JsonValueKind { Object, Array, Scalar };

// Streams a JSON document through nlohmann's SAX parser and materialises only the
// sub-trees the caller asks for ("records": one Chrome event, one Zipkin span, one OTLP
// resource block). Memory stays proportional to the largest record, not to the file.
class JsonRecordReader
{
public:
    enum class Visit { Skip, Capture, Stop };
    // Called where a value starts outside any record: capture it whole, walk into it, or stop reading.
    using RecordPredicate = std::function<Visit(const JsonPath& path, JsonValueKind kind)>;
    // Receives each captured record; return false to stop reading.
    using RecordSink = std::function<bool(nlohmann::json&& record, const JsonPath& path)>;

    struct Result
    {
        bool ok = true;
        bool cancelled = false;
        bool stopped = false; // by the predicate or the sink
        bool rootCompleted = false;     // the first top-level value was read in full
        bool endedInsideRecord = false; // the input stopped in the middle of a record
        bool outOfMemory = false;       // an allocation failed; the file cannot be loaded
        int truncatedValues = 0;        // values nested deeper than the limit, replaced by a marker
        int depthAtError = 0;
        std::size_t errorOffset = 0;
        std::string errorMessage; // nlohmann's explanation, without its position prefix
    };

    Result read(std::string_view text, const RecordPredicate& isRecord, const RecordSink& sink,
                const LoadControl* control = nullptr) const;
};

// The text that replaces a value nested deeper than LoadLimits::maxValueNesting.
inline constexpr const char* TruncatedValueMarker = "[nested too deeply; not shown]";

// Empties a JSON value without allocating memory and without recursion, so it is safe when
// memory has run out (nlohmann's own destructor allocates a work list, and a throw there
// terminates the program).
void releaseJsonWithoutAllocating(nlohmann::json& value) noexcept;

// "line 3, column 17" for a byte offset into text.
std::string describeOffset(std::string_view text, std::size_t offset);

} // namespace tracedelta
