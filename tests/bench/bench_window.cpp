// SPDX-License-Identifier: GPL-3.0-or-later
// On-demand window benchmark (issues 13, 28): how long after File → Open of a 1M-event Chrome
// trace the window paints its first timeline, against loading the same file without a
// window in the same run (bound: 1.5×), and the window's peak memory against the file's
// size (bound: 1.3×). Runs offscreen; asserts nothing.
#include "core/io/traceloader.h"
#include "generatedtraces.h"
#include "ui/mainwindow.h"
#include "ui/timeline/ganttcanvas.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
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

// VmHWM, not getrusage: ru_maxrss keeps the parent's peak across fork and exec.
long peakResidentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return 0;
}

// Child: the file loaded without a window. Prints "ms peakKiB".
int loadAlone(const QString& file)
{
    QElapsedTimer clock;
    clock.start();
    const LoadResult alone = loadTraceFile(file);
    if (!alone.ok()) {
        std::printf("error %s\n", qPrintable(alone.error));
        return 1;
    }
    std::printf("%lld %ld\n", static_cast<long long>(clock.elapsed()), peakResidentKiB());
    return 0;
}

// Child: File → Open in the window until its first timeline is painted. Prints
// "loadedMs paintedMs peakKiB".
int openInWindow(QApplication& app, const QString& file)
{
    QElapsedTimer clock;
    MainWindow window;
    window.resize(1600, 900);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadingFinished);
    FirstTimelinePaint probe(clock);
    app.installEventFilter(&probe);
    QObject::connect(&window, &MainWindow::loadingFinished, &window, [&] { probe.loaded = true; });
    clock.start();
    window.openFiles({file});
    loaded.wait(600000);
    const qint64 loadedMs = clock.elapsed();
    while (probe.paintedMs < 0 && clock.elapsed() < loadedMs + 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (const QByteArray shot = qgetenv("TRACEDELTA_SCREENSHOT_DIR"); !shot.isEmpty())
        window.grab().save(QString::fromLocal8Bit(shot) + QStringLiteral("/window-big-trace.png"));
    std::printf("%lld %lld %ld\n", static_cast<long long>(loadedMs), static_cast<long long>(probe.paintedMs), peakResidentKiB());
    return 0;
}

QList<QByteArray> runChild(const QString& mode, const QString& file)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {mode, file});
    child.waitForFinished(-1);
    return child.readAllStandardOutput().trimmed().split(' ');
}

} // namespace

// bench_window [EVENTS] [--args]: a generated Chrome trace of EVENTS events (1M), with an
// argument on every event when --args; each measurement in a child process of its own, so
// its peak memory is its own, the fastest of three.
int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QApplication app(argc, argv);
    if (argc == 3 && QByteArray(argv[1]) == "--cli")
        return loadAlone(QString::fromLocal8Bit(argv[2]));
    if (argc == 3 && QByteArray(argv[1]) == "--window")
        return openInWindow(app, QString::fromLocal8Bit(argv[2]));
    int events = 1'000'000;
    bool withArgs = false;
    for (int a = 1; a < argc; ++a) {
        if (QByteArray(argv[a]) == "--args")
            withArgs = true;
        else
            events = std::atoi(argv[a]);
    }
    QTemporaryDir dir;
    const QString file = withArgs ? writeChromeWithArgs(dir, events) : writeChrome(dir, events);
    const double fileMiB = QFileInfo(file).size() / 1048576.0;
    // Each the fastest of three runs, in turn: on this VM one run's first touches of fresh
    // memory can stall while the kernel compacts memory for huge pages.
    QList<QByteArray> cli;
    QList<QByteArray> win;
    for (int run = 0; run < 3; ++run) {
        const QList<QByteArray> c = runChild(QStringLiteral("--cli"), file);
        const QList<QByteArray> w = runChild(QStringLiteral("--window"), file);
        if (c.size() != 2 || w.size() != 3) {
            std::printf("failed: %s / %s\n", c.join(' ').constData(), w.join(' ').constData());
            return 1;
        }
        if (cli.isEmpty() || c[0].toDouble() < cli[0].toDouble())
            cli = c;
        if (win.isEmpty() || w[1].toDouble() < win[1].toDouble())
            win = w;
    }
    const double cliMs = cli[0].toDouble();
    const double paintedMs = win[1].toDouble();
    const double ratio = paintedMs > 0 ? paintedMs / std::max(cliMs, 1.0) : 0;
    const double cliRss = cli[1].toDouble() / 1024.0 / fileMiB;
    const double winRss = win[2].toDouble() / 1024.0 / fileMiB;
    std::printf("%d events%s (%.0f MiB): without a window %.2f s, peak RSS %.2fx the file; window: loaded %.2f s, first timeline "
                "painted %.2f s = %.2fx %s, peak RSS %.0f MiB = %.2fx the file %s\n",
                events, withArgs ? " with args" : "", fileMiB, cliMs / 1000.0, cliRss, win[0].toDouble() / 1000.0, paintedMs / 1000.0, ratio,
                paintedMs < 0 ? "NO PAINT" : ratio <= 1.5 ? "(ok, bound 1.5x)" : "(OVER 1.5x)", win[2].toDouble() / 1024.0, winRss,
                winRss <= 1.3 ? "(ok, bound 1.3x)" : "(OVER 1.3x)");
    return 0;
}
