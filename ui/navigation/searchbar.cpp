// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchbar.h"

#include "selectionstate.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace tracedelta {

SearchBar::SearchBar(SelectionState* selection, QWidget* parent)
    : QWidget(parent)
    , m_selection(selection)
    , m_edit(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_previousButton(new QToolButton(this))
    , m_nextButton(new QToolButton(this))
{
    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setPlaceholderText(tr("Search name, service, id or attribute…"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(160);
    m_edit->setMaximumWidth(320);
    m_edit->installEventFilter(this);
    m_previousButton->setArrowType(Qt::UpArrow);
    m_previousButton->setToolTip(tr("Previous match (Shift+F3)"));
    m_nextButton->setArrowType(Qt::DownArrow);
    m_nextButton->setToolTip(tr("Next match (Enter, F3)"));
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(QStringLiteral("9999 of 9999")));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_previousButton);
    layout->addWidget(m_nextButton);
    layout->addWidget(m_status);
    connect(m_edit, &QLineEdit::textChanged, m_selection, &SelectionState::setSearchText);
    connect(m_selection, &SelectionState::searchChanged, this, &SearchBar::updateMatches);
    connect(m_nextButton, &QToolButton::clicked, this, &SearchBar::next);
    connect(m_previousButton, &QToolButton::clicked, this, &SearchBar::previous);
    showStatus();
}

void SearchBar::setComparison(std::shared_ptr<const Comparison> comparison)
{
    m_comparison = std::move(comparison);
    updateMatches();
}

// Places in the target's order first (what the user investigates), then the baselines'.
void SearchBar::updateMatches()
{
    m_matches.clear();
    m_current = -1;
    const QString text = m_selection->searchText();
    if (m_comparison && !text.isEmpty()) {
        const Alignment& alignment = m_comparison->alignment();
        std::vector<bool> seen(alignment.nodes().size(), false);
        const std::size_t traces = alignment.traces().size();
        for (std::size_t k = 0; k < traces; ++k) {
            const std::size_t t = k == 0 ? traces - 1 : k - 1;
            const auto hits = m_selection->searchMatches(alignment.traces()[t]);
            for (SpanIndex s = 0; s < static_cast<SpanIndex>(hits->size()); ++s) {
                if (!(*hits)[s])
                    continue;
                const NodeIndex node = alignment.nodeOf(t, s);
                if (node > 0 && !seen[node]) {
                    seen[node] = true;
                    m_matches.push_back(node);
                }
            }
        }
    }
    showStatus();
}

void SearchBar::next()
{
    step(+1);
}

void SearchBar::previous()
{
    step(-1);
}

void SearchBar::step(int direction)
{
    if (m_matches.empty())
        return;
    const int count = static_cast<int>(m_matches.size());
    m_current = m_current < 0 ? (direction > 0 ? 0 : count - 1) : (m_current + direction + count) % count;
    m_selection->selectNode(m_matches[static_cast<std::size_t>(m_current)], true);
    showStatus();
}

QString SearchBar::statusText() const
{
    if (m_selection->searchText().isEmpty())
        return {};
    if (m_matches.empty())
        return tr("no matches");
    if (m_current < 0)
        return m_matches.size() == 1 ? tr("1 match") : tr("%1 matches").arg(m_matches.size());
    return tr("%1 of %2").arg(m_current + 1).arg(m_matches.size());
}

void SearchBar::showStatus()
{
    m_status->setText(statusText());
    m_previousButton->setEnabled(!m_matches.empty());
    m_nextButton->setEnabled(!m_matches.empty());
}

bool SearchBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            step(key->modifiers() & Qt::ShiftModifier ? -1 : +1);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_edit->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tracedelta
