// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveroptions.h"

#include "output.h"

#include "core/io/traceloader.h"
#include "core/remote/baselinefinder.h"
#include "core/remote/servertracestore.h"
#include "core/util/durationformat.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace tracedelta::cli {

namespace {

// lupdate files these strings under "ServerOptions"; the struct only gives them that context.
struct ServerOptionsText
{
    Q_DECLARE_TR_FUNCTIONS(ServerOptions)
};

QCommandLineOption described(QCommandLineOption option, const QString& description)
{
    option.setDescription(description);
    return option;
}

// Fetches, stores and loads one trace; prints why not and returns null on failure.
TracePtr fetchAndLoad(TraceServerClient& client, const QString& command, const QString& traceId, const LoadLimits& limits)
{
    const FetchedTrace fetched = client.fetchTrace(traceId);
    if (!fetched.error.isEmpty()) {
        printError(command + QStringLiteral(": ") + fetched.error);
        return nullptr;
    }
    QString error;
    const QString path = storeServerTrace(defaultServerTraceFolder(), client.server(), traceId, fetched.body, error);
    if (path.isEmpty()) {
        printError(command + QStringLiteral(": ") + error);
        return nullptr;
    }
    LoadControl control;
    control.limits = limits;
    LoadResult loaded = loadTraceFile(path, &control);
    if (!loaded.ok() || loaded.traces.empty()) {
        printError(command + QStringLiteral(": ")
                   + ServerOptionsText::tr("trace %1 from %2: %3").arg(traceId, client.serverName(), loaded.error));
        return nullptr;
    }
    return loaded.traces.front();
}

} // namespace

void ServerOptions::addTo(QCommandLineParser& parser, bool withComparison) const
{
    parser.addOption(described(m_server, ServerOptionsText::tr("A Jaeger, Tempo or Zipkin server's base URL (API port, e.g. "
                                                               "http://localhost:16686).")));
    parser.addOption(described(m_kind, ServerOptionsText::tr("jaeger, jaeger-v3, tempo, tempo-v2 or zipkin (default: by port, "
                                                             "3200 tempo, 9411 zipkin, else jaeger).")));
    parser.addOption(described(m_timeout, ServerOptionsText::tr("Seconds to wait for each answer (default 30).")));
    parser.addOption(described(m_caFile, ServerOptionsText::tr("Also trust the certificate authority in this PEM file.")));
    if (!withComparison)
        return;
    parser.addOption(described(m_targetId, ServerOptionsText::tr("With --server: the trace to explain, by id or UI link.")));
    parser.addOption(described(m_baselineId, ServerOptionsText::tr("With --server: a baseline trace by id (repeat for more).")));
    parser.addOption(described(m_baselines, ServerOptionsText::tr("With --server: \"auto\" finds normal traces of the target's root "
                                                                  "operation before it.")));
    parser.addOption(described(m_count, ServerOptionsText::tr("With --baselines auto: how many baselines (default 10).")));
    parser.addOption(described(m_window, ServerOptionsText::tr("With --baselines auto: how far before the target to search, e.g. "
                                                               "30m, 1h, 1d (default 1h).")));
}

bool ServerOptions::serverGiven(const QCommandLineParser& parser) const
{
    return parser.isSet(m_server);
}

std::unique_ptr<TraceServerClient> ServerOptions::makeClient(const QCommandLineParser& parser, const QString& command) const
{
    const QUrl base = QUrl::fromUserInput(parser.value(m_server));
    if (!parser.isSet(m_server) || !base.isValid() || base.host().isEmpty()) {
        printError(ServerOptionsText::tr("%1: --server URL is required (e.g. http://localhost:16686)").arg(command));
        return nullptr;
    }
    std::optional<TraceServerKind> kind = guessKind(base);
    if (parser.isSet(m_kind))
        kind = kindFromName(parser.value(m_kind));
    if (!kind) {
        printError(ServerOptionsText::tr("%1: --kind is jaeger, jaeger-v3, tempo, tempo-v2 or zipkin, not \"%2\"")
                       .arg(command, parser.value(m_kind)));
        return nullptr;
    }
    bool ok = false;
    const double timeout = parser.value(m_timeout).toDouble(&ok);
    if (!ok || timeout <= 0) {
        printError(ServerOptionsText::tr("%1: --timeout needs a number of seconds").arg(command));
        return nullptr;
    }
    auto client = std::make_unique<TraceServerClient>(TraceServer{*kind, base}, ServerAuth::fromEnvironment());
    client->setTimeoutMs(static_cast<int>(timeout * 1000));
    if (parser.isSet(m_caFile)) {
        QString error;
        if (!client->setCaFile(parser.value(m_caFile), error)) {
            printError(command + QStringLiteral(": ") + error);
            return nullptr;
        }
    }
    return client;
}

std::optional<int> ServerOptions::loadInputs(const QCommandLineParser& parser, const QString& command, const LoadLimits& limits,
                                             ComparisonInputs& out) const
{
    const auto client = makeClient(parser, command);
    if (!client)
        return 2;
    const auto targetId = traceIdFromText(parser.value(m_targetId));
    if (!targetId) {
        printError(ServerOptionsText::tr("%1: --server needs --target-id with a trace id or UI link").arg(command));
        return 2;
    }
    const bool automatic = parser.value(m_baselines) == QLatin1String("auto");
    if (parser.isSet(m_baselines) && !automatic) {
        printError(ServerOptionsText::tr("%1: --baselines takes \"auto\"; name traces with --baseline-id").arg(command));
        return 2;
    }
    if (!automatic && parser.values(m_baselineId).isEmpty()) {
        printError(ServerOptionsText::tr("%1: give --baseline-id ID… or --baselines auto").arg(command));
        return 2;
    }
    bool ok = false;
    const int count = parser.value(m_count).toInt(&ok);
    if (!ok || count < 1 || count > 100) {
        printError(ServerOptionsText::tr("%1: --count needs a number from 1 to 100").arg(command));
        return 2;
    }
    const auto window = parseWindow(parser.value(m_window));
    if (!window) {
        printError(ServerOptionsText::tr("%1: --window needs a duration such as 30m, 1h or 1d, not \"%2\"")
                       .arg(command, parser.value(m_window)));
        return 2;
    }

    out.target = fetchAndLoad(*client, command, *targetId, limits);
    if (!out.target)
        return 2;
    QStringList baselineIds;
    if (automatic) {
        const BaselineFinding finding = findBaselines(*client, *out.target, *targetId, count, *window);
        if (!finding.error.isEmpty()) {
            printError(command + QStringLiteral(": ") + finding.error);
            return 2;
        }
        QStringList chosen;
        for (const FoundTrace& t : finding.chosen) {
            baselineIds << t.traceId;
            chosen << QStringLiteral("%1 (%2)").arg(t.traceId, formatDuration(t.durationNs));
        }
        printError(ServerOptionsText::tr("%1: %n baseline(s) of %2 “%3” from %4 trace(s) found in the %5 before the target: %6",
                                         nullptr, static_cast<int>(finding.chosen.size()))
                       .arg(command, finding.search.service, finding.search.operation)
                       .arg(finding.found.size())
                       .arg(parser.value(m_window), chosen.join(QStringLiteral(", "))));
    } else {
        for (const QString& text : parser.values(m_baselineId)) {
            if (const auto id = traceIdFromText(text))
                baselineIds << *id;
            else
                printError(ServerOptionsText::tr("%1: no trace id in \"%2\"").arg(command, text));
        }
    }
    for (const QString& id : baselineIds) {
        if (TracePtr trace = fetchAndLoad(*client, command, id, limits))
            out.baselines.push_back(std::move(trace));
    }
    if (out.baselines.empty()) {
        printError(ServerOptionsText::tr("%1: no baseline could be fetched from %2").arg(command, client->serverName()));
        return 2;
    }
    return std::nullopt;
}

} // namespace tracedelta::cli
