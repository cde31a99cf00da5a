// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisoninputs.h"
#include "core/analysis/occurrences.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <nlohmann/json_fwd.hpp>

#include <optional>

namespace tracedelta::cli {

// --repeated NAME|PATTERN [--target-occurrence slowest|INDEX|TIME] [--baselines all|typical],
// shared by compare, stats and export: one occurrence of a repeated unit against its siblings.
class RepeatedOptions
{
public:
    // `baselinesShared`: the command's server options already define --baselines (auto); the
    // one option then also takes all|typical with --repeated.
    void addTo(QCommandLineParser& parser, bool baselinesShared = false) const;
    bool given(const QCommandLineParser& parser) const { return parser.isSet(m_repeated); }
    // Loads every trace of `files`, finds the occurrences and fills `out` with the target's and
    // the baselines' occurrence traces and the choice. Prints what went wrong and returns the
    // exit status 2 on failure, nullopt on success.
    std::optional<int> loadInputs(const QCommandLineParser& parser, const QString& command, const QStringList& files,
                                  const QString& traceId, const LoadLimits& limits, ComparisonInputs& out) const;

private:
    QCommandLineOption m_repeated{QStringLiteral("repeated"), QStringLiteral("placeholder"), QStringLiteral("NAME|PATTERN")};
    QCommandLineOption m_target{QStringLiteral("target-occurrence"), QStringLiteral("placeholder"), QStringLiteral("slowest|INDEX|TIME"),
                                QStringLiteral("slowest")};
    QCommandLineOption m_baselines{QStringLiteral("baselines"), QStringLiteral("placeholder"), QStringLiteral("all|typical"),
                                   QStringLiteral("all")};
};

// The "repeated" block of the JSON output: which occurrence was compared with which.
nlohmann::json repeatedJson(const OccurrenceChoice& choice);

} // namespace tracedelta::cli
