// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace tracedelta {

// Asks for a note's text. Enter or Ctrl+Enter saves, Shift+Enter starts a new line, Esc
// cancels; the text wraps.
class NoteDialog : public QDialog
{
    Q_OBJECT
public:
    NoteDialog(QWidget* parent, const QString& title, const QString& prompt, const QString& text = {});

    QString text() const;
    QPlainTextEdit* editor() const { return m_editor; }

    // The trimmed text, or an empty string when the user cancelled or wrote nothing.
    static QString ask(QWidget* parent, const QString& title, const QString& prompt, const QString& text = {});

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPlainTextEdit* m_editor;
};

} // namespace tracedelta
