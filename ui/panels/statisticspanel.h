// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/session/tracesession.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace tracedelta {

class SelectionState;
class StatisticsModel;

// The Statistics tab: every operation of every compared trace, sortable by any column,
// filtered by name, grouped by operation, path or lane. Selecting a row selects its node
// in every pane and in the root-cause list, and the other way round.
class StatisticsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatisticsPanel(SelectionState* selection, QWidget* parent = nullptr);

    void setOutcome(const ComparisonOutcome& outcome, QStringList traceLabels);
    void setGrouping(StatisticsGrouping grouping);
    // The visible rows in their current order, tab-separated with a header line.
    QString tableAsTsv() const;
    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    StatisticsModel* model() const { return m_model; }

private:
    void applyGrouping();
    void arrangeColumns();
    void followSelection();
    void selectFromTable();

    SelectionState* m_selection;
    StatisticsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QComboBox* m_grouping;
    ComparisonOutcome m_outcome;
    QStringList m_traceLabels;
    bool m_updating = false;
};

} // namespace tracedelta
