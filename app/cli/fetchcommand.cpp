// SPDX-License-Identifier: GPL-3.0-or-later
#include "fetchcommand.h"

#include "output.h"

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

std::optional<TraceServerKind> kindFromName(const QString& name, const QUrl& url)
{
    if (name == QLatin1String("jaeger"))
        return TraceServerKind::Jaeger;
    if (name == QLatin1String("tempo"))
        return TraceServerKind::Tempo;
    if (name == QLatin1String("zipkin"))
        return TraceServerKind::Zipkin;
    if (!name.isEmpty())
        return std::nullopt;
    // Without --kind: the backends' default ports say which one it is.
    switch (url.port()) {
    case 3200: return TraceServerKind::Tempo;
    case 9411: return TraceServerKind::Zipkin;
    default: return TraceServerKind::Jaeger;
    }
}
} // namespace

int runFetch(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(FetchCommandText::tr("Fetch traces by id from a Jaeger, Tempo or Zipkin server."));
    parser.addHelpOption();
    const QCommandLineOption serverOption(QStringLiteral("server"), FetchCommandText::tr("The server's base URL."), QStringLiteral("URL"));
    const QCommandLineOption kindOption(QStringLiteral("kind"),
                                        FetchCommandText::tr("jaeger, tempo or zipkin (default: by port, else jaeger)."),
                                        QStringLiteral("KIND"));
    const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                          FetchCommandText::tr("Folder to write the traces to."), QStringLiteral("DIR"),
                                          QStringLiteral("."));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), FetchCommandText::tr("Seconds to wait for each trace (default 30)."),
                                           QStringLiteral("SECONDS"), QStringLiteral("30"));
    parser.addOptions({serverOption, kindOption, outputOption, timeoutOption});
    parser.addPositionalArgument(QStringLiteral("TRACE_ID"), FetchCommandText::tr("Trace ids or UI links."), QStringLiteral("TRACE_ID…"));
    parser.process(arguments.mid(1));

    const QUrl base = QUrl::fromUserInput(parser.value(serverOption));
    if (!parser.isSet(serverOption) || !base.isValid()) {
        printError(FetchCommandText::tr("fetch: --server URL is required (e.g. http://localhost:16686)"));
        return 2;
    }
    const auto kind = kindFromName(parser.value(kindOption), base);
    if (!kind) {
        printError(FetchCommandText::tr("fetch: --kind is jaeger, tempo or zipkin, not \"%1\"").arg(parser.value(kindOption)));
        return 2;
    }
    if (parser.positionalArguments().isEmpty()) {
        printError(FetchCommandText::tr("fetch: give at least one trace id"));
        return 2;
    }
    ServerAuth auth;
    auth.bearerToken = qEnvironmentVariable("TRACEDELTA_TOKEN");
    auth.user = qEnvironmentVariable("TRACEDELTA_USER");
    auth.password = qEnvironmentVariable("TRACEDELTA_PASSWORD");
    for (const QString& line : qEnvironmentVariable("TRACEDELTA_HEADERS").split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            auth.headers << qMakePair(line.left(colon).trimmed().toUtf8(), line.mid(colon + 1).trimmed().toUtf8());
    }
    TraceServerClient client({*kind, base}, auth);
    client.setTimeoutMs(static_cast<int>(parser.value(timeoutOption).toDouble() * 1000));
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
        const FetchedTrace fetched = client.fetchTrace(*id);
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
