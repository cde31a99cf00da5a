// SPDX-License-Identifier: GPL-3.0-or-later
#include "occurrencespanel.h"

#include "core/util/durationformat.h"
#include "ui/qcustomplotinclude.h"
#include "ui/timeline/durationticker.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tracedelta {

namespace {

// Outliers named on the plot beside their dots; more would cover each other.
constexpr std::size_t NamedOutliers = 5;

// Log-scale ticks (1 ms, 10 ms, 100 ms) in human units: one slow frame 80× the others would
// flatten them all onto the axis of a linear plot.
class LogDurationTicker : public QCPAxisTickerLog
{
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return formatDuration(std::llround(tick)); }
};

QCPGraph* addDots(QCustomPlot* plot, const QColor& color, double size, QCPScatterStyle::ScatterShape shape)
{
    QCPGraph* graph = plot->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(shape, QPen(color, 1.5), color, size));
    return graph;
}

} // namespace

OccurrencesPanel::OccurrencesPanel(QWidget* parent)
    : QWidget(parent)
    , m_sentence(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_units(new QTreeWidget(this))
    , m_back(new QPushButton(tr("Back to the Whole Trace"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_sentence->setWordWrap(true);
    m_sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_sentence);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_units, 1);
    layout->addWidget(m_back);
    m_plot->setMinimumHeight(160);
    // A tab of the right-hand docks: as narrow as its neighbours may be, no narrower.
    setMinimumWidth(220);
    m_units->setHeaderLabels({tr("Repeated span"), tr("Count"), tr("Median"), tr("p90"), tr("Max"), tr("Lane")});
    m_units->setRootIsDecorated(false);
    m_units->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_units, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { Q_EMIT unitChosen(item->data(0, Qt::UserRole).toString()); });
    connect(m_back, &QPushButton::clicked, this, &OccurrencesPanel::backRequested);
    connect(m_plot, &QCustomPlot::mousePress, this, &OccurrencesPanel::onPlotClicked);
    showUnits(nullptr);
}

void OccurrencesPanel::showUnits(const TracePtr& trace)
{
    m_choice = {};
    m_plot->hide();
    m_back->hide();
    m_units->show();
    m_units->clear();
    if (!trace) {
        m_sentenceText = tr("Spans that repeat in a trace (frames, steps, tasks) are listed here once a trace is loaded.");
        m_sentence->setText(m_sentenceText);
        return;
    }
    for (const RepeatedUnit& unit : findRepeatedUnits(*trace)) {
        auto* item = new QTreeWidgetItem(m_units, {QString::fromStdString(unit.name), QString::number(unit.count),
                                                   formatDuration(unit.spread.median), formatDuration(unit.spread.p90),
                                                   formatDuration(unit.spread.max), QString::fromStdString(unit.lane)});
        item->setData(0, Qt::UserRole, QString::fromStdString(unit.name));
        for (int column = 1; column <= 4; ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_sentenceText = m_units->topLevelItemCount() == 0
                         ? tr("No span repeats 10 times or more on one lane of the target.")
                         : tr("Repeated spans of the target, the slowest beyond its median first. Double-click one to compare "
                              "its slowest occurrence with the others, or right-click a span → Compare with the other….");
    m_sentence->setText(m_sentenceText);
}

void OccurrencesPanel::showChoice(const OccurrenceChoice& choice)
{
    m_choice = choice;
    m_units->hide();
    m_plot->show();
    m_back->show();
    m_sentenceText = choice.choiceSentence();
    if (const QString outliers = choice.outlierSentence(); !outliers.isEmpty())
        m_sentenceText += QLatin1Char(' ') + outliers + QLatin1Char('.');
    m_sentence->setText(m_sentenceText + QLatin1Char(' ') + tr("Click a dot to make it the target."));
    plotChoice();
}

void OccurrencesPanel::plotChoice()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    const QColor text = palette().color(QPalette::WindowText);
    m_plot->setBackground(palette().color(QPalette::Base));
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
    }
    // The band: the median ± 3 robust σ, beyond which an occurrence is an outlier.
    const BaselineStats& spread = m_choice.spread;
    const double sigma = std::max({1.4826 * static_cast<double>(spread.mad), 0.01 * static_cast<double>(spread.median), 1.0});
    const double count = static_cast<double>(m_choice.occurrences.size());
    const double lowest = std::max(1.0, static_cast<double>(spread.min));
    const double highest = std::max(static_cast<double>(spread.max), static_cast<double>(spread.median) + 3 * sigma);
    const bool logarithmic = highest > 10 * std::max(1.0, static_cast<double>(spread.median));
    m_plot->yAxis->setScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logarithmic)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new LogDurationTicker));
    else
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new DurationTicker));
    auto* band = new QCPItemRect(m_plot);
    band->topLeft->setCoords(-1, static_cast<double>(spread.median) + 3 * sigma);
    band->bottomRight->setCoords(count, std::max(logarithmic ? lowest / 2 : 0.0, static_cast<double>(spread.median) - 3 * sigma));
    band->setPen(Qt::NoPen);
    band->setBrush(QColor(baselineColor().red(), baselineColor().green(), baselineColor().blue(), 40));
    auto* median = new QCPItemStraightLine(m_plot);
    median->point1->setCoords(0, static_cast<double>(spread.median));
    median->point2->setCoords(1, static_cast<double>(spread.median));
    median->setPen(QPen(text, 1, Qt::DashLine));

    QCPGraph* others = addDots(m_plot, baselineColor(), 6, QCPScatterStyle::ssDisc);
    QCPGraph* outliers = addDots(m_plot, outlierColor(), 9, QCPScatterStyle::ssDisc);
    QCPGraph* target = addDots(m_plot, targetColor(), 13, QCPScatterStyle::ssDisc);
    std::size_t named = 0;
    for (std::size_t i = 0; i < m_choice.occurrences.size(); ++i) {
        const double x = static_cast<double>(i);
        const double y = static_cast<double>(m_choice.occurrences[i].durationNs);
        const bool isOutlier = std::binary_search(m_choice.outliers.begin(), m_choice.outliers.end(), i);
        (i == m_choice.target ? target : isOutlier ? outliers : others)->addData(x, y);
        if ((isOutlier && named < NamedOutliers) || i == m_choice.target) {
            named += isOutlier ? 1 : 0;
            auto* label = new QCPItemText(m_plot);
            label->position->setCoords(x, y);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            label->setPadding(QMargins(10, 0, 0, 0));
            label->setText(tr("#%1 %2").arg(i).arg(formatDuration(m_choice.occurrences[i].durationNs)));
            label->setColor(i == m_choice.target ? targetColor() : text);
        }
    }
    m_plot->xAxis->setRange(-1, count);
    if (logarithmic) {
        m_plot->yAxis->setRange(lowest / 2, highest * 2);
    } else {
        m_plot->yAxis->setRange(0, highest * 1.12);
        m_plot->yAxis->ticker().staticCast<DurationTicker>()->setWidthPixels(std::max(60, m_plot->height()));
    }
    m_plot->yAxis->setLabel(logarithmic ? tr("duration (log scale)") : tr("duration"));
    m_plot->xAxis->setLabel(tr("occurrence (in order) · dashed: median %1 · band: ±3 robust σ").arg(formatDuration(spread.median)));
    m_plot->replot();
}

QPointF OccurrencesPanel::dotPosition(std::size_t occurrence) const
{
    if (occurrence >= m_choice.occurrences.size())
        return {};
    const QPointF inPlot(m_plot->xAxis->coordToPixel(static_cast<double>(occurrence)),
                         m_plot->yAxis->coordToPixel(static_cast<double>(m_choice.occurrences[occurrence].durationNs)));
    return m_plot->mapTo(this, inPlot.toPoint());
}

void OccurrencesPanel::onPlotClicked(QMouseEvent* event)
{
    // The nearest dot within a few pixels: dots are small, the target a little larger.
    constexpr double Reach = 8;
    std::size_t nearest = m_choice.occurrences.size();
    double nearestDistance = Reach * Reach;
    for (std::size_t i = 0; i < m_choice.occurrences.size(); ++i) {
        const double dx = m_plot->xAxis->coordToPixel(static_cast<double>(i)) - event->position().x();
        const double dy = m_plot->yAxis->coordToPixel(static_cast<double>(m_choice.occurrences[i].durationNs)) - event->position().y();
        if (dx * dx + dy * dy <= nearestDistance) {
            nearestDistance = dx * dx + dy * dy;
            nearest = i;
        }
    }
    if (nearest < m_choice.occurrences.size() && nearest != m_choice.target)
        Q_EMIT occurrenceClicked(nearest);
}

} // namespace tracedelta
