// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"

#include <QWidget>

#include <memory>

class QCustomPlot;
class QTextBrowser;

namespace tracedelta {

class SelectionState;

// Everything about the selected span: identity, timing, attributes and events, the same
// node in every compared trace with its delta, and a chart of the baseline distribution
// with the target's value marked.
class DetailsPanel : public QWidget
{
    Q_OBJECT
public:
    DetailsPanel(SelectionState* selection, QWidget* parent = nullptr);

    void setComparison(std::shared_ptr<const Comparison> comparison, QStringList traceLabels);
    QString html() const;
    QCustomPlot* distributionChart() const { return m_chart; }
    QTextBrowser* textView() const { return m_text; }

private:
    void refresh();
    void updateChart(NodeIndex node);
    QString compactTraceLabel(std::size_t traceIndex) const;
    QString referencesOf(const Trace& trace, SpanIndex span) const;
    QString spanDetails(std::size_t trace, SpanIndex span) const;
    QString acrossTraces(NodeIndex node) const;

    SelectionState* m_selection;
    std::shared_ptr<const Comparison> m_comparison;
    QStringList m_traceLabels;
    QTextBrowser* m_text;
    QCustomPlot* m_chart;
};

} // namespace tracedelta
