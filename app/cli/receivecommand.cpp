// SPDX-License-Identifier: GPL-3.0-or-later
#include "receivecommand.h"

#include "output.h"

#include "core/io/loadlimits.h"
#include "core/remote/otlpreceiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTimer>

#include <csignal>

namespace tracedelta::cli {

namespace {

struct ReceiveCommandText
{
    Q_DECLARE_TR_FUNCTIONS(ReceiveCommand)
};

volatile std::sig_atomic_t g_stopRequested = 0;

extern "C" void requestStop(int)
{
    g_stopRequested = 1;
}

} // namespace

int runReceive(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ReceiveCommandText::tr("Receive traces over OTLP/HTTP and write each one to a file."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    ReceiveCommandText::tr("Address and port to listen on (default 127.0.0.1:4318; port 0 "
                                                           "picks a free one). Other hosts can send only when you listen "
                                                           "on their network, e.g. 0.0.0.0:4318."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:4318"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    ReceiveCommandText::tr("Folder for the received traces (default ./received-traces)."),
                                    QStringLiteral("DIR"), QStringLiteral("received-traces"));
    const QCommandLineOption quiet(QStringLiteral("quiet-time"),
                                   ReceiveCommandText::tr("A trace is complete when no span arrived for it for this many "
                                                          "seconds (default 5)."),
                                   QStringLiteral("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
                                     ReceiveCommandText::tr("Refuse request bodies larger than SIZE, also after "
                                                            "decompression (default 64M)."),
                                     QStringLiteral("SIZE"), QStringLiteral("64M"));
    const QCommandLineOption exitAfter(QStringLiteral("exit-after"),
                                       ReceiveCommandText::tr("Stop after N traces were written."), QStringLiteral("N"));
    parser.addOptions({listen, output, quiet, maxBody, exitAfter});
    parser.process(arguments.mid(1));

    OtlpReceiver::Settings settings;
    if (!parseListenAddress(parser.value(listen), settings.address, settings.port)) {
        printError(ReceiveCommandText::tr("receive: --listen needs HOST:PORT, not \"%1\"").arg(parser.value(listen)));
        return 2;
    }
    bool ok = false;
    const double quietSeconds = parser.value(quiet).toDouble(&ok);
    if (!ok || quietSeconds <= 0 || quietSeconds > 3600) {
        printError(ReceiveCommandText::tr("receive: --quiet-time needs seconds between 0 and 3600, not \"%1\"").arg(parser.value(quiet)));
        return 2;
    }
    const auto bodyBytes = parseByteSize(parser.value(maxBody));
    if (!bodyBytes || *bodyBytes <= 0) {
        printError(ReceiveCommandText::tr("receive: --max-body needs a size such as 64M, not \"%1\"").arg(parser.value(maxBody)));
        return 2;
    }
    int stopAfter = 0;
    if (parser.isSet(exitAfter)) {
        stopAfter = parser.value(exitAfter).toInt(&ok);
        if (!ok || stopAfter <= 0) {
            printError(ReceiveCommandText::tr("receive: --exit-after needs a positive number, not \"%1\"").arg(parser.value(exitAfter)));
            return 2;
        }
    }
    settings.maxBodyBytes = static_cast<std::int64_t>(*bodyBytes);
    settings.traces.quietMs = static_cast<int>(quietSeconds * 1000);
    settings.traces.outputDir = QDir(parser.value(output)).absolutePath();

    OtlpReceiver receiver(settings);
    if (const QString error = receiver.listen(); !error.isEmpty()) {
        printError(QStringLiteral("receive: ") + error);
        return 2;
    }
    printOut(ReceiveCommandText::tr("Listening for OTLP/HTTP traces (protobuf or JSON) on %1\n"
                                    "Point your application at it: OTEL_EXPORTER_OTLP_ENDPOINT=%2\n"
                                    "Writing each trace to %3 when no span arrived for it for %4 s; Ctrl+C to stop.\n")
                 .arg(receiver.endpoint(), receiver.endpoint().chopped(QStringLiteral("/v1/traces").size()),
                      QDir::toNativeSeparators(settings.traces.outputDir))
                 .arg(quietSeconds));

    int written = 0;
    int exitCode = 0;
    QObject::connect(receiver.traces(), &ReceivedTraces::traceCompleted, &receiver,
                     [&](const QString& path, const QString& traceId, qint64 spans) {
                         printOut(ReceiveCommandText::tr("%1  trace %2  %n span(s)\n", nullptr, static_cast<int>(spans))
                                      .arg(QDir::toNativeSeparators(path), traceId));
                         if (stopAfter > 0 && ++written >= stopAfter)
                             QCoreApplication::exit(0);
                     });
    QObject::connect(receiver.traces(), &ReceivedTraces::writeFailed, &receiver, [&](const QString& message) {
        printError(QStringLiteral("receive: ") + message);
        exitCode = 1;
    });
    QObject::connect(&receiver, &OtlpReceiver::requestHandled, &receiver, [](int status, const QString& summary) {
        if (status != 200)
            printError(ReceiveCommandText::tr("rejected a request (HTTP %1): %2\n").arg(status).arg(summary));
    });
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &receiver, [] {
        if (g_stopRequested)
            QCoreApplication::exit(0);
    });
    stopPoll.start(100);
    QCoreApplication::exec();
    receiver.stop(); // writes the traces still open
    return exitCode;
}

} // namespace tracedelta::cli
