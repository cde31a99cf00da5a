// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace tracedelta::cli {

void printOut(const QString& text);
void printError(const QString& text);

// Parses a subcommand's arguments. Returns the exit status when the command is already
// answered (2 after a usage error, 0 after printing --help), nullopt when it should run.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments);

} // namespace tracedelta::cli
