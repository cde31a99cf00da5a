// SPDX-License-Identifier: GPL-3.0-or-later
#include "receivedtraces.h"

#include "core/io/otlpspans.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace tracedelta {

namespace {
using nlohmann::json;

const json* member(const json& object, const char* key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}
} // namespace

ReceivedTraces::ReceivedTraces(Settings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    m_timer.setInterval(std::clamp(m_settings.quietMs / 5, 20, 500));
    connect(&m_timer, &QTimer::timeout, this, &ReceivedTraces::completeQuiet);
    m_timer.start();
}

ReceivedTraces::~ReceivedTraces()
{
    completeAll();
}

ReceivedTraces::Accepted ReceivedTraces::add(const json& document)
{
    Accepted result;
    const json* resources = member(document, "resourceSpans");
    if (!resources)
        resources = member(document, "batches");
    if (!resources || !resources->is_array())
        return result;
    for (const json& rs : *resources) {
        // One copy of the resource block per trace it holds spans of, with only those spans.
        std::map<std::string, json> scopesByTrace;
        for (const char* scopeKey : {"scopeSpans", "instrumentationLibrarySpans"}) {
            const json* scopes = member(rs, scopeKey);
            if (!scopes || !scopes->is_array())
                continue;
            for (const json& scope : *scopes) {
                const json* spans = member(scope, "spans");
                if (!spans || !spans->is_array())
                    continue;
                std::map<std::string, json> spansByTrace;
                for (const json& span : *spans) {
                    const json* id = member(span, "traceId");
                    const std::string traceId = otlpIdToHex(id && id->is_string() ? id->get<std::string>() : std::string());
                    OpenTrace& open = m_open[traceId];
                    if (open.spans + 1 > m_settings.maxSpansPerTrace || m_openSpans + 1 > m_settings.maxOpenSpans) {
                        ++result.rejected;
                        result.rejectionReason = open.spans + 1 > m_settings.maxSpansPerTrace
                            ? "trace " + traceId + " exceeds the receiver's limit of "
                                  + std::to_string(m_settings.maxSpansPerTrace) + " spans per trace"
                            : "the receiver holds " + std::to_string(m_settings.maxOpenSpans)
                                  + " spans of unfinished traces, its limit";
                        if (open.spans == 0 && open.resourceSpans.empty())
                            m_open.erase(traceId);
                        continue;
                    }
                    ++open.spans;
                    ++m_openSpans;
                    ++result.accepted;
                    open.lastSpan.start();
                    spansByTrace[traceId].push_back(span);
                }
                for (auto& [traceId, list] : spansByTrace) {
                    json copy = json::object();
                    if (const json* info = member(scope, "scope"))
                        copy["scope"] = *info;
                    else if (const json* library = member(scope, "instrumentationLibrary"))
                        copy["scope"] = *library;
                    copy["spans"] = std::move(list);
                    scopesByTrace[traceId].push_back(std::move(copy));
                }
            }
        }
        for (auto& [traceId, scopes] : scopesByTrace) {
            json copy = json::object();
            if (const json* resource = member(rs, "resource"))
                copy["resource"] = *resource;
            copy["scopeSpans"] = std::move(scopes);
            m_open[traceId].resourceSpans.push_back(std::move(copy));
        }
    }
    return result;
}

void ReceivedTraces::completeQuiet()
{
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (it->second.lastSpan.isValid() && it->second.lastSpan.elapsed() >= m_settings.quietMs) {
            complete(it->first, it->second);
            it = m_open.erase(it);
        } else {
            ++it;
        }
    }
}

void ReceivedTraces::completeAll()
{
    for (auto& [traceId, trace] : m_open)
        complete(traceId, trace);
    m_open.clear();
}

void ReceivedTraces::complete(const std::string& traceId, OpenTrace& trace)
{
    m_openSpans -= trace.spans;
    if (trace.spans == 0)
        return;
    const QString id = QString::fromStdString(traceId.empty() ? std::string("no-trace-id") : traceId);
    QDir dir(m_settings.outputDir);
    if (!dir.mkpath(QStringLiteral("."))) {
        Q_EMIT writeFailed(tr("Cannot create the receive folder %1").arg(QDir::toNativeSeparators(dir.absolutePath())));
        return;
    }
    // The same trace id may come back later (a second run): each completion is its own file.
    QString path = dir.filePath(id + QStringLiteral(".json"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("%1-%2.json").arg(id).arg(n));
    QSaveFile file(path);
    const json document{{"resourceSpans", std::move(trace.resourceSpans)}};
    // Protobuf strings need not be UTF-8 (a bad client): replaced, not thrown on.
    const std::string text = document.dump(-1, ' ', false, json::error_handler_t::replace);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())
        || !file.commit()) {
        Q_EMIT writeFailed(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    Q_EMIT traceCompleted(path, id, trace.spans);
}

} // namespace tracedelta
