// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspanel.h"
#include "core/remote/servertracestore.h"

#include "ui/viewmodel/displaynames.h"
#include "core/util/durationformat.h"
#include "ui/navigation/selectionstate.h"
#include "ui/timeline/durationticker.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include "ui/qcustomplotinclude.h"

namespace tracedelta {

namespace {

constexpr int MaxAttributesShown = 200;
constexpr int MaxEventsShown = 200;

QString escaped(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString row(const QString& key, const QString& value)
{
    return QStringLiteral("<tr><td style='color:gray;padding-right:8px'>%1</td><td>%2</td></tr>").arg(key, value);
}

QString spanStatusName(SpanStatus status)
{
    switch (status) {
    case SpanStatus::Ok: return DetailsPanel::tr("ok");
    case SpanStatus::Error: return DetailsPanel::tr("error");
    case SpanStatus::Unset: break;
    }
    return DetailsPanel::tr("unset");
}

} // namespace

DetailsPanel::DetailsPanel(SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_selection(selection)
    , m_text(new QTextBrowser(this))
    , m_chart(new QCustomPlot(this))
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_text);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    m_chart->setMinimumHeight(110);
    m_chart->yAxis->setVisible(false);
    m_chart->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new DurationTicker));
    m_chart->hide();
    m_text->setOpenLinks(false);
    // Break lines between words only: a narrow dock scrolls sideways rather than show
    // "Critic al path".
    m_text->setWordWrapMode(QTextOption::WordWrap);
    connect(m_selection, &SelectionState::selectionChanged, this, &DetailsPanel::refresh);
    refresh();
}

QString DetailsPanel::html() const
{
    return m_text->toHtml();
}

void DetailsPanel::setComparison(std::shared_ptr<const Comparison> comparison, QStringList traceLabels)
{
    m_comparison = std::move(comparison);
    m_traceLabels = std::move(traceLabels);
    refresh();
}

void DetailsPanel::refresh()
{
    const NodeIndex node = m_selection->selectedNode();
    if (!m_comparison || (node <= 0 && m_selection->selectedSpan() == NoSpan)) {
        m_text->setHtml(tr("<p style='color:gray'>Select a span in a timeline, a flame graph or the root-cause list "
                           "to see its details here.</p>"));
        m_chart->hide();
        return;
    }
    std::size_t trace = m_selection->selectedTrace();
    SpanIndex span = m_selection->selectedSpan();
    if (span == NoSpan) {
        const AlignedNode& aligned = m_comparison->alignment().node(node);
        for (std::size_t t = aligned.spans.size(); t-- > 0;) {
            if (!aligned.spans[t].empty()) {
                trace = t;
                span = aligned.spans[t].front();
                break;
            }
        }
    }
    QString html;
    if (span != NoSpan)
        html += spanDetails(trace, span);
    if (node > 0)
        html += acrossTraces(node);
    m_text->setHtml(html);
    updateChart(node);
}

QString DetailsPanel::compactTraceLabel(std::size_t traceIndex) const
{
    const auto& traces = m_comparison->alignment().traces();
    const Trace& trace = *traces[traceIndex];
    QString label = sourceDisplayName(trace.sourceFile());
    // Several traces of one file: the start of the trace id tells them apart.
    const auto sameFile = std::count_if(traces.begin(), traces.end(),
                                        [&](const TracePtr& other) { return other->sourceFile() == trace.sourceFile(); });
    if (sameFile > 1)
        label += QStringLiteral(" · ") + QString::fromStdString(trace.traceId()).left(8);
    return label;
}

QString DetailsPanel::spanDetails(std::size_t traceIndex, SpanIndex span) const
{
    const Trace& trace = *m_comparison->alignment().traces()[traceIndex];
    QString html = QStringLiteral("<h3>%1 <span style='color:gray;font-weight:normal'>%2</span></h3><table>")
                       .arg(escaped(trace.nameText(span)), escaped(trace.serviceText(span)));
    const QString label = traceIndex < static_cast<std::size_t>(m_traceLabels.size()) ? m_traceLabels[static_cast<int>(traceIndex)]
                                                                                     : sourceDisplayName(trace.sourceFile());
    html += row(tr("Trace"), label.toHtmlEscaped());
    html += row(tr("Trace id"), escaped(trace.traceId()));
    html += row(tr("Span id"), escaped(trace.spanIdText(span)));
    if (trace.parent(span) != NoSpan)
        html += row(tr("Parent"), QStringLiteral("%1 (%2)").arg(escaped(trace.nameText(trace.parent(span))),
                                                                escaped(trace.spanIdText(trace.parent(span)))));
    // A profile's slices have neither (a row reading " · unset" says nothing): shown when set.
    QStringList kindAndStatus;
    if (trace.kind(span) != SpanKind::Unspecified)
        kindAndStatus << spanKindName(trace.kind(span));
    if (trace.status(span) != SpanStatus::Unset || !kindAndStatus.isEmpty())
        kindAndStatus << spanStatusName(trace.status(span));
    if (!kindAndStatus.isEmpty())
        html += row(tr("Kind · status"), kindAndStatus.join(QStringLiteral(" · ")));
    QString start = QStringLiteral("+") + formatDuration(trace.startNs(span) - trace.traceStartNs());
    if (!isTraceEventFamily(trace.format())) {
        const QDateTime absolute = QDateTime::fromMSecsSinceEpoch(trace.startNs(span) / 1000000, Qt::UTC);
        start += QStringLiteral(" (%1 UTC)").arg(absolute.toString(Qt::ISODateWithMs));
    }
    html += row(tr("Start"), start);
    html += row(tr("Total"), formatDuration(trace.durationNs(span)));
    html += row(tr("Self"), tr("%1 (%2 of the span)").arg(formatDuration(trace.selfNs(span)),
                                                         formatShare(trace.selfNs(span), trace.durationNs(span))));
    html += row(tr("Children"), QString::number(trace.children(span).size()));
    html += QStringLiteral("</table>");
    html += referencesOf(trace, span);

    const auto attributes = trace.attributes(span);
    if (!attributes.empty()) {
        html += QStringLiteral("<h4>%1</h4><table>").arg(tr("Attributes"));
        int shown = 0;
        for (const Attribute& a : attributes) {
            if (++shown > MaxAttributesShown) {
                html += row(QString(), tr("… %n more", nullptr, int(attributes.size()) - MaxAttributesShown));
                break;
            }
            html += row(escaped(trace.strings().at(a.key)), escaped(trace.valueText(a.value).str()));
        }
        html += QStringLiteral("</table>");
    }
    const auto events = trace.events(span);
    if (!events.empty()) {
        html += QStringLiteral("<h4>%1</h4><table>").arg(tr("Events"));
        int shown = 0;
        for (const SpanEvent& e : events) {
            if (++shown > MaxEventsShown)
                break;
            QStringList fields;
            for (const Attribute& a : trace.eventAttributes(e))
                fields << escaped(trace.strings().at(a.key)) + QLatin1Char('=') + escaped(trace.valueText(a.value).str());
            html += row(QStringLiteral("+") + formatDuration(e.timeNs - trace.startNs(span)),
                        QStringLiteral("<b>%1</b> %2").arg(escaped(trace.strings().at(e.name)), fields.join(QStringLiteral(", "))));
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

// Links, FOLLOWS_FROM references and a profile's flows, both ways: what this span came
// from and what came from it (a flow's later slice holds the reference to the earlier one).
QString DetailsPanel::referencesOf(const Trace& trace, SpanIndex span) const
{
    const bool flows = isTraceEventFamily(trace.format());
    const auto describe = [&](SpanIndex other) {
        return QStringLiteral("%1 <span style='color:gray'>%2 · +%3</span>")
            .arg(escaped(trace.nameText(other)), escaped(trace.serviceText(other)), formatDuration(trace.startNs(other) - trace.traceStartNs()));
    };
    QString rows;
    int shown = 0;
    for (const SpanReference& r : trace.references()) {
        if ((r.from != span && r.target != span) || r.type == ReferenceType::ChildOf)
            continue;
        if (++shown > MaxEventsShown)
            break;
        if (r.from == span) {
            const QString label = flows ? tr("Flow from") : r.type == ReferenceType::FollowsFrom ? tr("Follows from") : tr("Links to");
            const QString other = r.target != NoSpan ? describe(r.target)
                                                     : tr("span %1 of trace %2 (not in this file)")
                                                           .arg(escaped(trace.strings().at(r.spanId)), escaped(trace.strings().at(r.traceId)));
            rows += row(label, other);
        } else {
            rows += row(flows ? tr("Flow to") : tr("Linked from"), describe(r.from));
        }
    }
    if (rows.isEmpty())
        return {};
    return QStringLiteral("<h4>%1</h4><table>%2</table>").arg(flows ? tr("Flows") : tr("Links"), rows);
}

QString DetailsPanel::acrossTraces(NodeIndex node) const
{
    const Comparison& c = *m_comparison;
    const NodeMetrics& m = c.metrics(node);
    const std::size_t target = c.targetIndex();
    QString html = QStringLiteral("<h4>%1</h4>").arg(tr("In every compared trace"));
    if (c.baselineCount() > 0) {
        html += QStringLiteral("<p>%1</p>").arg(tr("Change: <b>%1</b>; baseline median total %2, self %3.")
                                                     .arg(changeDisplayName(m.change), formatDuration(m.baselineTotal.median),
                                                          formatDuration(m.baselineSelf.median)));
    }
    for (const Candidate& candidate : c.candidates()) {
        if (candidate.node != node)
            continue;
        html += QStringLiteral("<p><b>%1</b></p>").arg(candidate.reason.toHtmlEscaped());
        QStringList figures = c.figuresFor(candidate);
        // Attribute differences get their own table below.
        figures = figures.mid(0, figures.size() - static_cast<qsizetype>(candidate.attributeDifferences.size()));
        if (!figures.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(figures.join(QStringLiteral("; ")).toHtmlEscaped());
        if (!candidate.attributeDifferences.empty()) {
            html += QStringLiteral("<h4>%1</h4><table cellspacing='0' cellpadding='2'><tr><th align='left'>%2</th><th align='left'>%3</th>"
                                   "<th align='left'>%4</th></tr>")
                        .arg(tr("Attributes that differ from every baseline"), tr("Attribute"), tr("Target"), tr("Baselines"));
            for (const AttributeDifference& d : candidate.attributeDifferences)
                html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td><td>%3</td></tr>")
                            .arg(escaped(d.key), escaped(d.target), c.baselineValuesSummary(d).toHtmlEscaped());
            html += QStringLiteral("</table>");
        }
        break;
    }
    // Cells keep apart ("1   406 ms", not "1 406 ms") and file names do not break mid-word.
    html += QStringLiteral("<table cellspacing='6' cellpadding='1'><tr><th align='left'>%1</th><th align='right'>%2</th>"
                           "<th align='right'>%3</th><th align='right'>%4</th><th align='right'>%5</th><th align='right'>%6</th>"
                           "<th align='right'>%7</th></tr>")
                .arg(tr("Trace"), tr("Spans"), tr("Total"), tr("Self"), tr("Critical path"), tr("Parallelism"), tr("Δ total vs median"));
    for (std::size_t t = 0; t < c.alignment().traces().size(); ++t) {
        // The file's name only (the full pane title, role and size, would squeeze the figures).
        const QString label = compactTraceLabel(t);
        const QString delta = c.baselineCount() > 0 ? formatSignedDuration(m.totalNs[t] - m.baselineTotal.median) : QString();
        // Sum of the calls ÷ wall time of their union: 1.0 one at a time, 3.0 three at once.
        const std::int64_t wall = c.wallNs(node)[t];
        const QString parallelism = m.count[t] >= 2 && wall > 0
            ? formatDecimal(static_cast<double>(m.totalNs[t]) / static_cast<double>(wall), 1)
            : QString();
        html += QStringLiteral("<tr%8><td nowrap>%1</td><td align='right'>%2</td><td align='right'>%3</td><td align='right'>%4</td>"
                               "<td align='right'>%5</td><td align='right'>%6</td><td align='right'>%7</td></tr>")
                    .arg(label.toHtmlEscaped(), QString::number(m.count[t]), formatDuration(m.totalNs[t]), formatDuration(m.selfNs[t]),
                         formatDuration(c.criticalNs(node)[t]), parallelism, delta,
                         t == target ? QStringLiteral(" style='font-weight:bold'") : QString());
    }
    html += QStringLiteral("</table>");
    return html;
}

void DetailsPanel::updateChart(NodeIndex node)
{
    m_chart->clearPlottables();
    m_chart->clearItems();
    if (!m_comparison || node <= 0 || m_comparison->baselineCount() == 0) {
        m_chart->hide();
        return;
    }
    const NodeMetrics& m = m_comparison->metrics(node);
    const auto targetValue = static_cast<double>(m.totalNs[m_comparison->targetIndex()]);
    QVector<double> xs;
    QVector<double> ys;
    double low = targetValue;
    double high = targetValue;
    const std::size_t baselineCount = m_comparison->baselineCount();
    for (std::size_t i = 0; i < baselineCount; ++i) {
        const auto v = static_cast<double>(m.totalNs[i]);
        xs << v;
        ys << 0.3 + 0.4 * static_cast<double>(i % 5) / 4.0; // spread equal values vertically
        low = std::min(low, v);
        high = std::max(high, v);
    }
    const QColor text = palette().color(QPalette::WindowText);
    m_chart->setBackground(palette().color(QPalette::Base));
    m_chart->xAxis->setBasePen(QPen(text));
    m_chart->xAxis->setTickPen(QPen(text));
    m_chart->xAxis->setSubTickPen(QPen(text));
    m_chart->xAxis->setTickLabelColor(text);
    m_chart->xAxis->setLabelColor(text);
    QCPGraph* baselines = m_chart->addGraph();
    baselines->setLineStyle(QCPGraph::lsNone);
    baselines->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0x1f, 0x6f, 0xc4)), QColor(0x1f, 0x6f, 0xc4, 120), 8));
    baselines->setData(xs, ys, true);
    baselines->setName(tr("baselines"));

    const auto addLine = [this](double x, const QPen& pen) {
        auto* line = new QCPItemStraightLine(m_chart);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(pen);
    };
    addLine(static_cast<double>(m.baselineTotal.median), QPen(text, 1, Qt::DashLine));
    addLine(targetValue, QPen(QColor(0xd6, 0x27, 0x28), 2));
    auto* label = new QCPItemText(m_chart);
    label->position->setCoords(targetValue, 0.92);
    label->setText(tr("target %1").arg(formatDuration(static_cast<std::int64_t>(targetValue))));
    label->setColor(QColor(0xd6, 0x27, 0x28));
    label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);

    const double margin = std::max((high - low) * 0.15, std::max(high * 0.05, 1000.0));
    m_chart->xAxis->setRange(std::max(0.0, low - margin), high + margin);
    m_chart->yAxis->setRange(0, 1);
    m_chart->xAxis->setLabel(tr("%n baseline(s) (dots), median (dashed), target (red)", nullptr, int(baselineCount)));
    m_chart->xAxis->ticker().staticCast<DurationTicker>()->setWidthPixels(m_chart->width());
    m_chart->show();
    m_chart->replot();
}

} // namespace tracedelta
