// SPDX-License-Identifier: GPL-3.0-or-later
#include "regressioncases.h"

#include <QFile>

#include <map>

#include <zlib.h>

namespace tracedelta::test {

nlohmann::json readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = file.readAll();
    if (path.endsWith(QLatin1String(".gz"))) {
        z_stream stream{};
        inflateInit2(&stream, 15 + 32);
        QByteArray out;
        char buffer[1 << 16];
        stream.next_in = reinterpret_cast<Bytef*>(data.data());
        stream.avail_in = static_cast<uInt>(data.size());
        int rc = Z_OK;
        while (rc == Z_OK) {
            stream.next_out = reinterpret_cast<Bytef*>(buffer);
            stream.avail_out = sizeof buffer;
            rc = inflate(&stream, Z_NO_FLUSH);
            out.append(buffer, static_cast<qsizetype>(sizeof buffer - stream.avail_out));
        }
        inflateEnd(&stream);
        data = out;
    }
    return nlohmann::json::parse(data.toStdString());
}

QString saveJson(const QTemporaryDir& dir, const QString& name, const nlohmann::json& doc)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray::fromStdString(doc.dump()));
    return path;
}

nlohmann::json otlpAttribute(const std::string& key, const std::string& value)
{
    return {{"key", key}, {"value", {{"stringValue", value}}}};
}

OtlpDocument OtlpDocument::load(const QString& path)
{
    OtlpDocument d;
    d.m_doc = readJson(path);
    return d;
}

void OtlpDocument::forEachSpan(const std::function<void(nlohmann::json&, const std::string&)>& visit)
{
    for (auto& resource : m_doc["resourceSpans"]) {
        std::string service;
        for (const auto& a : resource["resource"]["attributes"]) {
            if (a["key"] == "service.name")
                service = a["value"]["stringValue"];
        }
        for (auto& scope : resource["scopeSpans"]) {
            for (auto& span : scope["spans"])
                visit(span, service);
        }
    }
}

nlohmann::json* OtlpDocument::spanById(const std::string& id)
{
    nlohmann::json* found = nullptr;
    forEachSpan([&](nlohmann::json& span, const std::string&) {
        if (span["spanId"] == id)
            found = &span;
    });
    return found;
}

std::int64_t OtlpDocument::start(const nlohmann::json& span)
{
    return std::stoll(span["startTimeUnixNano"].get<std::string>());
}

std::int64_t OtlpDocument::end(const nlohmann::json& span)
{
    return std::stoll(span["endTimeUnixNano"].get<std::string>());
}

void OtlpDocument::setTimes(nlohmann::json& span, std::int64_t start, std::int64_t end)
{
    span["startTimeUnixNano"] = std::to_string(start);
    span["endTimeUnixNano"] = std::to_string(end);
}

void OtlpDocument::jitter(std::mt19937& random, double fraction)
{
    // Natural run-to-run noise: every span's duration varies, and a child's place inside its
    // parent stretches with the parent, so the structure (what overlaps what) stays.
    std::map<std::string, nlohmann::json*> byId;
    forEachSpan([&](nlohmann::json& span, const std::string&) { byId[span["spanId"].get<std::string>()] = &span; });
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> original; // id → (start, end)
    for (const auto& [id, span] : byId)
        original[id] = {start(*span), end(*span)};
    std::uniform_real_distribution<double> factor(1.0 - fraction, 1.0 + fraction);
    std::map<std::string, double> stretch;
    std::function<void(const std::string&)> place = [&](const std::string& id) {
        if (stretch.count(id))
            return;
        nlohmann::json& span = *byId[id];
        const auto [oldStart, oldEnd] = original[id];
        std::int64_t newStart = oldStart;
        const std::string parent = span.value("parentSpanId", "");
        if (!parent.empty() && byId.count(parent)) {
            place(parent);
            const std::int64_t parentOldStart = original[parent].first;
            newStart = start(*byId[parent]) + static_cast<std::int64_t>(static_cast<double>(oldStart - parentOldStart) * stretch[parent]);
        }
        const double f = factor(random);
        stretch[id] = f;
        setTimes(span, newStart, newStart + static_cast<std::int64_t>(static_cast<double>(oldEnd - oldStart) * f));
    };
    for (const auto& [id, span] : byId)
        place(id);
}

void OtlpDocument::shiftAfter(std::int64_t from, std::int64_t ns)
{
    forEachSpan([&](nlohmann::json& span, const std::string&) {
        const std::int64_t s = start(span);
        const std::int64_t e = end(span);
        if (s >= from)
            setTimes(span, s + ns, e + ns);
        else if (e >= from)
            setTimes(span, s, e + ns);
    });
}

void OtlpDocument::addSpan(const nlohmann::json& parent, const std::string& id, const std::string& name, std::int64_t start,
                           std::int64_t end, int kind)
{
    nlohmann::json span = {{"traceId", parent["traceId"]}, {"spanId", id}, {"parentSpanId", parent["spanId"]}, {"name", name},
                           {"kind", kind}, {"startTimeUnixNano", std::to_string(start)}, {"endTimeUnixNano", std::to_string(end)}};
    m_doc["resourceSpans"][0]["scopeSpans"][0]["spans"].push_back(span);
}

QString OtlpDocument::save(const QTemporaryDir& dir, const QString& name) const
{
    return saveJson(dir, name, m_doc);
}

OtlpDocument serialisedCalls(OtlpDocument doc, const std::string& call, const std::string& parent)
{
    std::vector<nlohmann::json*> calls;
    doc.forEachSpan([&](nlohmann::json& span, const std::string&) {
        if (span["name"] == call)
            calls.push_back(&span);
    });
    if (calls.size() < 3)
        return doc;
    std::sort(calls.begin(), calls.end(), [](auto* a, auto* b) { return OtlpDocument::start(*a) < OtlpDocument::start(*b); });
    calls.erase(calls.begin());
    std::int64_t unionEnd = 0;
    for (auto* c : calls)
        unionEnd = std::max(unionEnd, OtlpDocument::end(*c));
    std::int64_t cursor = OtlpDocument::start(*calls.front());
    for (auto* c : calls) {
        const std::int64_t duration = OtlpDocument::end(*c) - OtlpDocument::start(*c);
        OtlpDocument::setTimes(*c, cursor, cursor + duration);
        cursor += duration;
    }
    doc.forEachSpan([&](nlohmann::json& span, const std::string&) {
        if (span["name"] == parent)
            OtlpDocument::setTimes(span, OtlpDocument::start(span), OtlpDocument::end(span) + std::max<std::int64_t>(0, cursor - unionEnd));
    });
    return doc;
}

} // namespace tracedelta::test
