// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/comparecommand.h"
#include "cli/fetchcommand.h"
#include "cli/receivecommand.h"
#include "cli/statscommand.h"
#include "cli/exportcommand.h"
#include "cli/output.h"
#include "cli/summarycommand.h"
#include "ui/comparisonview.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/navigation/selectionstate.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

#include <memory>

namespace {

using namespace tracedelta;

QString usage()
{
    return QCoreApplication::translate("main",
                                       "Usage: tracedelta [FILE…] [--target FILE]  open trace files in the comparison window\n"
                                       "       tracedelta summary FILE… [--json]   print what trace files hold\n"
                                       "       tracedelta compare BASELINE… --target FILE [--json] [--top N] [--trace-id ID]\n"
                                       "                [--exact-names]\n"
                                       "       tracedelta compare A B              A is the baseline, B the target\n"
                                       "       tracedelta compare|stats|export FILE… --repeated NAME|PATTERN\n"
                                       "                [--target-occurrence slowest|INDEX|TIME] [--baselines all|typical]\n"
                                       "                                           one occurrence against the others in the file\n"
                                       "       tracedelta stats FILE… [--target FILE] [--json] [--by operation|path|lane]\n"
                                       "                [--sort self|total|count|delta] [--top N]\n"
                                       "       tracedelta export BASELINE… --target FILE -o OUT.(png|svg|pdf|html|md)\n"
                                       "                [--view gantt|flame|diff] [--annotate-top N] [--note \"SPAN_NAME=text\"]…\n"
                                       "                [--width W --height H] [--scale S] [--exact-names]\n"
                                       "       tracedelta export A B -o OUT        A is the baseline, B the target\n"
                                       "       tracedelta receive [--listen HOST:PORT] [-o DIR] [--quiet-time SECONDS]\n"
                                       "                [--max-body SIZE] [--exit-after N]   receive traces over OTLP/HTTP\n"
                                       "       tracedelta compare|export --server URL --target-id ID\n"
                                       "                (--baseline-id ID… | --baselines auto [--count N] [--window 1h]) …\n"
                                       "       tracedelta fetch --server URL [--kind jaeger|jaeger-v3|tempo|tempo-v2|zipkin]\n"
                                       "                [--ca-file PEM] TRACE_ID… -o DIR\n"
                                       "       tracedelta --help | --version\n\n"
                                       "Reads Jaeger, Zipkin v2, OpenTelemetry (OTLP/JSON and OTLP protobuf), Chrome\n"
                                       "trace-event JSON and Perfetto protobuf traces, plain or gzip-compressed; the format\n"
                                       "is detected from the content.\n"
                                       "TraceDelta is free software under the GNU GPL, version 3 or later.\n");
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("TraceDelta"));
    QCoreApplication::setOrganizationName(QStringLiteral("TraceDelta"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRACEDELTA_VERSION));
}

} // namespace

int main(int argc, char* argv[])
{
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const bool headless = command == QLatin1String("summary") || command == QLatin1String("compare") || command == QLatin1String("stats")
        || command == QLatin1String("receive") || command == QLatin1String("fetch")
        || command == QLatin1String("--help")
        || command == QLatin1String("-h") || command == QLatin1String("--version") || command == QLatin1String("-v");
    if (headless) {
        QCoreApplication app(argc, argv);
        describeApplication();
        // Output for scripts: the same decimal point and English text on every machine.
        QLocale::setDefault(QLocale::c());
        if (command == QLatin1String("summary"))
            return cli::runSummary(app.arguments());
        if (command == QLatin1String("compare"))
            return cli::runCompare(app.arguments());
        if (command == QLatin1String("stats"))
            return cli::runStats(app.arguments());
        if (command == QLatin1String("receive"))
            return cli::runReceive(app.arguments());
        if (command == QLatin1String("fetch"))
            return cli::runFetch(app.arguments());
        if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
            cli::printOut(QStringLiteral("tracedelta %1\n").arg(QStringLiteral(TRACEDELTA_VERSION)));
            return 0;
        }
        cli::printOut(usage());
        return 0;
    }

    if (command == QLatin1String("export")) {
        // Renders without a display: the offscreen platform needs no X server or Wayland.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
        QApplication app(argc, argv);
        describeApplication();
        QLocale::setDefault(QLocale::c());
        return cli::runExport(app.arguments());
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("TraceDelta"));
    applyLanguage(localeForLanguage(savedLanguage()));
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Trace files"), QStringLiteral("[FILE…]"));
    // Saves a picture of the window once the files are loaded, then quits: for documentation and checks.
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QStringLiteral("Save the window to PATH and quit."),
                                              QStringLiteral("PATH"));
    parser.addOption(screenshotOption);
    const QCommandLineOption viewOption(QStringLiteral("view"), QStringLiteral("Start in the timelines or flame graphs view."),
                                        QStringLiteral("timelines|flame"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), QStringLiteral("Use the light or dark palette."),
                                         QStringLiteral("light|dark"));
    const QCommandLineOption selectTopOption(QStringLiteral("select-top"),
                                             QStringLiteral("Select the top root-cause candidate once compared."));
    parser.addOption(viewOption);
    parser.addOption(themeOption);
    parser.addOption(selectTopOption);
    const QCommandLineOption targetOption(QStringLiteral("target"),
                                          QCoreApplication::translate("main", "Open FILE as the target (the others as baselines)."),
                                          QStringLiteral("FILE"));
    parser.addOption(targetOption);
    parser.process(app);
    QStringList files = parser.positionalArguments();
    const QString targetFile = parser.isSet(targetOption) ? QFileInfo(parser.value(targetOption)).absoluteFilePath() : QString();
    if (!targetFile.isEmpty() && !files.contains(parser.value(targetOption)))
        files << parser.value(targetOption);
    MainWindow window;
    if (parser.isSet(themeOption))
        window.setTheme(parser.value(themeOption) == QLatin1String("dark") ? MainWindow::Theme::Dark : MainWindow::Theme::Light);
    if (parser.value(viewOption) == QLatin1String("flame"))
        window.comparisonView()->setMode(ComparisonView::Mode::FlameGraphs);
    if (parser.isSet(selectTopOption)) {
        QObject::connect(&window, &MainWindow::comparisonFinished, &window, [&window] {
            const auto comparison = window.comparison();
            if (comparison && !comparison->candidates().empty())
                window.selection()->selectNode(comparison->candidates().front().node, true);
        });
    }
    // The user's target replaces the automatic choice once the files are in.
    const auto isTheChosenTarget = [&window, targetFile](const Trace& trace) {
        return targetFile.isEmpty() || QFileInfo(trace.sourceFile()).absoluteFilePath() == targetFile;
    };
    if (!targetFile.isEmpty()) {
        QObject::connect(&window, &MainWindow::loadingFinished, &window, [&window, isTheChosenTarget] {
            const auto& entries = window.entries();
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (isTheChosenTarget(*entries[i].trace))
                    window.setTarget(i);
            }
        });
    }
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        const auto shoot = [&window, path] {
            QTimer::singleShot(300, &window, [&window, path] {
                const bool saved = window.grab().save(path);
                QCoreApplication::exit(saved ? 0 : 2);
            });
        };
        // With traces loaded, wait for the comparison so the picture shows its result.
        QObject::connect(&window, &MainWindow::loadingFinished, &window, [&window, shoot] {
            if (window.traces().empty())
                shoot();
        });
        QObject::connect(&window, &MainWindow::comparisonFinished, &window, [&window, shoot, isTheChosenTarget] {
            if (window.comparison() && isTheChosenTarget(window.comparison()->target()))
                shoot();
        });
        if (files.isEmpty())
            shoot();
    }
    window.openFiles(files);
    if (!parser.isSet(screenshotOption))
        QTimer::singleShot(0, &window, &MainWindow::offerAutosaveRecovery);
    return app.exec();
}
