// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatsniffer.h"

#include "jsonrecordreader.h"
#include "formatregistry.h"

#include <set>

namespace tracedelta {

namespace {

SniffResult decided(TraceFormat format, DocumentShape shape)
{
    SniffResult result;
    result.format = format;
    result.shape = shape;
    return result;
}

} // namespace

SniffResult sniffFormat(std::string_view text)
{
    for (const FormatReader& reader : formatReaders()) {
        if (const auto shape = reader.shapeOfBinary ? reader.shapeOfBinary(text) : std::nullopt)
            return decided(reader.format, *shape);
    }
    const auto firstChar = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (firstChar == std::string_view::npos) {
        SniffResult empty;
        empty.problem = "the file is empty";
        return empty;
    }
    if (text[firstChar] != '{' && text[firstChar] != '[') {
        SniffResult notJson;
        notJson.problem = "the file does not start with a JSON object or array";
        notJson.parseError = true;
        notJson.errorOffset = firstChar;
        return notJson;
    }

    SniffResult result;
    std::set<std::string> rootKeys;
    const bool rootIsArray = text[firstChar] == '[';
    bool decidedEarly = false;
    using Visit = JsonRecordReader::Visit;
    // Root array: capture its first element and classify it. Root object: collect the
    // keys and stop at the first one that names a format, before reading its value.
    const auto visit = [&](const JsonPath& path, JsonValueKind) {
        if (rootIsArray)
            return path.size() == 1 ? Visit::Capture : Visit::Skip;
        if (path.size() != 1)
            return Visit::Skip;
        rootKeys.insert(path[0]);
        for (const FormatReader& reader : formatReaders()) {
            if (reader.decisiveKeys.count(path[0]))
                return Visit::Stop;
        }
        return Visit::Skip;
    };
    const auto classify = [&](nlohmann::json&& record, const JsonPath&) {
        decidedEarly = true;
        for (const FormatReader& reader : formatReaders()) {
            if (const auto shape = reader.shapeOfArray ? reader.shapeOfArray(record) : std::nullopt) {
                result = decided(reader.format, *shape);
                return false;
            }
        }
        result.problem = "an array whose first element is neither a Chrome trace event (no \"ph\") nor a Zipkin span "
                         "(no \"traceId\"/\"id\")";
        return false;
    };
    const JsonRecordReader::Result read = JsonRecordReader().read(text, visit, classify);
    if (decidedEarly)
        return result;
    if (!read.ok && !read.stopped) {
        result.parseError = true;
        result.errorOffset = read.errorOffset;
        result.problem = read.errorMessage;
        return result;
    }
    if (rootIsArray) {
        result.problem = "an empty array: no spans or events";
        return result;
    }
    for (const FormatReader& reader : formatReaders()) {
        if (const auto shape = reader.shapeOfObject ? reader.shapeOfObject(rootKeys) : std::nullopt)
            return decided(reader.format, *shape);
    }
    std::string seen;
    for (const std::string& key : rootKeys) {
        if (seen.size() > 80)
            break;
        seen += (seen.empty() ? "" : ", ") + ("\"" + key + "\"");
    }
    result.problem = "not a Jaeger, Zipkin, OTLP or Chrome trace (top-level keys: " + (seen.empty() ? "none" : seen) + ")";
    return result;
}

} // namespace tracedelta
