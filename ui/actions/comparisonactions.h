// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QComboBox;
class QMenu;
class QToolBar;
class QWidget;

namespace tracedelta {

class TraceSession;
class TracesPanel;

// Who is compared with whom: the Comparison menu (use the chosen trace as the target,
// include or exclude it, swap it with the target, align numbered names) and the
// toolbar's Target drop-down. Acts on the session; the Traces panel says which trace
// is chosen.
class ComparisonActions : public QObject
{
    Q_OBJECT
public:
    ComparisonActions(QWidget* window, TraceSession* session, TracesPanel* traces);

    QMenu* createMenu(QWidget* parent);
    void addTargetChooser(QToolBar* toolbar);
    QComboBox* targetChooser() const { return m_targetBox; }

Q_SIGNALS:
    void message(const QString& text);

private:
    void refreshTargetChooser();
    std::size_t chosenTrace() const;

    TraceSession* m_session;
    TracesPanel* m_traces;
    QComboBox* m_targetBox = nullptr;
    bool m_updating = false;
};

} // namespace tracedelta
