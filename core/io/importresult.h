// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"
#include "../model/tracebuilder.h"
#include "jsonrecordreader.h"

#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace tracedelta {

// What one importer made of one file: its traces, or the reason it could not load.
struct ImportResult
{
    std::vector<TracePtr> traces;
    QString problem;                       // fatal: nothing usable was loaded
    std::optional<std::size_t> problemOffset; // byte offset of a fatal syntax error
    bool cancelled = false;
};

// Collects spans into one builder per trace id, in order of first appearance.
class TraceGroups
{
public:
    TraceGroups(TraceFormat format, QString sourceFile)
        : m_format(format)
        , m_sourceFile(std::move(sourceFile))
    {
    }

    TraceBuilder& builderFor(const std::string& traceId);
    bool empty() const { return m_order.empty(); }
    // File-level diagnostics (e.g. skipped records) go to every trace of the file.
    void addFileDiagnostic(Diagnostic::Severity severity, const QString& message);
    std::vector<TracePtr> build();

private:
    TraceFormat m_format;
    QString m_sourceFile;
    std::map<std::string, std::size_t> m_index;
    std::vector<std::unique_ptr<TraceBuilder>> m_order;
    Diagnostics m_fileDiagnostics;
};

// Turns a reader failure into an ImportResult. Returns true when reading failed.
bool failedRead(const JsonRecordReader::Result& read, ImportResult& result);

} // namespace tracedelta

namespace tracedelta {

// Counts recoverable problems by kind while a file is read, then reports each kind once
// ("3 spans have no duration") instead of once per span. Messages are %n templates in the
// "Importer" translation context, marked with QT_TRANSLATE_NOOP where they are written.
class ProblemTally
{
public:
    void add(const char* messageTemplate, Diagnostic::Severity severity = Diagnostic::Severity::Warning);
    void reportTo(TraceGroups& groups) const;
    void reportTo(TraceBuilder& builder) const;

private:
    struct Entry
    {
        Diagnostic::Severity severity;
        int count;
    };
    std::vector<std::pair<const char*, Entry>> m_entries;
};

} // namespace tracedelta
