// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QScrollArea;
class QSplitter;

namespace tracedelta {

class SelectionState;

// The verdict and the ranked root-cause candidates with their reasons. Choosing a
// candidate selects and reveals its node in every view.
class RootCausePanel : public QWidget
{
    Q_OBJECT
public:
    RootCausePanel(SelectionState* selection, QWidget* parent = nullptr);

    void setComparison(std::shared_ptr<const Comparison> comparison);
    void setBusy(const QString& message);
    QListWidget* list() const { return m_list; }
    QString verdictText() const;

private:
    void followSelection();
    // The verdict and its notes get the room their text needs, up to half the panel (the
    // rest scrolls), unless the user has moved the divider.
    void fitVerdict();
    void resizeEvent(QResizeEvent* event) override;

    SelectionState* m_selection;
    std::shared_ptr<const Comparison> m_comparison;
    QLabel* m_verdict;
    QScrollArea* m_verdictArea;
    QListWidget* m_list;
    QSplitter* m_splitter;
    bool m_dividerMoved = false;
    bool m_updating = false;
};

} // namespace tracedelta
