// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlpspans.h"

#include "../util/timearithmetic.h"

#include <QByteArray>
#include <QCoreApplication>

#include <algorithm>
#include <cctype>

namespace tracedelta {

namespace {

bool isHex(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c); });
}

} // namespace

std::string otlpIdToHex(const std::string& id)
{
    if (id.empty() || ((id.size() == 16 || id.size() == 32) && isHex(id))) {
        std::string lower = id;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        return lower;
    }
    const QByteArray decoded = QByteArray::fromBase64(QByteArray::fromStdString(id));
    if (decoded.size() == 8 || decoded.size() == 16)
        return decoded.toHex().toStdString();
    return id;
}

OtlpResource OtlpResourceReader::readResource(KeyValues attributes)
{
    OtlpResource resource;
    resource.attributes = std::move(attributes);
    for (const auto& [key, value] : resource.attributes) {
        if (key == "service.name")
            resource.service = value;
    }
    if (resource.service.empty()) {
        resource.service = "unknown_service";
        m_problems.add(QT_TRANSLATE_N_NOOP("Importer",
                                         "%n resource(s) have no service.name attribute; their spans are shown as "
                                         "unknown_service"));
    }
    return resource;
}

void OtlpResourceReader::readSpan(const OtlpSpanFields& span, const OtlpResource& resource, const std::string& scopeName)
{
    if (!span.isObject) {
        m_problems.add(QT_TRANSLATE_N_NOOP("Importer", "%n span entr(y/ies) that are not JSON objects were skipped"));
        return;
    }
    TraceBuilder& builder = m_groups.builderFor(otlpIdToHex(span.traceId));
    SpanDraft draft;
    draft.spanId = builder.internSpanId(otlpIdToHex(span.spanId));
    draft.parentSpanId = builder.internSpanId(otlpIdToHex(span.parentSpanId));
    draft.name = builder.intern(span.name);
    draft.service = builder.intern(resource.service);
    draft.kind = span.kind;
    draft.status = span.status;
    if (!span.start || !span.end)
        m_problems.add(QT_TRANSLATE_N_NOOP("Importer",
                                         "%n span(s) lack a readable startTimeUnixNano or endTimeUnixNano"));
    draft.startNs = span.start.value_or(span.end.value_or(0));
    draft.durationNs = timemath::sub(span.end.value_or(draft.startNs), draft.startNs);
    builder.addSpan(draft);

    for (const auto& [key, value] : span.attributes)
        builder.addAttribute(key, value);
    if (span.statusMessage)
        builder.addAttribute("otel.status_description", *span.statusMessage);
    if (!scopeName.empty())
        builder.addAttribute("otel.scope.name", scopeName);
    for (const auto& [key, value] : resource.attributes)
        builder.addAttribute("resource." + key, value);
    for (const auto& event : span.events) {
        builder.addEvent(event.time.value_or(draft.startNs), event.name);
        for (const auto& [key, value] : event.attributes)
            builder.addEventAttribute(key, value);
    }
    for (const auto& [traceId, spanId] : span.links)
        builder.addReference(ReferenceType::Link, otlpIdToHex(traceId), otlpIdToHex(spanId));
}

void noteSkippedSignals(TraceGroups& groups, int skippedSignals)
{
    if (skippedSignals > 0)
        groups.addFileDiagnostic(Diagnostic::Severity::Info,
                                 QCoreApplication::translate("Importer", "%n log or metric block(s) skipped", nullptr, skippedSignals));
}

} // namespace tracedelta
