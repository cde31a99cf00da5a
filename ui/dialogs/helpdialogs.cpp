// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpdialogs.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace tracedelta {

namespace {

// The texts stay in the "MainWindow" translation context they were written in.
struct HelpText
{
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
};

} // namespace

void showShortcutsDialog(QWidget* parent)
{
    QMessageBox::information(
        parent, HelpText::tr("Keyboard Shortcuts"),
        HelpText::tr("<table>"
           "<tr><td><b>Mouse wheel</b>, <b>W</b> / <b>S</b>, <b>+</b> / <b>−</b></td><td>zoom in / out at the cursor</td></tr>"
           "<tr><td><b>Drag</b>, <b>A</b> / <b>D</b>, <b>←</b> / <b>→</b> (nothing selected)</td><td>pan in time</td></tr>"
           "<tr><td><b>Shift + wheel</b>, <b>↑</b> / <b>↓</b> (nothing selected)</td><td>scroll rows</td></tr>"
           "<tr><td><b>Double-click</b></td><td>line up the span's counterparts in every pane and zoom to them "
           "(absolute wall clock: zoom to the span)</td></tr>"
           "<tr><td><b>↑</b> / <b>↓</b> / <b>←</b> / <b>→</b> with a span selected</td><td>step to the previous / next row, "
           "the parent, the first child (icicles and packed tracks: parent, child, siblings)</td></tr>"
           "<tr><td><b>Shift+F10</b>, <b>Menu</b></td><td>the selected span's menu (note, zoom, align)</td></tr>"
           "<tr><td><b>0</b>, <b>Ctrl+0</b></td><td>show the whole trace</td></tr>"
           "<tr><td><b>Click</b></td><td>select a span and its counterparts in every pane</td></tr>"
           "<tr><td><b>Esc</b></td><td>clear the selection</td></tr>"
           "<tr><td><b>Ctrl+F</b></td><td>search</td></tr>"
           "<tr><td><b>Enter</b> / <b>F3</b>, <b>Shift+Enter</b> / <b>Shift+F3</b></td><td>next / previous match, "
           "selected in every pane; <b>Esc</b> in the search box clears it</td></tr>"
           "<tr><td><b>T</b>, <b>F5</b>, <b>Del</b> (Traces panel)</td><td>use as target, reload the file, close the trace</td></tr>"
           "<tr><td><b>Space</b> (Traces panel)</td><td>take a trace in or out of the comparison</td></tr>"
           "<tr><td><b>Ctrl+T</b></td><td>swap the target with the chosen (or only) baseline</td></tr>"
           "<tr><td><b>Ctrl+1</b> / <b>Ctrl+2</b></td><td>timelines / flame graphs</td></tr>"
           "<tr><td><b>Ctrl+B</b></td><td>overlay the baselines on the target</td></tr>"
           "<tr><td><b>Right-click</b> a span</td><td>add a note</td></tr>"
           "<tr><td><b>Shift + drag</b></td><td>note a time range</td></tr>"
           "<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td><td>undo / redo notes</td></tr>"
           "<tr><td><b>Ctrl+E</b>, <b>Ctrl+Shift+C</b></td><td>export image, copy image</td></tr>"
           "<tr><td><b>Ctrl+S</b>, <b>Ctrl+Shift+O</b></td><td>save / open workspace</td></tr>"
           "</table>"));
}

void showAboutDialog(QWidget* parent)
{
    QMessageBox::about(parent, HelpText::tr("About TraceDelta"),
                       HelpText::tr("<h3>TraceDelta %1</h3><p>Compare distributed and profiler traces side by side and find "
                          "where the time went.</p><p>TraceDelta is free software: you can redistribute it and/or "
                          "modify it under the terms of the GNU General Public License, version 3 or (at your "
                          "option) any later version.</p><p>Built with Qt %2 (LGPLv3), QCustomPlot (GPLv3) and "
                          "nlohmann/json (MIT).</p>")
                           .arg(QStringLiteral(TRACEDELTA_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace tracedelta
