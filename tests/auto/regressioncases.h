// SPDX-License-Identifier: GPL-3.0-or-later
// Before/after cases built from real files in ../shared/traces: each takes a copy of a
// trace and changes it the way real regressions do. Kept out of the Q_OBJECT test file
// because moc cannot read the JSON literals.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <functional>
#include <random>

namespace tracedelta::test {

// OTLP/JSON with times as nanosecond strings; every span of every resource.
class OtlpDocument
{
public:
    static OtlpDocument load(const QString& path);
    nlohmann::json& json() { return m_doc; }
    void forEachSpan(const std::function<void(nlohmann::json& span, const std::string& service)>& visit);
    nlohmann::json* spanById(const std::string& id);
    static std::int64_t start(const nlohmann::json& span);
    static std::int64_t end(const nlohmann::json& span);
    static void setTimes(nlohmann::json& span, std::int64_t start, std::int64_t end);
    // Every span's duration ×(1 ± up to 10 %), its offset from the trace start likewise.
    void jitter(std::mt19937& random, double fraction = 0.10);
    // Moves every span starting at or after `from` by `ns`, and stretches the spans around `from`.
    void shiftAfter(std::int64_t from, std::int64_t ns);
    void addSpan(const nlohmann::json& parent, const std::string& id, const std::string& name, std::int64_t start, std::int64_t end,
                 int kind = 1);
    QString save(const QTemporaryDir& dir, const QString& name) const;

private:
    nlohmann::json m_doc;
};

// Every span named `call` but the earliest, run one after another from the first one's
// start (a worker pool shrunk to one); the span named `parent` grows by what that costs.
OtlpDocument serialisedCalls(OtlpDocument doc, const std::string& call, const std::string& parent);

nlohmann::json readJson(const QString& path); // plain or gzip-compressed
QString saveJson(const QTemporaryDir& dir, const QString& name, const nlohmann::json& doc);
nlohmann::json otlpAttribute(const std::string& key, const std::string& value);

} // namespace tracedelta::test
