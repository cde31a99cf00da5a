// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonpipeline.h"
#include "jsonvalues.h"

#include <QCoreApplication>

namespace tracedelta {

bool RecoveredRecord::parse(const nlohmann::json& record, simdjson::ondemand::value& out)
{
    // In an array, so a scalar record is a value like any other (simdjson reads a scalar
    // document differently); strings are valid UTF-8 already (nlohmann checked them).
    m_text.clear();
    m_text += '[';
    m_text += tracedelta::json::compactText(record);
    m_text += ']';
    const std::size_t size = m_text.size();
    m_text.append(simdjson::SIMDJSON_PADDING, ' ');
    simdjson::ondemand::array array;
    if (m_parser.iterate(simdjson::padded_string_view(m_text.data(), size, m_text.size())).get(m_doc) || m_doc.get_array().get(array))
        return false;
    for (auto element : array)
        return !element.get(out);
    return false;
}

JsonRecordReader::Result readRecordsRobustly(std::string_view text, const JsonRecordReader::RecordPredicate& isRecord,
                                             const RecoveredRecordMapper& mapRecord, const LoadControl* control,
                                             int& unreadable)
{
    RecoveredRecord recovered;
    const auto onRecord = [&](nlohmann::json&& record, const JsonPath& path) {
        simdjson::ondemand::value value;
        if (!recovered.parse(record, value)) {
            ++unreadable;
            return true;
        }
        switch (mapRecord(value, path)) {
        case BulkOutcome::Done:
        case BulkOutcome::NotApplicable:
            return true;
        case BulkOutcome::GaveUp:
            ++unreadable;
            return true;
        case BulkOutcome::Cancelled:
        case BulkOutcome::LimitExceeded:
            return false;
        }
        return true;
    };
    return JsonRecordReader().read(text, isRecord, onRecord, control);
}

void reportUnreadableRecords(int unreadable, ProblemTally& problems)
{
    for (int i = 0; i < unreadable; ++i)
        problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n record(s) could not be read and were skipped"));
}

bool robustReadSucceeded(const JsonRecordReader::Result& read, SpanLimit& limit, std::int64_t spans, TraceGroups& groups,
                         ImportResult& result)
{
    if (limit.reportIfExceeded(result) || failedRead(read, result, spans))
        return false;
    reportReaderNotes(read, groups);
    return true;
}

void finishGroups(TraceGroups& groups, ProblemTally& problems, int unreadable, const QString& noSpans, ImportResult& result)
{
    if (groups.empty()) {
        result.problem = noSpans;
        return;
    }
    reportUnreadableRecords(unreadable, problems);
    problems.reportTo(groups);
    groups.buildInto(result);
}

} // namespace tracedelta
