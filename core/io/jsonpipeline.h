// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatsniffer.h"
#include "importresult.h"
#include "simdjsonvalues.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace tracedelta {

// The one sequence every JSON format is read in, written once: the format's records in
// batches with simdjson (a window of the file in memory), the whole document at once where
// the layout has no list to cut, and — where neither can read the file exactly — the robust
// reader (nlohmann's SAX parser: its messages, its tolerance of truncation, duplicate keys,
// values nested too deeply), which hands each record it recovers to the *same* mapper as a
// simdjson value. So each format maps its fields once.
//
// A format supplies a Pass: the state of one reading of one file.
//   Pass(const QString& sourceFile, const LoadControl* control)
//   void setProgressTotal(std::size_t bytes)
//   BulkOutcome readInBatches(TextWindow& text, DocumentShape shape, SpanLimit& limit)
//   BulkOutcome readWhole(std::string_view text, std::size_t capacity, DocumentShape shape, SpanLimit& limit)
//   bool readRobustly(std::string_view text, DocumentShape shape, SpanLimit& limit, ImportResult& result)
//       — false when reading failed (result says why)
//   void finish(ImportResult& result) — the models, or the reason there are none
namespace jsonpipeline {

// One pass of the bulk reader: the import's result, or nothing when the pass gave up or does
// not apply (`outcome` says which).
template <class Pass, class Read>
std::optional<ImportResult> bulkPass(const QString& sourceFile, const LoadControl* control, ParserPath path,
                                     const std::function<void()>& releaseText, const Read& read, BulkOutcome& outcome)
{
    SpanLimit limit(control);
    Pass pass(sourceFile, control);
    outcome = read(pass, limit);
    if (outcome != BulkOutcome::Done)
        return unfinishedBulkPass(outcome, limit);
    // Everything is read into the builders: the file's text can go before the models are built.
    if (releaseText)
        releaseText();
    ImportResult result;
    result.parser = path;
    pass.finish(result);
    return result;
}

// A big file read through a window while it arrives: the import's result, or nothing when
// the file needs the in-memory readers (which then say what).
template <class Pass>
std::optional<ImportResult> importStreamed(TextWindow& text, DocumentShape shape, const QString& sourceFile,
                                           const LoadControl* control)
{
    BulkOutcome outcome = BulkOutcome::GaveUp;
    // Read to its end, the window's pieces go before the models are built.
    return bulkPass<Pass>(sourceFile, control, ParserPath::Streamed, [&text] { text.release(); },
                          [&](Pass& pass, SpanLimit& limit) { return pass.readInBatches(text, shape, limit); }, outcome);
}

// A file in memory: in batches, else whole, else robustly. `capacity`: bytes readable from
// text.data() (≥ size + 64 spares simdjson a copy); `releaseText` frees the text once no
// reader needs it.
template <class Pass>
ImportResult import(std::string_view text, DocumentShape shape, const QString& sourceFile, const LoadControl* control,
                    std::size_t capacity, const std::function<void()>& releaseText)
{
    if (!control || control->bulkParser) {
        TextWindow window(text);
        BulkOutcome outcome = BulkOutcome::GaveUp;
        const auto inBatches = [&](Pass& pass, SpanLimit& limit) {
            pass.setProgressTotal(text.size());
            return pass.readInBatches(window, shape, limit);
        };
        if (auto done = bulkPass<Pass>(sourceFile, control, ParserPath::BulkBatched, releaseText, inBatches, outcome))
            return std::move(*done);
        const auto whole = [&](Pass& pass, SpanLimit& limit) { return pass.readWhole(text, capacity, shape, limit); };
        if (outcome == BulkOutcome::NotApplicable) {
            if (auto done = bulkPass<Pass>(sourceFile, control, ParserPath::Bulk, releaseText, whole, outcome))
                return std::move(*done);
        }
    }
    ImportResult result;
    SpanLimit limit(control);
    Pass pass(sourceFile, control);
    if (pass.readRobustly(text, shape, limit, result))
        pass.finish(result);
    return result;
}

} // namespace jsonpipeline

// A record the robust reader recovered, as a simdjson value for the format's mapper: printed
// compactly (duplicate keys resolved, values nested too deeply already replaced by a marker)
// and parsed again. The value is valid until the next record.
class RecoveredRecord
{
public:
    // False only when simdjson cannot read what nlohmann printed (not expected).
    bool parse(const nlohmann::json& record, simdjson::ondemand::value& out);

private:
    std::string m_text;
    simdjson::ondemand::parser m_parser;
    simdjson::ondemand::document m_doc;
};

// The robust reader over a document: every record `isRecord` captures goes to `mapRecord`
// through RecoveredRecord. A record the mapper cannot read is counted in `unreadable` (the
// file's other records still load); LimitExceeded or Cancelled stop reading.
using RecoveredRecordMapper = std::function<BulkOutcome(simdjson::ondemand::value& record, const JsonPath& path)>;
JsonRecordReader::Result readRecordsRobustly(std::string_view text, const JsonRecordReader::RecordPredicate& isRecord,
                                             const RecoveredRecordMapper& mapRecord, const LoadControl* control,
                                             int& unreadable);

// The note for records the mapper could not read, for a pass's diagnostics.
void reportUnreadableRecords(int unreadable, ProblemTally& problems);

// After a robust read into trace groups: false, with `result` saying why, when reading
// failed or the span limit stopped it; else true, with what the reader cut noted.
bool robustReadSucceeded(const JsonRecordReader::Result& read, SpanLimit& limit, std::int64_t spans, TraceGroups& groups,
                         ImportResult& result);

// A pass's end for formats that group spans by trace id: the models with the file's notes,
// or `noSpans` as the problem when the file held none.
void finishGroups(TraceGroups& groups, ProblemTally& problems, int unreadable, const QString& noSpans, ImportResult& result);

} // namespace tracedelta
