// SPDX-License-Identifier: GPL-3.0-or-later
// On-demand window benchmark (issue 13): how long after File → Open of a 1M-event Chrome
// trace the window paints its first timeline, against loading the same file without a
// window in the same run (bound: 1.5×). Runs offscreen; asserts nothing.
#include "core/io/traceloader.h"
#include "generatedtraces.h"
#include "ui/mainwindow.h"
#include "ui/timeline/ganttcanvas.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QSignalSpy>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace tracedelta;
using namespace tracedelta::bench;

namespace {

// Notes the first paint of a timeline canvas once loading has finished.
class FirstTimelinePaint : public QObject
{
public:
    explicit FirstTimelinePaint(const QElapsedTimer& clock)
        : m_clock(clock)
    {
    }
    bool loaded = false;
    qint64 paintedMs = -1;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (loaded && paintedMs < 0 && event->type() == QEvent::Paint && qobject_cast<GanttCanvas*>(watched))
            paintedMs = m_clock.elapsed();
        return false;
    }

private:
    const QElapsedTimer& m_clock;
};

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QApplication app(argc, argv);
    const int events = argc == 2 ? std::atoi(argv[1]) : 1'000'000;
    QTemporaryDir dir;
    const QString file = writeChrome(dir, events);

    QElapsedTimer clock;
    clock.start();
    const LoadResult alone = loadTraceFile(file);
    const qint64 cliMs = clock.elapsed();
    if (!alone.ok()) {
        std::printf("error %s\n", qPrintable(alone.error));
        return 1;
    }

    MainWindow window;
    window.resize(1600, 900);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadingFinished);
    FirstTimelinePaint probe(clock);
    app.installEventFilter(&probe);
    QObject::connect(&window, &MainWindow::loadingFinished, &window, [&] { probe.loaded = true; });
    clock.restart();
    window.openFiles({file});
    loaded.wait(600000);
    const qint64 loadedMs = clock.elapsed();
    while (probe.paintedMs < 0 && clock.elapsed() < loadedMs + 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const double ratio = probe.paintedMs > 0 ? double(probe.paintedMs) / double(std::max<qint64>(cliMs, 1)) : 0;
    std::printf("%d events: load without a window %.2f s; window: loaded %.2f s, first timeline painted %.2f s = %.2fx  %s\n", events,
                cliMs / 1000.0, loadedMs / 1000.0, probe.paintedMs / 1000.0, ratio,
                probe.paintedMs < 0 ? "NO PAINT" : ratio <= 1.5 ? "ok (bound 1.5x)" : "OVER 1.5x");
    if (const QByteArray shot = qgetenv("TRACEDELTA_SCREENSHOT_DIR"); !shot.isEmpty())
        window.grab().save(QString::fromLocal8Bit(shot) + QStringLiteral("/window-1m-events.png"));
    return 0;
}
