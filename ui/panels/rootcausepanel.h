// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;

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

    SelectionState* m_selection;
    std::shared_ptr<const Comparison> m_comparison;
    QLabel* m_verdict;
    QListWidget* m_list;
    bool m_updating = false;
};

} // namespace tracedelta
