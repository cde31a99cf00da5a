// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/analysis/occurrences.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QMouseEvent;
class QPushButton;
class QTreeWidget;

namespace tracedelta {

// Repeated spans of one trace (frames, steps, calls) — the distribution first: each
// occurrence's duration as a dot (the target red, outliers orange), the median and the
// spread marked, the outliers named. A click on a dot makes it the target. Without a
// comparison of occurrences it lists the units worth comparing.
class OccurrencesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OccurrencesPanel(QWidget* parent = nullptr);

    // The distribution of the occurrences compared, the target marked.
    void showChoice(const OccurrenceChoice& choice);
    // The repeated units of `trace` worth comparing (null: nothing loaded).
    void showUnits(const TracePtr& trace);
    QCustomPlot* plot() const { return m_plot; }
    QTreeWidget* unitList() const { return m_units; }
    QPushButton* backButton() const { return m_back; }
    const QString& sentence() const { return m_sentenceText; }
    // The widget position of an occurrence's dot (for tests and clicks).
    QPointF dotPosition(std::size_t occurrence) const;

    static QColor targetColor() { return {0xd6, 0x27, 0x28}; }
    static QColor outlierColor() { return {0xe6, 0x9f, 0x00}; }
    static QColor baselineColor() { return {0x1f, 0x6f, 0xc4}; }

Q_SIGNALS:
    void occurrenceClicked(std::size_t occurrence);
    void unitChosen(const QString& pattern);
    void backRequested();

private:
    void plotChoice();
    void onPlotClicked(QMouseEvent* event);

    QLabel* m_sentence;
    QCustomPlot* m_plot;
    QTreeWidget* m_units;
    QPushButton* m_back;
    QString m_sentenceText;
    OccurrenceChoice m_choice;
};

} // namespace tracedelta
