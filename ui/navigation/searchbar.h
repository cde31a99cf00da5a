// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QToolButton;

namespace tracedelta {

class SelectionState;

// The search box that navigates: it fades what does not match (through SelectionState),
// says how many places match ("3 of 17"), and steps through them — Enter or F3 forward,
// Shift+Enter or Shift+F3 back (F3 is the window's View → Find Next, so it works even when
// the toolbar hides the box on a narrow screen) — selecting and revealing each in every pane. Esc clears.
// A place is an aligned node, so one step shows a span and its counterparts together.
class SearchBar : public QWidget
{
    Q_OBJECT
public:
    SearchBar(SelectionState* selection, QWidget* parent = nullptr);

    void setComparison(std::shared_ptr<const Comparison> comparison);
    QLineEdit* lineEdit() const { return m_edit; }
    int matchCount() const { return static_cast<int>(m_matches.size()); }
    int currentMatch() const { return m_current; } // 0-based, -1 before the first step
    const std::vector<NodeIndex>& matches() const { return m_matches; }
    QString statusText() const;
    void next();
    void previous();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateMatches();
    void step(int direction);
    void showStatus();

    SelectionState* m_selection;
    QLineEdit* m_edit;
    QLabel* m_status;
    QToolButton* m_previousButton;
    QToolButton* m_nextButton;
    std::shared_ptr<const Comparison> m_comparison;
    std::vector<NodeIndex> m_matches;
    int m_current = -1;
};

} // namespace tracedelta
