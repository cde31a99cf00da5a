// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace tracedelta {

// A line above the views that says what the window decided on its own (which trace became
// the target, and why) with one click to act on it or undo it; it stays until closed or
// replaced, so nothing changes without a word.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget* parent = nullptr);

    // `actionText`/`action` and `undo` are optional (empty text or null function: no button).
    void showNotice(const QString& text, const QString& actionText = {}, std::function<void()> action = {},
                    std::function<void()> undo = {});
    void clear();
    QString text() const;

private:
    QLabel* m_label;
    QPushButton* m_action;
    QPushButton* m_undo;
    std::function<void()> m_onAction;
    std::function<void()> m_onUndo;
};

} // namespace tracedelta
