// SPDX-License-Identifier: GPL-3.0-or-later
#include "notedialog.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace tracedelta {

NoteDialog::NoteDialog(QWidget* parent, const QString& title, const QString& prompt, const QString& text)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
{
    setWindowTitle(title);
    auto* label = new QLabel(prompt, this);
    label->setWordWrap(true);
    auto* hint = new QLabel(tr("Enter saves, Shift+Enter starts a new line."), this);
    hint->setEnabled(false);
    m_editor->setPlainText(text);
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setTabChangesFocus(true);
    m_editor->installEventFilter(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_editor, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(420, 220);
    m_editor->setFocus();
    m_editor->moveCursor(QTextCursor::End);
}

QString NoteDialog::text() const
{
    return m_editor->toPlainText().trimmed();
}

QString NoteDialog::ask(QWidget* parent, const QString& title, const QString& prompt, const QString& text)
{
    NoteDialog dialog(parent, title, prompt, text);
    return dialog.exec() == QDialog::Accepted ? dialog.text() : QString();
}

bool NoteDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace tracedelta
