// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommand.h"

#include "core/compare/operationstatistics.h"

#include "comparisoninputs.h"
#include "loadlimitoptions.h"
#include "repeatedoptions.h"
#include "serveroptions.h"
#include "core/compare/comparison.h"
#include "output.h"
#include "ui/annotations/annotationstore.h"
#include "ui/comparisonview.h"
#include "ui/export/incidentreport.h"
#include "ui/export/reportpicture.h"
#include "ui/navigation/selectionstate.h"
#include "ui/navigation/timeaxis.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace tracedelta::cli {

namespace {

// lupdate files these strings under "ExportCommand"; the struct only gives them that context.
struct ExportCommandText
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

const QStringList PictureSuffixes{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
const QStringList ReportSuffixes{QStringLiteral("html"), QStringLiteral("htm"), QStringLiteral("md")};

std::optional<int> positiveNumber(const QCommandLineParser& parser, const QCommandLineOption& option, int& out)
{
    if (!parser.isSet(option))
        return std::nullopt;
    bool ok = false;
    out = parser.value(option).toInt(&ok);
    if (!ok || out < 0) {
        printError(ExportCommandText::tr("export: --%1 needs a non-negative number").arg(option.names().constFirst()));
        return 2;
    }
    return std::nullopt;
}

} // namespace

int runExport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ExportCommandText::tr("Render the comparison of a target trace with its baselines, with notes, to an "
                                        "image (PNG, SVG, PDF) or an incident report (HTML, Markdown), without a display."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("export"), ExportCommandText::tr("The command."));
    parser.addPositionalArgument(QStringLiteral("baseline"), ExportCommandText::tr("Baseline trace files (normal runs)."), QStringLiteral("BASELINE…"));
    const QCommandLineOption targetOption(QStringLiteral("target"), ExportCommandText::tr("The trace to explain (the slow one)."), QStringLiteral("FILE"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          ExportCommandText::tr("Where to write: .png, .svg, .pdf, .html or .md."), QStringLiteral("OUT"));
    const QCommandLineOption viewOption(QStringLiteral("view"), ExportCommandText::tr("gantt (default), flame or diff."), QStringLiteral("VIEW"),
                                        QStringLiteral("gantt"));
    const QCommandLineOption annotateOption(QStringLiteral("annotate-top"), ExportCommandText::tr("Callouts for the top N findings."),
                                            QStringLiteral("N"));
    const QCommandLineOption noteOption(QStringLiteral("note"), ExportCommandText::tr("A note on the target's first span named SPAN_NAME."),
                                        QStringLiteral("SPAN_NAME=text"));
    const QCommandLineOption widthOption(QStringLiteral("width"), ExportCommandText::tr("Picture width in pixels (default 1600)."), QStringLiteral("W"));
    const QCommandLineOption heightOption(QStringLiteral("height"), ExportCommandText::tr("Picture height in pixels (default: what it needs)."),
                                          QStringLiteral("H"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), ExportCommandText::tr("PNG pixel scale for high-DPI (default 1)."),
                                         QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption traceIdOption(QStringLiteral("trace-id"), ExportCommandText::tr("Use only traces with this id."), QStringLiteral("ID"));
    const QCommandLineOption exactNamesOption(QStringLiteral("exact-names"),
                                              ExportCommandText::tr("Align span names and lanes exactly as written."));
    parser.addOptions({targetOption, outputOption, viewOption, annotateOption, noteOption, widthOption, heightOption,
                       scaleOption, traceIdOption, exactNamesOption});
    const LoadLimitOptions limitOptions;
    limitOptions.addTo(parser);
    const ServerOptions serverOptions;
    serverOptions.addTo(parser, true);
    const RepeatedOptions repeatedOptions;
    repeatedOptions.addTo(parser, true);
    if (const auto answered = parseCommandLine(parser, arguments))
        return *answered;

    const QString output = parser.value(outputOption);
    if (output.isEmpty()) {
        printError(ExportCommandText::tr("export: say where to write with -o OUT.png|svg|pdf|html|md"));
        return 2;
    }
    const QString suffix = QFileInfo(output).suffix().toLower();
    if (!PictureSuffixes.contains(suffix) && !ReportSuffixes.contains(suffix)) {
        printError(ExportCommandText::tr("export: %1: unknown extension \"%2\" (use .png, .svg, .pdf, .html or .md)").arg(output, suffix));
        return 2;
    }
    PictureSettings settings;
    const QString view = parser.value(viewOption);
    if (view == QLatin1String("gantt"))
        settings.content = PictureSettings::Content::Timelines;
    else if (view == QLatin1String("flame"))
        settings.content = PictureSettings::Content::FlameGraphs;
    else if (view == QLatin1String("diff"))
        settings.content = PictureSettings::Content::DifferentialOnly;
    else {
        printError(ExportCommandText::tr("export: --view must be gantt, flame or diff, not \"%1\"").arg(view));
        return 2;
    }
    int annotateTop = 0;
    if (const auto bad = positiveNumber(parser, annotateOption, annotateTop))
        return *bad;
    if (const auto bad = positiveNumber(parser, widthOption, settings.width))
        return *bad;
    if (const auto bad = positiveNumber(parser, heightOption, settings.height))
        return *bad;
    bool scaleOk = false;
    const double scale = parser.value(scaleOption).toDouble(&scaleOk);
    if (!scaleOk || scale <= 0 || scale > 8) {
        printError(ExportCommandText::tr("export: --scale must be a number between 0 and 8"));
        return 2;
    }

    const auto limits = limitOptions.read(parser, QStringLiteral("export"));
    if (!limits)
        return 2;
    ComparisonInputs inputs;
    if (repeatedOptions.given(parser)) {
        if (const auto failed = repeatedOptions.loadInputs(parser, QStringLiteral("export"), parser.positionalArguments().mid(1),
                                                           parser.value(traceIdOption), *limits, inputs))
            return *failed;
    } else if (serverOptions.serverGiven(parser)) {
        if (const auto failed = serverOptions.loadInputs(parser, QStringLiteral("export"), *limits, inputs))
            return *failed;
    } else if (const auto failed = loadComparisonInputs(QStringLiteral("export"), parser.positionalArguments().mid(1),
                                                        parser.value(targetOption), parser.value(traceIdOption), *limits, inputs)) {
        return *failed;
    }
    ComparisonSettings comparisonSettings;
    comparisonSettings.exactNames = parser.isSet(exactNamesOption);
    auto comparison = std::make_shared<const Comparison>(inputs.baselines, inputs.target, comparisonSettings);
    auto highlights = std::make_shared<const ComparisonHighlights>(*comparison);
    const OperationStatistics statistics(*comparison, StatisticsGrouping::Operation);

    AnnotationStore notes;
    for (const QString& note : parser.values(noteOption)) {
        const qsizetype equals = note.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            printError(ExportCommandText::tr("export: --note needs SPAN_NAME=text, got \"%1\"").arg(note));
            return 2;
        }
        const std::string name = note.left(equals).trimmed().toStdString();
        const Trace& target = *inputs.target;
        SpanIndex span = NoSpan;
        for (SpanIndex i = 0; i < target.spanCount() && span == NoSpan; ++i) {
            if (target.nameText(i) == name)
                span = i;
        }
        if (span == NoSpan) {
            printError(ExportCommandText::tr("export: the target %1 has no span named \"%2\"")
                           .arg(target.sourceFile(), QString::fromStdString(name)));
            return 2;
        }
        notes.add(spanAnnotation(target, span, note.mid(equals + 1).trimmed()));
    }
    if (annotateTop > 0)
        notes.annotateTopFindings(*comparison, annotateTop);

    TimeAxis axis;
    SelectionState selection;
    ComparisonView comparisonView(&axis, &selection);
    comparisonView.resize(settings.width, 900);
    comparisonView.setAnnotationStore(&notes);
    // Dozens of occurrences stacked would not fit: overlaid on the target, as in the window.
    comparisonView.setOverlayBaselines(inputs.repeated.has_value());
    std::vector<PaneTitle> titles;
    const auto& traces = comparison->alignment().traces();
    for (std::size_t t = 0; t < traces.size(); ++t)
        titles.push_back({inputs.repeated ? ComparisonView::occurrencePaneTitle(*traces[t], t == comparison->targetIndex())
                                          : ComparisonView::paneTitle(*traces[t], t == comparison->targetIndex()),
                          t == comparison->targetIndex() ? QColor(0xe6, 0x9f, 0x00) : QColor(0x00, 0x72, 0xb2)});
    comparisonView.setComparison(comparison, highlights, titles);

    const ReportPicture picture(comparisonView, settings);
    const QString error = ReportSuffixes.contains(suffix) ? writeIncidentReport(*comparison, picture, notes.annotations(), output, &statistics)
                                                          : writePicture(picture, output, scale);
    if (!error.isEmpty()) {
        printError(error);
        return 2;
    }
    printOut(ExportCommandText::tr("Wrote %1 (%2 × %3 px). %4\n")
                 .arg(output)
                 .arg(picture.size().width())
                 .arg(picture.size().height())
                 .arg(comparison->verdictSentence()));
    return 0;
}

} // namespace tracedelta::cli
