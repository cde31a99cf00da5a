// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverresponses.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <limits>

namespace tracedelta {

using nlohmann::json;

namespace {

struct ServerResponsesText
{
    Q_DECLARE_TR_FUNCTIONS(ServerResponses)
};

bool parse(const QByteArray& body, json& out, QString& problem)
{
    out = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (out.is_discarded()) {
        problem = ServerResponsesText::tr("the answer is not valid JSON");
        return false;
    }
    return true;
}

std::int64_t integer(const json& value)
{
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (value.is_number_float())
        return static_cast<std::int64_t>(value.get<double>());
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>()).toLongLong();
    return 0;
}

QString text(const json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

bool truthy(const json& value)
{
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_string()) {
        const std::string s = value.get<std::string>();
        return s != "false" && s != "0";
    }
    return value.is_number() && value.get<double>() != 0;
}

// The span extent of a Jaeger or Zipkin trace (µs fields), and whether any span failed.
struct Extent
{
    std::int64_t start = std::numeric_limits<std::int64_t>::max();
    std::int64_t end = std::numeric_limits<std::int64_t>::min();
    bool error = false;
    void add(std::int64_t startUs, std::int64_t durationUs)
    {
        start = std::min(start, startUs);
        end = std::max(end, startUs + std::max<std::int64_t>(durationUs, 0));
    }
    FoundTrace found(const QString& id, const QString& rootName) const
    {
        FoundTrace t;
        t.traceId = id.toLower();
        t.error = error;
        t.rootName = rootName;
        if (end >= start) {
            t.durationNs = (end - start) * 1000;
            t.startNs = start * 1000;
        }
        return t;
    }
};

std::vector<FoundTrace> jaegerResults(const json& root, QString& problem)
{
    std::vector<FoundTrace> found;
    const auto data = root.find("data");
    if (!root.is_object() || data == root.end() || !(data->is_array() || data->is_null())) {
        problem = ServerResponsesText::tr("the answer is not a Jaeger search result (no \"data\" list)");
        return found;
    }
    if (data->is_null())
        return found;
    for (const json& trace : *data) {
        if (!trace.is_object())
            continue;
        Extent extent;
        QString rootName;
        const json* processes = trace.contains("processes") ? &trace["processes"] : nullptr;
        if (const auto spans = trace.find("spans"); spans != trace.end() && spans->is_array()) {
            for (const json& span : *spans) {
                if (!span.is_object())
                    continue;
                const std::int64_t start = integer(span.value("startTime", json()));
                extent.add(start, integer(span.value("duration", json())));
                const bool isRoot = !span.contains("references") || span["references"].empty();
                if (isRoot && rootName.isEmpty()) {
                    QString service;
                    if (processes && processes->is_object())
                        service = text(processes->value(span.value("processID", std::string()), json::object()), "serviceName");
                    rootName = service.isEmpty() ? text(span, "operationName") : service + QStringLiteral(": ") + text(span, "operationName");
                }
                // A failed child (a retried call) is normal in many traces; only a failed root means the
                // request failed.
                const auto tags = span.find("tags");
                if (isRoot && tags != span.end() && tags->is_array()) {
                    for (const json& tag : *tags) {
                        if (!tag.is_object())
                            continue;
                        const std::string key = tag.value("key", std::string());
                        const json value = tag.value("value", json());
                        if ((key == "error" && truthy(value)) || (key == "otel.status_code" && value == "ERROR"))
                            extent.error = true;
                    }
                }
            }
        }
        found.push_back(extent.found(text(trace, "traceID"), rootName));
    }
    return found;
}

std::vector<FoundTrace> zipkinResults(const json& root, QString& problem)
{
    std::vector<FoundTrace> found;
    if (!root.is_array()) {
        problem = ServerResponsesText::tr("the answer is not a Zipkin search result (a list of traces)");
        return found;
    }
    for (const json& trace : root) {
        if (!trace.is_array() || trace.empty())
            continue;
        Extent extent;
        QString id;
        QString rootName;
        for (const json& span : trace) {
            if (!span.is_object())
                continue;
            if (id.isEmpty())
                id = text(span, "traceId");
            extent.add(integer(span.value("timestamp", json())), integer(span.value("duration", json())));
            if (!span.contains("parentId") && rootName.isEmpty()) {
                const QString service = span.contains("localEndpoint") && span["localEndpoint"].is_object()
                                            ? text(span["localEndpoint"], "serviceName")
                                            : QString();
                rootName = service.isEmpty() ? text(span, "name") : service + QStringLiteral(": ") + text(span, "name");
            }
            const auto tags = span.find("tags");
            if (!span.contains("parentId") && tags != span.end() && tags->is_object() && tags->contains("error"))
                extent.error = true;
        }
        if (!id.isEmpty())
            found.push_back(extent.found(id, rootName));
    }
    return found;
}

std::vector<FoundTrace> tempoResults(const json& root, QString& problem)
{
    std::vector<FoundTrace> found;
    const auto traces = root.is_object() ? root.find("traces") : root.end();
    if (!root.is_object() || traces == root.end() || !(traces->is_array() || traces->is_null())) {
        problem = ServerResponsesText::tr("the answer is not a Tempo search result (no \"traces\" list)");
        return found;
    }
    if (traces->is_null())
        return found;
    for (const json& trace : *traces) {
        if (!trace.is_object())
            continue;
        FoundTrace t;
        t.traceId = text(trace, "traceID").toLower();
        // Tempo leaves durationMs out below 1 ms; half a millisecond is the honest middle.
        t.durationNs = trace.contains("durationMs") ? integer(trace["durationMs"]) * 1'000'000 : 500'000;
        t.startNs = integer(trace.value("startTimeUnixNano", json()));
        const QString service = text(trace, "rootServiceName");
        const QString name = text(trace, "rootTraceName");
        t.rootName = service.isEmpty() ? name : service + QStringLiteral(": ") + name;
        if (!t.traceId.isEmpty())
            found.push_back(t);
    }
    return found;
}

} // namespace

std::vector<FoundTrace> parseSearchResults(TraceServerKind kind, const QByteArray& body, QString& problem)
{
    json root;
    if (!parse(body, root, problem))
        return {};
    switch (kind) {
    case TraceServerKind::Jaeger:
    case TraceServerKind::JaegerV3: return jaegerResults(root, problem);
    case TraceServerKind::Tempo:
    case TraceServerKind::TempoV2: return tempoResults(root, problem);
    case TraceServerKind::Zipkin: return zipkinResults(root, problem);
    }
    return {};
}

QStringList parseNameList(const QByteArray& body, QString& problem)
{
    json root;
    if (!parse(body, root, problem))
        return {};
    const json* list = &root;
    if (root.is_object()) {
        if (root.contains("data"))
            list = &root["data"];
        else if (root.contains("tagValues"))
            list = &root["tagValues"];
        else if (root.contains("services"))
            list = &root["services"];
        else if (root.contains("operations"))
            list = &root["operations"];
    }
    if (list->is_null())
        return {};
    if (!list->is_array()) {
        problem = ServerResponsesText::tr("the answer is not a list of names");
        return {};
    }
    QStringList names;
    for (const json& item : *list) {
        if (item.is_string())
            names << QString::fromStdString(item.get<std::string>());
        else if (item.is_object() && (item.contains("value") || item.contains("name")))
            names << text(item, item.contains("value") ? "value" : "name");
    }
    names.removeAll(QString());
    names.sort(Qt::CaseInsensitive);
    names.removeDuplicates();
    return names;
}

QByteArray traceFileFromBody(TraceServerKind kind, const QByteArray& body, QString& problem)
{
    const char* wrapper = kind == TraceServerKind::JaegerV3 ? "result" : kind == TraceServerKind::TempoV2 ? "trace" : nullptr;
    if (!wrapper)
        return body;
    // Jaeger v3 streams one {"result":…} object per chunk; read them one after another.
    json merged = json::object();
    json& resourceSpans = merged["resourceSpans"] = json::array();
    bool sawWrapper = false;
    const char* cursor = body.constData();
    const char* const end = cursor + body.size();
    while (cursor < end) {
        while (cursor < end && std::isspace(static_cast<unsigned char>(*cursor)))
            ++cursor;
        if (cursor == end)
            break;
        json chunk;
        const char* chunkEnd = cursor;
        // The end of this chunk: where its outermost object closes.
        int depth = 0;
        bool inString = false;
        for (; chunkEnd < end; ++chunkEnd) {
            const char c = *chunkEnd;
            if (inString) {
                if (c == '\\')
                    ++chunkEnd;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                ++chunkEnd;
                break;
            }
        }
        chunk = json::parse(cursor, chunkEnd, nullptr, false);
        if (chunk.is_discarded()) {
            problem = ServerResponsesText::tr("the answer is not valid JSON");
            return {};
        }
        cursor = chunkEnd;
        const json* inner = &chunk;
        if (chunk.is_object() && chunk.contains(wrapper)) {
            inner = &chunk[wrapper];
            sawWrapper = true;
        }
        if (!inner->is_object())
            continue;
        for (const char* key : {"resourceSpans", "batches"}) {
            if (const auto it = inner->find(key); it != inner->end() && it->is_array())
                for (const json& rs : *it)
                    resourceSpans.push_back(rs);
        }
    }
    if (!sawWrapper && resourceSpans.empty())
        return body; // not wrapped: let the importer say what it is
    const std::string out = merged.dump();
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

} // namespace tracedelta
