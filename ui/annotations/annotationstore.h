// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workspace/annotation.h"

#include <QObject>
#include <QUndoStack>

#include <vector>

namespace tracedelta {

class Comparison;

// The user's annotations with undo/redo. Every change goes through a QUndoCommand, so
// Edit → Undo covers adding, editing, moving and deleting notes alike.
class AnnotationStore : public QObject
{
    Q_OBJECT
public:
    explicit AnnotationStore(QObject* parent = nullptr);

    const std::vector<Annotation>& annotations() const { return m_annotations; }
    const Annotation* find(std::uint64_t id) const;
    QUndoStack* undoStack() { return &m_undo; }

    std::uint64_t add(Annotation annotation);
    void remove(std::uint64_t id);
    void setText(std::uint64_t id, const QString& text);
    void move(std::uint64_t id, double offsetX, double offsetY);
    // Callouts on the target's spans for the top `count` root-cause candidates, with their
    // reasons, as one undoable step. Returns how many were added.
    int annotateTopFindings(const Comparison& comparison, int count);
    // Replaces everything (opening a workspace); clears the undo history.
    void reset(std::vector<Annotation> annotations);

    // Used by the undo commands only.
    void insertRaw(const Annotation& annotation, std::size_t position);
    std::size_t removeRaw(std::uint64_t id, Annotation* removed);
    void replaceRaw(const Annotation& annotation);

Q_SIGNALS:
    void changed();

private:
    std::vector<Annotation> m_annotations;
    QUndoStack m_undo;
    std::uint64_t m_nextId = 1;
};

} // namespace tracedelta
