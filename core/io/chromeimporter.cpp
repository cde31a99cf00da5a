// SPDX-License-Identifier: GPL-3.0-or-later
#include "chromeimporter.h"

#include "chromeeventreader.h"
#include "jsonbatches.h"
#include "jsonpipeline.h"
#include "recordbatches.h"
#include "simdjsonvalues.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <optional>

namespace tracedelta {

namespace {

// The bulk path: simdjson On-Demand reads the events straight into the reader, without a
// DOM per event. It gives up (and the robust nlohmann path reads the file instead, with its
// messages, diagnostics and tolerance of a missing "]") on anything it cannot read exactly
// as that path would: a syntax error, a truncated file, a number beyond 64 bits, arguments
// nested deeper than the limit.
class SimdChromeReader
{
public:
    // `maxNesting`: values nested deeper make the reader give up. By default a little inside
    // the load limit: the robust path cuts values nested deeper than the limit inside an event
    // (the event and "args" are levels of their own), so near the limit it decides.
    SimdChromeReader(ChromeEventReader& reader, const LoadControl* control, std::optional<int> maxNesting = std::nullopt)
        : m_reader(reader)
        , m_control(control)
        , m_maxNesting(maxNesting.value_or((control ? control->limits.maxValueNesting : LoadLimits().maxValueNesting) - 3))
        , m_values(m_maxNesting)
    {
    }

    using Outcome = BulkOutcome;

    // One event (one the robust reader recovered), without progress or Cancel.
    Outcome readRecord(simdjson::ondemand::value& value)
    {
        if (!readEvent(value, m_event))
            return Outcome::GaveUp;
        m_reader.readEvent(m_event);
        return Outcome::Done;
    }


    // For progress: the size of the whole text (0 when someone else reports progress).
    void setProgressTotal(std::size_t bytes) { m_progressTotal = bytes; }

    // The traceEvents array a batch of events at a time (see readArrayInBatches): the
    // parser's index covers one batch, not the file, Cancel is seen within a batch, and a
    // text read through a window needs only the batch in memory. NotApplicable when the
    // document's frame is one only read() reads (no plainly named array).
    Outcome readInBatches(TextWindow& text, DocumentShape shape, SpanLimit& limit)
    {
        const std::size_t batchBytes = m_control ? m_control->bulkBatchBytes : LoadControl().bulkBatchBytes;
        if (batchBytes == 0)
            return Outcome::NotApplicable;
        const bool bareArray = shape == DocumentShape::ChromeArray;
        const std::size_t open = bareArray ? findTopLevelArray(text) : findFirstArrayMember(text, "traceEvents");
        if (open == std::string_view::npos)
            return Outcome::NotApplicable;
        // What surrounds the array is read as read() reads it, with the array left empty; the
        // part before it is in the window now, not once the batches have moved on.
        std::string frame(bareArray ? std::string_view() : text.range(0, open + 1));
        std::size_t close = 0;
        EventBatches decoder(*this, limit);
        if (const Outcome o = readArrayInBatches(text, open, batchBytes, m_control, decoder, close); o != Outcome::Done)
            return o;
        const std::string_view after = text.rest(close);
        if (bareArray)
            return after.find_first_not_of(" \t\r\n", 1) == std::string_view::npos ? Outcome::Done : Outcome::GaveUp;
        frame.reserve(frame.size() + after.size() + simdjson::SIMDJSON_PADDING);
        frame.append(after);
        m_progressBase = 0;
        return read(frame, frame.capacity(), shape, limit);
    }

    Outcome read(std::string_view text, std::size_t capacity, DocumentShape shape, SpanLimit& limit)
    {
        const PaddedInput input(text, capacity);
        simdjson::ondemand::parser parser;
        simdjson::ondemand::document doc;
        if (parser.iterate(input.view()).get(doc))
            return Outcome::GaveUp;
        if (shape == DocumentShape::ChromeArray) {
            simdjson::ondemand::array events;
            if (doc.get_array().get(events))
                return Outcome::GaveUp;
            if (const Outcome o = readEvents(events, doc, text, limit); o != Outcome::Done)
                return o;
        } else {
            simdjson::ondemand::object root;
            if (doc.get_object().get(root))
                return Outcome::GaveUp;
            for (auto field : root) {
                std::string_view key;
                if (SimdValueReader::keyError(field, key))
                    return Outcome::GaveUp;
                simdjson::ondemand::value value = field.value();
                if (key != "traceEvents") {
                    if (!SimdValueReader::skip(value))
                        return Outcome::GaveUp;
                    continue;
                }
                simdjson::ondemand::array events;
                if (value.get_array().get(events))
                    return Outcome::GaveUp;
                if (const Outcome o = readEvents(events, doc, text, limit); o != Outcome::Done)
                    return o;
            }
        }
        // Anything after the document (the robust path says what) makes the fast path give up.
        const char* after = nullptr;
        if (!doc.current_location().get(after))
            return Outcome::GaveUp;
        return Outcome::Done;
    }

private:
    Outcome readEvents(simdjson::ondemand::array& events, simdjson::ondemand::document& doc, std::string_view text, SpanLimit& limit)
    {
        for (auto element : events) {
            simdjson::ondemand::value value;
            if (element.get(value) || !readEvent(value, m_event))
                return Outcome::GaveUp;
            m_reader.readEvent(m_event);
            if (!limit.allows(m_reader.eventCount()))
                return Outcome::LimitExceeded;
            if ((m_reader.eventCount() & 0x3fff) == 0 && m_control) {
                if (m_control->cancelled())
                    return Outcome::Cancelled;
                const char* at = nullptr;
                if (m_control->progress && !doc.current_location().get(at))
                    m_control->progress(static_cast<std::int64_t>(m_progressBase + (at - text.data())),
                                        static_cast<std::int64_t>(m_progressTotal ? m_progressTotal : text.size()));
            }
        }
        return Outcome::Done;
    }

    bool readEvent(simdjson::ondemand::value value, ChromeEvent& event)
    {
        m_values.clear();
        return decodeEvent(value, event, m_values);
    }

    // The fields of one event; its views point into the document or into `values`.
    static bool decodeEvent(simdjson::ondemand::value value, ChromeEvent& event, SimdValueReader& values)
    {
        event.clear();
        return forEachMember(value, event.isObject, [&](std::string_view key, simdjson::ondemand::value& v) {
            if (key == "ph")
                return values.text(v, event.ph);
            if (key == "name")
                return values.text(v, event.name);
            if (key == "cat")
                return values.text(v, event.cat);
            if (key == "pid")
                return values.text(v, event.pid);
            if (key == "tid")
                return values.text(v, event.tid);
            if (key == "id" || key == "id2")
                return values.text(v, event.id);
            if (key == "ts")
                return SimdValueReader::micros(v, event.ts);
            if (key == "dur")
                return SimdValueReader::micros(v, event.dur);
            if (key == "args")
                return decodeArgs(v, event, values);
            return SimdValueReader::skip(v);
        });
    }

    static bool decodeArgs(simdjson::ondemand::value& v, ChromeEvent& event, SimdValueReader& values)
    {
        const bool read = forEachMember(v, [&](std::string_view key, simdjson::ondemand::value& value) {
            std::string_view valueText;
            if (!values.text(value, valueText))
                return false;
            // Duplicate keys: the last one wins, as in nlohmann's object.
            const auto same = std::find_if(event.args.begin(), event.args.end(), [key](const auto& a) { return a.first == key; });
            if (same != event.args.end())
                event.args.erase(same);
            event.args.emplace_back(key, valueText);
            return true;
        });
        if (!read)
            return false;
        // In key order, as the robust path's nlohmann object holds them.
        std::sort(event.args.begin(), event.args.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        return true;
    }

    // The events array's batches in two steps (see BatchDecoder): a batch's events are walked
    // into a slot (on the helper thread when two cores read), then handed to the reader.
    class EventBatches final : public RecordBatches<ChromeEvent, SimdValueReader>
    {
    public:
        EventBatches(SimdChromeReader& owner, SpanLimit& limit)
            : RecordBatches(owner.m_maxNesting, 64, limit, owner.m_control, owner.m_progressTotal)
            , m_reader(owner.m_reader)
        {
        }

        BulkOutcome decode(int slot, simdjson::ondemand::array& elements, std::string_view text) override
        {
            Slot& s = begin(slot, text);
            s.walker.clear();
            for (auto element : elements) {
                simdjson::ondemand::value value;
                if (element.get(value) || !decodeEvent(value, add(s), s.walker))
                    return Outcome::GaveUp;
            }
            return Outcome::Done;
        }

        BulkOutcome map(int slot, std::size_t textOffset) override
        {
            return mapSlot(
                slot, textOffset, [this](const ChromeEvent& event) { m_reader.readEvent(event); }, [this] { return m_reader.eventCount(); });
        }

    private:
        ChromeEventReader& m_reader;
    };

    ChromeEventReader& m_reader;
    const LoadControl* m_control;
    int m_maxNesting;
    ChromeEvent m_event;
    SimdValueReader m_values;
    std::size_t m_progressBase = 0;
    std::size_t m_progressTotal = 0;
};

std::string chromeTraceName(const QString& sourceFile)
{
    QString traceName = QFileInfo(sourceFile).fileName();
    for (const char* suffix : {".gz", ".json"}) {
        if (traceName.endsWith(QLatin1String(suffix)))
            traceName.chop(static_cast<int>(qstrlen(suffix)));
    }
    return traceName.toStdString();
}

// One reading of a Chrome trace-event file, whichever tier reads it (see jsonpipeline.h).
class ChromePass
{
public:
    ChromePass(const QString& sourceFile, const LoadControl* control)
        : m_control(control)
        , m_builder(TraceFormat::Chrome, sourceFile, chromeTraceName(sourceFile))
        , m_reader(m_builder, control)
        , m_fast(m_reader, control)
    {
    }

    void setProgressTotal(std::size_t bytes) { m_fast.setProgressTotal(bytes); }
    BulkOutcome readInBatches(TextWindow& text, DocumentShape shape, SpanLimit& limit) { return m_fast.readInBatches(text, shape, limit); }
    BulkOutcome readWhole(std::string_view text, std::size_t capacity, DocumentShape shape, SpanLimit& limit)
    {
        return m_fast.read(text, capacity, shape, limit);
    }

    bool readRobustly(std::string_view text, DocumentShape shape, SpanLimit& limit, ImportResult& result)
    {
        using Visit = JsonRecordReader::Visit;
        const auto isEvent = [shape](const JsonPath& path, JsonValueKind) {
            if (shape == DocumentShape::ChromeArray)
                return path.size() == 1 ? Visit::Capture : Visit::Skip;
            return path.size() == 2 && path[0] == "traceEvents" ? Visit::Capture : Visit::Skip;
        };
        // The events the robust reader recovers go to the bulk reader's mapper; their depth
        // is already cut to the limit.
        SimdChromeReader recovery(m_reader, nullptr, (m_control ? m_control->limits : LoadLimits()).maxValueNesting + 1);
        const auto onEvent = [&](simdjson::ondemand::value& event, const JsonPath&) {
            const BulkOutcome o = recovery.readRecord(event);
            return o == BulkOutcome::Done && !limit.allows(m_reader.eventCount()) ? BulkOutcome::LimitExceeded : o;
        };
        int unreadable = 0;
        const JsonRecordReader::Result read = readRecordsRobustly(text, isEvent, onEvent, m_control, unreadable);
        // The format allows the closing "]" to be missing (a trace written by a process that
        // was killed); only an end of input inside the event array qualifies.
        const bool unterminatedArray = !read.ok && !read.cancelled && read.errorOffset >= text.size()
            && read.depthAtError >= (shape == DocumentShape::ChromeArray ? 1 : 2);
        if (limit.reportIfExceeded(result) || (!unterminatedArray && failedRead(read, result, m_reader.eventCount())))
            return false;
        reportReaderNotes(read, m_builder);
        if (unterminatedArray && read.endedInsideRecord)
            m_builder.addDiagnostic(Diagnostic::Severity::Warning,
                                    QCoreApplication::translate("Importer", "the file ends inside an event; that event was ignored"));
        ProblemTally problems;
        reportUnreadableRecords(unreadable, problems);
        problems.reportTo(m_builder);
        return true;
    }

    void finish(ImportResult& result) { finishChrome(m_reader, m_builder, result); }

private:
    const LoadControl* m_control;
    TraceBuilder m_builder;
    ChromeEventReader m_reader;
    SimdChromeReader m_fast;
};

} // namespace

namespace {

// Trace events: an array of objects with a phase ("ph"), or an object with "traceEvents".
std::optional<DocumentShape> chromeShapeOfArray(const nlohmann::json& first)
{
    return first.is_object() && first.contains("ph") ? std::optional(DocumentShape::ChromeArray) : std::nullopt;
}

std::optional<DocumentShape> chromeShapeOfObject(const std::set<std::string>& keys)
{
    return keys.count("traceEvents") || keys.count("ph") ? std::optional(DocumentShape::ChromeObject) : std::nullopt;
}

} // namespace

FormatReader chromeFormatReader()
{
    return {TraceFormat::Chrome, nullptr, chromeShapeOfArray, chromeShapeOfObject, {"traceEvents"},
            jsonpipeline::import<ChromePass>, jsonpipeline::importStreamed<ChromePass>};
}

} // namespace tracedelta
