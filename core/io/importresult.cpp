// SPDX-License-Identifier: GPL-3.0-or-later
#include "importresult.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace tracedelta {

TraceBuilder& TraceGroups::builderFor(const std::string& traceId)
{
    auto [it, inserted] = m_index.try_emplace(traceId, m_order.size());
    if (inserted)
    {
        m_order.push_back(std::make_unique<TraceBuilder>(m_format, m_sourceFile, traceId));
        m_order.back()->setSpanTally(&m_spanCount);
        m_order.back()->setCancelFlag(m_cancel);
    }
    return *m_order[it->second];
}

void TraceGroups::addFileDiagnostic(Diagnostic::Severity severity, const QString& message)
{
    m_fileDiagnostics.push_back({severity, message});
}

void TraceGroups::buildInto(ImportResult& result)
{
    for (auto& builder : m_order) {
        for (const Diagnostic& d : m_fileDiagnostics)
            builder->addDiagnostic(d.severity, d.message);
        TracePtr trace = builder->build();
        if (!trace) {
            result.traces.clear();
            result.cancelled = true;
            return;
        }
        result.traces.push_back(std::move(trace));
    }
}

bool failedRead(const JsonRecordReader::Result& read, ImportResult& result, std::int64_t spansRead)
{
    if (read.cancelled) {
        result.cancelled = true;
        return true;
    }
    if (read.outOfMemory) {
        result.outOfMemory = true;
        result.spansRead = spansRead;
        const int spans = static_cast<int>(std::min<std::int64_t>(spansRead, INT32_MAX));
        result.problem = QCoreApplication::translate("Importer", "not enough memory to load this file (%n span(s) read)", nullptr, spans);
        return true;
    }
    if (!read.ok) {
        result.problem = QString::fromStdString(read.errorMessage);
        result.problemOffset = read.errorOffset;
        return true;
    }
    return false;
}

bool SpanLimit::reportIfExceeded(ImportResult& result) const
{
    if (!m_exceeded)
        return false;
    result.problem = QCoreApplication::translate("Importer", "the file holds more than %1 spans, the limit for one file "
                                                             "(raise it with --max-spans, or Edit → Load Limits in the window)")
                         .arg(m_limit);
    return true;
}

namespace {
QString truncatedValuesMessage(const JsonRecordReader::Result& read)
{
    return QCoreApplication::translate("Importer", "%n value(s) nested too deeply were cut off and are shown as \"%1\"",
                                       nullptr, read.truncatedValues)
        .arg(QString::fromUtf8(TruncatedValueMarker));
}
} // namespace

void reportReaderNotes(const JsonRecordReader::Result& read, TraceGroups& groups)
{
    if (read.truncatedValues > 0)
        groups.addFileDiagnostic(Diagnostic::Severity::Warning, truncatedValuesMessage(read));
}

void reportReaderNotes(const JsonRecordReader::Result& read, TraceBuilder& builder)
{
    if (read.truncatedValues > 0)
        builder.addDiagnostic(Diagnostic::Severity::Warning, truncatedValuesMessage(read));
}

} // namespace tracedelta

#include <QCoreApplication>

namespace tracedelta {

void ProblemTally::add(const char* messageTemplate, Diagnostic::Severity severity)
{
    for (auto& [text, entry] : m_entries) {
        if (text == messageTemplate) {
            ++entry.count;
            return;
        }
    }
    m_entries.push_back({messageTemplate, {severity, 1}});
}

void ProblemTally::reportTo(TraceGroups& groups) const
{
    for (const auto& [text, entry] : m_entries)
        groups.addFileDiagnostic(entry.severity, QCoreApplication::translate("Importer", text, nullptr, entry.count));
}

void ProblemTally::reportTo(TraceBuilder& builder) const
{
    for (const auto& [text, entry] : m_entries)
        builder.addDiagnostic(entry.severity, QCoreApplication::translate("Importer", text, nullptr, entry.count));
}

} // namespace tracedelta
