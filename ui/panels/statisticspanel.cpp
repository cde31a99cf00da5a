// SPDX-License-Identifier: GPL-3.0-or-later
#include "statisticspanel.h"

#include "ui/navigation/selectionstate.h"
#include "ui/viewmodel/statisticsmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tracedelta {

StatisticsPanel::StatisticsPanel(SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_selection(selection)
    , m_model(new StatisticsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_grouping(new QComboBox(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(StatisticsModel::SortRole);
    m_proxy->setFilterKeyColumn(0);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(false);

    m_filter->setPlaceholderText(tr("Filter operations…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_grouping->addItem(tr("By operation"), static_cast<int>(StatisticsGrouping::Operation));
    m_grouping->addItem(tr("By path"), static_cast<int>(StatisticsGrouping::Path));
    m_grouping->addItem(tr("By lane"), static_cast<int>(StatisticsGrouping::Lane));
    m_grouping->setToolTip(tr("One row per operation wherever it is called, per path from the root, or per thread, stream or service"));
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &StatisticsPanel::applyGrouping);
    auto* copy = new QPushButton(tr("Copy as TSV"), this);
    copy->setToolTip(tr("Copy the visible rows, tab-separated, for a spreadsheet"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(tableAsTsv()); });

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_grouping);
    bar->addWidget(copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &StatisticsPanel::selectFromTable);
    connect(m_selection, &SelectionState::selectionChanged, this, &StatisticsPanel::followSelection);
}

void StatisticsPanel::setOutcome(const ComparisonOutcome& outcome, QStringList traceLabels)
{
    m_outcome = outcome;
    m_traceLabels = std::move(traceLabels);
    applyGrouping();
}

void StatisticsPanel::setGrouping(StatisticsGrouping grouping)
{
    m_grouping->setCurrentIndex(m_grouping->findData(static_cast<int>(grouping)));
}

void StatisticsPanel::applyGrouping()
{
    m_updating = true;
    const auto grouping = static_cast<std::size_t>(m_grouping->currentData().toInt());
    m_model->setStatistics(grouping < m_outcome.statistics.size() ? m_outcome.statistics[grouping] : nullptr, m_traceLabels);
    // The biggest change first when there are baselines, else the most self time.
    const int delta = m_model->deltaColumn();
    if (delta >= 0) {
        m_proxy->setSortRole(StatisticsModel::SortRole);
        m_view->sortByColumn(delta, Qt::DescendingOrder);
    } else if (m_model->columnCount() > 3) {
        m_view->sortByColumn(3, Qt::DescendingOrder);
    }
    arrangeColumns();
    m_view->resizeColumnsToContents();
    // The name column must not push the changes out of a narrow dock.
    m_view->setColumnWidth(0, std::min(m_view->columnWidth(0), 260));
    m_updating = false;
    followSelection();
}

// What answers the question comes first, whatever the dock's width: the name, the changes
// (Δ total, Δ %, Δ self, candidate rank), the target's figures, then each baseline's. The
// model keeps its order (one column per figure per trace); only the view moves sections.
void StatisticsPanel::arrangeColumns()
{
    QHeaderView* header = m_view->horizontalHeader();
    for (int logical = 0; logical < header->count(); ++logical)
        header->moveSection(header->visualIndex(logical), logical);
    const int delta = m_model->deltaColumn();
    if (delta < 0)
        return;
    int visual = 1;
    for (int c = delta; c < m_model->columnCount(); ++c)
        header->moveSection(header->visualIndex(c), visual++);
    // The target is the last trace: its columns end just before the changes.
    for (int c = delta - StatisticsModel::ColumnsPerTrace; c < delta; ++c)
        header->moveSection(header->visualIndex(c), visual++);
}

void StatisticsPanel::selectFromTable()
{
    if (m_updating)
        return;
    const QModelIndex current = m_view->currentIndex();
    const QVariant node = current.isValid() ? m_proxy->data(current, StatisticsModel::NodeRole) : QVariant();
    if (node.isValid())
        m_selection->selectNode(node.toInt(), true);
}

void StatisticsPanel::followSelection()
{
    if (m_updating)
        return;
    const int row = m_model->rowOfNode(m_selection->selectedNode());
    const QModelIndex index = row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : QModelIndex();
    m_updating = true;
    if (index.isValid()) {
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    } else {
        m_view->selectionModel()->clearSelection();
    }
    m_updating = false;
}

QString StatisticsPanel::tableAsTsv() const
{
    QStringList lines;
    QStringList header;
    // In the order the user sees the columns.
    const QHeaderView* view = m_view->horizontalHeader();
    for (int v = 0; v < m_proxy->columnCount(); ++v)
        header << m_proxy->headerData(view->logicalIndex(v), Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        QStringList cells;
        for (int v = 0; v < m_proxy->columnCount(); ++v)
            cells << m_proxy->data(m_proxy->index(r, view->logicalIndex(v))).toString().replace(QLatin1Char('\t'), QLatin1Char(' '));
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace tracedelta
