// SPDX-License-Identifier: GPL-3.0-or-later
// readArrayInBatches (simdjsonvalues.h): the batched reading every JSON format shares, on
// one core or, for a big array, on two.
#include "simdjsonvalues.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace tracedelta {

namespace {

// One batch made ready for a reader: cut from the array, framed as "[" + batch + "]" and
// indexed by simdjson (its stage 1, which On-Demand does in iterate()). What is left for the
// reader is walking the values and mapping them.
struct PreparedBatch
{
    JsonArrayBatches::Step step = JsonArrayBatches::Step::End;
    std::size_t offset = 0;
    std::string buffer;
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    bool indexed = false;
    std::exception_ptr failure; // thrown while preparing (out of memory), for the reader's thread

    void reserve(std::size_t batchBytes)
    {
        buffer.reserve(batchBytes + 2 + simdjson::SIMDJSON_PADDING);
        // Out of memory here is seen again, and said, by iterate().
        static_cast<void>(parser.allocate(batchBytes + 2));
    }

    void prepare(JsonArrayBatches& batches, std::size_t batchBytes)
    {
        indexed = false;
        std::string_view batch;
        step = batches.next(batchBytes, batch, offset);
        if (step != JsonArrayBatches::Step::Batch)
            return;
        buffer.clear();
        buffer.reserve(batch.size() + 2 + simdjson::SIMDJSON_PADDING);
        buffer += '[';
        buffer += batch;
        buffer += ']';
        indexed = !parser.iterate(PaddedInput(buffer, buffer.capacity()).view()).get(doc);
    }

    BulkOutcome read(const BatchReader& readBatch)
    {
        simdjson::ondemand::array elements;
        if (!indexed || doc.get_array().get(elements))
            return BulkOutcome::GaveUp;
        // The batch's '[' stands where the separator before it was.
        if (const BulkOutcome o = readBatch(elements, doc, buffer, offset - 1); o != BulkOutcome::Done)
            return o;
        const char* after = nullptr;
        if (!doc.current_location().get(after))
            return BulkOutcome::GaveUp; // something after the batch's array: no longer one array
        return BulkOutcome::Done;
    }
};

// Reads batches until the array ends; `stopAfterOne`: returns after the first (Done with
// `more` set when another follows).
BulkOutcome readOnThisThread(PreparedBatch& batch, JsonArrayBatches& batches, std::size_t batchBytes,
                             const LoadControl* control, const BatchReader& readBatch, bool stopAfterOne, bool& more)
{
    more = false;
    while (true) {
        batch.prepare(batches, batchBytes);
        if (batch.step == JsonArrayBatches::Step::Malformed)
            return BulkOutcome::GaveUp;
        if (batch.step == JsonArrayBatches::Step::End)
            return BulkOutcome::Done;
        if (const BulkOutcome o = batch.read(readBatch); o != BulkOutcome::Done)
            return o;
        if (control && control->cancelled())
            return BulkOutcome::Cancelled;
        if (stopAfterOne) {
            more = true;
            return BulkOutcome::Done;
        }
    }
}

// A helper thread prepares the next batch (reading the file or inflating it too, where the
// text arrives through a window) while the caller's thread maps this one: two slots, taken
// in turn. Everything the helper touches (the cutter, the text window, its source) is its
// own until it has stopped.
class TwoCoreBatches
{
public:
    TwoCoreBatches(JsonArrayBatches& batches, std::size_t batchBytes)
    {
        // The slots' memory is taken here, from this thread's heap: what the helper allocates
        // comes from a heap of its own (glibc gives each thread an arena), whose freed pages
        // no other allocation of the load can reuse. Room for a batch twice the target (a batch
        // ends at its first element boundary past the target).
        for (PreparedBatch& slot : m_slots)
            slot.reserve(2 * batchBytes);
        m_helper = std::thread([this, &batches, batchBytes] { prepareAll(batches, batchBytes); });
    }

    ~TwoCoreBatches()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_helper.join();
    }

    BulkOutcome read(const LoadControl* control, const BatchReader& readBatch)
    {
        for (std::size_t k = 0;; ++k) {
            PreparedBatch& batch = m_slots[k % 2];
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_ready > 0; });
            }
            if (batch.failure)
                std::rethrow_exception(batch.failure);
            if (batch.step == JsonArrayBatches::Step::Malformed)
                return BulkOutcome::GaveUp;
            if (batch.step == JsonArrayBatches::Step::End)
                return BulkOutcome::Done;
            const BulkOutcome o = batch.read(readBatch);
            {
                const std::lock_guard lock(m_mutex);
                --m_ready;
            }
            m_changed.notify_all();
            if (o != BulkOutcome::Done)
                return o;
            if (control && control->cancelled())
                return BulkOutcome::Cancelled;
        }
    }

private:
    void prepareAll(JsonArrayBatches& batches, std::size_t batchBytes)
    {
        for (std::size_t k = 0;; ++k) {
            PreparedBatch& batch = m_slots[k % 2];
            {
                // Slot k % 2 is free once fewer than two batches wait for the reader.
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || m_ready < 2; });
                if (m_stop)
                    return;
            }
            try {
                batch.prepare(batches, batchBytes);
            } catch (...) {
                batch.failure = std::current_exception();
            }
            const bool last = batch.failure || batch.step != JsonArrayBatches::Step::Batch;
            {
                const std::lock_guard lock(m_mutex);
                ++m_ready;
            }
            m_changed.notify_all();
            if (last)
                return;
        }
    }

    PreparedBatch m_slots[2];
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_ready = 0; // prepared batches the reader has not finished with
    bool m_stop = false;
    std::thread m_helper;
};

} // namespace

BulkOutcome readArrayInBatches(TextWindow& text, std::size_t open, std::size_t batchBytes, const LoadControl* control,
                               const BatchReader& readBatch, std::size_t& close)
{
    JsonArrayBatches batches(text, open);
    static const int cores = static_cast<int>(std::thread::hardware_concurrency());
    const int threads = control && control->readerThreads > 0 ? control->readerThreads : cores;
    // The first batch on this thread: an array of one batch (most files) starts no thread.
    bool more = false;
    BulkOutcome outcome = BulkOutcome::Done;
    {
        PreparedBatch first;
        outcome = readOnThisThread(first, batches, batchBytes, control, readBatch, threads >= 2, more);
    }
    if (more) {
        {
            // Half the batch: two are in memory at once, and their sum stays what one was.
            TwoCoreBatches twoCores(batches, std::max<std::size_t>(1, batchBytes / 2));
            outcome = twoCores.read(control, readBatch);
        }
    }
    if (outcome == BulkOutcome::Done)
        close = batches.close();
    return outcome;
}

} // namespace tracedelta
