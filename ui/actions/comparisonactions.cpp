// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonactions.h"
#include "core/remote/servertracestore.h"

#include "ui/comparisonview.h"
#include "ui/panels/tracespanel.h"
#include "ui/session/tracesession.h"

#include "core/util/durationformat.h"

#include <QAction>
#include <QFileInfo>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QToolBar>

#include <algorithm>

namespace tracedelta {

namespace {
const char* const ExactNamesKey = "comparison/exactNames";
}

ComparisonActions::ComparisonActions(QWidget* window, TraceSession* session, TracesPanel* traces)
    : QObject(window)
    , m_session(session)
    , m_traces(traces)
{
    m_session->setExactNames(QSettings().value(QLatin1String(ExactNamesKey), false).toBool());
    connect(m_session, &TraceSession::entriesChanged, this, &ComparisonActions::refreshTargetChooser);
}

std::size_t ComparisonActions::chosenTrace() const
{
    const int current = m_traces->currentTraceIndex();
    return current < 0 ? m_session->entries().size() : static_cast<std::size_t>(current);
}

QMenu* ComparisonActions::createMenu(QWidget* parent)
{
    auto* menu = new QMenu(tr("&Comparison"), parent);
    QAction* useAsTarget = menu->addAction(tr("Use as &Target"), this, [this] { m_session->setTarget(chosenTrace()); });
    useAsTarget->setToolTip(tr("Make the trace chosen in the Traces panel the target"));
    QAction* include = menu->addAction(tr("&Include in Comparison"), this, [this] {
        const std::size_t i = chosenTrace();
        if (i >= m_session->entries().size())
            return;
        if (!m_session->setIncluded(i, !m_session->entries()[i].included))
            Q_EMIT message(tr("The target always takes part in the comparison: make another trace the target first."));
    });
    include->setToolTip(tr("Take the trace chosen in the Traces panel in or out of the comparison"));
    QAction* swap = menu->addAction(tr("&Swap Target and Baseline"), this, [this] {
        std::size_t other = chosenTrace();
        // Without a chosen baseline, the only other included trace.
        if (other >= m_session->entries().size() || other == m_session->targetIndex()) {
            other = m_session->entries().size();
            int included = 0;
            for (std::size_t i = 0; i < m_session->entries().size(); ++i) {
                if (i != m_session->targetIndex() && m_session->entries()[i].included) {
                    other = i;
                    ++included;
                }
            }
            if (included != 1) {
                Q_EMIT message(tr("Choose the baseline to swap with in the Traces panel."));
                return;
            }
        }
        const QString was = ComparisonView::paneTitle(*m_session->entries()[m_session->targetIndex()].trace, false);
        m_session->swapTarget(other);
        Q_EMIT message(tr("%1 is now a baseline.").arg(was));
    });
    swap->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(menu, &QMenu::aboutToShow, this, [this, useAsTarget, include, swap] {
        const std::size_t i = chosenTrace();
        const bool valid = i < m_session->entries().size();
        useAsTarget->setEnabled(valid && i != m_session->targetIndex());
        include->setEnabled(valid && i != m_session->targetIndex());
        include->setText(valid && m_session->entries()[i].included ? tr("&Exclude from Comparison") : tr("&Include in Comparison"));
        swap->setEnabled(m_session->entries().size() >= 2);
    });
    menu->addSeparator();
    QAction* alignNumbered = menu->addAction(tr("Align &Numbered Names"));
    alignNumbered->setObjectName(QStringLiteral("alignNumberedNames"));
    alignNumbered->setCheckable(true);
    alignNumbered->setToolTip(tr("Align ProfilerStep#551 with ProfilerStep#1009, /users/123 with /users/77, and threads and GPU "
                                 "streams by the work on them rather than by their numbers"));
    alignNumbered->setChecked(!m_session->exactNames());
    connect(alignNumbered, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QLatin1String(ExactNamesKey), !on);
        m_session->setExactNames(!on);
    });
    return menu;
}

void ComparisonActions::addTargetChooser(QToolBar* toolbar)
{
    toolbar->addWidget(new QLabel(tr(" Target: "), toolbar));
    m_targetBox = new QComboBox(toolbar);
    m_targetBox->setObjectName(QStringLiteral("targetChooser"));
    m_targetBox->setToolTip(tr("The trace to explain; every other checked trace is a baseline"));
    m_targetBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // Long file names must not push the search box off a 1024 px wide window: the full name
    // is in the drop-down list and the Traces panel.
    m_targetBox->setMaximumWidth(240);
    toolbar->addWidget(m_targetBox);
    connect(m_targetBox, &QComboBox::activated, this, [this](int index) {
        if (!m_updating && index >= 0)
            m_session->setTarget(static_cast<std::size_t>(index));
    });
    refreshTargetChooser();
}

void ComparisonActions::refreshTargetChooser()
{
    if (!m_targetBox)
        return;
    m_updating = true;
    m_targetBox->clear();
    const auto& entries = m_session->entries();
    for (const TraceEntry& entry : entries) {
        const Trace& trace = *entry.trace;
        // A file can hold several traces: then the trace id tells them apart.
        const bool shared = std::count_if(entries.begin(), entries.end(),
                                          [&](const TraceEntry& e) { return e.trace->sourceFile() == trace.sourceFile(); })
            > 1;
        QString label = QStringLiteral("%1 · %2").arg(sourceDisplayName(trace.sourceFile()), formatDuration(trace.wallDurationNs()));
        if (shared)
            label += QStringLiteral(" · %1").arg(QString::fromStdString(trace.traceId()).left(12));
        m_targetBox->addItem(label);
        m_targetBox->setItemData(m_targetBox->count() - 1, trace.sourceFile(), Qt::ToolTipRole);
    }
    m_targetBox->setCurrentIndex(m_session->entries().empty() ? -1 : static_cast<int>(m_session->targetIndex()));
    m_targetBox->setEnabled(m_session->entries().size() >= 2);
    m_updating = false;
}

} // namespace tracedelta
