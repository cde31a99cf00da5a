// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/loadlimits.h"

#include <QCommandLineOption>

#include <optional>

class QCommandLineParser;

namespace tracedelta::cli {

// --max-spans N and --max-size SIZE, shared by every command that loads traces.
class LoadLimitOptions
{
public:
    void addTo(QCommandLineParser& parser) const;
    // The limits asked for; prints the problem and returns nullopt for an unreadable value.
    std::optional<LoadLimits> read(const QCommandLineParser& parser, const QString& command) const;

private:
    QCommandLineOption m_maxSpans{QStringLiteral("max-spans"), QStringLiteral("placeholder"), QStringLiteral("N")};
    QCommandLineOption m_maxSize{QStringLiteral("max-size"), QStringLiteral("placeholder"), QStringLiteral("SIZE")};
};

} // namespace tracedelta::cli
