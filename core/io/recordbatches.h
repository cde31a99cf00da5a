// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importresult.h"
#include "simdjsonvalues.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tracedelta {

// The half of a BatchDecoder that every format shares: two slots of reused records (a
// record's texts and lists keep their room from batch to batch), each with a walker of its
// own (the texts a record's views point into), and the mapping of a slot's records in order,
// with the span limit, Cancel and progress between them. A format decodes its batch into
// `add(slot)` and says in map() what one record becomes.
template <class Record, class Walker>
class RecordBatches : public BatchDecoder
{
protected:
    struct Slot
    {
        explicit Slot(int maxNesting)
            : walker(maxNesting)
        {
        }
        std::vector<Record> records; // [0, count) this batch's; the rest kept for their room
        std::size_t count = 0;
        std::size_t bytes = 0;
        Walker walker;
    };

    // `minRecordBytes`: the least a record takes in the text, for the room reserve() takes.
    RecordBatches(int maxNesting, std::size_t minRecordBytes, SpanLimit& limit, const LoadControl* control, const std::size_t& progressTotal)
        : m_slots{Slot(maxNesting), Slot(maxNesting)}
        , m_minRecordBytes(minRecordBytes)
        , m_limit(limit)
        , m_control(control)
        , m_progressTotal(progressTotal)
    {
    }

    // Only before two cores read: a small file, read on one, takes no room up front.
    void reserve(std::size_t batchBytes) override
    {
        for (Slot& slot : m_slots)
            slot.records.reserve(batchBytes / m_minRecordBytes + 1);
    }

    // A slot emptied for the batch whose text is `text`.
    Slot& begin(int slot, std::string_view text)
    {
        Slot& s = m_slots[slot];
        s.count = 0;
        s.bytes = text.size();
        return s;
    }

    // The slot's next record, as new.
    static Record& add(Slot& s)
    {
        if (s.count == s.records.size())
            s.records.emplace_back();
        Record& record = s.records[s.count++];
        record.clear();
        return record;
    }

    // Hands the slot's records to `take` in order; `spans()` says how many spans the model
    // holds so far (for the limit).
    template <class Take, class Spans>
    BulkOutcome mapSlot(int slot, std::size_t textOffset, Take&& take, Spans&& spans)
    {
        const Slot& s = m_slots[slot];
        for (std::size_t i = 0; i < s.count; ++i) {
            take(s.records[i]);
            if (!m_limit.allows(spans()))
                return BulkOutcome::LimitExceeded;
            if ((++m_mapped & 0x3fff) == 0 && m_control) {
                if (m_control->cancelled())
                    return BulkOutcome::Cancelled;
                if (m_control->progress) {
                    const std::size_t at = textOffset + s.bytes * i / s.count;
                    m_control->progress(static_cast<std::int64_t>(at),
                                        static_cast<std::int64_t>(m_progressTotal ? m_progressTotal : textOffset + s.bytes));
                }
            }
        }
        return BulkOutcome::Done;
    }

private:
    Slot m_slots[2];
    std::size_t m_minRecordBytes;
    SpanLimit& m_limit;
    const LoadControl* m_control;
    const std::size_t& m_progressTotal; // 0 when someone else reports progress
    std::int64_t m_mapped = 0;
};

} // namespace tracedelta
