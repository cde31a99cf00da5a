// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers for tests that drive the real main window as a user would.

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLineEdit>
#include <QTimer>
#include <QtTest>

namespace tracedelta::test {

// The window's action with this text (as in its menu, "&Open…"), or null.
inline QAction* actionNamed(const QWidget* window, const QString& text)
{
    for (QAction* action : window->findChildren<QAction*>()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

// Answers the next file dialog as a user would: types `path` into its file name box and
// presses Enter. `seenFolder`/`seenName` (optional) receive where it opened and the name it
// suggested. Call before the action that opens the dialog.
inline void answerFileDialog(const QString& path, QString* seenFolder = nullptr, QString* seenName = nullptr)
{
    QTimer::singleShot(200, [=] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        if (seenFolder)
            *seenFolder = dialog->directory().absolutePath();
        if (seenName)
            *seenName = name->text();
        name->setText(path);
        QTest::keyClick(name, Qt::Key_Return);
    });
}

} // namespace tracedelta::test
