// SPDX-License-Identifier: GPL-3.0-or-later
#include "fetchcommand.h"

#include "output.h"
#include "serveroptions.h"

#include "core/io/traceloader.h"
#include "core/remote/traceserverclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace tracedelta::cli {

namespace {
struct FetchCommandText
{
    Q_DECLARE_TR_FUNCTIONS(FetchCommand)
};

} // namespace

int runFetch(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(FetchCommandText::tr("Fetch traces by id from a Jaeger, Tempo or Zipkin server."));
    parser.addHelpOption();
    const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                          FetchCommandText::tr("Folder to write the traces to."), QStringLiteral("DIR"),
                                          QStringLiteral("."));
    parser.addOption(outputOption);
    const ServerOptions serverOptions;
    serverOptions.addTo(parser, false);
    parser.addPositionalArgument(QStringLiteral("TRACE_ID"), FetchCommandText::tr("Trace ids or UI links."), QStringLiteral("TRACE_ID…"));
    parser.process(arguments.mid(1));

    const auto client = serverOptions.makeClient(parser, QStringLiteral("fetch"));
    if (!client)
        return 2;
    if (parser.positionalArguments().isEmpty()) {
        printError(FetchCommandText::tr("fetch: give at least one trace id"));
        return 2;
    }
    const QDir dir(parser.value(outputOption));
    if (!dir.mkpath(QStringLiteral("."))) {
        printError(FetchCommandText::tr("fetch: cannot create %1").arg(QDir::toNativeSeparators(dir.absolutePath())));
        return 2;
    }
    int failures = 0;
    for (const QString& text : parser.positionalArguments()) {
        const auto id = traceIdFromText(text);
        if (!id) {
            printError(FetchCommandText::tr("fetch: no trace id in \"%1\"").arg(text));
            ++failures;
            continue;
        }
        const FetchedTrace fetched = client->fetchTrace(*id);
        if (!fetched.error.isEmpty()) {
            printError(QStringLiteral("fetch: ") + fetched.error);
            ++failures;
            continue;
        }
        const QString path = dir.filePath(*id + QStringLiteral(".json"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(fetched.body) != fetched.body.size() || !file.commit()) {
            printError(FetchCommandText::tr("fetch: cannot write %1: %2").arg(path, file.errorString()));
            ++failures;
            continue;
        }
        // A body that is JSON but not a trace is reported like a bad file, and not kept.
        const LoadResult loaded = loadTraceFile(path);
        if (!loaded.ok()) {
            QFile::remove(path);
            printError(QStringLiteral("fetch: ") + loaded.error);
            ++failures;
            continue;
        }
        printOut(FetchCommandText::tr("%1  %n span(s)\n", nullptr, loaded.traces.front()->spanCount()).arg(QDir::toNativeSeparators(path)));
    }
    return failures == 0 ? 0 : 2;
}

} // namespace tracedelta::cli
