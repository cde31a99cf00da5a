// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlpimporter.h"

#include "jsonpipeline.h"
#include "otlpspans.h"
#include "simdjsonvalues.h"
#include "../util/timearithmetic.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <limits>
#include <optional>

namespace tracedelta {

namespace {



// The bulk path: simdjson On-Demand reads each span straight into its fields (no DOM per
// resource block, which for one service's export is the whole file). It gives up, and the
// robust path reads the file, on anything it cannot read exactly alike: a syntax error, JSON
// Lines, a block whose resource comes after its spans or whose lists are given twice (the
// robust path's DOM keeps the last), values nested deeper than it follows.
class SimdOtlpReader
{
public:
    using Outcome = BulkOutcome;

    // `maxNesting`: values nested deeper make the reader give up (the robust reader cuts
    // them). By default well inside the load limit, so that near it the robust path decides;
    // given for the records the robust reader recovered (cut to the limit already).
    SimdOtlpReader(OtlpResourceReader& reader, const TraceGroups& groups, const LoadControl* control,
                   std::optional<int> maxNesting = std::nullopt)
        : m_reader(reader)
        , m_groups(groups)
        , m_control(control)
        , m_values(maxNesting.value_or((control ? control->limits.maxValueNesting : LoadLimits().maxValueNesting) - 8))
        , m_maxAnyValueDepth(maxNesting.value_or(8))
    {
    }

    // One resource block (one the robust reader recovered), without progress or Cancel.
    Outcome readRecord(simdjson::ondemand::value& block, SpanLimit& limit) { return readResourceSpans(block, limit); }

    // For progress: the size of the whole text (0 when someone else reports progress).
    void setProgressTotal(std::size_t bytes) { m_progressTotal = bytes; }

    // Each scope's span list a batch of spans at a time (see readArrayInBatches), its
    // resource and scope read from what precedes it; the rest of the document as read()
    // reads it, with the block list left empty. NotApplicable when the layout needs read()
    // (a resource or scope after the spans, the legacy list names, JSON Lines).
    Outcome readInBatches(TextWindow& text, SpanLimit& limit, int& skippedSignals)
    {
        const std::size_t batchBytes = m_control ? m_control->bulkBatchBytes : LoadControl().bulkBatchBytes;
        if (batchBytes == 0)
            return Outcome::NotApplicable;
        const std::size_t list = findFirstMember(text, skipJsonSpace(text, 0, 0), "resourceSpans");
        if (list == std::string_view::npos || text.at(list, 0) != '[')
            return Outcome::NotApplicable;
        std::string frame(text.range(0, list));
        frame += '[';
        std::size_t at = 0;
        const auto readBlock = [&](std::size_t blockOpen, std::size_t& end) {
            return readBlockInBatches(text, blockOpen, batchBytes, limit, end);
        };
        if (const Outcome o = readObjectsOfList(text, list, readBlock, at); o != Outcome::Done)
            return o;
        const std::string_view after = text.rest(at);
        frame.reserve(frame.size() + after.size() + simdjson::SIMDJSON_PADDING);
        frame.append(after);
        m_progressBase = 0;
        return read(frame, frame.capacity(), limit, skippedSignals);
    }

    Outcome read(std::string_view text, std::size_t capacity, SpanLimit& limit, int& skippedSignals)
    {
        m_progressBase = 0;
        const PaddedInput input(text, capacity);
        simdjson::ondemand::parser parser;
        simdjson::ondemand::document doc;
        if (parser.iterate(input.view()).get(doc))
            return Outcome::GaveUp;
        m_doc = &doc;
        m_text = text;
        simdjson::ondemand::object root;
        if (doc.get_object().get(root))
            return Outcome::GaveUp;
        for (auto field : root) {
            std::string_view key;
            if (SimdValueReader::keyError(field, key))
                return Outcome::GaveUp;
            simdjson::ondemand::value value = field.value();
            if (key == "resourceLogs" || key == "resourceMetrics")
                ++skippedSignals;
            if (key != "resourceSpans" && key != "batches") {
                if (!SimdValueReader::skip(value))
                    return Outcome::GaveUp;
                continue;
            }
            simdjson::ondemand::json_type type;
            if (value.type().get(type) || type == simdjson::ondemand::json_type::object)
                return Outcome::GaveUp; // blocks as an object's members: the robust path's
            simdjson::ondemand::array blocks;
            bool ok = true;
            if (!SimdValueReader::array(value, blocks, ok)) {
                if (!ok)
                    return Outcome::GaveUp;
                continue;
            }
            for (auto element : blocks) {
                simdjson::ondemand::value block;
                if (element.get(block))
                    return Outcome::GaveUp;
                if (const Outcome o = readResourceSpans(block, limit); o != Outcome::Done)
                    return o;
            }
        }
        const char* after = nullptr;
        if (!doc.current_location().get(after))
            return Outcome::GaveUp; // something after the document (JSON Lines): the robust path reads it
        return Outcome::Done;
    }

private:
    Outcome readResourceSpans(simdjson::ondemand::value& v, SpanLimit& limit)
    {
        simdjson::ondemand::object block;
        bool ok = true;
        if (!SimdValueReader::object(v, block, ok)) {
            if (ok)
                m_reader.readResource({}); // as the robust path: a resource without a service
            return ok ? Outcome::Done : Outcome::GaveUp;
        }

        // The resource first, wherever it stands (exporters write it before or after the
        // spans), then the span lists in a second pass over the block.
        KeyValues attributes;
        for (auto field : block) {
            std::string_view key;
            if (SimdValueReader::keyError(field, key))
                return Outcome::GaveUp;
            if (key != "resource")
                continue; // read (and checked) in the second pass
            simdjson::ondemand::value value = field.value();
            if (!resourceAttributes(value, attributes))
                return Outcome::GaveUp;
        }
        const OtlpResource resource = m_reader.readResource(std::move(attributes));
        // The current list name first, then the legacy one (a block may hold both), each in a
        // pass of its own over the block; the second pass only where the first saw the name.
        bool sawLibrarySpans = false;
        for (const std::string_view listKey : {std::string_view("scopeSpans"), std::string_view("instrumentationLibrarySpans")}) {
            const bool legacy = listKey != "scopeSpans";
            if ((legacy && !sawLibrarySpans) || block.reset().error())
                return legacy ? Outcome::Done : Outcome::GaveUp;
            bool sawList = false;
            for (auto field : block) {
                std::string_view key;
                if (SimdValueReader::keyError(field, key))
                    return Outcome::GaveUp;
                simdjson::ondemand::value value = field.value();
                if (key == listKey) {
                    if (sawList)
                        return Outcome::GaveUp; // given twice: the robust path's DOM keeps the last
                    sawList = true;
                    if (const Outcome o = readScopes(value, resource, limit); o != Outcome::Done)
                        return o;
                } else if (legacy) {
                    continue; // read (and checked) in the first pass
                } else if (key == "instrumentationLibrarySpans") {
                    sawLibrarySpans = true;
                } else if (!SimdValueReader::skip(value)) {
                    return Outcome::GaveUp;
                }
            }
        }
        return Outcome::Done;
    }

    Outcome readScopes(simdjson::ondemand::value& v, const OtlpResource& resource, SpanLimit& limit)
    {
        simdjson::ondemand::array scopes;
        bool ok = true;
        if (!SimdValueReader::array(v, scopes, ok))
            return ok ? Outcome::Done : Outcome::GaveUp;
        for (auto element : scopes) {
            simdjson::ondemand::value value;
            simdjson::ondemand::object scope;
            if (element.get(value))
                return Outcome::GaveUp;
            if (!SimdValueReader::object(value, scope, ok)) {
                if (!ok)
                    return Outcome::GaveUp;
                continue;
            }
            // The scope's name first, wherever it stands, then its spans in a second pass.
            std::optional<std::string> scopeName;   // from "scope", which wins
            std::optional<std::string> libraryName; // from "instrumentationLibrary"
            for (auto field : scope) {
                std::string_view key;
                if (SimdValueReader::keyError(field, key))
                    return Outcome::GaveUp;
                if (key != "scope" && key != "instrumentationLibrary")
                    continue; // read (and checked) in the second pass
                simdjson::ondemand::value fieldValue = field.value();
                std::string name;
                if (!scopeNameOf(fieldValue, name))
                    return Outcome::GaveUp;
                (key == "scope" ? scopeName : libraryName) = std::move(name);
            }
            const std::string name = scopeName ? *scopeName : libraryName.value_or(std::string());
            bool sawSpans = false;
            if (scope.reset().error())
                return Outcome::GaveUp;
            for (auto field : scope) {
                std::string_view key;
                if (SimdValueReader::keyError(field, key))
                    return Outcome::GaveUp;
                simdjson::ondemand::value fieldValue = field.value();
                if (key == "spans") {
                    if (sawSpans)
                        return Outcome::GaveUp; // the robust path's DOM keeps the last list
                    sawSpans = true;
                    if (const Outcome o = readSpans(fieldValue, resource, name, limit); o != Outcome::Done)
                        return o;
                } else if (!SimdValueReader::skip(fieldValue)) {
                    return Outcome::GaveUp;
                }
            }
        }
        return Outcome::Done;
    }

    // The "name" of a scope object ("" for anything else).
    bool scopeNameOf(simdjson::ondemand::value& v, std::string& name)
    {
        name.clear();
        return forEachMember(v, [&](std::string_view key, simdjson::ondemand::value& value) {
            return key == "name" ? text(value, name) : SimdValueReader::skip(value);
        });
    }

    Outcome readSpans(simdjson::ondemand::value& v, const OtlpResource& resource, const std::string& scopeName, SpanLimit& limit)
    {
        simdjson::ondemand::array spans;
        bool ok = true;
        if (!SimdValueReader::array(v, spans, ok))
            return ok ? Outcome::Done : Outcome::GaveUp;
        return readSpanList(spans, resource, scopeName, limit);
    }

    Outcome readSpanList(simdjson::ondemand::array& spans, const OtlpResource& resource, const std::string& scopeName, SpanLimit& limit)
    {
        for (auto element : spans) {
            simdjson::ondemand::value span;
            if (element.get(span) || !readSpan(span, m_span))
                return Outcome::GaveUp;
            m_reader.readSpan(m_span, resource, scopeName);
            if (!limit.allows(m_groups.spanCount()))
                return Outcome::LimitExceeded;
            if ((++m_spansRead & 0x3fff) == 0 && m_control) {
                if (m_control->cancelled())
                    return Outcome::Cancelled;
                const char* at = nullptr;
                if (m_control->progress && !m_doc->current_location().get(at))
                    m_control->progress(static_cast<std::int64_t>(m_progressBase + (at - m_text.data())),
                                        static_cast<std::int64_t>(m_progressTotal ? m_progressTotal : m_text.size()));
            }
        }
        return Outcome::Done;
    }

    // The resource block whose '{' is at `open`: what precedes its scopeSpans list (the
    // resource) first, then each scope's spans in batches; `end` is the block's '}'.
    Outcome readBlockInBatches(TextWindow& text, std::size_t open, std::size_t batchBytes, SpanLimit& limit, std::size_t& end)
    {
        const std::size_t list = findFirstMember(text, open, "scopeSpans");
        if (list == std::string_view::npos || text.at(list, open) != '[')
            return Outcome::NotApplicable;
        // The members before the list, as an object of their own.
        simdjson::ondemand::object head;
        simdjson::ondemand::document headDoc;
        std::string headText(text.range(open, list));
        headText += "[]}";
        if (!parseFrame(headText, headDoc, head))
            return Outcome::GaveUp;
        KeyValues attributes;
        for (auto field : head) {
            std::string_view key;
            if (SimdValueReader::keyError(field, key))
                return Outcome::GaveUp;
            simdjson::ondemand::value value = field.value();
            if (key == "instrumentationLibrarySpans")
                return Outcome::NotApplicable; // read after scopeSpans by the robust path
            if (key != "resource") {
                if (!SimdValueReader::skip(value))
                    return Outcome::GaveUp;
                continue;
            }
            if (!resourceAttributes(value, attributes))
                return Outcome::GaveUp;
        }
        const OtlpResource resource = m_reader.readResource(std::move(attributes));
        std::size_t at = 0;
        const auto readScope = [&](std::size_t scopeOpen, std::size_t& scopeEnd) {
            return readScopeInBatches(text, scopeOpen, resource, batchBytes, limit, scopeEnd);
        };
        if (const Outcome o = readObjectsOfList(text, list, readScope, at); o != Outcome::Done)
            return o;
        // The members after the list: nothing the spans depended on.
        end = findEnclosingEnd(text, at + 1, at);
        if (end == std::string_view::npos)
            return Outcome::GaveUp;
        return checkTail(text.range(at, end + 1), "scopeSpans", {"resource", "scopeSpans", "instrumentationLibrarySpans"});
    }

    Outcome readScopeInBatches(TextWindow& text, std::size_t open, const OtlpResource& resource, std::size_t batchBytes,
                               SpanLimit& limit, std::size_t& end)
    {
        const std::size_t list = findFirstMember(text, open, "spans");
        if (list == std::string_view::npos || text.at(list, open) != '[')
            return Outcome::NotApplicable;
        simdjson::ondemand::object head;
        simdjson::ondemand::document headDoc;
        std::string headText(text.range(open, list));
        headText += "[]}";
        if (!parseFrame(headText, headDoc, head))
            return Outcome::GaveUp;
        std::optional<std::string> scopeName;
        std::optional<std::string> libraryName;
        for (auto field : head) {
            std::string_view key;
            if (SimdValueReader::keyError(field, key))
                return Outcome::GaveUp;
            simdjson::ondemand::value value = field.value();
            if (key == "scope" || key == "instrumentationLibrary") {
                std::string name;
                if (!scopeNameOf(value, name))
                    return Outcome::GaveUp;
                (key == "scope" ? scopeName : libraryName) = std::move(name);
            } else if (!SimdValueReader::skip(value)) {
                return Outcome::GaveUp;
            }
        }
        const std::string name = scopeName ? *scopeName : libraryName.value_or(std::string());
        std::size_t close = 0;
        const auto readBatch = [&](simdjson::ondemand::array& spans, simdjson::ondemand::document& doc,
                                   std::string_view batchText, std::size_t textOffset) {
            m_doc = &doc;
            m_text = batchText;
            m_progressBase = textOffset;
            return readSpanList(spans, resource, name, limit);
        };
        if (const Outcome o = readArrayInBatches(text, list, batchBytes, m_control, readBatch, close); o != Outcome::Done)
            return o;
        end = findEnclosingEnd(text, close + 1, close);
        if (end == std::string_view::npos)
            return Outcome::GaveUp;
        // A scope named after its spans is the whole-document reader's (it reads the name first).
        return checkTail(text.range(close, end + 1), "spans", {"spans", "scope", "instrumentationLibrary"});
    }

    // The rest of an object after its list `listKey` (`tail` starts at the list's ']'):
    // well formed, and none of `lateKeys` in it (NotApplicable then).
    Outcome checkTail(std::string_view tail, std::string_view listKey, std::initializer_list<std::string_view> lateKeys)
    {
        std::string frame = "{\"" + std::string(listKey) + "\":[";
        frame += tail;
        simdjson::ondemand::document doc;
        simdjson::ondemand::object object;
        if (!parseFrame(frame, doc, object))
            return Outcome::GaveUp;
        bool first = true;
        for (auto field : object) {
            std::string_view key;
            if (SimdValueReader::keyError(field, key))
                return Outcome::GaveUp;
            simdjson::ondemand::value value = field.value();
            if (!first && std::find(lateKeys.begin(), lateKeys.end(), key) != lateKeys.end())
                return Outcome::NotApplicable;
            first = false;
            if (!SimdValueReader::skip(value))
                return Outcome::GaveUp;
        }
        const char* after = nullptr;
        return doc.current_location().get(after) ? Outcome::Done : Outcome::GaveUp;
    }

    bool parseFrame(std::string& frame, simdjson::ondemand::document& doc, simdjson::ondemand::object& object)
    {
        frame.reserve(frame.size() + simdjson::SIMDJSON_PADDING);
        return !m_frameParser.iterate(PaddedInput(frame, frame.capacity()).view()).get(doc) && !doc.get_object().get(object);
    }

    // A resource object's "attributes" (the last such list; none for anything else).
    bool resourceAttributes(simdjson::ondemand::value& v, KeyValues& attributes)
    {
        attributes.clear();
        return forEachMember(v, [&](std::string_view key, simdjson::ondemand::value& value) {
            return key == "attributes" ? keyValues(value, attributes) : SimdValueReader::skip(value);
        });
    }

    bool readSpan(simdjson::ondemand::value& v, OtlpSpanFields& f)
    {
        f.clear();
        return forEachMember(v, f.isObject, [&](std::string_view key, simdjson::ondemand::value& value) {
            if (key == "traceId")
                return text(value, f.traceId);
            if (key == "spanId")
                return text(value, f.spanId);
            if (key == "parentSpanId")
                return text(value, f.parentSpanId);
            if (key == "name")
                return text(value, f.name);
            if (key == "kind")
                return kind(value, f.kind);
            if (key == "status")
                return status(value, f);
            if (key == "startTimeUnixNano")
                return SimdValueReader::integer(value, f.start);
            if (key == "endTimeUnixNano")
                return SimdValueReader::integer(value, f.end);
            if (key == "attributes")
                return keyValues(value, f.attributes);
            if (key == "events")
                return events(value, f.events);
            if (key == "links")
                return links(value, f.links);
            return SimdValueReader::skip(value);
        });
    }

    // An enum given as its number or its name; `names` in the enum's order from 1.
    static bool enumValue(simdjson::ondemand::value& v, std::initializer_list<const char*> names, int& out)
    {
        out = 0;
        simdjson::ondemand::json_type type;
        if (v.type().get(type))
            return false;
        if (type == simdjson::ondemand::json_type::number) {
            simdjson::ondemand::number_type numberType;
            if (v.get_number_type().get(numberType))
                return false;
            if (numberType == simdjson::ondemand::number_type::floating_point_number) {
                double ignored = 0;
                return !v.get_double().get(ignored); // "1.0" names no value, as json::text() spells it
            }
            // A number outside the enum's range names no value (it is not wrapped into it).
            std::int64_t number = 0;
            if (v.get_int64().get(number)) {
                double ignored = 0;
                return !v.get_double().get(ignored);
            }
            out = number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max() ? 0 : static_cast<int>(number);
            return true;
        }
        if (type == simdjson::ondemand::json_type::string) {
            std::string_view name;
            if (!SimdValueReader::string(v, name))
                return false;
            int index = 1;
            for (const char* candidate : names) {
                if (name == candidate)
                    out = index;
                ++index;
            }
            return true;
        }
        return SimdValueReader::skip(v);
    }

    static bool kind(simdjson::ondemand::value& v, SpanKind& out)
    {
        int k = 0;
        if (!enumValue(v, {"SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"}, k))
            return false;
        out = k >= 1 && k <= 5 ? static_cast<SpanKind>(k) : SpanKind::Unspecified;
        return true;
    }

    bool status(simdjson::ondemand::value& v, OtlpSpanFields& f)
    {
        f.status = SpanStatus::Unset;
        f.statusMessage.reset();
        return forEachMember(v, [&](std::string_view key, simdjson::ondemand::value& value) {
            if (key == "code") {
                int code = 0;
                if (!enumValue(value, {"STATUS_CODE_OK", "STATUS_CODE_ERROR"}, code))
                    return false;
                f.status = code == 2 ? SpanStatus::Error : code == 1 ? SpanStatus::Ok : SpanStatus::Unset;
            } else if (key == "message") {
                std::string message;
                if (!text(value, message))
                    return false;
                f.statusMessage = std::move(message);
            } else if (!SimdValueReader::skip(value)) {
                return false;
            }
            return true;
        });
    }

    bool events(simdjson::ondemand::value& v, std::vector<OtlpSpanFields::Event>& out)
    {
        out.clear();
        return forEachElement(v, [&](simdjson::ondemand::value& value) {
            OtlpSpanFields::Event& event = out.emplace_back();
            return forEachMember(value, [&](std::string_view key, simdjson::ondemand::value& fieldValue) {
                if (key == "timeUnixNano")
                    return SimdValueReader::integer(fieldValue, event.time);
                if (key == "name")
                    return text(fieldValue, event.name);
                if (key == "attributes")
                    return keyValues(fieldValue, event.attributes);
                return SimdValueReader::skip(fieldValue);
            });
        });
    }

    bool links(simdjson::ondemand::value& v, std::vector<std::pair<std::string, std::string>>& out)
    {
        out.clear();
        return forEachElement(v, [&](simdjson::ondemand::value& value) {
            auto& link = out.emplace_back(); // trace id, span id
            return forEachMember(value, [&](std::string_view key, simdjson::ondemand::value& fieldValue) {
                return key == "traceId" ? text(fieldValue, link.first)
                    : key == "spanId"   ? text(fieldValue, link.second)
                                        : SimdValueReader::skip(fieldValue);
            });
        });
    }

    // A list of {"key": …, "value": AnyValue} as keyValues() reads it.
    bool keyValues(simdjson::ondemand::value& v, KeyValues& out, int depth = 0)
    {
        out.clear();
        return forEachElement(v, [&](simdjson::ondemand::value& value) {
            auto& [key, text] = out.emplace_back();
            return keyValue(value, key, text, depth);
        });
    }

    bool keyValue(simdjson::ondemand::value& v, std::string& key, std::string& valueText, int depth)
    {
        return forEachMember(v, [&](std::string_view name, simdjson::ondemand::value& value) {
            return name == "key" ? text(value, key)
                : name == "value" ? anyValueText(value, valueText, depth)
                                  : SimdValueReader::skip(value);
        });
    }

    // AnyValue as anyValueText() spells it: the first of its members in a fixed order.
    bool anyValueText(simdjson::ondemand::value& v, std::string& out, int depth)
    {
        if (depth > m_maxAnyValueDepth)
            return false; // deeper values are the robust path's (it cuts them at its limit)
        out.clear();
        simdjson::ondemand::json_type type;
        if (v.type().get(type))
            return false;
        if (type != simdjson::ondemand::json_type::object)
            return text(v, out);
        static constexpr std::string_view Order[] = {"stringValue", "intValue", "doubleValue", "boolValue",
                                                     "bytesValue",  "arrayValue", "kvlistValue"};
        std::optional<std::string> found[std::size(Order)];
        const bool read = forEachMember(v, [&](std::string_view key, simdjson::ondemand::value& value) {
            const auto slot = std::find(std::begin(Order), std::end(Order), key) - std::begin(Order);
            if (slot == std::size(Order))
                return SimdValueReader::skip(value);
            std::string valueText;
            const bool valueRead = slot == 5 ? listText(value, valueText, false, depth)
                : slot == 6                  ? listText(value, valueText, true, depth)
                                             : text(value, valueText);
            if (!valueRead)
                return false;
            found[slot] = std::move(valueText);
            return true;
        });
        if (!read)
            return false;
        for (auto& candidate : found) {
            if (candidate) {
                out = std::move(*candidate);
                return true;
            }
        }
        return true;
    }

    // An arrayValue ("[a, b]") or kvlistValue ("{k: v, …}") from its "values" list.
    bool listText(simdjson::ondemand::value& v, std::string& out, bool keyed, int depth)
    {
        out.assign(1, keyed ? '{' : '['); // not `out = "{"`: GCC 12 warns falsely (-Wrestrict) on that here
        const char* close = keyed ? "}" : "]";
        std::string items;
        bool sawValues = false;
        const bool read = forEachMember(v, [&](std::string_view key, simdjson::ondemand::value& value) {
            if (key != "values")
                return SimdValueReader::skip(value);
            sawValues = true;
            items = out.substr(0, 1);
            return forEachElement(value, [&](simdjson::ondemand::value& item) {
                std::string itemText;
                if (keyed) {
                    std::string itemKey;
                    std::string inner;
                    bool hasValue = false;
                    if (!keyedItem(item, itemKey, inner, hasValue, depth))
                        return false;
                    itemText = itemKey + ": " + inner;
                } else if (!anyValueText(item, itemText, depth + 1)) {
                    return false;
                }
                items += (items.size() > 1 ? ", " : "") + itemText;
                return true;
            });
        });
        if (!read)
            return false;
        out = (sawValues ? items : out) + close; // "[]" or "{}" for a value that is no object
        return true;
    }

    bool keyedItem(simdjson::ondemand::value& v, std::string& key, std::string& inner, bool& hasValue, int depth)
    {
        return forEachMember(v, [&](std::string_view name, simdjson::ondemand::value& value) {
            if (name == "key")
                return text(value, key);
            if (name == "value") {
                hasValue = true;
                return anyValueText(value, inner, depth + 1);
            }
            return SimdValueReader::skip(value);
        });
    }

    bool text(simdjson::ondemand::value& v, std::string& out) { return m_values.text(v, out); }

    OtlpResourceReader& m_reader;
    const TraceGroups& m_groups;
    const LoadControl* m_control;
    SimdValueReader m_values;
    int m_maxAnyValueDepth;
    OtlpSpanFields m_span;
    std::int64_t m_spansRead = 0;
    simdjson::ondemand::document* m_doc = nullptr;
    std::string_view m_text;
    std::size_t m_progressBase = 0;
    std::size_t m_progressTotal = 0;
    simdjson::ondemand::parser m_frameParser;
};

} // namespace


namespace {

// One reading of an OTLP/JSON file, whichever tier reads it (see jsonpipeline.h).
class OtlpPass
{
public:
    OtlpPass(const QString& sourceFile, const LoadControl* control)
        : m_control(control)
        , m_groups(TraceFormat::Otlp, sourceFile, control)
        , m_reader(m_groups, m_problems)
        , m_fast(m_reader, m_groups, control)
    {
    }

    void setProgressTotal(std::size_t bytes) { m_fast.setProgressTotal(bytes); }
    BulkOutcome readInBatches(TextWindow& text, DocumentShape, SpanLimit& limit)
    {
        return m_fast.readInBatches(text, limit, m_skippedSignals);
    }
    BulkOutcome readWhole(std::string_view text, std::size_t capacity, DocumentShape, SpanLimit& limit)
    {
        return m_fast.read(text, capacity, limit, m_skippedSignals);
    }

    // The document, or — when a complete one is followed by more — JSON Lines, as the
    // collector's file exporter writes them, one document per line.
    bool readRobustly(std::string_view text, DocumentShape, SpanLimit& limit, ImportResult& result)
    {
        SimdOtlpReader recovery(m_reader, m_groups, nullptr, (m_control ? m_control->limits : LoadLimits()).maxValueNesting + 1);
        JsonRecordReader::Result read;
        if (!readDocument(text, recovery, read, limit) && read.rootCompleted && !read.cancelled && !read.stopped && !read.outOfMemory) {
            const int truncatedFirstLine = read.truncatedValues;
            read = JsonRecordReader::Result(); // the first line was read above
            read.truncatedValues = truncatedFirstLine;
            std::size_t lineStart = 0;
            int lineNumber = 0;
            while (lineStart < text.size()) {
                const std::size_t lineEnd = std::min(text.find('\n', lineStart), text.size());
                const std::string_view line = text.substr(lineStart, lineEnd - lineStart);
                ++lineNumber;
                if (lineNumber > 1 && line.find_first_not_of(" \t\r") != std::string_view::npos
                    && !readDocument(line, recovery, read, limit)) {
                    read.errorOffset += lineStart;
                    break;
                }
                lineStart = lineEnd + 1;
            }
            if (read.ok)
                m_groups.addFileDiagnostic(Diagnostic::Severity::Info,
                                           QCoreApplication::translate("Importer", "read as JSON Lines (%n line(s))", nullptr, lineNumber));
        }
        return robustReadSucceeded(read, limit, m_groups.spanCount(), m_groups, result);
    }

    void finish(ImportResult& result)
    {
        noteSkippedSignals(m_groups, m_skippedSignals);
        finishGroups(m_groups, m_problems, m_unreadable, QCoreApplication::translate("Importer", "the OTLP document holds no spans"), result);
    }

private:
    // One document's resource blocks through the robust reader, each to the bulk reader's mapper.
    bool readDocument(std::string_view text, SimdOtlpReader& recovery, JsonRecordReader::Result& read, SpanLimit& limit)
    {
        using Visit = JsonRecordReader::Visit;
        const auto isResource = [&](const JsonPath& path, JsonValueKind) {
            if (path.size() == 1 && (path[0] == "resourceLogs" || path[0] == "resourceMetrics")) {
                ++m_skippedSignals;
                return Visit::Skip;
            }
            if (path.size() == 2 && (path[0] == "resourceSpans" || path[0] == "batches"))
                return Visit::Capture;
            return Visit::Skip;
        };
        const auto onResource = [&](simdjson::ondemand::value& block, const JsonPath&) {
            const BulkOutcome o = recovery.readRecord(block, limit);
            return o == BulkOutcome::Done && !limit.allows(m_groups.spanCount()) ? BulkOutcome::LimitExceeded : o;
        };
        const int truncatedBefore = read.truncatedValues;
        read = readRecordsRobustly(text, isResource, onResource, m_control, m_unreadable);
        read.truncatedValues += truncatedBefore;
        return read.ok && !read.stopped;
    }

    const LoadControl* m_control;
    TraceGroups m_groups;
    ProblemTally m_problems;
    OtlpResourceReader m_reader;
    SimdOtlpReader m_fast;
    int m_skippedSignals = 0;
    int m_unreadable = 0;
};

} // namespace

namespace {

// An export request (Tempo names its list "batches"); logs and metrics are told apart later.
std::optional<DocumentShape> otlpShapeOfObject(const std::set<std::string>& keys)
{
    for (const char* key : {"resourceSpans", "batches", "resourceLogs", "resourceMetrics"}) {
        if (keys.count(key))
            return DocumentShape::OtlpDocument;
    }
    return std::nullopt;
}

} // namespace

FormatReader otlpFormatReader()
{
    return {TraceFormat::Otlp, nullptr, nullptr, otlpShapeOfObject, {"resourceSpans", "batches", "resourceLogs", "resourceMetrics"},
            jsonpipeline::import<OtlpPass>, jsonpipeline::importStreamed<OtlpPass>};
}

} // namespace tracedelta
