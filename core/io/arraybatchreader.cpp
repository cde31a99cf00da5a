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

// What a batch is read with: a reader that walks and maps it on the calling thread, or a
// decoder whose walking is part of preparing the batch (see BatchDecoder).
struct BatchWork
{
    const BatchReader* reader = nullptr;
    BatchDecoder* decoder = nullptr;
};

// One batch made ready for a reader: cut from the array, framed as "[" + batch + "]" and
// indexed by simdjson (its stage 1, which On-Demand does in iterate()), and with a decoder
// also walked into the decoder's slot. What is left is mapping it.
struct PreparedBatch
{
    explicit PreparedBatch(int slotIndex)
        : slot(slotIndex)
    {
    }

    int slot;
    JsonArrayBatches::Step step = JsonArrayBatches::Step::End;
    std::size_t offset = 0;
    std::string buffer;
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    bool indexed = false;
    bool decodedYet = false;
    BulkOutcome decoded = BulkOutcome::Done;
    std::exception_ptr failure; // thrown while preparing (out of memory), for the reader's thread

    void reserve(std::size_t batchBytes)
    {
        buffer.reserve(batchBytes + 2 + simdjson::SIMDJSON_PADDING);
        // Out of memory here is seen again, and said, by iterate().
        static_cast<void>(parser.allocate(batchBytes + 2));
    }

    // `decodeNow`: a decoder's walk is part of preparing (else read() walks it).
    void prepare(JsonArrayBatches& batches, std::size_t batchBytes, const BatchWork& work, bool decodeNow)
    {
        indexed = false;
        decodedYet = false;
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
        if (indexed && work.decoder && decodeNow)
            decode(*work.decoder);
    }

    void decode(BatchDecoder& decoder)
    {
        simdjson::ondemand::array elements;
        decoded = doc.get_array().get(elements) ? BulkOutcome::GaveUp : decoder.decode(slot, elements, buffer);
        if (decoded == BulkOutcome::Done)
            decoded = endsWithTheArray();
        decodedYet = true;
    }

    BulkOutcome read(const BatchWork& work)
    {
        if (!indexed)
            return BulkOutcome::GaveUp;
        // The batch's '[' stands where the separator before it was.
        if (work.decoder) {
            if (!decodedYet)
                decode(*work.decoder);
            return decoded != BulkOutcome::Done ? decoded : work.decoder->map(slot, offset - 1);
        }
        simdjson::ondemand::array elements;
        if (doc.get_array().get(elements))
            return BulkOutcome::GaveUp;
        if (const BulkOutcome o = (*work.reader)(elements, doc, buffer, offset - 1); o != BulkOutcome::Done)
            return o;
        return endsWithTheArray();
    }

    BulkOutcome endsWithTheArray()
    {
        const char* after = nullptr;
        if (!doc.current_location().get(after))
            return BulkOutcome::GaveUp; // something after the batch's array: no longer one array
        return BulkOutcome::Done;
    }
};

// Reads batches until the array ends; `stopAfterOne`: returns after the first (Done with
// `more` set when another follows).
BulkOutcome readOnThisThread(PreparedBatch& batch, JsonArrayBatches& batches, std::size_t batchBytes,
                             const LoadControl* control, const BatchWork& work, bool stopAfterOne, bool& more)
{
    more = false;
    while (true) {
        batch.prepare(batches, batchBytes, work, false);
        if (batch.step == JsonArrayBatches::Step::Malformed)
            return BulkOutcome::GaveUp;
        if (batch.step == JsonArrayBatches::Step::End)
            return BulkOutcome::Done;
        if (const BulkOutcome o = batch.read(work); o != BulkOutcome::Done)
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
// in turn. With a decoder, the helper also walks the batches of slot 1 and the caller those
// of slot 0 before mapping each: 1M Chrome events load in 0.65x the time of one core.
// Everything the helper touches (the cutter, the text window, its source, the decoder's
// slot 1) is its own until it has stopped.
class TwoCoreBatches
{
public:
    TwoCoreBatches(JsonArrayBatches& batches, std::size_t batchBytes, const BatchWork& work)
        : m_work(work)
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

    BulkOutcome read(const LoadControl* control)
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
            const BulkOutcome o = batch.read(m_work);
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
                // The helper walks every other batch: walking is most of the work, and the
                // reader's own share (mapping) is smaller, so it walks the rest itself.
                batch.prepare(batches, batchBytes, m_work, batch.slot == 1);
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

    BatchWork m_work;
    PreparedBatch m_slots[2]{PreparedBatch(0), PreparedBatch(1)};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_ready = 0; // prepared batches the reader has not finished with
    bool m_stop = false;
    std::thread m_helper;
};

// Reads the array with `work`: the first batch on this thread (an array of one batch, most
// files, starts no thread), the rest on two cores where the machine has them.
BulkOutcome readInBatches(TextWindow& text, std::size_t open, std::size_t batchBytes, const LoadControl* control,
                          const BatchWork& work, std::size_t& close)
{
    JsonArrayBatches batches(text, open);
    static const int cores = static_cast<int>(std::thread::hardware_concurrency());
    const int threads = control && control->readerThreads > 0 ? control->readerThreads : cores;
    bool more = false;
    BulkOutcome outcome = BulkOutcome::Done;
    {
        PreparedBatch first(0);
        outcome = readOnThisThread(first, batches, batchBytes, control, work, threads >= 2, more);
    }
    if (more) {
        // Half the batch: two are in memory at once, and their sum stays what one was.
        if (work.decoder)
            work.decoder->reserve(batchBytes);
        TwoCoreBatches twoCores(batches, std::max<std::size_t>(1, batchBytes / 2), work);
        outcome = twoCores.read(control);
    }
    if (outcome == BulkOutcome::Done)
        close = batches.close();
    return outcome;
}

} // namespace

BulkOutcome readArrayInBatches(TextWindow& text, std::size_t open, std::size_t batchBytes, const LoadControl* control,
                               const BatchReader& readBatch, std::size_t& close)
{
    return readInBatches(text, open, batchBytes, control, BatchWork{&readBatch, nullptr}, close);
}

BulkOutcome readArrayInBatches(TextWindow& text, std::size_t open, std::size_t batchBytes, const LoadControl* control,
                               BatchDecoder& decoder, std::size_t& close)
{
    return readInBatches(text, open, batchBytes, control, BatchWork{nullptr, &decoder}, close);
}

} // namespace tracedelta
