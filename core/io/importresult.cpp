// SPDX-License-Identifier: GPL-3.0-or-later
#include "importresult.h"

namespace tracedelta {

TraceBuilder& TraceGroups::builderFor(const std::string& traceId)
{
    auto [it, inserted] = m_index.try_emplace(traceId, m_order.size());
    if (inserted)
        m_order.push_back(std::make_unique<TraceBuilder>(m_format, m_sourceFile, traceId));
    return *m_order[it->second];
}

void TraceGroups::addFileDiagnostic(Diagnostic::Severity severity, const QString& message)
{
    m_fileDiagnostics.push_back({severity, message});
}

std::vector<TracePtr> TraceGroups::build()
{
    std::vector<TracePtr> traces;
    for (auto& builder : m_order) {
        for (const Diagnostic& d : m_fileDiagnostics)
            builder->addDiagnostic(d.severity, d.message);
        traces.push_back(builder->build());
    }
    return traces;
}

bool failedRead(const JsonRecordReader::Result& read, ImportResult& result)
{
    if (read.cancelled) {
        result.cancelled = true;
        return true;
    }
    if (!read.ok) {
        result.problem = QString::fromStdString(read.errorMessage);
        result.problemOffset = read.errorOffset;
        return true;
    }
    return false;
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
