// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonrecordreader.h"

#include <algorithm>
#include <iterator>

namespace tracedelta {

namespace {

using json = nlohmann::json;

// Feeds bytes to the parser and, every megabyte, reports progress and checks for cancel.
struct Ticker
{
    const char* begin = nullptr;
    const char* nextTick = nullptr;
    std::int64_t total = 0;
    const LoadControl* control = nullptr;
    bool cancelled = false;

    void tick(const char* at)
    {
        nextTick = at + (1 << 20);
        if (!control)
            return;
        if (control->progress)
            control->progress(at - begin, total);
        cancelled = control->cancelled();
    }
};

struct CountingIterator
{
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at = nullptr;
    Ticker* ticker = nullptr;

    reference operator*() const { return *at; }
    CountingIterator& operator++()
    {
        ++at;
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator old = *this;
        ++at;
        return old;
    }
    bool operator==(const CountingIterator& other) const
    {
        if (at >= ticker->nextTick)
            ticker->tick(at);
        return at == other.at;
    }
    bool operator!=(const CountingIterator& other) const { return !(*this == other); }
};

class RecordHandler : public nlohmann::json_sax<json>
{
public:
    RecordHandler(const JsonRecordReader::RecordPredicate& isRecord, const JsonRecordReader::RecordSink& sink,
                  Ticker& ticker, JsonRecordReader::Result& result)
        : m_isRecord(isRecord)
        , m_sink(sink)
        , m_ticker(ticker)
        , m_result(result)
    {
    }

    ~RecordHandler() override { releaseJsonWithoutAllocating(m_record); }

    bool null() override
    {
        return guarded([&] { return scalar(json(nullptr)); });
    }
    bool boolean(bool value) override
    {
        return guarded([&] { return scalar(json(value)); });
    }
    bool number_integer(number_integer_t value) override
    {
        return guarded([&] { return scalar(json(value)); });
    }
    bool number_unsigned(number_unsigned_t value) override
    {
        return guarded([&] { return scalar(json(value)); });
    }
    bool number_float(number_float_t value, const string_t&) override
    {
        return guarded([&] { return scalar(json(value)); });
    }
    bool string(string_t& value) override
    {
        return guarded([&] { return scalar(json(std::move(value))); });
    }
    bool binary(binary_t&) override
    {
        return guarded([&] { return scalar(json(nullptr)); });
    }

    bool start_object(std::size_t) override
    {
        return guarded([&] { return startContainer(JsonValueKind::Object); });
    }
    bool start_array(std::size_t) override
    {
        return guarded([&] { return startContainer(JsonValueKind::Array); });
    }
    bool end_object() override
    {
        return guarded([&] { return endContainer(); });
    }
    bool end_array() override
    {
        return guarded([&] { return endContainer(); });
    }

    bool key(string_t& name) override
    {
        return guarded([&] {
            if (m_ticker.cancelled)
                return false;
            if (m_skipDepth > 0)
                return true;
            if (!m_building.empty()) {
                m_pendingKey = std::move(name);
                return true;
            }
            m_path.back() = std::move(name);
            return true;
        });
    }

    // Called when an allocation failed outside the handler (in the parser itself).
    void outOfMemory() noexcept
    {
        m_result.ok = false;
        m_result.outOfMemory = true;
        releaseJsonWithoutAllocating(m_record);
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override
    {
        m_result.ok = false;
        m_result.errorOffset = position > 0 ? position - 1 : 0; // nlohmann counts the offending byte as read
        m_result.endedInsideRecord = !m_building.empty();
        m_result.depthAtError = m_depth;
        std::string what = error.what();
        if (const auto colon = what.find(": "); colon != std::string::npos && what.find("parse error") != std::string::npos)
            what = what.substr(colon + 2);
        m_result.errorMessage = what;
        return false;
    }

private:
    // An allocation failure anywhere in a callback (building the record, or the importer's
    // sink filling the model) stops the parse cleanly; the caller reports the file.
    template<typename Callback>
    bool guarded(Callback&& callback) noexcept
    {
        try {
            return callback();
        } catch (const std::bad_alloc&) {
            outOfMemory();
            return false;
        }
    }

    // Path of the value that starts now, relative to the open containers.
    JsonRecordReader::Visit visit(JsonValueKind kind)
    {
        const auto decision = m_isRecord(m_path, kind);
        if (decision == JsonRecordReader::Visit::Stop)
            m_result.stopped = true;
        return decision;
    }

    bool scalar(json&& value)
    {
        if (m_ticker.cancelled)
            return false;
        if (m_skipDepth > 0)
            return true;
        if (!m_building.empty()) {
            insert(std::move(value));
            return true;
        }
        if (m_depth == 0)
            m_result.rootCompleted = true;
        switch (visit(JsonValueKind::Scalar)) {
        case JsonRecordReader::Visit::Capture:
            return emit(std::move(value));
        case JsonRecordReader::Visit::Stop:
            return false;
        case JsonRecordReader::Visit::Skip:
            break;
        }
        return true;
    }

    bool startContainer(JsonValueKind kind)
    {
        if (m_ticker.cancelled)
            return false;
        if (m_skipDepth > 0) {
            ++m_skipDepth;
            ++m_depth;
            return true;
        }
        const json fresh = kind == JsonValueKind::Object ? json::object() : json::array();
        if (!m_building.empty()) {
            if (static_cast<int>(m_building.size()) >= m_maxNesting) {
                // Deeper values would make every later walk over the record (dump, compare,
                // destroy) as deep as the input wants; keep a marker and skip the rest.
                insert(json(TruncatedValueMarker));
                ++m_result.truncatedValues;
                m_skipDepth = 1;
                ++m_depth;
                return true;
            }
            m_building.push_back(insert(json(fresh)));
        } else {
            const auto decision = visit(kind);
            if (decision == JsonRecordReader::Visit::Stop)
                return false;
            if (decision == JsonRecordReader::Visit::Capture) {
                releaseJsonWithoutAllocating(m_record);
                m_record = fresh;
                m_recordDepth = m_depth;
                m_building.push_back(&m_record);
            }
        }
        ++m_depth;
        if (m_building.empty())
            m_path.push_back(kind == JsonValueKind::Array ? std::string("[]") : std::string());
        return true;
    }

    bool endContainer()
    {
        --m_depth;
        if (m_skipDepth > 0) {
            --m_skipDepth;
            return true;
        }
        if (!m_building.empty()) {
            m_building.pop_back();
            if (m_building.empty()) {
                m_path.resize(static_cast<std::size_t>(m_recordDepth));
                if (m_depth == 0)
                    m_result.rootCompleted = true;
                return emit(std::move(m_record));
            }
            return true;
        }
        m_path.pop_back();
        if (m_depth == 0)
            m_result.rootCompleted = true;
        return true;
    }

    json* insert(json&& value)
    {
        json& parent = *m_building.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        json& slot = parent[m_pendingKey];
        slot = std::move(value);
        return &slot;
    }

    bool emit(json&& record)
    {
        if (!m_sink(std::move(record), m_path)) {
            m_result.stopped = true;
            return false;
        }
        return true;
    }

    const JsonRecordReader::RecordPredicate& m_isRecord;
    const JsonRecordReader::RecordSink& m_sink;
    Ticker& m_ticker;
    JsonRecordReader::Result& m_result;

    JsonPath m_path;
    int m_depth = 0;
    json m_record;
    int m_recordDepth = 0;
    std::vector<json*> m_building;
    std::string m_pendingKey;
    int m_skipDepth = 0; // > 0 while inside a value cut off for its depth
    int m_maxNesting = LoadLimits().maxValueNesting;

public:
    void setMaxNesting(int levels) { m_maxNesting = std::max(1, levels); }
};

} // namespace

JsonRecordReader::Result JsonRecordReader::read(std::string_view text, const RecordPredicate& isRecord,
                                                const RecordSink& sink, const LoadControl* control) const
{
    Result result;
    Ticker ticker;
    ticker.begin = text.data();
    ticker.nextTick = text.data();
    ticker.total = static_cast<std::int64_t>(text.size());
    ticker.control = control;
    RecordHandler handler(isRecord, sink, ticker, result);
    if (control)
        handler.setMaxNesting(control->limits.maxValueNesting);
    CountingIterator first{text.data(), &ticker};
    CountingIterator last{text.data() + text.size(), &ticker};
    try {
        json::sax_parse(first, last, &handler, nlohmann::detail::input_format_t::json, true);
    } catch (const std::bad_alloc&) {
        handler.outOfMemory();
    }
    if (ticker.cancelled) {
        result.cancelled = true;
        result.ok = false;
    }
    return result;
}

void releaseJsonWithoutAllocating(nlohmann::json& value) noexcept
{
    // The path of open containers lives in a fixed array. Records are at most
    // LoadLimits::maxValueNesting deep, well inside it; a deeper value (not from this
    // reader) is handed to nlohmann's own destructor below that level.
    constexpr int MaxPath = 256;
    json* path[MaxPath];
    int depth = 0;
    path[depth++] = &value;
    const auto removeLast = [](json& container) {
        if (container.is_array())
            container.get_ref<json::array_t&>().pop_back();
        else
            container.get_ref<json::object_t&>().erase(std::prev(container.get_ref<json::object_t&>().end()));
    };
    while (depth > 0) {
        json& at = *path[depth - 1];
        if (!at.is_structured() || at.empty()) {
            if (--depth > 0)
                removeLast(*path[depth - 1]); // a scalar or an empty container: freed without allocating
            continue;
        }
        json& last = at.is_array() ? at.get_ref<json::array_t&>().back()
                                   : std::prev(at.get_ref<json::object_t&>().end())->second;
        if (last.is_structured() && !last.empty() && depth < MaxPath)
            path[depth++] = &last;
        else
            removeLast(at);
    }
}

std::string describeOffset(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    const auto head = text.substr(0, offset);
    const auto line = std::count(head.begin(), head.end(), '\n') + 1;
    const auto lastNewline = head.rfind('\n');
    const auto column = lastNewline == std::string_view::npos ? offset + 1 : offset - lastNewline;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

} // namespace tracedelta
