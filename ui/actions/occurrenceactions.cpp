// SPDX-License-Identifier: GPL-3.0-or-later
#include "occurrenceactions.h"

#include "ui/navigation/selectionstate.h"
#include "ui/panels/occurrencespanel.h"
#include "ui/session/tracesession.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

namespace tracedelta {

OccurrenceActions::OccurrenceActions(QMainWindow* window, TraceSession* session, SelectionState* selection)
    : QObject(window)
    , m_session(session)
    , m_panel(new OccurrencesPanel(window))
    , m_dock(new QDockWidget(tr("Occurrences"), window))
{
    m_dock->setObjectName(QStringLiteral("occurrencesDock"));
    m_dock->setWidget(m_panel);
    connect(selection, &SelectionState::spanMenuAboutToShow, this, &OccurrenceActions::addSpanActions);
    connect(m_panel, &OccurrencesPanel::occurrenceClicked, m_session, &TraceSession::retargetOccurrence);
    connect(m_panel, &OccurrencesPanel::backRequested, m_session, &TraceSession::leaveOccurrences);
    connect(m_panel, &OccurrencesPanel::unitChosen, this,
            [this](const QString& pattern) { m_session->compareOccurrences(m_session->targetIndex(), pattern); });
    connect(m_session, &TraceSession::occurrencesChanged, this, &OccurrenceActions::refresh);
    connect(m_session, &TraceSession::comparisonFinished, this, &OccurrenceActions::refresh);
}

std::optional<std::pair<std::size_t, SpanIndex>> OccurrenceActions::sourceSpan(std::size_t comparisonTrace, SpanIndex span) const
{
    const auto& compared = m_session->comparedEntries();
    if (comparisonTrace >= compared.size())
        return std::nullopt;
    const std::size_t entry = compared[comparisonTrace];
    const auto& choice = m_session->occurrences();
    if (!choice)
        return std::pair{entry, span};
    // An occurrence's trace is its subtree in the same pre-order: span k is root + k.
    const std::size_t occurrence = comparisonTrace < choice->baselines.size() ? choice->baselines[comparisonTrace] : choice->target;
    const Trace& source = *m_session->entries()[entry].trace;
    const SpanIndex root = choice->occurrences[occurrence].span;
    const SpanIndex mapped = root + span;
    const auto comparison = m_session->outcome().comparison;
    if (!comparison || mapped >= source.subtreeEnd(root)
        || source.nameText(mapped) != comparison->alignment().traces()[comparisonTrace]->nameText(span))
        return std::nullopt;
    return std::pair{entry, mapped};
}

void OccurrenceActions::addSpanActions(QMenu* menu, std::size_t comparisonTrace, SpanIndex span)
{
    const auto source = sourceSpan(comparisonTrace, span);
    if (!source)
        return;
    const TracePtr trace = m_session->entries()[source->first].trace;
    const QString name = QString::fromStdString(trace->nameText(source->second));
    const std::vector<TracePtr> traces{trace};
    const std::size_t count = findOccurrences(traces, name).size();
    if (count < 2)
        return;
    menu->addSeparator();
    menu->addAction(tr("Compare with the Other %1 %2").arg(count - 1).arg(name), this, [this, source, name] {
        m_session->compareOccurrences(source->first, name, source->second);
    });
}

void OccurrenceActions::refresh()
{
    if (const auto& choice = m_session->occurrences()) {
        m_panel->showChoice(*choice);
        m_dock->show();
        m_dock->raise();
        return;
    }
    const auto& entries = m_session->entries();
    m_panel->showUnits(m_session->targetIndex() < entries.size() ? entries[m_session->targetIndex()].trace : nullptr);
}

} // namespace tracedelta
