// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisoninputs.h"

#include "core/remote/traceserverclient.h"

#include <QCommandLineOption>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace tracedelta::cli {

// --server URL [--kind K] [--timeout S] [--ca-file PEM] for every command that talks to a
// Jaeger, Tempo or Zipkin server, and for compare/export --target-id ID [--baseline-id ID…
// | --baselines auto [--count N] [--window 1h]]. Credentials come from the environment
// (TRACEDELTA_TOKEN, TRACEDELTA_USER, TRACEDELTA_PASSWORD, TRACEDELTA_HEADERS).
class ServerOptions
{
public:
    void addTo(QCommandLineParser& parser, bool withComparison) const;
    bool serverGiven(const QCommandLineParser& parser) const;
    // A client for the server asked for; prints the problem and returns null otherwise.
    std::unique_ptr<TraceServerClient> makeClient(const QCommandLineParser& parser, const QString& command) const;

    // Fetches the target and its baselines (given, or found around the target), keeps them
    // in the server-trace folder and loads them. A baseline that fails is reported and left
    // out; a target that fails, or no baseline at all, ends the command (status 2).
    std::optional<int> loadInputs(const QCommandLineParser& parser, const QString& command, const LoadLimits& limits,
                                  ComparisonInputs& out) const;

private:
    QCommandLineOption m_server{QStringLiteral("server"), QStringLiteral("placeholder"), QStringLiteral("URL")};
    QCommandLineOption m_kind{QStringLiteral("kind"), QStringLiteral("placeholder"), QStringLiteral("KIND")};
    QCommandLineOption m_timeout{QStringLiteral("timeout"), QStringLiteral("placeholder"), QStringLiteral("SECONDS"), QStringLiteral("30")};
    QCommandLineOption m_caFile{QStringLiteral("ca-file"), QStringLiteral("placeholder"), QStringLiteral("PEM")};
    QCommandLineOption m_targetId{QStringLiteral("target-id"), QStringLiteral("placeholder"), QStringLiteral("ID")};
    QCommandLineOption m_baselineId{QStringLiteral("baseline-id"), QStringLiteral("placeholder"), QStringLiteral("ID")};
    QCommandLineOption m_baselines{QStringLiteral("baselines"), QStringLiteral("placeholder"), QStringLiteral("auto")};
    QCommandLineOption m_count{QStringLiteral("count"), QStringLiteral("placeholder"), QStringLiteral("N"), QStringLiteral("10")};
    QCommandLineOption m_window{QStringLiteral("window"), QStringLiteral("placeholder"), QStringLiteral("DURATION"), QStringLiteral("1h")};
};

} // namespace tracedelta::cli
