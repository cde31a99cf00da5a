// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationstore.h"

#include "core/compare/comparison.h"

#include <QUndoCommand>

#include <algorithm>
#include <cmath>

namespace tracedelta {

namespace {

class AddCommand : public QUndoCommand
{
public:
    AddCommand(AnnotationStore* store, Annotation annotation, QUndoCommand* parent = nullptr)
        : QUndoCommand(AnnotationStore::tr("Add note"), parent)
        , m_store(store)
        , m_annotation(std::move(annotation))
    {
    }
    void redo() override { m_store->insertRaw(m_annotation, m_store->annotations().size()); }
    void undo() override { m_store->removeRaw(m_annotation.id, nullptr); }

private:
    AnnotationStore* m_store;
    Annotation m_annotation;
};

class RemoveCommand : public QUndoCommand
{
public:
    RemoveCommand(AnnotationStore* store, std::uint64_t id)
        : QUndoCommand(AnnotationStore::tr("Delete note"))
        , m_store(store)
        , m_id(id)
    {
    }
    void redo() override { m_position = m_store->removeRaw(m_id, &m_removed); }
    void undo() override { m_store->insertRaw(m_removed, m_position); }

private:
    AnnotationStore* m_store;
    std::uint64_t m_id;
    Annotation m_removed;
    std::size_t m_position = 0;
};

// Editing and moving both swap one version of a note for another.
class ReplaceCommand : public QUndoCommand
{
public:
    ReplaceCommand(AnnotationStore* store, Annotation before, Annotation after, const QString& text, int mergeId)
        : QUndoCommand(text)
        , m_store(store)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeId(mergeId)
    {
    }
    void redo() override { m_store->replaceRaw(m_after); }
    void undo() override { m_store->replaceRaw(m_before); }
    int id() const override { return m_mergeId; }
    // Consecutive moves of the same note are one step.
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const ReplaceCommand*>(other);
        if (m_mergeId < 0 || next->m_after.id != m_after.id)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    AnnotationStore* m_store;
    Annotation m_before;
    Annotation m_after;
    int m_mergeId;
};

constexpr int MoveMergeId = 1;

// A new callout on a span that already has one is shifted, so neither hides the other.
void placeClear(Annotation& note, const std::vector<Annotation>& existing)
{
    if (note.kind != Annotation::Kind::Span)
        return;
    for (int attempt = 0; attempt < 20; ++attempt) {
        const bool taken = std::any_of(existing.begin(), existing.end(), [&note](const Annotation& other) {
            return other.kind == Annotation::Kind::Span && other.traceFile == note.traceFile && other.traceId == note.traceId
                && std::abs(other.offsetX - note.offsetX) < 30 && std::abs(other.offsetY - note.offsetY) < 30
                && other.spanName == note.spanName;
        });
        if (!taken)
            return;
        note.offsetX += 60;
        note.offsetY += 36;
    }
}

} // namespace

AnnotationStore::AnnotationStore(QObject* parent)
    : QObject(parent)
{
}

const Annotation* AnnotationStore::find(std::uint64_t id) const
{
    const auto it = std::find_if(m_annotations.begin(), m_annotations.end(), [id](const Annotation& a) { return a.id == id; });
    return it == m_annotations.end() ? nullptr : &*it;
}

std::uint64_t AnnotationStore::add(Annotation annotation)
{
    annotation.id = m_nextId++;
    placeClear(annotation, m_annotations);
    const std::uint64_t id = annotation.id;
    m_undo.push(new AddCommand(this, std::move(annotation)));
    return id;
}

void AnnotationStore::remove(std::uint64_t id)
{
    if (find(id))
        m_undo.push(new RemoveCommand(this, id));
}

void AnnotationStore::setText(std::uint64_t id, const QString& text)
{
    const Annotation* current = find(id);
    if (!current || current->text == text)
        return;
    Annotation after = *current;
    after.text = text;
    m_undo.push(new ReplaceCommand(this, *current, after, tr("Edit note"), -1));
}

void AnnotationStore::move(std::uint64_t id, double offsetX, double offsetY)
{
    const Annotation* current = find(id);
    if (!current)
        return;
    Annotation after = *current;
    after.offsetX = offsetX;
    after.offsetY = offsetY;
    after.placed = true;
    m_undo.push(new ReplaceCommand(this, *current, after, tr("Move note"), MoveMergeId));
}

int AnnotationStore::annotateTopFindings(const Comparison& comparison, int count)
{
    const std::size_t target = comparison.targetIndex();
    const Trace& trace = comparison.target();
    auto* macro = new QUndoCommand(tr("Annotate top findings"));
    int added = 0;
    int rank = 0;
    for (const Candidate& candidate : comparison.candidates()) {
        if (added >= count)
            break;
        ++rank;
        const auto& spans = comparison.alignment().node(candidate.node).spans[target];
        if (spans.empty())
            continue; // removed from the target: nothing to point at there
        Annotation a = spanAnnotation(trace, spans.front(), QStringLiteral("#%1 %2").arg(rank).arg(candidate.reason));
        a.id = m_nextId++;
        a.offsetY = -34.0 - 6.0 * added; // stagger, so neighbouring callouts do not sit on each other
        placeClear(a, m_annotations);
        new AddCommand(this, std::move(a), macro);
        ++added;
    }
    if (added > 0)
        m_undo.push(macro);
    else
        delete macro;
    return added;
}

void AnnotationStore::reset(std::vector<Annotation> annotations)
{
    m_undo.clear();
    m_annotations = std::move(annotations);
    for (Annotation& a : m_annotations) {
        a.id = m_nextId++;
    }
    Q_EMIT changed();
}

void AnnotationStore::insertRaw(const Annotation& annotation, std::size_t position)
{
    position = std::min(position, m_annotations.size());
    m_annotations.insert(m_annotations.begin() + static_cast<std::ptrdiff_t>(position), annotation);
    Q_EMIT changed();
}

std::size_t AnnotationStore::removeRaw(std::uint64_t id, Annotation* removed)
{
    const auto it = std::find_if(m_annotations.begin(), m_annotations.end(), [id](const Annotation& a) { return a.id == id; });
    if (it == m_annotations.end())
        return 0;
    const auto position = static_cast<std::size_t>(it - m_annotations.begin());
    if (removed)
        *removed = *it;
    m_annotations.erase(it);
    Q_EMIT changed();
    return position;
}

void AnnotationStore::replaceRaw(const Annotation& annotation)
{
    for (Annotation& a : m_annotations) {
        if (a.id == annotation.id) {
            a = annotation;
            Q_EMIT changed();
            return;
        }
    }
}

} // namespace tracedelta
