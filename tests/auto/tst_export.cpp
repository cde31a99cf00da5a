// SPDX-License-Identifier: GPL-3.0-or-later
// Notes, exports and workspaces: what an incident report is made of.
#include "testsupport.h"
#include "windowtestsupport.h"
#include "ui/dialogs/notedialog.h"
#include "ui/annotations/annotationstore.h"
#include "ui/comparisonview.h"
#include "ui/export/reportpicture.h"
#include "ui/legendbar.h"
#include "ui/mainwindow.h"
#include "ui/navigation/selectionstate.h"
#include "ui/navigation/timeaxis.h"
#include "ui/timeline/ganttcanvas.h"

#include <QApplication>
#include <QSettings>
#include <QAction>
#include <QLineEdit>
#include <QFileDialog>
#include <QPlainTextEdit>
#include <QTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSvgRenderer>

using namespace tracedelta;

namespace {

QStringList sampleFiles()
{
    return {test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-normal-2.json"),
            test::sampleFile("inference-spike.json")};
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A workspace whose view window and range note span the whole 64-bit range. (Kept out of the
// test class: moc's scanner does not follow raw strings with unbalanced braces.)
QByteArray extremeWorkspaceJson(const QString& traceFile)
{
    const QByteArray file = traceFile.toUtf8();
    return QByteArray(R"({"tracedeltaWorkspace":1,"traces":[{"file":")") + file
        + R"(","traceId":"5eed0000e5f60718293a4b5c6d7e8f90","included":true,"target":true}],"annotations":[{"kind":"range","text":"everything",)"
        + R"("traceFile":")" + file + R"(","traceId":"5eed0000e5f60718293a4b5c6d7e8f90","startNs":"-9223372036854775808","endNs":"9223372036854775807"}],)"
        + R"("view":{"mode":0,"viewStartNs":"-9223372036854775808","viewEndNs":"9223372036854775807"}})";
}

SpanIndex spanNamed(const Trace& trace, const char* name)
{
    for (SpanIndex i = 0; i < trace.spanCount(); ++i) {
        if (trace.nameText(i) == name)
            return i;
    }
    return NoSpan;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runBinary(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // export must pick offscreen by itself
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TRACEDELTA_BINARY), arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    bool openSamples()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setTheme(MainWindow::Theme::Light);
        m_window->resize(1400, 900);
        m_window->show();
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        m_window->openFiles(sampleFiles());
        return compared.wait(30000) && m_window->comparison();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { m_window.reset(); }

    void notesUndoAndRedo()
    {
        const TracePtr trace = test::makeTrace("t", {{"r", nullptr, "api", "GET /", 0, 10}, {"a", "r", "api", "work", 1, 5}});
        AnnotationStore store;
        QSignalSpy changed(&store, &AnnotationStore::changed);
        const auto id = store.add(spanAnnotation(*trace, 1, QStringLiteral("first")));
        QCOMPARE(store.annotations().size(), std::size_t(1));
        store.setText(id, QStringLiteral("second"));
        store.move(id, 10, 20);
        store.move(id, 30, 40); // merges with the previous move
        QCOMPARE(store.undoStack()->count(), 3);
        store.remove(id);
        QVERIFY(store.annotations().empty());
        store.undoStack()->undo(); // delete
        QCOMPARE(store.annotations().front().offsetX, 30.0);
        store.undoStack()->undo(); // both moves
        QCOMPARE(store.annotations().front().offsetX, Annotation().offsetX);
        QCOMPARE(store.annotations().front().text, QStringLiteral("second"));
        store.undoStack()->undo(); // edit
        QCOMPARE(store.annotations().front().text, QStringLiteral("first"));
        store.undoStack()->undo(); // add
        QVERIFY(store.annotations().empty());
        store.undoStack()->redo();
        QCOMPARE(store.annotations().front().text, QStringLiteral("first"));
        QVERIFY(changed.count() >= 8);
        // The note finds its span again by name when the index no longer fits.
        Annotation moved = store.annotations().front();
        moved.span = 0;
        QCOMPARE(moved.resolveSpan(*trace), SpanIndex(1));
    }

    void annotateTopFindingsIsOneStep()
    {
        QVERIFY(openSamples());
        AnnotationStore* store = m_window->annotations();
        const auto& candidates = m_window->comparison()->candidates();
        QVERIFY(candidates.size() >= 2);
        QCOMPARE(store->annotateTopFindings(*m_window->comparison(), 2), 2);
        QCOMPARE(store->annotations().size(), std::size_t(2));
        QVERIFY(store->annotations()[1].text.startsWith(QLatin1String("#2 ") + candidates[1].reason));
        QVERIFY(store->annotations().front().text.startsWith(QLatin1String("#1 gateway: preprocess-request")));
        QCOMPARE(QString::fromStdString(store->annotations().front().spanName), QStringLiteral("preprocess-request"));
        store->undoStack()->undo();
        QVERIFY(store->annotations().empty());
    }

    // A callout the user has not placed goes where it hides no other span's bar or label.
    void calloutsAvoidNeighbouringLabels()
    {
        QVERIFY(openSamples());
        const std::size_t target = m_window->comparison()->targetIndex();
        TraceCanvas* pane = m_window->comparisonView()->ganttCanvases()[target];
        const Trace& trace = m_window->comparison()->target();
        const QImage bare = pane->grab().toImage().convertToFormat(QImage::Format_RGB32);
        // A span in the middle rows, with labelled rows above and below it.
        m_window->annotations()->add(spanAnnotation(trace, spanNamed(trace, "run-inference"), QStringLiteral("GPU queue was full here")));
        pane->repaint();
        const QImage noted = pane->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QRect box;
        for (int y = 0; y < noted.height(); ++y) {
            for (int x = 0; x < noted.width(); ++x) {
                if (noted.pixel(x, y) == qRgb(0xff, 0xf4, 0xb8))
                    box |= QRect(x, y, 1, 1);
            }
        }
        QVERIFY(box.width() > 40);
        if (const QString dir = qEnvironmentVariable("TRACEDELTA_SCREENSHOT_DIR"); !dir.isEmpty())
            noted.save(dir + QStringLiteral("/callout-placement.png"));
        int ink = 0;
        for (int y = box.top(); y <= box.bottom(); ++y) {
            for (int x = box.left(); x <= box.right(); ++x)
                ink += qGray(bare.pixel(x, y)) < 110 ? 1 : 0;
        }
        QVERIFY2(ink < 10, qPrintable(QStringLiteral("the note hides %1 dark pixels of text under it").arg(ink)));
    }

    // The notes as the user handles them in a pane: drag a callout, Shift+drag a time range.
    void notesAreDraggedAndRangesDrawnInThePane()
    {
        QVERIFY(openSamples());
        const std::size_t target = m_window->comparison()->targetIndex();
        TraceCanvas* pane = m_window->comparisonView()->ganttCanvases()[target];
        const Trace& trace = m_window->comparison()->target();
        const auto id = m_window->annotations()->add(spanAnnotation(trace, spanNamed(trace, "run-inference"), QStringLiteral("look")));
        pane->repaint();
        // The note's box is where its colour is.
        const QImage image = pane->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QPoint notePixel(-1, -1);
        for (int y = 0; y < image.height() && notePixel.x() < 0; ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixel(x, y) == qRgb(0xff, 0xf4, 0xb8)) {
                    notePixel = QPoint(x + 6, y + 6);
                    break;
                }
            }
        }
        QVERIFY(notePixel.x() >= 0);
        const Annotation before = *m_window->annotations()->find(id);
        QTest::mousePress(pane, Qt::LeftButton, {}, notePixel);
        QTest::mouseMove(pane, notePixel + QPoint(20, -5));
        QTest::mouseMove(pane, notePixel + QPoint(50, -12));
        QTest::mouseRelease(pane, Qt::LeftButton, {}, notePixel + QPoint(50, -12));
        // It moved with the mouse from where it was drawn (the view had placed it clear of
        // other labels), and now stays where the user put it.
        const Annotation* moved = m_window->annotations()->find(id);
        QVERIFY(moved->placed && !before.placed);
        pane->repaint();
        const auto firstNotePixel = [](const QImage& picture) {
            for (int y = 0; y < picture.height(); ++y) {
                for (int x = 0; x < picture.width(); ++x) {
                    if (picture.pixel(x, y) == qRgb(0xff, 0xf4, 0xb8))
                        return QPoint(x, y);
                }
            }
            return QPoint(-1, -1);
        };
        const QPoint shift = firstNotePixel(pane->grab().toImage().convertToFormat(QImage::Format_RGB32)) - (notePixel - QPoint(6, 6));
        QVERIFY2(std::abs(shift.x() - 50) <= 1 && shift.y() < 0,
                 qPrintable(QStringLiteral("moved by %1, %2").arg(shift.x()).arg(shift.y())));
        m_window->annotations()->undoStack()->undo(); // one step for the whole drag
        QCOMPARE(*m_window->annotations()->find(id), before);

        // Shift+drag over empty time, then type the note into the dialog that opens.
        const int x0 = pane->timelineLeft() + 100;
        const int x1 = pane->timelineLeft() + 220;
        const int y = pane->height() - 10;
        QTimer::singleShot(200, this, [] {
            if (auto* dialog = qobject_cast<NoteDialog*>(QApplication::activeModalWidget())) {
                QTest::keyClicks(dialog->editor(), QStringLiteral("GC pause?"));
                QTest::keyClick(dialog->editor(), Qt::Key_Return); // Enter saves
            }
        });
        QTest::mousePress(pane, Qt::LeftButton, Qt::ShiftModifier, QPoint(x0, y));
        QTest::mouseMove(pane, QPoint(x0 + 60, y));
        QTest::mouseMove(pane, QPoint(x1, y));
        QTest::mouseRelease(pane, Qt::LeftButton, Qt::ShiftModifier, QPoint(x1, y));
        const Annotation& band = m_window->annotations()->annotations().back();
        QCOMPARE(band.kind, Annotation::Kind::Range);
        QCOMPARE(band.text, QStringLiteral("GC pause?"));
        const PaneScene scene = pane->scene();
        const std::int64_t expectedStart = scene.mapping.absoluteTime(x0) - trace.traceStartNs();
        QVERIFY(std::llabs(band.startNs - expectedStart) < std::int64_t(2.0 / scene.mapping.pixelsPerNs()));
        QVERIFY(band.endNs > band.startNs);
        // The band tints the background between its edges, and not outside them.
        const QImage tinted = pane->grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QRgb inside = tinted.pixel((x0 + x1) / 2, y);
        const QRgb outside = tinted.pixel(x1 + 60, y);
        QVERIFY2(qBlue(inside) > qRed(inside) + 10, qPrintable(QColor(inside).name()));
        QVERIFY(std::abs(qBlue(outside) - qRed(outside)) < 10);
    }

    void exportsEveryFormat()
    {
        QVERIFY(openSamples());
        QTemporaryDir dir;
        const Trace& target = m_window->comparison()->target();
        m_window->annotations()->add(spanAnnotation(target, spanNamed(target, "run-inference"),
                                                    QStringLiteral("GPU queue was full")));

        // PNG: the target's top candidate is red where the picture says its bar is.
        const QString png = dir.filePath(QStringLiteral("view.png"));
        QCOMPARE(m_window->exportImage(png, 2.0), QString());
        QImage image(png);
        QVERIFY(!image.isNull());
        const ReportPicture picture(*m_window->comparisonView(), m_window->pictureSettings());
        QCOMPARE(image.size(), picture.size() * 2);
        const std::size_t targetPane = m_window->comparison()->targetIndex();
        const QRectF bar = picture.spanRect(targetPane, spanNamed(target, "preprocess-request"));
        QVERIFY(!bar.isEmpty());
        int red = 0;
        int samples = 0;
        for (int x = int(bar.left()) + 60; x < int(bar.right()) - 4; x += 7) {
            const QRgb c = image.pixel(int(x * 2), int(bar.center().y() * 2));
            red += qRed(c) > qGreen(c) + 60 && qRed(c) > qBlue(c) + 60 ? 1 : 0;
            ++samples;
        }
        QVERIFY2(red > samples / 3, qPrintable(QStringLiteral("%1 of %2").arg(red).arg(samples)));
        // A baseline's bar of the same span is not red.
        const Trace& baseline = *m_window->comparison()->alignment().traces()[0];
        const QRectF baselineBar = picture.spanRect(0, spanNamed(baseline, "preprocess-request"));
        const QRgb baselinePixel = image.pixel(int(baselineBar.center().x() * 2), int(baselineBar.center().y() * 2));
        QVERIFY(!(qRed(baselinePixel) > qGreen(baselinePixel) + 60));

        // SVG: valid, text stays text (the note and the verdict can be found in it).
        const QString svg = dir.filePath(QStringLiteral("view.svg"));
        QCOMPARE(m_window->exportImage(svg), QString());
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        const QByteArray svgText = readAll(svg);
        QVERIFY(svgText.contains("GPU queue was full"));
        QVERIFY(svgText.contains("Slower: 1.21 s"));
        // The exported legend keys what the picture can show: failures, but no hover state.
        QVERIFY(svgText.contains("failed (error status or exception)"));
        QVERIFY(!svgText.contains("hovered"));
        QVERIFY(m_window->comparisonView()->legend()->labels().contains(QStringLiteral("counterpart of hovered span")));

        // PDF: a document with a page.
        const QString pdf = dir.filePath(QStringLiteral("view.pdf"));
        QCOMPARE(m_window->exportImage(pdf), QString());
        const QByteArray pdfBytes = readAll(pdf);
        QVERIFY(pdfBytes.startsWith("%PDF-"));
        QVERIFY(QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]")).match(QString::fromLatin1(pdfBytes)).hasMatch());

        // Reports: HTML embeds the picture, Markdown writes it beside itself.
        const QString html = dir.filePath(QStringLiteral("report.html"));
        QCOMPARE(m_window->exportReport(html), QString());
        const QByteArray htmlText = readAll(html);
        QVERIFY(htmlText.contains("data:image/png;base64,iVBORw0KGgo"));
        QVERIFY(htmlText.contains("preprocess-request"));
        QVERIFY(htmlText.contains("GPU queue was full"));
        // Each note says which span of which trace it is on, and the table of changes is there.
        QVERIFY2(htmlText.contains("<b>run-inference in inference-spike.json</b>: GPU queue was full"), htmlText.right(3000).constData());
        QVERIFY(htmlText.contains("Operations that changed most"));
        const QString md = dir.filePath(QStringLiteral("report.md"));
        QCOMPARE(m_window->exportReport(md), QString());
        QVERIFY(readAll(md).contains("![Annotated comparison](report.png)"));
        QVERIFY(readAll(md).contains("- **run-inference in inference-spike.json**: GPU queue was full"));
        QVERIFY(readAll(md).contains("| gateway: preprocess-request | 1 → 1 |"));
        QVERIFY(!QImage(dir.filePath(QStringLiteral("report.png"))).isNull());

        // A failed export says where and why, and loses nothing.
        const QString error = m_window->exportImage(QStringLiteral("/nonexistent-folder/view.png"));
        QVERIFY(error.contains(QLatin1String("/nonexistent-folder/view.png")));
        QVERIFY(m_window->exportImage(dir.filePath(QStringLiteral("view.bmp"))).contains(QLatin1String("unknown image format")));
        QCOMPARE(m_window->annotations()->annotations().size(), std::size_t(1));
        QCOMPARE(m_window->traces().size(), std::size_t(3));
    }

    // Export Report starts where the last export went (Export Image's folder too), with a
    // name after the target; both through the real dialogs.
    void exportDialogsShareTheLastFolder()
    {
        QVERIFY(openSamples());
        QSettings().remove(QStringLiteral("lastExportFolder"));
        QTemporaryDir dir;
        const auto trigger = [this](const QString& text) {
            QAction* action = test::actionNamed(m_window.get(), text);
            QVERIFY(action);
            action->trigger();
        };
        QString folder;
        QString name;
        // The first export starts beside the target, named after it.
        test::answerFileDialog(dir.filePath(QStringLiteral("picture.svg")), &folder, &name);
        trigger(QStringLiteral("&Export Image…"));
        QCOMPARE(folder, QFileInfo(m_window->comparison()->target().sourceFile()).absolutePath());
        QCOMPARE(name, QStringLiteral("inference-spike-comparison.png"));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("picture.svg"))));
        // The report starts in the folder the picture went to.
        test::answerFileDialog(dir.filePath(QStringLiteral("report.html")), &folder, &name);
        trigger(QStringLiteral("Export &Report…"));
        QCOMPARE(QDir(folder).canonicalPath(), QDir(dir.path()).canonicalPath());
        QCOMPARE(name, QStringLiteral("inference-spike-report.html"));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("report.html"))));
    }

    void workspaceRoundTrip()
    {
        QVERIFY(openSamples());
        const Trace& target = m_window->comparison()->target();
        m_window->annotations()->add(spanAnnotation(target, spanNamed(target, "preprocess-request"), QStringLiteral("look here")));
        Annotation band;
        band.kind = Annotation::Kind::Range;
        band.text = QStringLiteral("GC pause?");
        band.traceFile = target.sourceFile();
        band.traceId = target.traceId();
        band.startNs = 100'000'000;
        band.endNs = 250'000'000;
        m_window->annotations()->add(band);
        QSignalSpy compared(m_window.get(), &MainWindow::comparisonFinished);
        m_window->setIncluded(1, false);
        QVERIFY(compared.wait(20000));
        m_window->comparisonView()->setMode(ComparisonView::Mode::FlameGraphs);
        m_window->selection()->setSearchText(QStringLiteral("infer"));
        m_window->timeAxis()->setView(50'000'000, 400'000'000);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("incident.tdelta"));
        // The window title names the comparison and marks unsaved notes until the save.
        QVERIFY2(m_window->windowTitle().startsWith(QStringLiteral("inference-spike.json vs 1 baseline[*]")), qPrintable(m_window->windowTitle()));
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_window->saveWorkspaceTo(path), QString());
        QVERIFY(!m_window->isWindowModified());
        const Workspace saved = m_window->currentWorkspace();
        QCOMPARE(saved.annotations.size(), std::size_t(2));

        MainWindow reopened;
        reopened.resize(1400, 900);
        reopened.show();
        QSignalSpy restored(&reopened, &MainWindow::workspaceRestored);
        QCOMPARE(reopened.openWorkspace(path), QString());
        QVERIFY(restored.wait(30000));
        QVERIFY(reopened.currentWorkspace() == saved);
        QCOMPARE(reopened.comparison()->baselineCount(), std::size_t(1));
        QCOMPARE(reopened.timeAxis()->viewStartNs(), std::int64_t(50'000'000));
        QCOMPARE(reopened.comparisonView()->mode(), ComparisonView::Mode::FlameGraphs);

        // A broken workspace is refused with the file named; nothing else changes.
        const QString broken = test::writeFile(dir, QStringLiteral("broken.tdelta"), "{\"tracedeltaWorkspace\": 1, \"traces\": [");
        QVERIFY(reopened.openWorkspace(broken).contains(QLatin1String("broken.tdelta")));
        QCOMPARE(reopened.annotations()->annotations().size(), std::size_t(2));
    }

    // A workspace is a file from anywhere: its view window and note times may be any 64-bit
    // value. The axis clamps them to the traces, and a band over "all time" tints the whole pane.
    void workspaceWithExtremeTimes()
    {
        QTemporaryDir dir;
        const QString spike = test::sampleFile("inference-spike.json");
        const QByteArray json = extremeWorkspaceJson(spike);
        const QString path = test::writeFile(dir, QStringLiteral("extreme.tdelta"), json);
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QSignalSpy restored(&window, &MainWindow::workspaceRestored);
        QCOMPARE(window.openWorkspace(path), QString());
        QVERIFY(restored.wait(30000));
        const TimeAxis* axis = window.timeAxis();
        QVERIFY(axis->viewStartNs() >= 0);
        QVERIFY(axis->viewEndNs() <= axis->extentNs());
        QVERIFY(axis->viewEndNs() > axis->viewStartNs());
        TraceCanvas* pane = window.comparisonView()->ganttCanvases().front();
        pane->repaint();
        const QImage image = pane->grab().toImage().convertToFormat(QImage::Format_RGB32);
        const int y = image.height() - 6;
        for (const double fraction : {0.1, 0.5, 0.9}) {
            const int x = pane->timelineLeft() + static_cast<int>(fraction * (image.width() - pane->timelineLeft()));
            const QRgb pixel = image.pixel(x, y);
            QVERIFY2(qBlue(pixel) > qRed(pixel) + 10, qPrintable(QColor(pixel).name())); // the band's tint
        }
    }

    void notesAreAutosaved()
    {
        QVERIFY(openSamples());
        QFile::remove(m_window->autosavePath());
        const Trace& target = m_window->comparison()->target();
        m_window->annotations()->add(spanAnnotation(target, 0, QStringLiteral("autosaved note")));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_window->autosavePath()), 10000);
        Workspace recovered;
        QString error;
        QVERIFY(loadWorkspace(m_window->autosavePath(), recovered, error));
        QCOMPARE(recovered.annotations.size(), std::size_t(1));
        QCOMPARE(recovered.annotations.front().text, QStringLiteral("autosaved note"));
        QCOMPARE(recovered.traces.size(), std::size_t(3));
        QFile::remove(m_window->autosavePath());
    }

    void headlessExportCommand()
    {
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("cli.svg"));
        Run run = runBinary({QStringLiteral("export"), test::sampleFile("inference-normal-1.json"),
                             test::sampleFile("inference-normal-2.json"), QStringLiteral("--target"),
                             test::sampleFile("inference-spike.json"), QStringLiteral("-o"), svg, QStringLiteral("--annotate-top"),
                             QStringLiteral("1"), QStringLiteral("--note"), QStringLiteral("authenticate=auth is fine"),
                             QStringLiteral("--view"), QStringLiteral("flame")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray text = readAll(svg);
        QVERIFY(text.contains("auth is fine"));
        QVERIFY(text.contains("#1 gateway: preprocess-request"));
        QVERIFY(QSvgRenderer(svg).isValid());

        // The differential flame graph shows notes on the target's spans too.
        const QString diffSvg = dir.filePath(QStringLiteral("diff.svg"));
        run = runBinary({QStringLiteral("export"), test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-spike.json"),
                         QStringLiteral("-o"), diffSvg, QStringLiteral("--view"), QStringLiteral("diff"), QStringLiteral("--note"),
                         QStringLiteral("preprocess-request=tokenizer cache cold")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(readAll(diffSvg).contains("tokenizer cache cold"));

        const QString png = dir.filePath(QStringLiteral("cli.png"));
        run = runBinary({QStringLiteral("export"), test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-spike.json"),
                         QStringLiteral("-o"), png, QStringLiteral("--width"), QStringLiteral("1200"), QStringLiteral("--height"),
                         QStringLiteral("700")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QImage(png).size(), QSize(1200, 700));

        run = runBinary({QStringLiteral("export"), test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-spike.json"),
                         QStringLiteral("-o"), dir.filePath(QStringLiteral("x.gif"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("unknown extension")));
        run = runBinary({QStringLiteral("export"), test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-spike.json"),
                         QStringLiteral("-o"), QStringLiteral("/nonexistent-folder/x.png")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("/nonexistent-folder/x.png")));
        run = runBinary({QStringLiteral("export"), dir.filePath(QStringLiteral("missing.json")), test::sampleFile("inference-spike.json"),
                         QStringLiteral("-o"), dir.filePath(QStringLiteral("y.png"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("missing.json")));
        run = runBinary({QStringLiteral("export"), test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-spike.json"),
                         QStringLiteral("-o"), dir.filePath(QStringLiteral("z.png")), QStringLiteral("--note"),
                         QStringLiteral("no-such-span=text")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("no-such-span")));
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
