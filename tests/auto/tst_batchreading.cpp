// SPDX-License-Identifier: GPL-3.0-or-later
// readArrayInBatches, the batched reading all four JSON formats share, on one core and on
// two (a helper thread prepares the next batch; with a BatchDecoder, as Chrome's events are
// read, it also walks every other batch): every element once and in order, and every
// way a read can end early — the reader stops, throws, the text is malformed, the source
// throws, Cancel — ends it without a hang, a crash or a lost exception. The golden agreement
// test (tst_sharedtraces) covers the formats' models; this covers the pipeline's ends.
#include "core/io/simdjsonvalues.h"
#include "core/io/textwindow.h"
#include "testsupport.h"

#include <atomic>
#include <new>
#include <stdexcept>

using namespace tracedelta;

namespace {

// [{"i":0,"pad":"…"},{"i":1,…},…]: objects of varied size, so batches cut in varied places.
std::string numberedArray(int count)
{
    std::string text = "[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += i % 3 == 0 ? ",\n" : ",";
        text += "{\"i\":" + std::to_string(i) + ",\"pad\":\"" + std::string(static_cast<std::size_t>(i % 17), 'x') + "\"}";
    }
    text += "]";
    return text;
}

// A text that arrives `piece` bytes at a time, as a file read through the window does.
TextWindow arriving(const std::string& text, std::size_t piece, std::size_t& at)
{
    return TextWindow(
        [&text, piece, &at](char* into, std::size_t room) {
            const std::size_t n = std::min({room, piece, text.size() - at});
            std::copy_n(text.data() + at, n, into);
            at += n;
            return n;
        },
        piece);
}

// Each element's "i", in order; false on anything else.
bool appendNumbers(simdjson::ondemand::array& elements, std::vector<std::int64_t>& out)
{
    for (auto element : elements) {
        simdjson::ondemand::object object;
        if (element.get_object().get(object))
            return false;
        std::int64_t i = -1;
        for (auto field : object) {
            std::string_view key;
            if (field.unescaped_key().get(key))
                return false;
            if (key == "i" && field.value().get_int64().get(i))
                return false;
        }
        out.push_back(i);
    }
    return true;
}

struct Reading
{
    BulkOutcome outcome = BulkOutcome::GaveUp;
    std::vector<std::int64_t> seen;
    int batches = 0;
    std::size_t close = 0;
};

// Reads `text` in batches of `batchBytes` with `threads`; `stopAt`: the batch whose reader
// returns GaveUp (-1: none); `throwAt`: the batch whose reader throws (-1: none).
Reading readNumbered(TextWindow& text, std::size_t batchBytes, int threads, const LoadControl* given = nullptr, int stopAt = -1,
                     int throwAt = -1)
{
    LoadControl control = given ? *given : LoadControl();
    control.readerThreads = threads;
    Reading reading;
    const BatchReader readBatch = [&](simdjson::ondemand::array& elements, simdjson::ondemand::document&, std::string_view, std::size_t) {
        if (reading.batches == throwAt)
            throw std::bad_alloc();
        if (reading.batches++ == stopAt)
            return BulkOutcome::GaveUp;
        return appendNumbers(elements, reading.seen) ? BulkOutcome::Done : BulkOutcome::GaveUp;
    };
    reading.outcome = readArrayInBatches(text, 0, batchBytes, &control, readBatch, reading.close);
    return reading;
}

// The same through a BatchDecoder: decode() walks a batch into its slot (on the helper for
// every other batch when two cores read), map() appends the slot's numbers in order.
class NumberedDecoder final : public BatchDecoder
{
public:
    std::vector<std::int64_t> seen;
    std::atomic<int> decoded{0}; // decode() runs on either thread
    int mapped = 0;
    int failDecodeAt = -1; // the batch (counted in decoding order) whose decode gives up
    int throwDecodeAt = -1;
    int stopMapAt = -1;

    BulkOutcome decode(int slot, simdjson::ondemand::array& elements, std::string_view) override
    {
        const int batch = m_decodeCount++;
        if (batch == throwDecodeAt)
            throw std::bad_alloc();
        if (batch == failDecodeAt)
            return BulkOutcome::GaveUp;
        std::vector<std::int64_t>& out = m_slots[static_cast<std::size_t>(slot)];
        out.clear();
        if (!appendNumbers(elements, out))
            return BulkOutcome::GaveUp;
        ++decoded;
        return BulkOutcome::Done;
    }

    BulkOutcome map(int slot, std::size_t) override
    {
        if (mapped == stopMapAt)
            return BulkOutcome::LimitExceeded;
        ++mapped;
        const std::vector<std::int64_t>& in = m_slots[static_cast<std::size_t>(slot)];
        seen.insert(seen.end(), in.begin(), in.end());
        return BulkOutcome::Done;
    }

private:
    std::atomic<int> m_decodeCount{0}; // decode() runs on either thread
    std::vector<std::int64_t> m_slots[2];
};

BulkOutcome decodeNumbered(const std::string& text, std::size_t batchBytes, int threads, NumberedDecoder& decoder)
{
    LoadControl control;
    control.readerThreads = threads;
    TextWindow window(text);
    std::size_t close = 0;
    return readArrayInBatches(window, 0, batchBytes, &control, decoder, close);
}

} // namespace

class TestBatchReading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyElementOnceAndInOrder_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("batchBytes");
        QTest::addColumn<int>("piece");
        for (const int threads : {1, 2}) {
            for (const int batchBytes : {1, 64, 4096, 1 << 20}) {
                for (const int piece : {7, 4096}) {
                    QTest::addRow("%d thread(s), batches of %d B, text in pieces of %d B", threads, batchBytes, piece)
                        << threads << batchBytes << piece;
                }
            }
        }
    }
    void everyElementOnceAndInOrder()
    {
        QFETCH(int, threads);
        QFETCH(int, batchBytes);
        QFETCH(int, piece);
        const std::string text = numberedArray(5000);
        std::size_t at = 0;
        TextWindow window = arriving(text, static_cast<std::size_t>(piece), at);
        const Reading reading = readNumbered(window, static_cast<std::size_t>(batchBytes), threads);
        QCOMPARE(reading.outcome, BulkOutcome::Done);
        QCOMPARE(reading.seen.size(), std::size_t(5000));
        for (std::size_t i = 0; i < reading.seen.size(); ++i)
            QCOMPARE(reading.seen[i], static_cast<std::int64_t>(i));
        QCOMPARE(reading.close, text.size() - 1);
        if (batchBytes == 1)
            QCOMPARE(reading.batches, 5000); // a record per batch: the cuts are all exercised
    }

    void endsEarlyWithoutHangingOrLosingTheReason()
    {
        const std::string text = numberedArray(5000);
        for (const int threads : {1, 2}) {
            // The reader gives up at its fifth batch: nothing after it is read.
            TextWindow whole(text);
            const Reading stopped = readNumbered(whole, 64, threads, nullptr, 4);
            QCOMPARE(stopped.outcome, BulkOutcome::GaveUp);
            QCOMPARE(stopped.batches, 5);

            // The reader throws at its third batch: the exception reaches the caller.
            TextWindow again(text);
            QVERIFY_THROWS_EXCEPTION(std::bad_alloc, readNumbered(again, 64, threads, nullptr, -1, 2));

            // Cut off in the middle of an element: GaveUp (the robust reader says what).
            const std::string cut = text.substr(0, text.size() / 2);
            TextWindow truncated(cut);
            QCOMPARE(readNumbered(truncated, 64, threads).outcome, BulkOutcome::GaveUp);

            // Cancel: seen between batches.
            std::atomic<bool> cancel{true};
            LoadControl control;
            control.cancel = &cancel;
            TextWindow cancelled(text);
            const Reading reading = readNumbered(cancelled, 64, threads, &control);
            QCOMPARE(reading.outcome, BulkOutcome::Cancelled);
            QVERIFY(reading.seen.size() < 5000);
        }
    }

    void aDecoderSeesEveryElementOnceAndInOrder()
    {
        const std::string text = numberedArray(5000);
        for (const int threads : {1, 2}) {
            for (const std::size_t batchBytes : {std::size_t(1), std::size_t(64), std::size_t(4096)}) {
                NumberedDecoder decoder;
                QCOMPARE(decodeNumbered(text, batchBytes, threads, decoder), BulkOutcome::Done);
                QCOMPARE(decoder.seen.size(), std::size_t(5000));
                for (std::size_t i = 0; i < decoder.seen.size(); ++i)
                    QCOMPARE(decoder.seen[i], static_cast<std::int64_t>(i));
                QCOMPARE(decoder.mapped, decoder.decoded.load());
            }
        }
    }

    void aDecoderEndsEarlyWithoutHangingOrLosingTheReason()
    {
        const std::string text = numberedArray(5000);
        for (const int threads : {1, 2}) {
            NumberedDecoder givesUp;
            givesUp.failDecodeAt = 7;
            QCOMPARE(decodeNumbered(text, 64, threads, givesUp), BulkOutcome::GaveUp);
            // Batches are decoded on two threads, so the eighth decode may be a batch ahead.
            QVERIFY(givesUp.mapped <= givesUp.failDecodeAt + 1);

            NumberedDecoder throws;
            throws.throwDecodeAt = 5; // on the helper thread, with two (an odd batch's)
            QVERIFY_THROWS_EXCEPTION(std::bad_alloc, decodeNumbered(text, 64, threads, throws));

            NumberedDecoder stops;
            stops.stopMapAt = 3;
            QCOMPARE(decodeNumbered(text, 64, threads, stops), BulkOutcome::LimitExceeded);
            QCOMPARE(stops.mapped, 3);

            NumberedDecoder truncated;
            QCOMPARE(decodeNumbered(text.substr(0, text.size() / 2), 64, threads, truncated), BulkOutcome::GaveUp);
        }
    }

    // The source of a streamed text throws (out of memory while inflating) on the helper thread.
    void aFailingSourceReachesTheCaller()
    {
        const std::string text = numberedArray(5000);
        for (const int threads : {1, 2}) {
            std::size_t at = 0;
            TextWindow window(
                [&](char* into, std::size_t room) -> std::size_t {
                    if (at > text.size() / 2)
                        throw std::bad_alloc();
                    const std::size_t n = std::min({room, std::size_t(512), text.size() - at});
                    std::copy_n(text.data() + at, n, into);
                    at += n;
                    return n;
                },
                512);
            QVERIFY_THROWS_EXCEPTION(std::bad_alloc, readNumbered(window, 64, threads));
        }
    }
};

QTEST_GUILESS_MAIN(TestBatchReading)
#include "tst_batchreading.moc"
