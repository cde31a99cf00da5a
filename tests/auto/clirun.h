// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the tracedelta command line as a user would (a process of its own) for the CLI tests.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace tracedelta::test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// TRACEDELTA_BINARY: the built executable, defined by tests/auto/CMakeLists.txt.
inline CliRun runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(TRACEDELTA_BINARY), arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace tracedelta::test
