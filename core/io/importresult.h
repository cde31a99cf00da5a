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

// Which reader read a file: nlohmann's (every file, the reference), simdjson over the whole
// document, simdjson a batch of records at a time, or that while the file was still arriving.
enum class ParserPath : std::uint8_t { Robust, Bulk, BulkBatched, Streamed };

// What one importer made of one file: its traces, or the reason it could not load.
struct ImportResult
{
    ParserPath parser = ParserPath::Robust;
    std::vector<TracePtr> traces;
    QString problem;                       // fatal: nothing usable was loaded
    std::optional<std::size_t> problemOffset; // byte offset of a fatal syntax error
    bool cancelled = false;
    bool outOfMemory = false;
    std::int64_t spansRead = 0; // when loading failed part-way
};

// Collects spans into one builder per trace id, in order of first appearance.
class TraceGroups
{
public:
    TraceGroups(TraceFormat format, QString sourceFile, const LoadControl* control)
        : m_format(format)
        , m_sourceFile(std::move(sourceFile))
        , m_cancel(control ? control->cancel : nullptr)
    {
    }

    TraceBuilder& builderFor(const std::string& traceId);
    bool empty() const { return m_order.empty(); }
    std::int64_t spanCount() const { return m_spanCount; }
    // File-level diagnostics (e.g. skipped records) go to every trace of the file.
    void addFileDiagnostic(Diagnostic::Severity severity, const QString& message);
    // The built traces into `result`, or result.cancelled when Cancel came first.
    void buildInto(ImportResult& result);

private:
    TraceFormat m_format;
    QString m_sourceFile;
    std::map<std::string, std::size_t> m_index;
    std::vector<std::unique_ptr<TraceBuilder>> m_order;
    Diagnostics m_fileDiagnostics;
    std::int64_t m_spanCount = 0;
    const std::atomic<bool>* m_cancel;
};

// Turns a reader failure into an ImportResult. Returns true when reading failed.
bool failedRead(const JsonRecordReader::Result& read, ImportResult& result, std::int64_t spansRead = 0);

// Stops an importer's record sink once a file holds more spans than the limit allows.
class SpanLimit
{
public:
    explicit SpanLimit(const LoadControl* control)
        : m_limit(control ? control->limits.maxSpans : LoadLimits().maxSpans)
        , m_spansRead(control ? control->spansRead : nullptr)
    {
    }
    // False (stop reading) once count (the file's spans so far) exceeds the limit.
    bool allows(std::int64_t count)
    {
        note(count);
        m_exceeded = m_exceeded || count > m_limit;
        return !m_exceeded;
    }
    // Counts the file's spans so far into LoadControl::spansRead, a few thousand at a time.
    void note(std::int64_t count)
    {
        if (m_spansRead && count - m_counted >= 4096) {
            m_spansRead->fetch_add(count - m_counted, std::memory_order_relaxed);
            m_counted = count;
        }
    }
    // Fills result with the message when the limit stopped the import; returns true then.
    bool reportIfExceeded(ImportResult& result) const;
    // Takes back what was counted into LoadControl::spansRead, for a pass whose spans are
    // read again by another reader.
    void withdraw()
    {
        if (m_spansRead)
            m_spansRead->fetch_sub(m_counted, std::memory_order_relaxed);
        m_counted = 0;
    }

private:
    std::int64_t m_limit;
    bool m_exceeded = false;
    std::atomic<std::int64_t>* m_spansRead;
    std::int64_t m_counted = 0;
};

// File-level notes about what the reader changed (values cut off for their depth).
void reportReaderNotes(const JsonRecordReader::Result& read, TraceGroups& groups);
void reportReaderNotes(const JsonRecordReader::Result& read, TraceBuilder& builder);

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
