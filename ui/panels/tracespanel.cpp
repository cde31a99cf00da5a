// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracespanel.h"

#include "core/remote/servertracestore.h"

#include "ui/viewmodel/displaynames.h"
#include "core/util/durationformat.h"

#include <QAction>
#include <QFileInfo>
#include <QHeaderView>
#include <QMetaObject>
#include <QPainter>
#include <QPixmap>
#include <QTreeWidget>

#include <algorithm>
#include <QVBoxLayout>

namespace tracedelta {

namespace {

enum Column { FileColumn, RoleColumn, TraceIdColumn, SpansColumn, DurationColumn, NotesColumn, ColumnCount };

// Clears what a row showed before (texts, fonts, colours, child rows) for reuse.
void resetRow(QTreeWidgetItem* item)
{
    qDeleteAll(item->takeChildren());
    QFont plain = item->treeWidget()->font();
    for (int column = 0; column < ColumnCount; ++column) {
        item->setText(column, QString());
        item->setToolTip(column, QString());
        item->setFont(column, plain);
        item->setData(column, Qt::ForegroundRole, QVariant());
    }
    item->setIcon(FileColumn, QIcon());
}

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(color);
    return QIcon(pixmap);
}

} // namespace

TracesPanel::TracesPanel(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
    m_tree->setObjectName(QStringLiteral("tracesTree"));
    m_tree->setHeaderLabels({tr("File"), tr("Role · format"), tr("Trace id"), tr("Spans"), tr("Duration"), tr("Notes")});
    m_tree->setRootIsDecorated(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);

    const auto addAction = [this](const QString& text, const QKeySequence& shortcut, auto signal) {
        auto* action = new QAction(text, m_tree);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, [this, signal] {
            if (const int index = currentTraceIndex(); index >= 0)
                Q_EMIT(this->*signal)(index);
        });
        m_tree->addAction(action);
    };
    addAction(tr("Use as &Target"), QKeySequence(Qt::Key_T), &TracesPanel::targetRequested);
    addAction(tr("&Reload File"), QKeySequence(Qt::Key_F5), &TracesPanel::reloadRequested);
    addAction(tr("&Close Trace"), QKeySequence::Delete, &TracesPanel::closeRequested);
    addAction(tr("&Save Trace As…"), QKeySequence(), &TracesPanel::saveRequested);

    // A click on a checkbox arrives inside the view's mouse handling (the delegate's
    // editorEvent). The window answers by rebuilding this panel, which must not happen while
    // the view still holds the clicked item: the change is passed on after the event returns.
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (m_updating || column != FileColumn || item->parent())
            return;
        const int index = m_tree->indexOfTopLevelItem(item);
        if (index < 0 || index >= m_traceCount)
            return;
        const bool included = item->checkState(FileColumn) == Qt::Checked;
        QMetaObject::invokeMethod(this, [this, index, included] { Q_EMIT inclusionChanged(index, included); },
                                  Qt::QueuedConnection);
    });
}

int TracesPanel::currentTraceIndex() const
{
    QTreeWidgetItem* item = m_tree->currentItem();
    while (item && item->parent())
        item = item->parent();
    const int index = item ? m_tree->indexOfTopLevelItem(item) : -1;
    return index < m_traceCount ? index : -1;
}

void TracesPanel::setTraces(const std::vector<TraceEntry>& entries, std::size_t target, const QStringList& errors,
                            const std::vector<std::size_t>& outliers)
{
    m_updating = true;
    // Rows are updated in place (same count: nothing is deleted), so the view keeps its
    // current item, scroll position and any item it is handling.
    const int rows = static_cast<int>(entries.size() + static_cast<std::size_t>(errors.size()));
    while (m_tree->topLevelItemCount() > rows)
        delete m_tree->takeTopLevelItem(m_tree->topLevelItemCount() - 1);
    while (m_tree->topLevelItemCount() < rows)
        new QTreeWidgetItem(m_tree);
    m_traceCount = static_cast<int>(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const TraceEntry& entry = entries[i];
        const Trace& trace = *entry.trace;
        QTreeWidgetItem* item = m_tree->topLevelItem(static_cast<int>(i));
        resetRow(item);
        const bool isTarget = i == target;
        item->setIcon(FileColumn, swatch(entry.color));
        // Traces fetched from a server show where they came from rather than a cache file name.
        const auto origin = serverTraceOrigin(trace.sourceFile());
        item->setText(FileColumn, sourceDisplayName(trace.sourceFile()));
        item->setToolTip(FileColumn, tr("%1\nChecked traces take part in the comparison.")
                                         .arg(origin ? describeOrigin(*origin) + QLatin1Char('\n') + trace.sourceFile() : trace.sourceFile()));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(FileColumn, entry.included || isTarget ? Qt::Checked : Qt::Unchecked);
        const bool outlier = !isTarget && std::find(outliers.begin(), outliers.end(), i) != outliers.end();
        const QString role = isTarget ? tr("target") : outlier ? tr("baseline, outlier") : entry.included ? tr("baseline") : tr("not compared");
        item->setText(RoleColumn, role + QStringLiteral(" · ") + formatName(trace.format()));
        item->setToolTip(RoleColumn, outlier ? tr("Far outside the other baselines' spread: a slow run to use as the target, or one to "
                                                  "leave out (see the notes under the root causes).")
                                             : QString());
        if (outlier)
            item->setForeground(RoleColumn, QColor(0xc0, 0x50, 0x00));
        item->setText(TraceIdColumn, QString::fromStdString(trace.traceId()));
        item->setText(SpansColumn, QString::number(trace.spanCount()));
        item->setText(DurationColumn, formatDuration(trace.wallDurationNs()));
        QStringList notes;
        if (entry.changedOnDisk)
            notes << tr("changed on disk — Reload File (F5)");
        if (!trace.diagnostics().empty())
            notes << tr("%n note(s)", nullptr, int(trace.diagnostics().size()));
        item->setText(NotesColumn, notes.join(QStringLiteral("; ")));
        if (isTarget) {
            QFont bold = item->font(FileColumn);
            bold.setBold(true);
            for (int column = 0; column < ColumnCount; ++column)
                item->setFont(column, bold);
        }
        for (const Diagnostic& d : trace.diagnostics()) {
            auto* child = new QTreeWidgetItem(item);
            child->setText(FileColumn, severityDisplayName(d.severity));
            child->setText(NotesColumn, d.message);
            child->setToolTip(NotesColumn, d.message);
        }
    }
    for (int e = 0; e < errors.size(); ++e) {
        const QString& error = errors[e];
        QTreeWidgetItem* item = m_tree->topLevelItem(m_traceCount + e);
        resetRow(item);
        item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
        item->setData(FileColumn, Qt::CheckStateRole, QVariant());
        item->setText(FileColumn, tr("failed"));
        item->setForeground(FileColumn, QColor(0xc0, 0x20, 0x20));
        item->setText(NotesColumn, error);
        item->setToolTip(NotesColumn, error);
    }
    m_updating = false;
}

} // namespace tracedelta
