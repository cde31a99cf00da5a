// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/session/traceentry.h"

#include "core/model/trace.h"

#include <QColor>
#include <QWidget>

class QTreeWidget;

namespace tracedelta {

// Every loaded trace with its file, trace id, span count, duration, colour and notes;
// the checkbox includes it in the comparison, the context menu makes it the target,
// reloads or closes it. Files that failed to load are listed with their message.
class TracesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TracesPanel(QWidget* parent = nullptr);

    // `outliers`: entries of baselines far outside the other baselines' spread, marked as such.
    void setTraces(const std::vector<TraceEntry>& entries, std::size_t target, const QStringList& errors,
                   const std::vector<std::size_t>& outliers = {});
    QTreeWidget* tree() const { return m_tree; }
    // The trace the list's current row shows, or -1 (a failed file, or nothing).
    int currentTraceIndex() const;

Q_SIGNALS:
    void targetRequested(int index);
    void inclusionChanged(int index, bool included);
    void closeRequested(int index);
    void reloadRequested(int index);
    void saveRequested(int index);

private:

    QTreeWidget* m_tree;
    int m_traceCount = 0;
    bool m_updating = false;
};

} // namespace tracedelta
